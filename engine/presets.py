"""Named kernels from the tutorials, ready to drop into a conv filter.

``PRESETS`` maps a name to a :class:`Preset`; ``preset_kernel`` shapes one for a filter with any
number of input channels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Preset:
    """A named (kh, kw) kernel; ``kernel`` is float64 and read-only (the exact textbook values)."""

    name: str
    description: str
    kernel: np.ndarray
    title: str = ""

    @property
    def preserves_brightness(self) -> bool:
        """True for kernels summing to 1: a flat image comes out unchanged (blurs, sharpen)."""
        return bool(np.isclose(self.kernel.sum(), 1.0))


def _preset(name, title, description, rows, scale=1.0):
    kernel = np.array(rows, dtype=np.float64) * scale
    kernel.flags.writeable = False
    return Preset(name, description, kernel, title)


_DIAGONAL = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
# The curve detector of the "filters as feature detectors" example: 30 along a curve.
_CURVE = [[0, 0, 0, 0, 0, 30, 0], [0, 0, 0, 0, 30, 0, 0], [0, 0, 0, 30, 0, 0, 0],
          [0, 0, 0, 30, 0, 0, 0], [0, 0, 0, 30, 0, 0, 0], [0, 0, 0, 30, 0, 0, 0],
          [0, 0, 0, 0, 0, 0, 0]]
_GAUSS = [[1, 4, 7, 4, 1], [4, 16, 26, 16, 4], [7, 26, 41, 26, 7], [4, 16, 26, 16, 4],
          [1, 4, 7, 4, 1]]
_LINE = [[-1, -1, -1], [1, 1, 1], [-1, -1, -1]]

PRESETS = {p.name: p for p in [
    _preset("identity", "Identity", "Copies the input: 1 in the centre, 0 elsewhere.",
            [[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    _preset("box_blur_3x3", "Box blur 3×3", "Mean of the 3×3 neighbourhood (every weight 1/9).",
            np.ones((3, 3)), 1 / 9),
    _preset("box_blur_5x5", "Box blur 5×5", "Mean of the 5×5 neighbourhood (every weight 1/25).",
            np.ones((5, 5)), 1 / 25),
    _preset("gaussian_5x5", "Gaussian blur 5×5",
            "Weighted mean, heavier in the centre: the integer Gaussian matrix divided by 273.",
            _GAUSS, 1 / 273),
    _preset("sharpen", "Sharpen", "5 × the pixel minus its four neighbours: boosts edges.",
            [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    _preset("sobel_x", "Sobel x", "Brightness rising from left to right (vertical edges).",
            [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
    _preset("sobel_y", "Sobel y", "Brightness rising from top to bottom (horizontal edges).",
            [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),
    _preset("prewitt_x", "Prewitt x", "Like Sobel x with equal weights in every row.",
            [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]),
    _preset("prewitt_y", "Prewitt y", "Like Sobel y with equal weights in every column.",
            [[-1, -1, -1], [0, 0, 0], [1, 1, 1]]),
    _preset("laplacian", "Laplacian", "Centre versus its four neighbours: edges in any direction.",
            [[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    _preset("line_horizontal", "Horizontal line", "Bright middle row between dark rows: "
            "a horizontal line one pixel thick.", _LINE),
    _preset("line_vertical", "Vertical line", "Bright middle column between dark columns: "
            "a vertical line one pixel thick.", np.transpose(_LINE)),
    _preset("x_diagonal_down", "X template ╲", "±1 template of the X/O example matching a ╲ "
            "stroke; divided by 9 so a perfect match scores 1.", _DIAGONAL, 1 / 9),
    _preset("x_diagonal_up", "X template ╱", "±1 template of the X/O example matching a ╱ "
            "stroke; divided by 9 so a perfect match scores 1.", np.fliplr(_DIAGONAL), 1 / 9),
    _preset("x_cross", "X template ╳", "±1 template of the X/O example matching the crossing "
            "of an X; divided by 9 so a perfect match scores 1.",
            [[1, -1, 1], [-1, 1, -1], [1, -1, 1]], 1 / 9),
    _preset("curve_7x7", "Curve detector 7×7", "30 along a bending stroke: responds strongly "
            "where the image has that curve, near 0 elsewhere.", _CURVE),
]}


def preset_kernel(name: str, in_channels: int = 1, channel: int | None = None) -> np.ndarray:
    """The preset ``name`` as a float32 (in_channels, kh, kw) filter.

    Rule: a kernel that preserves brightness (sums to 1: identity, blurs, sharpen) is split,
    each channel getting kernel / in_channels, so the filter still preserves brightness and an
    image with identical channels gives exactly the one-channel result. Every other kernel
    (edge and line detectors, templates, the curve) is repeated unchanged in each channel, so
    it responds to its feature in whichever channel it appears. With ``channel`` given, the
    kernel goes into that channel alone, unscaled, and the others are zero.
    """
    if name not in PRESETS:
        raise KeyError(f"no preset named {name!r}; known: {', '.join(PRESETS)}")
    preset = PRESETS[name]
    out = np.zeros((in_channels,) + preset.kernel.shape, np.float32)
    if channel is not None:
        out[channel] = preset.kernel
    else:
        out[...] = preset.kernel / (in_channels if preset.preserves_brightness else 1)
    return out

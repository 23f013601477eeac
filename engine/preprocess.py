"""Make a drawn digit look like an MNIST digit before it reaches the network."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_INK = 0.01  # fainter pixels are canvas noise, not part of the digit's bounding box
_BOX = 20  # MNIST fits every digit's bounding box into 20×20 ...
_SIZE = 28  # ... and centres its mass in a 28×28 field, at pixel (14, 14) (measured on the set)


@dataclass(frozen=True)
class Centring:
    """Where ``mnist_preprocess`` moved a drawing: its ink box, scaled, with its corner at
    (``top``, ``left``) of the 28×28 input. Maps the network's input back onto the drawing."""

    crop_top: int
    crop_left: int
    scale_y: float  # drawing pixels per input pixel, down and across
    scale_x: float
    top: int
    left: int

    def to_drawing(self, box):
        """The input box (top, left, bottom, right), in pixel edges, as a box on the drawing
        (floats: the scaled crop's pixels need not line up with the drawing's)."""
        top, left, bottom, right = box
        return (self.crop_top + (top - self.top) * self.scale_y,
                self.crop_left + (left - self.left) * self.scale_x,
                self.crop_top + (bottom - self.top) * self.scale_y,
                self.crop_left + (right - self.left) * self.scale_x)


def mnist_centring(image: np.ndarray) -> Centring | None:
    """How ``mnist_preprocess`` crops, scales and shifts ``image`` (H, W); None when blank."""
    return _centre(np.asarray(image, dtype=np.float64))[0]


def mnist_preprocess(image: np.ndarray) -> np.ndarray:
    """Crop to the ink, scale to fit 20×20 keeping the aspect ratio, centre by mass in 28×28.

    This is the recipe that produced MNIST (LeCun et al.), so a network trained on MNIST sees a
    drawing the way it saw its training digits.

    Parameters
    ----------
    image : (H, W) float in [0, 1], white ink on black, any size

    Returns
    -------
    (28, 28) float32 in [0, 1]; all zeros when nothing is drawn.
    """
    return mnist_preprocess_with_centring(image)[0]


def mnist_preprocess_with_centring(image: np.ndarray) -> tuple[np.ndarray, Centring | None]:
    """(``mnist_preprocess(image)``, ``mnist_centring(image)``) from one pass over the ink."""
    out = np.zeros((_SIZE, _SIZE), np.float32)
    centring, digit = _centre(np.asarray(image, dtype=np.float64))
    if centring is None:
        return out, None
    top, left = centring.top, centring.left
    new_h, new_w = digit.shape
    # Paste with clipping: a lopsided digit may push part of its box past the border.
    y0, x0 = max(top, 0), max(left, 0)
    y1, x1 = min(top + new_h, _SIZE), min(left + new_w, _SIZE)
    out[y0:y1, x0:x1] = digit[y0 - top : y1 - top, x0 - left : x1 - left]
    return out, centring


def _centre(image):
    """(Centring, the scaled crop (h, w)) of ``image``, or (None, None) when nothing is drawn."""
    rows, cols = np.flatnonzero((image > _INK).any(axis=1)), np.flatnonzero((image > _INK).any(axis=0))
    if rows.size == 0:
        return None, None
    crop = image[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    factor = _BOX / max(crop.shape)
    new_h, new_w = (max(1, round(n * factor)) for n in crop.shape)
    digit = _resize_matrix(new_h, crop.shape[0]) @ crop @ _resize_matrix(new_w, crop.shape[1]).T
    mass = digit.sum()
    com_y = (digit.sum(axis=1) @ np.arange(new_h)) / mass
    com_x = (digit.sum(axis=0) @ np.arange(new_w)) / mass
    top, left = round(_SIZE / 2 - com_y), round(_SIZE / 2 - com_x)
    centring = Centring(int(rows[0]), int(cols[0]), crop.shape[0] / new_h, crop.shape[1] / new_w,
                        int(top), int(left))
    return centring, digit


def _resize_matrix(out_size: int, in_size: int) -> np.ndarray:
    """(out_size, in_size) anti-aliased linear resampling weights; rows sum to 1.

    A triangle filter widened by the shrink factor when shrinking (so every input pixel
    contributes, no aliasing), plain linear interpolation when enlarging. Resize a 2-D image
    with ``R_rows @ image @ R_cols.T``.
    """
    ratio = in_size / out_size
    support = max(1.0, ratio)
    centres = (np.arange(out_size) + 0.5) * ratio - 0.5  # output pixel centres in input pixels
    weights = np.maximum(0.0, 1 - np.abs(np.arange(in_size)[None, :] - centres[:, None]) / support)
    return weights / weights.sum(axis=1, keepdims=True)

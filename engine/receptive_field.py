"""Receptive fields: which input pixels (and which units of every earlier layer) feed one unit.

Arithmetic after Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural
Networks", Distill 2019. Pixel centres sit at integer coordinates 0 … H−1. Per layer l with kernel
k, stride s, dilation d and padding p (before) the effective kernel is k' = d(k − 1) + 1 and

    r_l = r_{l−1} + (k' − 1) · j_{l−1}          (size, r_0 = 1)
    j_l = j_{l−1} · s                           (jump: input pixels between neighbouring units)
    start_l = start_{l−1} + ((k' − 1)/2 − p) · j_{l−1}   (centre of unit 0's window, start_0 = 0)

Activations have k = s = 1. Flatten, dense and softmax over a vector see the whole input of the
layer. A transposed convolution with stride s moves its window 1/s of an input unit per output
unit, so from there on the jump (and the size and start) can be fractions of a pixel. Every
quantity is per axis: (rows, cols). Each layer spec supplies its own step of the recurrence
(``spec.receptive``) and the exact input positions a set of its units reads (``spec.sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

import numpy as np

from engine.errors import whole_index


class Geometry(NamedTuple):
    """One layer's receptive-field arithmetic; jump and start are None for flat outputs.

    Size and jump are ints, or Fractions after a transposed convolution (a unit then moves
    less than a pixel of the input); start is a float.
    """

    size: tuple
    jump: tuple | None
    start: tuple[float, float] | None


def geometries(net) -> list[Geometry]:
    """Size r, jump j and start of every layer of ``net`` (one Geometry per layer)."""
    size, jump, start = np.ones(2, int), np.ones(2, int), np.zeros(2)
    in_shape = net.input_shape
    out = []
    for spec, shape in zip(net.layers, net.shapes):
        size, jump, start = spec.receptive(size, jump, start, in_shape)
        out.append(Geometry(_numbers(size), None if jump is None else _numbers(jump),
                            None if start is None else tuple(float(v) for v in start)))
        in_shape = shape
    return out


def _numbers(a):
    """Two ints, or Fractions where the value is not whole."""
    return tuple(int(v) if Fraction(v).denominator == 1 else Fraction(v) for v in a)


@dataclass(eq=False)
class ReceptiveField:
    """What one unit sees.

    Boxes are (top, left, bottom, right), half-open, unclipped: they may reach past the image
    (or past a map) where padding was used. A flat layer's units count as one 1 × F row.

    Attributes
    ----------
    layer, row, col : int
        The unit (0-based layer index into ``net.layers``).
    input_box : (top, left, bottom, right)
        Input pixels inside the window.
    layer_boxes : list of boxes
        ``layer_boxes[i]`` for every earlier layer i < layer: its units that feed this unit.
    layer_channels : list of int or None
        The one channel of layer i that feeds the unit (after per-channel layers: pooling,
        activations), or None when all channels do. Only filled when a channel was given.
    size, jump, start : see :class:`Geometry` (of the unit's layer).
    image_shape : (H, W)
    sampled_rows, sampled_cols : ndarray of int
        Input rows / columns actually read (dilated kernels skip some), in image coordinates.
    """

    layer: int
    row: int
    col: int
    input_box: tuple[int, int, int, int]
    layer_boxes: list
    layer_channels: list
    size: tuple[int, int]
    jump: tuple[int, int] | None
    start: tuple[float, float] | None
    image_shape: tuple[int, int]
    sampled_rows: np.ndarray
    sampled_cols: np.ndarray

    def input_mask(self) -> np.ndarray:
        """Boolean (bottom − top, right − left): True where a pixel of the box is actually read."""
        top, left, bottom, right = self.input_box
        return np.outer(np.isin(np.arange(top, bottom), self.sampled_rows),
                        np.isin(np.arange(left, right), self.sampled_cols))

    @property
    def clipped_box(self) -> tuple[int, int, int, int]:
        """The part of ``input_box`` inside the image."""
        top, left, bottom, right = self.input_box
        height, width = self.image_shape
        return max(top, 0), max(left, 0), min(bottom, height), min(right, width)

    @property
    def reaches_padding(self) -> bool:
        return self.clipped_box != self.input_box


def receptive_field(net, layer: int, row: int = 0, col: int = 0,
                    channel: int | None = None) -> ReceptiveField:
    """The receptive field of unit (``channel``, ``row``, ``col``) of ``net.layers[layer]``.

    Row and col are ignored for a flat layer (every input feeds a dense unit anyway).
    Walks back layer by layer: output units [a, b] of a window layer read its input positions
    [a·s − p, b·s − p + d(k − 1)], and exactly the taps u·s − p + t·d (the sampled set).
    """
    layer, row, col = (whole_index(v, n) for v, n in ((layer, "layer"), (row, "row"), (col, "col")))
    if channel is not None:
        channel = whole_index(channel, "channel")
    if not 0 <= layer < len(net.layers):
        raise IndexError(f"layer {layer} does not exist (the network has {len(net.layers)})")
    shape = net.shapes[layer]
    if len(shape) == 3 and not (0 <= row < shape[1] and 0 <= col < shape[2]):
        raise IndexError(f"unit ({row}, {col}) is outside the {shape[1]}×{shape[2]} map of "
                         f"layer {layer + 1}")
    if len(shape) == 1:
        sampled = [np.zeros(1, int), np.arange(shape[0])]
    else:
        sampled = [np.array([row]), np.array([col])]
    boxes, channels = [None] * layer, [None] * layer
    for i in range(layer, -1, -1):
        if i < layer:
            boxes[i] = _box(sampled)
            if not net.layers[i + 1].per_channel or len(net.shapes[i]) == 1:
                channel = None
            channels[i] = channel
        in_shape = net.shapes[i - 1] if i else net.input_shape
        sampled = net.layers[i].sources(sampled, in_shape)
    geometry = net.geometries[layer]
    return ReceptiveField(layer, row, col, _box(sampled), boxes, channels, geometry.size,
                          geometry.jump, geometry.start, tuple(net.input_shape[1:]), *sampled)


def _box(sampled):
    rows, cols = sampled
    if rows.size == 0 or cols.size == 0:  # a transposed conv's output-padding rows read nothing
        return 0, 0, 0, 0
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1

"""Forward only what a pen stroke changed: the units whose receptive field meets the new ink.

A pen event changes a few pixels, but a full forward recomputes every unit of every map; on a
256×256 input with 16-channel convolutions that is ~50 ms per event. Here the network runs on a
crop around the changed pixels (plus a halo of one receptive field, aligned to the total
stride so the crop's units line up with the full maps' units), and only the units whose
receptive field meets the change are written into the previous maps, in place: copying every
map per pen event would cost more than the crop's forward. Numpy and the engine only.

The crop network pads its own edges; that padding is wrong where the crop ends inside the
image, but it only reaches units whose receptive field leaves the crop, and none of those is
copied. Reflect and replicate padding copy pixels near the border into the padding, so a
change near a border also reaches every unit that reads that border's padding: the change is
then taken to extend to the border (and beyond). Circular padding wraps around to the far side
of the image, which a crop lacks, so networks using it always run in full.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from engine.errors import ConfigError


def changed_box(before, after):
    """(top, left, bottom, right), half-open, around the pixels that differ, or None if none do.

    ``before`` and ``after`` are (C, H, W) arrays of the same shape.
    """
    differs = np.any(before != after, axis=0)  # (H, W)
    rows, cols = np.flatnonzero(differs.any(axis=1)), np.flatnonzero(differs.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def _map_layers(net):
    """How many leading layers keep a (C, H, W) map that units see through a window."""
    count = 0
    for window, shape in zip(net.windows, net.shapes):
        if window is None or len(shape) != 3:
            break
        count += 1
    return count


_FAR = 10 ** 9  # "beyond the border": further than any unit's receptive field reaches


def _mirror_margin(net, geometry):
    """Input pixels from a border within which a change reaches reflect / replicate padding."""
    margin = [0, 0]
    for i, (spec, window) in enumerate(zip(net.layers, net.windows[:len(geometry)])):
        if getattr(spec, "padding_mode", "zeros") in ("reflect", "replicate"):
            jump, size = (geometry[i - 1].jump, geometry[i - 1].size) if i else ((1, 1), (1, 1))
            for axis in range(2):
                reach = (max(window.pads[axis]) + 1) * jump[axis] + size[axis]
                margin[axis] = max(margin[axis], reach)
    return margin


class Crop(NamedTuple):
    """Where to run the leading map layers: see :func:`crop_around`."""

    count: int  # how many leading layers (all with (C, H, W) maps) the crop runs
    rows: tuple  # (top, bottom), half-open input rows
    cols: tuple  # (left, right)
    box: tuple  # (top, left, bottom, right) widened to the border where mirror padding reaches
    geometry: list  # engine.receptive_field geometries of those layers


def crop_around(net, shape, box):
    """The input crop on which the leading map layers compute every unit that ``box`` reaches.

    Parameters
    ----------
    net : engine.Network
    shape : (C, H, W) of the input
    box : (top, left, bottom, right), half-open input pixels

    Returns
    -------
    Crop or None
        The crop runs the leading map layers, starts at a multiple of their total stride, and
        reaches one receptive field past ``box``; ``box`` comes back widened to the border
        where a change there reaches reflect / replicate padding. Every unit of those layers
        whose receptive field meets ``box`` is then computed on the crop exactly as on the whole
        input. None: no map layers, or circular padding (a crop lacks the far side it wraps to).
    """
    count = _map_layers(net)
    if count == 0 or any(getattr(spec, "padding_mode", "zeros") == "circular"
                         for spec in net.layers[:count]):
        return None
    geometry = net.geometries[:count]
    jump, size = geometry[-1].jump, geometry[-1].size
    box = list(box)
    for axis, margin in enumerate(_mirror_margin(net, geometry)):
        n = shape[axis + 1]
        # A unit reading mirrored padding depends on pixels up to ``margin`` inside the border:
        # the change then spans from beyond the border to there, so those pixels are cropped.
        if box[axis] < margin:
            box[axis], box[axis + 2] = -_FAR, max(box[axis + 2], min(margin, n))
        if box[axis + 2] > n - margin:
            box[axis], box[axis + 2] = min(box[axis], max(n - margin, 0)), _FAR
    spans = []
    for axis in range(2):
        low, high, n = box[axis], box[axis + 2], shape[axis + 1]
        start = max(low - (size[axis] - 1), 0) // jump[axis] * jump[axis]
        spans.append((start, min(high + size[axis] - 1, n)))
    return Crop(count, spans[0], spans[1], tuple(box), geometry)


def _crop_area(net, shape, box, max_fraction):
    """(crop, area) of the crop :func:`forward_changed` runs for ``box``, or None when it would
    run the full forward instead (no crop, or one over ``max_fraction`` of the input)."""
    crop = crop_around(net, shape, box)
    if crop is None:
        return None
    area = (crop.rows[1] - crop.rows[0]) * (crop.cols[1] - crop.cols[0])
    return None if area > max_fraction * shape[1] * shape[2] else (crop, area)


def multiply_adds(net, shape, box, max_fraction=0.5):
    """About how many multiply-adds :func:`forward_changed` costs for a change in ``box``.

    The map layers it runs on the crop cost their share of ``net.mult_adds`` by area, the flat
    layers after them their whole count. None when the partial pass would not apply (the full
    forward costs ``sum(net.mult_adds)``); 0 when nothing changed (``box`` None).
    """
    if box is None:
        return 0
    planned = _crop_area(net, shape, box, max_fraction)
    if planned is None:
        return None
    crop, area = planned
    share = area / (shape[1] * shape[2])
    return math.ceil(sum(net.mult_adds[:crop.count]) * share) + sum(net.mult_adds[crop.count:])


def forward_changed(net, x, outputs, box, max_fraction=0.5):
    """``net.forward(x)`` from ``outputs``, the forward of an input differing from ``x`` in ``box`` only.

    Parameters
    ----------
    net : engine.Network
    x : (C, H, W) float32 array
        The new input.
    outputs : list of arrays
        ``net.forward`` of the previous input; its maps are updated in place.
    box : (top, left, bottom, right) or None
        Where the two inputs differ (see :func:`changed_box`); None: nowhere.
    max_fraction : float
        Give up when the crop would cover more than this fraction of the input.

    Returns
    -------
    A new list of arrays equal to ``net.forward(x)``: the maps of ``outputs``, updated in place,
    then fresh arrays for the flat layers after them; or None (``outputs`` untouched) when a
    partial pass does not apply or would not pay: run the full forward then.
    """
    if box is None:
        return list(outputs)
    planned = _crop_area(net, x.shape, box, max_fraction)
    if planned is None:
        return None
    count, (top, bottom), (left, right), box, geometry = planned[0]
    try:
        crop_out = [out[0] for out in net.run(x[None, :, top:bottom, left:right], 0, count)]
    except ConfigError:  # the crop is too small for some layer: the full forward it is
        return None
    new = list(outputs)
    for out, fresh, g in zip(outputs, crop_out, geometry):
        ranges = []
        for axis, origin in enumerate((top, left)):
            half = (g.size[axis] - 1) / 2
            first = math.ceil((box[axis] - half - g.start[axis]) / g.jump[axis])
            last = math.floor((box[axis + 2] - 1 + half - g.start[axis]) / g.jump[axis])
            first, last = max(first, 0), min(last, out.shape[axis + 1] - 1)
            ranges.append((first, last + 1, origin // g.jump[axis]))
        (r0, r1, dr), (c0, c1, dc) = ranges
        if r0 < r1 and c0 < c1:
            out[:, r0:r1, c0:c1] = fresh[:, r0 - dr:r1 - dr, c0 - dc:c1 - dc]
    if count < len(net.layers):
        new[count:] = [out[0] for out in net.run(new[count - 1][None], count, len(net.layers))]
    return new

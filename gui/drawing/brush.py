"""The canvas brush in plain numpy: a soft, anti-aliased round stamp dragged along a segment."""

from __future__ import annotations

import math

import numpy as np

FEATHER = 1.25  # anti-aliased edge, in input pixels: MNIST strokes fade over about one pixel


def default_brush(shape):
    """A brush diameter (input pixels) that draws MNIST-like strokes on an input of ``shape``."""
    return max(1.0, round(0.1 * min(shape), 1))


def paint_segment(image, start, end, diameter, erase=False):
    """Stamp a soft round brush along the segment ``start`` → ``end`` into ``image``, in place.

    Parameters
    ----------
    image : (H, W) or (C, H, W) float32 in [0, 1]; every channel gets the same stroke
    start, end : (y, x) in pixels, continuous (pixel (i, j) spans [i, i+1) × [j, j+1))
    diameter : brush diameter in pixels; the edge fades over ``FEATHER`` pixels
    erase : lower pixels towards 0 instead of raising them towards 1

    Returns
    -------
    bool, whether the brush touched the image at all.
    """
    height, width = image.shape[-2:]
    (y0, x0), (y1, x1) = start, end
    reach = diameter / 2 + FEATHER / 2
    top, bottom = max(math.floor(min(y0, y1) - reach), 0), min(math.ceil(max(y0, y1) + reach), height)
    left, right = max(math.floor(min(x0, x1) - reach), 0), min(math.ceil(max(x0, x1) + reach), width)
    if top >= bottom or left >= right:
        return False
    ys = np.arange(top, bottom, dtype=np.float32)[:, None] + 0.5 - y0  # (h, 1)
    xs = np.arange(left, right, dtype=np.float32)[None, :] + 0.5 - x0  # (1, w)
    dy, dx = y1 - y0, x1 - x0
    length2 = dy * dy + dx * dx
    # Distance from each pixel centre to the nearest point of the segment.
    t = np.clip((ys * dy + xs * dx) / length2, 0, 1) if length2 > 0 else 0.0
    alpha = np.clip((reach - np.hypot(ys - t * dy, xs - t * dx)) / FEATHER, 0, 1)
    patch = image[..., top:bottom, left:right]
    if erase:
        np.minimum(patch, 1 - alpha, out=patch)
    else:
        np.maximum(patch, alpha, out=patch)
    return True

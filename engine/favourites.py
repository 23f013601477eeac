"""A unit's favourite inputs: the dataset images that drive it hardest (as DeepVis shows them).

One batched forward over the data, stopped at the unit's layer, keeps one value per channel and
image (so any channel of that layer can be asked next without another pass); each winner comes
with the input box of the receptive field it was found in, to crop it by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.errors import ConfigError


@dataclass(frozen=True)
class Favourites:
    """The top images of one unit, strongest first.

    Attributes
    ----------
    indices : (k,) int, positions in the image array
    activations : (k,) float32, the unit's value on each
    positions : (k, 2) int (row, col) where the channel peaked, or None for a flat layer
    boxes : list of k input boxes (top, left, bottom, right), unclipped: the receptive field of
        the unit at that position (the whole image for a flat layer)
    """

    indices: np.ndarray
    activations: np.ndarray
    positions: np.ndarray | None
    boxes: list


@dataclass(frozen=True)
class LayerValues:
    """Every channel's value on every image, and where in its map it was taken.

    values : (N, C) float32;  positions : (N, C, 2) int (row, col), or None for a flat layer
    """

    values: np.ndarray
    positions: np.ndarray | None


def layer_values(net, images, layer: int, row: int | None = None, col: int | None = None,
                 batch_size: int = 500, on_progress: Callable[[float], None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> LayerValues | None:
    """Each channel's value of layer ``layer`` on every image (one batched forward).

    Parameters
    ----------
    net : engine.Network
    images : (N, H, W) when the network takes one channel, or (N, C, H, W); pixels in [0, 1],
        fed through ``net.network_input`` (the network's normalisation)
    layer : 0-based layer index
    row, col : a map position, or None for each channel's largest value over all positions
        (ignored for a flat layer)
    on_progress, should_stop : as in :func:`engine.evaluate.classify`

    Returns
    -------
    LayerValues, or None when ``should_stop`` ended the run.
    """
    shape = net.shapes[layer]
    flat = len(shape) == 1
    values = np.empty((len(images), shape[0]), np.float32)
    positions = None if flat else np.empty((len(images), shape[0], 2), int)
    for start in range(0, len(images), batch_size):
        if should_stop is not None and should_stop():
            return None
        # reshaped, not net.as_input: a last batch of one (1, H, W) image must stay a batch
        batch = np.asarray(images[start:start + batch_size], np.float32).reshape(
            (-1,) + net.input_shape)
        out = net.forward(net.network_input(batch), upto=layer)[layer]  # (B, C) or (B, C, h, w)
        stop = start + len(batch)
        if flat:
            values[start:stop] = out
        elif row is not None:
            values[start:stop] = out[:, :, row, col]
            positions[start:stop] = row, col
        else:
            maps = out.reshape(out.shape[:2] + (-1,))  # (B, C, h·w)
            peak = maps.argmax(axis=2)
            values[start:stop] = np.take_along_axis(maps, peak[..., None], axis=2)[..., 0]
            positions[start:stop] = np.stack(np.unravel_index(peak, out.shape[2:]), axis=-1)
        if on_progress is not None:
            on_progress(stop / len(images))
    return LayerValues(values, positions)


def top_images(net, layer: int, found: LayerValues, channel: int, k: int = 9) -> Favourites:
    """The ``k`` images with the largest value of ``channel`` in ``found`` (from
    :func:`layer_values` of ``layer``), strongest first; ties: the earlier image first."""
    if not 0 <= channel < found.values.shape[1]:
        raise ConfigError(f"layer {layer + 1} has {found.values.shape[1]} channels, "
                          f"not {channel + 1}")
    values = found.values[:, channel]
    k = min(k, len(values))
    top = np.argpartition(-values, k - 1)[:k] if k else np.empty(0, int)
    top = top[np.lexsort((top, -values[top]))]
    if found.positions is None:
        height, width = net.input_shape[1:]
        return Favourites(top, values[top], None, [(0, 0, height, width)] * k)
    positions = found.positions[top, channel]
    boxes = [net.receptive_field(layer, int(r), int(c)).input_box for r, c in positions]
    return Favourites(top, values[top], positions, boxes)


def favourites(net, images, layer: int, channel: int, row: int | None = None,
               col: int | None = None, k: int = 9, **kwargs) -> Favourites | None:
    """The ``k`` images that drive unit ``channel`` of ``layer`` hardest (at ``row``, ``col``,
    or anywhere in its map), strongest first; None when stopped. Keyword arguments go to
    :func:`layer_values`."""
    found = layer_values(net, images, layer, row, col, **kwargs)
    return None if found is None else top_images(net, layer, found, channel, k)


def crop(image, box, outside=np.nan) -> np.ndarray:
    """The ``box`` (top, left, bottom, right) of ``image`` (H, W), ``outside`` where the box
    reaches past the image (the padding a unit saw)."""
    image = np.asarray(image, np.float32)
    top, left, bottom, right = box
    out = np.full((bottom - top, right - left), outside, np.float32)
    height, width = image.shape
    r0, c0, r1, c1 = max(top, 0), max(left, 0), min(bottom, height), min(right, width)
    if r0 < r1 and c0 < c1:
        out[r0 - top:r1 - top, c0 - left:c1 - left] = image[r0:r1, c0:c1]
    return out

"""Effective receptive field: how strongly each input pixel moves one unit (Luo et al. 2016).

The theoretical receptive field (:mod:`engine.receptive_field`) is the window a unit *can* see;
the gradient ∂unit/∂input says how much each pixel of it actually matters for the image at
hand. Luo, Li, Urtasun and Zemel, "Understanding the Effective Receptive Field in Deep
Convolutional Neural Networks" (NIPS 2016), show it is concentrated near the window's centre.
"""

from __future__ import annotations

import numpy as np

from engine import backward, partial_forward
from engine.errors import ConfigError, whole_index


def input_gradient(net, layer, channel, row=0, col=0, x=None, outputs=None):
    """∂ net.forward(x)[layer][channel, row, col] / ∂x, by backpropagation.

    Parameters
    ----------
    net : engine.Network
    layer, channel, row, col : int
        The unit (0-based layer index; row and col are ignored for flat layers).
    x : one image as ``net.forward`` accepts it
    outputs : list of arrays, optional
        ``net.forward(x)`` (at least up to ``layer``) when the caller has it; the backward
        reads it instead of running the forward again.

    Returns
    -------
    ndarray (C, H, W), float32: zero outside the unit's theoretical receptive field.
    """
    layer, channel, row, col = (whole_index(v, n) for v, n in (
        (layer, "layer"), (channel, "channel"), (row, "row"), (col, "col")))
    if x is None:
        raise ConfigError("the effective receptive field needs the image x it is measured on")
    x = net.as_input(x)[0]  # (C, H, W)
    crop = _unit_crop(net, layer, row, col, x.shape)
    if crop is not None:
        # A unit of a map layer depends on its receptive field only: backpropagating through the
        # maps of a crop around it, instead of the whole input's, costs microseconds, not tens
        # of milliseconds (a 256×256 input).
        (top, bottom), (left, right), (sub_row, sub_col) = crop
        batch = x[None, :, top:bottom, left:right]
        try:
            sub_outputs = net.run(batch, 0, layer + 1)
        except ConfigError:  # the crop is too small for some layer
            sub_outputs = None
        if sub_outputs is not None:
            grad = np.zeros(x.shape, np.float32)
            grad[:, top:bottom, left:right] = _backpropagate(net, layer, (channel, sub_row, sub_col),
                                                             batch, sub_outputs)
            return grad
    batch = x[None]  # (1, C, H, W): backpropagation works on batches
    if outputs is None or len(outputs) <= layer:
        outputs = net.run(batch, 0, layer + 1)
    else:
        outputs = [out[None] for out in outputs[:layer + 1]]  # views, batched as the input
    unit = (channel,) if outputs[layer].ndim == 2 else (channel, row, col)
    return _backpropagate(net, layer, unit, batch, outputs)


def _unit_crop(net, layer, row, col, shape):
    """(input rows, input cols, (row, col) of the unit on the crop) when a crop around the
    unit's receptive field computes it exactly (see
    :func:`engine.partial_forward.crop_around`); else None."""
    if len(net.shapes[layer]) != 3:
        return None
    crop = partial_forward.crop_around(net, shape, net.receptive_field(layer, row, col).input_box)
    if crop is None or layer >= crop.count:
        return None
    (top, _), (left, _) = crop.rows, crop.cols
    jump = crop.geometry[layer].jump  # divides the crop's origin, a multiple of the total stride
    return crop.rows, crop.cols, (row - top // jump[0], col - left // jump[1])


def _backpropagate(net, layer, unit, batch, outputs):
    """∂ unit / ∂batch[0] through layers 0 … ``layer``; ``outputs`` their outputs on ``batch``."""
    grad = np.zeros_like(outputs[layer])
    grad[(0,) + unit] = 1.0
    _, input_grad = backward.network_backward(net, batch, outputs, grad, layer, input_grad=True,
                                              param_grads=False, start=0)
    return input_grad[0].astype(np.float32, copy=False)


def effective_receptive_field(net, layer, channel, row=0, col=0, x=None, outputs=None):
    """|∂unit/∂x| summed over the input channels: (H, W) float32, the heatmap the canvas shows.

    The arguments are those of :func:`input_gradient`.
    """
    return np.abs(input_gradient(net, layer, channel, row, col, x, outputs)).sum(axis=0)

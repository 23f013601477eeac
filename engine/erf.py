"""Effective receptive field: how strongly each input pixel moves one unit (Luo et al. 2016).

The theoretical receptive field (:mod:`engine.receptive_field`) is the window a unit *can* see;
the gradient ∂unit/∂input says how much each pixel of it actually matters for the image at
hand. Luo, Li, Urtasun and Zemel, "Understanding the Effective Receptive Field in Deep
Convolutional Neural Networks" (NIPS 2016), show it is concentrated near the window's centre.
"""

from __future__ import annotations

import numpy as np

from engine import backward


def input_gradient(net, layer, channel, row=0, col=0, x=None, outputs=None):
    """∂ net.forward(x)[layer][channel, row, col] / ∂x, by backpropagation.

    Parameters
    ----------
    net : engine.Network
    layer, channel, row, col : int
        The unit (0-based layer index; row and col are ignored for flat layers).
    x : one image as ``net.forward`` accepts it; default ``net.last_input``
    outputs : list of arrays, optional
        ``net.forward(x)`` (at least up to ``layer``) when the caller has it; the backward
        reads it instead of running the forward again.

    Returns
    -------
    ndarray (C, H, W), float32: zero outside the unit's theoretical receptive field.
    """
    x = net.last_input if x is None else x
    batch = net.as_input(x)[0][None]  # (1, C, H, W): backpropagation works on batches
    if outputs is None or len(outputs) <= layer:
        outputs = net.forward(batch, upto=layer)
    else:
        outputs = [out[None] for out in outputs[:layer + 1]]  # views, batched as the input
    unit = (0, channel) if outputs[layer].ndim == 2 else (0, channel, row, col)
    grad = np.zeros_like(outputs[layer])
    grad[unit] = 1.0
    _, input_grad = backward.network_backward(net, batch, outputs, grad, layer, input_grad=True,
                                              param_grads=False)
    return input_grad[0].astype(np.float32, copy=False)


def effective_receptive_field(net, layer, channel, row=0, col=0, x=None, outputs=None):
    """|∂unit/∂x| summed over the input channels: (H, W) float32, the heatmap the canvas shows.

    The arguments are those of :func:`input_gradient`.
    """
    return np.abs(input_gradient(net, layer, channel, row, col, x, outputs)).sum(axis=0)

"""Effective receptive field: how strongly each input pixel moves one unit (Luo et al. 2016).

The theoretical receptive field (:mod:`engine.receptive_field`) is the window a unit *can* see;
the gradient ∂unit/∂input says how much each pixel of it actually matters for the image at
hand. Luo, Li, Urtasun and Zemel, "Understanding the Effective Receptive Field in Deep
Convolutional Neural Networks" (NIPS 2016), show it is concentrated near the window's centre.
"""

from __future__ import annotations

import numpy as np

from engine import backward


def _layer_input_grad(net, i, grad, inp):
    """∂unit/∂(input of layer i), given ``grad`` = ∂unit/∂(output of layer i); one image."""
    spec, window, p = net.layers[i], net.windows[i], net.params[i]
    kind = spec.kind
    if kind == "conv2d":
        return backward.conv2d_backward(grad, inp, p["weight"], p.get("bias"), window.stride,
                                        window.pads, window.dilation, spec.padding_mode,
                                        spec.flip)[0]
    if kind in ("maxpool2d", "avgpool2d"):
        return backward.pool2d_backward(grad, inp, window.kernel, window.stride, window.pads,
                                        kind[:3], spec.ceil_mode,
                                        getattr(spec, "count_include_pad", True))
    if kind == "dense":
        flat = inp.reshape(1, -1)
        return backward.dense_backward(grad[None], flat, p["weight"])[0].reshape(inp.shape)
    if kind == "flatten":
        return grad.reshape(inp.shape)
    if kind == "softmax":
        return backward.softmax_backward(grad, inp, axis=-3 if inp.ndim == 3 else -1)
    if kind == "leaky_relu":
        return backward.leaky_relu_backward(grad, inp, spec.negative_slope)
    return getattr(backward, f"{kind}_backward")(grad, inp)  # relu, sigmoid, tanh


def input_gradient(net, layer, channel, row=0, col=0, x=None):
    """∂ net.forward(x)[layer][channel, row, col] / ∂x, by backpropagation.

    Parameters
    ----------
    net : engine.Network
    layer, channel, row, col : int
        The unit (0-based layer index; row and col are ignored for flat layers).
    x : one image as ``net.forward`` accepts it; default ``net.last_input``

    Returns
    -------
    ndarray (C, H, W), float32: zero outside the unit's theoretical receptive field.
    """
    x = net.last_input if x is None else x
    x, _ = net._as_input(x)
    outputs = net.forward(x, upto=layer)
    unit = (channel,) if outputs[layer].ndim == 1 else (channel, row, col)
    grad = np.zeros_like(outputs[layer])
    grad[unit] = 1.0
    for i in range(layer, -1, -1):
        grad = _layer_input_grad(net, i, grad, outputs[i - 1] if i else x)
    return grad.astype(np.float32, copy=False)


def effective_receptive_field(net, layer, channel, row=0, col=0, x=None):
    """|∂unit/∂x| summed over the input channels: (H, W) float32, the heatmap the canvas shows."""
    return np.abs(input_gradient(net, layer, channel, row, col, x)).sum(axis=0)

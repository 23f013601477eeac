"""Which input pixels made a classifier say what it said: four attribution maps.

Only methods that pass the sanity checks of Adebayo et al., "Sanity Checks for Saliency Maps"
(NeurIPS 2018) — they change when the weights are randomised — are offered:

- saliency |∂p/∂x| (Simonyan, Vedaldi & Zisserman 2014),
- gradient × input (Shrikumar et al. 2016),
- occlusion: the drop of p when a patch is greyed out (Zeiler & Fergus 2014),
- Grad-CAM on a map layer (Selvaraju et al. 2017).

Every function takes one image as ``net.forward`` accepts it and returns an (H, W) float32 map.
``target`` is a class index; None means the class the network predicts.
"""

from __future__ import annotations

import numpy as np

from engine.backward import network_backward
from engine.errors import ConfigError


def _check_classifier(net):
    if not net.is_classifier:
        raise ConfigError("attribution needs a network that ends in softmax over a flat vector "
                          "(… → dense → softmax): it asks which pixels raised one class's "
                          "probability")


def _forward(net, x, outputs):
    """(x as (1, C, H, W), every layer's output batched as one image)."""
    x = net.as_input(x)[0][None]
    if outputs is None or len(outputs) < len(net.layers):
        return x, net.forward(x)
    return x, [out[None] for out in outputs]


def _target(outputs, target):
    classes = outputs[-1].shape[1]
    if target is None:
        return int(outputs[-1][0].argmax())
    if not 0 <= target < classes:
        raise ConfigError(f"class {target} does not exist: the network has {classes} classes")
    return int(target)


def class_gradient(net, x, target=None, outputs=None) -> np.ndarray:
    """∂p_target/∂x: (C, H, W) float32, the gradient of the class probability.

    ``outputs`` is ``net.forward(x)`` when the caller has it (one image, unbatched).
    """
    _check_classifier(net)
    x, outputs = _forward(net, x, outputs)
    grad = np.zeros_like(outputs[-1])
    grad[0, _target(outputs, target)] = 1.0
    _, dx = network_backward(net, x, outputs, grad, len(net.layers) - 1, input_grad=True,
                             param_grads=False)
    return dx[0].astype(np.float32, copy=False)


def saliency(net, x, target=None, outputs=None) -> np.ndarray:
    """|∂p/∂x|, the largest over input channels: (H, W) ≥ 0. How much a small change of each
    pixel would move the probability, whichever way."""
    return np.abs(class_gradient(net, x, target, outputs)).max(axis=0)


def gradient_times_input(net, x, target=None, outputs=None) -> np.ndarray:
    """∂p/∂x · x summed over input channels: (H, W), signed. Positive where the ink that is there
    raises the probability, negative where it lowers it; zero where there is no ink."""
    x_in = net.as_input(x)[0]
    return (class_gradient(net, x_in, target, outputs) * x_in).sum(axis=0)


def occlusion(net, x, target=None, patch: int = 5, fill: float = 0.0, stride: int = 1,
              batch_size: int = 256, on_progress=None, should_stop=None) -> np.ndarray | None:
    """The drop of p_target when a ``patch``×``patch`` square centred on a pixel is set to
    ``fill`` (clipped at the border): (H, W), positive where covering the pixel hurts the class.

    Patches are centred on every ``stride``-th row and column (0, stride, 2·stride, …); every
    pixel shows the drop of its nearest centre. The occluded images go through the network in
    batches of ``batch_size``; ``on_progress`` is called with the share done after each batch,
    and ``should_stop`` polled before it (the result is then None).
    """
    _check_classifier(net)
    for name, value in (("patch", patch), ("stride", stride)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ConfigError(f"the occlusion {name} must be a whole number of pixels ≥ 1, "
                              f"not {value!r}")
    x = net.as_input(x)[0]  # (C, H, W)
    _, height, width = x.shape
    base = net.predict(x)[0]
    target = int(base.argmax()) if target is None else _target([base[None]], target)
    # A patch centred on (r, c) covers rows r − before … r + after.
    before, after = (patch - 1) // 2, patch // 2

    def covers(size):  # (centre, pixel): True where the patch centred there covers the pixel
        offset = np.arange(size)[None, :] - np.arange(0, size, stride)[:, None]
        return (offset >= -before) & (offset <= after)

    covers_row, covers_col = covers(height), covers(width)
    rows, cols = len(covers_row), len(covers_col)
    drop = np.empty(rows * cols, np.float32)
    for start in range(0, rows * cols, batch_size):
        if should_stop is not None and should_stop():
            return None
        centres = np.arange(start, min(start + batch_size, rows * cols))
        # (B, H, W): True on the pixels the patch centred at each centre covers
        covered = covers_row[centres // cols][:, :, None] & covers_col[centres % cols][:, None, :]
        occluded = np.where(covered[:, None], np.float32(fill), x[None])
        drop[centres] = base[target] - net.predict(occluded)[:, target]
        if on_progress is not None:
            on_progress((centres[-1] + 1) / (rows * cols))
    nearest_row = np.minimum(np.round(np.arange(height) / stride).astype(int), rows - 1)
    nearest_col = np.minimum(np.round(np.arange(width) / stride).astype(int), cols - 1)
    return drop.reshape(rows, cols)[np.ix_(nearest_row, nearest_col)]


def grad_cam_map(net, x, layer: int, target=None, outputs=None) -> np.ndarray:
    """Grad-CAM at the resolution of map layer ``layer``: ReLU(Σ_k α_k A_k) with
    α_k = mean over positions of ∂y/∂A_k, y the class's score before the softmax.

    Returns
    -------
    (h, w) float32 ≥ 0, the shape of the layer's maps.
    """
    _check_classifier(net)
    usable = isinstance(layer, (int, np.integer)) and 0 <= layer < len(net.layers) - 1
    if not usable or len(net.shapes[layer]) != 3:
        raise ConfigError("Grad-CAM needs a layer with feature maps (a conv, pooling or "
                          "activation layer before the flatten)")
    x, outputs = _forward(net, x, outputs)
    target = _target(outputs, target)
    # Backpropagating from the scores down to the chosen maps only (start=layer + 1).
    logits = len(net.layers) - 2
    maps = outputs[layer]  # (1, K, h, w)
    grad = np.zeros_like(outputs[logits])
    grad[0, target] = 1.0
    _, d_maps = network_backward(net, maps, outputs[layer + 1:], grad, logits, input_grad=True,
                                 param_grads=False, start=layer + 1)
    weights = d_maps[0].mean(axis=(1, 2))  # (K,)
    cam = np.tensordot(weights, maps[0], axes=1)
    return np.maximum(cam, 0).astype(np.float32)


def upsample_to_input(net, layer: int, values) -> np.ndarray:
    """A (h, w) map of layer ``layer`` spread over the input: (H, W), bilinear between the
    centres of the units' receptive fields, constant beyond the outermost centres."""
    geometry = net.geometries[layer]
    out = np.asarray(values, np.float32)
    for axis, (size, jump, start) in enumerate(zip(net.input_shape[1:], geometry.jump,
                                                   geometry.start)):
        units = out.shape[axis]
        position = np.clip((np.arange(size) - start) / jump, 0, units - 1)
        low = np.floor(position).astype(int)
        high = np.minimum(low + 1, units - 1)
        share = (position - low).astype(np.float32)
        weights = np.zeros((size, units), np.float32)  # (input pixels, units) interpolation
        np.add.at(weights, (np.arange(size), low), 1 - share)
        np.add.at(weights, (np.arange(size), high), share)
        out = np.moveaxis(np.tensordot(weights, out, axes=([1], [axis])), 0, axis)
    return out


def grad_cam(net, x, layer: int, target=None, outputs=None) -> np.ndarray:
    """:func:`grad_cam_map` upsampled to the input: (H, W) ≥ 0."""
    return upsample_to_input(net, layer, grad_cam_map(net, x, layer, target, outputs))

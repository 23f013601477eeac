"""What a unit wants: the input that drives it hardest, found by gradient ascent.

Regularised as Lucid and DeepVis do (Yosinski et al., "Understanding Neural Networks Through
Deep Visualization", 2015), so the picture shows a pattern rather than high-frequency noise:
every step looks at a randomly shifted copy (jitter), the image decays towards black (an L2
penalty) and is blurred now and then. Pixels stay in the input range [0, 1].

All targets of a call are optimised together, one image each, in one batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.backward import network_backward
from engine.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """steps of gradient ascent of size lr (on the gradient scaled to unit RMS); jitter: largest
    shift in pixels (at most an eighth of the unit's receptive field: a 5×5 unit shifted by 2
    pixels sees another pattern each step); blur_sigma every blur_every steps; l2: share of
    each pixel lost per step."""

    steps: int = 96
    lr: float = 0.05
    jitter: int = 2
    blur_every: int = 4
    blur_sigma: float = 0.5
    l2: float = 0.01
    seed: int = 0


@dataclass(frozen=True)
class Maximised:
    """images : (K, C, H, W) float32 in [0, 1], one per target; start, end : (K,) the target
    unit's value on the starting noise and on the final image."""

    images: np.ndarray
    start: np.ndarray
    end: np.ndarray


def _blur_matrix(size, sigma):
    d = np.arange(size)[:, None] - np.arange(size)[None, :]
    g = np.exp(-0.5 * (d / sigma) ** 2)
    return (g / g.sum(axis=1, keepdims=True)).astype(np.float32)


def maximize(net, layer: int, targets=None, settings: Settings = Settings(),
             on_progress: Callable[[float], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> Maximised | None:
    """One input per target that drives it hard.

    Parameters
    ----------
    net : engine.Network
    layer : 0-based layer index. For a map layer the target is a channel's unit at the centre
        of the map (its receptive field sits mid-image); for a flat layer, unit ``target``.
        Before a softmax, ask for the scores layer (the one before it): raising one probability
        could just lower the others.
    targets : channels / units to maximise; default all of the layer's
    on_progress, should_stop : called with the share done after every step / polled before it

    Returns
    -------
    Maximised, or None when ``should_stop`` ended the run.
    """
    if not 0 <= layer < len(net.layers):
        raise ConfigError(f"layer {layer + 1} does not exist (the network has {len(net.layers)})")
    shape = net.shapes[layer]
    targets = np.arange(shape[0]) if targets is None else np.asarray(targets, int)
    s = settings
    rng = np.random.default_rng(s.seed)
    channels, height, width = net.input_shape
    k = len(targets)
    unit = (np.arange(k), targets) if len(shape) == 1 else (
        np.arange(k), targets, shape[1] // 2, shape[2] // 2)
    x = rng.uniform(0, 0.1, (k, channels, height, width)).astype(np.float32)
    blur_rows, blur_cols = _blur_matrix(height, s.blur_sigma), _blur_matrix(width, s.blur_sigma)
    start = net.forward(x, upto=layer)[layer][unit]
    jitter = min(s.jitter, min(net.geometries[layer].size) // 8)
    for step in range(s.steps):
        if should_stop is not None and should_stop():
            return None
        dy, dx = rng.integers(-jitter, jitter + 1, 2)
        shifted = np.roll(x, (dy, dx), axis=(2, 3))
        outputs = net.forward(shifted, upto=layer)
        grad = np.zeros_like(outputs[layer])
        grad[unit] = 1.0
        _, dx_shifted = network_backward(net, shifted, outputs, grad, layer, input_grad=True,
                                         param_grads=False)
        g = np.roll(dx_shifted, (-dy, -dx), axis=(2, 3))
        rms = np.sqrt((g ** 2).mean(axis=(1, 2, 3), keepdims=True)) + 1e-8
        x = (1 - s.l2) * x + s.lr * g / rms
        if s.blur_every and (step + 1) % s.blur_every == 0:
            x = blur_rows @ x @ blur_cols.T
        x = np.clip(x, 0, 1).astype(np.float32)
        if on_progress is not None:
            on_progress((step + 1) / s.steps)
    end = net.forward(x, upto=layer)[layer][unit]
    return Maximised(x, start.astype(np.float32), end.astype(np.float32))

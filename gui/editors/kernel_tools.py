"""What the kernel editor's tool buttons compute, in plain numpy (no Qt)."""

from __future__ import annotations

import dataclasses

import numpy as np


def centred(kernel, size):
    """``kernel`` (C, ph, pw) in the middle of zeros (C, kh, kw); None when it does not fit.

    A preset placed this way computes the same thing as on its own size (an odd difference puts
    the extra zero row and column at the bottom and right, matching "same" padding).
    """
    (ph, pw), (kh, kw) = kernel.shape[1:], size
    if ph > kh or pw > kw:
        return None
    out = np.zeros((len(kernel), kh, kw), kernel.dtype)
    top, left = (kh - ph) // 2, (kw - pw) // 2
    out[:, top:top + ph, left:left + pw] = kernel
    return out


def normalized(kernel):
    """``kernel`` scaled so its weights add up to 1, or None when they add up to 0."""
    total = float(np.sum(kernel, dtype=np.float64))
    return None if abs(total) < 1e-9 else kernel / total


def random_kernel(rng, shape, fan_in):
    """He-normal weights of ``shape``, as a freshly initialized conv layer followed by ReLU."""
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), shape)


def resized(spec, size):
    """Conv ``spec`` with kernel ``size`` (kh, kw); a numeric padding that kept the map size
    ("k // 2" at stride 1) is adapted so it still does."""
    old = spec.kernel_size if isinstance(spec.kernel_size, tuple) else (spec.kernel_size,) * 2
    padding = spec.padding
    if isinstance(padding, int) and old[0] == old[1] and padding == old[0] // 2:
        padding = (size[0] // 2, size[1] // 2) if size[0] != size[1] else size[0] // 2
    kernel = size if size[0] != size[1] else size[0]
    return dataclasses.replace(spec, kernel_size=kernel, padding=padding)

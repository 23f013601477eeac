"""Padding and output-size arithmetic shared by every windowed operation (torch semantics).

Padding is given in many forms (an int, a pair, explicit sides, "valid", "same", "full");
:func:`resolve_padding` turns each into ((top, bottom), (left, right)) and :func:`pad2d` applies
it with torch's four modes. engine.ops re-exports all of it; nothing else re-implements padding.
"""

from __future__ import annotations

import numpy as np

from engine.errors import ConfigError

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
_NUMPY_PAD_MODE = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def _pair(value, name):
    """An int or an (h, w) pair as a tuple of two ints."""
    # the common cases, kept cheap: small images spend more time here than computing
    if type(value) is int:
        return value, value
    if type(value) is tuple and len(value) == 2 and type(value[0]) is type(value[1]) is int:
        return value
    pair = (value, value) if np.isscalar(value) else tuple(value)
    if len(pair) != 2 or not all(_whole(v) for v in pair):
        raise ConfigError(f"{name} must be a whole number or a (height, width) pair, not {value!r}")
    return int(pair[0]), int(pair[1])


def _whole(value):
    """Whether ``value`` is a whole number (2 or 2.0, not True or "2")."""
    if isinstance(value, (bool, np.bool_)):
        return False
    return isinstance(value, (int, np.integer)) or (
        isinstance(value, (float, np.floating)) and float(value).is_integer())


def positive_pair(value, name):
    """An int or an (h, w) pair as two ints ≥ 1; ``name`` words the ConfigError otherwise."""
    try:
        pair = _pair(value, name)
    except TypeError:  # None or another object that is neither a number nor a pair
        raise ConfigError(f"{name} must be a whole number or a (height, width) pair, "
                          f"not {value!r}") from None
    if min(pair) < 1:
        raise ConfigError(f"{name} must be at least 1, not {value!r}")
    return pair


def output_size(n, kernel_size, stride=1, padding=0, dilation=1, ceil_mode=False):
    """Length of one output axis: floor((n + 2p − d(k − 1) − 1) / s) + 1.

    Parameters
    ----------
    n, kernel_size, stride, dilation : int
        Input length, kernel length, step and spacing between kernel taps.
    padding : int or (before, after)
        Padding on each side, or the two sides separately (their sum replaces 2p).
    ceil_mode : bool
        Round up instead of down (pooling), dropping a last window that would start in the
        right padding, as torch does.

    Raises
    ------
    ConfigError
        If the (dilated) kernel does not fit in the padded input.
    """
    before, after = (padding, padding) if np.isscalar(padding) else padding
    if min(kernel_size, stride, dilation) < 1 or min(before, after) < 0:
        raise ConfigError("kernel size, stride and dilation must be at least 1 "
                          "and padding cannot be negative")
    span = dilation * (kernel_size - 1) + 1
    room = n + before + after - span
    size = (-(-room // stride) if ceil_mode else room // stride) + 1
    if ceil_mode and (size - 1) * stride >= n + before:
        size -= 1
    if size < 1:
        raise ConfigError(f"the input is {n + before + after} long after padding, "
                          f"shorter than the kernel ({span})")
    return size


def output_size_formula(n, kernel_size, stride, pads, dilation=1, ceil_mode=False, size=None):
    """The output-size formula with the numbers filled in.

    ``⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1``, written ``⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28`` when d = 1
    (then d(k − 1) + 1 is just k), with the two pads written separately when they differ and
    ``⌈ ⌉`` for ``ceil_mode``. ``size`` is the result to print (the engine's, which also drops a
    ceil-mode window that would start in the padding); by default the formula's own value.
    """
    before, after = pads
    padding = f" + 2·{before}" if before == after else f" + {before} + {after}"
    if before == after == 0:
        padding = ""
    span = str(kernel_size) if dilation == 1 else f"{dilation}·({kernel_size} − 1) − 1"
    left, right = ("⌈", "⌉") if ceil_mode else ("⌊", "⌋")
    if size is None:
        room = n + before + after - dilation * (kernel_size - 1) - 1
        size = (-(-room // stride) if ceil_mode else room // stride) + 1
    size = str(size).replace("-", "−")  # a window that does not fit: the minus of the formula
    return f"{left}({n}{padding} − {span}) / {stride}{right} + 1 = {size}"


def resolve_padding(padding, kernel_size, dilation=1):
    """Explicit per-side padding ((top, bottom), (left, right)) for any accepted form.

    ``padding`` is an int, an (h, w) pair, ((top, bottom), (left, right)), or one of
    "valid" (none), "same" (keeps the size at stride 1; an odd total puts the extra row and
    column at the bottom and right, like torch) and "full" (d(k − 1) on every side, so every
    overlap of kernel and input is computed). Causal padding is the explicit ((p, 0), (p, 0)).
    """
    kh, kw = positive_pair(kernel_size, "kernel size")
    dh, dw = positive_pair(dilation, "dilation")
    if isinstance(padding, str):
        if padding == "valid":
            return (0, 0), (0, 0)
        if padding == "same":
            th, tw = dh * (kh - 1), dw * (kw - 1)
            return (th // 2, th - th // 2), (tw // 2, tw - tw // 2)
        if padding == "full":
            return (dh * (kh - 1),) * 2, (dw * (kw - 1),) * 2
        raise ConfigError(f'padding must be a number, "valid", "same" or "full", not {padding!r}')
    sequence = (tuple, list, np.ndarray)
    if isinstance(padding, sequence) and all(isinstance(side, sequence) for side in padding):
        if len(padding) != 2:
            raise ConfigError(f"padding must be ((top, bottom), (left, right)), not {padding!r}")
        pads = _pair(padding[0], "padding"), _pair(padding[1], "padding")
    else:
        ph, pw = _pair(padding, "padding")
        pads = (ph, ph), (pw, pw)
    if min(pads[0] + pads[1]) < 0:
        raise ConfigError(f"padding cannot be negative, not {padding!r}")
    return pads


def pad2d(x, pads, mode="zeros", value=0.0):
    """Pad the last two axes of ``x`` (..., H, W) like ``torch.nn.functional.pad``.

    Parameters
    ----------
    pads : ((top, bottom), (left, right))
        As returned by :func:`resolve_padding`.
    mode : {"zeros", "reflect", "replicate", "circular"}
        "reflect" mirrors without repeating the edge (needs pad < size), "replicate" repeats
        the edge, "circular" wraps around (needs pad ≤ size).
    value : float
        The fill for mode "zeros" (max pooling pads with -inf).

    Returns
    -------
    ndarray (..., H + top + bottom, W + left + right), same dtype as ``x``.
    """
    (top, bottom), (left, right) = pads
    height, width = x.shape[-2:]
    if mode == "zeros":
        shape = x.shape[:-2] + (height + top + bottom, width + left + right)
        # np.zeros is twice as fast as np.full for the small maps a GUI recomputes constantly
        out = np.zeros(shape, x.dtype) if value == 0 else np.full(shape, value, x.dtype)
        out[..., top:top + height, left:left + width] = x
        return out
    if mode not in _NUMPY_PAD_MODE:
        raise ConfigError(f"padding mode must be one of {', '.join(PADDING_MODES)}, not {mode!r}")
    limit = {"reflect": (height - 1, width - 1), "circular": (height, width)}.get(mode)
    if limit and (max(top, bottom) > limit[0] or max(left, right) > limit[1]):
        raise ConfigError(f"{mode} padding of {max(pads[0])}×{max(pads[1])} needs an input "
                          f"larger than {height}×{width}")
    if 0 in (height, width):
        raise ConfigError(f"cannot {mode}-pad an empty {height}×{width} input")
    return np.pad(x, ((0, 0),) * (x.ndim - 2) + (pads[0], pads[1]), mode=_NUMPY_PAD_MODE[mode])

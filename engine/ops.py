"""Functional CNN operations on numpy arrays, with the semantics of ``torch.nn.functional``.

Layouts are channels-first: one image is (C, H, W), a batch is (N, C, H, W). Every function
keeps the floating dtype it is given (float32 in, float32 out). Configurations that cannot work
raise :class:`engine.ConfigError` with a message a learner can read; numpy never gets to fail.
"""

from __future__ import annotations

import numpy as np

from engine.errors import ConfigError, real_array
from engine.padding import (
    PADDING_MODES, output_size, pad2d, positive_pair, resolve_padding,
)

__all__ = ["PADDING_MODES", "as_batch", "conv2d", "leaky_relu", "output_size", "pad2d",
           "pool2d", "pool_divisors", "positive_pair", "relu", "resolve_padding", "sigmoid",
           "sliding_windows", "softmax", "tanh"]


def as_batch(x, name):
    """(N, C, H, W) view of a (C, H, W) or (N, C, H, W) array, and whether it was batched."""
    x = real_array(x, name)
    if x.ndim not in (3, 4) or 0 in x.shape:
        raise ConfigError(f"{name} must be (channels, height, width) or a batch of those, "
                          f"not an array of shape {x.shape}")
    return (x, True) if x.ndim == 4 else (x[None], False)


def sliding_windows(xp, kernel, stride, dilation, out_hw):
    """Read-only strided view (N, C, kh, kw, H', W') of every kernel tap's input, without copying.

    ``xp`` (N, C, Hp, Wp) is the already padded input; entry [n, c, i, j, r, q] is the input
    that tap (i, j) of output unit (r, q) reads.
    """
    n, c, hp, wp = xp.shape
    s = xp.strides
    shape = (n, c, kernel[0], kernel[1], out_hw[0], out_hw[1])
    strides = (s[0], s[1], s[2] * dilation[0], s[3] * dilation[1], s[2] * stride[0],
               s[3] * stride[1])
    if xp.flags.c_contiguous:  # same view as as_strided, without its Python-level overhead
        view = np.ndarray(shape, xp.dtype, buffer=xp, strides=strides)
        view.flags.writeable = False
        return view
    return np.lib.stride_tricks.as_strided(xp, shape, strides, writeable=False)


def _output_hw(padded_hw, kernel, stride, dilation, what):
    """(H', W') of a window sliding over an already padded (Hp, Wp) plane, or a ConfigError."""
    span = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    if padded_hw[0] < span[0] or padded_hw[1] < span[1]:
        raise ConfigError(f"the input is {padded_hw[0]}×{padded_hw[1]} after padding, smaller "
                          f"than the {what} ({span[0]}×{span[1]})")
    return tuple((n - k) // s + 1 for n, k, s in zip(padded_hw, span, stride))


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, padding_mode="zeros",
           flip=False):
    """2-D cross-correlation (what CNN layers compute), or true convolution with ``flip``.

    Parameters
    ----------
    x : ndarray (C, H, W) or (N, C, H, W)
    weight : ndarray (F, C, kh, kw)
    bias : ndarray (F,), optional
    stride, dilation : int or (h, w)
    padding : int, (ph, pw), ((top, bottom), (left, right)), "valid", "same" or "full"
        See :func:`resolve_padding`. "same" works at stride 1 only, as in torch.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}
    flip : bool
        Rotate the kernel by 180° first: true (mathematical) convolution.

    Returns
    -------
    ndarray (F, H', W') or (N, F, H', W') with H' = output_size(H, kh, sh, pads, dh).
    """
    xb, batched = as_batch(x, "the input")
    weight = real_array(weight, "the kernel")
    if padding_mode not in PADDING_MODES:
        raise ConfigError(f"padding mode must be one of {', '.join(PADDING_MODES)}, "
                          f"not {padding_mode!r}")
    if weight.ndim != 4:
        raise ConfigError(f"the kernel must be (filters, channels, height, width), "
                          f"not shape {weight.shape}")
    if weight.shape[1] != xb.shape[1]:
        raise ConfigError(f"the input has {xb.shape[1]} channels but the kernel expects "
                          f"{weight.shape[1]}")
    if bias is not None and np.shape(bias) != weight.shape[:1]:
        raise ConfigError(f"the bias needs one value per filter ({weight.shape[0]}), "
                          f"not shape {np.shape(bias)}")
    kernel = weight.shape[2:]
    stride = positive_pair(stride, "stride")
    dilation = positive_pair(dilation, "dilation")
    if isinstance(padding, str) and padding == "same" and stride != (1, 1):
        raise ConfigError('"same" padding keeps the size only at stride 1; '
                          "give the padding as a number for a strided convolution")
    pads = resolve_padding(padding, kernel, dilation)
    dtype = np.result_type(xb.dtype, weight.dtype, np.float32)
    xp = xb.astype(dtype, copy=False)
    if pads != ((0, 0), (0, 0)):
        xp = pad2d(xp, pads, padding_mode)
    out_h, out_w = _output_hw(xp.shape[2:], kernel, stride, dilation, "kernel")
    if flip:
        weight = weight[:, :, ::-1, ::-1]
    out = _correlate(xp, weight.astype(dtype, copy=False), stride, dilation, (out_h, out_w))
    if bias is not None:
        out += np.asarray(bias, dtype=dtype).reshape(-1, 1, 1)
    return out if batched else out[0]


# Elements of the window matrix built per GEMM: about one core's L2 cache (1 MB of float32), so
# a block is still cached when the GEMM reads it, and large inputs reuse one small buffer instead
# of faulting in a fresh tens-of-megabytes window matrix per call. Measured on the 2-core dev
# machine: 15–25 % faster than one big window matrix with one BLAS thread, even with two.
_BLOCK_ELEMENTS = 1 << 18


def _correlate(xp, weight, stride, dilation, out_hw):
    """Cross-correlation of a padded batch as im2col + one GEMM per block.

    Parameters
    ----------
    xp : ndarray (N, C, Hp, Wp), already padded
    weight : ndarray (F, C, kh, kw), same dtype as ``xp``
    stride, dilation, out_hw : (int, int)

    Returns
    -------
    ndarray (N, F, H', W')

    A block is a group of whole images, or, for large images, a band of output rows of one
    image; its windows are copied into one reused contiguous buffer (C·kh·kw, pixels) and
    multiplied by the (F, C·kh·kw) kernel matrix.
    """
    n = xp.shape[0]
    filters = weight.shape[0]
    w2 = np.ascontiguousarray(weight).reshape(filters, -1)
    depth = w2.shape[1]
    out_h, out_w = out_hw
    windows = sliding_windows(xp, weight.shape[2:], stride, dilation, out_hw)  # (N, C, kh, kw, H', W')
    per_image = depth * out_h * out_w
    if n * per_image <= _BLOCK_ELEMENTS:  # everything in one GEMM
        cols = np.ascontiguousarray(windows).reshape(n, depth, -1)
        return np.matmul(w2, cols).reshape(n, filters, out_h, out_w)
    out = np.empty((n, filters, out_h * out_w), dtype=xp.dtype)
    if per_image <= _BLOCK_ELEMENTS:
        images = max(1, min(n, _BLOCK_ELEMENTS // per_image))
        buffer = np.empty(images * per_image, dtype=xp.dtype)
        for i in range(0, n, images):
            block = windows[i:i + images]
            cols = buffer[:block.size].reshape(block.shape)
            np.copyto(cols, block)
            np.matmul(w2, cols.reshape(len(block), depth, -1), out=out[i:i + images])
        return out.reshape(n, filters, out_h, out_w)
    rows = max(1, _BLOCK_ELEMENTS // (depth * out_w))
    buffer = np.empty(depth * rows * out_w, dtype=xp.dtype)
    for i in range(n):
        for r in range(0, out_h, rows):
            band = windows[i, :, :, :, r:r + rows]
            cols = buffer[:band.size].reshape(band.shape)
            np.copyto(cols, band)
            np.matmul(w2, cols.reshape(depth, -1), out=out[i, :, r * out_w:(r + rows) * out_w])
    return out.reshape(n, filters, out_h, out_w)


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", ceil_mode=False,
           count_include_pad=True, return_indices=False):
    """Max or average pooling over each channel, like torch's max_pool2d / avg_pool2d.

    Parameters
    ----------
    x : ndarray (C, H, W) or (N, C, H, W)
    kernel_size : int or (kh, kw)
    stride : int or (h, w), optional
        Defaults to the kernel size (non-overlapping windows).
    padding : int, (ph, pw) or ((top, bottom), (left, right))
        At most half the window on each side. Max pooling pads with -inf (never chosen).
    mode : {"max", "avg"}
    ceil_mode : bool
        Keep a last partial window, as long as it starts inside the input or left padding.
    count_include_pad : bool
        Average: divide by the window's size including padding (but never the part past the
        padding that ``ceil_mode`` adds) instead of by the real pixels only.
    return_indices : bool
        Max: also return, per output unit, the winner's flat index row * W + col into the
        unpadded input plane (the first maximum in row-major window order wins).

    Returns
    -------
    out : ndarray (C, H', W') or (N, C, H', W')
    indices : ndarray of int64, same shape, only with ``return_indices``
    """
    if mode not in ("max", "avg"):
        raise ConfigError(f'pooling mode must be "max" or "avg", not {mode!r}')
    if return_indices and mode != "max":
        raise ConfigError("only max pooling has winner indices")
    xb, batched = as_batch(x, "the input")
    kernel = positive_pair(kernel_size, "pool size")
    stride = kernel if stride is None else positive_pair(stride, "stride")
    pads = resolve_padding(padding, kernel)
    if any(2 * p > k for side, k in zip(pads, kernel) for p in side):
        raise ConfigError(f"pool padding {padding!r} is more than half the "
                          f"{kernel[0]}×{kernel[1]} window")
    height, width = xb.shape[2:]
    try:
        out_hw = tuple(output_size(size, k, s, side, 1, ceil_mode) for size, k, s, side in
                       zip((height, width), kernel, stride, pads))
    except ConfigError:
        padded = (height + sum(pads[0]), width + sum(pads[1]))
        raise ConfigError(f"the input is {padded[0]}×{padded[1]} after padding, smaller than "
                          f"the {kernel[0]}×{kernel[1]} pool window") from None
    # ceil_mode's last window may run past the padding: pad that too, but never count it.
    extra = [max(side[1], (o - 1) * s + k - n - side[0]) for side, o, s, k, n in
             zip(pads, out_hw, stride, kernel, (height, width))]
    room = ((pads[0][0], extra[0]), (pads[1][0], extra[1]))
    dtype = np.result_type(xb.dtype, np.float32)
    xp = xb.astype(dtype, copy=False)
    if room != ((0, 0), (0, 0)):
        xp = pad2d(xp, room, value=-np.inf if mode == "max" else 0.0)
    # Windows are separable: reduce along each row first, then down the columns, one strided
    # view per tap.
    across = _pool_pass(xp, -1, kernel[1], stride[1], out_hw[1], mode)
    out = _pool_pass(across, -2, kernel[0], stride[0], out_hw[0], mode)
    if mode == "avg":
        out /= pool_divisors((height, width), kernel, stride, pads, out_hw,
                             count_include_pad).astype(dtype)
    if not return_indices:
        return out if batched else out[0]
    tap = _max_taps(sliding_windows(xp, kernel, stride, (1, 1), out_hw), out)
    top = np.arange(out_hw[0]).reshape(-1, 1) * stride[0] - pads[0][0]  # window corners
    left = np.arange(out_hw[1]) * stride[1] - pads[1][0]
    tap_offsets = np.arange(kernel[0])[:, None] * width + np.arange(kernel[1])  # (kh, kw)
    indices = (top * width + left) + tap_offsets.reshape(-1)[tap]
    lost = out == -np.inf
    if lost.any():
        # Nothing beats -inf, so torch then reports the window's first pixel inside the image
        # (a padding -inf may have "won" above).
        first_inside = np.maximum(top, 0) * width + np.maximum(left, 0)
        indices = np.where(lost, first_inside, indices)
    return (out, indices) if batched else (out[0], indices[0])


def _pool_pass(a, axis, kernel, stride, count, mode):
    """Max or sum over ``kernel`` taps, ``stride`` apart, along one axis (-2 rows, -1 columns);
    the result is ``count`` long on that axis. A NaN in a max window makes the max NaN."""
    def tap(t):
        index = [slice(None)] * a.ndim
        index[axis] = slice(t, t + stride * (count - 1) + 1, stride)
        return a[tuple(index)]

    out = tap(0).copy()
    combine = np.add if mode == "avg" else np.maximum
    for t in range(1, kernel):
        combine(out, tap(t), out=out)
    return out


def _max_taps(windows, out):
    """Which tap (row-major, 0 … kh·kw − 1) of each window holds its maximum ``out``, as torch.

    ``windows`` (N, C, kh, kw, H', W') is the padded input's window view, ``out`` (N, C, H', W')
    the window maxima. Of equal maxima the first wins; a NaN takes over from any number, the
    last NaN winning (torch scans ``if (v > max || isnan(v))``). Returns (N, C, H', W') of the
    smallest unsigned integer type that holds kh·kw.
    """
    kh, kw = windows.shape[2:4]
    taps = [(t, windows[:, :, t // kw, t % kw]) for t in range(kh * kw)]
    # Masked assignment (copyto where=, putmask) is several times slower than this arithmetic
    # on a small unsigned type: ``winner`` becomes t where the tap matches and stays elsewhere
    # (it never drops below t, so the difference cannot wrap).
    winner = np.full(out.shape, kh * kw - 1, np.min_scalar_type(kh * kw))
    for t, value in reversed(taps):  # so the first equal maximum is written last
        winner -= (value == out) * (winner - t)
    if np.isnan(out).any():
        for t, value in taps:  # so the last NaN is written last
            winner -= np.isnan(value) * (winner - t)
    return winner


def pool_divisors(hw, kernel, stride, pads, out_hw, count_include_pad):
    """(H', W') number of cells each average-pool window's sum is divided by.

    Parameters
    ----------
    hw, kernel, stride, out_hw : (int, int)
        Input size, window size, step and output size.
    pads : ((top, bottom), (left, right))
    count_include_pad : bool
        Count the padding cells too (never the part past the padding a ceil_mode window adds).
    """
    return np.outer(*(_divisors_along(n, k, s, side, out, count_include_pad) for n, k, s, side, out
                      in zip(hw, kernel, stride, pads, out_hw)))


def _divisors_along(n, k, s, side, out, count_include_pad):
    """Per-output number of window positions averaged over along one axis."""
    start = np.arange(out) * s - side[0]
    end = np.minimum(start + k, n + side[1])
    if count_include_pad:
        return end - start
    return np.minimum(end, n) - np.maximum(start, 0)


def relu(x):
    """max(x, 0), elementwise."""
    return np.maximum(real_array(x, "the input"), 0)


def _floating(x):
    """``x`` as an array of floats: float arrays keep their dtype, integers become float."""
    x = real_array(x, "the input")
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.result_type(x, np.float32))


def leaky_relu(x, negative_slope=0.01):
    """x where x > 0, else negative_slope · x."""
    x = _floating(x)
    return np.where(x > 0, x, x * np.asarray(negative_slope, dtype=x.dtype))


def sigmoid(x):
    """1 / (1 + e^−x), computed without overflow for large |x|."""
    x = _floating(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x):
    """Hyperbolic tangent, elementwise."""
    return np.tanh(_floating(x))


def softmax(x, axis=-1):
    """e^x / Σ e^x along ``axis``; the maximum is subtracted first so huge logits cannot overflow."""
    x = _floating(x)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)

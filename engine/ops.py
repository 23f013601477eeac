"""Functional CNN operations on numpy arrays, with the semantics of ``torch.nn.functional``.

Layouts are channels-first: one image is (C, H, W), a batch is (N, C, H, W). Every function
keeps the floating dtype it is given (float32 in, float32 out). Configurations that cannot work
raise :class:`engine.ConfigError` with a message a learner can read; numpy never gets to fail.
"""

from __future__ import annotations

import numpy as np

from engine.errors import ConfigError, real_array
from engine.padding import (
    PADDING_MODES, output_size, output_size_formula, pad2d, positive_pair, resolve_padding,
)

__all__ = ["PADDING_MODES", "add_windows", "as_batch", "batch_norm2d", "check_groups", "conv2d",
           "conv_transpose2d", "dropout", "leaky_relu", "output_size", "output_size_formula", "pad2d",
           "pool2d",
           "pool_divisors", "positive_pair", "relu", "resolve_padding", "sigmoid",
           "sliding_windows", "softmax", "tanh", "transposed_size"]


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


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros",
           flip=False):
    """2-D cross-correlation (what CNN layers compute), or true convolution with ``flip``.

    Parameters
    ----------
    x : ndarray (C, H, W) or (N, C, H, W)
    weight : ndarray (F, C / groups, kh, kw)
    bias : ndarray (F,), optional
    stride, dilation : int or (h, w)
    padding : int, (ph, pw), ((top, bottom), (left, right)), "valid", "same" or "full"
        See :func:`resolve_padding`. "same" works at stride 1 only, as in torch.
    groups : int
        Split the channels into this many groups; filter group g sees input group g only
        (groups = C with one filter each: a depthwise convolution).
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
    check_groups(groups, xb.shape[1], weight.shape[0], "filters")
    if weight.shape[1] * groups != xb.shape[1]:
        raise ConfigError(f"the input has {xb.shape[1]} channels but the kernel expects "
                          f"{weight.shape[1] * groups}"
                          + ("" if groups == 1 else f" ({groups} groups of {weight.shape[1]})"))
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
    out = _correlate(xp, weight.astype(dtype, copy=False), stride, dilation, (out_h, out_w),
                     groups)
    if bias is not None:
        out += np.asarray(bias, dtype=dtype).reshape(-1, 1, 1)
    return out if batched else out[0]


# Elements of the window matrix built per GEMM: about one core's L2 cache (1 MB of float32), so
# a block is still cached when the GEMM reads it, and large inputs reuse one small buffer instead
# of faulting in a fresh tens-of-megabytes window matrix per call. Measured on the 2-core dev
# machine: 15–25 % faster than one big window matrix with one BLAS thread, even with two.
_BLOCK_ELEMENTS = 1 << 18


def _correlate(xp, weight, stride, dilation, out_hw, groups=1):
    """Cross-correlation of a padded batch as im2col + one GEMM per block (and group).

    Parameters
    ----------
    xp : ndarray (N, C, Hp, Wp), already padded
    weight : ndarray (F, C / groups, kh, kw), same dtype as ``xp``
    stride, dilation, out_hw : (int, int)
    groups : int, dividing C and F

    Returns
    -------
    ndarray (N, F, H', W')

    A block is a group of whole images, or, for large images, a band of output rows of one
    image; its windows are copied into one reused contiguous buffer (groups, C/groups·kh·kw,
    pixels) and multiplied by the (groups, F/groups, C/groups·kh·kw) kernel matrices.
    """
    n = xp.shape[0]
    filters = weight.shape[0]
    w2 = np.ascontiguousarray(weight).reshape(groups, filters // groups, -1)
    depth = w2.shape[2]
    out_h, out_w = out_hw
    windows = sliding_windows(xp, weight.shape[2:], stride, dilation, out_hw)  # (N, C, kh, kw, H', W')
    per_image = groups * depth * out_h * out_w
    if n * per_image <= _BLOCK_ELEMENTS:  # everything in one GEMM per group
        cols = np.ascontiguousarray(windows).reshape(n, groups, depth, -1)
        return np.matmul(w2, cols).reshape(n, filters, out_h, out_w)
    out = np.empty((n, groups, filters // groups, out_h * out_w), dtype=xp.dtype)
    if per_image <= _BLOCK_ELEMENTS:
        images = max(1, min(n, _BLOCK_ELEMENTS // per_image))
        buffer = np.empty(images * per_image, dtype=xp.dtype)
        for i in range(0, n, images):
            block = windows[i:i + images]
            cols = buffer[:block.size].reshape(block.shape)
            np.copyto(cols, block)
            np.matmul(w2, cols.reshape(len(block), groups, depth, -1), out=out[i:i + images])
        return out.reshape(n, filters, out_h, out_w)
    rows = max(1, _BLOCK_ELEMENTS // (groups * depth * out_w))
    buffer = np.empty(groups * depth * rows * out_w, dtype=xp.dtype)
    for i in range(n):
        for r in range(0, out_h, rows):
            band = windows[i, :, :, :, r:r + rows]
            cols = buffer[:band.size].reshape(band.shape)
            np.copyto(cols, band)
            np.matmul(w2, cols.reshape(groups, depth, -1),
                      out=out[i, :, :, r * out_w:(r + rows) * out_w])
    return out.reshape(n, filters, out_h, out_w)


def check_groups(groups, channels, filters, what):
    """ConfigError unless ``groups`` is a whole number dividing both channel counts."""
    if isinstance(groups, bool) or not isinstance(groups, (int, np.integer)) or groups < 1:
        raise ConfigError(f"groups must be a whole number ≥ 1, not {groups!r}")
    for count, name in ((channels, "input channels"), (filters, what)):
        if count % groups:
            raise ConfigError(f"the {count} {name} cannot be split into {groups} equal groups "
                              f"(groups must divide both the input channels and the {what})")


def add_windows(taps, padded_hw, stride, dilation):
    """Adjoint of :func:`sliding_windows`: add every tap's slab back where it was read.

    taps : (kh, kw, ..., H', W') values at each window tap (tap-major, so every slab is
    contiguous); returns (..., Hp, Wp) sums. One slab add per kernel tap, never per pixel.
    """
    kh, kw = taps.shape[:2]
    out_h, out_w = taps.shape[-2:]
    out = np.zeros(taps.shape[2:-2] + tuple(padded_hw), dtype=taps.dtype)
    for i in range(kh):
        for j in range(kw):
            top, left = i * dilation[0], j * dilation[1]
            out[..., top:top + stride[0] * (out_h - 1) + 1:stride[0],
                left:left + stride[1] * (out_w - 1) + 1:stride[1]] += taps[i, j]
    return out


def transposed_size(n, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    """Length of one axis of a transposed convolution: (n − 1)·s − 2p + d(k − 1) + op + 1.

    Raises ConfigError for an output_padding not smaller than the stride or the dilation
    (torch's rule: it only picks among the sizes a strided conv maps to n) or an empty output.
    """
    if output_padding < 0 or padding < 0:
        raise ConfigError("padding and output padding cannot be negative")
    if output_padding >= max(stride, dilation):
        raise ConfigError(f"the output padding ({output_padding}) must be smaller than the stride "
                          f"({stride}) or the dilation ({dilation}): it only chooses among the "
                          f"sizes that a stride-{stride} convolution would shrink back to {n}")
    size = (n - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
    if size < 1:
        raise ConfigError(f"the padding ({padding}) crops away the whole output: "
                          f"({n} − 1)·{stride} − 2·{padding} + {dilation}·({kernel_size} − 1) + "
                          f"{output_padding} + 1 = {size}")
    return size


def _nonnegative_pair(value, name):
    pair = (value, value) if isinstance(value, (int, np.integer)) else tuple(value)
    if len(pair) != 2 or not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                                 for v in pair):
        raise ConfigError(f"{name} must be a whole number or a (height, width) pair, not {value!r}")
    if min(pair) < 0:
        raise ConfigError(f"{name} cannot be negative, not {value!r}")
    return int(pair[0]), int(pair[1])


def conv_transpose2d(x, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    """Transposed convolution (sometimes called deconvolution): the adjoint of :func:`conv2d`.

    Every input pixel stamps its value times the kernel onto the output, ``stride`` pixels
    apart; equivalently, zeros are inserted between the input pixels, the result is padded by
    d(k − 1) − p and a stride-1 convolution with the rotated kernel runs over it.

    Parameters
    ----------
    x : ndarray (C, H, W) or (N, C, H, W)
    weight : ndarray (C, F / groups, kh, kw), laid out as torch's
    bias : ndarray (F,), optional
    stride, dilation : int or (h, w)
    padding : int or (h, w)
        Rows and columns cropped from each side of the full output.
    output_padding : int or (h, w)
        Extra rows / columns at the bottom / right, smaller than the stride or the dilation.
    groups : int

    Returns
    -------
    ndarray (F, H', W') or (N, F, H', W') with H' = (H − 1)·s − 2p + d(k − 1) + op + 1.
    """
    xb, batched = as_batch(x, "the input")
    weight = np.asarray(weight)
    if weight.ndim != 4:
        raise ConfigError(f"the kernel must be (input channels, filters, height, width), "
                          f"not shape {weight.shape}")
    n, channels, height, width = xb.shape
    if weight.shape[0] != channels:
        raise ConfigError(f"the input has {channels} channels but the kernel expects "
                          f"{weight.shape[0]}")
    check_groups(groups, channels, weight.shape[1] * groups, "filters")
    filters = weight.shape[1] * groups
    if bias is not None and np.shape(bias) != (filters,):
        raise ConfigError(f"the bias needs one value per filter ({filters}), "
                          f"not shape {np.shape(bias)}")
    kh, kw = weight.shape[2:]
    stride = positive_pair(stride, "stride")
    dilation = positive_pair(dilation, "dilation")
    padding = _nonnegative_pair(padding, "padding")
    output_padding = _nonnegative_pair(output_padding, "output padding")
    out_h, out_w = (transposed_size(*args) for args in zip(
        (height, width), (kh, kw), stride, padding, output_padding, dilation))
    dtype = np.result_type(xb.dtype, weight.dtype, np.float32)
    per_group = channels // groups
    w_cols = weight.astype(dtype, copy=False).reshape(groups, per_group, -1).transpose(0, 2, 1)
    # (N, groups, F/groups·kh·kw, H·W): what every input pixel stamps at every tap
    stamps = np.matmul(w_cols, xb.astype(dtype, copy=False).reshape(n, groups, per_group, -1))
    taps = stamps.reshape(n, filters, kh, kw, height, width).transpose(2, 3, 0, 1, 4, 5)
    canvas = [(size - 1) * s + d * (k - 1) + 1 + op for size, s, d, k, op in
              zip((height, width), stride, dilation, (kh, kw), output_padding)]
    full = add_windows(taps, canvas, stride, dilation)  # (N, F, canvas)
    out = np.ascontiguousarray(full[:, :, padding[0]:padding[0] + out_h,
                                    padding[1]:padding[1] + out_w])
    if bias is not None:
        out += np.asarray(bias, dtype=dtype).reshape(-1, 1, 1)
    return out if batched else out[0]


def batch_norm2d(x, running_mean, running_var, weight=None, bias=None, training=False,
                 momentum=0.1, eps=1e-5):
    """Batch normalization per channel, like torch's ``F.batch_norm`` on maps.

    y = (x − mean) / √(var + eps) · weight + bias, with the running statistics at inference;
    with ``training`` the batch's own mean and (biased) variance over (N, H, W) are used, and
    ``running_mean`` / ``running_var`` (when given) are updated in place by torch's rule
    running ← (1 − momentum)·running + momentum·batch, the variance taken unbiased.

    Parameters
    ----------
    x : ndarray (C, H, W) or (N, C, H, W)
    running_mean, running_var : ndarray (C,) or None (None only while training)
    weight, bias : ndarray (C,), optional (γ and β; 1 and 0 when omitted)
    training : bool
    momentum, eps : float

    Returns
    -------
    ndarray shaped like x
    """
    xb, batched = as_batch(x, "the input")
    channels = xb.shape[1]
    dtype = np.result_type(xb.dtype, np.float32)
    xb = xb.astype(dtype, copy=False)
    for name, array in (("running mean", running_mean), ("running variance", running_var),
                        ("weight", weight), ("bias", bias)):
        if array is not None and np.shape(array) != (channels,):
            raise ConfigError(f"the {name} needs one value per channel ({channels}), "
                              f"not shape {np.shape(array)}")
    if training:
        mean, var = batch_statistics(xb)
        count = xb.size // channels
        if running_mean is not None:
            running_mean *= 1 - momentum
            running_mean += (momentum * mean).astype(running_mean.dtype, copy=False)
        if running_var is not None:
            running_var *= 1 - momentum
            running_var += (momentum * var * count / (count - 1)).astype(running_var.dtype,
                                                                         copy=False)
    elif running_mean is None or running_var is None:
        raise ConfigError("batch norm outside training needs the running mean and variance")
    else:
        mean, var = (np.asarray(a, dtype) for a in (running_mean, running_var))
    scale = 1 / np.sqrt(var + dtype.type(eps))
    if weight is not None:
        scale = scale * np.asarray(weight, dtype)
    shift = -mean * scale
    if bias is not None:
        shift = shift + np.asarray(bias, dtype)
    out = xb * scale.reshape(-1, 1, 1) + shift.reshape(-1, 1, 1)
    return out if batched else out[0]


def batch_statistics(xb):
    """Per-channel mean and biased variance of a batch (N, C, H, W); ConfigError for one value."""
    if xb.size // xb.shape[1] < 2:
        raise ConfigError("batch norm needs more than one value per channel while training "
                          "(a batch of one 1×1 map has no spread to normalize)")
    mean = xb.mean(axis=(0, 2, 3))
    var = np.square(xb - mean.reshape(-1, 1, 1)).mean(axis=(0, 2, 3))
    return mean, var


def dropout(x, p=0.5, training=True, rng=None, return_mask=False):
    """Zero each value with probability ``p`` and scale the rest by 1 / (1 − p), like torch.

    Parameters
    ----------
    x : ndarray, any shape
    p : float in [0, 1]
    training : bool
        False: the identity (dropout is off at inference).
    rng : numpy.random.Generator, optional
        Where the mask comes from (a fresh unseeded one when omitted).
    return_mask : bool
        Also return the mask, 0 or 1 / (1 − p) per value (what the backward multiplies by).

    Returns
    -------
    out : ndarray like x;  mask : ndarray like x, only with ``return_mask``
    """
    if isinstance(p, bool) or not isinstance(p, (int, float, np.floating)) or not 0 <= p <= 1:
        raise ConfigError(f"the dropout probability must be between 0 and 1, not {p!r}")
    x = _floating(x)
    if not training or p == 0:
        mask = np.ones_like(x)
    elif p == 1:
        mask = np.zeros_like(x)
    else:
        rng = np.random.default_rng() if rng is None else rng
        mask = (rng.random(x.shape) >= p).astype(x.dtype) / x.dtype.type(1 - p)
    out = x * mask
    return (out, mask) if return_mask else out


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

"""The arithmetic behind one output value, laid out for the unit inspector.

Every explanation carries ``value`` (exactly what ``forward`` produced) and ``computed`` (the same
number recomputed in float64 from the fields shown), so a learner can redo the sum by hand.
Positions (``rows``, ``cols``, ``winner``, ``source``) are in the coordinates of the layer's
input map; a row or column outside 0 … H−1 is padding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine import ops
from engine.errors import ConfigError, whole_index

#: how many dense contributions an explanation lists
TOP_CONTRIBUTIONS = 10


@dataclass(eq=False)
class Explanation:
    """Fields shared by every kind; ``channel`` is the unit index for flat layers."""

    kind: str
    layer: int
    channel: int
    row: int
    col: int
    value: float
    computed: float


@dataclass(eq=False)
class ConvExplanation(Explanation):
    """value = Σ products + bias, with products = window · kernel, all (C, kh, kw)."""

    window: np.ndarray  # input values under the kernel taps, padding filled per padding_mode
    kernel: np.ndarray  # the filter as applied (already rotated 180° when flipped)
    products: np.ndarray
    channel_sums: np.ndarray  # (C,) Σ products per input channel
    sum: float
    bias: float  # 0.0 for a conv without bias
    rows: np.ndarray  # (kh,) input row of every tap
    cols: np.ndarray  # (kw,)
    padded: np.ndarray  # (kh, kw) bool: the tap reads padding
    padding_mode: str
    flipped: bool
    channels: np.ndarray  # (C / groups,) the input channels this filter sees (its group's)


@dataclass(eq=False)
class PoolExplanation(Explanation):
    """Max: the window's largest value (``winner``); avg: Σ window / divisor."""

    window: np.ndarray  # (kh, kw); padding shows as −inf (max) or 0 (avg)
    rows: np.ndarray
    cols: np.ndarray
    padded: np.ndarray  # (kh, kw) bool: outside the input
    winner: tuple[int, int] | None  # max: input (row, col) of the chosen value
    divisor: int | None  # avg: what the sum is divided by
    padded_count: int  # avg: padding cells counted in the divisor (0 unless count_include_pad)


@dataclass(frozen=True)
class Contribution:
    """One input's share of a dense unit: input · weight = product."""

    index: int  # position in the (flattened) input vector
    position: tuple | None  # (channel, row, col) in the input map when the input is a map
    input: float
    weight: float
    product: float


@dataclass(eq=False)
class DenseExplanation(Explanation):
    """value = Σ over all inputs of input · weight + bias; the largest |products| are listed."""

    contributions: list  # of Contribution, largest |product| first
    inputs: int  # how many products the sum has
    sum: float
    rest: float  # Σ of the products not listed
    bias: float


@dataclass(frozen=True)
class Stamp:
    """One input unit's share of a transposed-conv unit: input · kernel tap = product."""

    channel: int
    row: int  # in the layer's input map
    col: int
    tap: tuple[int, int]  # (i, j) of the kernel
    input: float
    weight: float
    product: float


@dataclass(eq=False)
class TransposedConvExplanation(Explanation):
    """value = Σ over the input units that reach it of input · kernel tap, + bias."""

    stamps: list  # of Stamp, in input order (channel, row, col)
    sum: float
    bias: float


@dataclass(eq=False)
class BatchNormExplanation(Explanation):
    """value = (input − mean) / √(var + eps) · weight + bias, the running statistics."""

    input: float
    mean: float
    var: float
    eps: float
    weight: float  # γ
    bias: float  # β
    normalized: float  # (input − mean) / √(var + eps)


@dataclass(eq=False)
class ActivationExplanation(Explanation):
    function: str  # the layer's kind: "relu", "leaky_relu", "sigmoid", "tanh", "dropout", ...
    formula: str
    input: float


@dataclass(eq=False)
class SoftmaxExplanation(Explanation):
    """value = exps[index] / normalizer, exps = e^(logits − shift) (shift = max: no overflow)."""

    logits: np.ndarray  # (K,): the vector, or the channels at (row, col) for maps
    index: int
    shift: float
    exps: np.ndarray
    normalizer: float


@dataclass(eq=False)
class FlattenExplanation(Explanation):
    source: tuple  # (channel, row, col) of the input value copied here
    input: float


def explain(net, layer: int, channel: int, row: int = 0, col: int = 0, x=None,
            outputs=None) -> Explanation:
    """How ``net.layers[layer]`` computed its output at (channel, row, col) for image ``x``.

    ``x`` is one image (as ``net.forward`` accepts it). Row and col are ignored for layers with
    flat output. ``outputs``, optional, is ``net.forward(x)`` (at least up to ``layer``) when
    the caller already has it: the explanation then reads the layer's input and output from it
    instead of running the forward again (a GUI explaining a unit per frame has the maps anyway).
    The arithmetic is the layer spec's own (``spec.explain``).
    """
    if x is None:
        raise ConfigError("there is no image to explain: pass the image x the maps came from")
    x, batched = net.as_input(x)
    if batched:
        raise ConfigError("explain looks at one image, not a batch")
    layer, channel, row, col = (whole_index(v, n) for v, n in (
        (layer, "layer"), (channel, "channel"), (row, "row"), (col, "col")))
    if not 0 <= layer < len(net.layers):
        raise IndexError(f"layer {layer} does not exist (the network has {len(net.layers)})")
    shape = net.shapes[layer]
    unit = (channel,) if len(shape) == 1 else (channel, row, col)
    if len(unit) == 1:
        row = col = 0
    if not all(0 <= u < n for u, n in zip(unit, shape)):
        raise IndexError(f"unit {unit} is outside layer {layer + 1}'s output of shape {shape}")
    if outputs is None or len(outputs) <= layer:
        outputs = net.forward(x, upto=layer)
    inp = outputs[layer - 1] if layer else x
    spec = net.layers[layer]
    common = (spec.kind, layer, channel, row, col, float(outputs[layer][unit]))
    return spec.explain(common, inp, net.params[layer])


def _taps(unit, stride, before, kernel, dilation):
    return unit * stride - before + np.arange(kernel) * dilation


def conv_unit(common, window, params, inp, padding_mode="zeros", flip=False, groups=1):
    """ConvExplanation of one unit of a conv layer with this window, reading input ``inp``."""
    _, _, filt, row, col, _ = common
    (kh, kw), (dh, dw) = window.kernel, window.dilation
    (top, _), (left, _) = window.pads
    per_group = inp.shape[0] // groups
    group = filt // (params["weight"].shape[0] // groups)
    channels = np.arange(group * per_group, (group + 1) * per_group)
    padded_input = ops.pad2d(inp[channels], window.pads, padding_mode)
    rows = _taps(row, window.stride[0], top, kh, dh)
    cols = _taps(col, window.stride[1], left, kw, dw)
    values = padded_input[:, rows[:, None] + top, cols + left].astype(np.float64)
    kernel = params["weight"][filt].astype(np.float64)
    if flip:
        kernel = kernel[:, ::-1, ::-1]
    products = values * kernel
    channel_sums = products.sum(axis=(1, 2))
    total = float(channel_sums.sum())
    bias = float(params["bias"][filt]) if "bias" in params else 0.0
    return ConvExplanation(*common, total + bias, values, kernel, products, channel_sums, total,
                           bias, rows, cols, _outside(rows, cols, inp.shape), padding_mode,
                           flip, channels)


def _outside(rows, cols, shape):
    return ~np.outer((rows >= 0) & (rows < shape[1]), (cols >= 0) & (cols < shape[2]))


def pool_unit(common, mode, window, inp, count_include_pad=True):
    """PoolExplanation of one unit of a "max" or "avg" pool with this window."""
    _, _, c, row, col, _ = common
    (kh, kw), (top, bottom), (left, right) = window.kernel, *window.pads
    rows = _taps(row, window.stride[0], top, kh, 1)
    cols = _taps(col, window.stride[1], left, kw, 1)
    padded = _outside(rows, cols, inp.shape)
    plane = inp[c].astype(np.float64)
    inside = plane[rows.clip(0, plane.shape[0] - 1)[:, None], cols.clip(0, plane.shape[1] - 1)]
    if mode == "max":
        values = np.where(padded, -np.inf, inside)
        # Pooling just this window picks its winner by the forward's own tie and NaN rules.
        _, tap = ops.pool2d(values[None], (kh, kw), return_indices=True)
        tap_row, tap_col = divmod(int(tap[0, 0, 0]), kw)
        winner = (int(rows[tap_row]), int(cols[tap_col]))
        if values.max() == -np.inf:  # nothing wins: torch names the first pixel in the image
            winner = (max(int(rows[0]), 0), max(int(cols[0]), 0))
        return PoolExplanation(*common, float(values.max()), values, rows, cols, padded, winner,
                               None, 0)
    values = np.where(padded, 0.0, inside)
    # cells past the padding (the last ceil_mode window) never count, as in torch
    beyond = ~np.outer((rows >= -top) & (rows < plane.shape[0] + bottom),
                       (cols >= -left) & (cols < plane.shape[1] + right))
    counted = int((padded & ~beyond).sum()) if count_include_pad else 0
    divisor = int((~padded).sum()) + counted
    return PoolExplanation(*common, float(values.sum() / divisor), values, rows, cols, padded,
                           None, divisor, counted)


def dense_unit(common, params, inp):
    """DenseExplanation: the largest products of one dense unit."""
    unit = common[2]
    flat = inp.reshape(-1).astype(np.float64)
    weights = params["weight"][unit].astype(np.float64)
    products = flat * weights
    top = np.argsort(-np.abs(products), kind="stable")[:TOP_CONTRIBUTIONS]
    contributions = [
        Contribution(int(i), tuple(int(v) for v in np.unravel_index(i, inp.shape))
                     if inp.ndim > 1 else None, float(flat[i]), float(weights[i]),
                     float(products[i])) for i in top]
    total = float(products.sum())
    bias = float(params["bias"][unit]) if "bias" in params else 0.0
    return DenseExplanation(*common, total + bias, contributions, flat.size, total,
                            total - float(products[top].sum()), bias)


def softmax_unit(common, logits, index):
    """SoftmaxExplanation of entry ``index`` of the vector ``logits``."""
    logits = logits.astype(np.float64)
    shift = float(logits.max())
    exps = np.exp(logits - shift)
    normalizer = float(exps.sum())
    return SoftmaxExplanation(*common, float(exps[index] / normalizer), logits, index, shift,
                              exps, normalizer)


def transposed_unit(common, params, inp, stride, padding, dilation, groups):
    """TransposedConvExplanation: every (input unit, kernel tap) pair that lands on the unit.

    Input unit (r, c) with tap (i, j) lands on output (r·s − p + i·d, c·s − p + j·d).
    """
    _, _, filt, row, col, _ = common
    weight = params["weight"]  # (C, F / groups, kh, kw)
    per_group_out = weight.shape[1]
    group = filt // per_group_out
    per_group_in = inp.shape[0] // groups
    stamps = []
    axes = []
    for o, n, k, s, p, d in zip((row, col), inp.shape[1:], weight.shape[2:], stride, padding,
                                dilation):
        axes.append([(t, (o + p - t * d) // s) for t in range(k)
                     if (o + p - t * d) % s == 0 and 0 <= (o + p - t * d) // s < n])
    for ch in range(group * per_group_in, (group + 1) * per_group_in):
        for i, r in axes[0]:
            for j, c in axes[1]:
                value, tap = float(inp[ch, r, c]), float(weight[ch, filt % per_group_out, i, j])
                stamps.append(Stamp(ch, r, c, (i, j), value, tap, value * tap))
    total = float(sum(s.product for s in stamps))
    bias = float(params["bias"][filt]) if "bias" in params else 0.0
    return TransposedConvExplanation(*common, total + bias, stamps, total, bias)


def batch_norm_unit(common, inp, params, eps):
    """BatchNormExplanation of one unit, with the running statistics of its channel."""
    _, _, channel, row, col, _ = common
    value = float(inp[channel, row, col])
    mean, var = float(params["running_mean"][channel]), float(params["running_var"][channel])
    gamma, beta = float(params["weight"][channel]), float(params["bias"][channel])
    normalized = (value - mean) / float(np.sqrt(np.float64(var) + eps))
    return BatchNormExplanation(*common, normalized * gamma + beta, value, mean, var, eps, gamma,
                                beta, normalized)

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

FORMULAS = {"relu": "max(0, x)", "sigmoid": "1 / (1 + e^(−x))", "tanh": "tanh(x)",
            "leaky_relu": "x if x > 0 else {slope}·x"}


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


@dataclass(eq=False)
class ActivationExplanation(Explanation):
    function: str  # "relu", "leaky_relu", "sigmoid", "tanh"
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

    ``x`` is one image (as ``net.forward`` accepts it); by default ``net.last_input``.
    Row and col are ignored for layers with flat output.
    ``outputs``, optional, is ``net.forward(x)`` (at least up to ``layer``) when the caller
    already has it: the explanation then reads the layer's input and output from it instead of
    running the forward again (a GUI explaining a unit per frame has the maps anyway).
    """
    if x is None:
        x = net.last_input
        if x is None:
            raise ConfigError("there is no image to explain yet: run forward first or pass x")
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
    kind = spec.kind
    if kind == "conv2d":
        return _conv(common, spec, net.windows[layer], net.params[layer], inp)
    if kind in ("maxpool2d", "avgpool2d"):
        return _pool(common, spec, net.windows[layer], inp)
    if kind == "dense":
        return _dense(common, net.params[layer], inp)
    if kind == "softmax":
        logits = inp[:, row, col] if inp.ndim == 3 else inp
        return _softmax(common, logits, channel)
    if kind == "flatten":
        source = np.unravel_index(channel, inp.shape)
        source = tuple(int(i) for i in source)
        return FlattenExplanation(*common, float(inp[source]), source, float(inp[source]))
    v = float(inp[unit])
    slope = getattr(spec, "negative_slope", None)
    fn = (lambda a: ops.leaky_relu(a, slope)) if slope is not None else getattr(ops, kind)
    return ActivationExplanation(*common, float(fn(np.float64(v))), kind,
                                 FORMULAS[kind].format(slope=slope), v)


def _taps(unit, stride, before, kernel, dilation):
    return unit * stride - before + np.arange(kernel) * dilation


def _conv(common, spec, window, params, inp):
    _, _, filt, row, col, _ = common
    (kh, kw), (dh, dw) = window.kernel, window.dilation
    (top, _), (left, _) = window.pads
    padded_input = ops.pad2d(inp, window.pads, spec.padding_mode)
    rows = _taps(row, window.stride[0], top, kh, dh)
    cols = _taps(col, window.stride[1], left, kw, dw)
    values = padded_input[:, rows[:, None] + top, cols + left].astype(np.float64)
    kernel = params["weight"][filt].astype(np.float64)
    if spec.flip:
        kernel = kernel[:, ::-1, ::-1]
    products = values * kernel
    channel_sums = products.sum(axis=(1, 2))
    total = float(channel_sums.sum())
    bias = float(params["bias"][filt]) if "bias" in params else 0.0
    return ConvExplanation(*common, total + bias, values, kernel, products, channel_sums, total,
                           bias, rows, cols, _outside(rows, cols, inp.shape), spec.padding_mode,
                           spec.flip)


def _outside(rows, cols, shape):
    return ~np.outer((rows >= 0) & (rows < shape[1]), (cols >= 0) & (cols < shape[2]))


def _pool(common, spec, window, inp):
    _, _, c, row, col, _ = common
    (kh, kw), (top, bottom), (left, right) = window.kernel, *window.pads
    rows = _taps(row, window.stride[0], top, kh, 1)
    cols = _taps(col, window.stride[1], left, kw, 1)
    padded = _outside(rows, cols, inp.shape)
    plane = inp[c].astype(np.float64)
    inside = plane[rows.clip(0, plane.shape[0] - 1)[:, None], cols.clip(0, plane.shape[1] - 1)]
    if spec.kind == "maxpool2d":
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
    counted = int((padded & ~beyond).sum()) if spec.count_include_pad else 0
    divisor = int((~padded).sum()) + counted
    return PoolExplanation(*common, float(values.sum() / divisor), values, rows, cols, padded,
                           None, divisor, counted)


def _dense(common, params, inp):
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


def _softmax(common, logits, index):
    logits = logits.astype(np.float64)
    shift = float(logits.max())
    exps = np.exp(logits - shift)
    normalizer = float(exps.sum())
    return SoftmaxExplanation(*common, float(exps[index] / normalizer), logits, index, shift,
                              exps, normalizer)

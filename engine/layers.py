"""Layer specifications: small frozen dataclasses, one per kind, each the one home of its kind.

A spec says what a layer is, not what it holds: its settings (dataclass fields whose metadata
gives the settings form its label, range, choices and tooltip), its output shape, parameter
shapes and initialization, its forward and backward (calling the pure functions of
:mod:`engine.ops` and :mod:`engine.backward`), the explanation of one unit, its receptive-field
geometry, its describe text and output-size formula, and its JSON form. :class:`engine.Network`,
backward, explain, receptive_field, partial_forward and io only ask the spec; a new kind is one
class registered with :func:`register`. :class:`engine.Network` adds the layer number to every
complaint and owns the weights. Shapes are (C, H, W) for maps and (F,) for flat vectors; forward
and backward take batches (N, C, H, W) / (N, F).
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from numbers import Integral
from typing import ClassVar, NamedTuple

import numpy as np

from engine import backward as bw
from engine import explain as ex
from engine import ops
from engine.errors import ConfigError


class Window(NamedTuple):
    """Where a conv or pool layer looks: per axis (rows, cols) kernel, stride, dilation, pads."""

    kernel: tuple[int, int]
    stride: tuple[int, int]
    dilation: tuple[int, int]
    pads: tuple[tuple[int, int], tuple[int, int]]  # ((top, bottom), (left, right))


def _freeze(value):
    """Lists (from JSON) become tuples and numpy scalars Python numbers, so specs stay hashable,
    compare equal after a round trip and serialize to JSON."""
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value.item() if isinstance(value, np.generic) else value


def _whole(value, name, minimum):
    """``value`` as an int ≥ ``minimum``; a learner-readable ConfigError otherwise."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ConfigError(f"{name} must be a whole number, not {value!r}")
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, not {value}")
    return int(value)


def _whole_pair(value, name, minimum=1):
    pair = value if isinstance(value, tuple) else (value, value)
    if len(pair) != 2:
        raise ConfigError(f"{name} must be a number or a (height, width) pair, not {value!r}")
    return tuple(_whole(v, name, minimum) for v in pair)


def _flags(spec, *names):
    for name in names:
        if not isinstance(getattr(spec, name), bool):
            raise ConfigError(f"{name} must be true or false, not {getattr(spec, name)!r}")


def _size(pair, sep="×"):
    """'3×3' for (3, 3) or 3, '3×5' for (3, 5); anything else as text (used in messages)."""
    if isinstance(pair, tuple) and len(pair) == 2 and not isinstance(pair[0], tuple):
        return f"{pair[0]}{sep}{pair[1]}"
    return f"{pair}{sep}{pair}" if isinstance(pair, Integral) else str(pair)


def _one(pair):
    """'2' for 2 or (2, 2), '2×1' for (2, 1)."""
    if isinstance(pair, tuple) and len(pair) == 2 and pair[0] == pair[1]:
        return str(pair[0])
    return str(pair) if not isinstance(pair, tuple) else _size(pair)


def _pad_label(padding):
    if isinstance(padding, str):
        return f" {padding}"
    if isinstance(padding, tuple) and padding and isinstance(padding[0], tuple):
        return " p" + ",".join(str(p) for side in padding for p in side)
    return f" p{_one(padding)}"


def setting(default=dataclasses.MISSING, *, label, tooltip, minimum=None, maximum=None,
            choices=None):
    """A spec field with what a settings form needs to offer it (label, range, choices, tooltip)."""
    meta = {"label": label, "tooltip": tooltip, "minimum": minimum, "maximum": maximum,
            "choices": choices}
    return field(default=default, metadata=meta)


def _grads(names, *arrays):
    """{"weight": dw, "bias": db}, leaving out what is None."""
    return {n: a for n, a in zip(names, arrays) if a is not None}


class Layer:
    """Behaviour shared by every spec; subclasses are frozen dataclasses with a ``kind``.

    Everything the engine and the GUI need to know about a kind is a method here; the defaults
    describe a unit that reads its own position only (an elementwise function).
    """

    kind: ClassVar[str]
    prefix: ClassVar[str]  # the word in ``describe()``
    stem: ClassVar[str]  # the word in network names: conv1, pool2, ...
    title: ClassVar[str] = ""  # the Add layer menu's entry
    summary: ClassVar[str] = ""  # what the layer does, in one sentence (settings panel help)
    #: output channel c reads input channel c only (receptive fields follow the channel)
    per_channel: ClassVar[bool] = True
    #: initialize the weights of a layer followed by this one for a rectifier (He init)
    rectifier: ClassVar[bool] = False
    #: a function of each value on its own (the inspector then shows "conv1: x → relu1: y")
    elementwise: ClassVar[bool] = False
    #: a new layer of this kind as the Add layer menu inserts it (None: the defaults)
    template: ClassVar[dict | None] = None
    #: "any", "nonnegative" (never below 0) or "input's" (negative only where the input is):
    #: which colour scale its maps get
    output_sign: ClassVar[str] = "any"

    def __post_init__(self):
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _freeze(getattr(self, f.name)))

    # ------------------------------------------------------------------ words
    def describe(self) -> str:
        return self.prefix

    def formula(self, in_shape: tuple) -> list:
        """How the output size follows from the input's, numbers filled in: one line per axis
        (rows, cols) for maps, one line for flat sizes, [] when the size is simply kept."""
        return []

    # ------------------------------------------------------------- arithmetic
    def validate(self) -> None:
        """Raise ConfigError if a setting is impossible on its own (any input)."""

    def output_shape(self, in_shape: tuple) -> tuple:
        """Shape of the output for input shape ``in_shape``; ConfigError if it cannot work."""
        return in_shape

    def param_shapes(self, in_shape: tuple) -> dict:
        """{"weight": shape, "bias": shape, ...} for layers that hold arrays, {} otherwise."""
        return {}

    def trainable(self) -> tuple:
        """Names of the parameters gradient descent updates (running statistics are not)."""
        return ("weight", "bias")

    def init_params(self, shapes: dict, rng, before_rectifier: bool) -> dict:
        """Initial float32 parameters: He-normal weights before a rectifier, Xavier-uniform
        otherwise (fans as torch computes them from dims 0 and 1), zero biases."""
        if not shapes:
            return {}
        weight_shape = shapes["weight"]
        receptive = math.prod(weight_shape[2:])
        fan_in, fan_out = weight_shape[1] * receptive, weight_shape[0] * receptive
        if before_rectifier:
            weight = rng.normal(0.0, math.sqrt(2.0 / fan_in), weight_shape)
        else:
            limit = math.sqrt(6.0 / (fan_in + fan_out))
            weight = rng.uniform(-limit, limit, weight_shape)
        params = {"weight": weight.astype(np.float32)}
        return params | ({"bias": np.zeros(shapes["bias"], np.float32)} if "bias" in shapes else {})

    def multiply_adds(self, in_shape: tuple, out_shape: tuple, params: dict) -> int:
        """Multiply-adds for one image: every weight once per output position."""
        weight = params.get("weight")
        return 0 if weight is None else weight.size * math.prod(out_shape[1:])

    # ----------------------------------------------------------------- compute
    def forward(self, x, params: dict):
        """The layer's output for a batch ``x`` (N, ...) at inference."""
        raise NotImplementedError

    def forward_train(self, x, params: dict, rng):
        """(output, cache) while training; ``cache`` goes to :meth:`backward`. Layers that
        behave differently while training (batch norm, dropout) override this."""
        return self.forward(x, params), None

    def backward(self, grad, x, params: dict, cache=None, *, input_grad=True, param_grads=True):
        """(∂loss/∂x or None, {name: ∂loss/∂param}) given ``grad`` = ∂loss/∂output and the
        forward's input ``x`` (both batched); ``cache`` is what forward_train returned."""
        raise NotImplementedError

    # ---------------------------------------------------------------- explain
    def explain(self, common: tuple, x, params: dict) -> "ex.Explanation":
        """How one unit was computed; ``common`` = (kind, layer, channel, row, col, value),
        ``x`` the layer's input for one image."""
        unit = (common[2],) if x.ndim == 1 else (common[2], common[3], common[4])
        v = float(x[unit])
        return ex.ActivationExplanation(*common, float(self.apply(np.float64(v))), self.kind,
                                        self.unit_formula(), v)

    def apply(self, value):
        """The layer's function of one number (elementwise kinds)."""
        raise NotImplementedError

    def unit_formula(self) -> str:
        return ""

    # --------------------------------------------------------- receptive field
    def window(self, in_shape: tuple) -> Window | None:
        """Spatial footprint of one output unit as a sliding window; None for layers whose
        units are no sliding window over their input (flat layers, transposed convolutions)."""
        return None if len(in_shape) == 1 else Window((1, 1), (1, 1), (1, 1), ((0, 0), (0, 0)))

    def receptive(self, size, jump, start, in_shape):
        """(size r, jump j, start) of this layer's units from its input units' (per axis
        arrays; jump and start None for flat input), by Araujo et al.'s recurrences."""
        window = self.window(in_shape)
        if window is None:
            if jump is None:
                return size, None, None
            # a unit sees every unit of the last map
            return size + (np.array(in_shape[1:]) - 1) * jump, None, None
        k = np.array(window.dilation) * (np.array(window.kernel) - 1) + 1
        before = np.array([side[0] for side in window.pads])
        return (size + (k - 1) * jump, jump * np.array(window.stride),
                start + ((k - 1) / 2 - before) * jump)

    def sources(self, units, in_shape):
        """Per axis (rows, cols): the input positions that output positions ``units`` read
        (sorted, unique; outside 0 … n−1 is padding). Flat input: ([0], every index)."""
        if len(in_shape) == 1:
            return [np.zeros(1, int), np.arange(in_shape[0])]
        window = self.window(in_shape)
        if window is None:
            return [np.arange(n) for n in in_shape[1:]]
        if window.kernel == (1, 1) and window.stride == (1, 1) and not any(map(any, window.pads)):
            return units
        return [np.unique((u[:, None] * s - side[0] + np.arange(k) * d).ravel())
                for u, s, side, k, d in zip(units, window.stride, window.pads, window.kernel,
                                            window.dilation)]

    # -------------------------------------------------------------------- JSON
    def to_dict(self) -> dict:
        """JSON-ready dict: {"type": kind} plus the settings that differ from the defaults."""
        out = {"type": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.default is dataclasses.MISSING or value != f.default:
                out[f.name] = _thaw(value)
        return out


def _thaw(value):
    return [_thaw(v) for v in value] if isinstance(value, tuple) else value


class _Windowed(Layer):
    """Conv and pooling: one output unit reads a (possibly dilated, padded) window."""

    def geometry(self) -> Window:
        """Kernel, stride, dilation and resolved padding; ConfigError for impossible settings."""
        what = "the pool size" if self.prefix.endswith("pool") else "the kernel size"
        kernel = _whole_pair(self.kernel_size, what)
        stride = kernel if self.stride is None else _whole_pair(self.stride, "the stride")
        dilation = _whole_pair(getattr(self, "dilation", 1), "the dilation")
        try:
            pads = ops.resolve_padding(self.padding, kernel, dilation)
        except TypeError:
            raise ConfigError(f"padding must be a number, a (rows, cols) pair or "
                              f"((top, bottom), (left, right)), not {self.padding!r}") from None
        return Window(kernel, stride, dilation, pads)

    @cached_property
    def resolved(self) -> Window:
        """:meth:`geometry`, worked out once per spec (forward runs per pen event)."""
        return self.geometry()

    def validate(self):
        self.geometry()

    def window(self, in_shape):
        if len(in_shape) != 3:
            raise ConfigError(f"the input is a flat list of {in_shape[0]} numbers, not an image; "
                              f"{self.prefix} needs channels × height × width (put it before "
                              f"flatten/dense)")
        return self.geometry()

    def _spatial_out(self, in_shape, what):
        """(H', W') through ops.output_size, with the whole 2-D picture in the complaint."""
        w = self.window(in_shape)
        ceil_mode = getattr(self, "ceil_mode", False)
        try:
            return tuple(ops.output_size(n, k, s, side, d, ceil_mode) for n, k, s, side, d in
                         zip(in_shape[1:], w.kernel, w.stride, w.pads, w.dilation))
        except ConfigError:
            padded = [n + sum(side) for n, side in zip(in_shape[1:], w.pads)]
            span = [d * (k - 1) + 1 for k, d in zip(w.kernel, w.dilation)]
            dilated = "dilated " if max(w.dilation) > 1 else ""
            after = " after padding" if any(map(sum, w.pads)) else ""
            raise ConfigError(f"the input is {padded[0]}×{padded[1]}{after}, smaller than the "
                              f"{dilated}{what} ({span[0]}×{span[1]})") from None

    def formula(self, in_shape):
        """⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 per axis, numbers filled in. A window that does
        not fit still gets its formula (the result is then ≤ 0): the clearest reason why."""
        w = self.window(in_shape)
        ceil_mode = getattr(self, "ceil_mode", False)
        lines = []
        for n, k, s, pads, d in zip(in_shape[1:], w.kernel, w.stride, w.pads, w.dilation):
            try:
                size = ops.output_size(n, k, s, pads, d, ceil_mode)
            except ConfigError:
                size = None
            lines.append(ops.output_size_formula(n, k, s, pads, d, ceil_mode, size))
        return lines


KERNEL_TIP = ("Width and height of the window that slides over the input. A bigger window "
              "sees more at once but has more weights.")
STRIDE_TIP = ("How many pixels the window jumps between positions. Stride 2 roughly halves the "
              "output's width and height.")
PADDING_TIP = ("A border added around the input before sliding, so the window can also sit on "
               "the edges. 0 = none, same = keep the size (stride 1), full = every overlap.")


@dataclass(frozen=True)
class _Pooling(_Windowed):
    """Max and average pooling share their settings and window arithmetic."""

    kernel_size: int | tuple = setting(2, label="Window size", tooltip=KERNEL_TIP, minimum=1,
                                       maximum=99)
    stride: int | tuple | None = setting(None, label="Stride", tooltip=STRIDE_TIP, minimum=1,
                                         maximum=99)
    padding: int | tuple = setting(0, label="Padding", tooltip=PADDING_TIP)
    ceil_mode: bool = setting(False, label="Ceil mode", tooltip=(
        "When the windows do not fit exactly, round the output size up, keeping a last partial "
        "window instead of dropping it."))

    output_sign: ClassVar[str] = "input's"

    def describe(self):
        stride = self.kernel_size if self.stride is None else self.stride
        label = f"{self.prefix} {_size(self.kernel_size)} s{_one(stride)}"
        return label + ("" if self.padding == 0 else _pad_label(self.padding))

    def geometry(self):
        w = super().geometry()
        _flags(self, *(n for n in ("ceil_mode", "count_include_pad") if hasattr(self, n)))
        if any(2 * p > k for side, k in zip(w.pads, w.kernel) for p in side):
            raise ConfigError(f"padding {_pad_label(self.padding).strip()} is more than half the "
                              f"{_size(w.kernel)} window, so some windows would see only padding")
        return w

    def output_shape(self, in_shape):
        return (in_shape[0],) + self._spatial_out(in_shape, "pool window")

    def _options(self):
        return {}

    def forward(self, x, params):
        w = self.resolved
        return ops.pool2d(x, w.kernel, w.stride, w.pads, self.mode, self.ceil_mode,
                          **self._options())

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        w = self.resolved
        return bw.pool2d_backward(grad, x, w.kernel, w.stride, w.pads, self.mode, self.ceil_mode,
                                  **self._options()), {}

    def explain(self, common, x, params):
        return ex.pool_unit(common, self.mode, self.resolved, x,
                            getattr(self, "count_include_pad", True))


CHANNELS_TIP = ("How many filters this layer has. Each filter makes one output map, so this is "
                "the depth (number of channels) of the output.")
DILATION_TIP = ("Gaps between the kernel's taps. Dilation 2 spreads a 3×3 kernel over a 5×5 "
                "area: it sees further without more weights.")
GROUPS_TIP = ("Split the channels into groups; each filter sees only its group's channels. "
              "Groups = input channels: a depthwise convolution, one filter per channel.")
BIAS_TIP = "Add a learned constant to each output, shifting it up or down."


@dataclass(frozen=True)
class Conv2d(_Windowed):
    """Convolution with ``out_channels`` filters; the input channel count is inferred."""

    out_channels: int = setting(label="Filters (depth)", tooltip=CHANNELS_TIP, minimum=1,
                                maximum=1024)
    kernel_size: int | tuple = setting(3, label="Kernel size", tooltip=KERNEL_TIP, minimum=1,
                                       maximum=99)
    stride: int | tuple = setting(1, label="Stride", tooltip=STRIDE_TIP, minimum=1, maximum=99)
    padding: int | str | tuple = setting(0, label="Padding", tooltip=PADDING_TIP)
    dilation: int | tuple = setting(1, label="Dilation", tooltip=DILATION_TIP, minimum=1,
                                    maximum=99)
    padding_mode: str = setting("zeros", label="Pad with", choices=ops.PADDING_MODES, tooltip=(
        "What the border is filled with: zeros, a mirror image of the edge (reflect), copies of "
        "the edge pixels (replicate) or the opposite edge (circular)."))
    bias: bool = setting(True, label="Bias", tooltip=BIAS_TIP)
    flip: bool = setting(False, label="Flip", tooltip=(
        "Real convolution turns the kernel 180° before sliding it. Deep-learning libraries skip "
        "the turn (cross-correlation); a learned kernel does not care."))
    groups: int = setting(1, label="Groups", tooltip=GROUPS_TIP, minimum=1, maximum=1024)

    kind: ClassVar[str] = "conv2d"
    stem: ClassVar[str] = "conv"
    prefix: ClassVar[str] = "conv"
    title: ClassVar[str] = "Convolution"
    summary: ClassVar[str] = ("Slides each filter over the input and writes one weighted sum "
                              "per position: one output map per filter.")
    per_channel: ClassVar[bool] = False
    template: ClassVar[dict] = {"out_channels": 8, "kernel_size": 3, "padding": 1}

    def describe(self):
        label = f"conv {_size(self.kernel_size)} s{_one(self.stride)}{_pad_label(self.padding)}"
        if self.dilation not in (1, (1, 1)):
            label += f" d{_one(self.dilation)}"
        if self.groups != 1:
            label += f" g{self.groups}"
        if self.padding_mode != "zeros":
            label += f" {self.padding_mode}"
        return label + (" flipped" if self.flip else "")

    def geometry(self):
        _whole(self.out_channels, "the number of filters", 1)
        _whole(self.groups, "groups", 1)
        if self.padding_mode not in ops.PADDING_MODES:
            raise ConfigError(f"the padding mode must be one of {', '.join(ops.PADDING_MODES)}, "
                              f"not {self.padding_mode!r}")
        _flags(self, "bias", "flip")
        if self.stride is None:
            raise ConfigError("the stride must be a whole number or a (height, width) pair, "
                              "not null")
        # A stride below 1 is the mistake to name, before what it would mean for "same".
        if self.padding == "same" and _whole_pair(self.stride, "the stride") != (1, 1):
            raise ConfigError('"same" padding keeps the size only at stride 1; give the padding '
                              "as a number for a strided convolution")
        return super().geometry()

    def window(self, in_shape):
        w = super().window(in_shape)
        ops.check_groups(self.groups, in_shape[0], self.out_channels, "filters")
        # checked here, with the layer named, rather than when pad2d first runs
        limit = {"reflect": 1, "circular": 0}.get(self.padding_mode)
        for n, side, axis in zip(in_shape[1:], w.pads, ("tall", "wide")):
            if limit is not None and max(side) > n - limit:
                raise ConfigError(f"{self.padding_mode} padding of {max(side)} needs an input at "
                                  f"least {max(side) + limit} {axis}, but it is {n} {axis}")
        return w

    def output_shape(self, in_shape):
        return (self.out_channels,) + self._spatial_out(in_shape, "kernel")

    def param_shapes(self, in_shape):
        kh, kw = _whole_pair(self.kernel_size, "the kernel size")
        shapes = {"weight": (self.out_channels, in_shape[0] // self.groups, kh, kw)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {})

    def forward(self, x, params):
        w = self.resolved
        return ops.conv2d(x, params["weight"], params.get("bias"), w.stride, w.pads, w.dilation,
                          self.groups, self.padding_mode, self.flip)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        w = self.resolved
        dx, dw, db = bw.conv2d_backward(grad, x, params["weight"], params.get("bias"), w.stride,
                                        w.pads, w.dilation, self.groups, self.padding_mode,
                                        self.flip, input_grad=input_grad, weight_grad=param_grads)
        return dx, _grads(("weight", "bias"), dw, db)

    def explain(self, common, x, params):
        return ex.conv_unit(common, self.resolved, params, x, self.padding_mode, self.flip,
                            self.groups)


@dataclass(frozen=True)
class ConvTranspose2d(Layer):
    """Transposed convolution: every input unit stamps the kernel, times its value, onto the
    output, ``stride`` pixels apart; it upsamples where a strided conv downsamples."""

    out_channels: int = setting(label="Filters (depth)", tooltip=CHANNELS_TIP, minimum=1,
                                maximum=1024)
    kernel_size: int | tuple = setting(3, label="Kernel size", tooltip=KERNEL_TIP, minimum=1,
                                       maximum=99)
    stride: int | tuple = setting(1, label="Stride", minimum=1, maximum=99, tooltip=(
        "How many output pixels apart neighbouring input units stamp the kernel: 2 doubles the "
        "size."))
    padding: int | tuple = setting(0, label="Padding", minimum=0, maximum=99, tooltip=(
        "Rows and columns cropped from every side of the stamped output."))
    output_padding: int | tuple = setting(0, label="Output padding", minimum=0, maximum=14,
                                          tooltip=("Extra rows / columns at the bottom and right, "
                                                   "smaller than the stride or the dilation."))
    dilation: int | tuple = setting(1, label="Dilation", tooltip=DILATION_TIP, minimum=1,
                                    maximum=99)
    groups: int = setting(1, label="Groups", tooltip=GROUPS_TIP, minimum=1, maximum=1024)
    bias: bool = setting(True, label="Bias", tooltip=BIAS_TIP)

    kind: ClassVar[str] = "conv_transpose2d"
    stem: ClassVar[str] = "tconv"
    prefix: ClassVar[str] = "transposed conv"
    title: ClassVar[str] = "Transposed convolution"
    summary: ClassVar[str] = ("Each input unit stamps the kernel, scaled by its value, onto "
                              "the output, stride pixels apart: learned upsampling.")
    per_channel: ClassVar[bool] = False
    template: ClassVar[dict] = {"out_channels": 4, "kernel_size": 2, "stride": 2}

    def describe(self):
        label = f"transposed conv {_size(self.kernel_size)} s{_one(self.stride)}"
        if self.padding not in (0, (0, 0)):
            label += f" p{_one(self.padding)}"
        if self.output_padding not in (0, (0, 0)):
            label += f" op{_one(self.output_padding)}"
        if self.dilation not in (1, (1, 1)):
            label += f" d{_one(self.dilation)}"
        return label + (f" g{self.groups}" if self.groups != 1 else "")

    def geometry(self):
        """(kernel, stride, padding, output_padding, dilation) pairs; ConfigError if impossible."""
        _whole(self.out_channels, "the number of filters", 1)
        _whole(self.groups, "groups", 1)
        _flags(self, "bias")
        kernel = _whole_pair(self.kernel_size, "the kernel size")
        stride = _whole_pair(self.stride, "the stride")
        padding = _whole_pair(self.padding, "the padding", 0)
        output_padding = _whole_pair(self.output_padding, "the output padding", 0)
        dilation = _whole_pair(self.dilation, "the dilation")
        for op, s, d in zip(output_padding, stride, dilation):
            if op >= max(s, d):
                raise ConfigError(f"the output padding ({op}) must be smaller than the stride "
                                  f"({s}) or the dilation ({d})")
        return kernel, stride, padding, output_padding, dilation

    @cached_property
    def resolved(self):
        return self.geometry()

    def validate(self):
        self.geometry()

    def _check_input(self, in_shape):
        if len(in_shape) != 3:
            raise ConfigError(f"the input is a flat list of {in_shape[0]} numbers, not an image; "
                              f"a transposed conv needs channels × height × width")
        ops.check_groups(self.groups, in_shape[0], self.out_channels, "filters")
        return self.geometry()

    def output_shape(self, in_shape):
        kernel, stride, padding, output_padding, dilation = self._check_input(in_shape)
        return (self.out_channels,) + tuple(
            ops.transposed_size(n, k, s, p, op, d) for n, k, s, p, op, d in
            zip(in_shape[1:], kernel, stride, padding, output_padding, dilation))

    def formula(self, in_shape):
        """(H − 1)·s − 2p + d(k − 1) + output_padding + 1 per axis, numbers filled in."""
        kernel, stride, padding, output_padding, dilation = self._check_input(in_shape)
        return [f"({n} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = "
                f"{(n - 1) * s - 2 * p + d * (k - 1) + op + 1}"
                for n, k, s, p, op, d in zip(in_shape[1:], kernel, stride, padding,
                                             output_padding, dilation)]

    def param_shapes(self, in_shape):
        kh, kw = _whole_pair(self.kernel_size, "the kernel size")
        shapes = {"weight": (in_shape[0], self.out_channels // self.groups, kh, kw)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {})

    def multiply_adds(self, in_shape, out_shape, params):
        """Every weight once per input position (each input unit stamps the whole kernel)."""
        return params["weight"].size * math.prod(in_shape[1:])

    def window(self, in_shape):
        self._check_input(in_shape)
        return None

    def _args(self):
        kernel, stride, padding, output_padding, dilation = self.resolved
        return stride, padding, output_padding, self.groups, dilation

    def forward(self, x, params):
        return ops.conv_transpose2d(x, params["weight"], params.get("bias"), *self._args())

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        dx, dw, db = bw.conv_transpose2d_backward(grad, x, params["weight"], params.get("bias"),
                                                  *self._args(), input_grad=input_grad,
                                                  weight_grad=param_grads)
        return dx, _grads(("weight", "bias"), dw, db)

    def explain(self, common, x, params):
        stride, padding, _, groups, dilation = self._args()
        return ex.transposed_unit(common, params, x, stride, padding, dilation, groups)

    def receptive(self, size, jump, start, in_shape):
        """Output unit o gathers input units i with i·s − p + t·d = o: a window of
        d(k − 1)/s input units around (o + p − d(k − 1)/2) / s, one s-th of a unit apart."""
        kernel, stride, padding, _, dilation = self.resolved
        jump = np.array([Fraction(j) / s for j, s in zip(jump, stride)], dtype=object)
        span = np.array([d * (k - 1) for k, d in zip(kernel, dilation)], dtype=object)
        return (size + span * jump, jump,
                start + np.array([Fraction(2 * p - a, 2) for p, a in zip(padding, span)],
                                 dtype=object) * jump)

    def as_convolution(self):
        """(zeros, Window): the same layer as a stride-1 convolution, as vdumoulin's
        conv_arithmetic draws it: ``zeros`` = stride − 1 zeros inserted between neighbouring
        input pixels, then padded by d(k − 1) − p on each side (plus output_padding at the
        bottom and right; negative padding crops), and the kernel, turned 180°, slid one pixel
        at a time."""
        kernel, stride, padding, output_padding, dilation = self.resolved
        pads = tuple((d * (k - 1) - p, d * (k - 1) - p + op) for k, p, op, d in
                     zip(kernel, padding, output_padding, dilation))
        return tuple(s - 1 for s in stride), Window(kernel, (1, 1), dilation, pads)

    def sources(self, units, in_shape):
        kernel, stride, padding, _, dilation = self.resolved
        out = []
        for u, n, k, s, p, d in zip(units, in_shape[1:], kernel, stride, padding, dilation):
            reach = u[:, None] + p - np.arange(k) * d  # i·s for every tap
            hits = reach[(reach % s == 0) & (reach >= 0) & (reach < n * s)] // s
            out.append(np.unique(hits) if hits.size else np.zeros(0, int))
        return out


@dataclass(frozen=True)
class MaxPool2d(_Pooling):
    """The largest value of each window, per channel (padding never wins)."""

    kind: ClassVar[str] = "maxpool2d"
    stem: ClassVar[str] = "pool"
    prefix: ClassVar[str] = "max pool"
    title: ClassVar[str] = "Max pool"
    summary: ClassVar[str] = ("Keeps the largest value of each window: smaller maps that "
                              "remember whether a feature was there, not exactly where.")
    mode: ClassVar[str] = "max"


@dataclass(frozen=True)
class AvgPool2d(_Pooling):
    """The mean of each window, per channel."""

    count_include_pad: bool = setting(True, label="Average", tooltip=(
        "Count the padding zeros when averaging (edges get darker) or divide only by the real "
        "pixels in the window."))

    kind: ClassVar[str] = "avgpool2d"
    stem: ClassVar[str] = "pool"
    prefix: ClassVar[str] = "avg pool"
    title: ClassVar[str] = "Average pool"
    summary: ClassVar[str] = "Replaces each window by its mean: a smaller, blurred map."
    mode: ClassVar[str] = "avg"

    def _options(self):
        return {"count_include_pad": self.count_include_pad}


class _Elementwise(Layer):
    """A function applied to every value on its own."""

    elementwise: ClassVar[bool] = True

    def forward(self, x, params):
        return self.apply(x)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        return self.gradient(grad, x), {}

    def gradient(self, grad, x):
        raise NotImplementedError


@dataclass(frozen=True)
class ReLU(_Elementwise):
    kind: ClassVar[str] = "relu"
    stem: ClassVar[str] = "relu"
    prefix: ClassVar[str] = "relu"
    output_sign: ClassVar[str] = "nonnegative"
    title: ClassVar[str] = "ReLU"
    summary: ClassVar[str] = "Keeps positive values and sets negative ones to 0."
    rectifier: ClassVar[bool] = True

    def apply(self, x):
        return ops.relu(x)

    def gradient(self, grad, x):
        return bw.relu_backward(grad, x)

    def unit_formula(self):
        return "max(0, x)"


@dataclass(frozen=True)
class LeakyReLU(_Elementwise):
    negative_slope: float = setting(0.01, label="Negative slope", minimum=-10.0, maximum=10.0,
                                    tooltip="What negative values are multiplied by (0 would be "
                                            "a plain ReLU).")

    kind: ClassVar[str] = "leaky_relu"
    stem: ClassVar[str] = "lrelu"
    prefix: ClassVar[str] = "leaky relu"
    title: ClassVar[str] = "Leaky ReLU"
    summary: ClassVar[str] = ("Like ReLU, but negative values are multiplied by a small slope "
                              "instead of 0.")
    rectifier: ClassVar[bool] = True

    def validate(self):
        slope = self.negative_slope
        if isinstance(slope, bool) or not isinstance(slope, (int, float)) or not math.isfinite(slope):
            raise ConfigError(f"the negative slope must be a number, not {slope!r}")

    def apply(self, x):
        return ops.leaky_relu(x, self.negative_slope)

    def gradient(self, grad, x):
        return bw.leaky_relu_backward(grad, x, self.negative_slope)

    def unit_formula(self):
        return f"x if x > 0 else {self.negative_slope}·x"


@dataclass(frozen=True)
class Sigmoid(_Elementwise):
    kind: ClassVar[str] = "sigmoid"
    stem: ClassVar[str] = "sigmoid"
    prefix: ClassVar[str] = "sigmoid"
    output_sign: ClassVar[str] = "nonnegative"
    title: ClassVar[str] = "Sigmoid"
    summary: ClassVar[str] = "Squashes every value into 0…1."

    def apply(self, x):
        return ops.sigmoid(x)

    def gradient(self, grad, x):
        return bw.sigmoid_backward(grad, x)

    def unit_formula(self):
        return "1 / (1 + e^(−x))"


@dataclass(frozen=True)
class Tanh(_Elementwise):
    kind: ClassVar[str] = "tanh"
    stem: ClassVar[str] = "tanh"
    prefix: ClassVar[str] = "tanh"
    title: ClassVar[str] = "Tanh"
    summary: ClassVar[str] = "Squashes every value into −1…1."

    def apply(self, x):
        return ops.tanh(x)

    def gradient(self, grad, x):
        return bw.tanh_backward(grad, x)

    def unit_formula(self):
        return "tanh(x)"


@dataclass(frozen=True)
class BatchNorm2d(Layer):
    """Per channel: (x − mean) / √(var + eps) · weight + bias, with the batch's statistics while
    training and the running ones (updated by ``momentum``) at inference."""

    eps: float = setting(1e-5, label="Epsilon", minimum=0.0, maximum=1.0, tooltip=(
        "Added to the variance so a channel that never varies is not divided by zero."))
    momentum: float = setting(0.1, label="Momentum", minimum=0.0, maximum=1.0, tooltip=(
        "How far each training batch moves the running mean and variance: "
        "running ← (1 − momentum)·running + momentum·batch."))

    kind: ClassVar[str] = "batchnorm2d"
    stem: ClassVar[str] = "bn"
    prefix: ClassVar[str] = "batch norm"
    title: ClassVar[str] = "Batch norm"
    summary: ClassVar[str] = ("Shifts and scales each channel to mean 0 and variance 1 (the "
                              "running statistics), then by a learned γ and β.")

    def validate(self):
        for name in ("eps", "momentum"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                    not math.isfinite(value) or value < 0:
                raise ConfigError(f"{name} must be a number ≥ 0, not {value!r}")
        if self.momentum > 1:
            raise ConfigError(f"momentum must be between 0 and 1, not {self.momentum}")

    def window(self, in_shape):
        if len(in_shape) != 3:
            raise ConfigError(f"the input is a flat list of {in_shape[0]} numbers; batch norm 2d "
                              f"normalizes the channels of maps (put it before flatten/dense)")
        return super().window(in_shape)

    def output_shape(self, in_shape):
        self.window(in_shape)
        return in_shape

    def param_shapes(self, in_shape):
        return {name: (in_shape[0],) for name in ("weight", "bias", "running_mean", "running_var")}

    def init_params(self, shapes, rng, before_rectifier):
        c = shapes["weight"]
        return {"weight": np.ones(c, np.float32), "bias": np.zeros(c, np.float32),
                "running_mean": np.zeros(c, np.float32), "running_var": np.ones(c, np.float32)}

    def multiply_adds(self, in_shape, out_shape, params):
        return math.prod(in_shape)

    def _call(self, x, params, training):
        return ops.batch_norm2d(x, params["running_mean"], params["running_var"],
                                params["weight"], params["bias"], training, self.momentum,
                                self.eps)

    def forward(self, x, params):
        return self._call(x, params, False)

    def forward_train(self, x, params, rng):
        return self._call(x, params, True), "batch statistics"

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        dx, dw, db = bw.batch_norm2d_backward(
            grad, x, params["running_mean"], params["running_var"], params["weight"],
            params["bias"], cache is not None, self.momentum, self.eps)
        return dx, _grads(("weight", "bias"), dw, db)

    def explain(self, common, x, params):
        return ex.batch_norm_unit(common, x, params, self.eps)


@dataclass(frozen=True)
class Dropout(Layer):
    """While training, zeroes each value with probability p and scales the others by
    1 / (1 − p); at inference it passes everything through."""

    p: float = setting(0.5, label="Probability", minimum=0.0, maximum=1.0, tooltip=(
        "The chance that a value is dropped (set to 0) in each training step."))

    kind: ClassVar[str] = "dropout"
    stem: ClassVar[str] = "drop"
    prefix: ClassVar[str] = "dropout"
    output_sign: ClassVar[str] = "input's"
    title: ClassVar[str] = "Dropout"
    summary: ClassVar[str] = ("While training, drops random values (sets them to 0) so no unit "
                              "can rely on one input; passes everything through otherwise.")

    def describe(self):
        return f"dropout {self.p:g}"

    def validate(self):
        ops.dropout(np.zeros(0), self.p)

    def forward(self, x, params):
        return x

    def forward_train(self, x, params, rng):
        return ops.dropout(x, self.p, True, rng, return_mask=True)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        return (grad if cache is None else bw.dropout_backward(grad, cache)), {}

    def apply(self, x):
        return x

    def unit_formula(self):
        return "x (dropout only acts while training)"


@dataclass(frozen=True)
class Flatten(Layer):
    """Maps (C, H, W) to a vector of C·H·W numbers in row-major (channel, row, col) order."""

    kind: ClassVar[str] = "flatten"
    stem: ClassVar[str] = "flatten"
    prefix: ClassVar[str] = "flatten"
    output_sign: ClassVar[str] = "input's"
    title: ClassVar[str] = "Flatten"
    summary: ClassVar[str] = ("Lays the channels × height × width maps out as one long list of "
                              "numbers.")
    per_channel: ClassVar[bool] = False

    def output_shape(self, in_shape):
        return (math.prod(in_shape),)

    def formula(self, in_shape):
        return [f"{' · '.join(map(str, in_shape))} = {math.prod(in_shape)} numbers in one list"]

    def window(self, in_shape):
        return None

    def forward(self, x, params):
        return x.reshape(len(x), -1)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        return grad.reshape(x.shape), {}

    def explain(self, common, x, params):
        source = tuple(int(i) for i in np.unravel_index(common[2], x.shape))
        return ex.FlattenExplanation(*common, float(x[source]), source, float(x[source]))


@dataclass(frozen=True)
class Dense(Layer):
    """Fully connected layer. Given maps it flattens them first, exactly as Flatten would."""

    out_features: int = setting(label="Outputs (units)", minimum=1, maximum=100_000, tooltip=(
        "How many numbers this layer outputs; each is a weighted sum of all inputs. The last "
        "dense layer needs one output per class (10 digits)."))
    bias: bool = setting(True, label="Bias", tooltip=BIAS_TIP)

    kind: ClassVar[str] = "dense"
    stem: ClassVar[str] = "dense"
    prefix: ClassVar[str] = "dense"
    title: ClassVar[str] = "Dense"
    summary: ClassVar[str] = "Every output is a weighted sum of all inputs (fully connected)."
    per_channel: ClassVar[bool] = False
    template: ClassVar[dict] = {"out_features": 10}

    def describe(self):
        return f"dense {self.out_features}"

    def validate(self):
        _whole(self.out_features, "the number of outputs", 1)
        _flags(self, "bias")

    def output_shape(self, in_shape):
        return (self.out_features,)

    def formula(self, in_shape):
        inputs, outputs = math.prod(in_shape), self.out_features
        if self.bias:  # whole sentences, each translated as one (gui.i18n.engine_messages)
            return [f"{outputs} × {inputs} weights + {outputs} biases = "
                    f"{outputs * inputs + outputs:,} parameters"]
        return [f"{outputs} × {inputs} weights = {outputs * inputs:,} parameters"]

    def param_shapes(self, in_shape):
        shapes = {"weight": (self.out_features, math.prod(in_shape))}
        return shapes | ({"bias": (self.out_features,)} if self.bias else {})

    def window(self, in_shape):
        return None

    def forward(self, x, params):
        out = x.reshape(len(x), -1) @ params["weight"].T
        return out + params["bias"] if "bias" in params else out

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        dx, dw, db = bw.dense_backward(grad, x.reshape(len(x), -1), params["weight"],
                                       params.get("bias"))
        return dx.reshape(x.shape), (_grads(("weight", "bias"), dw, db) if param_grads else {})

    def explain(self, common, x, params):
        return ex.dense_unit(common, params, x)


@dataclass(frozen=True)
class Softmax(Layer):
    """Probabilities: over the vector for flat input, over the channels at each pixel for maps."""

    kind: ClassVar[str] = "softmax"
    stem: ClassVar[str] = "softmax"
    prefix: ClassVar[str] = "softmax"
    output_sign: ClassVar[str] = "nonnegative"
    title: ClassVar[str] = "Softmax"
    summary: ClassVar[str] = "Turns scores into probabilities that add up to 1."
    per_channel: ClassVar[bool] = False

    def forward(self, x, params):
        return ops.softmax(x, axis=1)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        return bw.softmax_backward(grad, x, axis=1), {}

    def explain(self, common, x, params):
        _, _, index, row, col, _ = common
        return ex.softmax_unit(common, x[:, row, col] if x.ndim == 3 else x, index)


#: kind -> spec class; :func:`register` adds to it
LAYER_TYPES: dict[str, type] = {}


def register(cls):
    """Make ``cls`` (a Layer dataclass with a new ``kind``) known to files, menus and forms."""
    LAYER_TYPES[cls.kind] = cls
    return cls


for _cls in (Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, BatchNorm2d, ReLU, LeakyReLU,
             Sigmoid, Tanh, Dropout, Flatten, Dense, Softmax):
    register(_cls)


def layer_from_dict(d: dict) -> Layer:
    """Inverse of ``Layer.to_dict``; unknown types or settings raise ConfigError with a hint."""
    if not isinstance(d, dict):
        raise ConfigError(f"a layer must be written as an object like {{\"type\": \"relu\"}}, "
                          f"not {d!r}")
    settings = dict(d)
    kind = settings.pop("type", None)
    if kind not in LAYER_TYPES:
        hint = difflib.get_close_matches(str(kind), LAYER_TYPES, n=1)
        raise ConfigError(f"unknown layer type {kind!r}"
                          + (f" (did you mean {hint[0]!r}?)" if hint else "")
                          + f"; known types: {', '.join(LAYER_TYPES)}")
    cls = LAYER_TYPES[kind]
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for name in settings:
        if name not in fields:
            hint = difflib.get_close_matches(name, fields, n=1)
            raise ConfigError(f"a {kind} layer has no setting {name!r}"
                              + (f" (did you mean {hint[0]!r}?)" if hint else "")
                              + (f"; its settings are {', '.join(fields)}" if fields else ""))
    missing = [n for n, f in fields.items() if f.default is dataclasses.MISSING and n not in settings]
    if missing:
        raise ConfigError(f"a {kind} layer needs {' and '.join(missing)}")
    return cls(**settings)

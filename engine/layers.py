"""Layer specifications: small frozen dataclasses that say what a layer is, not what it holds.

A spec knows its own arithmetic (output shape, parameter shapes, window geometry) and checks its
settings; :class:`engine.Network` adds the layer number to every complaint and owns the weights.
Shapes are (C, H, W) for maps and (F,) for flat vectors.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from dataclasses import dataclass
from numbers import Integral
from typing import ClassVar, NamedTuple

import numpy as np

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


class Layer:
    """Behaviour shared by every spec; subclasses are frozen dataclasses with a ``kind``."""

    kind: ClassVar[str]
    prefix: ClassVar[str]  # the word in ``describe()``
    stem: ClassVar[str]  # the word in network names: conv1, pool2, ...

    def __post_init__(self):
        for field in dataclasses.fields(self):
            object.__setattr__(self, field.name, _freeze(getattr(self, field.name)))

    def describe(self) -> str:
        return self.prefix

    def validate(self) -> None:
        """Raise ConfigError if a setting is impossible on its own (any input)."""

    def output_shape(self, in_shape: tuple) -> tuple:
        """Shape of the output for input shape ``in_shape``; ConfigError if it cannot work."""
        return in_shape

    def param_shapes(self, in_shape: tuple) -> dict:
        """{"weight": shape, "bias": shape} for layers with weights, {} otherwise."""
        return {}

    def window(self, in_shape: tuple) -> Window | None:
        """Spatial footprint of one output unit; None for layers that look at everything."""
        return None if len(in_shape) == 1 else Window((1, 1), (1, 1), (1, 1), ((0, 0), (0, 0)))

    def to_dict(self) -> dict:
        """JSON-ready dict: {"type": kind} plus the settings that differ from the defaults."""
        out = {"type": self.kind}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.default is dataclasses.MISSING or value != field.default:
                out[field.name] = _thaw(value)
        return out


def _thaw(value):
    return [_thaw(v) for v in value] if isinstance(value, tuple) else value


class _Windowed(Layer):
    """Conv and pooling: one output unit reads a (possibly dilated, padded) window."""

    def geometry(self) -> Window:
        """Kernel, stride, dilation and resolved padding; ConfigError for impossible settings."""
        what = "the kernel size" if self.kind == "conv2d" else "the pool size"
        kernel = _whole_pair(self.kernel_size, what)
        stride = kernel if self.stride is None else _whole_pair(self.stride, "the stride")
        dilation = _whole_pair(getattr(self, "dilation", 1), "the dilation")
        try:
            pads = ops.resolve_padding(self.padding, kernel, dilation)
        except TypeError:
            raise ConfigError(f"padding must be a number, a (rows, cols) pair or "
                              f"((top, bottom), (left, right)), not {self.padding!r}") from None
        return Window(kernel, stride, dilation, pads)

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


@dataclass(frozen=True)
class _Pooling(_Windowed):
    """Max and average pooling share their settings and window arithmetic."""

    kernel_size: int | tuple = 2
    stride: int | tuple | None = None
    padding: int | tuple = 0
    ceil_mode: bool = False

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


@dataclass(frozen=True)
class Conv2d(_Windowed):
    """Convolution with ``out_channels`` filters; the input channel count is inferred."""

    out_channels: int
    kernel_size: int | tuple = 3
    stride: int | tuple = 1
    padding: int | str | tuple = 0
    dilation: int | tuple = 1
    padding_mode: str = "zeros"
    bias: bool = True
    flip: bool = False

    kind: ClassVar[str] = "conv2d"
    stem: ClassVar[str] = "conv"
    prefix: ClassVar[str] = "conv"

    def describe(self):
        label = f"conv {_size(self.kernel_size)} s{_one(self.stride)}{_pad_label(self.padding)}"
        if self.dilation not in (1, (1, 1)):
            label += f" d{_one(self.dilation)}"
        if self.padding_mode != "zeros":
            label += f" {self.padding_mode}"
        return label + (" flipped" if self.flip else "")

    def geometry(self):
        _whole(self.out_channels, "the number of filters", 1)
        if self.padding_mode not in ops.PADDING_MODES:
            raise ConfigError(f"the padding mode must be one of {', '.join(ops.PADDING_MODES)}, "
                              f"not {self.padding_mode!r}")
        _flags(self, "bias", "flip")
        if self.stride is None:
            raise ConfigError("the stride must be a whole number or a (height, width) pair, "
                              "not null")
        if self.padding == "same" and self.stride not in (1, (1, 1)):
            raise ConfigError('"same" padding keeps the size only at stride 1; give the padding '
                              "as a number for a strided convolution")
        return super().geometry()

    def window(self, in_shape):
        w = super().window(in_shape)
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
        shapes = {"weight": (self.out_channels, in_shape[0], kh, kw)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {})


@dataclass(frozen=True)
class MaxPool2d(_Pooling):
    """The largest value of each window, per channel (padding never wins)."""

    kind: ClassVar[str] = "maxpool2d"
    stem: ClassVar[str] = "pool"
    prefix: ClassVar[str] = "max pool"


@dataclass(frozen=True)
class AvgPool2d(_Pooling):
    """The mean of each window, per channel."""

    count_include_pad: bool = True

    kind: ClassVar[str] = "avgpool2d"
    stem: ClassVar[str] = "pool"
    prefix: ClassVar[str] = "avg pool"


@dataclass(frozen=True)
class ReLU(Layer):
    kind: ClassVar[str] = "relu"
    stem: ClassVar[str] = "relu"
    prefix: ClassVar[str] = "relu"


@dataclass(frozen=True)
class LeakyReLU(Layer):
    negative_slope: float = 0.01

    kind: ClassVar[str] = "leaky_relu"
    stem: ClassVar[str] = "lrelu"
    prefix: ClassVar[str] = "leaky relu"

    def validate(self):
        slope = self.negative_slope
        if isinstance(slope, bool) or not isinstance(slope, (int, float)) or not math.isfinite(slope):
            raise ConfigError(f"the negative slope must be a number, not {slope!r}")


@dataclass(frozen=True)
class Sigmoid(Layer):
    kind: ClassVar[str] = "sigmoid"
    stem: ClassVar[str] = "sigmoid"
    prefix: ClassVar[str] = "sigmoid"


@dataclass(frozen=True)
class Tanh(Layer):
    kind: ClassVar[str] = "tanh"
    stem: ClassVar[str] = "tanh"
    prefix: ClassVar[str] = "tanh"


@dataclass(frozen=True)
class Flatten(Layer):
    """Maps (C, H, W) to a vector of C·H·W numbers in row-major (channel, row, col) order."""

    kind: ClassVar[str] = "flatten"
    stem: ClassVar[str] = "flatten"
    prefix: ClassVar[str] = "flatten"

    def output_shape(self, in_shape):
        return (math.prod(in_shape),)

    def window(self, in_shape):
        return None


@dataclass(frozen=True)
class Dense(Layer):
    """Fully connected layer. Given maps it flattens them first, exactly as Flatten would."""

    out_features: int
    bias: bool = True

    kind: ClassVar[str] = "dense"
    stem: ClassVar[str] = "dense"
    prefix: ClassVar[str] = "dense"

    def describe(self):
        return f"dense {self.out_features}"

    def validate(self):
        _whole(self.out_features, "the number of outputs", 1)
        _flags(self, "bias")

    def output_shape(self, in_shape):
        return (self.out_features,)

    def param_shapes(self, in_shape):
        shapes = {"weight": (self.out_features, math.prod(in_shape))}
        return shapes | ({"bias": (self.out_features,)} if self.bias else {})

    def window(self, in_shape):
        return None


@dataclass(frozen=True)
class Softmax(Layer):
    """Probabilities: over the vector for flat input, over the channels at each pixel for maps."""

    kind: ClassVar[str] = "softmax"
    stem: ClassVar[str] = "softmax"
    prefix: ClassVar[str] = "softmax"


LAYER_TYPES = {cls.kind: cls for cls in
               (Conv2d, MaxPool2d, AvgPool2d, ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Dense, Softmax)}

#: layers whose weights are initialized for a following ReLU when one comes next (He init)
RECTIFIERS = (ReLU, LeakyReLU)


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

"""A sequential network: layer specs, inferred shapes, weights, and a fast forward pass."""

from __future__ import annotations

import difflib
import functools
import math
from collections import Counter

import numpy as np

from engine import explain as _explain
from engine import limits, ops
from engine import receptive_field as _rf
from engine.errors import ConfigError, real_array, whole_index
from engine.layers import RECTIFIERS, Layer, layer_from_dict

def _title(i, spec):
    return f"layer {i + 1} ({spec.describe()})"


def _input_shape(shape):
    """(C, H, W) from (C, H, W) or (H, W); ConfigError in words otherwise."""
    try:
        dims = tuple(shape)
    except TypeError:
        dims = ()
    if len(dims) not in (2, 3) or not all(isinstance(d, (int, np.integer)) and
                                          not isinstance(d, bool) and d >= 1 for d in dims):
        raise ConfigError(f"the input size must be (channels, height, width) or (height, width) "
                          f"with every number a whole number at least 1, not {shape!r}")
    dims = tuple(int(d) for d in dims)
    dims = dims if len(dims) == 3 else (1,) + dims
    limits.check_input(dims)
    return dims


def _plan(input_shape, layers):
    """Check every layer against its input and the budgets of engine.limits; returns (specs,
    shapes, windows, param shapes)."""
    limits.check_layer_count(len(layers))
    specs, shapes, windows, param_shapes, mult_adds = [], [], [], [], []
    shape = input_shape
    for i, spec in enumerate(layers):
        if isinstance(spec, dict):
            try:
                spec = layer_from_dict(spec)
            except ConfigError as error:
                raise ConfigError(f"layer {i + 1}: {error}") from None
        if not isinstance(spec, Layer):
            raise ConfigError(f"layer {i + 1} is {spec!r}, not a layer such as Conv2d(8, 3)")
        try:
            spec.validate()
            window = spec.window(shape)
            out = spec.output_shape(shape)
            p_shapes = spec.param_shapes(shape)
            mult_adds.append(limits.check_layer(shape, out, window, p_shapes))
        except ConfigError as error:
            raise ConfigError(f"{_title(i, spec)}: {error}") from None
        specs.append(spec)
        windows.append(window)
        shapes.append(out)
        param_shapes.append(p_shapes)
        shape = out
    limits.check_network(shapes, param_shapes, mult_adds)
    return specs, shapes, windows, param_shapes


def _init(shapes, he, rng):
    """He-normal weights before a rectifier, Xavier-uniform otherwise; zero biases."""
    weight_shape = shapes["weight"]
    receptive = math.prod(weight_shape[2:])
    fan_in, fan_out = weight_shape[1] * receptive, weight_shape[0] * receptive
    if he:
        weight = rng.normal(0.0, math.sqrt(2.0 / fan_in), weight_shape)
    else:
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        weight = rng.uniform(-limit, limit, weight_shape)
    params = {"weight": weight.astype(np.float32)}
    return params | ({"bias": np.zeros(shapes["bias"], np.float32)} if "bias" in shapes else {})


def _check_params(i, spec, given, shapes):
    """``given`` as float32 arrays (the same objects when they already are)."""
    if not isinstance(given, dict) or set(given) != set(shapes):
        needs = " and ".join(shapes) or "no weights"
        has = " and ".join(given) if isinstance(given, dict) else repr(type(given).__name__)
        raise ConfigError(f"{_title(i, spec)}: needs {needs}, but was given {has or 'none'}")
    out = {}
    for name, shape in shapes.items():
        array = np.asarray(given[name])
        if array.shape != tuple(shape) or array.dtype.kind not in "biuf":
            raise ConfigError(f"{_title(i, spec)}: the {name} has shape {array.shape} "
                              f"({array.dtype}) but this layer needs numbers of shape {shape}")
        with np.errstate(over="ignore"):
            out[name] = np.ascontiguousarray(array, dtype=np.float32)
        if not np.isfinite(out[name]).all():
            raise ConfigError(f"{_title(i, spec)}: the {name} holds values that are not finite "
                              f"numbers (NaN, infinity, or beyond float32's ±3.4e38)")
    return out


class Network:
    """A stack of layers applied in order to a (C, H, W) input.

    Parameters
    ----------
    input_shape : (C, H, W) or (H, W)
        (H, W) means one channel.
    layers : list of Layer specs (or their ``to_dict()`` dicts)
    params : list of dicts or None, optional
        Per layer {"weight": array, "bias": array} ({} for layers without weights, no "bias"
        when bias=False); an entry of None (or params=None) initializes that layer.
    seed : int
        Initialization seed; layer i draws from its own stream (seed, i), so editing one layer
        never changes the initial weights of the others.

    Attributes
    ----------
    input_shape : (C, H, W)
    layers : list of Layer
    shapes : list of output shapes, (C, H, W) for maps and (F,) for vectors
    windows : list of engine.layers.Window or None: each layer's kernel, stride, dilation and
        resolved padding ((top, bottom), (left, right)); identity for activations on maps,
        None where a unit sees its whole input (flatten, dense, anything on a vector)
    params : list of dicts of float32 arrays, editable in place
    names : list of str, "conv1", "relu1", "pool1", "dense1", ...
    last_input : (C, H, W) float32 copy of the last single image given to ``forward``, or None

    Raises
    ------
    ConfigError
        For any configuration that cannot work, naming the layer (1-based) and the reason.
    """

    def __init__(self, input_shape, layers, params=None, seed=0):
        self.input_shape = _input_shape(input_shape)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ConfigError(f"the seed must be a whole number ≥ 0, not {seed!r}")
        self.seed = seed
        self.layers, self.shapes, self.windows, param_shapes = _plan(self.input_shape, list(layers))
        if params is not None and len(params) != len(self.layers):
            raise ConfigError(f"there are weights for {len(params)} layers but the network has "
                              f"{len(self.layers)}")
        self.params = []
        for i, (spec, shapes) in enumerate(zip(self.layers, param_shapes)):
            given = None if params is None else params[i]
            if given is not None:
                self.params.append(_check_params(i, spec, given, shapes))
            elif shapes:
                following = self.layers[i + 1] if i + 1 < len(self.layers) else None
                rng = np.random.default_rng((seed, i))
                self.params.append(_init(shapes, isinstance(following, RECTIFIERS), rng))
            else:
                self.params.append({})
        counts = Counter()
        self.names = []
        for spec in self.layers:
            counts[spec.stem] += 1
            self.names.append(f"{spec.stem}{counts[spec.stem]}")
        self._steps = [self._step(i) for i in range(len(self.layers))]
        self.last_input = None

    def __repr__(self):
        inner = ", ".join(spec.describe() for spec in self.layers)
        return f"Network({self.input_shape} → {inner})"

    # ------------------------------------------------------------------ forward
    def _step(self, i):
        """The function computing layer i, with every setting resolved once, here."""
        spec, window, p = self.layers[i], self.windows[i], self.params[i]
        in_rank = len(self.shapes[i - 1] if i else self.input_shape)
        kind = spec.kind
        if kind == "conv2d":
            return lambda x: ops.conv2d(x, p["weight"], p.get("bias"), window.stride, window.pads,
                                        window.dilation, spec.padding_mode, spec.flip)
        if kind in ("maxpool2d", "avgpool2d"):
            extra = {"count_include_pad": spec.count_include_pad} if kind == "avgpool2d" else {}
            return lambda x: ops.pool2d(x, window.kernel, window.stride, window.pads, kind[:3],
                                        spec.ceil_mode, **extra)
        if kind in ("flatten", "dense"):
            def flat(x):
                return x.reshape(x.shape[:x.ndim - in_rank] + (-1,))
            if kind == "flatten":
                return flat
            if "bias" in p:
                return lambda x: flat(x) @ p["weight"].T + p["bias"]
            return lambda x: flat(x) @ p["weight"].T
        if kind == "softmax":
            axis = -3 if in_rank == 3 else -1
            return lambda x: ops.softmax(x, axis=axis)
        if kind == "leaky_relu":
            return lambda x: ops.leaky_relu(x, spec.negative_slope)
        return getattr(ops, kind)

    def as_input(self, x):
        """(array, batched): ``x`` in any form ``forward`` accepts, as float32 (C, H, W) or
        (N, C, H, W); a ConfigError in words for an array of another shape."""
        x = real_array(x, "an image").astype(np.float32, copy=False)
        c, h, w = self.input_shape
        if x.shape == self.input_shape or (c == 1 and x.shape == (h, w)):
            return x.reshape(self.input_shape), False
        if len(x) == 0 and x.ndim in (3, 4):
            raise ConfigError("the batch is empty: give at least one image")
        if x.ndim == 4 and x.shape[1:] == self.input_shape:
            return x, True
        if c == 1 and x.ndim == 3 and x.shape[1:] == (h, w):
            return x[:, None], True
        raise ConfigError(f"the network expects images of {c}×{h}×{w} (channels × height × "
                          f"width) or a batch of them, but was given an array of shape {x.shape}")

    def forward(self, x, upto=None):
        """Every layer's output for one image or a batch.

        Parameters
        ----------
        x : (C, H, W), (H, W) when C == 1, or a batch (N, C, H, W) / (N, H, W) when C == 1
            A (1, H, W) array with C == 1 is one image, not a batch of one.
        upto : int, optional
            Stop after layer ``upto`` (0-based); default: run all layers.

        Returns
        -------
        list of float32 arrays, entry i shaped ``shapes[i]`` (with a leading N for a batch).
        """
        x, batched = self.as_input(x)
        if upto is not None and not 0 <= whole_index(upto, "upto") < len(self.layers):
            raise IndexError(f"layer {upto} does not exist (the network has {len(self.layers)})")
        if not batched:
            self.last_input = x.copy()
        outputs = []
        for step in self._steps[:None if upto is None else upto + 1]:
            x = step(x)
            outputs.append(x)
        return outputs

    def predict(self, images):
        """Class probabilities (N, classes) for images (N, H, W) / (N, C, H, W) or a single one."""
        if not self.layers or self.layers[-1].kind != "softmax" or len(self.shapes[-1]) != 1:
            raise ConfigError("predict needs a network that ends in softmax over a flat vector "
                              "(… → dense → softmax)")
        x, batched = self.as_input(images)
        for step in self._steps:
            x = step(x)
        return x if batched else x[None]

    # ---------------------------------------------------------------- structure
    def summary(self):
        """One dict per layer for tables.

        Keys: name, kind, description, input_shape, output_shape, params (count), macs
        (multiply-adds for one image), window (engine.layers.Window or None), rf (size r as
        (rows, cols)), jump ((rows, cols), None for flat outputs), start ((rows, cols) floats,
        None for flat outputs).
        """
        rows = []
        for i, (spec, geometry) in enumerate(zip(self.layers, self.geometries)):
            in_shape = self.shapes[i - 1] if i else self.input_shape
            weight = self.params[i].get("weight")
            macs = 0 if weight is None else weight.size * math.prod(self.shapes[i][1:])
            rows.append({
                "name": self.names[i], "kind": spec.kind, "description": spec.describe(),
                "input_shape": in_shape, "output_shape": self.shapes[i],
                "params": sum(a.size for a in self.params[i].values()), "macs": macs,
                "window": self.windows[i], "rf": geometry.size, "jump": geometry.jump,
                "start": geometry.start})
        return rows

    @functools.cached_property
    def geometries(self):
        """Every layer's receptive-field size, jump and start (see
        :func:`engine.receptive_field.geometries`), computed once: the layers never change."""
        return _rf.geometries(self)

    def rebuilt(self, layers, input_shape=None):
        """A new Network with ``layers`` (and ``input_shape``), reusing the weights that still fit.

        Old and new stacks are aligned like a text diff, so inserting or deleting a layer keeps
        the weights of every untouched layer; a changed layer keeps its weights when their
        shapes still fit (e.g. new stride or padding, or a new input size for a conv layer), and
        is re-initialized otherwise. Weights are copied, never shared.
        """
        input_shape = self.input_shape if input_shape is None else _input_shape(input_shape)
        specs, _, _, param_shapes = _plan(input_shape, list(layers))
        reuse = [None] * len(specs)
        matcher = difflib.SequenceMatcher(None, self.layers, specs, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op in ("equal", "replace"):
                for old, new in zip(range(a0, a1), range(b0, b1)):
                    fits = {k: v.shape for k, v in self.params[old].items()} == param_shapes[new]
                    if fits and param_shapes[new]:
                        reuse[new] = {k: v.copy() for k, v in self.params[old].items()}
        return Network(input_shape, specs, params=reuse, seed=self.seed)

    def receptive_field(self, layer, row=0, col=0, channel=None):
        """See :func:`engine.receptive_field.receptive_field`."""
        return _rf.receptive_field(self, layer, row, col, channel)

    def explain(self, layer, channel, row=0, col=0, x=None, outputs=None):
        """See :func:`engine.explain.explain`."""
        return _explain.explain(self, layer, channel, row, col, x, outputs)

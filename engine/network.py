"""A sequential network: layer specs, inferred shapes, weights, and a fast forward pass."""

from __future__ import annotations

import difflib
import functools
import math
from collections import Counter

import numpy as np

from engine import explain as _explain
from engine import limits
from engine import receptive_field as _rf
from engine.errors import ConfigError, real_array, whole_index
from engine.layers import Layer, Softmax, layer_from_dict
from engine.normalization import Normalization


def _title(i, spec):
    try:
        described = spec.describe()
    except (TypeError, ValueError):  # settings too wrong to describe (a list for a rate, say)
        described = spec.kind
    return f"layer {i + 1} ({described})"


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
    shapes, windows, param shapes, multiply-adds)."""
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
            mult_adds.append(limits.check_layer(spec, shape, out, window, p_shapes))
        except ConfigError as error:
            raise ConfigError(f"{_title(i, spec)}: {error}") from None
        specs.append(spec)
        windows.append(window)
        shapes.append(out)
        param_shapes.append(p_shapes)
        shape = out
    limits.check_network(shapes, param_shapes, mult_adds)
    return specs, shapes, windows, param_shapes, mult_adds


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
        when bias=False; batch norm also holds "running_mean" and "running_var", named as in
        torch's state_dict); an entry of None (or params=None) initializes that layer.
    seed : int
        Initialization seed; layer i draws from its own stream (seed, i), so editing one layer
        never changes the initial weights of the others.
    normalization : engine.Normalization or None
        How pixels in [0, 1] become this network's input (:meth:`network_input`); None: as they are.

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
    mult_adds : list of int, each layer's multiply-adds (and pooling comparisons) for one image,
        as the budgets of engine.limits count them

    Raises
    ------
    ConfigError
        For any configuration that cannot work, naming the layer (1-based) and the reason.
    """

    def __init__(self, input_shape, layers, params=None, seed=0, normalization=None):
        self.input_shape = _input_shape(input_shape)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ConfigError(f"the seed must be a whole number ≥ 0, not {seed!r}")
        self.seed = seed
        if normalization is not None and not isinstance(normalization, Normalization):
            raise ConfigError(f"the input normalisation must be a Normalization or None, "
                              f"not {normalization!r}")
        if normalization is not None:
            normalization.check(self.input_shape[0])
        self.normalization = normalization
        self.layers, self.shapes, self.windows, param_shapes, self.mult_adds = _plan(
            self.input_shape, list(layers))
        if params is not None and len(params) != len(self.layers):
            raise ConfigError(f"there are weights for {len(params)} layers but the network has "
                              f"{len(self.layers)}")
        self.params = []
        for i, (spec, shapes) in enumerate(zip(self.layers, param_shapes)):
            given = None if params is None else params[i]
            if given is not None:
                self.params.append(_check_params(i, spec, given, shapes))
            else:
                following = self.layers[i + 1] if i + 1 < len(self.layers) else None
                rng = np.random.default_rng((seed, i))
                self.params.append(spec.init_params(shapes, rng, following is not None
                                                    and following.rectifier))
        counts = Counter()
        self.names = []
        for spec in self.layers:
            counts[spec.stem] += 1
            self.names.append(f"{spec.stem}{counts[spec.stem]}")

    def __repr__(self):
        inner = ", ".join(spec.describe() for spec in self.layers)
        return f"Network({self.input_shape} → {inner})"

    @property
    def is_classifier(self):
        """True when the network ends in softmax over a flat vector (… → dense → softmax): one
        probability per class, which prediction, training, evaluation and attribution need."""
        return bool(self.layers) and isinstance(self.layers[-1], Softmax) and \
            len(self.shapes[-1]) == 1

    # ------------------------------------------------------------------ forward
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

    def with_normalization(self, normalization):
        """This network (the same layers, the weights shared) with another input normalisation."""
        return Network(self.input_shape, self.layers, params=self.params, seed=self.seed,
                       normalization=normalization)

    def network_input(self, pixels):
        """What the network is fed for ``pixels`` (C, H, W) or (N, C, H, W) in [0, 1]: the
        pixels through ``normalization`` (float32)."""
        pixels = np.asarray(pixels, np.float32)
        return pixels if self.normalization is None else self.normalization.apply(pixels)

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
        outputs = self.run(x if batched else x[None], 0, len(self.layers) if upto is None
                           else upto + 1)
        return outputs if batched else [out[0] for out in outputs]

    def run(self, x, start, stop):
        """Outputs of layers ``start`` … ``stop`` − 1 on the batch ``x`` (N, ...), at inference.

        ``x`` stands for the input of layer ``start`` and may be any size the layers accept
        (a crop of the maps, say): each layer computes from what it is given. A ConfigError
        says a layer cannot take it.
        """
        outputs = []
        # Weights up to ±3.4e38 are valid float32: sums of them may overflow to inf and inf − inf
        # make NaN, silently, as in torch; the maps then show it.
        with np.errstate(over="ignore", invalid="ignore"):
            for spec, params in zip(self.layers[start:stop], self.params[start:stop]):
                x = spec.forward(x, params)
                outputs.append(x)
        return outputs

    def forward_train(self, x, rng):
        """Every layer's output for a training batch, and what each layer's backward needs.

        Layers that train differently do so here: batch norm normalizes by the batch's
        statistics and moves its running ones, dropout draws its masks from ``rng``.

        Returns
        -------
        (outputs, caches): lists with one entry per layer; give both to
        :func:`engine.backward.network_backward`.
        """
        x, batched = self.as_input(x)
        x = x if batched else x[None]
        outputs, caches = [], []
        for spec, params in zip(self.layers, self.params):
            x, cache = spec.forward_train(x, params, rng)
            outputs.append(x)
            caches.append(cache)
        return outputs, caches

    def predict(self, images):
        """Class probabilities (N, classes) for images (N, H, W) / (N, C, H, W) or a single one."""
        if not self.is_classifier:
            raise ConfigError("predict needs a network that ends in softmax over a flat vector "
                              "(… → dense → softmax)")
        x, batched = self.as_input(images)
        return self.run(x if batched else x[None], 0, len(self.layers))[-1]

    # ---------------------------------------------------------------- structure
    def summary(self):
        """One dict per layer for tables.

        Keys: name, kind, description, formula (the output-size arithmetic, numbers filled in:
        a line per axis for maps, [] when the size is kept), input_shape, output_shape, params
        (the learned ones, as torch's ``parameters()`` counts them: running statistics are not),
        macs (multiply-adds for one image), window (engine.layers.Window or None), rf (size r as
        (rows, cols)), jump ((rows, cols), None for flat outputs), start ((rows, cols) floats,
        None for flat outputs).
        """
        rows = []
        for i, (spec, geometry) in enumerate(zip(self.layers, self.geometries)):
            in_shape = self.shapes[i - 1] if i else self.input_shape
            macs = spec.multiply_adds(in_shape, self.shapes[i], self.params[i])
            rows.append({
                "name": self.names[i], "kind": spec.kind, "description": spec.describe(),
                "formula": spec.formula(in_shape),
                "input_shape": in_shape, "output_shape": self.shapes[i],
                "params": sum(self.params[i][name].size for name in spec.trainable()
                              if name in self.params[i]),
                "macs": macs,
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

        Old and new stacks are aligned like a text diff (``aligned_layers``), so inserting or
        deleting a layer keeps the weights of every untouched layer; a changed layer keeps its
        weights when their shapes still fit (e.g. new stride or padding, or a new input size for
        a conv layer), and is re-initialized otherwise. Weights are copied, never shared.
        """
        input_shape = self.input_shape if input_shape is None else _input_shape(input_shape)
        specs, _, _, param_shapes, _ = _plan(input_shape, list(layers))
        reuse = [None] * len(specs)
        for new, old in enumerate(self.aligned_layers(specs)):
            if old is not None and param_shapes[new] and param_shapes[new] == {
                    k: v.shape for k, v in self.params[old].items()}:
                reuse[new] = {k: v.copy() for k, v in self.params[old].items()}
        normalization = self.normalization
        if normalization is not None and input_shape[0] != self.input_shape[0]:
            try:
                normalization.check(input_shape[0])
            except ConfigError:
                normalization = None  # per-channel values cannot follow a new channel count
        return Network(input_shape, specs, params=reuse, seed=self.seed,
                       normalization=normalization)

    def aligned_layers(self, layers):
        """Per layer of ``layers``: the index of the layer here it continues (the stacks aligned
        like a text diff: equal or changed in place), or None for an inserted layer."""
        aligned = [None] * len(layers)
        matcher = difflib.SequenceMatcher(None, self.layers, list(layers), autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op in ("equal", "replace"):
                for old, new in zip(range(a0, a1), range(b0, b1)):
                    aligned[new] = old
        return aligned

    def receptive_field(self, layer, row=0, col=0, channel=None):
        """See :func:`engine.receptive_field.receptive_field`."""
        return _rf.receptive_field(self, layer, row, col, channel)

    def explain(self, layer, channel, row=0, col=0, x=None, outputs=None):
        """See :func:`engine.explain.explain`."""
        return _explain.explain(self, layer, channel, row, col, x, outputs)

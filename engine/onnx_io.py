"""ONNX files: read a sequential CNN from one, and write any ConvScope network as one.

The only engine module that imports ``onnx`` (the official reader and checker; no runtime).

Import follows the image from the graph's one input through a chain of nodes, each turning
into zero or more engine layers (Dropout and Identity vanish, a Pad joins the next conv or pool,
MatMul + Add become one dense layer, constant-only nodes are evaluated). A graph that branches,
or an op ConvScope cannot show, is refused with a ConfigError naming the node and its op type;
nothing is half-loaded. Export writes opset 19 with a dynamic batch, and keeps the ConvScope
spec (padding words, flipped kernels, normalisation) in the model's metadata, so reading the file
back gives the same network.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import NamedTuple

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from engine import layers as L
from engine.errors import ConfigError
from engine.io import network_from_spec, network_spec, write_atomically
from engine.network import Network
from engine.normalization import Normalization

EXPORT_OPSET = 19
#: IR version 9 is read by every runtime that knows opset 19 (the newest IR would not be)
EXPORT_IR_VERSION = 9
MIN_OPSET = 9
#: files above this are refused before they are read into memory
MAX_FILE_BYTES = 256 * 2**20
#: height and width assumed for an input whose size the graph leaves open
DEFAULT_SIZE = 28
#: the largest input height and width ConvScope shows (its maps are drawn unit by unit)
MAX_SIDE = 256
SPEC_KEY = "convscope.network"
#: constant-only nodes (shape arithmetic) may build arrays no larger than this
_MAX_FOLDED_VALUES = 1_000_000
#: spec settings that only word a window the graph also describes (see _spec_network)
_WORDING = ("kernel_size", "stride", "padding", "output_padding", "dilation", "flip")
_PAD_MODES = {"constant": "zeros", "reflect": "reflect", "edge": "replicate", "wrap": "circular"}


class OnnxImport(NamedTuple):
    """What :func:`read_onnx` found.

    Attributes
    ----------
    network : engine.Network
    tensors : list of str, the ONNX tensor each layer's output equals (for a LogSoftmax turned
        into softmax, its exp)
    notes : list of str, what changed on the way in, in the user's words
    """

    network: Network
    tensors: list
    notes: list


# --------------------------------------------------------------------------------- reading
def open_onnx(path) -> onnx.ModelProto:
    """The model in ``path``, its size judged before it is read; ConfigError if unreadable (the
    message leaves the file to the caller, who names it once)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ConfigError(f"cannot open the file: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise ConfigError(f"the file is {size / 2**20:.0f} MB; ConvScope opens ONNX models up to "
                          f"{MAX_FILE_BYTES // 2**20} MB (small CNNs are a few MB at most)")
    try:
        return onnx.load(str(path))
    except Exception as error:  # protobuf raises its own DecodeError, external data OSError
        raise ConfigError(f"not a readable ONNX model ({type(error).__name__}: {error})") from None


def onnx_input_shape(model) -> tuple:
    """(C, H, W) of the model's image input; None for a height or width the graph leaves open."""
    return _input(model)[2]


def read_onnx(model, input_size=None) -> OnnxImport:
    """Convert ``model`` (a ModelProto or a path) into a Network.

    Parameters
    ----------
    input_size : (H, W), optional
        Used where the graph leaves the height or width open (default 28 × 28).

    Raises
    ------
    ConfigError
        Naming the node and its op type when the graph is not a chain of supported ops.
    """
    if not isinstance(model, onnx.ModelProto):
        model = open_onnx(model)
    opset = _opset(model)
    name, batch, (channels, height, width) = _input(model)
    size = (DEFAULT_SIZE, DEFAULT_SIZE) if input_size is None else tuple(input_size)
    input_shape = (channels, size[0] if height is None else height,
                   size[1] if width is None else width)
    if max(input_shape[1:]) > MAX_SIDE:
        raise ConfigError(f"the model takes {input_shape[1]}×{input_shape[2]} images; ConvScope "
                          f"shows inputs up to {MAX_SIDE}×{MAX_SIDE}")
    reader = _ChainReader(model.graph, opset, input_shape, batch)
    reader.follow(name)
    metadata = {p.key: p.value for p in model.metadata_props}
    net = reader.network(_normalization(metadata))
    own = _spec_network(metadata.get(SPEC_KEY), net)
    return OnnxImport(own or net, reader.tensors, reader.notes)


def load_onnx(path, input_size=None) -> Network:
    """The Network in the ONNX file ``path`` (see :func:`read_onnx`)."""
    return read_onnx(path, input_size).network


def _opset(model):
    versions = {o.domain or "ai.onnx": o.version for o in model.opset_import}
    opset = versions.get("ai.onnx")
    if opset is None or opset < MIN_OPSET:
        raise ConfigError(f"the model uses ONNX opset {opset}; ConvScope reads opset "
                          f"{MIN_OPSET} and newer (re-export it with a newer exporter)")
    return opset


def _input(model):
    """(name, batch or None, (C, H or None, W or None)) of the one graph input that is not a
    weight."""
    weights = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in weights]
    if len(inputs) != 1:
        names = ", ".join(i.name for i in inputs) or "none"
        raise ConfigError(f"the graph has {len(inputs)} inputs ({names}); ConvScope follows one "
                          f"image through a chain of layers")
    tensor = inputs[0].type.tensor_type
    if tensor.elem_type not in (TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16):
        raise ConfigError(f"the input {inputs[0].name!r} holds "
                          f"{TensorProto.DataType.Name(tensor.elem_type)} values; ConvScope feeds "
                          f"images as floating-point numbers")
    dims = [d.dim_value if d.HasField("dim_value") else None for d in tensor.shape.dim]
    if len(dims) != 4 or dims[1] is None:
        shape = "×".join("?" if d is None else str(d) for d in dims) or "unknown"
        raise ConfigError(f"the input {inputs[0].name!r} has shape {shape}; ConvScope needs images "
                          f"as (batch, channels, height, width) with a fixed channel count")
    return inputs[0].name, dims[0], tuple(dims[1:])


def _normalization(metadata):
    text = metadata.get("convscope.normalization")
    if text is None:
        return None
    try:
        return Normalization.from_dict(json.loads(text))
    except (json.JSONDecodeError, ConfigError):
        return None  # a damaged hint costs the user nothing: they can choose one again


def _spec_network(text, net):
    """The network described by a ConvScope spec kept in the metadata, with the graph's weights,
    when it computes what the graph does; None otherwise (the graph was edited since)."""
    if text is None:
        return None
    try:
        skeleton = network_from_spec(json.loads(text))
    except (json.JSONDecodeError, ConfigError):
        return None
    # dropout is dropped on reading (it does nothing at inference); the spec puts it back
    kept = [i for i, spec in enumerate(skeleton.layers) if not isinstance(spec, L.Dropout)]
    if (skeleton.input_shape != net.input_shape or len(kept) != len(net.layers)
            or [skeleton.shapes[i] for i in kept] != net.shapes
            or [skeleton.windows[i] for i in kept] != net.windows):
        return None
    for own, read in zip((skeleton.layers[i] for i in kept), net.layers):
        # the words for the same window (padding "same" or 2) and a flipped kernel are the
        # spec's to keep; every other setting must be what the graph says
        wording = {f: getattr(read, f) for f in _WORDING if hasattr(own, f)}
        if type(own) is not type(read) or dataclasses.replace(own, **wording) != read:
            return None
    params = [{} for _ in skeleton.layers]
    for i, given in zip(kept, net.params):
        if set(given) != set(skeleton.params[i]):
            return None
        flip = getattr(skeleton.layers[i], "flip", False)
        params[i] = {k: v[:, :, ::-1, ::-1] if flip and k == "weight" else v
                     for k, v in given.items()}
    try:
        own = Network(skeleton.input_shape, skeleton.layers, params=params, seed=skeleton.seed,
                      normalization=net.normalization)
    except ConfigError:
        return None
    # the final word: both compute the same maps on an input
    x = np.random.default_rng(0).random((1,) + net.input_shape, dtype=np.float32)
    theirs, ours = net.forward(x), own.forward(x)
    if all(np.allclose(ours[i], t, rtol=1e-4, atol=1e-5) for i, t in zip(kept, theirs)):
        return own
    return None


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


def _float32(value):
    """A float attribute as the number it was written as: ONNX keeps float32, so 0.1 comes back
    as 0.10000000149, which shows (and compares) badly."""
    return float(str(np.float32(value)))


def _compact(pair):
    """2 for (2, 2), else the pair."""
    return pair[0] if pair[0] == pair[1] else tuple(pair)


def _compact_pads(pads):
    """((top, bottom), (left, right)) in the shortest equal form: p, (ph, pw) or the sides."""
    (top, bottom), (left, right) = pads
    if top == bottom and left == right:
        return _compact((top, left))
    return pads


def _same_pads(n, kernel, stride, dilation, lower):
    """(before, after) of ONNX's SAME_UPPER / SAME_LOWER on an axis of length ``n``."""
    total = max((math.ceil(n / stride) - 1) * stride + dilation * (kernel - 1) + 1 - n, 0)
    small, big = total // 2, total - total // 2
    return (big, small) if lower else (small, big)


SUPPORTED = ("Conv (grouped too), ConvTranspose, BatchNormalization, MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, ReduceMean and "
             "ReduceMax over height and width, Relu, LeakyRelu, "
             "Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Reshape to (N, −1), Gemm, MatMul + Add, "
             "Pad, Dropout, Identity, Constant")


class _ChainReader:
    """Walks the graph's nodes in order, following the one tensor that carries the image."""

    def __init__(self, graph, opset, input_shape, batch):
        self.graph, self.opset, self.input_shape, self.batch = graph, opset, input_shape, batch
        self.constants = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        self.specs, self.params, self.tensors, self.notes = [], [], [], []
        self.shape = input_shape  # per-image shape of the current tensor
        self.pending_pad = None  # (mode, pads) of a Pad waiting for its conv or pool
        self.dense_flattens = False  # a Flatten written for the dense layer that follows
        self.node = None

    # ---------------------------------------------------------------- walking
    def follow(self, current):
        users = {}
        for node in self.graph.node:
            for name in node.input:
                users.setdefault(name, []).append(node)
        for index, node in enumerate(self.graph.node):
            self.node = node
            self.label = f"node {node.name or index + 1} ({node.op_type})"
            if node.domain not in ("", "ai.onnx"):
                self._refuse(f"is from the op set {node.domain!r}")
            data = [name for name in node.input if name and name not in self.constants]
            if not data:
                self._fold(node)
                continue
            first = node.input[1] if node.op_type == "Add" and data == [node.input[1]] else None
            if data != [current] or (node.input[0] != current and first != current):
                self._refuse("combines the image with another computed tensor: the graph "
                             "branches (a residual Add, a Concat, or two inputs), and ConvScope "
                             "shows chains of layers only")
            if len(users.get(current, [])) > 1:
                self._refuse(f"is one of {len(users[current])} nodes reading {current!r}: the "
                             f"graph branches there, and ConvScope shows chains of layers only")
            handler = getattr(self, f"_on_{node.op_type}", None)
            if handler is None:
                self._refuse(f"is an operation ConvScope cannot show; it reads {SUPPORTED}")
            if self.pending_pad is not None and node.op_type not in (
                    "Conv", "MaxPool", "AveragePool", "Pad"):
                self._refuse("follows a Pad, which ConvScope can only fold into the padding of "
                             "the convolution or pooling right after it")
            handler(node, _attrs(node))
            current = node.output[0]
        outputs = [o.name for o in self.graph.output]
        if outputs != [current]:
            raise ConfigError(f"the graph's output ({', '.join(outputs)}) is not the end of the "
                              f"chain ({current}); ConvScope shows one chain ending in the output")
        if self.pending_pad is not None:
            raise ConfigError("the graph ends in a Pad; ConvScope folds Pad into the next layer")

    def network(self, normalization):
        try:
            return Network(self.input_shape, self.specs, params=self.params,
                           normalization=normalization)
        except ConfigError as error:
            raise ConfigError(f"the model does not fit its input: {error}") from None

    def _refuse(self, why):
        raise ConfigError(f"{self.label} {why}")

    def _fold(self, node):
        """Evaluate a node of constants only (shape arithmetic some exporters write)."""
        from onnx.reference import ReferenceEvaluator

        if node.op_type == "ConstantOfShape":
            shape = self.constants.get(node.input[0], np.zeros(0, np.int64))
            if math.prod(int(d) for d in shape.ravel()) > _MAX_FOLDED_VALUES:
                self._refuse(f"would build a constant of shape {tuple(shape.ravel())}, too large")
        try:
            feeds = {name: self.constants[name] for name in node.input if name}
            results = ReferenceEvaluator(node).run(None, feeds)
        except Exception as error:
            self._refuse(f"could not be computed from its constants ({error})")
        for name, value in zip(node.output, results):
            self.constants[name] = np.asarray(value)

    def _constant(self, name, what):
        if name not in self.constants:
            self._refuse(f"computes its {what} instead of storing it; ConvScope needs stored "
                         f"weights (initializers or Constant nodes)")
        return self.constants[name]

    def _add(self, spec, params=None, note=None):
        """Append a layer, checking it against the current shape (its node named on failure)."""
        try:
            spec.validate()
            spec.window(self.shape)
            self.shape = spec.output_shape(self.shape)
        except ConfigError as error:
            self._refuse(f"cannot work here: {error}")
        self.specs.append(spec)
        self.params.append(params or {})
        self.tensors.append(self.node.output[0])
        if note:
            self.notes.append(note)

    def _drop(self):
        """A node that passes the image on unchanged: its output is the last layer's."""
        if self.tensors:
            self.tensors[-1] = self.node.output[0]

    def _maps(self):
        if len(self.shape) != 3:
            self._refuse(f"needs an image (channels × height × width), but here it gets a flat "
                         f"list of {self.shape[0]} numbers")

    # ------------------------------------------------------------- windows
    def _window(self, attrs, kernel):
        """(stride, dilation, pads) with auto_pad resolved and a waiting Pad folded in."""
        stride = tuple(attrs.get("strides", (1, 1)))
        dilation = tuple(attrs.get("dilations", (1, 1)))
        auto_pad = _text(attrs.get("auto_pad", "NOTSET"))
        if len(kernel) != 2 or len(stride) != 2 or len(dilation) != 2:
            self._refuse("is not two-dimensional; ConvScope shows 2-D images")
        if auto_pad in ("SAME_UPPER", "SAME_LOWER"):
            pads = tuple(_same_pads(n, k, s, d, auto_pad == "SAME_LOWER")
                         for n, k, s, d in zip(self.shape[1:], kernel, stride, dilation))
        elif auto_pad in ("NOTSET", "VALID"):
            flat = tuple(attrs.get("pads", (0, 0, 0, 0))) if auto_pad == "NOTSET" else (0,) * 4
            pads = ((flat[0], flat[2]), (flat[1], flat[3]))
        else:
            self._refuse(f"has auto_pad {auto_pad!r}, which ONNX does not define")
        mode = "zeros"
        if self.pending_pad is not None:
            mode, extra = self.pending_pad
            self.pending_pad = None
            if mode != "zeros" and any(map(any, pads)):
                self._refuse(f"pads with zeros after a {mode} Pad; ConvScope has one padding "
                             f"mode per layer")
            pads = tuple((a + c, b + d) for (a, b), (c, d) in zip(pads, extra))
        return stride, dilation, pads, mode

    def _on_Conv(self, node, attrs):
        self._maps()
        weight = self._constant(node.input[1], "kernel")
        bias = self._constant(node.input[2], "bias") if len(node.input) > 2 and node.input[2] else None
        if weight.ndim != 4:
            self._refuse("is not a 2-D convolution; ConvScope shows 2-D images")
        stride, dilation, pads, mode = self._window(attrs, weight.shape[2:])
        spec = L.Conv2d(weight.shape[0], _compact(weight.shape[2:]), _compact(stride),
                        _compact_pads(pads), _compact(dilation), padding_mode=mode,
                        bias=bias is not None, groups=attrs.get("group", 1))
        params = {"weight": weight} | ({"bias": bias} if bias is not None else {})
        self._add(spec, params)

    def _on_ConvTranspose(self, node, attrs):
        self._maps()
        if self.pending_pad is not None:
            self._refuse("follows a Pad; ConvScope's transposed conv has no input padding")
        weight = self._constant(node.input[1], "kernel")
        bias = self._constant(node.input[2], "bias") if len(node.input) > 2 and node.input[2] else None
        if weight.ndim != 4:
            self._refuse("is not a 2-D transposed convolution; ConvScope shows 2-D images")
        if "output_shape" in attrs:
            self._refuse("fixes its output shape; ConvScope reads pads and output_padding")
        if _text(attrs.get("auto_pad", "NOTSET")) not in ("NOTSET", "VALID"):
            self._refuse(f"has auto_pad {_text(attrs['auto_pad'])}; ConvScope reads explicit pads")
        top, left, bottom, right = attrs.get("pads", (0, 0, 0, 0))
        if (top, left) != (bottom, right):
            self._refuse(f"crops unevenly (pads {[top, left, bottom, right]}); ConvScope's "
                         f"transposed conv crops both sides alike")
        groups = attrs.get("group", 1)
        spec = L.ConvTranspose2d(
            weight.shape[1] * groups, _compact(weight.shape[2:]),
            _compact(tuple(attrs.get("strides", (1, 1)))), _compact((top, left)),
            _compact(tuple(attrs.get("output_padding", (0, 0)))),
            _compact(tuple(attrs.get("dilations", (1, 1)))), groups, bias is not None)
        self._add(spec, {"weight": weight} | ({"bias": bias} if bias is not None else {}))

    def _on_BatchNormalization(self, node, attrs):
        self._maps()
        if attrs.get("training_mode", 0) or any(node.output[1:]):
            self._refuse("computes training statistics; ConvScope reads batch norm for "
                         "inference (export the model in eval mode)")
        names = ("weight", "bias", "running_mean", "running_var")
        params = {name: self._constant(tensor, name.replace("_", " "))
                  for name, tensor in zip(names, node.input[1:])}
        # ONNX's momentum weighs the running value, torch's (ConvScope's) the batch
        momentum = round(1.0 - float(attrs.get("momentum", 0.9)), 6)
        self._add(L.BatchNorm2d(eps=_float32(attrs.get("epsilon", 1e-5)), momentum=momentum),
                  params)

    def _pool_settings(self, attrs):
        kernel = tuple(attrs["kernel_shape"])
        stride, dilation, pads, mode = self._window(attrs, kernel)
        if dilation != (1, 1):
            self._refuse(f"has dilations {dilation}; ConvScope pools neighbouring pixels only")
        settings = dict(kernel_size=_compact(kernel), stride=_compact(stride),
                        padding=_compact_pads(pads), ceil_mode=bool(attrs.get("ceil_mode", 0)))
        return settings, mode

    def _on_MaxPool(self, node, attrs):
        self._maps()
        if len(node.output) > 1 and node.output[1]:
            self._refuse("also outputs the winners' indices, which ConvScope does not keep")
        if self.pending_pad is not None:
            self._refuse(f"max-pools after a Pad ({self.pending_pad[0]}); ConvScope's max "
                         f"pooling pads with −∞ only")
        settings, _ = self._pool_settings(attrs)
        self._add(L.MaxPool2d(**settings))

    def _on_AveragePool(self, node, attrs):
        self._maps()
        count_include_pad = bool(attrs.get("count_include_pad", 0))
        own_pads = any(attrs.get("pads", ())) or _text(attrs.get("auto_pad", "NOTSET")) not in (
            "NOTSET", "VALID")
        if self.pending_pad is not None:
            if self.pending_pad[0] != "zeros":
                self._refuse(f"averages after a {self.pending_pad[0]} Pad; ConvScope folds only "
                             f"zero padding into pooling")
            if own_pads and not count_include_pad:
                self._refuse("averages after a zero Pad with padding of its own that does not "
                             "count; ConvScope has one rule per layer")
            count_include_pad = True  # the Pad's zeros are input to ONNX: they count
        settings, _ = self._pool_settings(attrs)
        self._add(L.AvgPool2d(**settings, count_include_pad=count_include_pad))

    def _on_GlobalAveragePool(self, node, attrs):
        self._maps()
        self._add(L.AvgPool2d(kernel_size=_compact(self.shape[1:])))

    def _on_GlobalMaxPool(self, node, attrs):
        self._maps()
        self._add(L.MaxPool2d(kernel_size=_compact(self.shape[1:])))

    def _whole_map(self, node, attrs):
        """True when a ReduceMean/ReduceMax averages each channel's whole map, keeping its axes
        (what torch's dynamo exporter writes for AdaptiveAvgPool2d(1))."""
        self._maps()
        axes = attrs.get("axes")
        if len(node.input) > 1 and node.input[1]:
            axes = self._constant(node.input[1], "axes").ravel().tolist()
        if sorted(a % 4 for a in (axes or ())) != [2, 3] or not attrs.get("keepdims", 1):
            self._refuse(f"reduces over axes {axes}; ConvScope reads it only over the height "
                         f"and width, keeping them (global pooling)")

    def _on_ReduceMean(self, node, attrs):
        self._whole_map(node, attrs)
        self._on_GlobalAveragePool(node, attrs)

    def _on_ReduceMax(self, node, attrs):
        self._whole_map(node, attrs)
        self._on_GlobalMaxPool(node, attrs)

    def _on_Pad(self, node, attrs):
        self._maps()
        mode = _text(attrs.get("mode", "constant"))
        if mode not in _PAD_MODES:
            self._refuse(f"pads in mode {mode!r}; ConvScope folds constant, reflect, edge and "
                         f"wrap padding")
        if self.opset < 11:
            pads, value = attrs.get("pads", ()), attrs.get("value", 0.0)
        else:
            pads = self._constant(node.input[1], "pads").ravel().tolist()
            value = (self._constant(node.input[2], "fill value").ravel()[0]
                     if len(node.input) > 2 and node.input[2] else 0.0)
            if len(node.input) > 3 and node.input[3]:
                axes = [a % 4 for a in self._constant(node.input[3], "axes").ravel().tolist()]
                full = [0] * 8
                for i, axis in enumerate(axes):
                    full[axis], full[axis + 4] = pads[i], pads[i + len(axes)]
                pads = full
        if len(pads) != 8 or any(pads[i] for i in (0, 1, 4, 5)) or min(pads) < 0:
            self._refuse(f"pads {list(pads)}; ConvScope folds non-negative padding of the "
                         f"height and width only")
        if mode == "constant" and value != 0:
            self._refuse(f"pads with the value {value}; ConvScope pads with zeros")
        sides = ((pads[2], pads[6]), (pads[3], pads[7]))
        mode = _PAD_MODES[mode]
        if self.pending_pad is not None:
            before_mode, before = self.pending_pad
            if before_mode != mode:
                self._refuse("pads again in another mode; ConvScope has one padding per layer")
            sides = tuple((a + c, b + d) for (a, b), (c, d) in zip(sides, before))
        self.pending_pad = (mode, sides)

    # ---------------------------------------------------------- elementwise
    def _on_Relu(self, node, attrs):
        self._add(L.ReLU())

    def _on_LeakyRelu(self, node, attrs):
        self._add(L.LeakyReLU(_float32(attrs.get("alpha", 0.01))))

    def _on_Sigmoid(self, node, attrs):
        self._add(L.Sigmoid())

    def _on_Tanh(self, node, attrs):
        self._add(L.Tanh())

    def _on_Dropout(self, node, attrs):
        if len(node.output) > 1 and node.output[1]:
            self._refuse("outputs its mask, which only exists while training")
        self._drop()

    def _on_Identity(self, node, attrs):
        self._drop()

    def _softmax_axis(self, attrs):
        rank = len(self.shape) + 1
        axis = attrs.get("axis", -1 if self.opset >= 13 else 1) % rank
        if rank == 2 and axis == 1:
            return
        if rank == 4 and axis == 1 and self.opset >= 13:
            return  # over the channels at each pixel, as ConvScope's softmax on maps
        self._refuse(f"normalises over axis {attrs.get('axis')} of a rank-{rank} tensor; "
                     f"ConvScope's softmax runs over a flat vector or over the channels")

    def _on_Softmax(self, node, attrs):
        self._softmax_axis(attrs)
        self._add(L.Softmax())

    def _on_LogSoftmax(self, node, attrs):
        self._softmax_axis(attrs)
        if node is not self.graph.node[-1]:
            self._refuse("is not the last node; ConvScope can show log-probabilities only as "
                         "the probabilities at the end")
        self._add(L.Softmax(), note=f"{self.label} is shown as a softmax: probabilities instead "
                                    f"of their logarithms (the same prediction)")

    # ---------------------------------------------------------------- flat
    def _flatten(self):
        if len(self.shape) != 1:
            self._add(L.Flatten())
        else:
            self._drop()

    def _on_Flatten(self, node, attrs):
        if attrs.get("axis", 1) != 1:
            self._refuse(f"flattens from axis {attrs['axis']}; ConvScope flattens each image "
                         f"(axis 1)")
        if node.name and self._next_is_dense_named(node.name):
            # written by network_to_onnx for a dense layer that flattens its input itself
            self.dense_flattens = True
            return
        self._flatten()

    def _next_is_dense_named(self, name):
        nodes = list(self.graph.node)
        following = nodes[nodes.index(self.node) + 1:]
        return (name.endswith("/flatten") and following and following[0].op_type == "Gemm"
                and following[0].name == name[:-len("/flatten")])

    def _on_Reshape(self, node, attrs):
        target = [int(v) for v in self._constant(node.input[1], "target shape").ravel()]
        size = math.prod(self.shape)
        batch = (0, -1) + ((1,) if self.batch == 1 else ())  # (1, −1) flattens a batch of one
        if len(target) != 2 or target[1] not in (-1, size) or target[0] not in batch or \
                target == [-1, -1]:
            self._refuse(f"reshapes to {target}; ConvScope reads Reshape only as flattening "
                         f"each image to (N, −1)")
        self._flatten()

    def _dense(self, weight, bias, note=None):
        """A dense layer computing x @ weight.T + bias on flat input."""
        flattens, self.dense_flattens = self.dense_flattens, False
        if len(self.shape) != 1 and not flattens:
            self._refuse(f"multiplies a {'×'.join(map(str, self.shape))} image; ConvScope needs "
                         f"it flattened first (Flatten or Reshape to (N, −1))")
        if weight.ndim != 2 or weight.shape[1] != math.prod(self.shape):
            self._refuse(f"has weights of shape {weight.shape} for {math.prod(self.shape)} inputs")
        if bias is not None:
            if bias.size not in (1, weight.shape[0]) or bias.ndim > 2:
                self._refuse(f"adds a bias of shape {bias.shape} to {weight.shape[0]} outputs")
            bias = np.broadcast_to(bias.ravel(), weight.shape[:1]).astype(np.float32)
        params = {"weight": weight} | ({"bias": bias} if bias is not None else {})
        self._add(L.Dense(weight.shape[0], bias=bias is not None), params, note)

    def _on_Gemm(self, node, attrs):
        if attrs.get("transA", 0):
            self._refuse("transposes its input (transA=1); ConvScope multiplies images as rows")
        b = self._constant(node.input[1], "weights").astype(np.float32)
        weight = (b if attrs.get("transB", 0) else b.T) * np.float32(attrs.get("alpha", 1.0))
        bias = None
        if len(node.input) > 2 and node.input[2]:
            bias = self._constant(node.input[2], "bias") * np.float32(attrs.get("beta", 1.0))
        self._dense(weight, bias)

    def _on_MatMul(self, node, attrs):
        weight = self._constant(node.input[1], "weights")
        if weight.ndim != 2:
            self._refuse(f"multiplies by a {weight.ndim}-D tensor; ConvScope reads MatMul as a "
                         f"dense layer (a 2-D weight matrix)")
        self._dense(weight.T, None)

    def _on_Add(self, node, attrs):
        current = self.tensors[-1] if self.tensors else None
        other = self._constant(node.input[1] if node.input[0] == current else node.input[0],
                               "addend")
        previous = self.specs[-1] if self.specs else None
        if not isinstance(previous, L.Dense) or previous.bias or current not in node.input \
                or other.size not in (1, previous.out_features):
            self._refuse("adds a constant that is not the bias of a MatMul right before it; "
                         "ConvScope reads Add only as MatMul + Add (a dense layer)")
        self.specs[-1] = L.Dense(previous.out_features)
        self.params[-1]["bias"] = np.broadcast_to(other.ravel(), (previous.out_features,))
        self.tensors[-1] = node.output[0]



# --------------------------------------------------------------------------------- writing
_ONNX_PAD_MODES = {v: k for k, v in _PAD_MODES.items()}


def network_to_onnx(net: Network) -> onnx.ModelProto:
    """``net`` as an ONNX model: opset 19, input "input" (N, C, H, W) with a dynamic batch N,
    output "output"; weights as initializers named like "conv1.weight"."""
    writer = _GraphWriter()
    current, shape = "input", net.input_shape
    for i, (spec, name, params, window) in enumerate(
            zip(net.layers, net.names, net.params, net.windows)):
        out = "output" if i == len(net.layers) - 1 else name
        writer.layer(spec, name, params, window, shape, current, out)
        current, shape = out, net.shapes[i]
    if not net.layers:
        writer.node("Identity", [current], "output", "identity")
    graph = helper.make_graph(
        writer.nodes, "convscope",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", *net.input_shape])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT,
                                       ["N", *(net.shapes[-1] if net.layers else net.input_shape)])],
        writer.initializers)
    model = helper.make_model(graph, producer_name="ConvScope",
                              opset_imports=[helper.make_opsetid("", EXPORT_OPSET)])
    model.ir_version = EXPORT_IR_VERSION
    metadata = {SPEC_KEY: json.dumps(network_spec(net))}
    if net.normalization is not None:
        metadata["convscope.normalization"] = json.dumps(net.normalization.to_dict())
    helper.set_model_props(model, metadata)
    return model


def save_onnx(net: Network, path) -> None:
    """Write ``net`` to ``path`` as ONNX (see :func:`network_to_onnx`), atomically."""
    data = network_to_onnx(net).SerializeToString()
    write_atomically(path, lambda f: f.write(data))


class _GraphWriter:
    """Collects the nodes and initializers of the exported graph, layer by layer."""

    def __init__(self):
        self.nodes, self.initializers = [], []

    def node(self, op, inputs, output, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [output], name=name, **attrs))

    def tensor(self, name, array, dtype=np.float32):
        array = np.asarray(array, dtype)  # (ascontiguousarray would make a scalar 1-D)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array)
                                                         if array.ndim else array, name))
        return name

    def layer(self, spec, name, params, window, in_shape, current, out):
        write = _WRITERS.get(type(spec))
        if write is None:
            raise ConfigError(f"{name} ({spec.describe()}) cannot be written as ONNX yet")
        write(self, _Layer(spec, name, params, window, in_shape), current, out)

    def weights(self, layer, current, weight=None):
        """[current, "<name>.weight", "<name>.bias"] (no bias when the layer has none)."""
        weight = layer.params["weight"] if weight is None else weight
        inputs = [current, self.tensor(f"{layer.name}.weight", weight)]
        if "bias" in layer.params:
            inputs.append(self.tensor(f"{layer.name}.bias", layer.params["bias"]))
        return inputs


class _Layer(NamedTuple):
    spec: L.Layer
    name: str
    params: dict
    window: L.Window | None
    in_shape: tuple


def _write_conv(writer, layer, current, out):
    spec, name, window = layer.spec, layer.name, layer.window
    weight = layer.params["weight"][:, :, ::-1, ::-1] if spec.flip else None
    inputs = writer.weights(layer, current, weight)
    pads = window.pads
    if spec.padding_mode != "zeros":
        (top, bottom), (left, right) = pads
        onnx_pads = writer.tensor(f"{name}.pads", [0, 0, top, left, 0, 0, bottom, right], np.int64)
        writer.node("Pad", [current, onnx_pads], f"{name}/padded", f"{name}/pad",
                    mode=_ONNX_PAD_MODES[spec.padding_mode])
        inputs[0], pads = f"{name}/padded", ((0, 0), (0, 0))
    writer.node("Conv", inputs, out, name, kernel_shape=list(window.kernel),
                strides=list(window.stride), dilations=list(window.dilation), pads=_onnx_pads(pads),
                group=spec.groups)


def _write_conv_transpose(writer, layer, current, out):
    kernel, stride, padding, output_padding, dilation = layer.spec.geometry()
    writer.node("ConvTranspose", writer.weights(layer, current), out, layer.name,
                kernel_shape=list(kernel), strides=list(stride), dilations=list(dilation),
                pads=list(padding) * 2, output_padding=list(output_padding),
                group=layer.spec.groups)


def _write_batch_norm(writer, layer, current, out):
    inputs = [current] + [writer.tensor(f"{layer.name}.{name}", layer.params[name])
                          for name in ("weight", "bias", "running_mean", "running_var")]
    writer.node("BatchNormalization", inputs, out, layer.name, epsilon=float(layer.spec.eps),
                momentum=1.0 - float(layer.spec.momentum))


def _write_dropout(writer, layer, current, out):
    # identity at inference; the ratio is kept for whoever trains the model further
    ratio = writer.tensor(f"{layer.name}.ratio", np.float32(layer.spec.p))
    writer.node("Dropout", [current, ratio], out, layer.name)


def _write_pool(writer, layer, current, out):
    spec, window = layer.spec, layer.window
    attrs = dict(kernel_shape=list(window.kernel), strides=list(window.stride),
                 pads=_onnx_pads(window.pads), ceil_mode=int(spec.ceil_mode))
    if isinstance(spec, L.AvgPool2d):
        attrs["count_include_pad"] = int(spec.count_include_pad)
    op = "AveragePool" if isinstance(spec, L.AvgPool2d) else "MaxPool"
    writer.node(op, [current], out, layer.name, **attrs)


def _write_dense(writer, layer, current, out):
    if len(layer.in_shape) != 1:  # read back as part of the dense layer (see _on_Flatten)
        writer.node("Flatten", [current], f"{layer.name}/flat", f"{layer.name}/flatten", axis=1)
        current = f"{layer.name}/flat"
    writer.node("Gemm", writer.weights(layer, current), out, layer.name, transB=1)


def _write_softmax(writer, layer, current, out):
    writer.node("Softmax", [current], out, layer.name, axis=-1 if len(layer.in_shape) == 1 else 1)


def _write_leaky_relu(writer, layer, current, out):
    writer.node("LeakyRelu", [current], out, layer.name, alpha=float(layer.spec.negative_slope))


def _write_flatten(writer, layer, current, out):
    writer.node("Flatten", [current], out, layer.name, axis=1)


def _elementwise(op):
    return lambda writer, layer, current, out: writer.node(op, [current], out, layer.name)


#: how each layer kind is written; a kind missing here is refused by name
_WRITERS = {
    L.Conv2d: _write_conv, L.ConvTranspose2d: _write_conv_transpose,
    L.BatchNorm2d: _write_batch_norm, L.Dropout: _write_dropout, L.MaxPool2d: _write_pool, L.AvgPool2d: _write_pool,
    L.Dense: _write_dense, L.Softmax: _write_softmax, L.LeakyReLU: _write_leaky_relu,
    L.Flatten: _write_flatten, L.ReLU: _elementwise("Relu"), L.Sigmoid: _elementwise("Sigmoid"),
    L.Tanh: _elementwise("Tanh"),
}


def _onnx_pads(pads):
    (top, bottom), (left, right) = pads
    return [top, left, bottom, right]

"""Networks on disk: one .npz holding a JSON spec and the weights, or a hand-written .json spec.

The spec (the "spec" entry of the .npz, or the whole .json file)::

    {"format": "convscope-network", "version": 1, "input_shape": [1, 28, 28], "seed": 0,
     "layers": [{"type": "conv2d", "out_channels": 8, "kernel_size": 5, "padding": "same"},
                {"type": "relu"}, {"type": "maxpool2d", "kernel_size": 2},
                {"type": "flatten"}, {"type": "dense", "out_features": 10},
                {"type": "softmax"}]}

Each layer is {"type": ...} plus the settings of its engine.layers class that differ from the
defaults; "seed" is optional, and so is "normalization" ({"mean": [...], "std": [...],
"invert": false}, see engine.normalization). The .npz also holds "p{i}_weight" and "p{i}_bias" (float32) for
every layer i (0-based) that has them. A .json spec has no weights: they are initialized.
Nothing is ever unpickled.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

from engine.errors import ConfigError
from engine.network import Network
from engine.normalization import Normalization

FORMAT, VERSION = "convscope-network", 1


def network_spec(net: Network) -> dict:
    """The JSON-ready description of ``net`` (everything but the weights)."""
    spec = {"format": FORMAT, "version": VERSION, "input_shape": list(net.input_shape),
            "seed": net.seed, "layers": [spec.to_dict() for spec in net.layers]}
    if net.normalization is not None:
        spec["normalization"] = net.normalization.to_dict()
    return spec


def network_from_spec(spec, params=None) -> Network:
    """A Network from a spec dict (see the module docstring); weights initialized unless given."""
    if not isinstance(spec, dict) or spec.get("format") != FORMAT:
        raise ConfigError(f'this is not a ConvScope network: a spec needs "format": "{FORMAT}"')
    if not isinstance(spec.get("version"), int) or spec["version"] > VERSION:
        raise ConfigError(f"this network file has version {spec.get('version')!r}; this ConvScope "
                          f"reads version {VERSION} (it may come from a newer ConvScope)")
    for key in ("input_shape", "layers"):
        if key not in spec:
            raise ConfigError(f'the network spec has no "{key}"')
    if not isinstance(spec["layers"], list):
        raise ConfigError('"layers" must be a list of layers like {"type": "relu"}')
    normalization = spec.get("normalization")
    if normalization is not None:
        normalization = Normalization.from_dict(normalization)
    return Network(spec["input_shape"], spec["layers"], params=params, seed=spec.get("seed", 0),
                   normalization=normalization)


def save_network(net: Network, path) -> None:
    """Write ``net`` to ``path`` atomically: a crash never leaves half a file behind.

    A path ending in .onnx gets an ONNX model (engine.onnx_io), anything else a ConvScope .npz.
    """
    path = Path(path)
    if path.suffix.lower() == ".onnx":
        from engine.onnx_io import save_onnx  # onnx loads only when an ONNX file is involved
        save_onnx(net, path)
        return
    arrays = {"spec": np.array(json.dumps(network_spec(net), indent=1))}
    for i, params in enumerate(net.params):
        arrays |= {f"p{i}_{name}": np.ascontiguousarray(a, np.float32) for name, a in params.items()}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez_compressed(f, **arrays)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def load_network(path, input_size=None) -> Network:
    """Read a network saved by :func:`save_network`, a hand-written .json spec, or an .onnx model.

    ``input_size`` (H, W) is used where an ONNX model leaves the image size open (default 28×28).

    Raises
    ------
    ConfigError
        If the file is missing, unreadable, truncated, not a ConvScope network, or its spec and
        weights do not fit together; the message names the file and the problem.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(1).lstrip()
    except OSError as error:
        raise ConfigError(f"cannot open {path}: {error.strerror or error}") from None
    try:
        if path.suffix.lower() == ".onnx":
            from engine.onnx_io import load_onnx
            return load_onnx(path, input_size)
        if path.suffix.lower() == ".json" or head == b"{":
            return network_from_spec(_json(path.read_text(encoding="utf-8"), path))
        return _load_npz(path)
    except ConfigError as error:
        raise ConfigError(f"{path.name}: {error}") from None


def _json(text, path):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"the spec is not valid JSON ({error.msg} at line {error.lineno}, "
                          f"column {error.colno})") from None


def _load_npz(path):
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError) as error:
        raise ConfigError(f"not a readable ConvScope .npz file; it may be truncated or of "
                          f"another kind ({error})") from None
    if "spec" not in arrays:
        raise ConfigError("this .npz has no network spec; it was not written by ConvScope")
    spec_array = arrays.pop("spec")
    if spec_array.dtype.kind != "U" or spec_array.shape != ():
        raise ConfigError("the spec entry is not text; this is not a ConvScope network")
    spec = _json(str(spec_array), path)
    skeleton = network_from_spec(spec)  # checks the spec and tells which weights belong
    params = []
    for i, (name, needed) in enumerate(zip(skeleton.names, skeleton.params)):
        entry = {}
        for key in needed:
            array = arrays.pop(f"p{i}_{key}", None)
            if array is None:
                raise ConfigError(f"layer {i + 1} ({name}) has no {key} in the file")
            if array.dtype.kind not in "iuf" or not np.isfinite(array).all():
                raise ConfigError(f"the {key} of layer {i + 1} ({name}) holds values that are "
                                  f"not finite numbers")
            entry[key] = array
        params.append(entry)
    if arrays:
        raise ConfigError(f"the file has arrays that belong to no layer: {', '.join(sorted(arrays))}")
    return network_from_spec(spec, params)

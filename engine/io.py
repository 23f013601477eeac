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

import glob
import json
import math
import os
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from engine import limits
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
    version = spec.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= VERSION:
        newer = " (it may come from a newer ConvScope)" if isinstance(version, int) and \
            not isinstance(version, bool) and version > VERSION else ""
        raise ConfigError(f"this network file has version {version!r}; this ConvScope reads "
                          f"version {VERSION}{newer}")
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
    The data reaches the disk (fsync) before it replaces the old file; a symbolic link is
    followed (the file it points to is replaced, the link kept); the file gets the permissions
    of the file it replaces, or the user's umask; a temporary left by a save that was killed is
    removed. A .json path is refused: JSON holds the layers but not the weights.

    Raises
    ------
    ConfigError
        For a .json path, or a network ONNX cannot express; the message does not name the
        file (whoever asked for it knows it and names it once).
    OSError
        When the file cannot be written.
    """
    path = Path(path)
    if path.suffix.lower() == ".onnx":
        from engine.onnx_io import save_onnx  # onnx loads only when an ONNX file is involved
        save_onnx(net, path)
        return
    if path.suffix.lower() == ".json":
        raise ConfigError("a .json file holds only the layer spec, not the weights; save the "
                          "network as .npz to keep them")
    arrays = {"spec": np.array(json.dumps(network_spec(net), indent=1))}
    for i, params in enumerate(net.params):
        arrays |= {f"p{i}_{name}": np.ascontiguousarray(a, np.float32) for name, a in params.items()}
    write_atomically(path, lambda f: np.savez_compressed(f, **arrays))


def write_atomically(path, fill) -> None:
    """Write the file ``path`` through ``fill(f)`` (``f`` a binary file) so that it is always
    either its old self or whole: written beside it under a hidden name, synced, then renamed
    over it (through a symbolic link, its target), with the permissions of the file it replaces.
    """
    target = Path(os.path.realpath(path))
    # short, hidden and recognizable: a legal long name must not become too long with a suffix
    prefix = f".{target.name[:64]}."
    for stale in target.parent.glob(f"{glob.escape(prefix)}*.part"):
        stale.unlink(missing_ok=True)
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def _mode_for(target):
    """The permissions a saved file gets: those of the file it replaces, else 0666 less the umask
    (mkstemp's own 0600 would hide the file from everyone else)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder):
    """Make the rename itself durable; some file systems cannot sync a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def load_network(path, input_size=None) -> Network:
    """Read a network saved by :func:`save_network`, a hand-written .json spec, or an .onnx model.

    ``input_size`` (H, W) is used where an ONNX model leaves the image size open (default 28×28).

    The file is judged before it costs anything: the spec's size, nesting and numbers, the
    network's budgets (engine.limits) and every weight entry's declared size and shape are
    checked before the weights are read.

    Raises
    ------
    ConfigError
        If the file is missing, unreadable, truncated, not a ConvScope network, over a budget, or
        its spec and weights do not fit together; the message names the file and the problem.
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".onnx":
            from engine.onnx_io import load_onnx  # onnx loads only when an ONNX file is involved
            return load_onnx(path, input_size)
        with open(path, "rb") as f:
            head = f.read(1)
        if path.suffix.lower() == ".json" or head == b"{":
            size = path.stat().st_size
            if size > limits.MAX_SPEC_BYTES:
                raise limits.over("the spec's size in bytes", size, limits.MAX_SPEC_BYTES)
            return network_from_spec(_json(_utf8(path.read_bytes())))
        return _load_npz(path)
    except OSError as error:
        raise ConfigError(f"cannot open {path}: {error.strerror or error}") from None
    except ConfigError as error:
        raise ConfigError(f"{path.name}: {error}") from None


def _utf8(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"the spec is not UTF-8 text (byte {error.start + 1} is "
                          f"0x{data[error.start]:02x}); save it as UTF-8") from None


def _json(text):
    """The spec in ``text``, refusing what no spec needs: deep nesting, numbers with more digits
    than a setting could use, NaN and infinity."""
    try:
        spec = json.loads(text, parse_int=_whole_number, parse_float=_real_number,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ConfigError(f"the spec is not valid JSON ({error.msg} at line {error.lineno}, "
                          f"column {error.colno})") from None
    except RecursionError:
        spec = None  # nested far deeper than the limit below
    if spec is None or _depth(spec) > limits.MAX_SPEC_DEPTH:
        raise ConfigError(f"the spec nests lists and objects more than {limits.MAX_SPEC_DEPTH} "
                          f"deep; a network spec never needs that")
    return spec


def _whole_number(digits):
    if len(digits.lstrip("-")) > limits.MAX_SPEC_DIGITS:
        raise ConfigError(f"the spec holds a whole number of {len(digits.lstrip('-')):,} digits; "
                          f"settings have at most {limits.MAX_SPEC_DIGITS}")
    return int(digits)


def _real_number(text):
    value = float(text)
    if not math.isfinite(value):
        raise ConfigError(f"the spec holds {text}, too large for a number")
    return value


def _no_constant(name):
    raise ConfigError(f"the spec holds {name}; settings must be finite numbers")


def _depth(value):
    """How deeply lists and objects nest in ``value`` (0 for a number or text)."""
    deepest, level = 0, [(value, 0)]
    while level:
        item, depth = level.pop()
        if isinstance(item, (list, dict)):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= limits.MAX_SPEC_DEPTH:
                level.extend((v, depth) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


# room for a .npy entry's header, beyond its data
_NPY_HEADER_BYTES = 4096


def _load_npz(path):
    try:
        with zipfile.ZipFile(path) as archive:
            return _network_from_zip(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        if isinstance(error, ConfigError):
            raise
        raise ConfigError("not a readable ConvScope .npz file; it may be truncated or of another "
                          "kind (a ConvScope network is a .npz archive or a JSON spec)") from None


def _network_from_zip(archive):
    """The network in an .npz archive, reading no entry before its declared size is judged."""
    entries = {info.filename.removesuffix(".npy"): info for info in archive.infolist()}
    if "spec" not in entries:
        raise ConfigError("this .npz has no network spec; it was not written by ConvScope")
    text = _read_entry(archive, entries.pop("spec"), "the spec", 4 * limits.MAX_SPEC_BYTES)
    if text.dtype.kind != "U" or text.shape != ():
        raise ConfigError("the spec entry is not text; this is not a ConvScope network")
    spec = _json(str(text))
    skeleton = network_from_spec(spec)  # checks the spec and the budgets, tells which weights belong
    wanted = {f"p{i}_{key}": (i, key, shape) for i, params in enumerate(skeleton.params)
              for key, shape in ((k, a.shape) for k, a in params.items())}
    unknown = sorted(set(entries) - set(wanted))
    if unknown:
        raise ConfigError(f"the file has arrays that belong to no layer: {', '.join(unknown)}")
    params = [{} for _ in skeleton.layers]
    for entry, (i, key, shape) in wanted.items():
        what = f"the {key} of layer {i + 1} ({skeleton.names[i]})"
        if entry not in entries:
            raise ConfigError(f"layer {i + 1} ({skeleton.names[i]}) has no {key} in the file")
        array = _read_entry(archive, entries[entry], what, 8 * math.prod(shape))
        if array.shape != shape:
            raise ConfigError(f"{what} has shape {array.shape} but the layer needs {shape}")
        params[i][key] = array
    return network_from_spec(spec, params)


def _read_entry(archive, info, what, max_data_bytes):
    """One .npy entry, its declared sizes checked before its data is read (never unpickled)."""
    if info.file_size > max_data_bytes + _NPY_HEADER_BYTES:
        raise ConfigError(f"{what} declares {info.file_size:,} bytes, more than it can need "
                          f"({max_data_bytes + _NPY_HEADER_BYTES:,})")
    with archive.open(info) as f:
        version = npy_format.read_magic(f)
        read_header = (npy_format.read_array_header_1_0 if version == (1, 0)
                       else npy_format.read_array_header_2_0)
        shape, fortran, dtype = read_header(f, max_header_size=_NPY_HEADER_BYTES)
        size = math.prod(shape) * dtype.itemsize
        if dtype.hasobject or dtype.kind not in "biufU":
            raise ConfigError(f"{what} holds {dtype} values, not numbers or text")
        if size > max_data_bytes:
            raise ConfigError(f"{what} declares {size:,} bytes of data, more than it can need "
                              f"({max_data_bytes:,})")
        data = bytearray(size)  # writable: the weights are edited in place
        got = f.readinto(data)
    if got != size:
        raise ConfigError(f"{what} is cut short; the file is truncated")
    return np.frombuffer(data, dtype).reshape(shape, order="F" if fortran else "C")

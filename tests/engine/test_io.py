"""Saving and loading networks; every kind of bad file gives a ConfigError that says why."""

import json
import os
import stat

import numpy as np
import pytest

import engine
from engine import ConfigError, Conv2d, Dense, Network, ReLU, Softmax
from engine.io import load_network, network_spec, save_network


def net():
    return Network((2, 8, 8), [Conv2d(3, 3, padding="same", padding_mode="reflect"), ReLU(),
                               engine.MaxPool2d(2), Conv2d(2, (3, 1), bias=False),
                               Dense(4), Softmax()], seed=3)


def test_round_trip_keeps_everything(tmp_path):
    original = net()
    original.params[0]["weight"][0, 0, 1, 1] = 7.5  # an edited weight survives
    save_network(original, tmp_path / "n.npz")
    loaded = load_network(tmp_path / "n.npz")
    assert loaded.input_shape == original.input_shape and loaded.layers == original.layers
    assert loaded.seed == 3
    for p, q in zip(original.params, loaded.params):
        assert p.keys() == q.keys() and all(np.array_equal(p[k], q[k]) for k in p)
    assert all(a.flags.writeable for p in loaded.params for a in p.values())  # edited in place
    x = np.random.default_rng(0).random((2, 8, 8))
    np.testing.assert_array_equal(loaded.forward(x)[-1], original.forward(x)[-1])
    assert list((tmp_path).iterdir()) == [tmp_path / "n.npz"]  # no temporary left behind


def test_saved_spec_is_readable_json(tmp_path):
    save_network(engine.default_digit_network(), tmp_path / "d.npz")
    with np.load(tmp_path / "d.npz", allow_pickle=False) as archive:
        spec = json.loads(str(archive["spec"]))
        assert sorted(archive.files)[:3] == ["p0_bias", "p0_weight", "p3_bias"]
    assert spec["format"] == "convscope-network" and spec["version"] == 1
    assert spec["input_shape"] == [1, 28, 28]
    assert spec["layers"][0] == {"type": "conv2d", "out_channels": 8, "kernel_size": 5,
                                 "padding": "same"}
    assert spec["layers"][2] == {"type": "maxpool2d"}


def test_hand_written_json_spec_loads_with_fresh_weights(tmp_path):
    text = """{"format": "convscope-network", "version": 1, "input_shape": [28, 28],
               "layers": [{"type": "conv2d", "out_channels": 4, "kernel_size": [3, 3]},
                          {"type": "relu"}, {"type": "dense", "out_features": 10},
                          {"type": "softmax"}]}"""
    (tmp_path / "mine.json").write_text(text)
    loaded = load_network(tmp_path / "mine.json")
    assert loaded.shapes[-1] == (10,) and loaded.params[0]["weight"].shape == (4, 1, 3, 3)
    assert network_spec(loaded)["layers"][0]["kernel_size"] == [3, 3]


def _write(path, data):
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    return path


def _npz(path, **arrays):
    np.savez(path, **arrays)
    return path


def _spec(**changes):
    spec = network_spec(Network((1, 6, 6), [Conv2d(2, 3), ReLU(), Dense(3)]))
    spec.update(changes)
    return np.array(json.dumps(spec))


def _good(path):
    original = Network((1, 6, 6), [Conv2d(2, 3), ReLU(), Dense(3)])
    save_network(original, path)
    with np.load(path) as archive:
        return {k: archive[k] for k in archive.files}


BAD_FILES = {
    "missing": (lambda p: p / "nothing.npz", "cannot open"),
    "empty": (lambda p: _write(p / "e.npz", b""), "not a readable ConvScope .npz file"),
    "random bytes": (lambda p: _write(p / "r.npz", bytes(range(256)) * 4),
                     "not a readable ConvScope .npz file"),
    "truncated": (lambda p: _truncate(p / "t.npz"), "not a readable ConvScope .npz file"),
    "foreign npz": (lambda p: _npz(p / "f.npz", x=np.zeros(3)), "has no network spec"),
    "pickled object": (lambda p: _npz(p / "o.npz", spec=np.array([{"a": 1}], dtype=object)),
                       "the spec holds object values"),
    "spec not text": (lambda p: _npz(p / "s.npz", spec=np.zeros(2)), "the spec entry is not text"),
    "bad json": (lambda p: _npz(p / "j.npz", spec=np.array("{layers: [")), "not valid JSON"),
    "wrong format": (lambda p: _npz(p / "w.npz", spec=_spec(format="keras")),
                     "this is not a ConvScope network"),
    "newer version": (lambda p: _npz(p / "v.npz", spec=_spec(version=9)), "has version 9"),
    "unknown layer": (lambda p: _npz(p / "u.npz", spec=_spec(layers=[{"type": "conv3d"}])),
                      "layer 1: unknown layer type 'conv3d'"),
    "impossible layer": (lambda p: _npz(p / "i.npz", spec=_spec(
        layers=[{"type": "conv2d", "out_channels": 1, "kernel_size": 9}])),
        "layer 1 (conv 9×9 s1 p0): the input is 6×6, smaller than the kernel"),
    "weight shape": (lambda p: _npz(p / "ws.npz", **(_good(p / "g.npz") | {
        "p0_weight": np.zeros((1, 2, 3, 3), np.float32)})),
        "the weight of layer 1 (conv1) has shape (1, 2, 3, 3) but the layer needs (2, 1, 3, 3)"),
    "weight larger than its layer": (lambda p: _npz(p / "wl.npz", **(_good(p / "g.npz") | {
        "p0_weight": np.zeros((2, 1, 5, 5), np.float32)})),
        "the weight of layer 1 (conv1) declares 200 bytes of data, more than it can need (144)"),
    "missing weight": (lambda p: _npz(p / "mw.npz", **{k: v for k, v in _good(p / "g.npz").items()
                                                      if k != "p2_weight"}),
                       "layer 3 (dense1) has no weight in the file"),
    "extra array": (lambda p: _npz(p / "x.npz", **(_good(p / "g.npz") | {"p1_weight": np.ones(2)})),
                    "arrays that belong to no layer: p1_weight"),
    "nan weight": (lambda p: _npz(p / "n.npz", **(_good(p / "g.npz") | {
        "p2_bias": np.array([0, np.nan, 0], np.float32)})), "not finite numbers"),
    "json not json": (lambda p: _write(p / "b.json", "conv 3x3"), "not valid JSON"),
    "json list": (lambda p: _write(p / "l.json", "[1, 2]"), "this is not a ConvScope network"),
    "json not utf-8": (lambda p: _write(p / "u8.json", b'{"format": "convscope-n\xe9twork"}'),
                       "the spec is not UTF-8 text (byte 24 is 0xe9)"),
    "deep nesting": (lambda p: _write(p / "d.json", '{"a": ' + "[" * 1000 + "]" * 1000 + "}"),
                     "nests lists and objects more than 8 deep"),
    "very deep nesting": (lambda p: _write(p / "dd.json", "[" * 100_000 + "]" * 100_000),
                          "nests lists and objects more than 8 deep"),
    "huge integer": (lambda p: _write(p / "h.json", _spec_text(seed=7).replace("7", "9" * 5000)),
                     "a whole number of 5,000 digits"),
    "huge float": (lambda p: _write(p / "hf.json", _spec_text(layers=[
        {"type": "leaky_relu", "negative_slope": 1}]).replace("1}]", "1e999}]")),
        "the spec holds 1e999, too large"),
    "nan in spec": (lambda p: _write(p / "nan.json", _spec_text(layers=[
        {"type": "leaky_relu", "negative_slope": 1}]).replace("1}]", "NaN}]")), "the spec holds NaN"),
    "npz spec not json text": (lambda p: _npz(p / "ju.npz", spec=np.array("[" * 5000)),
                               "nests lists and objects more than 8 deep"),
    "huge input": (lambda p: _write(p / "hi.json", _spec_text(input_shape=[1, 100000, 100000])),
                   "ConvScope handles inputs up to 2048×2048"),
    "wide pool padding": (lambda p: _write(p / "wp.json", _spec_text(layers=[
        {"type": "maxpool2d", "kernel_size": 40000, "padding": 20000}])),
        "layer 1 (max pool 40000×40000 s40000 p20000): its input would be 40006×40006 once padded; ConvScope handles up to 8192×8192"),
    "version -5": (lambda p: _write(p / "v5.json", _spec_text(version=-5)),
                   "has version -5; this ConvScope reads version 1"),
    "version true": (lambda p: _write(p / "vt.json", _spec_text(version=True)), "has version True"),
    "boolean in input shape": (lambda p: _write(p / "bi.json", _spec_text(input_shape=[True, 6, 6])),
                               "the input size must be"),
    "null stride": (lambda p: _write(p / "ns.json", _spec_text(layers=[
        {"type": "conv2d", "out_channels": 1, "stride": None}])), "the stride must be"),
    "list as a dropout rate": (lambda p: _write(p / "dr.json", _spec_text(layers=[
        {"type": "dropout", "p": [1]}])), "layer 1 (dropout): "),
    "text in padding": (lambda p: _write(p / "tp.json", _spec_text(layers=[
        {"type": "conv2d", "out_channels": 1, "padding": ["a", "b"]}])), "padding must be"),
    "boolean padding": (lambda p: _write(p / "bp.json", _spec_text(layers=[
        {"type": "conv2d", "out_channels": 1, "padding": True}])), "padding must be"),
    "float64 overflow": (lambda p: _npz(p / "o64.npz", **(_good(p / "g.npz") | {
        "p2_bias": np.array([0, 1e39, 0])})), "not finite numbers"),
    "unknown entry": (lambda p: _npz(p / "ue.npz", **(_good(p / "g.npz") | {
        "extra": np.zeros(1000)})), "arrays that belong to no layer: extra"),
    "entry larger than its layer": (lambda p: _zip_entry(p / "big.npz", "p2_bias.npy",
                                                         np.zeros(10**6, np.float32)),
                                    "the bias of layer 3 (dense1) declares 4,000,128 bytes"),
    "header claims 1e10 floats": (lambda p: _zip_entry(p / "hc.npz", "p2_bias.npy",
                                                       _npy_claiming((10**10,))),
                                  "the bias of layer 3 (dense1) declares 40,000,000,000 bytes"),
}


def _spec_text(**changes):
    spec = network_spec(Network((1, 6, 6), [Conv2d(2, 3), ReLU(), Dense(3)]))
    return json.dumps(spec | changes)


def _zip_entry(path, name, data):
    """A good network file whose entry ``name`` is replaced by ``data`` (an array or .npy bytes)."""
    import io
    import zipfile
    arrays = _good(path.with_name("good.npz"))
    with zipfile.ZipFile(path, "w") as archive:
        for key, array in arrays.items():
            if f"{key}.npy" != name:
                buffer = io.BytesIO()
                np.save(buffer, array)
                archive.writestr(f"{key}.npy", buffer.getvalue())
        if isinstance(data, np.ndarray):
            buffer = io.BytesIO()
            np.save(buffer, data)
            data = buffer.getvalue()
        archive.writestr(name, data)
    return path


def _npy_claiming(shape):
    """A tiny .npy whose header claims ``shape`` float32 values."""
    from numpy.lib import format as npy_format
    import io
    buffer = io.BytesIO()
    npy_format.write_array_header_1_0(buffer, {"descr": "<f4", "fortran_order": False,
                                               "shape": shape})
    return buffer.getvalue() + bytes(64)


def _truncate(path):
    save_network(engine.default_digit_network(), path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_raise_config_error(tmp_path, case):
    make, words = BAD_FILES[case]
    path = make(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_network(path)
    assert words in str(info.value)
    assert str(info.value).startswith(path.name + ": ") or case == "missing"


def test_save_into_missing_directory_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        save_network(net(), tmp_path / "no" / "such.npz")


def test_spec_recognized_by_content_whatever_the_suffix(tmp_path):
    (tmp_path / "spec.txt").write_text(json.dumps(network_spec(net())))
    assert load_network(tmp_path / "spec.txt").layers == net().layers


# ---------------------------------------------------------------------------- saving details
@pytest.mark.parametrize("name, write", [
    ("n.npz", save_network), ("n.onnx", save_network),
    ("n.py", lambda network, path: engine.export_pytorch(network, path))])
def test_a_saved_file_gets_the_users_umask_permissions(tmp_path, name, write):
    """Not mkstemp's 0600: a student hands the file to a teacher."""
    old = os.umask(0o022)
    try:
        write(net(), tmp_path / name)
    finally:
        os.umask(old)
    written = [path for path in tmp_path.iterdir()]
    assert written and all(stat.S_IMODE(path.stat().st_mode) == 0o644 for path in written)


def test_saving_over_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "n.npz"
    save_network(net(), path)
    path.chmod(0o640)
    save_network(net(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_saving_through_a_symbolic_link_replaces_its_target(tmp_path):
    real = tmp_path / "real.npz"
    save_network(Network((1, 6, 6), [ReLU()]), real)
    link = tmp_path / "link.npz"
    link.symlink_to(real)
    save_network(net(), link)
    assert link.is_symlink() and load_network(real).layers == net().layers


def test_a_long_but_legal_name_saves(tmp_path):
    path = tmp_path / ("n" * 251 + ".npz")  # 255 bytes, the usual limit
    save_network(net(), path)
    assert load_network(path).layers == net().layers
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_data_reaches_the_disk_before_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    save_network(net(), tmp_path / "n.npz")
    assert events[:2] == ["fsync", "replace"]


def test_a_killed_saves_temporary_is_cleaned_up(tmp_path):
    save_network(net(), tmp_path / "n.npz")
    stale = tmp_path / ".n.npz.abc123.part"
    stale.write_bytes(b"half a file")
    save_network(net(), tmp_path / "n.npz")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.npz"]


def test_saving_as_json_says_to_use_npz(tmp_path):
    with pytest.raises(ConfigError) as info:
        save_network(net(), tmp_path / "mynet.json")
    # the caller names the file: the message does not name it a second time
    assert str(info.value) == ("a .json file holds only the layer spec, not the weights; save "
                               "the network as .npz to keep them")
    assert not list(tmp_path.iterdir())

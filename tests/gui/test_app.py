"""gui.app: which network the app starts with, and its command line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from gui import app
from gui.main_window import last_network_path


def test_start_network_prefers_the_remembered_one(tmp_path):
    remembered = engine.Network((1, 16, 16), [engine.Conv2d(3, 3)])
    path = last_network_path(tmp_path)
    engine.save_network(remembered, path)
    network, notice = app.start_network(tmp_path)
    assert network.input_shape == (1, 16, 16) and notice == ""
    np.testing.assert_array_equal(network.params[0]["weight"], remembered.params[0]["weight"])


def _spec_file(text):
    return lambda path: np.savez(path, spec=np.array(text))


def _spec(**changes):
    return json.dumps(engine.network_spec(engine.Network((1, 8, 8), [engine.ReLU()])) | changes)


UNUSABLE = {
    "garbage": lambda path: path.write_bytes(b"garbage"),
    "not utf-8": lambda path: path.write_bytes(b'{"format": "\xff"}'),
    "nested 1,000 deep": _spec_file("[" * 1000 + "]" * 1000),
    "5,000-digit integer": _spec_file(_spec(seed=7).replace("7", "9" * 5000)),
    "100000×100000 input": _spec_file(_spec(input_shape=[1, 100000, 100000])),
    "40000-wide pool padding": _spec_file(_spec(layers=[
        {"type": "maxpool2d", "kernel_size": 40000, "padding": 20000}])),
    "newer version": _spec_file(_spec(version=2)),
}


@pytest.mark.parametrize("case", UNUSABLE)
def test_an_unusable_remembered_network_is_set_aside_and_told_once(tmp_path, case):
    path = last_network_path(tmp_path)
    UNUSABLE[case](path)
    content = path.read_bytes()
    network, notice = app.start_network(tmp_path)
    assert network.layers == engine.load_network(app.MODEL).layers  # the trained model
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("last_network.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content and not path.exists()
    assert "could not use the network it remembered" in notice and str(kept[0]) in notice
    assert app.start_network(tmp_path)[1] == ""  # told once


def test_start_network_survives_any_exception_from_the_file(tmp_path, monkeypatch):
    engine.save_network(engine.Network((1, 8, 8), [engine.ReLU()]), last_network_path(tmp_path))
    real_load = engine.load_network

    def load(path):
        if path == last_network_path(tmp_path):
            raise MemoryError("out of memory")
        return real_load(path)
    monkeypatch.setattr(engine, "load_network", load)
    network, notice = app.start_network(tmp_path)
    assert network.layers == real_load(app.MODEL).layers and "MemoryError" in notice


def test_without_a_data_dir_the_shipped_model_or_the_default_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(app, "MODEL", tmp_path / "missing.npz")
    assert app.start_network(None)[0].layers == engine.default_digit_network().layers


def test_size_argument():
    assert app.parse_args(["--screenshot", "a.png", "--size", "800X600"]).size == (800, 600)
    assert app.parse_args([]).size == (1400, 900)
    with pytest.raises(SystemExit):
        app.parse_args(["--size", "10x10"])


def test_pyqtgraph_is_configured_once_at_start_up_not_by_importing_widgets():
    probe = ("import pkgutil, importlib, pyqtgraph as pg, gui\n"
             "for m in pkgutil.walk_packages(gui.__path__, 'gui.'): importlib.import_module(m.name)\n"
             "print(pg.getConfigOption('imageAxisOrder'))\n"
             "from gui.app import configure_pyqtgraph\n"
             "configure_pyqtgraph()\n"
             "print(pg.getConfigOption('imageAxisOrder'))\n")
    root = Path(app.__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                            text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["col-major", "row-major"]

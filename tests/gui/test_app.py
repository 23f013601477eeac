"""gui.app: which network the app starts with, and its command line."""

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
    network = app.start_network(tmp_path)
    assert network.input_shape == (1, 16, 16)
    np.testing.assert_array_equal(network.params[0]["weight"], remembered.params[0]["weight"])


def test_a_broken_remembered_network_is_reported_and_skipped(tmp_path, capsys, monkeypatch):
    last_network_path(tmp_path).write_bytes(b"garbage")
    monkeypatch.setattr(app, "MODEL", tmp_path / "missing.npz")
    network = app.start_network(tmp_path)
    assert network.layers == engine.default_digit_network().layers
    assert "ignoring" in capsys.readouterr().err


def test_without_a_data_dir_the_shipped_model_or_the_default_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(app, "MODEL", tmp_path / "missing.npz")
    assert app.start_network(None).layers == engine.default_digit_network().layers


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

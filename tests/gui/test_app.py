"""gui.app: which network the app starts with, and its command line."""

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

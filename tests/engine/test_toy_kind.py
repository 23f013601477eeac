"""Acceptance test of "one home per kind": a new kind is one class, and nothing else changes.

The class below is everything the kind needs; the test registers it and checks that the network
runs it, backpropagates through it, explains its units, follows it in receptive fields and
saves and loads it (the layer panel's part is in tests/gui/test_toy_kind.py).
"""

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pytest

import engine
from engine.layers import LAYER_TYPES, Layer, setting
from tests.engine.test_backward import numerical_grad


@dataclass(frozen=True)
class Power(Layer):
    """x ** exponent, elementwise."""

    exponent: int = setting(2, label="Exponent", minimum=1, maximum=5,
                            tooltip="The power every value is raised to.")

    kind: ClassVar[str] = "power"
    stem: ClassVar[str] = "power"
    prefix: ClassVar[str] = "power"
    title: ClassVar[str] = "Power"
    summary: ClassVar[str] = "Raises every value to a power."

    def forward(self, x, params):
        return self.apply(x)

    def backward(self, grad, x, params, cache=None, *, input_grad=True, param_grads=True):
        return grad * self.exponent * x ** (self.exponent - 1), {}

    def apply(self, x):
        return x ** self.exponent

    def unit_formula(self):
        return f"x^{self.exponent}"


@pytest.fixture
def power(monkeypatch):
    monkeypatch.setitem(LAYER_TYPES, Power.kind, Power)
    return Power


def test_the_network_runs_backpropagates_and_explains_the_toy_kind(power):
    net = engine.Network((1, 5, 5), [engine.Conv2d(2, 3), power(3), engine.Flatten(),
                                     engine.Dense(2), engine.Softmax()])
    x = np.random.default_rng(0).random((5, 5), dtype=np.float32)
    outputs = net.forward(x)
    np.testing.assert_allclose(outputs[1], outputs[0] ** 3, rtol=1e-6)
    for p in net.params:
        for k in p:
            p[k] = p[k].astype(np.float64)
    r = np.random.default_rng(1).normal(size=(1, 2))
    grads = engine.network_backward(net, x[None, None], net.forward(x[None, None]), r, 3)
    np.testing.assert_allclose(
        grads[0]["weight"],
        numerical_grad(lambda: float((net.forward(x[None, None])[3] * r).sum()), net.params[0]["weight"]),
        atol=1e-6)
    e = net.explain(1, 1, 2, 2, x=x)
    assert e.formula == "x^3" and e.computed == pytest.approx(e.value, rel=1e-6)
    rf = net.receptive_field(1, 2, 2, channel=1)
    assert rf.input_box == (2, 2, 5, 5) and rf.layer_channels == [1]


def test_the_toy_kind_round_trips_through_a_file(power, tmp_path):
    net = engine.Network((1, 4, 4), [power(2), engine.Conv2d(1, 3)])
    spec = engine.network_spec(net)
    assert spec["layers"][0] == {"type": "power"}
    engine.save_network(engine.network_from_spec(spec | {"layers": [{"type": "power", "exponent": 4},
                                                                    {"type": "conv2d", "out_channels": 1}]}),
                        tmp_path / "toy.npz")
    back = engine.load_network(tmp_path / "toy.npz")
    assert back.layers[0] == power(4) and back.names[0] == "power1"

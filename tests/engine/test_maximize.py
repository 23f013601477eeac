"""Activation maximisation raises its unit at least tenfold from the starting noise."""

from pathlib import Path

import numpy as np
import pytest

import engine
from engine.maximize import Settings, maximize

MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "digits.npz"


def test_every_channel_of_a_conv_layer_rises_tenfold():
    net = engine.Network((1, 16, 16), [engine.Conv2d(4, 3, padding=1), engine.Tanh(),
                                       engine.Conv2d(3, 3, padding=1)], seed=5)
    result = maximize(net, 2, settings=Settings(steps=60))
    assert result.images.shape == (3, 1, 16, 16)
    assert result.images.min() >= 0 and result.images.max() <= 1
    assert (result.end >= 10 * np.abs(result.start)).all() and (result.end > 0).all()


@pytest.mark.skipif(not MODEL.exists(), reason="shipped model missing")
@pytest.mark.parametrize("layer", [0, 3, 9])  # conv1, conv2, the class scores
def test_the_digit_network_units_rise_tenfold(layer):
    net = engine.load_network(MODEL)
    result = maximize(net, layer)
    assert len(result.end) == net.shapes[layer][0]
    assert (result.end >= 10 * np.maximum(np.abs(result.start), 0.01)).all()


def test_the_same_seed_gives_the_same_images_and_stopping_returns_nothing():
    net = engine.Network((1, 8, 8), [engine.Conv2d(2, 3)], seed=1)
    a, b = maximize(net, 0, [1], Settings(steps=5)), maximize(net, 0, [1], Settings(steps=5))
    np.testing.assert_array_equal(a.images, b.images)
    assert maximize(net, 0, should_stop=lambda: True) is None

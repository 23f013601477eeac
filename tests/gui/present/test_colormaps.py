"""gui.present.colormaps: lookup tables, sign of layers, display levels (numpy only)."""

import numpy as np
import pytest

import engine
from engine.layers import AvgPool2d, Conv2d, Dense, Flatten, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh
from gui.present import colormaps


def test_tables_are_256_rgba_and_diverging_is_centred():
    for table in (colormaps.DIVERGING, colormaps.SEQUENTIAL):
        assert table.shape == (256, 4) and table.dtype == np.uint8
    brightness = colormaps.DIVERGING[:, :3].astype(int).sum(axis=1)
    # Darkest in the middle (zero), brighter towards both ends, blue below zero and warm above.
    assert brightness.argmin() in (127, 128)
    assert brightness[0] > brightness[100] and brightness[255] > brightness[155]
    assert colormaps.DIVERGING[0, 2] > colormaps.DIVERGING[0, 0]
    assert colormaps.DIVERGING[255, 0] > colormaps.DIVERGING[255, 2]
    # The sequential table starts at the diverging table's zero colour.
    np.testing.assert_allclose(colormaps.SEQUENTIAL[0], colormaps.DIVERGING[128], atol=3)


def test_signed_layers_follow_the_layer_kinds():
    layers = [Conv2d(4, 3), ReLU(), MaxPool2d(2), Conv2d(4, 3), Tanh(), AvgPool2d(2), Sigmoid(),
              Flatten(), Dense(10), Softmax()]
    assert colormaps.signed_layers(layers) == [
        True, False, False, True, True, True, False, False, True, False]
    assert colormaps.signed_layers([MaxPool2d(2)]) == [False]  # the input image is ≥ 0
    assert colormaps.lut(True) is colormaps.DIVERGING
    assert colormaps.lut(False) is colormaps.SEQUENTIAL


@pytest.mark.parametrize("signed, expected", [(True, (-3.0, 3.0)), (False, (0.0, 2.0))])
def test_levels(signed, expected):
    data = np.array([[-3.0, 2.0], [0.5, 1.0]], np.float32)
    assert colormaps.levels(data, signed) == expected
    assert colormaps.levels(np.zeros((2, 2)), signed)[1] == 1.0  # never an empty range


@pytest.mark.parametrize("signed", [True, False])
def test_levels_leave_out_units_that_overflowed(signed):
    data = np.array([np.inf, -np.inf, np.nan, 2.0, -3.0], np.float32)
    assert colormaps.levels(data, signed) == ((-3.0, 3.0) if signed else (0.0, 2.0))
    assert colormaps.rounded_levels(data, signed) == ((-3.0, 3.0) if signed else (0.0, 2.0))
    assert colormaps.levels(np.full(3, np.nan, np.float32), signed)[1] == 1.0


@pytest.mark.parametrize("high, rounded", [(0.7, 0.8), (2.0, 2.0), (2.01, 2.5), (9.0, 10.0),
                                           (0.0123, 0.015), (1234.0, 1500.0)])
def test_rounded_levels(high, rounded):
    data = np.array([high], np.float32)
    low, top = colormaps.rounded_levels(data, signed=True)
    assert top == pytest.approx(rounded) and low == -top
    assert colormaps.rounded_levels(data, signed=False) == (0.0, top)


def test_normalize_channels_scales_each_channel_to_unit_range():
    maps = np.array([[[-4.0, 2.0]], [[0.0, 0.0]], [[1.0, 0.5]]], np.float32)
    out = np.empty_like(maps)
    assert colormaps.normalize_channels(maps, True, out) is out
    np.testing.assert_allclose(out, [[[-1.0, 0.5]], [[0.0, 0.0]], [[1.0, 0.5]]])
    colormaps.normalize_channels(maps.clip(0), False, out)
    np.testing.assert_allclose(out, [[[0.0, 1.0]], [[0.0, 0.0]], [[1.0, 0.5]]])


def test_default_network_maps_get_sensible_colours():
    net = engine.default_digit_network()
    signed = colormaps.signed_layers(net.layers)
    assert signed[net.names.index("conv1")] and not signed[net.names.index("relu1")]
    assert not signed[net.names.index("softmax1")]

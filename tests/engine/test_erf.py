"""Effective receptive field: zero outside the window, finite differences, centre-heavy."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine
from engine.erf import effective_receptive_field, input_gradient


def _random_spatial_net(draw, size):
    """A random stack of conv / pool / activation layers that fits ``size``×``size``."""
    layers, n = [], size
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["conv", "conv", "max", "avg"]))
        k = draw(st.integers(1, 3))
        s = draw(st.integers(1, 2))
        if kind == "conv":
            d = draw(st.integers(1, 2))
            p = draw(st.integers(0, d * (k - 1)))
            mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
            layer = engine.Conv2d(draw(st.integers(1, 3)), k, s, p, d, padding_mode=mode)
            span = d * (k - 1) + 1
        else:
            p = draw(st.integers(0, k // 2))
            cls = engine.MaxPool2d if kind == "max" else engine.AvgPool2d
            layer, span = cls(k, s, p), k
        if n + 2 * p < span or (kind == "conv" and p >= n):
            continue
        layers.append(layer)
        layers.append(draw(st.sampled_from([engine.ReLU(), engine.Tanh(), engine.LeakyReLU(0.1)])))
        n = (n + 2 * p - span) // s + 1
    return layers or [engine.Conv2d(2, 3)]


@st.composite
def nets_and_units(draw):
    size = draw(st.integers(6, 12))
    channels = draw(st.integers(1, 2))
    net = engine.Network((channels, size, size), _random_spatial_net(draw, size),
                         seed=draw(st.integers(0, 100)))
    layer = draw(st.integers(0, len(net.layers) - 1))
    c, h, w = net.shapes[layer]
    unit = (draw(st.integers(0, c - 1)), draw(st.integers(0, h - 1)), draw(st.integers(0, w - 1)))
    x = np.random.default_rng(draw(st.integers(0, 100))).normal(size=net.input_shape)
    return net, layer, unit, x.astype(np.float32)


@settings(max_examples=40, deadline=None)
@given(nets_and_units())
def test_gradient_is_zero_outside_the_theoretical_window(case):
    net, layer, (c, row, col), x = case
    erf = effective_receptive_field(net, layer, c, row, col, x)
    # The same from the forward's maps when the caller has them (the GUI, every frame).
    np.testing.assert_array_equal(
        effective_receptive_field(net, layer, c, row, col, x, outputs=net.forward(x)), erf)
    rf = net.receptive_field(layer, row, col)
    inside = np.zeros(erf.shape, bool)
    rows = rf.sampled_rows[(rf.sampled_rows >= 0) & (rf.sampled_rows < erf.shape[0])]
    cols = rf.sampled_cols[(rf.sampled_cols >= 0) & (rf.sampled_cols < erf.shape[1])]
    inside[np.ix_(rows, cols)] = True
    modes = {getattr(spec, "padding_mode", "zeros") for spec in net.layers[:layer + 1]}
    if modes == {"zeros"}:  # reflect/replicate/circular padding reads pixels from elsewhere
        assert not erf[~inside].any()
    assert erf.shape == net.input_shape[1:] and erf.dtype == np.float32 and (erf >= 0).all()


def _finite_differences(net, layer, unit, x, eps=1e-3):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[index] += eps
        down[index] -= eps
        grad[index] = (net.forward(up, upto=layer)[layer][unit]
                       - net.forward(down, upto=layer)[layer][unit]) / (2 * eps)
    return grad


@pytest.mark.parametrize("layers, layer, unit", [
    ([engine.Conv2d(2, 3, stride=2, padding=1, padding_mode="reflect"), engine.Tanh(),
      engine.AvgPool2d(2, padding=1, count_include_pad=False), engine.Conv2d(2, 2, dilation=2),
      engine.Sigmoid()], 4, (1, 0, 0)),
    ([engine.Conv2d(3, 3, padding="same", padding_mode="circular", flip=True), engine.Tanh(),
      engine.Flatten(), engine.Dense(4), engine.Softmax()], 4, (2,)),
    ([engine.Conv2d(2, 3, padding=1), engine.LeakyReLU(0.2), engine.MaxPool2d(2),
      engine.Dense(3)], 3, (1,)),
])
def test_gradient_equals_finite_differences(layers, layer, unit):
    net = engine.Network((2, 8, 8), layers, seed=4)
    x = np.random.default_rng(1).normal(size=(2, 8, 8)).astype(np.float32)
    analytic = input_gradient(net, layer, *unit, *(0,) * (3 - len(unit)), x=x)
    np.testing.assert_allclose(analytic, _finite_differences(net, layer, unit, x),
                               rtol=2e-2, atol=2e-3)


def test_deep_stack_of_uniform_3x3_convs_is_concentrated_near_the_centre():
    depth, size = 8, 33
    net = engine.Network((1, size, size), [engine.Conv2d(1, 3, padding=1)] * depth,
                         params=[{"weight": np.ones((1, 1, 3, 3)), "bias": np.zeros(1)}] * depth)
    centre = size // 2
    erf = effective_receptive_field(net, depth - 1, 0, centre, centre, np.ones((size, size)))
    r = 2 * depth + 1  # theoretical window: 17×17, every pixel of it reachable
    top = centre - depth
    window = erf[top:top + r, top:top + r]
    assert (window > 0).all() and erf.sum() == pytest.approx(window.sum())
    # The number of paths from a pixel to the unit: the 2-D trinomial, peaked in the middle.
    row = window[depth]
    assert (np.diff(row[:depth + 1]) > 0).all() and (np.diff(row[depth:]) < 0).all()
    middle = window[depth - 4:depth + 5, depth - 4:depth + 5]  # 9×9 of the 17×17 window
    assert middle.sum() / window.sum() > 0.8  # a uniform window would put (9/17)² ≈ 28 % there
    assert window[depth, depth] == pytest.approx(row.max()) and window[0, 0] == 1.0


def _whole_input_gradient(net, layer, unit, x):
    """The reference: backpropagation through every layer's whole maps."""
    outputs = net.forward(x[None], upto=layer)
    grad = np.zeros_like(outputs[layer])
    grad[(0,) + unit] = 1.0
    return engine.network_backward(net, x[None], outputs, grad, layer, input_grad=True)[1][0]


@settings(max_examples=40, deadline=None)
@given(nets_and_units())
def test_backpropagating_on_a_crop_around_the_unit_gives_the_whole_gradient(case):
    net, layer, unit, x = case
    np.testing.assert_allclose(input_gradient(net, layer, *unit, x=x),
                               _whole_input_gradient(net, layer, unit, x), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("layers, layer, unit", [
    ([engine.Conv2d(2, 3, padding=1), engine.ReLU(), engine.MaxPool2d(3, 2, 1, ceil_mode=True),
      engine.Conv2d(3, 3, dilation=2, padding=2, padding_mode="reflect"), engine.Tanh(),
      engine.AvgPool2d(2, count_include_pad=False, padding=1)], 5, (1, 3, 7)),
    ([engine.Conv2d(2, 5, stride=2, padding=2, padding_mode="replicate"), engine.ReLU()],
     1, (0, 0, 14)),  # at the border: mirror padding reaches in from it
    ([engine.Conv2d(2, 3, padding=1), engine.ReLU()], 0, (1, 20, 9)),
])
def test_a_unit_of_a_large_input_backpropagates_on_a_small_crop(layers, layer, unit):
    from engine.partial_forward import crop_around
    net = engine.Network((2, 30, 30), layers, seed=5)
    x = np.random.default_rng(3).normal(size=(2, 30, 30)).astype(np.float32)
    crop = crop_around(net, x.shape, net.receptive_field(layer, *unit[1:]).input_box)
    assert (crop.rows[1] - crop.rows[0]) * (crop.cols[1] - crop.cols[0]) < 30 * 30
    np.testing.assert_allclose(input_gradient(net, layer, *unit, x=x),
                               _whole_input_gradient(net, layer, unit, x), rtol=1e-5, atol=1e-6)

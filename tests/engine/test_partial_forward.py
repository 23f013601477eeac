"""engine.partial_forward: recomputing only what a change reaches equals the full forward."""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import engine
from engine.layers import (
    AvgPool2d, Conv2d, Dense, Flatten, LeakyReLU, MaxPool2d, ReLU, Softmax, Tanh,
)
from engine.partial_forward import changed_box, forward_changed

conv = st.builds(
    Conv2d, out_channels=st.integers(1, 3), kernel_size=st.integers(1, 4),
    stride=st.integers(1, 2), padding=st.sampled_from([0, 1, 2, "same", "full"]),
    dilation=st.integers(1, 2), padding_mode=st.sampled_from(["zeros", "reflect", "replicate"]))
pool = st.one_of(
    st.builds(MaxPool2d, kernel_size=st.integers(2, 3), stride=st.sampled_from([None, 1, 2]),
              padding=st.integers(0, 1), ceil_mode=st.booleans()),
    st.builds(AvgPool2d, kernel_size=st.integers(2, 3), stride=st.sampled_from([None, 1, 2]),
              padding=st.integers(0, 1), ceil_mode=st.booleans(),
              count_include_pad=st.booleans()))
pointwise = st.sampled_from([ReLU(), Tanh(), LeakyReLU(0.1)])


@st.composite
def networks(draw):
    layers = draw(st.lists(st.one_of(conv, conv, pool, pointwise), min_size=1, max_size=5))
    if draw(st.booleans()):
        layers += [Flatten(), Dense(5), Softmax()]
    size = draw(st.integers(12, 30))
    try:
        return engine.Network((draw(st.integers(1, 2)), size, size), layers,
                              seed=draw(st.integers(0, 5)))
    except engine.ConfigError:
        assume(False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(networks(), st.data())
def test_matches_the_full_forward(net, data):
    _, height, width = net.input_shape
    rng = np.random.default_rng(data.draw(st.integers(0, 100)))
    before = rng.random(net.input_shape).astype(np.float32)
    top = data.draw(st.integers(0, height - 1))
    left = data.draw(st.integers(0, width - 1))
    bottom = data.draw(st.integers(top + 1, min(top + 4, height)))
    right = data.draw(st.integers(left + 1, min(left + 4, width)))
    after = before.copy()
    after[:, top:bottom, left:right] = rng.random((net.input_shape[0], bottom - top, right - left))
    new = forward_changed(net, after, net.forward(before), changed_box(before, after),
                          max_fraction=1.0)
    assume(new is not None)
    full = net.forward(after)
    for got, want in zip(new, full):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_updates_only_the_units_the_change_reaches_in_place():
    net = engine.Network((1, 64, 64), [Conv2d(4, 3, padding=1), ReLU(), MaxPool2d(2),
                                       Flatten(), Dense(3)])
    before = np.zeros((1, 64, 64), np.float32)
    after = before.copy()
    after[0, 30:33, 40:42] = 1.0
    old = net.forward(before)
    copies = [o.copy() for o in old]
    new = forward_changed(net, after, old, changed_box(before, after))
    assert new is not old and all(n is o for n, o in zip(new[:3], old[:3]))
    # Only the units whose 3×3 window meets rows 30–32, cols 40–41 changed.
    changed = np.argwhere(np.any(new[0] != copies[0], axis=0))
    assert changed.min(axis=0).tolist() >= [29, 39] and changed.max(axis=0).tolist() <= [33, 42]
    assert new[3] is not old[3]  # the flat layers are recomputed
    assert forward_changed(net, before, new, None) == new


def test_changed_box():
    before = np.zeros((2, 5, 6), np.float32)
    after = before.copy()
    assert changed_box(before, after) is None
    after[1, 1, 4] = 1
    after[0, 3, 2] = -1
    assert changed_box(before, after) == (1, 2, 4, 5)


@pytest.mark.parametrize("layers", [
    [Conv2d(2, 3, padding=1, padding_mode="circular")],  # wraps to the far side of the image
    [Flatten(), Dense(3)],                               # no maps to crop
])
def test_declines_where_a_crop_cannot_work(layers):
    net = engine.Network((1, 16, 16), layers)
    x = np.zeros((1, 16, 16), np.float32)
    assert forward_changed(net, x, net.forward(x), (0, 0, 1, 1)) is None


def test_declines_large_changes():
    net = engine.Network((1, 16, 16), [Conv2d(2, 3, padding=1)])
    x = np.zeros((1, 16, 16), np.float32)
    assert forward_changed(net, x, net.forward(x), (0, 0, 16, 12)) is None


def test_the_cost_of_a_partial_pass_is_its_share_of_the_full_forward():
    from engine.partial_forward import multiply_adds
    net = engine.Network((1, 64, 64), [Conv2d(4, 3, padding=1), ReLU(), Flatten(), Dense(3)])
    maps, flat = sum(net.mult_adds[:2]), sum(net.mult_adds[2:])
    assert net.mult_adds[0] == 4 * 9 * 64 * 64  # the budgets' count, one per layer
    assert multiply_adds(net, net.input_shape, None) == 0
    # A pixel at (10, 20): the crop reaches a receptive field (3) past it, 5×5 pixels.
    assert multiply_adds(net, net.input_shape, (10, 20, 11, 21)) == \
        -(-maps * 25 // (64 * 64)) + flat
    assert multiply_adds(net, net.input_shape, (0, 0, 64, 64)) is None  # the full forward runs

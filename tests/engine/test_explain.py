"""explain(): every shown number recomputes the value forward produced."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import (
    AvgPool2d, ConfigError, Conv2d, Dense, Flatten, LeakyReLU, MaxPool2d, Network, ReLU, Sigmoid,
    Softmax, Tanh,
)
from engine.explain import (
    ActivationExplanation, ConvExplanation, DenseExplanation, FlattenExplanation, PoolExplanation,
    SoftmaxExplanation,
)


def test_tutorial_1d_example_with_padding():
    # kernel [1, 1, 1] over [1, 1, 1, 0] with zero padding 1 gives [2, 3, 2, 1]
    net = Network((1, 1, 4), [Conv2d(1, (1, 3), padding=((0, 0), (1, 1)), bias=False)])
    net.params[0]["weight"][...] = 1
    x = np.array([[1, 1, 1, 0]], np.float32)
    np.testing.assert_array_equal(net.forward(x)[0][0, 0], [2, 3, 2, 1])
    e = net.explain(0, 0, 0, 3, x=x)
    assert isinstance(e, ConvExplanation) and e.value == e.computed == 1
    np.testing.assert_array_equal(e.window[0, 0], [1, 0, 0])
    np.testing.assert_array_equal(e.cols, [2, 3, 4])
    np.testing.assert_array_equal(e.padded[0], [False, False, True])
    assert e.sum == 1 and e.bias == 0 and e.channel_sums.tolist() == [1]


def test_conv_reflect_padding_and_flip_are_shown_as_applied():
    net = Network((1, 3, 3), [Conv2d(1, 3, padding=1, padding_mode="reflect", flip=True)])
    kernel = np.arange(9, dtype=np.float32).reshape(3, 3)
    net.params[0]["weight"][0, 0] = kernel
    net.params[0]["bias"][0] = 0.5
    x = np.arange(1, 10, dtype=np.float32).reshape(3, 3)
    e = net.explain(0, 0, 0, 0, x=x)
    np.testing.assert_array_equal(e.window[0], [[5, 4, 5], [2, 1, 2], [5, 4, 5]])
    np.testing.assert_array_equal(e.kernel[0], kernel[::-1, ::-1])
    np.testing.assert_array_equal(e.products, e.window * e.kernel)
    assert e.flipped and e.padding_mode == "reflect" and e.bias == 0.5
    assert e.padded[0].all() and e.padded[:, 0].all() and not e.padded[1:, 1:].any()
    assert e.computed == pytest.approx(e.value)


def test_max_pool_winner_and_padding():
    net = Network((1, 4, 4), [MaxPool2d(3, 2, padding=1)])
    x = -np.arange(16, dtype=np.float32).reshape(4, 4)
    e = net.explain(0, 0, 1, 1, x=x)
    assert isinstance(e, PoolExplanation) and e.winner == (1, 1) and e.value == -5
    assert e.rows.tolist() == [1, 2, 3] and e.cols.tolist() == [1, 2, 3]
    corner = net.explain(0, 0, 0, 0, x=x)
    assert corner.winner == (0, 0) and np.isneginf(corner.window[0]).all()
    assert corner.padded.sum() == 5 and corner.divisor is None


@pytest.mark.parametrize("include, divisor, counted", [(True, 9, 5), (False, 4, 0)])
def test_avg_pool_tells_what_padding_counted(include, divisor, counted):
    net = Network((1, 4, 4), [AvgPool2d(3, 2, padding=1, count_include_pad=include)])
    e = net.explain(0, 0, 0, 0, x=np.ones((4, 4)))
    assert e.divisor == divisor and e.padded_count == counted
    assert e.value == pytest.approx(e.computed) == pytest.approx(4 / divisor)


def test_ceil_mode_overhang_never_counts():
    net = Network((1, 5, 5), [AvgPool2d(2, ceil_mode=True)])
    e = net.explain(0, 0, 2, 2, x=np.full((5, 5), 3.0))
    assert e.padded.sum() == 3 and e.padded_count == 0 and e.divisor == 1 and e.value == 3


def test_dense_lists_the_largest_contributions():
    net = Network((1, 4, 4), [Flatten(), Dense(2)])
    weights = np.linspace(-1, 1, 16, dtype=np.float32)
    net.params[1]["weight"][1] = weights
    net.params[1]["bias"][1] = 0.25
    e = net.explain(1, 1, x=np.ones((4, 4)))
    assert isinstance(e, DenseExplanation) and e.inputs == 16 and len(e.contributions) == 10
    magnitudes = [abs(c.product) for c in e.contributions]
    assert magnitudes == sorted(magnitudes, reverse=True) and magnitudes[0] == 1
    assert e.contributions[0].position is None and e.bias == 0.25
    assert e.sum == pytest.approx(sum(c.product for c in e.contributions) + e.rest)
    assert e.computed == pytest.approx(e.value)
    direct = Network((2, 2, 2), [Dense(1)]).explain(0, 0, x=np.ones((2, 2, 2)))
    assert {c.position for c in direct.contributions} == {(c, r, k) for c in range(2)
                                                          for r in range(2) for k in range(2)}


def test_softmax_activation_and_flatten():
    net = Network((2, 3, 3), [Conv2d(3, 1), Softmax(), Flatten(), Dense(4), LeakyReLU(0.1),
                              Softmax()])
    x = np.random.default_rng(0).normal(size=(2, 3, 3)) * 50  # large logits: stability matters
    e = net.explain(1, 2, 1, 2, x=x)
    assert isinstance(e, SoftmaxExplanation) and e.logits.shape == (3,) and e.index == 2
    assert e.shift == e.logits.max() and e.exps.max() == 1
    assert e.computed == pytest.approx(e.value, rel=1e-5)
    flat = net.explain(2, 14, x=x)  # 14 = channel 1, row 1, col 2
    assert isinstance(flat, FlattenExplanation) and flat.source == (1, 1, 2)
    act = net.explain(4, 3, x=x)
    assert isinstance(act, ActivationExplanation) and act.function == "leaky_relu"
    assert act.formula == "x if x > 0 else 0.1·x"
    assert act.computed == pytest.approx(act.value) and act.row == act.col == 0


def test_errors():
    net = Network((1, 4, 4), [ReLU()])
    net.forward(np.zeros((4, 4)))  # nothing is remembered: the image is always given
    with pytest.raises(ConfigError, match="no image to explain"):
        net.explain(0, 0, 0, 0)
    with pytest.raises(ConfigError, match="one image, not a batch"):
        net.explain(0, 0, 0, 0, x=np.zeros((2, 1, 4, 4)))
    with pytest.raises(IndexError, match=r"unit \(1, 0, 0\) is outside layer 1's output"):
        net.explain(0, 1, 0, 0, x=np.zeros((4, 4)))


CONV = st.builds(Conv2d, st.integers(1, 3), st.integers(1, 4), st.integers(1, 2),
                st.integers(0, 2) | st.just("valid"), st.integers(1, 2),
                st.sampled_from(["zeros", "reflect", "replicate", "circular"]), st.booleans(),
                st.booleans())
LAYER = st.one_of(
    CONV,
    st.builds(MaxPool2d, st.integers(1, 3), st.none() | st.integers(1, 2), st.integers(0, 1),
              st.booleans()),
    st.builds(AvgPool2d, st.integers(1, 3), st.none() | st.integers(1, 2), st.integers(0, 1),
              st.booleans(), st.booleans()),
    st.sampled_from([ReLU(), LeakyReLU(0.3), Sigmoid(), Tanh(), Softmax(), Flatten()]),
    st.builds(Dense, st.integers(1, 12), st.booleans()),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(CONV) | st.tuples(), st.lists(LAYER, min_size=1, max_size=4), st.integers(1, 3),
       st.integers(3, 10),
       st.integers(3, 10), st.data())
def test_random_units_of_random_networks(first, layers, c, h, w, data):
    try:
        net = Network((c, h, w), [*first, *layers], seed=data.draw(st.integers(0, 9)))
    except ConfigError:
        return
    for p in net.params:
        if "bias" in p:
            p["bias"][...] = np.random.default_rng(1).normal(size=p["bias"].shape)
    x = np.random.default_rng(2).normal(size=(c, h, w)).astype(np.float32)
    outputs = net.forward(x)
    layer = data.draw(st.integers(0, len(net.layers) - 1))
    unit = tuple(data.draw(st.integers(0, n - 1)) for n in net.shapes[layer])
    e = net.explain(layer, *unit, x=x)
    assert e.value == outputs[layer][unit] and e.layer == layer and e.channel == unit[0]
    _assert_same(net.explain(layer, *unit, x=x, outputs=outputs), e)
    scale = 1.0
    if isinstance(e, (ConvExplanation, DenseExplanation)):
        products = e.products if isinstance(e, ConvExplanation) else [
            c.product for c in e.contributions] + [e.rest]
        scale += np.abs(products).sum() + abs(e.bias)
    assert abs(e.computed - e.value) <= 1e-5 * scale
    if isinstance(e, PoolExplanation) and e.winner is not None:
        r, k = e.winner
        layer_input = outputs[layer - 1] if layer else x
        assert e.window[list(e.rows).index(r), list(e.cols).index(k)] == e.value
        assert layer_input[unit[0], r, k] == e.value


def _assert_same(a, b):
    """Every field of two explanations equal (arrays elementwise, NaN equal to NaN)."""
    assert type(a) is type(b) and vars(a).keys() == vars(b).keys()
    for name, value in vars(a).items():
        if isinstance(value, np.ndarray):
            np.testing.assert_array_equal(value, vars(b)[name], err_msg=name)
        else:
            assert value == vars(b)[name] or value != value, name


def test_given_outputs_are_used_instead_of_a_second_forward():
    net = Network((1, 6, 6), [Conv2d(2, 3, padding=1), ReLU(), MaxPool2d(2), Flatten(),
                              Dense(3), Softmax()])
    x = np.random.default_rng(0).normal(size=(6, 6)).astype(np.float32)
    outputs = net.forward(x)
    for layer, unit in [(0, (1, 2, 3)), (2, (0, 1, 1)), (4, (2,)), (5, (1,))]:
        _assert_same(net.explain(layer, *unit, x=x, outputs=outputs),
                     net.explain(layer, *unit, x=x))
    # Proof that they are read, not recomputed: explain reports what the given maps hold.
    doctored = [o.copy() for o in outputs]
    doctored[0][1, 2, 3] = 42.0
    assert net.explain(0, 1, 2, 3, x=x, outputs=doctored).value == 42.0
    # Too short a list (a forward stopped earlier) falls back to running the forward.
    assert net.explain(4, 2, x=x, outputs=outputs[:2]).value == outputs[4][2]


def test_max_pool_winner_follows_the_forward_on_ties_and_nan():
    from engine.ops import pool2d
    x = np.array([[1, 3, 3, 0], [3, 2, np.nan, 5], [0, 0, 7, 7], [0, 0, 7, np.nan]], np.float32)
    net = Network((1, 4, 4), [MaxPool2d(2)])
    _, indices = pool2d(x[None], 2, return_indices=True)
    for r in range(2):
        for c in range(2):
            assert net.explain(0, 0, r, c, x=x).winner == divmod(int(indices[0, r, c]), 4)
    assert net.explain(0, 0, 0, 0, x=x).winner == (0, 1)  # the first of the tied 3s

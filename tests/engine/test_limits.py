"""engine.limits: a network is judged by its plan, before any of it is allocated."""

import time
import tracemalloc

import numpy as np
import pytest

import engine
from engine import ConfigError, Conv2d, Dense, MaxPool2d, Network, ReLU, limits


def _refused_cheaply(build, words):
    """``build()`` raises a ConfigError containing ``words`` at once, allocating next to nothing."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ConfigError) as info:
            build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert words in str(info.value)
    assert peak < 10_000_000 and time.perf_counter() - start < 1.0
    return str(info.value)


def test_many_wide_layers_are_refused_by_their_total():
    # each layer alone fits (32 M values, 49 M weights); together they would take gigabytes
    layers = [Conv2d(7000, 1) for _ in range(31)]
    _refused_cheaply(lambda: Network((1, 68, 68), layers), "more than ConvScope handles")


def test_total_activations_budget():
    layers = [Conv2d(4, 3, padding=1) for _ in range(10)]
    message = _refused_cheaply(lambda: Network((1, 1600, 1600), layers),
                               "the number of values in all the maps would be 102,400,000")
    assert f"({limits.MAX_TOTAL_ACTIVATIONS:,})" in message


def test_total_parameter_budget():
    layers = [Dense(6000), Dense(6000)]
    _refused_cheaply(lambda: Network((1, 90, 90), layers), "the number of weights would be")


def test_a_wide_padded_pool_is_refused_before_padding():
    _refused_cheaply(lambda: Network((1, 28, 28), [MaxPool2d(40000, padding=20000)]),
                     "its input would be 40028×40028 once padded; ConvScope handles up to "
                     "8192×8192")


def test_padded_values_budget():
    _refused_cheaply(lambda: Network((12, 2000, 2000), [Conv2d(1, 3, padding=100)]),
                     "its padded input would hold 58,080,000 numbers")


def test_multiply_adds_budget():
    _refused_cheaply(lambda: Network((1, 2000, 2000), [Conv2d(1, 1000)]),
                     "the multiply-adds of one forward pass would be")


def test_pooling_counts_its_window_taps():
    _refused_cheaply(lambda: Network((4, 2048, 2048), [MaxPool2d(200, stride=1)]),
                     "the multiply-adds of one forward pass would be")


def test_input_side_and_layer_count():
    _refused_cheaply(lambda: Network((1, 100000, 100000), []), "inputs up to 2048×2048")
    many = [ReLU()] * (limits.MAX_LAYERS + 1)
    _refused_cheaply(lambda: Network((1, 8, 8), many),
                     f"the number of layers would be {limits.MAX_LAYERS + 1}")
    assert len(Network((1, 8, 8), many[:-1]).layers) == limits.MAX_LAYERS


def test_networks_the_app_ships_fit():
    engine.default_digit_network()
    Network((1, 256, 256), [Conv2d(32, 3, padding=1), ReLU(), Conv2d(32, 3, padding=1), ReLU(),
                            MaxPool2d(2), Dense(10)])


@pytest.mark.parametrize("bad", [np.nan, np.inf, 1e39])
def test_network_refuses_weights_that_are_not_finite_float32(bad):
    weight = np.zeros((2, 1, 3, 3))
    weight[1, 0, 2, 2] = bad
    with pytest.raises(ConfigError, match="the weight holds values that are not finite"):
        Network((1, 6, 6), [Conv2d(2, 3)], params=[{"weight": weight, "bias": np.zeros(2)}])

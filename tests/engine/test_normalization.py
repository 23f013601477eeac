"""Input normalisation: worked examples, checks, and that network files keep it."""

import numpy as np
import pytest

from engine import NORMALIZATIONS, ConfigError, Conv2d, Dense, Network, Normalization, Softmax
from engine.io import load_network, save_network


def test_mnist_normalisation_worked_example():
    mnist = NORMALIZATIONS["MNIST"]
    out = mnist.apply(np.array([[[0.0, 1.0]]]))
    np.testing.assert_allclose(out, [[[-0.1307 / 0.3081, 0.8693 / 0.3081]]], rtol=1e-6)
    assert out.dtype == np.float32


def test_invert_and_per_channel_values():
    norm = Normalization(mean=(0.5, 0.0, 0.25), std=(0.5, 1.0, 0.25), invert=True)
    pixels = np.ones((2, 3, 1, 1), np.float32)  # a batch of white pixels: ink-free paper
    np.testing.assert_allclose(norm.apply(pixels)[:, :, 0, 0], [[-1.0, 0.0, -1.0]] * 2)


def test_minus_one_to_one_maps_the_pixel_range():
    np.testing.assert_allclose(NORMALIZATIONS["[−1, 1]"].apply(np.array([[[0.0, 0.5, 1.0]]])),
                               [[[-1.0, 0.0, 1.0]]])


@pytest.mark.parametrize("bad", [dict(std=(0.0,)), dict(mean=("a",)), dict(invert="yes"),
                                 dict(mean=(float("nan"),))])
def test_impossible_normalisations_are_refused(bad):
    with pytest.raises(ConfigError):
        Normalization(**bad)


def test_a_network_refuses_a_normalisation_for_other_channels():
    with pytest.raises(ConfigError, match="3 mean values but the input has 1 channel"):
        Network((1, 4, 4), [Dense(2)], normalization=NORMALIZATIONS["ImageNet"])


def test_network_input_applies_the_normalisation():
    net = Network((1, 4, 4), [Dense(2)], normalization=NORMALIZATIONS["MNIST"])
    pixels = np.full((1, 4, 4), 0.5, np.float32)
    np.testing.assert_allclose(net.network_input(pixels), (0.5 - 0.1307) / 0.3081, rtol=1e-6)
    assert Network((1, 4, 4), [Dense(2)]).network_input(pixels) is not None


def test_files_and_rebuilt_networks_keep_the_normalisation(tmp_path):
    norm = Normalization((0.1, 0.2, 0.3), (0.4, 0.5, 0.6), invert=True)
    net = Network((3, 6, 6), [Conv2d(2, 3), Dense(3), Softmax()], normalization=norm)
    save_network(net, tmp_path / "n.npz")
    assert load_network(tmp_path / "n.npz").normalization == norm
    assert net.rebuilt(net.layers[:2]).normalization == norm
    assert net.rebuilt(net.layers, input_shape=(1, 6, 6)).normalization is None


def test_with_normalization_shares_the_weights():
    net = Network((1, 4, 4), [Dense(2)])
    mnist = net.with_normalization(NORMALIZATIONS["MNIST"])
    assert mnist.normalization == NORMALIZATIONS["MNIST"] and net.normalization is None
    assert mnist.params[0]["weight"] is net.params[0]["weight"] and mnist.layers == net.layers


def test_evaluation_and_favourites_feed_pixels_through_the_normalisation():
    from engine.evaluate import classify
    from engine.favourites import layer_values

    norm = Normalization((0.5,), (0.25,), invert=True)
    net = Network((1, 4, 4), [Conv2d(2, 3), Dense(3), Softmax()], normalization=norm)
    pixels = np.random.default_rng(0).random((5, 4, 4)).astype(np.float32)
    fed = norm.apply(pixels[:, None])
    np.testing.assert_allclose(classify(net, pixels), net.predict(fed), rtol=1e-5)
    found = layer_values(net, pixels, 0)
    np.testing.assert_allclose(found.values, net.forward(fed)[0].max(axis=(2, 3)), rtol=1e-5)

"""A unit's favourite inputs are the true top nine, cropped to the window the unit saw."""

import numpy as np
import pytest

import engine
from engine.favourites import crop, favourites, layer_values, top_images


@pytest.fixture
def net():
    return engine.Network((1, 10, 10), [
        engine.Conv2d(4, 3, padding=1), engine.ReLU(), engine.MaxPool2d(2),
        engine.Flatten(), engine.Dense(5), engine.Softmax()], seed=1)


@pytest.fixture
def images():
    return np.random.default_rng(2).uniform(0, 1, (57, 10, 10)).astype(np.float32)


def _one_by_one(net, images, layer, pick):
    return np.array([pick(net.forward(image)[layer]) for image in images])


def test_a_channel_favourites_are_the_true_top_nine(net, images):
    result = favourites(net, images, 0, 2, batch_size=10)
    values = _one_by_one(net, images, 0, lambda out: out[2].max())
    order = np.argsort(-values, kind="stable")[:9]
    np.testing.assert_array_equal(result.indices, order)
    np.testing.assert_allclose(result.activations, values[order], rtol=1e-6)
    for index, (row, col), box in zip(result.indices, result.positions, result.boxes):
        assert net.forward(images[index])[0][2, row, col] == pytest.approx(values[index])
        assert box == net.receptive_field(0, row, col).input_box


def test_a_map_unit_favourites_and_a_dense_unit_favourites(net, images):
    unit = favourites(net, images, 2, 1, row=3, col=4, k=5, batch_size=7)
    values = _one_by_one(net, images, 2, lambda out: out[1, 3, 4])
    np.testing.assert_array_equal(unit.indices, np.argsort(-values, kind="stable")[:5])
    assert unit.boxes[0] == (5, 7, 9, 11)  # pool 2 over a same-padded 3×3 conv: reaches the padding
    dense = favourites(net, images, 4, 3)
    values = _one_by_one(net, images, 4, lambda out: out[3])
    np.testing.assert_array_equal(dense.indices, np.argsort(-values, kind="stable")[:9])
    assert dense.positions is None and dense.boxes[0] == (0, 0, 10, 10)


def test_crop_marks_the_padding_outside_the_image():
    image = np.arange(16, dtype=np.float32).reshape(4, 4)
    patch = crop(image, (-1, 2, 2, 5))
    assert patch.shape == (3, 3)
    assert np.isnan(patch[0]).all() and np.isnan(patch[:, 2]).all()
    np.testing.assert_array_equal(patch[1:, :2], image[:2, 2:])


def test_stopping_returns_nothing(net, images):
    assert favourites(net, images, 0, 0, should_stop=lambda: True) is None


def test_one_pass_serves_every_channel_of_the_layer(net, images):
    found = layer_values(net, images, 0)
    assert found.values.shape == (57, 4) and found.positions.shape == (57, 4, 2)
    for channel in range(4):
        alone = favourites(net, images, 0, channel)
        both = top_images(net, 0, found, channel)
        np.testing.assert_array_equal(both.indices, alone.indices)
        assert both.boxes == alone.boxes
    with pytest.raises(engine.ConfigError, match="4 channels"):
        top_images(net, 0, found, 4)

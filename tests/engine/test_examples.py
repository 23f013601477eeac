"""The ready-made lessons: each builds and runs, and the tutorials' worked numbers come out."""

import numpy as np
import pytest

from engine.examples import EXAMPLES, pin_unit

# The ╲ feature map of the X in the X/O tutorial (Brandon Rohrer's "How do convolutional neural
# networks work?", the figures of seed 003), printed with two decimals cut, not rounded.
TUTORIAL_X_DIAGONAL = [
    [0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33],
    [-0.11, 1.00, -0.11, 0.33, -0.11, 0.11, -0.11],
    [0.11, -0.11, 1.00, -0.33, 0.11, -0.11, 0.55],
    [0.33, 0.33, -0.33, 0.55, -0.33, 0.33, 0.33],
    [0.55, -0.11, 0.11, -0.33, 1.00, -0.11, 0.11],
    [-0.11, 0.11, -0.11, 0.33, -0.11, 1.00, -0.11],
    [0.33, -0.11, 0.55, 0.33, 0.11, -0.11, 0.77],
]
# ...and that map after ReLU and 2×2 max pooling.
TUTORIAL_X_POOLED = [[1.00, 0.33, 0.55, 0.33], [0.33, 1.00, 0.33, 0.55],
                     [0.55, 0.33, 1.00, 0.11], [0.33, 0.55, 0.11, 0.77]]


def truncated(values):
    """Two decimals cut towards zero, as the tutorial prints them."""
    return np.trunc(np.asarray(values, np.float64) * 100 + np.sign(values) * 1e-4) / 100


def run(name):
    network, image = EXAMPLES[name].build()
    if image is None:  # a sample digit, drawn by the GUI; any 28×28 stroke will do here
        image = np.zeros(network.input_shape[1:], np.float32)
        image[6:22, 12:15] = 1.0
    return network, image, network.forward(image)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_builds_runs_and_pins_a_real_unit(name):
    example = EXAMPLES[name]
    network, image, outputs = run(name)
    assert image.shape == network.input_shape[1:] and image.dtype == np.float32
    assert image.min() >= 0 and image.max() <= 1  # what the canvas can show
    assert (example.digit is None) == (example.build()[1] is not None)
    assert 0 <= example.select < len(network.layers)
    layer, channel, row, col = pin_unit(example, outputs)
    assert all(0 <= i < n for i, n in zip((channel, row, col), outputs[layer].shape))
    assert example.title and example.description


def test_x_feature_maps_are_the_tutorials():
    _, _, (plus_minus, maps, relu, pooled) = run("x")
    assert set(np.unique(plus_minus)) == {-1.0, 1.0}  # layer 1 restores the ±1 image
    np.testing.assert_array_equal(truncated(maps[0]), TUTORIAL_X_DIAGONAL)
    np.testing.assert_allclose(maps[0] * 9, np.round(maps[0] * 9), atol=1e-5)  # ninths
    np.testing.assert_array_equal(truncated(pooled[0]), TUTORIAL_X_POOLED)
    # The ╱ template sees the mirror image, and the ╳ template a perfect match in the centre.
    np.testing.assert_allclose(maps[1], np.fliplr(maps[0]), atol=1e-6)
    assert maps[2, 3, 3] == pytest.approx(1.0) and maps.max() == pytest.approx(1.0)
    np.testing.assert_array_equal(relu, np.maximum(maps, 0))


def test_o_has_no_crossing_and_the_drawn_x_keeps_its_strokes():
    x_maps, o_maps, drawn_maps = (run(name)[2][1] for name in ("x", "o", "x_drawn"))
    assert o_maps[2].max() == pytest.approx(5 / 9) and o_maps[2, 3, 3] == pytest.approx(-1 / 9)
    assert x_maps[2, 3, 3] == pytest.approx(1.0)
    assert np.isclose(drawn_maps[0], 1.0).sum() >= 4 and drawn_maps[0, 4, 5] == pytest.approx(1)
    # Half its pixels are not where the X has them, yet after pooling the ╲ feature still finds
    # the diagonal in three of the four blocks.
    (_, x, _), (_, drawn, drawn_outputs) = run("x"), run("x_drawn")
    assert (x != drawn).sum() >= x.sum() / 2
    np.testing.assert_allclose(np.diag(drawn_outputs[3][0])[:3], 1.0)


def test_the_window_that_gives_minus_8():
    network, _, outputs = run("minus_8")
    tutorial_pixels = outputs[0][0, 2:5, 2:5]
    np.testing.assert_array_equal(tutorial_pixels, [[0, 0, 0], [0, 1, 1], [0, 1, 2]])
    np.testing.assert_array_equal(network.params[1]["weight"][0, 0],
                                  [[4, 0, 0], [0, 0, 0], [0, 0, -4]])
    assert outputs[1][0, 2, 2] == -8.0
    assert pin_unit(EXAMPLES["minus_8"], outputs) == (1, 0, 2, 2)


def test_smoothing_gives_the_tutorials_3_and_every_mean():
    network, _, (matrix, means) = run("smoothing")
    assert matrix[0, 2, 2] == pytest.approx(7) and matrix.max() == pytest.approx(11)
    assert means[0, 1, 1] == pytest.approx(3, abs=1e-5)
    windows = np.lib.stride_tricks.sliding_window_view(matrix[0], (3, 3))
    np.testing.assert_allclose(means[0], windows.mean(axis=(-2, -1)), rtol=1e-5)


def test_receptive_field_and_dilation_examples_see_the_promised_windows():
    network, _, outputs = run("receptive_field")
    layer, _, row, col = pin_unit(EXAMPLES["receptive_field"], outputs)
    assert network.receptive_field(layer, row, col).input_box == (11, 11, 18, 18)  # 7×7
    network, _, outputs = run("stride_dilation")
    layer, _, row, col = pin_unit(EXAMPLES["stride_dilation"], outputs)
    field = network.receptive_field(layer, row, col)
    top, left, bottom, right = field.input_box
    assert (bottom - top, right - left) == (11, 11)
    assert field.input_mask().sum() < 11 * 11  # dilation skips pixels


def test_sobel_pins_its_strongest_edge():
    _, _, outputs = run("sobel")
    layer, channel, row, col = pin_unit(EXAMPLES["sobel"], outputs)
    assert layer == 1 and outputs[1][channel, row, col] == outputs[1].max() > 0


def test_upsampling_lesson_stamps_the_kernel_scaled_by_each_pixel():
    network, _, (out,) = run("upsampling")
    np.testing.assert_allclose(out[0], [[0.25, 0.5, 0.5, 1.0], [0.75, 1.0, 1.5, 2.0],
                                        [0.75, 1.5, 1.0, 2.0], [2.25, 3.0, 3.0, 4.0]])
    assert network.shapes[0] == (1, 4, 4) and EXAMPLES["upsampling"].pin == (0, 0, 1, 2)
    stamps = network.explain(0, 0, 1, 2, x=EXAMPLES["upsampling"].build()[1]).stamps
    assert [(s.row, s.col, s.tap, s.input, s.weight, s.product) for s in stamps] == [
        (0, 1, (1, 0), 0.5, 3.0, 1.5)]


def test_separable_lesson_counts_what_its_description_says():
    network, _, outputs = run("separable")
    rows = network.summary()
    depthwise, pointwise = rows[1], rows[2]
    assert depthwise["params"] - 4 == 36 and pointwise["params"] - 8 == 32
    assert depthwise["macs"] == 28_224 and pointwise["macs"] == 25_088
    assert outputs[2].shape == (8, 28, 28)
    full = 8 * 4 * 3 * 3
    assert full * 28 * 28 == 225_792 and 36 + 32 == 68
    for number in ("288", "225,792", "36", "28,224", "32", "25,088", "68", "53,312"):
        assert number in EXAMPLES["separable"].description

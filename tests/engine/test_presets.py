"""Kernel presets: textbook values, sums, behaviour on images, and the channel rule."""

import numpy as np
import pytest

from engine import conv2d
from engine.presets import PRESETS, preset_kernel


def apply(name, image):
    return conv2d(np.asarray(image, np.float64)[None], preset_kernel(name)[None].astype(np.float64))[0]


@pytest.mark.parametrize("name, total", [
    ("identity", 1), ("box_blur_3x3", 1), ("box_blur_5x5", 1), ("gaussian_5x5", 1), ("sharpen", 1),
    ("sobel_x", 0), ("sobel_y", 0), ("prewitt_x", 0), ("prewitt_y", 0), ("laplacian", 0),
    ("line_horizontal", -3), ("line_vertical", -3), ("x_diagonal_down", -3 / 9),
    ("x_diagonal_up", -3 / 9), ("x_cross", 1 / 9), ("curve_7x7", 180),
])
def test_sums(name, total):
    assert PRESETS[name].kernel.sum() == pytest.approx(total, abs=1e-12)


def test_registry_entries_are_described_and_read_only():
    assert len(PRESETS) == 16
    for name, preset in PRESETS.items():
        assert preset.name == name and preset.description.endswith(".") and preset.title
        assert preset.kernel.dtype == np.float64 and not preset.kernel.flags.writeable
        assert preset.kernel.shape[0] % 2 == 1 and preset.kernel.shape[0] == preset.kernel.shape[1]


def test_textbook_values():
    assert PRESETS["gaussian_5x5"].kernel[2, 2] * 273 == pytest.approx(41)
    np.testing.assert_array_equal(PRESETS["box_blur_5x5"].kernel, np.full((5, 5), 1 / 25))
    np.testing.assert_array_equal(PRESETS["line_vertical"].kernel,
                                  [[-1, 1, -1], [-1, 1, -1], [-1, 1, -1]])
    np.testing.assert_array_equal(PRESETS["x_diagonal_up"].kernel * 9,
                                  [[-1, -1, 1], [-1, 1, -1], [1, -1, -1]])
    assert np.count_nonzero(PRESETS["curve_7x7"].kernel == 30) == 6


@pytest.mark.parametrize("name", ["box_blur_3x3", "box_blur_5x5", "gaussian_5x5", "identity",
                                  "sharpen"])
def test_brightness_kernels_leave_a_flat_image_alone_inside(name):
    np.testing.assert_allclose(apply(name, np.full((9, 9), 0.7)), 0.7, rtol=1e-6)


@pytest.mark.parametrize("name", ["sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "laplacian"])
def test_edge_kernels_ignore_a_flat_image(name):
    np.testing.assert_allclose(apply(name, np.full((9, 9), 0.7)), 0, atol=1e-6)


def test_edge_directions():
    ramp = np.tile(np.arange(6.0), (6, 1))  # brighter to the right
    assert (apply("sobel_x", ramp) == 8).all() and (apply("prewitt_x", ramp) == 6).all()
    assert (apply("sobel_y", ramp) == 0).all()
    assert (apply("sobel_y", ramp.T) == 8).all()


def test_tutorial_line_detector_and_templates():
    data = [[0, 1, 1, 1, 0], [0, 0, 0, 0, 0], [0, 0, 1, 1, 1], [0, 0, 0, 0, 0], [1, 1, 1, 0, 0]]
    out = apply("line_horizontal", data)
    assert out.tolist() == [[-3, -5, -5], [1, 2, 3], [-4, -4, -4]]  # peak: the full line in row 2
    x = np.array([[1, -1, -1], [-1, 1, -1], [-1, -1, 1]])
    assert apply("x_diagonal_down", x)[0, 0] == pytest.approx(1)
    assert apply("x_diagonal_up", x)[0, 0] == pytest.approx(1 / 9)  # 5 cells agree, the 4 corners not


def test_curve_detector_scores_the_tutorial_patch():
    patch = [[0, 0, 0, 0, 0, 0, 30], [0, 0, 0, 0, 50, 50, 50], [0, 0, 0, 20, 50, 0, 0],
             [0, 0, 0, 50, 50, 0, 0], [0, 0, 0, 50, 50, 0, 0], [0, 0, 0, 50, 50, 0, 0],
             [0, 0, 0, 50, 50, 0, 0]]
    assert apply("curve_7x7", patch)[0, 0] == 6600
    elsewhere = [[0, 0, 0, 0, 0, 0, 0], [0, 40, 0, 0, 0, 0, 0], [40, 0, 40, 0, 0, 0, 0],
                 [40, 20, 0, 0, 0, 0, 0], [0, 50, 0, 0, 0, 0, 0], [0, 0, 50, 0, 0, 0, 0],
                 [25, 25, 0, 50, 0, 0, 0]]
    assert apply("curve_7x7", elsewhere)[0, 0] == 0


def test_channel_rule():
    blur = preset_kernel("box_blur_3x3", 3)
    assert blur.shape == (3, 3, 3) and blur.dtype == np.float32
    assert blur.sum() == pytest.approx(1) and np.allclose(blur, 1 / 27)
    sobel = preset_kernel("sobel_x", 4)
    assert all(np.array_equal(s, PRESETS["sobel_x"].kernel) for s in sobel)
    gray = np.random.default_rng(0).random((6, 6))
    for name in ("gaussian_5x5", "sharpen"):
        three = conv2d(np.stack([gray] * 3), preset_kernel(name, 3)[None])
        np.testing.assert_allclose(three[0], apply(name, gray), rtol=1e-5, atol=1e-6)
    only = preset_kernel("laplacian", 3, channel=1)
    assert not only[0].any() and not only[2].any() and only[1][1, 1] == -4
    with pytest.raises(KeyError, match="no preset named 'sobel'"):
        preset_kernel("sobel")

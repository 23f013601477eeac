"""The kernel editor's arithmetic: centring presets, normalizing, resizing a conv spec."""

import numpy as np
import pytest

import engine
from gui.editors.kernel_tools import centred, normalized, random_kernel, resized


def test_centred_pads_with_zeros_and_computes_the_same():
    kernel = engine.preset_kernel("sobel_x", 1)
    big = centred(kernel, (5, 5))
    assert big.shape == (1, 5, 5) and big.sum() == kernel.sum()
    np.testing.assert_array_equal(big[:, 1:4, 1:4], kernel)
    x = np.random.default_rng(0).random((1, 9, 9)).astype(np.float32)
    np.testing.assert_allclose(engine.conv2d(x, big[None], padding="same"),
                               engine.conv2d(x, kernel[None], padding="same"), atol=1e-6)
    assert centred(kernel, (2, 5)) is None


def test_even_difference_puts_the_extra_zeros_bottom_right():
    out = centred(np.ones((1, 3, 3)), (4, 4))
    assert out[0, :3, :3].all() and not out[0, 3].any() and not out[0, :, 3].any()


def test_normalized():
    np.testing.assert_allclose(normalized(np.array([[1.0, 3.0]])), [[0.25, 0.75]])
    assert normalized(engine.PRESETS["laplacian"].kernel) is None


def test_random_kernel_has_he_scale():
    values = random_kernel(np.random.default_rng(0), (200, 200), fan_in=50)
    assert values.std() == pytest.approx(np.sqrt(2 / 50), rel=0.05)


@pytest.mark.parametrize(("spec", "size", "expected"), [
    (engine.Conv2d(8, 3, padding=1), (7, 7), engine.Conv2d(8, 7, padding=3)),
    (engine.Conv2d(8, 5, padding="same"), (7, 7), engine.Conv2d(8, 7, padding="same")),
    (engine.Conv2d(8, 3, padding=0), (5, 5), engine.Conv2d(8, 5, padding=0)),
    (engine.Conv2d(8, 3, padding=1, stride=2), (3, 5), engine.Conv2d(8, (3, 5), padding=(1, 2),
                                                                     stride=2)),
])
def test_resized_keeps_the_padding_intent(spec, size, expected):
    assert resized(spec, size) == expected

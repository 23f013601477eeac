"""MNIST-style preprocessing of drawn digits: crop, fit 20×20 keeping aspect, centre by mass."""

from pathlib import Path

import numpy as np
import pytest

from engine.data import find_idx_pair, load_digits
from engine.preprocess import mnist_centring, mnist_preprocess, mnist_preprocess_with_centring

MNIST = Path(__file__).resolve().parents[2] / "resources" / "data"


def ink_box(image):
    rows, cols = np.flatnonzero(image.any(axis=1)), np.flatnonzero(image.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def centre_of_mass(image):
    ys, xs = np.mgrid[0 : image.shape[0], 0 : image.shape[1]]
    return (image * ys).sum() / image.sum(), (image * xs).sum() / image.sum()


def test_empty_image_stays_zero():
    out = mnist_preprocess(np.zeros((280, 280)))
    assert out.shape == (28, 28) and out.dtype == np.float32 and not out.any()


def test_tall_rectangle_keeps_its_aspect_ratio_and_is_centred_by_mass():
    image = np.zeros((300, 200))
    image[40:240, 150:190] = 1.0  # 200 tall, 40 wide, far off-centre
    out = mnist_preprocess(image)
    assert ink_box(out) == (20, 4)
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5
    assert out.min() >= 0 and out.max() <= 1


def test_small_drawing_is_enlarged_to_fit_20_pixels():
    image = np.zeros((100, 100))
    image[10:15, 60:70] = 1.0  # 5 × 10 -> 10 × 20
    assert ink_box(mnist_preprocess(image)) == (10, 20)


def test_shrinking_is_anti_aliased():
    # A one-pixel checkerboard shrunk 10× must average to grey, not alias to black or white.
    out = mnist_preprocess((np.indices((200, 200)).sum(axis=0) % 2).astype(float))
    np.testing.assert_allclose(out[out > 0], 0.5, atol=0.01)


def test_lopsided_digit_is_clipped_not_crashing():
    image = np.zeros((100, 100))
    image[0:100, 0:3] = 1.0  # tall bar ...
    image[95:100, 0:100] = 1.0  # ... with a heavy foot: mass far from the box centre
    out = mnist_preprocess(image)
    assert out.shape == (28, 28) and out.sum() > 0


def test_enlarged_and_moved_mnist_digits_come_back():
    images, _ = load_digits(*find_idx_pair(MNIST))
    for digit in images[:50]:
        drawn = np.pad(np.kron(digit, np.ones((10, 10))), ((30, 5), (3, 50)))  # a 315×333 canvas
        back = mnist_preprocess(drawn)
        assert np.abs(back - digit).mean() < 0.03
        assert np.corrcoef(back.ravel(), digit.ravel())[0, 1] > 0.9


def test_centring_maps_input_boxes_back_onto_the_drawing():
    image = np.zeros((28, 28))
    image[2:12, 3:8] = 1.0  # 10 tall, 5 wide, in the top-left corner
    centring = mnist_centring(image)
    out = mnist_preprocess(image)
    rows, cols = np.flatnonzero(out.any(axis=1)), np.flatnonzero(out.any(axis=0))
    ink = (rows[0], cols[0], rows[-1] + 1, cols[-1] + 1)  # the scaled ink box in the input
    assert centring.to_drawing(ink) == pytest.approx((2, 3, 12, 8))
    assert centring.scale_y == pytest.approx(0.5) and centring.scale_x == pytest.approx(0.5)
    # The whole input is a 14×14 area of the drawing around the ink.
    top, left, bottom, right = centring.to_drawing((0, 0, 28, 28))
    assert bottom - top == pytest.approx(14) and right - left == pytest.approx(14)
    assert top <= 2 and left <= 3 and bottom >= 12 and right >= 8
    assert mnist_centring(np.zeros((28, 28))) is None


def test_preprocess_with_centring_is_both_from_one_pass():
    image = np.zeros((28, 28))
    image[2:12, 3:8] = 1.0
    out, centring = mnist_preprocess_with_centring(image)
    np.testing.assert_array_equal(out, mnist_preprocess(image))
    assert centring == mnist_centring(image)
    blank, none = mnist_preprocess_with_centring(np.zeros((28, 28)))
    assert none is None and not blank.any()

"""The brush: a soft round stamp dragged along a segment, against a direct distance computation."""

import numpy as np
import pytest

from gui.drawing.brush import FEATHER, default_brush, paint_segment


def reference(shape, start, end, diameter):
    """Ink per pixel from each pixel centre's distance to the segment, one pixel at a time."""
    (y0, x0), (y1, x1) = start, end
    out = np.zeros(shape, np.float32)
    for r in range(shape[0]):
        for c in range(shape[1]):
            py, px = r + 0.5, c + 0.5
            d2 = (y1 - y0) ** 2 + (x1 - x0) ** 2
            t = 0.0 if d2 == 0 else min(1.0, max(0.0, ((py - y0) * (y1 - y0) + (px - x0) * (x1 - x0)) / d2))
            distance = np.hypot(py - (y0 + t * (y1 - y0)), px - (x0 + t * (x1 - x0)))
            out[r, c] = min(1.0, max(0.0, (diameter / 2 + FEATHER / 2 - distance) / FEATHER))
    return out


@pytest.mark.parametrize("start, end, diameter", [((2.5, 1.5), (13.5, 12.5), 2.0),
                                                  ((8.2, 8.7), (8.2, 8.7), 3.0),
                                                  ((-2.0, 5.0), (20.0, 9.5), 4.5)])
def test_paint_segment_matches_the_distance_definition(start, end, diameter):
    image = np.zeros((16, 16), np.float32)
    assert paint_segment(image, start, end, diameter)
    np.testing.assert_allclose(image, reference(image.shape, start, end, diameter), atol=1e-5)


def test_ink_only_grows_and_erasing_only_shrinks():
    image = np.full((8, 8), 0.5, np.float32)
    paint_segment(image, (4.5, 0), (4.5, 8), 2.0)  # along the centres of row 4
    assert image.min() == 0.5 and image[4].min() == 1
    paint_segment(image, (0, 4.5), (8, 4.5), 2.0, erase=True)
    assert image[:, 4].max() == 0 and image[0, 0] == 0.5


def test_a_stamp_outside_the_image_touches_nothing():
    image = np.zeros((8, 8), np.float32)
    assert not paint_segment(image, (-9, -9), (-5, -9), 2.0)
    assert not image.any()


def test_the_default_brush_follows_the_input_size():
    assert default_brush((28, 28)) == pytest.approx(2.8)
    assert default_brush((8, 8)) == 1.0
    assert default_brush((256, 256)) == pytest.approx(25.6)

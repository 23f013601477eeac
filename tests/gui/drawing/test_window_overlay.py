"""Window overlay helpers: naming the padding a window reaches into, the heatmap image."""

import numpy as np

import engine
from gui.drawing.window_overlay import heatmap_image, padding_modes


def test_padding_modes_name_what_fills_the_border_in_layer_order():
    net = engine.Network((1, 16, 16), [
        engine.Conv2d(2, 3), engine.Conv2d(2, 3, padding=1, padding_mode="reflect"),
        engine.MaxPool2d(2, padding=1), engine.Conv2d(2, 3, padding=1, padding_mode="circular"),
        engine.AvgPool2d(2, padding=1)])
    assert padding_modes(net, 0) == []
    assert padding_modes(net, 2) == ["reflect", "−∞"]
    assert padding_modes(net, 4) == ["reflect", "−∞", "circular", "zeros"]


def test_heatmap_is_transparent_at_zero_and_opaque_at_the_peak(qapp):
    overlay = np.zeros((4, 5), np.float32)
    overlay[1, 2], overlay[3, 4] = 2.0, 1.0
    image = heatmap_image(overlay)
    assert (image.width(), image.height()) == (5, 4)
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(2, 1).alpha() > 200 and image.pixelColor(4, 3).alpha() == 105
    assert heatmap_image(np.zeros((3, 3))).pixelColor(1, 1).alpha() == 0

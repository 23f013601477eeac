"""gui.maps.map_view: one layer's mosaic, its levels, its outlines and the unit under a point."""

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from gui.maps.map_view import MapView
from gui.maps.mosaic import Mosaic
from gui.present.formatting import number


@pytest.fixture
def view(shown):
    return shown(MapView("conv1", (6, 5, 7), signed=True), 700, 200)


def maps(seed=0, shape=(6, 5, 7)):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def test_set_maps_tiles_with_rounded_symmetric_levels(view):
    data = maps()
    view.set_maps(data)
    np.testing.assert_array_equal(view.image.image, view.mosaic.tile(data))
    low, high = view.image.levels
    assert low == -high and np.abs(data).max() <= high <= 1.25 * np.abs(data).max()
    assert tuple(view.colorbar.levels()) == (low, high)
    # The buffer is reused, never reallocated, frame after frame.
    buffer = view.image.image
    view.set_maps(maps(1))
    assert np.shares_memory(view.image.image, buffer)


def test_rendered_image_is_rgb32(view):
    view.set_maps(maps())
    view.grab()
    assert view.image.qimage.format() == QImage.Format_RGB32


def test_columns_follow_the_width(qtbot, view):
    view.set_maps(maps())
    wide = view.mosaic.cols
    view.resize(260, 200)
    qtbot.waitUntil(lambda: view.mosaic.cols < wide)
    np.testing.assert_array_equal(view.image.image, view.mosaic.tile(view.maps))
    assert view.mosaic == Mosaic.fit((6, 5, 7), view.available_aspect())


def test_marks_are_clipped_to_the_map_and_skip_hidden_channels(view):
    view.set_maps(maps())
    view.set_marks(feeders=[(1, -2, 3, 2, 9)], units=[(4, 4, 6)])
    y, x = view.mosaic.origin(1)
    assert view.feeder_rects() == [(x + 3, y, 4, 2)]
    y, x = view.mosaic.origin(4)
    assert view.unit_rects() == [(x + 6, y + 4, 1, 1)]
    view.enlarge(4)
    assert "channel 5" in view.title.text  # counted from 1, like the status bar and inspector
    view.set_marks(feeders=[(1, 0, 0, 2, 2)], units=[(4, 4, 6)])
    assert view.feeder_rects() == []
    assert view.unit_rects() == [(6, 4, 1, 1)]


def test_unit_at_inverts_scene_pos(view):
    view.set_maps(maps())
    for unit in [(0, 0, 0), (3, 2, 5), (5, 4, 6)]:
        assert view.unit_at(view.scene_pos(*unit)) == unit
    view.enlarge(2)
    assert view.unit_at(view.scene_pos(2, 4, 1)) == (2, 4, 1)


def test_large_maps_draw_one_sample_per_screen_pixel(shown):
    view = shown(MapView("conv1", (16, 256, 256), signed=True), 700, 200)
    data = maps(2, (16, 256, 256))
    view.set_maps(data)
    step = view.sample_step()
    assert step >= 2
    full = view.mosaic.tile(data)
    np.testing.assert_array_equal(view.image.image, full[::step, ::step])
    assert view.image.image.flags.c_contiguous
    # The image still covers the whole mosaic in scene terms: units map exactly.
    rows, cols = view.mosaic.shape
    assert view.image.mapRectToView(view.image.boundingRect()).getRect() == pytest.approx(
        (0, 0, cols, rows))
    for unit in [(0, 0, 0), (9, 100, 201), (15, 255, 255)]:
        assert view.unit_at(view.scene_pos(*unit)) == unit
    # Enlarged, one channel needs fewer samples skipped (or none).
    view.enlarge(3)
    assert view.sample_step() < step
    np.testing.assert_array_equal(view.image.image, data[3][::view.sample_step(), ::view.sample_step()])


def test_a_view_reshaped_for_another_layer_draws_its_maps(qtbot, shown):
    view = shown(MapView("conv1", (2, 6, 6), True), 400, 200)
    maps = np.random.default_rng(0).random((5, 4, 3)).astype(np.float32)
    view.reshape((5, 4, 3), False)
    view.set_maps(maps)
    view.redraw()
    assert view.shape == (5, 4, 3) and view.mosaic.channels == 5
    assert view.unit_at(view.scene_pos(4, 3, 2)) == (4, 3, 2)
    assert view.image.image.shape == view.mosaic.shape


def tick_labels(view):
    """The colorbar's tick labels as drawn: (text, rectangle in the view's pixels)."""
    axis = view.colorbar.axis
    image = QImage(1, 1, QImage.Format_RGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, view.mapFromScene(axis.mapRectToScene(rect)).boundingRect())
            for rect, _, text in texts]


@pytest.mark.parametrize("scale", [3.0, 0.015])
def test_the_colorbar_labels_at_both_ends_are_whole(qapp, shown, scale):
    view = shown(MapView("conv1", (8, 28, 28), signed=True), 600, 300)
    data = maps(shape=(8, 28, 28))
    view.set_maps(scale * data / np.abs(data).max())
    view.grab()  # laid out and drawn
    labels = tick_labels(view)
    values = {float(text.replace("−", "-")) for text, _ in labels}
    assert set(view.colorbar.levels()) <= values, labels  # both ends are labelled
    assert not any("-" in text for text, _ in labels)  # the app's minus, never a hyphen
    assert f"−{number(scale)}" in {text for text, _ in labels}
    for text, rect in labels:
        assert view.viewport().rect().contains(rect), f"{text!r} at {rect}, view {view.rect()}"


@pytest.mark.parametrize("signed, expected", [(True, ["max", "0", "−max"]), (False, ["max", "0"])])
def test_scaled_per_channel_the_colorbar_reads_each_maps_max_not_numbers(qapp, shown, signed,
                                                                         expected):
    view = shown(MapView("conv1", (8, 28, 28), signed=signed), 600, 300)
    data = 4 * maps(shape=(8, 28, 28))
    view.set_maps(data if signed else np.abs(data), per_channel=True)
    view.grab()
    assert sorted(text for text, _ in tick_labels(view)) == sorted(expected)
    view.set_maps(data if signed else np.abs(data), per_channel=False)
    view.grab()
    assert "max" not in {text for text, _ in tick_labels(view)}


"""The filter gallery: a mosaic of one conv layer's kernels, clickable into the kernel editor."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

import engine
from gui.explain.filter_gallery import FilterGallery
from gui.present import colormaps


@pytest.fixture
def gallery(shown, state):
    return shown(FilterGallery(state), 420, 520)


def conv_layers(state):
    return [i for i, layer in enumerate(state.network.layers) if isinstance(layer, engine.Conv2d)]


def tile_centre(gallery, filter_index, channel):
    """Viewport position of the centre of one kernel's tile, through the real scene transforms."""
    shape = gallery.state.network.params[gallery.chooser.currentData()]["weight"].shape
    y, x = gallery.mosaic.origin(filter_index * shape[1] + channel)
    scene = gallery.image.mapToScene(QPointF(x + shape[3] / 2, y + shape[2] / 2))
    return gallery.plot.mapFromScene(scene)


def choose(gallery, layer):
    gallery.chooser.setCurrentIndex(gallery.chooser.findData(layer))


@pytest.mark.parametrize("which, filter_index, channel", [(0, 5, 0), (1, 11, 6), (1, 0, 7)])
def test_click_on_kernel_selects_that_layer_filter_and_channel(qtbot, gallery, state, which,
                                                               filter_index, channel):
    layer = conv_layers(state)[which]
    choose(gallery, layer)
    with qtbot.waitSignal(state.layerSelected) as blocker:
        QTest.mouseClick(gallery.plot.viewport(), Qt.LeftButton,
                         pos=tile_centre(gallery, filter_index, channel))
    assert blocker.args == [layer]
    assert (state.selected_layer, state.selected_filter, state.selected_channel) == \
        (layer, filter_index, channel)
    assert gallery.highlight.isVisible()
    shape = state.network.params[layer]["weight"].shape
    y, x = gallery.mosaic.origin(filter_index * shape[1] + channel)
    assert gallery.highlight.rect().topLeft() == QPointF(x, y)


def test_a_wide_dock_lays_single_channel_filters_out_in_a_wide_grid(qtbot, gallery, state):
    layer = conv_layers(state)[0]
    choose(gallery, layer)
    square = gallery.mosaic.cols
    gallery.resize(900, 260)
    qtbot.waitUntil(lambda: gallery.mosaic.cols > square)
    with qtbot.waitSignal(state.layerSelected):
        QTest.mouseClick(gallery.plot.viewport(), Qt.LeftButton, pos=tile_centre(gallery, 6, 0))
    assert (state.selected_layer, state.selected_filter) == (layer, 6)


def test_click_between_tiles_selects_nothing(qtbot, gallery, state):
    choose(gallery, conv_layers(state)[1])
    gap = gallery.plot.mapFromScene(gallery.image.mapToScene(QPointF(5.5, 2.5)))  # right of tile 1
    QTest.mouseClick(gallery.plot.viewport(), Qt.LeftButton, pos=gap)
    assert state.selected_layer is None


def test_mosaic_shows_every_kernel_with_a_shared_symmetric_scale(gallery, state):
    layer = conv_layers(state)[1]
    choose(gallery, layer)
    weight = state.network.params[layer]["weight"]
    mosaic = gallery.mosaic
    shown = gallery.image.image
    for f, c in [(0, 0), (7, 3), (15, 7)]:
        y, x = mosaic.origin(f * weight.shape[1] + c)
        np.testing.assert_array_equal(shown[y:y + 5, x:x + 5], weight[f, c])
    low, high = gallery.image.getLevels()
    assert low == -high == -np.abs(weight).max()
    assert np.isnan(shown[5, :]).all()  # the gap row below the first filter


def test_edited_weights_and_selection_from_elsewhere_update_the_view(gallery, state):
    layer = conv_layers(state)[1]
    state.select_layer(layer, 2, 4)  # e.g. from the layer panel
    assert gallery.chooser.currentData() == layer
    assert gallery.highlight.isVisible()
    kernel = np.full((5, 5), 0.25, np.float32)
    shape = state.network.params[layer]["weight"].shape
    state.set_param(layer, "weight", np.broadcast_to(kernel, shape))
    y, x = gallery.mosaic.origin(2 * 8 + 4)
    np.testing.assert_array_equal(gallery.image.image[y:y + 5, x:x + 5], kernel)


def test_network_without_convolutions_says_so(gallery, state):
    state.set_layers([engine.Flatten(), engine.Dense(10), engine.Softmax()])
    assert not gallery.chooser.isEnabled()
    assert not gallery.plot.isVisible()
    assert "no convolution layers" in gallery.info.text()


def test_a_smaller_network_with_the_selection_beyond_it_is_shown_without_error(qtbot, state):
    gallery = FilterGallery(state)
    qtbot.addWidget(gallery)
    state.set_network(engine.Network((1, 8, 8), [engine.Conv2d(2, 3), engine.ReLU(),
                                                 engine.Conv2d(2, 3)]))
    state.select_layer(2)
    state.set_network(engine.Network((1, 8, 8), [engine.ReLU()]))  # selection clamped to 0
    assert state.selected_layer == 0
    state.undo_stack.undo()
    state.undo_stack.redo()


def test_kernels_have_the_colours_of_the_kernel_editor_and_the_maps(gallery):
    """Blue below zero, orange above, as everywhere else in the app (not red and white)."""
    table = gallery.colorbar.colorMap().getLookupTable(nPts=len(colormaps.DIVERGING), alpha=False)
    np.testing.assert_allclose(table, colormaps.DIVERGING[:, :3], atol=2)
    assert "blue negative, orange positive" in gallery.info.text()

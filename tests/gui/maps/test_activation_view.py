"""gui.maps.activation_view: real widgets around a real AppState, driven by real mouse and keys."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import engine
from engine.layers import Conv2d, MaxPool2d, ReLU
from gui.maps.activation_view import ActivationView
from gui.maps.bar_view import BarView
from gui.maps.map_view import MapView
from gui.state import AppState, Unit
from tests.gui.mouse import send_mouse


@pytest.fixture
def view(shown, state):
    return shown(ActivationView(state), 900, 1200)


def digit(shape=(28, 28)):
    """A bold ring, so every layer responds."""
    rows, cols = np.mgrid[:shape[0], :shape[1]]
    radius = np.hypot(rows - shape[0] / 2, cols - shape[1] / 2)
    return (np.abs(radius - shape[0] / 4) < 2).astype(np.float32)


def draw(qtbot, state, image):
    with qtbot.waitSignal(state.activationsChanged, timeout=5000):
        state.set_image(image)


def point(map_view, unit):
    """The viewport position (what a mouse event carries) of ``unit``'s centre."""
    map_view.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(map_view)
    QApplication.processEvents()
    return map_view.mapFromScene(map_view.scene_pos(*unit))


def hover(map_view, unit):
    """A mouse move with no button held, sent straight to the view (QTest.mouseMove goes
    through the window's cursor and may land on whichever view was there before scrolling)."""
    send_mouse(map_view.viewport(), QEvent.MouseMove, point(map_view, unit))


def click(map_view, unit):
    QTest.mouseClick(map_view.viewport(), Qt.LeftButton, Qt.NoModifier, point(map_view, unit))


def double_click(map_view, unit):
    """What a window system sends: a click, then a double-click press and its release."""
    viewport, pos = map_view.viewport(), point(map_view, unit)
    QTest.mouseClick(viewport, Qt.LeftButton, Qt.NoModifier, pos)
    QTest.mouseDClick(viewport, Qt.LeftButton, Qt.NoModifier, pos)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pos)


def test_one_view_per_layer_titled_with_name_and_shape(view, state):
    net = state.network
    assert view.objectName() == "activations"
    assert len(view.views) == len(net.layers)
    for i, layer_view in enumerate(view.views):
        assert isinstance(layer_view, MapView if len(net.shapes[i]) == 3 else BarView)
        title = layer_view.title.text
        assert net.names[i] in title and " × ".join(map(str, net.shapes[i])) in title
    # One image item per layer, however many channels it has.
    conv2 = view.views[net.names.index("conv2")]
    images = [item for item in conv2.scene().items() if isinstance(item, pg.ImageItem)]
    assert images == [conv2.image] and net.shapes[3][0] == 16


def shows(layer_view, maps):
    """Whether ``layer_view`` shows ``maps`` now."""
    if isinstance(layer_view, MapView):
        return (np.array_equal(layer_view.image.image, layer_view.mosaic.tile(maps))
                and layer_view.image.levels[1] >= np.abs(maps).max())
    return np.array_equal(layer_view.bars.opts["height"], maps)


def on_screen(layer_view):
    return not layer_view.viewport().visibleRegion().isEmpty()


def test_drawing_updates_every_map_in_view_and_the_rest_when_seen(qtbot, view, state):
    before = view.views[0].image.image.copy()
    draw(qtbot, state, digit())
    assert not np.array_equal(before, view.views[0].image.image)
    hidden = [i for i, layer_view in enumerate(view.views) if not on_screen(layer_view)]
    assert 0 < len(hidden) < len(view.views)
    for i, (layer_view, maps) in enumerate(zip(view.views, state.activations)):
        assert shows(layer_view, maps) == (i not in hidden)  # off screen: drawn when seen
    view.scroll.verticalScrollBar().setValue(view.scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: all(shows(view.views[i], state.activations[i])
                                for i in hidden if on_screen(view.views[i])))
    # Grabbing the whole page (File → Export maps) draws every layer, seen or not.
    draw(qtbot, state, 1 - digit())
    view.scroll.widget().grab()
    assert all(shows(v, maps) for v, maps in zip(view.views, state.activations))


def test_hover_reports_the_unit_under_the_mouse(qtbot, view, state):
    draw(qtbot, state, digit())
    pool1 = view.views[2]
    for unit in [(0, 0, 0), (5, 3, 11), (7, 13, 13)]:
        with qtbot.waitSignal(state.selectionChanged):
            hover(pool1, unit)
        assert state.hovered == Unit(2, *unit)
    softmax = view.views[-1]
    hover(softmax, (7, 0, 0))
    assert state.hovered == Unit(len(view.views) - 1, 7, 0, 0)


def test_click_pins_arrows_move_escape_unpins(qtbot, view, state):
    draw(qtbot, state, digit())
    conv2 = view.views[3]
    click(conv2, (9, 4, 6))
    assert state.pinned == Unit(3, 9, 4, 6)
    assert view.hasFocus()
    for key, expected in [(Qt.Key_Right, (4, 7)), (Qt.Key_Down, (5, 7)), (Qt.Key_Left, (5, 6)),
                          (Qt.Key_Up, (4, 6)), (Qt.Key_Up, (3, 6))]:
        QTest.keyClick(view, key)
        assert state.pinned == Unit(3, 9, *expected)
    state.pin(Unit(3, 9, 0, 13))
    QTest.keyClick(view, Qt.Key_Up)
    QTest.keyClick(view, Qt.Key_Right)
    assert state.pinned == Unit(3, 9, 0, 13)  # clamped at the corner
    # The pinned unit is outlined in its own tile.
    y, x = conv2.mosaic.origin(9)
    assert conv2.unit_rects() == [(x + 13, y, 1, 1)]
    QTest.keyClick(view, Qt.Key_Escape)
    assert state.pinned is None and conv2.unit_rects() == []
    # Bars pin too, and left/right step along the vector.
    softmax = view.views[-1]
    click(softmax, (3, 0, 0))
    QTest.keyClick(view, Qt.Key_Right)
    assert state.pinned == Unit(len(view.views) - 1, 4, 0, 0)


def test_double_click_enlarges_a_channel_and_back(qtbot, view, state):
    draw(qtbot, state, digit())
    conv1 = view.views[0]
    small = conv1.height()
    double_click(conv1, (5, 10, 12))
    assert conv1.channel == 5 and state.pinned == Unit(0, 5, 10, 12)
    np.testing.assert_array_equal(conv1.image.image, state.activations[0][5])
    assert conv1.height() > small
    # Hovering the enlarged channel still names the right unit.
    hover(conv1, (5, 20, 3))
    assert state.hovered == Unit(0, 5, 20, 3)
    double_click(conv1, (5, 20, 3))
    assert conv1.channel is None and conv1.image.image.shape == conv1.mosaic.shape
    assert state.pinned == Unit(0, 5, 10, 12)  # going back keeps the pin it had


def test_per_channel_scaling(qtbot, view, state):
    draw(qtbot, state, digit())
    view.scaling.setCurrentIndex(1)
    conv1 = view.views[0]
    assert tuple(conv1.image.levels) == (-1.0, 1.0)
    tiles = state.activations[0]
    shown = np.stack([conv1.image.image[y:y + 28, x:x + 28]
                      for y, x in map(conv1.mosaic.origin, range(len(tiles)))])
    expected = tiles / np.abs(tiles).reshape(len(tiles), -1).max(axis=1)[:, None, None]
    np.testing.assert_allclose(shown, expected, rtol=1e-6)
    view.scaling.setCurrentIndex(0)
    assert conv1.image.levels[1] >= np.abs(tiles).max()


def test_adding_and_removing_layers_changes_the_views(qtbot, view, state):
    layers = list(state.network.layers)
    with qtbot.waitSignal(state.activationsChanged):
        assert state.set_layers(layers[:3]) == ""
    assert [v.title.text.split("</b>")[0] for v in view.views] == ["<b>conv1", "<b>relu1", "<b>pool1"]
    with qtbot.waitSignal(state.activationsChanged):
        state.set_layers(layers[:3] + [Conv2d(4, 3), ReLU()])
    assert len(view.views) == 5 and view.views[3].shape == (4, 12, 12)
    np.testing.assert_array_equal(view.views[4].image.image,
                                  view.views[4].mosaic.tile(state.activations[4]))


def test_editing_weights_keeps_the_views(qtbot, view, state):
    views = list(view.views)
    weight = state.network.params[0]["weight"]
    with qtbot.waitSignal(state.activationsChanged):
        state.set_param(0, "weight", -weight)
    assert view.views == views


def test_feeding_boxes_after_a_stride_two_conv_and_a_pool(shown):
    # conv 3×3 s2 p1: 16×16 → 8×8; max pool 2×2: → 4×4; conv 3×3 p1: → 4×4.
    net = engine.Network((1, 16, 16), [Conv2d(3, 3, stride=2, padding=1), MaxPool2d(2),
                                       Conv2d(2, 3, padding=1)])
    state = AppState(net)
    view = shown(ActivationView(state), 900, 900)
    conv1, pool, conv2 = view.views
    # A pool unit is fed by a 2×2 block of its own channel only.
    hover(pool, (1, 2, 3))
    assert state.hovered == Unit(1, 1, 2, 3)
    y, x = conv1.mosaic.origin(1)
    assert conv1.feeder_rects() == [(x + 6, y + 4, 2, 2)]
    assert pool.feeder_rects() == []
    # A conv2 unit is fed by 3×3 pool units of every channel, hence 6×6 conv1 units.
    hover(conv2, (0, 2, 1))
    assert pool.feeder_rects() == sorted(
        (ox + 0, oy + 1, 3, 3) for oy, ox in map(pool.mosaic.origin, range(3)))
    assert conv1.feeder_rects() == sorted(
        (ox + 0, oy + 2, 6, 6) for oy, ox in map(conv1.mosaic.origin, range(3)))
    # At the corner the boxes are clipped to the maps (the rest is padding).
    hover(conv2, (1, 0, 0))
    assert pool.feeder_rects()[0][2:] == (2, 2)
    # Pinning keeps the boxes once the mouse is gone; moving the pin moves them by one unit.
    click(conv2, (1, 0, 0))
    state.hover(None)  # the mouse left the maps
    QTest.keyClick(view, Qt.Key_Right)
    assert state.pinned == Unit(2, 1, 0, 1)
    assert pool.feeder_rects()[0] == (pool.mosaic.origin(0)[1], 0, 3, 2)


def test_wheel_scrolls_the_page_not_the_map(qtbot, view):
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    target = view.views[1]
    angle = QPoint(0, -120)
    event = QWheelEvent(QPointF(50, 50), QPointF(target.mapToGlobal(QPoint(50, 50))), QPoint(),
                        angle, Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(target.viewport(), event)
    assert bar.value() > 0
    assert target.box.viewRange()[0] == pytest.approx([0, target.mosaic.shape[1]])


def test_render_looks_clean(qtbot, view, state, tmp_path):
    """Not a pixel test: the grab is non-blank and the maps show the digit in colour."""
    draw(qtbot, state, digit())
    state.pin(Unit(3, 2, 6, 5))
    image = view.grab().toImage()
    assert image.width() >= 900 and image.height() >= 1200
    pixels = np.array([[image.pixelColor(x, y).red() for x in range(0, 900, 7)]
                       for y in range(40, 600, 7)])
    assert pixels.std() > 10


def test_after_a_wheel_scroll_the_hover_names_the_unit_now_under_the_pointer(qtbot, view, state):
    draw(qtbot, state, digit())
    conv1 = view.views[0]
    hover(conv1, (0, 5, 5))
    assert state.hovered == Unit(0, 0, 5, 5)
    where = conv1.viewport().mapToGlobal(point(conv1, (0, 5, 5)))
    local = conv1.viewport().mapFromGlobal(where)
    event = QWheelEvent(QPointF(local), QPointF(where), QPoint(), QPoint(0, -120), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(conv1.viewport(), event)
    assert view.scroll.verticalScrollBar().value() > 0
    under = next(v for v in view.views
                 if v.viewport().rect().contains(v.viewport().mapFromGlobal(where)))
    layer = view.views.index(under)
    unit = under.unit_at(under.mapToScene(under.viewport().mapFromGlobal(where)))
    assert state.hovered == (None if unit is None else Unit(layer, *unit))
    assert state.hovered != Unit(0, 0, 5, 5)

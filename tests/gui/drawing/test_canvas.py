"""The canvas: real mouse strokes edit the input live and undo as one step; the receptive-field
window of the hovered or pinned unit is drawn at the right pixels, its padding hatched and named."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt

import engine
from gui.drawing.canvas import Canvas
from gui.state import AppState, Unit
from gui.drawing.window_overlay import WINDOW
from tests.gui.mouse import drag, press_and_move, send_mouse


def three_convs(**conv):
    """Three 3×3 convolutions, stride 1, padding 1: receptive fields 3, 5, 7."""
    return engine.Network((1, 28, 28), [engine.Conv2d(2, 3, padding=1, **conv) for _ in range(3)])


@pytest.fixture
def canvas(shown, state):
    return shown(Canvas(state), 420, 480)


def stroke(canvas, pixels, button=Qt.LeftButton):
    """Drag through the centres of the (row, col) input pixels."""
    drag(canvas, [canvas.pixel_center(r, c) for r, c in pixels], button)


def painted(widget, point):
    """The colour the widget shows at ``point`` (widget pixels)."""
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def is_window_colour(color):
    return (abs(color.red() - WINDOW.red()) < 40 and abs(color.green() - WINDOW.green()) < 40
            and color.blue() < 90)


# ------------------------------------------------------------------------------------ drawing
def test_a_stroke_draws_live_changes_the_first_maps_and_undoes_as_one_step(qtbot, state, canvas):
    blank = state.activations[0].copy()
    with qtbot.waitSignal(state.activationsChanged):
        last = press_and_move(canvas, [canvas.pixel_center(14, c) for c in (4, 12, 23)])
    # Before release: the maps already follow the pen, and nothing is committed yet.
    assert state.image[14, 4:24].min() > 0.9 and state.image[5].max() == 0
    assert not np.allclose(state.activations[0], blank)
    assert state.undo_stack.count() == 0
    send_mouse(canvas, QEvent.MouseButtonRelease, last, Qt.LeftButton, Qt.NoButton)
    assert state.undo_stack.count() == 1
    drawn = state.image.copy()
    with qtbot.waitSignal(state.activationsChanged):
        state.undo_stack.undo()
    assert not state.image.any()
    np.testing.assert_array_equal(state.activations[0], blank)
    state.undo_stack.redo()
    np.testing.assert_array_equal(state.image, drawn)


def test_the_brush_is_soft_round_and_sized(state, canvas):
    canvas.set_brush_size(3.0)
    stroke(canvas, [(10, 10)])
    profile = state.image[10, 6:15]
    # Full ink at the centre, fading symmetrically over about a pixel at the edge.
    assert profile[4] == 1 and 0 < profile[2] < 1 and profile[0] == 0
    np.testing.assert_allclose(profile, profile[::-1], atol=1e-6)
    np.testing.assert_allclose(state.image[6:15, 10], profile, atol=1e-6)  # round
    canvas.set_brush_size(6.0)
    stroke(canvas, [(20, 20)])
    assert (state.image[15:26, 15:26] > 0.5).sum() > 2 * (state.image[5:16, 5:16] > 0.5).sum()


def test_right_button_and_the_eraser_toggle_erase(state, canvas, qtbot):
    state.set_image(np.ones((28, 28), np.float32))
    stroke(canvas, [(5, 5), (5, 20)], Qt.RightButton)
    assert state.image[5, 5:21].max() == 0 and state.image[20].min() == 1
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_E)
    assert canvas.eraser
    stroke(canvas, [(20, 5), (20, 20)])
    assert state.image[20, 5:21].max() == 0
    assert state.undo_stack.count() == 3


def test_the_pointer_becomes_an_eraser_while_the_left_button_erases(state, canvas):
    assert canvas.cursor().shape() == Qt.CrossCursor
    state.set_eraser(True)
    assert canvas.cursor().shape() == Qt.BitmapCursor
    assert not canvas.cursor().pixmap().isNull()
    state.set_eraser(False)
    assert canvas.cursor().shape() == Qt.CrossCursor


def test_bracket_keys_change_the_brush(qtbot, canvas):
    size = canvas.brush_size
    with qtbot.waitSignal(canvas.brushChanged):
        qtbot.keyClick(canvas, Qt.Key_BracketRight)
    assert canvas.brush_size > size
    qtbot.keyClick(canvas, Qt.Key_BracketLeft)
    qtbot.keyClick(canvas, Qt.Key_BracketLeft)
    assert canvas.brush_size < size


def test_escape_unpins_first_then_clears(qtbot, state, canvas):
    stroke(canvas, [(14, 4), (14, 23)])
    state.pin(Unit(0, 0, 3, 3))
    qtbot.keyClick(canvas, Qt.Key_Escape)
    assert state.pinned is None and state.image.any()
    qtbot.keyClick(canvas, Qt.Key_Escape)
    assert not state.image.any()
    state.undo_stack.undo()
    assert state.image.any()
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert not state.image.any()


def test_a_click_outside_the_image_changes_nothing(state, canvas):
    send_mouse(canvas, QEvent.MouseButtonPress, QPointF(2, 2), Qt.LeftButton, Qt.LeftButton)
    send_mouse(canvas, QEvent.MouseButtonRelease, QPointF(2, 2), Qt.LeftButton, Qt.NoButton)
    assert not state.image.any() and state.undo_stack.count() == 0


def test_input_size_change_rescales_the_canvas_and_brush(qtbot, state, canvas):
    with qtbot.waitSignal(state.networkChanged):
        state.set_layers([engine.Conv2d(4, 3, padding=1)])
    state.set_input_shape((1, 64, 64))
    assert canvas.brush_size == pytest.approx(6.4)
    rect = canvas.image_rect()
    assert rect.width() == pytest.approx(rect.height()) and rect.width() >= 64
    stroke(canvas, [(60, 60)])
    assert state.image[60, 60] == 1


# ---------------------------------------------------------------------- receptive field
def expected_window(canvas, top, left, size):
    """The widget rectangle of a size×size input window, from the drawn image's geometry."""
    rect = canvas.image_rect()
    cell = rect.width() / 28
    return QRectF(rect.left() + left * cell, rect.top() + top * cell, size * cell, size * cell)


def test_a_pinned_centre_unit_of_three_3x3_convs_draws_a_7x7_window(qtbot, canvas, state):
    state.set_network(three_convs())
    assert canvas.receptive_field_rect() is None
    with qtbot.waitSignal(state.selectionChanged):
        state.pin(Unit(2, 1, 14, 14))
    rect = canvas.receptive_field_rect()
    assert rect == expected_window(canvas, 11, 11, 7)
    assert canvas.padding_label() == ""
    # The outline is really painted there: the middle of its top and left edges.
    assert is_window_colour(painted(canvas, QPointF(rect.center().x(), rect.top())))
    assert is_window_colour(painted(canvas, QPointF(rect.left(), rect.center().y())))
    assert not is_window_colour(painted(canvas, expected_window(canvas, 5, 5, 1).center()))


def test_a_corner_unit_reaches_three_pixels_into_the_padding_and_names_it(qtbot, canvas, state):
    state.set_network(three_convs())
    state.pin(Unit(2, 0, 0, 0))
    assert canvas.receptive_field_rect() == expected_window(canvas, -3, -3, 7)
    assert canvas.padding_label() == "zeros padding"
    assert "zeros padding" in canvas.caption()
    state.set_network(three_convs(padding_mode="reflect"))
    state.pin(Unit(2, 0, 27, 27))
    assert canvas.receptive_field_rect() == expected_window(canvas, 24, 24, 7)
    assert canvas.padding_label() == "reflect padding"


def test_hovering_outlines_a_second_window_while_one_is_pinned(canvas, state):
    state.set_network(three_convs())
    state.hover(Unit(0, 0, 5, 6))
    assert canvas.receptive_field_rect() == expected_window(canvas, 4, 5, 3)  # hover alone
    assert canvas.hover_unit() is None and "hovered conv1" in canvas.caption()
    state.pin(Unit(2, 0, 14, 14))
    # The pinned unit keeps the full window (as in the inspector); the hovered one is outlined.
    assert canvas.receptive_field_rect() == expected_window(canvas, 11, 11, 7)
    hovered = canvas.receptive_field_rect(canvas.hover_unit())
    assert hovered == expected_window(canvas, 4, 5, 3)
    edge = painted(canvas, QPointF(hovered.center().x(), hovered.top()))
    assert edge.blue() > 180 and edge.blue() > edge.red() + 100
    assert "pinned conv3 · filter 1 · row 14 · col 14 sees 7×7" in canvas.caption()
    assert "blue" in canvas.caption()
    state.hover(Unit(2, 0, 14, 14))  # hovering the pinned unit adds nothing
    assert canvas.hover_unit() is None


def test_flat_layers_draw_no_window(canvas, state):
    state.pin(Unit(7, 3, 0, 0))  # dense1 sees the whole input: nothing to outline
    assert canvas.receptive_field_rect() is None


def test_dilated_kernels_mark_the_sampled_pixels(canvas, state):
    state.set_network(engine.Network((1, 28, 28), [engine.Conv2d(1, 3, dilation=3)]))
    state.pin(Unit(0, 0, 10, 10))
    assert canvas.receptive_field_rect() == expected_window(canvas, 10, 10, 7)
    sampled = expected_window(canvas, 13, 13, 1).center()  # the middle tap
    skipped = expected_window(canvas, 11, 11, 1).center()  # between taps
    assert is_window_colour(painted(canvas, sampled))
    assert not is_window_colour(painted(canvas, skipped))


def test_the_input_overlay_is_drawn_as_a_heatmap(qtbot, canvas, state):
    point = expected_window(canvas, 8, 20, 1).center()
    before = painted(canvas, point)
    overlay = np.zeros((28, 28), np.float32)
    overlay[8, 20] = 1.0
    with qtbot.waitSignal(state.overlayChanged):
        state.set_input_overlay(overlay)
    after = painted(canvas, point)
    assert after.red() > before.red() + 100
    state.set_input_overlay(None)
    assert painted(canvas, point) == before


def test_with_mnist_centring_an_inset_shows_what_the_network_sees(qtbot, canvas, state):
    assert canvas.inset_rect() is None
    image = np.zeros((28, 28), np.float32)
    image[1:9, 1:4] = 1  # a stroke in the top-left corner
    state.set_image(image)
    state.set_preprocess(True)
    state.recompute()
    inset = canvas.inset_rect()
    assert painted(canvas, inset.center()).value() > 200  # centred there ...
    assert painted(canvas, canvas.image_rect().center()).value() < 60  # ... not on the drawing


def test_with_centring_the_overlay_lies_on_the_ink_that_made_it(qtbot, canvas, state):
    """An overlay (ERF, attribution) is a heatmap over the centred input: it is drawn where that
    input came from on the drawing, as the window is, and exactly on the inset."""
    image = np.zeros((28, 28), np.float32)
    image[2:12, 3:8] = 1  # 10 × 5 in the corner: scaled ×2 and centred for the network
    state.set_image(image)
    state.set_preprocess(True)
    state.recompute()
    pixels = state.pixels[0]
    row, col = np.unravel_index(np.argmax(pixels), pixels.shape)
    overlay = np.zeros((28, 28), np.float32)
    overlay[row, col] = 1.0
    top, left, bottom, right = state.centring.to_drawing((row, col, row + 1, col + 1))
    assert image[int((top + bottom) / 2), int((left + right) / 2)] == 1  # on the ink
    ink = canvas.box_rect((top, left, bottom, right)).center()
    raw = canvas.pixel_center(row, col)  # where the input pixel would be without centring
    before = painted(canvas, ink), painted(canvas, raw)
    state.set_input_overlay(overlay)
    heat = lambda colour: colour.red() - colour.blue()  # noqa: E731 (ink and paper are grey)
    assert heat(painted(canvas, ink)) > heat(before[0]) + 60
    assert painted(canvas, raw) == before[1]
    cell = canvas.inset_rect().width() / 28
    on_inset = canvas.inset_rect().topLeft() + QPointF(col + 0.5, row + 0.5) * cell
    assert heat(painted(canvas, on_inset)) > 60


def test_it_has_the_contract_object_name(canvas):
    assert canvas.objectName() == "canvas"


def test_geometry_works_before_the_canvas_is_shown(qapp):
    widget = Canvas(AppState(three_convs()))
    assert widget.image_rect().width() > 0
    widget.deleteLater()


def test_centred_windows_are_drawn_where_they_come_from_on_the_drawing_and_on_the_inset(
        qtbot, canvas, state):
    state.set_network(three_convs())
    image = np.zeros((28, 28), np.float32)
    image[2:12, 3:8] = 1  # 10 × 5 in the corner: scaled ×2 and centred for the network
    state.set_image(image)
    state.set_preprocess(True)
    state.recompute()
    state.pin(Unit(2, 0, 14, 14))  # sees input pixels 11–17: a 7×7 window of the centred input
    centring = state.centring
    top, left, bottom, right = centring.to_drawing((11, 11, 18, 18))
    rect = canvas.receptive_field_rect()
    assert (rect.width(), rect.height()) == pytest.approx(
        (expected_window(canvas, 0, 0, 3.5).width(),) * 2)  # 7 input pixels are 3.5 drawn
    assert rect.topLeft() == canvas.box_rect((top, left, bottom, right)).topLeft()
    assert canvas.image_rect().contains(rect.center())
    assert is_window_colour(painted(canvas, QPointF(rect.center().x(), rect.top())))
    inset, window = canvas.inset_rect(), canvas.inset_window_rect()
    assert window.width() == pytest.approx(7 / 28 * inset.width())
    expected = inset.center() + QPointF(0.5, 0.5) * inset.width() / 28  # pixel 14's centre
    assert window.center().toTuple() == pytest.approx(expected.toTuple())
    assert is_window_colour(painted(canvas, QPointF(window.center().x(), window.top())))
    assert "sees 7×7 pixels of the centred input" in canvas.caption()


def test_the_inset_and_its_label_are_whole_beside_the_drawing(canvas, state):
    state.set_preprocess(True)
    state.recompute()
    inset, label, image = canvas.inset_rect(), canvas.inset_label_rect(), canvas.image_rect()
    assert canvas.rect().contains(label.toRect()) and canvas.rect().contains(inset.toRect())
    assert not inset.intersects(image) and not label.intersects(image)
    metrics = canvas.fontMetrics()
    assert label.width() >= max(metrics.horizontalAdvance(t) for t in ("network sees", "(centred)"))

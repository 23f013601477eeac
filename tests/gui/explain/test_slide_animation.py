"""The sliding-kernel animation: stride steps, the padding ring, the output filling in."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle, QTabWidget

import engine
from gui.state import AppState, Unit
from gui.explain.slide_animation import SlideAnimation


def _animation(qtbot, layers, size=8):
    state = AppState(engine.Network((1, size, size), layers, seed=2))
    image = np.zeros((size, size), np.float32)
    image[1:-1, size // 2] = 1.0
    state.show_image(image)
    state.recompute()
    widget = SlideAnimation(state)
    qtbot.addWidget(widget)
    return widget


def _filled(widget):
    """How many output units are drawn (opaque) so far."""
    return int((widget.output_panel.image.image[..., 3] > 0).sum())


def test_only_conv_and_pool_layers_can_slide(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(2, 3), engine.ReLU(), engine.MaxPool2d(2),
                                engine.Flatten(), engine.Dense(3)])
    assert widget.layers == [0, 2]
    assert [widget.layer_box.itemText(i) for i in range(2)] == ["conv1: conv 3×3 s1 p0",
                                                                "pool1: max pool 2×2 s2"]
    assert widget.layer == 0 and widget.position == -1 and widget.unit is None


def test_steps_move_the_window_by_the_stride_and_pin_each_unit(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(2, 3, stride=2, padding=1)])
    state = widget.state
    assert widget.window_box is None and _filled(widget) == 0
    boxes = []
    for position in range(6):
        with qtbot.waitSignal(state.selectionChanged):
            qtbot.mouseClick(widget.step_button, Qt.LeftButton)
        assert state.pinned == widget.unit == Unit(0, 0, *divmod(position, 4))
        rf = state.network.receptive_field(0, state.pinned.row, state.pinned.col)
        assert widget.window_box == rf.input_box
        assert _filled(widget) == position + 1
        boxes.append(widget.window_box)
    assert boxes[:3] == [(-1, -1, 2, 2), (-1, 1, 2, 4), (-1, 3, 2, 6)]
    assert boxes[4] == (1, -1, 4, 2)  # the second output row starts one stride further down
    qtbot.mouseClick(widget.step_back_button, Qt.LeftButton)
    assert widget.position == 4 and _filled(widget) == 5
    assert "row 1, col 0" in widget.status.text()


def test_a_deeper_layer_slides_over_its_own_input_map(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(2, 3, padding=1), engine.ReLU(),
                                engine.AvgPool2d(2, padding=1)])
    widget.set_layer(2)
    widget.channel_box.setValue(2)
    widget.set_position(7)
    unit = widget.state.pinned
    assert unit == Unit(2, 1, 1, 2)
    rf = widget.state.network.receptive_field(2, unit.row, unit.col)
    assert widget.window_box == rf.layer_boxes[1]
    assert widget.input_channel == 1 and not widget.input_channel_box.isEnabled()
    assert "zeros, counted" in widget.input_panel.label.text


def test_padding_ring_is_drawn_around_the_image(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(1, 3, padding=((1, 2), (0, 1)),
                                              padding_mode="reflect")])
    assert sorted(widget.padding_rects()) == sorted([
        (0, -1, 9, 1), (0, 8, 9, 2), (8, 0, 1, 8)])  # top, bottom, right (no left padding)
    assert widget.image_framed
    assert "padding 1,2,0,1 (reflect)" in widget.input_panel.label.text
    widget.state.set_layers([engine.Conv2d(1, 3)])
    widget.state.recompute()
    assert widget.padding_rects() == [] and "no padding" in widget.input_panel.label.text


def test_stride_padding_and_dilation_changes_show_up_at_once(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(1, 3, padding=1)])
    state = widget.state
    widget.set_position(1)
    assert widget.window_box == (-1, 0, 2, 3)
    with qtbot.waitSignal(state.activationsChanged):
        state.set_layers([engine.Conv2d(1, 3, stride=2, padding=2, dilation=2)])
    assert widget.position == 1 and widget.layer == 0
    assert widget.window_box == (-2, 0, 3, 5)  # col 1 · stride 2 − padding 2, 5 wide dilated
    assert widget.tap_centres() == sorted(
        (c + 0.5, r + 0.5) for r in (-2, 0, 2) for c in (0, 2, 4))
    assert _filled(widget) == 2


def test_play_fills_the_map_and_stops_at_the_last_unit(qtbot):
    widget = _animation(qtbot, [engine.MaxPool2d(2)], size=4)
    widget.set_speed(60)
    assert widget.timer.interval() == round(1000 / 60)
    widget.play()
    assert widget.is_playing and widget.play_button.text() == "Pause"
    paused = widget.style().standardIcon(QStyle.SP_MediaPause).pixmap(16).toImage()
    assert widget.play_button.icon().pixmap(16).toImage() == paused  # not a glyph a font lacks
    qtbot.waitUntil(lambda: not widget.is_playing, timeout=3000)
    assert widget.position == 3 and _filled(widget) == 4
    assert widget.state.pinned == Unit(0, 0, 1, 1)
    widget.play()  # from the end it starts over
    with qtbot.waitSignal(widget.state.selectionChanged):
        pass
    widget.pause()
    assert not widget.is_playing and widget.position < 3


def test_pinning_a_unit_elsewhere_moves_the_animation_there(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(3, 3)])
    widget.state.pin(Unit(0, 2, 3, 4))
    assert widget.position == 3 * 6 + 4 and widget.channel == 2
    assert widget.window_box == (3, 4, 6, 7)
    widget.step()
    assert widget.state.pinned == Unit(0, 2, 3, 5)


def test_a_network_without_conv_or_pool_disables_the_animation(qtbot):
    widget = _animation(qtbot, [engine.Conv2d(1, 3)])
    widget.state.set_layers([engine.Flatten(), engine.Dense(3)])
    widget.state.recompute()
    assert widget.layer is None and not widget.isEnabled()
    assert widget.status.text() == "This network has no conv or pool layer to animate."
    widget.step()
    assert widget.state.pinned is None


@pytest.mark.parametrize("layer", [engine.Conv2d(1, 3, padding=1), engine.MaxPool2d(3, 2, 1)])
def test_grab_renders(qtbot, shown, layer):
    widget = shown(_animation(qtbot, [layer]), 640, 400)
    widget.step()
    image = widget.grab().toImage()
    assert image.width() == 640 and len({image.pixel(x, 200) for x in range(0, 640, 8)}) > 3


def test_behind_another_tab_it_redraws_only_when_shown(qtbot, shown):
    widget = _animation(qtbot, [engine.Conv2d(2, 3, padding=1)])
    state = widget.state
    tabs = shown(QTabWidget(), 600, 300)
    tabs.addTab(QLabel("front"), "front")
    tabs.addTab(widget, "slide")
    widget.set_position(10)
    drawn = [panel.image.image.copy() for panel in (widget.input_panel, widget.output_panel)]
    state.show_image(np.ones((8, 8), np.float32))
    state.recompute()
    for panel, before in zip((widget.input_panel, widget.output_panel), drawn):
        np.testing.assert_array_equal(panel.image.image, before)  # hidden: not redrawn
    tabs.setCurrentWidget(widget)
    reference = SlideAnimation(state)  # never shown: draws the new maps at once
    qtbot.addWidget(reference)
    reference.set_position(10)
    for panel, expected in zip((widget.input_panel, widget.output_panel),
                               (reference.input_panel, reference.output_panel)):
        np.testing.assert_array_equal(panel.image.image, expected.image.image)
    assert not np.array_equal(widget.output_panel.image.image, drawn[1])
    widget.setParent(None)  # qtbot closes it on its own


def test_a_colour_input_is_named_by_its_colour(qtbot):
    state = AppState(engine.Network((3, 8, 8), [engine.Conv2d(2, 3, padding=1)], seed=2))
    widget = SlideAnimation(state)
    qtbot.addWidget(widget)
    widget.input_channel_box.setValue(3)
    assert widget.input_panel.label.text.startswith("input B · 8×8")


def test_transposed_conv_slides_over_its_input_with_zeros_inserted_and_padded(qtbot):
    widget = _animation(qtbot, [engine.ConvTranspose2d(1, 3, stride=2, padding=1,
                                                       output_padding=1)], size=4)
    state = widget.state
    assert widget.layers == [0] and widget.output_hw == (8, 8)
    widget.set_position(8 * 2 + 3)  # row 2, col 3
    assert state.pinned == Unit(0, 0, 2, 3)
    # 4 pixels with one zero between neighbours: 7 wide; padded by d(k − 1) − p = 1 before and
    # 1 + output_padding = 2 after: 10, and a 3×3 stride-1 window gives 8 outputs
    picture = widget.input_panel.image.image
    assert picture.shape[:2] == (10, 10)
    assert widget.window_box == (1, 2, 4, 5)  # stride 1: the window is at the unit, less the padding
    image = state.model_input
    gray = picture[1:8:2, 1:8:2, 0]  # the real pixels sit every other cell, after the padding
    np.testing.assert_array_equal(gray > 0, image[0] > 0)
    assert (picture[2:8:2, :, 0] == 0).all()  # the inserted rows are zeros
    assert "zeros inserted" in widget.input_panel.label.text
    assert "stride − 1 zeros between the input pixels" in widget.status.text()

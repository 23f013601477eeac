"""gui.drawing.draw_tools: the brush, eraser, clear and sample controls, both ways through state."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from gui.app import dark_palette
from gui.drawing.draw_tools import DrawTools
from gui.drawing.samples import qimage_to_array, sample_digit


@pytest.fixture
def tools(qtbot, state):
    widget = DrawTools(state)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_brush_controls_follow_the_state(tools, state):
    state.set_brush_size(5.0)
    assert tools.brush.value() == 5.0
    state.set_eraser(True)
    assert tools.eraser.isChecked()
    state.set_input_shape((1, 64, 64))  # a new input size resets the brush to its default
    assert tools.brush.value() == pytest.approx(6.4) and tools.brush.maximum() == 32


def test_the_brush_controls_set_the_state(qtbot, tools, state):
    with qtbot.waitSignal(state.brushChanged):
        tools.brush.setValue(4.5)
    assert state.brush_size == 4.5
    qtbot.mouseClick(tools.eraser, Qt.LeftButton)
    assert state.eraser
    qtbot.mouseClick(tools.eraser, Qt.LeftButton)
    assert not state.eraser


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_checked_eraser_looks_clearly_different(tools, state, theme):
    if theme == "dark":
        tools.setPalette(dark_palette())

    def mean_colour():
        image = tools.eraser.grab().toImage().convertToFormat(QImage.Format_RGB888)
        return qimage_to_array(image).reshape(3, -1).mean(axis=1) * 255

    unchecked = mean_colour()
    state.set_eraser(True)
    checked = mean_colour()
    # summed over R, G, B: the style's sunken look alone differs by 27 (dark) and 60 (light)
    assert np.abs(checked - unchecked).sum() > 120
    state.set_eraser(False)
    assert np.abs(mean_colour() - unchecked).sum() < 3


def test_a_sample_button_draws_the_sample_as_one_undo_step(qtbot, tools, state):
    with qtbot.waitSignal(tools.sampleDrawn) as drawn:
        qtbot.mouseClick(tools.sample_buttons[7], Qt.LeftButton)
    assert drawn.args == [7]
    np.testing.assert_array_equal(state.image, sample_digit(7, (28, 28)))
    assert state.undo_stack.count() == 1
    qtbot.mouseClick(tools.clear_button, Qt.LeftButton)
    assert not state.image.any() and state.undo_stack.count() == 2

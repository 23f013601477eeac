"""Fields in the real window: Ctrl+Z right after an edit undoes the app's step (typed text not yet
committed is undone as text), and the wheel over a field not clicked into scrolls the panel."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QScrollArea,
                               QSpinBox, QWidget)

import engine
from gui.editors.kernel_editor import KernelEditor
from gui.history_action import HistoryAction
from gui.training.training_dialog import TrainingDialog
from tests.gui.keyboard import type_and_enter, type_text

UNDO = (Qt.Key_Z, Qt.ControlModifier)
REDO_KEYS = [(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier), (Qt.Key_Y, Qt.ControlModifier)]


@pytest.fixture
def window(qtbot, main_window, state):
    """The main window, active (so keys reach its focus widget), conv1 selected."""
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    state.select_layer(0)
    return main_window


def editor_field(window, name):
    return window.findChild(QWidget, "layerEditor").fields[name]


def press(qtbot, keys):
    """Press ``keys`` as the keyboard does: on the focused widget, through the shortcut map."""
    qtbot.keyClick(QApplication.focusWidget(), *keys)


def undo_action(window):
    return next(a for a in window.findChildren(HistoryAction) if a.shortcut() == QKeySequence("Ctrl+Z"))


def kernel_weights(state):
    return state.network.params[0]["weight"]


@pytest.mark.parametrize("name, typed", [("stride", "2"), ("kernel_size", "3"),
                                         ("out_channels", "6")])
def test_ctrl_z_right_after_a_typed_setting_undoes_the_edit(qtbot, window, state, name, typed):
    state.set_layers([engine.Conv2d(8, 5, padding=2)] + list(state.network.layers[1:]))
    field = editor_field(window, name)
    old_text = field.text()
    field.setFocus()
    before = list(state.network.layers)
    type_and_enter(qtbot, field, typed)
    edited = list(state.network.layers)
    assert getattr(edited[0], name) == int(typed) and QApplication.focusWidget() is field
    press(qtbot, UNDO)
    assert state.network.layers == before and field.text() == old_text
    for redo, undo in zip(REDO_KEYS, [UNDO, None]):
        press(qtbot, redo)
        assert state.network.layers == edited and field.text() == typed
        if undo:
            press(qtbot, undo)


def test_ctrl_z_right_after_a_chosen_padding_undoes_the_edit(qtbot, window, state):
    padding = editor_field(window, "padding")
    padding.setFocus()
    before = list(state.network.layers)
    type_and_enter(qtbot, padding, "0")
    assert state.network.layers[0].padding == 0 and QApplication.focusWidget() is padding
    press(qtbot, UNDO)
    assert state.network.layers == before and padding.currentText() == "same"


def test_ctrl_z_after_a_refused_setting_takes_back_only_that(qtbot, window, state):
    """The refused stride never reached the network: Ctrl+Z drops it, and the kernel size typed
    before it stays until the next Ctrl+Z."""
    kernel_size, stride = editor_field(window, "kernel_size"), editor_field(window, "stride")
    kernel_size.setFocus()
    type_and_enter(qtbot, kernel_size, "3")
    stride.setFocus()
    type_and_enter(qtbot, stride, "2")  # "same" padding needs stride 1
    undo = undo_action(window)
    assert state.edit_refused and stride.property("invalid") and stride.value() == 2
    assert undo.isEnabled() and undo.text() == "&Undo refused edit"
    press(qtbot, UNDO)
    assert not state.edit_refused and not stride.property("invalid") and stride.value() == 1
    assert state.network.layers[0].kernel_size == 3 and undo.text() == "&Undo Edit conv1"
    press(qtbot, UNDO)
    assert state.network.layers[0].kernel_size == 5 and kernel_size.value() == 5


def test_one_ctrl_z_takes_back_an_unreadable_padding(qtbot, window, state):
    padding = editor_field(window, "padding")
    padding.setFocus()
    type_and_enter(qtbot, padding, "lots")
    assert state.edit_refused and padding.property("invalid")
    press(qtbot, UNDO)
    assert not state.edit_refused and not padding.property("invalid")
    assert padding.currentText() == "same"


def test_ctrl_z_after_a_kernel_cell_and_enter_restores_the_weight(qtbot, window, state):
    grid = window.findChild(KernelEditor, "kernelEditor").grid
    cell = grid.cells[0][0]
    old_weight, old_text = kernel_weights(state)[0, 0, 0, 0], cell.text()
    cell.setFocus()
    type_and_enter(qtbot, cell, "-0.5")
    assert kernel_weights(state)[0, 0, 0, 0] == -0.5
    assert QApplication.focusWidget() is grid.cells[0][1]  # the next cell is open for typing
    press(qtbot, UNDO)
    assert kernel_weights(state)[0, 0, 0, 0] == old_weight and cell.text() == old_text
    press(qtbot, REDO_KEYS[0])
    assert kernel_weights(state)[0, 0, 0, 0] == -0.5


def test_typed_text_not_yet_committed_is_undone_and_redone_as_text(qtbot, window, state):
    grid = window.findChild(KernelEditor, "kernelEditor").grid
    state.set_param(0, "bias", np.ones(8))
    state.undo()  # a step to redo, which the redo keys must leave alone here
    cell = grid.cells[1][1]
    cell.setFocus()
    weights, text, steps = kernel_weights(state).copy(), cell.text(), state.undo_stack.index()
    cell.selectAll()
    type_text(qtbot, cell, "0.9")
    press(qtbot, UNDO)
    assert cell.text() == text
    assert state.undo_stack.index() == steps
    np.testing.assert_array_equal(kernel_weights(state), weights)
    for redo in REDO_KEYS:
        press(qtbot, redo)
        assert cell.text() == "0.9" and state.undo_stack.index() == steps
        press(qtbot, UNDO)
    stride = editor_field(window, "stride")
    stride.setFocus()
    stride.lineEdit().selectAll()
    type_text(qtbot, stride.lineEdit(), "3")
    press(qtbot, UNDO)
    assert stride.text() == "1" and state.undo_stack.index() == steps


def wheel(field, notches):
    """A wheel turn of ``notches`` (up is positive) with the pointer on the middle of ``field``."""
    centre = QPoint(field.width() // 2, field.height() // 2)
    event = QWheelEvent(QPointF(centre), QPointF(field.mapToGlobal(centre)), QPoint(),
                        QPoint(0, 120 * notches), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase,
                        False)
    QApplication.sendEvent(field, event)


def test_the_wheel_over_a_field_not_clicked_into_scrolls_the_panel(qtbot, window, state):
    window.resize(1066, 675)
    qtbot.waitUntil(lambda: window.width() == 1066)
    kernel_size = editor_field(window, "kernel_size")
    bar = window.docks["layersDock"].findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0  # the editor is taller than its dock
    assert not kernel_size.hasFocus()
    layers = list(state.network.layers)
    wheel(kernel_size, -1)
    assert kernel_size.value() == 5 and state.network.layers == layers
    assert bar.value() > 0
    kernel_size.setFocus()
    wheel(kernel_size, 1)
    assert kernel_size.value() == 6 and state.network.layers[0].kernel_size == 6


def test_fields_of_other_windows_keep_their_wheel(qtbot, window):
    """Qt's dialogs and pyqtgraph's menus have no page that scrolls: their fields are left be."""
    other = QSpinBox(maximum=9)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    assert other.focusPolicy() == Qt.WheelFocus and not other.hasFocus()
    wheel(other, 1)
    assert other.value() == 1


def test_the_windows_own_dialogs_are_guarded_too(qtbot, window):
    window.show_training()
    dialog = window.findChild(TrainingDialog)
    qtbot.waitExposed(dialog)
    epochs = next(field for field in dialog.findChildren(QSpinBox) if field.isVisible())
    value = epochs.value()
    assert epochs.focusPolicy() != Qt.WheelFocus and not epochs.hasFocus()
    wheel(epochs, 1)
    assert epochs.value() == value
    dialog.close()


def test_fields_take_focus_by_click_or_tab_not_by_the_wheel(window):
    fields = [field for field in window.findChildren(QWidget)
              if isinstance(field, (QAbstractSpinBox, QComboBox)) and field.isVisible()]
    assert any(isinstance(field, QSpinBox) for field in fields)
    assert all(field.focusPolicy() != Qt.WheelFocus for field in fields)

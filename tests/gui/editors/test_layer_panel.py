"""The layer list: what it shows, and adding, removing and reordering layers through it."""

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

import engine
from gui.editors.layer_panel import LayerPanel
from gui.state import AppState
from tests.gui.fit import text_problems


@pytest.fixture
def panel(state, shown):
    return shown(LayerPanel(state), 420, 720)


def click_row(qtbot, panel, row):
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.LeftButton, pos=rect.center())


def kinds(state):
    return [spec.kind for spec in state.network.layers]


def test_rows_show_name_settings_and_output_shape(panel):
    assert panel.objectName() == "layers"
    assert panel.list.count() == 11
    assert panel.list.item(0).text() == "conv1  conv 5×5 s1 same → 8×28×28"
    assert panel.list.item(2).text() == "pool1  max pool 2×2 s2 → 8×14×14"
    assert panel.list.item(6).text() == "flatten1  flatten → 784"
    assert "multiply-adds" in panel.list.item(0).toolTip()


def test_clicking_a_row_selects_the_layer_and_back(qtbot, panel, state):
    with qtbot.waitSignal(state.layerSelected) as selected:
        click_row(qtbot, panel, 3)
    assert selected.args == [3] and state.selected_layer == 3
    state.select_layer(5)
    assert panel.list.currentRow() == 5


def test_add_inserts_after_the_selection_and_selects_it(qtbot, panel, state):
    click_row(qtbot, panel, 2)
    before = state.activations
    with qtbot.waitSignal(state.activationsChanged):
        next(a for a in panel.add_menu.actions() if a.text() == "Convolution").trigger()
    assert kinds(state)[3] == "conv2d" and len(state.network.layers) == 12
    assert panel.list.count() == 12 and state.selected_layer == 3
    assert panel.list.item(3).text().startswith("conv2  conv 3×3 s1 p1 → 8×14×14")
    assert len(state.activations) == len(before) + 1
    state.undo_stack.undo()
    assert len(state.network.layers) == 11 and panel.list.count() == 11


def test_every_menu_entry_adds_its_kind(qtbot):
    state = AppState(engine.Network((1, 8, 8), [engine.Conv2d(2, 3, padding=1)]))
    panel = LayerPanel(state)
    qtbot.addWidget(panel)
    state.select_layer(0)
    for action in panel.add_menu.actions():  # in menu order the layers make a valid network
        action.trigger()
        assert not panel.error_label.isVisible(), panel.error_label.text()
    assert kinds(state) == ["conv2d", "conv2d", "conv_transpose2d", "maxpool2d", "avgpool2d",
                            "batchnorm2d", "relu", "leaky_relu", "sigmoid", "tanh", "dropout",
                            "flatten", "dense", "softmax"]
    assert panel.list.count() == 14 and state.selected_layer == 13


def test_remove_button_deletes_the_selected_layer(qtbot, panel, state):
    click_row(qtbot, panel, 1)
    with qtbot.waitSignal(state.activationsChanged):
        qtbot.mouseClick(panel.remove_button, Qt.LeftButton)
    assert kinds(state)[:3] == ["conv2d", "maxpool2d", "conv2d"]
    assert panel.list.count() == 10 and state.selected_layer == 1
    assert panel.list.item(1).text().startswith("pool1")
    state.undo_stack.undo()
    assert kinds(state)[1] == "relu"


def test_move_buttons_swap_neighbours(qtbot, panel, state):
    click_row(qtbot, panel, 1)
    qtbot.mouseClick(panel.down_button, Qt.LeftButton)
    assert kinds(state)[:3] == ["conv2d", "maxpool2d", "relu"] and state.selected_layer == 2
    qtbot.mouseClick(panel.up_button, Qt.LeftButton)
    qtbot.mouseClick(panel.up_button, Qt.LeftButton)
    assert kinds(state)[:3] == ["relu", "conv2d", "maxpool2d"] and state.selected_layer == 0
    assert not panel.up_button.isEnabled()


def test_moving_keeps_the_weights_of_the_moved_layers(qtbot, panel, state):
    conv2 = state.network.params[3]["weight"].copy()
    click_row(qtbot, panel, 3)
    qtbot.mouseClick(panel.up_button, Qt.LeftButton)
    assert kinds(state)[2] == "conv2d"
    np.testing.assert_array_equal(state.network.params[2]["weight"], conv2)


def test_dropping_a_row_reorders_the_network(qtbot, panel, state):
    # What a drag-and-drop does to the model of an InternalMove list (a QDrag cannot be driven
    # offscreen): move row 1 (relu1) to just before row 3 (conv2).
    with qtbot.waitSignal(state.networkChanged):
        assert panel.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 3)
    assert kinds(state)[:4] == ["conv2d", "maxpool2d", "relu", "conv2d"]
    assert [panel.list.item(i).text().split()[0] for i in range(3)] == ["conv1", "pool1", "relu1"]


def test_a_refused_change_keeps_the_network_and_says_why(qtbot, panel, state):
    click_row(qtbot, panel, 7)  # dense1: its input is a flat list
    network, maps = state.network, state.activations
    next(a for a in panel.add_menu.actions() if a.text() == "Max pool").trigger()
    assert state.network is network and state.activations is maps
    assert panel.list.count() == 11
    assert panel.error_label.isVisible()
    assert "layer 9" in panel.error_label.text() and "flat" in panel.error_label.text()
    click_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.down_button, Qt.LeftButton)
    assert not panel.error_label.isVisible()


def test_a_refused_drop_restores_the_rows(qtbot, panel, state):
    network = state.network
    panel.list.model().moveRow(QModelIndex(), 10, QModelIndex(), 0)  # softmax first: fine
    qtbot.waitUntil(lambda: state.network is not network)
    network = state.network
    panel.list.model().moveRow(QModelIndex(), 7, QModelIndex(), 0)  # flatten before conv1
    qtbot.waitUntil(lambda: panel.list.item(0).text().startswith("softmax") and
                    panel.error_label.isVisible())
    assert state.network is network


def test_delete_in_the_list_removes_the_selected_layer(qtbot, panel, state):
    click_row(qtbot, panel, 1)
    qtbot.keyClick(panel.list, Qt.Key_Delete)
    assert kinds(state)[:2] == ["conv2d", "maxpool2d"] and len(kinds(state)) == 10


def test_the_buttons_stay_put_and_the_form_is_never_squeezed(qtbot, panel, state):
    buttons = (panel.add_button, panel.remove_button, panel.up_button, panel.down_button)
    where = None
    for layer in (0, 1, 2, 6, 7, 10):  # forms of every height
        state.select_layer(layer)
        qtbot.wait(1)
        now = [button.mapTo(panel, QPoint(0, 0)) for button in buttons]
        assert where is None or now == where, f"layer {layer}"
        where = now
        assert text_problems(panel) == [], f"layer {layer}"
    state.select_layer(6)  # flatten: its size arithmetic shows
    qtbot.wait(1)
    formula = panel.editor.formula
    assert formula.text() == "16 · 7 · 7 = 784 numbers in one list"
    assert formula.isVisible() and formula.height() >= formula.fontMetrics().height()
    state.select_layer(0)
    panel.editor.fields["stride"].setValue(40)  # refused, with a long reason
    qtbot.wait(1)
    assert panel.editor.error.isVisible()
    assert text_problems(panel) == []
    assert all(button.mapTo(panel, QPoint(0, 0)) == point for button, point in zip(buttons, where))


def test_activation_rows_in_chinese_name_the_kind_as_the_add_menu_does(panel, chinese):
    # ReLU and Softmax stay in Latin letters (see the glossary), written as their kinds' titles
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert rows[1] == "relu1  ReLU → 8×28×28" and rows[10] == "softmax1  Softmax → 10"
    assert rows[6] == "flatten1  展平 → 784"
    panel.add_menu.aboutToShow.emit()  # as when it opens: listed in the language of the moment
    titles = {a.text() for a in panel.add_menu.actions()}
    assert {"ReLU", "Softmax"} <= titles

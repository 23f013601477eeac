"""The layer editor: typed settings reach the network, refusals stay local and visible."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt

import engine
from gui.editors.layer_editor import LayerEditor
from gui.state import AppState
from tests.gui.keyboard import type_and_enter


@pytest.fixture
def editor(state, shown):
    state.select_layer(0)
    return shown(LayerEditor(state), 420, 560)


def tick(qtbot, checkbox):
    """Click the box of ``checkbox`` (its row is wider than its text)."""
    qtbot.mouseClick(checkbox, Qt.LeftButton, pos=QPoint(8, checkbox.height() // 2))


def conv1(state):
    return state.network.layers[0]


def test_shows_the_selected_layer(editor, state):
    assert editor.fields["out_channels"].value() == 8
    assert editor.fields["kernel_size"].value() == 5
    assert editor.fields["padding"].currentText() == "same"
    assert editor.formula.text() == "height and width: ⌊(28 + 2·2 − 5) / 1⌋ + 1 = 28"
    assert editor.fields["stride"].isVisible() and not editor.fields["out_features"].isVisible()
    state.select_layer(2)
    assert editor.fields["pool_kind"].currentText() == "max"
    assert not editor.fields["dilation"].isVisible()
    assert editor.formula.text() == "height and width: ⌊(28 − 2) / 2⌋ + 1 = 14"


def test_every_field_and_label_explains_itself(editor):
    for name, widget in editor.fields.items():
        assert len(widget.toolTip()) > 30, name
    for name, row in editor.rows.items():
        assert editor.form.labelForField(row).toolTip() == editor.fields[name].toolTip()


def test_typed_settings_reach_the_network_and_the_formula(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["padding"], "2")
    assert conv1(state).padding == 2
    with qtbot.waitSignal(state.activationsChanged):
        type_and_enter(qtbot, editor.fields["stride"], "2")
    assert conv1(state).stride == 2 and state.network.shapes[0] == (8, 14, 14)
    assert state.activations[0].shape == (8, 14, 14)
    assert editor.formula.text().startswith("height and width: ⌊(28 + 2·2 − 5) / 2⌋ + 1 = 14")
    assert "27 / 2 is not whole" in editor.formula.text()
    type_and_enter(qtbot, editor.fields["out_channels"], "12")
    assert state.network.shapes[0] == (12, 14, 14)


def test_dilation_uses_the_general_formula(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["padding"], "4")
    type_and_enter(qtbot, editor.fields["dilation"], "2")
    assert conv1(state).dilation == 2 and state.network.shapes[0] == (8, 28, 28)
    assert editor.formula.text() == "height and width: ⌊(28 + 2·4 − 2·(5 − 1) − 1) / 1⌋ + 1 = 28"


def test_causal_padding_per_side(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["padding"], "(4, 0), (4, 0)")
    assert conv1(state).padding == ((4, 0), (4, 0))
    assert editor.formula.text() == "height and width: ⌊(28 + 4 + 0 − 5) / 1⌋ + 1 = 28"


def assert_refused(editor, state, field, network, maps, reason):
    assert state.network is network and state.activations is maps
    assert reason in editor.error.text() and editor.error_box.isVisible()
    assert editor.fields[field].property("invalid") is True


def test_stride_zero_is_refused_in_red_and_keeps_the_maps(qtbot, editor, state):
    state.recompute()
    network, maps, first = state.network, state.activations, state.activations[0].copy()
    type_and_enter(qtbot, editor.fields["padding"], "2")
    network, maps = state.network, state.activations
    type_and_enter(qtbot, editor.fields["stride"], "0")
    assert_refused(editor, state, "stride", network, maps, "stride must be at least 1")
    assert editor.fields["stride"].value() == 0  # the typed value stays, to be corrected
    np.testing.assert_array_equal(state.activations[0], first)
    type_and_enter(qtbot, editor.fields["stride"], "1")
    assert not editor.error_box.isVisible() and not editor.fields["stride"].property("invalid")


def test_a_kernel_larger_than_the_padded_input_is_explained(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["padding"], "0")
    network, maps = state.network, state.activations
    type_and_enter(qtbot, editor.fields["kernel_size"], "31")
    assert_refused(editor, state, "kernel_size", network, maps, "smaller than the kernel")
    assert editor.formula.text().endswith("⌊(28 − 31) / 1⌋ + 1 = −2")


def test_refused_edit_can_be_reverted_or_undone(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["stride"], "2")  # "same" only works at stride 1
    assert "same" in editor.error.text() and conv1(state).stride == 1 and state.edit_refused
    qtbot.mouseClick(editor.revert_button, Qt.LeftButton)
    assert editor.fields["stride"].value() == 1 and not editor.error_box.isVisible()
    assert not state.edit_refused
    type_and_enter(qtbot, editor.fields["kernel_size"], "3")
    type_and_enter(qtbot, editor.fields["stride"], "0")
    assert editor.error_box.isVisible()
    state.undo()  # the refused stride, not the kernel size before it
    assert conv1(state).kernel_size == 3 and editor.fields["kernel_size"].value() == 3
    assert editor.fields["stride"].value() == 1 and not editor.error_box.isVisible()
    assert not editor.fields["stride"].property("invalid")
    state.undo()
    assert conv1(state).kernel_size == 5 and editor.fields["kernel_size"].value() == 5


def test_a_refused_edit_ends_with_any_later_step_or_when_typed_back(qtbot, editor, state):
    def refused():
        return state.edit_refused and editor.fields["stride"].property("invalid") is True

    type_and_enter(qtbot, editor.fields["kernel_size"], "3")
    state.undo()
    type_and_enter(qtbot, editor.fields["stride"], "0")
    assert refused()
    state.redo()  # the redone kernel size is now the last step: Undo takes it back
    assert not refused() and conv1(state).kernel_size == 3
    assert editor.fields["stride"].value() == 1 and editor.fields["kernel_size"].value() == 3
    type_and_enter(qtbot, editor.fields["stride"], "0")
    type_and_enter(qtbot, editor.fields["stride"], "1")  # back as the network has it
    assert not refused() and not editor.error_box.isVisible()
    type_and_enter(qtbot, editor.fields["stride"], "0")
    weight = state.network.params[0]["weight"].copy()
    weight[0, 0, 0, 0] = np.inf
    assert state.set_param(0, "weight", weight)  # another refusal meanwhile
    assert refused()
    qtbot.mouseClick(editor.revert_button, Qt.LeftButton)
    assert not refused() and editor.fields["stride"].value() == 1
    assert not editor.error_box.isVisible()


def test_a_refused_edit_is_dropped_when_another_layer_is_chosen(qtbot, editor, state):
    type_and_enter(qtbot, editor.fields["padding"], "lots")  # refused by the editor itself
    assert state.edit_refused and editor.error_box.isVisible()
    state.select_layer(2)
    state.select_layer(0)
    assert not state.edit_refused and editor.fields["padding"].currentText() == "same"
    assert not editor.error_box.isVisible()


def test_unreadable_padding_is_refused_before_the_engine(qtbot, editor, state):
    network = state.network
    type_and_enter(qtbot, editor.fields["padding"], "lots")
    assert state.network is network and "(top, bottom)" in editor.error.text()


def test_pool_kind_and_ceil_mode(qtbot, editor, state):
    state.select_layer(2)
    editor.fields["pool_kind"].setCurrentText("average")
    assert isinstance(state.network.layers[2], engine.AvgPool2d)
    assert editor.fields["count_include_pad"].isVisible()
    type_and_enter(qtbot, editor.fields["kernel_size"], "3")
    assert editor.fields["stride"].text() == "same as the window"
    assert state.network.shapes[2] == (8, 9, 9)
    tick(qtbot, editor.fields["ceil_mode"])
    assert state.network.layers[2].ceil_mode and state.network.shapes[2] == (8, 10, 10)
    assert "⌈(28 − 3) / 3⌉ + 1 = 10" in editor.formula.text()


def test_activation_kind_and_slope(qtbot, editor, state):
    state.select_layer(1)
    assert not editor.fields["negative_slope"].isVisible()
    editor.fields["activation"].setCurrentText("Leaky ReLU")
    assert isinstance(state.network.layers[1], engine.LeakyReLU)
    type_and_enter(qtbot, editor.fields["negative_slope"], "0.2")
    assert state.network.layers[1].negative_slope == pytest.approx(0.2)


def test_dense_units_and_flip(qtbot, editor, state):
    state.select_layer(7)
    type_and_enter(qtbot, editor.fields["out_features"], "32")
    assert state.network.shapes[7] == (32,)
    assert editor.formula.text() == "32 × 784 weights + 32 biases = 25,120 parameters"
    state.select_layer(0)
    tick(qtbot, editor.fields["flip"])
    assert conv1(state).flip and "true convolution" in editor.flip_note.text()


def test_non_square_settings_survive_other_edits(qtbot, state):
    state.set_layers([engine.Conv2d(4, (3, 5), padding=(1, 2))] + state.network.layers[1:])
    state.select_layer(0)
    editor = LayerEditor(state)
    qtbot.addWidget(editor)
    type_and_enter(qtbot, editor.fields["out_channels"], "6")
    assert conv1(state) == engine.Conv2d(6, (3, 5), padding=(1, 2))
    assert editor.formula.text().split("\n") == ["height: ⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28",
                                                 "width: ⌊(28 + 2·2 − 5) / 1⌋ + 1 = 28"]


def test_a_hidden_field_losing_focus_is_not_an_edit(qtbot, editor, state):
    padding = editor.fields["padding"].lineEdit()
    qtbot.keyClicks(padding, "9")  # typed, not committed, then another layer is picked
    state.select_layer(1)
    network = state.network
    padding.editingFinished.emit()
    editor.fields["stride"].valueChanged.emit(3)
    assert state.network is network and not editor.error_box.isVisible()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from([0, 2, 3]),
                          st.sampled_from(["kernel_size", "stride", "dilation", "out_channels"]),
                          st.integers(0, 40)), min_size=1, max_size=8))
def test_any_sequence_of_edits_leaves_a_working_network(qtbot, edits):
    state = AppState(engine.default_digit_network())
    editor = LayerEditor(state)
    qtbot.addWidget(editor)
    for layer, name, value in edits:
        state.select_layer(layer)
        field = editor.fields[name]
        if field.isVisibleTo(editor) and field.minimum() <= value:
            field.setValue(value)
        assert not editor.error_box.isVisibleTo(editor) or editor.error.text()
    state.recompute()
    assert [a.shape for a in state.activations] == [tuple(s) for s in state.network.shapes]


def test_the_new_kinds_are_edited_through_rows_built_from_their_metadata(qtbot, shown):
    state = AppState(engine.Network((1, 8, 8), [
        engine.Conv2d(4, 3, padding=1), engine.ConvTranspose2d(2, 3, stride=2),
        engine.BatchNorm2d(), engine.Dropout(0.5)]))
    editor = shown(LayerEditor(state), 420, 640)

    def label(name):
        return editor.form.labelForField(editor.rows[name]).text()

    state.select_layer(0)
    assert label("groups") == "Groups" and "depthwise" in editor.fields["groups"].toolTip()
    type_and_enter(qtbot, editor.fields["groups"], "3")  # 1 input channel: refused, in red
    assert editor.fields["groups"].property("invalid") is True
    assert "cannot be split into 3 equal groups" in editor.error.text()
    assert state.network.layers[0].groups == 1
    state.select_layer(1)
    assert label("output_padding") == "Output padding" and label("kernel_size") == "Kernel size"
    type_and_enter(qtbot, editor.fields["output_padding"], "1")
    assert state.network.layers[1] == engine.ConvTranspose2d(2, 3, stride=2, output_padding=1)
    assert editor.formula.text() == "height and width: (8 − 1)·2 − 2·0 + 1·(3 − 1) + 1 + 1 = 18"
    state.select_layer(2)
    assert label("momentum") == "Momentum" and editor.fields["momentum"].isVisible()
    assert not editor.fields["output_padding"].isVisible()
    type_and_enter(qtbot, editor.fields["momentum"], "0.3")
    assert state.network.layers[2] == engine.BatchNorm2d(momentum=0.3)
    state.select_layer(3)
    assert label("p") == "Probability"
    type_and_enter(qtbot, editor.fields["p"], "0.25")
    assert state.network.layers[3] == engine.Dropout(0.25)


@pytest.mark.parametrize("typed, refusal", [
    ([("groups", "3")], "8 个输入通道无法平均分成 3 组"),
    ([("out_channels", "12"), ("groups", "8")], "12 个滤波器无法平均分成 8 组")])
def test_a_grouped_conv_refusal_counts_its_channels_in_chinese(qtbot, editor, state, chinese,
                                                               typed, refusal):
    state.select_layer(3)  # conv2, on the 8 maps of conv1
    for field, text in typed:
        type_and_enter(qtbot, editor.fields[field], text)
    assert editor.error.isVisible()
    assert editor.error.text().endswith(
        f"：{refusal}（分组数必须同时整除输入通道数和滤波器数）"), editor.error.text()


def test_the_size_arithmetic_of_flatten_and_dense_is_chinese(qtbot, editor, state, chinese):
    state.select_layer(6)
    assert editor.formula.text() == "16 · 7 · 7 = 784 个数排成一列"
    state.select_layer(9)
    assert editor.formula.text() == "10 × 64 个权重 + 10 个偏置 = 650 个参数"
    tick(qtbot, editor.fields["bias"])
    assert not state.network.layers[9].bias
    assert editor.formula.text() == "10 × 64 个权重 = 640 个参数"

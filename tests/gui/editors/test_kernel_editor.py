"""The kernel editor: typed weights, presets and tools reach the network and the maps."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import engine
from gui.editors.cell_parser import parse_cell
from gui.editors.kernel_editor import FLIP_NOTE, ZERO_SUM_NOTE, KernelEditor
from gui.state import AppState
from tests.gui.keyboard import type_and_enter


@pytest.fixture
def state(qapp):
    net = engine.Network((1, 12, 12), [engine.Conv2d(2, 3, padding=1), engine.ReLU(),
                                       engine.Conv2d(3, 5, padding="same")])
    state = AppState(net)
    rng = np.random.default_rng(1)
    state.set_image(rng.random((12, 12)).astype(np.float32))
    state.recompute()
    state.select_layer(0)
    return state


@pytest.fixture
def editor(state, shown):
    return shown(KernelEditor(state), 460, 400)


def weight(state, layer=0):
    return state.network.params[layer]["weight"]


def test_cells_show_the_selected_kernel(editor, state):
    assert editor.objectName() == "kernelEditor"
    assert len(editor.grid.cells) == 3 and len(editor.grid.cells[0]) == 3
    kernel = weight(state)[0, 0]
    assert parse_cell(editor.grid.cells[1][2].text()) == pytest.approx(kernel[1, 2], abs=1e-3)
    assert not editor.channel_spin.isVisible()  # one input channel: no channel selector
    np.testing.assert_array_equal(editor.heatmap.image.image, kernel)


def test_typing_one_ninth_everywhere_makes_a_box_blur(qtbot, editor, state):
    for line in editor.grid.cells:
        for cell in line:
            type_and_enter(qtbot, cell, "1/9")
    with qtbot.waitSignal(state.activationsChanged):
        pass
    np.testing.assert_allclose(weight(state)[0, 0], np.full((3, 3), 1 / 9), rtol=1e-6)
    bias = state.network.params[0]["bias"]
    expected = engine.conv2d(state.model_input, weight(state), bias, padding=1)
    np.testing.assert_allclose(state.activations[0], expected, rtol=1e-5, atol=1e-6)
    # and it really is the mean of each 3×3 neighbourhood (zeros outside the image)
    padded = np.pad(state.model_input[0], 1)
    mean = sum(padded[r:r + 12, c:c + 12] for r in range(3) for c in range(3)) / 9
    np.testing.assert_allclose(state.activations[0][0], mean + bias[0], rtol=1e-5, atol=1e-6)
    assert editor.grid.cells[0][0].text() == "0.1111"
    assert state.undo_stack.count() == 9 + 1  # one step per cell (after the drawing)


def test_enter_commits_and_moves_to_the_next_cell(qtbot, editor, state):
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.grid.cells[0][2].setFocus()
    type_and_enter(qtbot, editor.grid.cells[0][2], "2")
    assert weight(state)[0, 0, 0, 2] == 2
    assert QApplication.focusWidget() is editor.grid.cells[1][0]


def test_unreadable_cell_turns_red_and_keeps_the_value(qtbot, editor, state):
    before, network, steps = weight(state).copy(), state.network, state.undo_stack.count()
    cell = editor.grid.cells[1][1]
    type_and_enter(qtbot, cell, "2+2")
    assert cell.property("invalid") is True
    assert parse_cell(cell.text()) == pytest.approx(before[0, 0, 1, 1], abs=1e-3)
    assert "not a number" in editor.error.text() and editor.error.isVisible()
    np.testing.assert_array_equal(weight(state), before)
    assert state.network is network and state.undo_stack.count() == steps
    type_and_enter(qtbot, cell, "-1/8")
    assert weight(state)[0, 0, 1, 1] == pytest.approx(-0.125)
    assert not cell.property("invalid")


def test_cell_edit_is_undoable(qtbot, editor, state):
    before = weight(state).copy()
    type_and_enter(qtbot, editor.grid.cells[0][0], "4/273")
    assert weight(state)[0, 0, 0, 0] == pytest.approx(4 / 273)
    state.undo_stack.undo()
    np.testing.assert_array_equal(weight(state), before)
    assert parse_cell(editor.grid.cells[0][0].text()) == pytest.approx(before[0, 0, 0, 0], abs=1e-3)


def test_bias_is_typed_too(qtbot, editor, state):
    before = state.activations[0].copy()
    bias_before = state.network.params[0]["bias"][0]
    type_and_enter(qtbot, editor.bias_edit, "1/2")
    with qtbot.waitSignal(state.activationsChanged):
        pass
    assert state.network.params[0]["bias"][0] == pytest.approx(0.5)
    np.testing.assert_allclose(state.activations[0][0], before[0] - bias_before + 0.5, atol=1e-5)


def test_preset_from_the_menu_with_description(qtbot, editor, state):
    index = editor.preset_box.findData("sobel_x")
    assert "vertical edges" in editor.preset_box.itemData(index, Qt.ToolTipRole)
    editor.preset_box.activated.emit(index)  # what picking the entry does
    np.testing.assert_array_equal(weight(state)[0, 0], engine.PRESETS["sobel_x"].kernel)
    assert editor.preset_box.currentIndex() == 0
    assert "vertical edges" in editor.message.text()


def test_small_preset_is_centred_and_multichannel_follows_the_engine(editor, state):
    state.select_layer(2, filter_index=1)
    assert editor.channel_spin.isVisible() and editor.channel_spin.maximum() == 2
    editor.apply_preset("box_blur_3x3")
    expected = np.zeros((2, 5, 5), np.float32)
    expected[:, 1:4, 1:4] = engine.preset_kernel("box_blur_3x3", 2)
    np.testing.assert_array_equal(weight(state, 2)[1], expected)
    assert "Centred" in editor.message.text()


def test_large_preset_offers_to_resize_the_layer(qtbot, editor, state):
    steps = state.undo_stack.count()
    editor.apply_preset("curve_7x7")
    assert weight(state).shape[2:] == (3, 3) and editor.resize_button.isVisible()
    assert "7×7" in editor.error.text()
    qtbot.mouseClick(editor.resize_button, Qt.LeftButton)
    spec = state.network.layers[0]
    assert spec.kernel_size == 7 and spec.padding == 3  # padding adapted: size kept
    assert state.network.shapes[0] == (2, 12, 12)
    np.testing.assert_array_equal(weight(state)[0, 0], engine.PRESETS["curve_7x7"].kernel)
    assert len(editor.grid.cells) == 7 and state.undo_stack.count() == steps + 1
    state.undo_stack.undo()
    assert state.network.layers[0].kernel_size == 3 and len(editor.grid.cells) == 3


def test_normalize_makes_the_sum_one_or_explains(qtbot, editor, state):
    qtbot.mouseClick(editor.normalize_button, Qt.LeftButton)
    assert weight(state)[0, 0].sum() == pytest.approx(1.0, abs=1e-5)
    assert editor.sum_label.text() == "sum = 1"
    editor.apply_preset("laplacian")
    before = weight(state).copy()
    qtbot.mouseClick(editor.normalize_button, Qt.LeftButton)
    np.testing.assert_array_equal(weight(state), before)
    assert editor.message.text() == ZERO_SUM_NOTE


def test_flip_rotates_and_matches_true_convolution(qtbot, editor, state):
    editor.apply_preset("sobel_x")
    original = weight(state).copy()
    qtbot.mouseClick(editor.flip_button, Qt.LeftButton)
    np.testing.assert_array_equal(weight(state)[0, 0], original[0, 0, ::-1, ::-1])
    assert editor.message.text() == FLIP_NOTE
    state.recompute()
    bias = state.network.params[0]["bias"]
    true_conv = engine.conv2d(state.model_input, original, bias, padding=1, flip=True)
    np.testing.assert_allclose(state.activations[0][0], true_conv[0], rtol=1e-5, atol=1e-6)


def test_random_and_zero(qtbot, editor, state):
    qtbot.mouseClick(editor.zero_button, Qt.LeftButton)
    assert not weight(state)[0, 0].any()
    assert all(cell.text() == "0" for line in editor.grid.cells for cell in line)
    qtbot.mouseClick(editor.random_button, Qt.LeftButton)
    assert np.count_nonzero(weight(state)[0, 0]) == 9
    assert weight(state)[1].any()  # other filters untouched


def test_filter_and_channel_selectors_follow_the_state(qtbot, editor, state):
    editor.filter_spin.setValue(2)
    assert state.selected_filter == 1
    np.testing.assert_array_equal(editor.heatmap.image.image, weight(state)[1, 0])
    state.select_layer(2, filter_index=2, channel=1)
    assert editor.filter_spin.value() == 3 and editor.channel_spin.value() == 2
    assert len(editor.grid.cells) == 5
    assert editor.title.text().startswith("<b>conv2</b>")


def test_layers_without_kernels_show_a_hint(editor, state):
    state.select_layer(1)
    assert not editor.editor.isVisible() and "relu1 has no kernel" in editor.placeholder.text()
    state.select_layer(None)
    assert editor.editor.isVisible() and editor.layer == 0


def test_huge_kernels_are_shown_not_typed(qtbot, editor, state):
    state.set_layers([engine.Conv2d(1, 15, padding=7)])
    state.select_layer(0)
    assert not editor.grid.isVisible() and "15×15" in editor.too_big.text()
    np.testing.assert_array_equal(editor.heatmap.image.image, weight(state)[0, 0])
    qtbot.mouseClick(editor.zero_button, Qt.LeftButton)
    assert not weight(state).any()
    state.undo_stack.undo()
    state.undo_stack.undo()
    assert editor.grid.isVisible() and not editor.too_big.isVisible()


def test_a_colour_first_layer_names_its_slices_r_g_b(qapp, shown):
    colour = AppState(engine.Network((3, 8, 8), [engine.Conv2d(2, 3), engine.Conv2d(2, 3)]))
    editor = shown(KernelEditor(colour), 460, 400)
    colour.select_layer(0, channel=1)
    assert editor.channel_spin.text() == "input channel 2 of 3 (R, G, B)"
    colour.select_layer(1)
    assert editor.channel_spin.text() == "input channel 1 of 2"


def test_a_cell_value_beyond_float32_is_refused_and_the_maps_stay_finite(qtbot, editor, state):
    before = weight(state).copy()
    cell = editor.grid.cells[0][0]
    type_and_enter(qtbot, cell, "1e39")
    assert cell.property("invalid") is True and "too large" in editor.error.text()
    np.testing.assert_array_equal(weight(state), before)
    state.recompute()
    assert all(np.isfinite(a).all() for a in state.activations)


def test_state_refuses_weights_that_are_not_finite_float32(state):
    steps = state.undo_stack.count()
    value = weight(state).astype(np.float64)
    value[0, 0, 0, 0] = 1e39
    assert "not finite 32-bit numbers" in state.set_param(0, "weight", value)
    assert state.undo_stack.count() == steps and np.isfinite(weight(state)).all()


def test_cells_show_small_negative_weights_whole_with_their_sign(qtbot, editor, state):
    kernel = np.array([[-0.05036, -0.00276, -0.08804], [-0.0003849, 0.3758, -5.312e-05],
                       [123.456789, -1 / 3, 0.0]], np.float32)
    weights = weight(state).copy()
    weights[0, 0] = kernel
    state.set_param(0, "weight", weights)
    state.set_param(0, "bias", np.full(2, -5.312e-05, np.float32))
    for (r, c), value in np.ndenumerate(kernel):
        cell = editor.grid.cells[r][c]
        metrics, room = cell.fontMetrics(), cell.width() - 8  # frame and text margins
        assert metrics.horizontalAdvance(cell.text()) <= room, cell.text()
        assert parse_cell(cell.text()) == pytest.approx(value, rel=0.1, abs=1e-12)
        assert value == 0 or cell.text().startswith("−") == (value < 0)
        assert np.float32(parse_cell(tooltip_number(cell.toolTip(), ": "))) == value  # exactly
    bias = editor.bias_edit
    assert bias.fontMetrics().horizontalAdvance(bias.text()) <= bias.width() - 8
    assert parse_cell(bias.text()) == pytest.approx(-5.312e-05, rel=0.1)
    assert bias.text().startswith("−")
    assert np.float32(parse_cell(tooltip_number(bias.toolTip(), ""))) == np.float32(-5.312e-05)


def tooltip_number(tooltip, before):
    """The number in ``tooltip`` after ``before`` (up to the next colon or line end)."""
    return tooltip.split("\n")[0].split(before)[-1].split(":")[0] if before else \
        tooltip.split(":")[0]

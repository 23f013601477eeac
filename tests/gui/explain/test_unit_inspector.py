"""The unit inspector shows the engine's arithmetic, with the numbers the maps show."""

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

import engine
from gui.present.formatting import number
from gui.explain.number_grid import NumberGrid
from gui.state import AppState, Unit
from gui.explain.unit_inspector import MAX_CHANNEL_GRIDS, UnitInspector


def _inspector(qtbot, layers, image, input_shape=(1, 6, 6)):
    state = AppState(engine.Network(input_shape, layers, seed=3))
    state.show_image(np.asarray(image, np.float32))
    state.recompute()
    widget = UnitInspector(state)
    qtbot.addWidget(widget)
    return widget


def _grids(widget):
    return widget.scroll.widget().findChildren(NumberGrid)


def _map_value(state, unit):
    out = state.activations[unit.layer]
    return out[unit.channel] if out.ndim == 1 else out[unit.channel, unit.row, unit.col]


@pytest.fixture
def digit():
    image = np.zeros((6, 6), np.float32)
    image[1:5, 2] = 1.0
    image[1, 1:4] = 0.5
    return image


def test_textbook_conv_line_with_a_hand_set_kernel(qtbot):
    image = np.array([[4, 0, 1], [0, 2, 0], [1, 0, 2]], np.float32)
    widget = _inspector(qtbot, [engine.Conv2d(1, 3), engine.ReLU()], image, (1, 3, 3))
    state = widget.state
    kernel = np.array([[[[0, 1, 0], [-1, -4, 0], [0, 0, 0]]]], np.float32)
    with qtbot.waitSignal(state.activationsChanged):
        state.set_param(0, "weight", kernel)
    state.set_param(0, "bias", [0.5])
    state.recompute()
    state.pin(Unit(0, 0, 0, 0))
    labels = [label.text() for label in widget.scroll.widget().findChildren(QLabel)]
    assert "4·0 + 0·1 + 1·0 + 0·(−1) + 2·(−4) + 0·0 + 1·0 + 0·0 + 2·0 = −8" in labels
    assert widget.equation.text() == "Σ products + bias = −8 + 0.5 = −7.5  →  relu1: 0"
    window, kernel_grid, products = _grids(widget)
    np.testing.assert_array_equal(window.values, image)
    np.testing.assert_array_equal(products.values, image * kernel[0, 0])


def test_conv_grids_per_input_channel_and_sum_equals_the_map(qtbot, digit):
    widget = _inspector(qtbot, [engine.Conv2d(3, 3, padding=1), engine.Conv2d(2, 3, padding=1)],
                        digit)
    unit = Unit(1, 1, 0, 4)
    widget.state.pin(unit)
    grids = _grids(widget)
    assert len(grids) == 3 * 3  # window, kernel, products for each of 3 input channels
    assert grids[0].padding[0].all() and not grids[0].padding[1:, 1:].any()
    value = _map_value(widget.state, unit)
    assert widget.explanation.value == pytest.approx(float(value))
    assert widget.equation.text().endswith(f"= {number(value)}")
    assert widget.scroll.widget().findChild(QLabel, "note").text() == \
        "Hatched cells are padding (zeros)."


def test_max_pool_marks_the_winner_which_is_the_window_maximum(qtbot, digit):
    widget = _inspector(qtbot, [engine.MaxPool2d(3, stride=2, padding=1)], digit)
    for row, col in [(0, 0), (1, 1), (2, 1)]:
        widget.state.pin(Unit(0, 0, row, col))
        (grid,) = _grids(widget)
        assert grid.values[grid.marked] == grid.values.max() == _map_value(widget.state,
                                                                           widget.state.pinned)
        assert np.isneginf(grid.values[grid.padding]).all()
        wins = [label.text() for label in widget.scroll.widget().findChildren(QLabel)
                if label.text().startswith("The framed cell wins")]
        assert wins == [f"The framed cell wins: input row {2 * row - 1 + grid.marked[0]}, "
                        f"col {2 * col - 1 + grid.marked[1]}."
                        + (" Padding counts as −∞, so it never wins." if grid.padding.any()
                           else "")]
    assert widget.equation.text() == f"max(window) = {number(grid.values.max())}"


@pytest.mark.parametrize("count, note", [
    (True, "Padding counted: its 5 cells add 0 to the sum but count in the divisor."),
    (False, "Padding not counted: only the real pixels are averaged."),
])
def test_avg_pool_says_whether_padding_counted(qtbot, digit, count, note):
    widget = _inspector(qtbot, [engine.AvgPool2d(3, stride=2, padding=1, count_include_pad=count)],
                        digit)
    widget.state.pin(Unit(0, 0, 0, 0))
    assert widget.scroll.widget().findChild(QLabel, "note").text() == note
    divisor = 9 if count else 4
    assert widget.equation.text() == (f"mean = (0 + 0 + 0 + 0.5) / {divisor} = 0.5 / {divisor} "
                                      f"= {number(0.5 / divisor)}")
    widget.state.pin(Unit(0, 0, 1, 1))
    value = _map_value(widget.state, widget.state.pinned)
    assert widget.equation.text().endswith(f"/ 9 = {number(value)}")


def test_dense_lists_ten_largest_contributions_and_softmax_its_exponentials(qtbot, digit):
    layers = [engine.Flatten(), engine.Dense(4), engine.Softmax()]
    widget = _inspector(qtbot, layers, digit)
    widget.state.pin(Unit(1, 2, 0, 0))
    (table,) = widget.scroll.widget().findChildren(QTableWidget)
    assert table.rowCount() == 10
    contributions = widget.explanation.contributions
    assert len(contributions) == 10
    assert [abs(c.product) for c in contributions] == sorted((abs(c.product) for c in
                                                              contributions), reverse=True)
    assert widget.equation.text().endswith(f"= {number(_map_value(widget.state, widget.state.pinned))}")
    assert "(other 26)" in widget.equation.text()
    widget.state.pin(Unit(2, 1, 0, 0))
    probabilities = widget.state.activations[2]
    assert widget.equation.text().endswith(f"= {number(probabilities[1])}")
    (table,) = widget.scroll.widget().findChildren(QTableWidget)
    assert [table.item(r, 3).text() for r in range(4)] == [number(p) for p in probabilities]
    assert widget.explanation.exps.sum() == pytest.approx(widget.explanation.normalizer)


def test_flatten_names_where_its_value_comes_from_on_maps_and_on_a_list(qtbot, digit):
    layers = [engine.Flatten(), engine.Dense(4), engine.Flatten()]
    widget = _inspector(qtbot, layers, digit)
    widget.state.pin(Unit(0, 9, 0, 0))
    assert "input channel 1, row 1, col 3 to position 9" in widget.scroll.widget().findChild(
        QLabel).text()
    widget.state.pin(Unit(2, 3, 0, 0))
    assert "input position 3 to position 3" in widget.scroll.widget().findChild(QLabel).text()
    assert widget.equation.text() == f"value = {number(widget.state.activations[2][3])}"


def test_a_hovered_unit_shown_before_a_new_networks_forward_waits_for_its_maps(qtbot):
    widget = _inspector(qtbot, [engine.Conv2d(1, 3), engine.ReLU()], np.ones((6, 6)))
    state = widget.state
    state.hover(Unit(0, 0, 5, 5))  # beyond the 4×4 maps: nothing to explain yet
    state.pin(Unit(0, 0, 1, 1))
    # The pin is dropped with the old network, and the hovered unit is the focus before the
    # forward: the old 4×4 maps have no unit (5, 5).
    state.set_network(engine.Network((1, 6, 6), [engine.Conv2d(1, 3, padding=1), engine.ReLU()]))
    state.recompute()
    assert widget.explanation.row == widget.explanation.col == 5
    assert widget.equation.text().endswith(f"relu1: {number(state.activations[1][0, 5, 5])}")


def test_pinned_wins_over_hovered_and_drawing_updates_the_numbers(qtbot, digit):
    widget = _inspector(qtbot, [engine.Conv2d(2, 3, padding=1), engine.ReLU()], digit)
    state = widget.state
    assert widget.explanation is None and widget.equation.text() == ""
    state.hover(Unit(1, 0, 2, 2))
    assert widget.explanation.kind == "relu" and "hovered" in widget.title.text()
    state.pin(Unit(1, 0, 2, 2))  # the hovered unit clicked
    assert widget.title.text() == "relu1 · channel 1 · row 2 · col 2   (pinned)"
    state.pin(Unit(0, 1, 2, 3))
    state.hover(Unit(1, 0, 4, 4))
    assert widget.explanation.kind == "conv2d" and widget.title.text() == \
        "conv1 · filter 2 · row 2 · col 3   (pinned)"
    with qtbot.waitSignal(state.activationsChanged):
        state.set_image(np.ones((6, 6)))
    np.testing.assert_array_equal(_grids(widget)[0].values, np.ones((3, 3)))
    state.pin(None)
    assert widget.explanation.kind == "relu"


def test_behind_another_tab_it_explains_only_when_shown(qtbot, shown, digit):
    from PySide6.QtWidgets import QTabWidget
    widget = _inspector(qtbot, [engine.Conv2d(2, 3, padding=1), engine.ReLU()], digit)
    state = widget.state
    tabs = shown(QTabWidget(), 600, 400)
    tabs.addTab(QLabel("front"), "front")
    tabs.addTab(widget, "inspector")
    state.pin(Unit(0, 1, 2, 3))
    assert widget.explanation is None  # hidden: nothing explained yet
    tabs.setCurrentWidget(widget)
    assert widget.explanation.kind == "conv2d" and widget.explanation.value == \
        _map_value(state, Unit(0, 1, 2, 3))
    tabs.setCurrentIndex(0)
    with qtbot.waitSignal(state.activationsChanged):
        state.set_image(np.ones((6, 6)))
    np.testing.assert_array_equal(_grids(widget)[0].values, digit[1:4, 2:5])  # still the old
    tabs.setCurrentWidget(widget)
    np.testing.assert_array_equal(_grids(widget)[0].values, np.ones((3, 3)))
    assert widget.explanation.value == _map_value(state, Unit(0, 1, 2, 3))
    widget.setParent(None)  # qtbot closes it on its own


def test_a_colour_input_names_its_channels_r_g_b(qtbot):
    image = np.random.default_rng(0).random((3, 6, 6)).astype(np.float32)
    widget = _inspector(qtbot, [engine.Conv2d(2, 3, padding=1), engine.Conv2d(2, 3)], image,
                        (3, 6, 6))
    widget.state.pin(Unit(0, 1, 2, 3))
    labels = [label.text() for label in widget.scroll.widget().findChildren(QLabel)]
    assert [t for t in labels if t.startswith("input ")] == ["input R", "input G", "input B"]
    grids = _grids(widget)
    np.testing.assert_array_equal(grids[3].values, image[1, 1:4, 2:5])  # G's window
    widget.state.pin(Unit(1, 0, 1, 1))  # the second layer reads maps, not colours
    labels = [label.text() for label in widget.scroll.widget().findChildren(QLabel)]
    assert "input channel 2" in labels and "input G" not in labels


def test_a_wide_conv_unit_draws_a_bounded_page(qtbot, qapp):
    net = engine.Network((1, 10, 10), [engine.Conv2d(200, 3, padding=1),
                                       engine.Conv2d(2, 3, padding=1)])
    wide = AppState(net)
    inspector = UnitInspector(wide)
    qtbot.addWidget(inspector)
    wide.pin(Unit(1, 0, 4, 4))
    assert len(inspector.findChildren(NumberGrid)) == 3 * MAX_CHANNEL_GRIDS
    assert "Input channels 17–200 are not drawn" in " ".join(
        label.text() for label in inspector.findChildren(QLabel))


def test_a_unit_pinned_before_the_new_input_size_is_computed_waits_for_it(qtbot, qapp, state):
    inspector = UnitInspector(state)
    qtbot.addWidget(inspector)
    state.set_input_shape((1, 12, 12))
    state.pin(Unit(0, 0, 2, 2))  # the maps (and the model input) are still the 28×28 ones
    state.recompute()
    assert inspector.explanation is not None and inspector.explanation.row == 2


def test_transposed_conv_unit_lists_the_input_units_and_taps_that_reach_it(qtbot):
    widget = _inspector(qtbot, [engine.ConvTranspose2d(1, 2, stride=2)],
                        [[0.25, 0.5], [0.75, 1.0]], (1, 2, 2))
    state = widget.state
    state.set_param(0, "weight", np.array([[[[1, 2], [3, 4]]]], np.float32))
    state.set_param(0, "bias", [0.0])
    state.recompute()
    state.pin(Unit(0, 0, 1, 2))
    table = widget.scroll.widget().findChildren(QTableWidget)[0]
    assert [table.item(0, c).text() for c in range(5)] == ["ch 1, row 0, col 1", "0.5", "(1, 0)",
                                                           "3", "1.5"]
    assert widget.equation.text() == "Σ stamps + bias = 1.5 + 0 = 1.5"


def test_batch_norm_unit_shows_the_normalization_with_its_numbers(qtbot, digit):
    widget = _inspector(qtbot, [engine.BatchNorm2d()], digit)
    state = widget.state
    state.set_param(0, "running_mean", [0.5])
    state.set_param(0, "running_var", [0.25])
    state.set_param(0, "weight", [2.0])
    state.set_param(0, "bias", [1.0])
    state.recompute()
    state.pin(Unit(0, 0, 2, 2))
    assert widget.equation.text() == (
        "(x − mean) / √(var + eps) · γ + β = (1 − 0.5) / √(0.25 + 1e-05) · 2 + 1 = "
        f"{number((1 - 0.5) / np.sqrt(0.25 + 1e-5))} · 2 + 1 = {number(_map_value(state, Unit(0, 0, 2, 2)))}")


def test_grouped_conv_names_the_input_channels_its_filter_sees(qtbot, digit):
    widget = _inspector(qtbot, [engine.Conv2d(4, 3, padding=1), engine.Conv2d(4, 3, padding=1, groups=2)],
                        digit)
    widget.state.pin(Unit(1, 3, 2, 2))
    labels = [label.text() for label in widget.scroll.widget().findChildren(QLabel)]
    assert any("sees only input channels 3–4 of 4" in text for text in labels)
    assert "input channel 3" in labels and "input channel 4" in labels
    assert len(_grids(widget)) == 2 * 3


def test_a_5x5_window_kernel_and_products_show_all_rows_in_the_default_window(qapp, main_window):
    state = main_window.state
    state.pin(Unit(3, 0, 4, 1))  # conv2: 5×5 windows over 8 channels
    main_window.docks["inspectorDock"].raise_()
    qapp.processEvents()
    widget = main_window.findChild(UnitInspector)
    viewport = widget.scroll.viewport()
    first_channel = _grids(widget)[:3]
    assert [grid.values.shape for grid in first_channel] == [(5, 5)] * 3
    for grid in first_channel:
        shown = grid.rect().translated(grid.mapTo(viewport, grid.rect().topLeft()))
        assert viewport.rect().contains(shown), f"{grid.caption} at {shown}, in {viewport.rect()}"

"""The receptive-field table against net.summary(), and its link to the pinned unit."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import engine
from gui.explain.rf_table import COLUMNS, ReceptiveFieldTable
from gui.state import AppState, Unit


@pytest.fixture
def table(qtbot):
    state = AppState(engine.default_digit_network())
    widget = ReceptiveFieldTable(state)
    qtbot.addWidget(widget)
    return widget


def _pair(values, between="×"):
    a, b = values
    return str(a) if a == b else f"{a}{between}{b}"


def test_rows_match_the_network_summary(table):
    summary = table.state.network.summary()
    assert table.table.rowCount() == len(summary) + 1
    for i, row in enumerate(summary):
        assert table.cell(i, "layer") == row["name"]
        assert table.cell(i, "output") == "×".join(map(str, row["output_shape"]))
        flat = len(row["output_shape"]) == 1
        assert table.cell(i, "r") == ("whole input" if flat else _pair(row["rf"]))
        assert table.cell(i, "jump j") == ("—" if row["jump"] is None else _pair(row["jump"]))


def test_default_network_numbers_read_as_in_the_textbook(table):
    assert table.cell(0, "output size") == "⌊(28 + 2·2 − 5) / 1⌋ + 1 = 28"
    assert table.cell(2, "output size") == "⌊(28 − 2) / 2⌋ + 1 = 14"
    assert [table.cell(i, "r") for i in (0, 2, 3, 5)] == ["5", "6", "14", "16"]
    assert [table.cell(i, "jump j") for i in (0, 2, 5)] == ["1", "2", "4"]
    assert table.cell(5, "start") == "1.5"
    assert table.cell(5, "pixels seen") == "256"
    assert table.cell(6, "pixels seen") == "784"  # a flat layer sees the whole image
    assert table.cell(6, "r") == table.cell(7, "r") == "whole input"  # not a 40-pixel box


def test_dilation_and_uneven_padding_are_spelled_out(table):
    table.state.set_layers([engine.Conv2d(2, 3, padding=2, dilation=2),
                            engine.Conv2d(2, 3, stride=2, padding=((0, 1), (1, 1)),
                                          padding_mode="replicate")])
    assert table.cell(0, "kernel") == "3 d2"
    assert table.cell(0, "pixels seen") == "9 of 25"
    assert table.cell(0, "output size") == "⌊(28 + 2·2 − 2·(3 − 1) − 1) / 1⌋ + 1 = 28"
    assert table.cell(1, "padding") == "0,1,1,1 replicate"
    assert table.cell(1, "output size") == ("H: ⌊(28 + 0 + 1 − 3) / 2⌋ + 1 = 14   "
                                            "W: ⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14")
    assert table.cell(1, "start") == "(1, 0)"


def test_pinned_layer_is_highlighted_and_follows_the_pin(table, qtbot):
    def bold_rows():
        return [r - 1 for r in range(table.table.rowCount()) if table.table.item(r, 0).font().bold()]

    assert bold_rows() == [] and table.highlighted is None
    with qtbot.waitSignal(table.state.selectionChanged):
        table.state.pin(Unit(3, 1, 4, 5))
    assert bold_rows() == [3] and table.highlighted == 3
    table.state.pin(Unit(5, 0, 1, 1))
    assert bold_rows() == [5]
    table.state.pin(None)
    assert bold_rows() == []


def test_network_edits_and_undo_rebuild_the_rows(table, qtbot):
    with qtbot.waitSignal(table.state.networkChanged):
        table.state.set_layers([engine.Conv2d(4, 3, stride=2)])
    assert table.table.rowCount() == 2
    assert table.cell(0, "output size") == "⌊(28 − 3) / 2⌋ + 1 = 13"
    table.state.undo_stack.undo()
    assert table.table.rowCount() == len(table.state.network.layers) + 1


def test_clicking_a_row_selects_that_layer(table, qtbot, shown):
    shown(table, 1000, 400)
    rect = table.table.visualItemRect(table.table.item(4, COLUMNS.index("type")))
    with qtbot.waitSignal(table.state.layerSelected) as signal:
        QTest.mouseClick(table.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert signal.args == [3] and table.state.selected_layer == 3


def test_a_transposed_conv_row_says_its_jump_is_a_fraction_of_a_pixel(qtbot):
    state = AppState(engine.Network((1, 8, 8), [engine.Conv2d(1, 3, padding=1),
                                                engine.ConvTranspose2d(1, 3, stride=2, padding=1)]))
    widget = ReceptiveFieldTable(state)
    qtbot.addWidget(widget)
    cells = [widget.table.item(2, c).text() for c in range(len(COLUMNS))]
    assert cells[COLUMNS.index("output size")] == "(8 − 1)·2 − 2·1 + 1·(3 − 1) + 0 + 1 = 15"
    assert cells[COLUMNS.index("jump j")].startswith("1/2 px: neighbouring units are less than")
    assert cells[COLUMNS.index("r")] == "4"

"""The cell grid on its own: it shows values, reports readable edits and refuses the rest."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.editors.cell_parser import parse_cell
from gui.editors.kernel_grid import KernelGrid
from tests.gui.keyboard import type_and_enter


@pytest.fixture
def grid(shown):
    widget = shown(KernelGrid(), 240, 80)
    widget.set_values(np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
    return widget


def texts(grid):
    return [[c.text() for c in line] for line in grid.cells]


def test_shows_values_as_a_matrix_with_shared_decimals(grid):
    assert texts(grid) == [["0", "0.25", "0.50"], ["0.75", "1.00", "1.25"]]
    grid.set_values([[-1, 0, 1], [-2, 0, 2]])  # whole numbers stay whole
    assert texts(grid) == [["−1", "0", "1"], ["−2", "0", "2"]]
    assert all(c.alignment() & Qt.AlignRight for line in grid.cells for c in line)


@pytest.mark.parametrize("size", [3, 5, 6, 7, 11])
def test_every_cell_of_a_learned_kernel_shows_whole_with_the_grid_decimals(grid, size):
    values = np.random.default_rng(size).normal(0, 0.3, (size, size)).astype(np.float32)
    values[0, 0], values[0, 1] = -0.2, 0.00003  # a round value and a tiny one
    grid.set_values(values)
    shown = texts(grid)
    decimals = {len(t.split(".")[1]) for line in shown for t in line if "e" not in t}
    assert len(decimals) == 1  # "−0.200" beside "−0.280", not "−0.2"
    decimals = decimals.pop()
    assert decimals >= 3
    for (r, c), value in np.ndenumerate(values):
        cell, text = grid.cells[r][c], shown[r][c]
        assert cell.fontMetrics().horizontalAdvance(text) <= cell.width() - 8, text
        if "e" in text:  # the tiny one: "3e−5", not "0.000"
            assert parse_cell(text) == pytest.approx(value, rel=0.2)
        else:
            assert parse_cell(text) == pytest.approx(value, abs=0.5 * 10 ** -decimals)
        assert text.startswith("−") == (value < 0) and "-" not in text  # one minus, never lost



def test_reports_a_parsed_edit(qtbot, grid):
    with qtbot.waitSignal(grid.edited) as edit:
        type_and_enter(qtbot, grid.cells[1][2], "2*0.5")
    assert edit.args == [1, 2, 1.0]


def test_refuses_unreadable_text(qtbot, grid):
    with qtbot.waitSignal(grid.refused) as refusal, qtbot.assertNotEmitted(grid.edited):
        type_and_enter(qtbot, grid.cells[0][1], "x")
    assert "not a number" in refusal.args[0]
    assert grid.cells[0][1].text() == "0.25" and grid.cells[0][1].property("invalid")
    type_and_enter(qtbot, grid.cells[1][1], "y")  # the newest refusal alone is red
    assert grid.cells[1][1].property("invalid") and not grid.cells[0][1].property("invalid")
    type_and_enter(qtbot, grid.cells[0][0], "3")
    assert not any(cell.property("invalid") for line in grid.cells for cell in line)


def test_retyping_the_same_value_is_not_an_edit(qtbot, grid):
    with qtbot.assertNotEmitted(grid.edited):
        type_and_enter(qtbot, grid.cells[0][2], "1/2")


def test_resizes(grid):
    grid.set_values(np.zeros((5, 5)))
    assert len(grid.cells) == 5 and all(len(line) == 5 for line in grid.cells)

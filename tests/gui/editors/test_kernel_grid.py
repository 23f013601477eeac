"""The cell grid on its own: it shows values, reports readable edits and refuses the rest."""

import numpy as np
import pytest

from gui.editors.kernel_grid import KernelGrid
from tests.gui.keyboard import type_and_enter


@pytest.fixture
def grid(shown):
    widget = shown(KernelGrid(), 240, 80)
    widget.set_values(np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
    return widget


def test_shows_values_compactly(grid):
    assert [[c.text() for c in line] for line in grid.cells] == [["0", "0.25", "0.5"],
                                                                 ["0.75", "1", "1.25"]]


def test_reports_a_parsed_edit(qtbot, grid):
    with qtbot.waitSignal(grid.edited) as edit:
        type_and_enter(qtbot, grid.cells[1][2], "2*0.5")
    assert edit.args == [1, 2, 1.0]


def test_refuses_unreadable_text(qtbot, grid):
    with qtbot.waitSignal(grid.refused) as refusal, qtbot.assertNotEmitted(grid.edited):
        type_and_enter(qtbot, grid.cells[0][1], "x")
    assert "not a number" in refusal.args[0]
    assert grid.cells[0][1].text() == "0.25" and grid.cells[0][1].property("invalid")


def test_retyping_the_same_value_is_not_an_edit(qtbot, grid):
    with qtbot.assertNotEmitted(grid.edited):
        type_and_enter(qtbot, grid.cells[0][2], "1/2")


def test_resizes(grid):
    grid.set_values(np.zeros((5, 5)))
    assert len(grid.cells) == 5 and all(len(line) == 5 for line in grid.cells)

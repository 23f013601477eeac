"""NumberGrid: numbers on coloured cells, reformatted only when they change."""

import numpy as np

from gui.explain.number_grid import NumberGrid


def test_the_same_numbers_again_are_not_redone_new_ones_are(qtbot):
    grid = NumberGrid(np.array([[1.0, -2.0], [0.5, np.nan]]), "window")
    qtbot.addWidget(grid)
    texts = grid.texts
    grid.set_values(np.array([[1.0, -2.0], [0.5, np.nan]]))
    assert grid.texts is texts  # nothing to reformat or repaint
    grid.set_values(np.array([[1.0, -2.0], [0.5, np.nan]]), scale=4.0)
    assert grid.texts is not texts and grid.scale == 4.0
    grid.set_values(np.array([[1.0, -2.0], [0.5, 3.0]]), scale=4.0)
    assert grid.texts[1][1] == "3.0" and grid.values[1, 1] == 3.0
    grid.set_values(grid.values, 4.0, padding=np.array([[True, False], [False, False]]))
    assert grid.padding[0, 0]

"""The Dataset dock: click a confusion-matrix cell, see its digits worst first, draw one."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui.dataset.dataset_panel import DatasetPanel
from gui.i18n import live
from tests.gui.mouse import send_mouse


@pytest.fixture
def panel(shown, trained_state, dataset):
    return shown(DatasetPanel(trained_state, dataset), 900, 420)


def click(widget, pos):
    send_mouse(widget, QEvent.MouseButtonPress, pos, Qt.LeftButton, Qt.LeftButton)
    send_mouse(widget, QEvent.MouseButtonRelease, pos, Qt.LeftButton, Qt.NoButton)


def test_the_summary_and_matrix_show_the_evaluation(panel, dataset):
    wrong = int((dataset.evaluation.predictions != dataset.evaluation.labels).sum())
    assert f"{wrong} of 1,000 held-out digits misread" in panel.summary.text()
    matrix = panel.matrix
    for true, predicted in [(0, 0), (9, 9), (9, 4)]:
        rect = matrix.cell_rect(true, predicted)
        assert matrix.rect().contains(rect.toRect())  # the whole grid is drawn inside the widget
        assert rect.width() >= rect.height() >= 16


def test_a_cell_opens_its_digits_worst_first_and_a_digit_goes_on_the_canvas(qtbot, panel, dataset,
                                                                           trained_state):
    evaluation = dataset.evaluation
    true, predicted = np.argwhere((evaluation.confusion > 0) & ~np.eye(10, dtype=bool))[0]
    click(panel.matrix, panel.matrix.cell_rect(true, predicted).center())
    members = evaluation.cell(true, predicted)
    expected = [int(dataset.indices[m]) for m in members]
    assert panel.gallery.keys() == expected
    right = evaluation.probabilities[members, true]
    assert (np.diff(right) >= 0).all()  # least sure of the right answer first
    assert f"{true} called {predicted}" in panel.gallery_title.text()
    assert panel.matrix.cell_text(true, predicted) in panel.gallery_title.text()
    first = expected[0]
    click(panel.gallery.viewport(), panel.gallery.tile_rect(0).center())
    np.testing.assert_allclose(trained_state.image, dataset.images[first], atol=1e-6)
    assert trained_state.undo_stack.count() == 1
    qtbot.waitUntil(lambda: trained_state.probabilities is not None)
    trained_state.recompute()
    assert int(trained_state.probabilities.argmax()) == predicted  # the canvas shows the mistake
    trained_state.undo_stack.undo()
    assert trained_state.image.max() == 0


def test_the_view_follows_new_weights(qtbot, panel, dataset, trained_state):
    panel.show_cell(3, 3)
    layer = len(trained_state.network.layers) - 2
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=5000,
                          check_params_cb=lambda: dataset.evaluation is not None):
        trained_state.set_param(layer, "weight", trained_state.network.params[layer]["weight"] * 0)
    assert "misread" in panel.summary.text() and float(panel.summary.text().split(" %")[0]) < 20
    assert len(panel.gallery.keys()) == dataset.evaluation.confusion[3, 3]


@pytest.mark.parametrize("height", [190, 420])
def test_every_count_fits_its_cell(shown, trained_state, dataset, height):
    panel = shown(DatasetPanel(trained_state, dataset), 700, height)
    metrics = QFontMetrics(panel.matrix.count_font())
    cell = panel.matrix.cell_rect(0, 0)
    assert metrics.horizontalAdvance("8888") <= cell.width() - 2  # up to 9,999 digits a cell
    assert metrics.capHeight() <= 0.8 * cell.height()
    assert metrics.height() >= (9 if height > 200 else 7)  # readable, not just fitting


def test_hovering_a_cell_says_what_it_counts(qtbot, panel):
    matrix = panel.matrix
    pos = matrix.cell_rect(9, 9).center().toPoint()
    event = QHelpEvent(QEvent.ToolTip, pos, matrix.mapToGlobal(pos))
    QApplication.sendEvent(matrix, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text().startswith(matrix.cell_text(9, 9)) and "digits 9 read right" in QToolTip.text()


def test_the_axis_titles_have_their_own_room_in_chinese(shown, trained_state, dataset):
    """Chinese script stands taller than the font's line: "正确答案" stood over the row numbers."""
    try:
        live.set_language(live.CHINESE)
        panel = shown(DatasetPanel(trained_state, dataset), 700, 420)
        matrix = panel.matrix
        metrics = matrix.fontMetrics()
        title = metrics.size(0, matrix.tr("the right answer")).height()
        assert title > metrics.height()
        assert matrix.cell_rect(0, 0).left() >= title + metrics.horizontalAdvance("9")
        assert matrix.cell_rect(0, 0).top() >= title + metrics.height()
    finally:
        live.set_language(live.ENGLISH)

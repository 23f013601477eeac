"""Guards of what a learner sees whole at 1400×900, 1066×675 and 800×600: every map with all its
rows and columns after every action that rebuilds the maps, every number readable, every control
of the editors reachable."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from engine.examples import EXAMPLES
from gui.app import MODEL, start_network
from gui.examples_menu import load_example
from gui.explain.unit_inspector import UnitInspector
from gui.explain.lesson_banner import MAX_LINES, LessonBanner
from gui.editors.layer_form import new_layers
from gui.i18n import live
from gui.main_window import MainWindow
from gui.state import AppState, Unit
from tests.gui.fit import clipped_controls, map_problems, text_problems

SIZES = [(1400, 900), (1066, 675), (800, 600)]


@pytest.fixture
def window_at(qtbot, settings, tmp_path):
    """The real window with the shipped digit network at a given size, closed at the end."""
    windows = []

    def make(width, height):
        window = MainWindow(AppState(start_network()[0]), settings, tmp_path / "data")
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window
    yield make
    for window in windows:
        window.close()


def settle(qtbot):
    for _ in range(5):  # posted layout requests and deferred shows run
        QApplication.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
def test_every_map_whole_after_start_add_layer_open_and_each_lesson(qtbot, window_at, size):
    window = window_at(*size)
    settle(qtbot)
    assert map_problems(window) == [], "at start-up"
    state = window.state
    layers = window.findChild(QWidget, "layers")
    state.select_layer(0)
    layers.add_layer(next(label for label in new_layers() if "onv" in label))
    settle(qtbot)
    assert map_problems(window) == [], "after Add layer"
    banner = window.findChild(LessonBanner)
    for name in EXAMPLES:
        load_example(state, name)
        settle(qtbot)
        assert map_problems(window) == [], f"after the lesson {name}"
        # the lesson's text is whole, in sight or a scroll away, and leaves the maps their room
        width = banner.scroll.viewport().width()
        assert banner.body.height() >= banner.body.heightForWidth(width), name
        assert banner.height() <= (MAX_LINES + 2) * banner.fontMetrics().lineSpacing(), name
    assert window.open_network(MODEL) == ""
    settle(qtbot)
    assert map_problems(window) == [], "after File ▸ Open"


def test_first_run_opens_on_most_of_the_screen_then_remembers(qtbot, monkeypatch, settings,
                                                              tmp_path):
    screen = QRect(0, 0, 1600, 1000)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: screen)
    window = MainWindow(AppState(start_network()[0]), settings, tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    assert window.size().toTuple() == (1440, 900)
    assert (window.frameGeometry().center() - screen.center()).manhattanLength() <= 8
    for name in ("layers", "kernelEditor"):
        assert clipped_controls(window.findChild(QWidget, name)) == []
    window.resize(760, 640)  # fits the real (offscreen) screen, which restoring checks
    window.close()
    again = MainWindow(AppState(start_network()[0]), settings, tmp_path / "data")
    qtbot.addWidget(again)
    assert again.size().toTuple() == (760, 640)
    again.close()


def test_fits_an_800_by_600_screen(window_at):
    window = window_at(800, 600)
    assert window.minimumSizeHint().height() <= 600 and window.size().toTuple() == (800, 600)
    canvas = window.canvas
    bottom = canvas.mapTo(window, canvas.image_rect().bottomLeft().toPoint()).y()
    prediction = window.docks["predictionDock"]
    assert bottom < prediction.mapTo(window, prediction.rect().topLeft()).y()


@pytest.mark.parametrize("size", [(1600, 1000), (1400, 900), (1066, 675)],
                         ids=lambda s: "x".join(map(str, s)))
def test_the_editors_show_every_control(qtbot, window_at, size):
    window = window_at(*size)
    settle(qtbot)
    for name in ("layers", "kernelEditor"):
        panel = window.findChild(QWidget, name)
        for layer in (0, 1, 6, 7):  # conv, relu, flatten, dense: forms of different heights
            window.state.select_layer(layer)
            settle(qtbot)
            assert clipped_controls(panel) == [], f"layer {layer}"


@pytest.mark.parametrize("size", [(1400, 900), (1066, 675)], ids=lambda s: "x".join(map(str, s)))
def test_every_number_shows_whole(qtbot, window_at, size):
    """Kernel cells, bias, inspector grids, status bar, layer list, RF table and prediction."""
    window = window_at(*size)
    state = window.state
    window.show_sample(3)
    for layer in (0, 3):
        state.select_layer(layer)
        state.pin(Unit(layer, 1, 4, 1))
        state.hover(Unit(layer, 2, 5, 6))
        for dock in ("inspectorDock", "rfTableDock", "inspectorDock"):
            window.docks[dock].raise_()
            settle(qtbot)
            assert text_problems(window) == [], f"layer {layer}, {dock}"


def test_every_map_whole_after_the_window_is_made_small(qtbot, window_at):
    """Shrinking the window takes the room from the maps first: they keep enough of it."""
    window = window_at(1400, 900)
    settle(qtbot)
    window.resize(800, 600)
    settle(qtbot)
    assert window.size().toTuple() == (800, 600)
    assert map_problems(window) == []


@pytest.mark.parametrize("size", [(1400, 900), (1066, 675)], ids=lambda s: "x".join(map(str, s)))
def test_made_small_then_large_again_the_window_is_laid_out_as_a_fresh_one(qtbot, window_at,
                                                                          size):
    """Qt gives a growing window's room to the maps alone: the docks must get theirs back."""
    fresh = window_at(*size)
    settle(qtbot)
    cycled = window_at(*size)
    settle(qtbot)
    cycled.resize(800, 600)
    settle(qtbot)
    cycled.resize(*size)
    settle(qtbot)
    for name, dock in fresh.docks.items():
        if dock.isVisible():
            got, expected = cycled.docks[name].size(), dock.size()
            assert abs(got.width() - expected.width()) <= 3, name
            assert abs(got.height() - expected.height()) <= 3, name
    for name in ("layers", "kernelEditor"):
        assert clipped_controls(cycled.findChild(QWidget, name)) == []
    assert text_problems(cycled) == []


@pytest.mark.parametrize("language", [live.ENGLISH, live.CHINESE])
def test_a_pinned_corner_unit_is_explained_without_scrolling_at_1400_by_900(qtbot, window_at,
                                                                             language):
    """Its 5×5 window, the sum and the padding note: Chinese lines stand taller."""
    try:
        live.set_language(language)
        window = window_at(1400, 900)
        window.show_sample(3)
        window.state.recompute()
        window.state.pin(Unit(0, 0, 0, 0))
        settle(qtbot)
        inspector = window.findChild(UnitInspector)
        assert inspector.explanation is not None and inspector.explanation.padded.any()
        assert inspector.scroll.verticalScrollBar().maximum() == 0
    finally:
        live.set_language(live.ENGLISH)

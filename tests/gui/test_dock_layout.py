"""The docks at every window size: a fresh window's sizes after any shrinking and growing, and the
sizes a user dragged kept through it and remembered."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.state import AppState
from tests.gui.mouse import send_mouse

DOCKS = ("inputDock", "predictionDock", "layersDock", "kernelDock", "inspectorDock")


def settle():
    for _ in range(5):  # posted layout requests run
        QApplication.processEvents()


def dock_sizes(window):
    return {name: window.docks[name].size().toTuple() for name in DOCKS}


def assert_near(sizes, expected, slack=3):
    for name, (width, height) in expected.items():
        got = sizes[name]
        assert abs(got[0] - width) <= slack and abs(got[1] - height) <= slack, \
            f"{name}: {got}, expected {(width, height)}"


def drag_editors_edge(window, dx):
    """Drag the separator between the maps and the editors' column by ``dx`` pixels, as a user
    does with the mouse on the window (Qt moves a separator when its event loop runs)."""
    maps, layers = window.centralWidget().geometry(), window.docks["layersDock"].geometry()
    start = QPoint((maps.right() + layers.left()) // 2, layers.center().y())
    send_mouse(window, QEvent.MouseButtonPress, start, Qt.LeftButton, Qt.LeftButton)
    for step in (dx // 2, dx):
        send_mouse(window, QEvent.MouseMove, start + QPoint(step, 0), Qt.NoButton, Qt.LeftButton)
        settle()
    send_mouse(window, QEvent.MouseButtonRelease, start + QPoint(dx, 0), Qt.LeftButton)
    settle()


def reopen(qtbot, window, settings, tmp_path):
    """A new window as the app opens one after ``window`` was closed, shown at 1400×900."""
    again = MainWindow(AppState(window.state.network), settings, tmp_path / "data")
    qtbot.addWidget(again)
    again.resize(1400, 900)
    again.show()
    qtbot.waitExposed(again)
    settle()
    return again


def test_a_dragged_editor_width_survives_shrinking_and_growing_and_is_remembered(
        qtbot, main_window, settings, tmp_path):
    settle()
    fresh = dock_sizes(main_window)
    drag_editors_edge(main_window, -80)
    dragged = dock_sizes(main_window)
    assert dragged["layersDock"][0] == fresh["layersDock"][0] + 80
    assert dragged["inputDock"] == fresh["inputDock"]
    main_window.resize(800, 600)
    settle()
    assert main_window.docks["layersDock"].width() < dragged["layersDock"][0]
    main_window.resize(1400, 900)
    settle()
    assert_near(dock_sizes(main_window), dragged)
    main_window.close()
    again = reopen(qtbot, main_window, settings, tmp_path)
    assert_near(dock_sizes(again), dragged)
    again.close()


@pytest.mark.parametrize("stored", [
    '{"editorsColumn": 700', '[700]',
    '{"editorsColumn": "wide", "canvasColumn": true, "explanations": -5, "canvasShare": 7, '
    '"layersShare": NaN, "kernelDock": 300}'])
def test_malformed_remembered_sizes_are_ignored(qtbot, main_window, settings, tmp_path, stored):
    settle()
    fresh = dock_sizes(main_window)
    main_window.close()
    settings.setValue("dockSizes", stored)
    again = reopen(qtbot, main_window, settings, tmp_path)
    assert_near(dock_sizes(again), fresh)
    again.close()

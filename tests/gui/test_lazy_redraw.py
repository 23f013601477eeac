"""LazyRedraw: a widget hidden in a shown window waits for its show to redraw, once."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget

from gui.lazy_redraw import LazyRedraw


def _tabs(shown):
    tabs = shown(QTabWidget(), 300, 200)
    front, back = QLabel("front"), QLabel("back")
    tabs.addTab(front, "front")
    tabs.addTab(back, "back")
    return tabs, back


def test_a_widget_behind_a_tab_redraws_once_when_shown(shown):
    tabs, back = _tabs(shown)
    calls = []
    redraw = LazyRedraw(back, lambda widget: calls.append(widget.isVisible()))
    redraw()
    redraw()
    assert calls == [] and redraw.pending
    tabs.setCurrentWidget(back)
    assert calls == [True] and not redraw.pending
    redraw()  # now visible: at once
    assert calls == [True, True]
    tabs.setCurrentIndex(0)
    tabs.setCurrentWidget(back)  # nothing changed while hidden: no redraw on show
    assert calls == [True, True]


def test_a_widget_in_a_window_not_shown_redraws_at_once(qtbot):
    widget = QLabel()
    qtbot.addWidget(widget)
    calls = []
    redraw = LazyRedraw(widget, lambda _: calls.append(True))
    redraw()
    assert calls == [True] and not redraw.pending


def test_a_dock_behind_another_docks_tab_redraws_when_raised(shown, qtbot):
    window = QMainWindow()
    docks = []
    for title in ("front", "back"):
        dock = QDockWidget(title, window)
        dock.setWidget(QLabel(title))
        window.addDockWidget(Qt.BottomDockWidgetArea, dock)
        docks.append(dock)
    window.tabifyDockWidget(*docks)
    docks[0].raise_()
    shown(window, 400, 300)
    back = docks[1].widget()
    calls = []
    redraw = LazyRedraw(back, lambda _: calls.append(True))
    redraw()  # Qt keeps it "visible", moved out of the window
    assert calls == [] and redraw.pending
    docks[1].raise_()
    qtbot.waitUntil(lambda: calls == [True])  # on its first paint
    assert not redraw.pending


def test_a_filter_cleared_by_the_garbage_collector_ignores_the_widgets_last_events(shown):
    """Python's cycle collector empties a wrapper Qt still owns; its widget may paint once more."""
    tabs, back = _tabs(shown)
    redraw = LazyRedraw(back, lambda _: None)
    redraw()
    vars(redraw).clear()  # what the collector's tp_clear leaves
    tabs.setCurrentWidget(back)  # a show and a paint reach the emptied filter: no exception
    assert back.isVisible()

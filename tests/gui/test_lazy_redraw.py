"""LazyRedraw: a widget hidden in a shown window waits for its show to redraw, once."""

from PySide6.QtWidgets import QLabel, QTabWidget

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
    redraw = LazyRedraw(back, lambda: calls.append(back.isVisible()))
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
    redraw = LazyRedraw(widget, lambda: calls.append(True))
    redraw()
    assert calls == [True] and not redraw.pending

"""Redraw a widget only when it can be seen: a dock behind another tab waits until it is shown.

The pen changes the maps every frame; a dock tabbed behind another one (the sliding window behind
the unit inspector, say) would otherwise redraw for nothing, a few milliseconds each time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class LazyRedraw(QObject):
    """Call it instead of ``redraw``: it redraws now, or on the widget's next show if hidden.

    Only a widget hidden inside a window on screen waits; a widget whose window is not shown
    (not yet, or a test that never shows it) redraws at once, so it is always up to date when
    it appears and can be inspected without a screen.
    """

    def __init__(self, widget, redraw):
        super().__init__(widget)
        self._widget, self._redraw = widget, redraw
        self.pending = False
        widget.installEventFilter(self)

    def __call__(self, *_):
        widget = self._widget
        self.pending = widget.window().isVisible() and not widget.isVisible()
        if not self.pending:
            self._redraw()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Show and self.pending:
            self.pending = False
            self._redraw()
        return False

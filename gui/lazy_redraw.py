"""Redraw a widget only when it can be seen: a dock behind another tab waits until it is shown.

The pen changes the maps every frame; a dock tabbed behind another one (the sliding window behind
the unit inspector, say) would otherwise redraw for nothing, a few milliseconds each time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from gui.callbacks import detached


class LazyRedraw(QObject):
    """Call it instead of ``redraw``: it redraws now, or when the widget next appears if unseen.

    Unseen means an empty visible region inside a window on screen. Qt hides the pages of a
    QTabWidget (they get a show event back), but a dock behind another dock's tab stays
    "visible", moved out of the window, and is only painted again when raised: both events
    catch up. A widget whose window is not shown (not yet, or a test that never shows it)
    redraws at once, so it is up to date when it appears and can be inspected without a screen.
    """

    def __init__(self, widget, redraw):
        """``redraw`` is a bound method or a function of the widget (``gui.callbacks``): this
        filter is the widget's child and must not hold it."""
        super().__init__(widget)
        self._redraw = detached(widget, redraw)
        self.pending = False
        widget.installEventFilter(self)

    def __call__(self, *_):
        widget = self.parent()
        self.pending = widget.window().isVisible() and widget.visibleRegion().isEmpty()
        if not self.pending:
            self._redraw(widget)

    def eventFilter(self, watched, event):
        # Python's cycle collector can clear this object's attributes while Qt, which owns it
        # through the widget, still delivers the widget's last events: nothing is pending then.
        if getattr(self, "pending", False) and event.type() in (QEvent.Show, QEvent.Paint):
            self.pending = False
            self._redraw(watched)
        return False

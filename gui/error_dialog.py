"""The last line of defence: an unexpected exception in any slot becomes a message, not a crash.

``install(window)`` makes ``sys.excepthook`` (which PySide6 calls for an exception escaping a
slot or an event handler) show a window-modal box with the details to copy; the event loop goes
on, and the app keeps the state it had. One box at a time: a fault that repeats (in a paint
event, say) adds to the count in the open box instead of stacking boxes.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.i18n import QT_TRANSLATE_NOOP, fill, live

SUMMARY = QT_TRANSLATE_NOOP(
    "ErrorDialog", "Something went wrong inside ConvScope, and the last action may not have "
    "finished. Your network and drawing are as they were before it; you can keep working. If it "
    "happens again, the details below help to fix it.")


class ErrorDialog(QMessageBox):
    """The box that shows unexpected exceptions; ``report`` adds one."""

    def __init__(self, parent):
        super().__init__(QMessageBox.Critical, "", "", QMessageBox.Ok, parent)
        self.setObjectName("unexpectedErrorBox")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.count = 0
        live.bind_text(self, self.setWindowTitle, lambda self: self.tr("Unexpected error"))
        live.on_language_change(self, self._show_count)

    def _show_count(self):
        """The summary, and how often the fault happened while the box was open."""
        text = self.tr(SUMMARY)
        if self.count > 1:
            text += "\n\n" + fill(self.tr("This happened %1 times."), self.count)
        self.setText(text)

    def report(self, exc_type, exc, tb):
        """Show the exception (type, value, traceback), or count it when the box is open."""
        if self.isVisible():
            self.count += 1
            self._show_count()
            return
        self.count = 1
        self._show_count()
        self.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        self.open()


def install(window):
    """Route unexpected exceptions to an ErrorDialog on ``window`` (and to stderr); returns it."""
    dialog = ErrorDialog(window)

    def hook(exc_type, exc, tb):
        sys.__excepthook__(exc_type, exc, tb)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        dialog.report(exc_type, exc, tb)

    sys.excepthook = hook
    return dialog

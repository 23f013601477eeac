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

SUMMARY = ("Something went wrong inside ConvScope, and the last action may not have finished. "
           "Your network and drawing are as they were before it; you can keep working. "
           "If it happens again, the details below help to fix it.")


class ErrorDialog(QMessageBox):
    """The box that shows unexpected exceptions; ``report`` adds one."""

    def __init__(self, parent):
        super().__init__(QMessageBox.Critical, "Unexpected error", SUMMARY, QMessageBox.Ok, parent)
        self.setObjectName("unexpectedErrorBox")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.count = 0

    def report(self, exc_type, exc, tb):
        """Show the exception (type, value, traceback), or count it when the box is open."""
        if self.isVisible():
            self.count += 1
            self.setText(f"{SUMMARY}\n\nThis happened {self.count} times.")
            return
        self.count = 1
        self.setText(SUMMARY)
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

"""Fields keep only what is theirs: the undo keys while they hold typed text, the wheel once
clicked into.

A spin box, a combo box or a line edit that keeps keyboard focus after Enter would otherwise take
Ctrl+Z for its own text undo, so the app's "undo (Ctrl+Z)" did nothing right after an edit; and
the wheel of a pointer merely passing over a field while the panel scrolls changed it (a kernel
size, re-initialising trained weights).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox,
                               QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox)

#: fields that step through values under the wheel
_WHEEL_FIELDS = (QAbstractSpinBox, QComboBox)
#: windows of Qt's or pyqtgraph's making, whose fields keep their own wheel and focus
_NOT_OURS = (QFileDialog, QMessageBox, QInputDialog, QMenu)
#: the events the guard looks into; every event of the app passes it
_GUARDED = frozenset({QEvent.ShortcutOverride, QEvent.Show, QEvent.Wheel})


class FieldGuard(QObject):
    """An application event filter, there as long as its parent (the main window) is.

    - The keys ``undo_keys`` and ``redo_keys`` (the window's Undo and Redo) reach the window
      unless the focused field holds typed text the app has not taken yet (its line edit
      ``isModified()``): that is undone as text, as in any text field, and redone as text while
      the field can. Committed edits reset the flag (spin boxes on Enter, the editors when they
      show the network's value).
    - The window's spin boxes and combo boxes (its docks' and its own dialogs' too) take focus
      by a click or Tab, not by the wheel; over one without focus the wheel scrolls the page it
      sits on. Qt's standard dialogs and pyqtgraph's menus are left as they are.
    """

    def __init__(self, undo_keys, redo_keys, parent):
        super().__init__(parent)
        self._undo_keys = [sequence[0] for sequence in undo_keys]
        self._redo_keys = [sequence[0] for sequence in redo_keys]
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind not in _GUARDED:
            return False
        if kind == QEvent.ShortcutOverride:
            return self._passes_shortcut(watched, event)
        if not isinstance(watched, _WHEEL_FIELDS) or not self._in_window(watched):
            return False
        if kind == QEvent.Show and watched.focusPolicy() == Qt.WheelFocus:
            watched.setFocusPolicy(Qt.StrongFocus)
        elif kind == QEvent.Wheel and not watched.hasFocus():
            _scroll_page(watched, event)
            return True
        return False

    def _in_window(self, widget):
        """Whether ``widget`` is the window's: in it, in one of its docks or in a dialog of its
        own (training) — not in Qt's standard dialogs or pyqtgraph's menus."""
        top = widget.window()
        while top is not None and top is not self.parent():
            if isinstance(top, _NOT_OURS):
                return False
            owner = top.parentWidget()
            top = None if owner is None else owner.window()
        return top is not None

    def _passes_shortcut(self, watched, event):
        """True (the override refused) for a key of the window's Undo or Redo on a field with no
        typed text to undo or redo."""
        # Python's cycle collector may clear the attributes before Qt deletes the filter.
        key = event.keyCombination()
        redo = key in getattr(self, "_redo_keys", ())
        if not redo and key not in getattr(self, "_undo_keys", ()):
            return False
        line = (watched if isinstance(watched, QLineEdit) else
                watched.lineEdit() if isinstance(watched, _WHEEL_FIELDS) else None)
        if line is None or line.isModified() or redo and line.isRedoAvailable():
            return False
        event.ignore()
        return True


def _scroll_page(field, event):
    """Hand the wheel ``event`` over ``field`` to the scroll area around it, if any."""
    page = field.parentWidget()
    while page is not None and not isinstance(page, QAbstractScrollArea):
        page = page.parentWidget()
    if page is None:
        return
    viewport = page.viewport()
    where = event.globalPosition()
    QApplication.sendEvent(viewport, QWheelEvent(
        viewport.mapFromGlobal(where), where, event.pixelDelta(), event.angleDelta(),
        event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source()))

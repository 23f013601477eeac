"""Edit ▸ Undo and Redo: named and enabled like QUndoStack's own actions, but through the state,
which refuses a step that would change the network while training runs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence

from gui.i18n import fill


class HistoryAction(QAction):
    """Undo (``redo=False``) or Redo on ``state``.

    Signals
    -------
    stepRefused(str) : the state refused the step; the reason.
    """

    stepRefused = Signal(str)

    def __init__(self, state, redo, parent):
        super().__init__(parent)
        stack = state.undo_stack
        self._redo = redo
        self._step_name = stack.redoText if redo else stack.undoText
        self._step = state.redo if redo else state.undo
        keys = ["Ctrl+Shift+Z", "Ctrl+Y"] if redo else ["Ctrl+Z"]
        self.setShortcuts([QKeySequence(key) for key in keys])
        self.name_step()
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._on_step_named)
        self.triggered.connect(self._on_triggered)

    def name_step(self):
        """'&Undo Sample 3' (or '&Undo' with no step to name) in the interface language."""
        self._on_step_named(self._step_name())

    def _on_step_named(self, name):
        label = self.tr("&Redo %1") if self._redo else self.tr("&Undo %1")
        self.setText(fill(label, name).strip())

    def _on_triggered(self):
        reason = self._step()
        if reason:
            self.stepRefused.emit(reason)

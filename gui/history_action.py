"""Edit ▸ Undo and Redo: named and enabled like QUndoStack's own actions, but through the state,
which refuses a step that would change the network while training runs, and whose Undo takes back
a refused edit first."""

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
        self._state, self._redo = state, redo
        self._step = state.redo if redo else state.undo
        keys = ["Ctrl+Shift+Z", "Ctrl+Y"] if redo else ["Ctrl+Z"]
        self.setShortcuts([QKeySequence(key) for key in keys])
        # Kept from the stack's signals, never asked of it: it announces its end while dying.
        self._can_step = stack.canRedo() if redo else stack.canUndo()
        self._step_name = stack.redoText() if redo else stack.undoText()
        self.name_step()
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self._on_can_step)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._on_step_named)
        if not redo:
            state.errorChanged.connect(self.name_step)
        self.triggered.connect(self._on_triggered)

    def name_step(self):
        """'&Undo Sample 3' (or '&Undo' with no step to name, or "&Undo refused edit") in the
        interface language, enabled when there is something to undo or redo."""
        refused = not self._redo and self._state.edit_refused
        self.setEnabled(refused or self._can_step)
        if refused:
            self.setText(self.tr("&Undo refused edit"))
            return
        label = self.tr("&Redo %1") if self._redo else self.tr("&Undo %1")
        self.setText(fill(label, self._step_name).strip())

    def _on_can_step(self, can_step):
        self._can_step = can_step
        self.name_step()

    def _on_step_named(self, name):
        self._step_name = name
        self.name_step()

    def _on_triggered(self):
        reason = self._step()
        if reason:
            self.stepRefused.emit(reason)

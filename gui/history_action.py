"""Edit ▸ Undo and Redo: named and enabled like QUndoStack's own actions, but through the state,
which refuses a step that would change the network while training runs."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


class HistoryAction(QAction):
    """Undo (``redo=False``) or Redo on ``state``; a refusal is passed to ``refused(reason)``."""

    def __init__(self, state, redo, refused, parent):
        self._label = "&Redo" if redo else "&Undo"
        super().__init__(self._label, parent)
        stack = state.undo_stack
        self._step = state.redo if redo else state.undo
        self._refused = refused
        keys = ["Ctrl+Shift+Z", "Ctrl+Y"] if redo else ["Ctrl+Z"]
        self.setShortcuts([QKeySequence(key) for key in keys])
        self._on_step_named(stack.redoText() if redo else stack.undoText())
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._on_step_named)
        self.triggered.connect(self._on_triggered)

    def _on_step_named(self, name):
        self.setText(f"{self._label} {name}".strip())

    def _on_triggered(self):
        reason = self._step()
        if reason:
            self._refused(reason)

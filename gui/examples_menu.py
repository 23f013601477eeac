"""File ▸ Examples: the ready-made lessons of ``engine.examples``, each loaded as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from engine.examples import EXAMPLES
from gui.drawing import samples
from gui.i18n import live
from gui.i18n.engine_messages import engine_text


def load_example(state, name):
    """Make the example ``name`` the network and the drawing (one undo step), select its layer
    and pin its unit. Returns the refusal (while training runs) or ''."""
    example = EXAMPLES[name]
    network, image = example.build()
    if image is None:
        image = samples.sample_digit(example.digit, network.input_shape[1:])
    return state.load_lesson(example, network, image)


class ExamplesMenu(QMenu):
    """One action per example; its status tip is the example's description.

    Signals
    -------
    exampleRefused(str) : an example was not opened; the reason.
    """

    exampleRefused = Signal(str)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("examplesMenu")
        self.state = state
        self.setToolTipsVisible(True)
        live.bind_text(self, self.setTitle, lambda self: self.tr("&Examples"))
        for name, example in EXAMPLES.items():
            action = QAction(self)
            action.setData(name)
            live.bind_text(self, action.setText, lambda _, e=example: engine_text(e.title))
            live.bind_text(self, action.setStatusTip,
                           lambda _, e=example: engine_text(e.description))
            live.bind_text(self, action.setToolTip,  # rich text wraps
                           lambda _, e=example: f"<p>{engine_text(e.description)}</p>")
            self.addAction(action)
        self.triggered.connect(self._on_triggered)

    def _on_triggered(self, action):
        reason = load_example(self.state, action.data())
        if reason:
            self.exampleRefused.emit(reason)

"""File ▸ Examples: the ready-made lessons of ``engine.examples``, each loaded as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from engine.examples import EXAMPLES
from gui.drawing import samples


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
        super().__init__("&Examples", parent)
        self.setObjectName("examplesMenu")
        self.setToolTipsVisible(True)
        for name, example in EXAMPLES.items():
            action = QAction(example.title, self)
            action.setData(name)
            action.setStatusTip(example.description)
            action.setToolTip(f"<p>{example.description}</p>")  # rich text wraps
            action.triggered.connect(lambda _=False, n=name: self._open(state, n))
            self.addAction(action)

    def _open(self, state, name):
        reason = load_example(state, name)
        if reason:
            self.exampleRefused.emit(reason)

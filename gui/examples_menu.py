"""File ▸ Examples: the ready-made lessons of ``engine.examples``, each loaded as one undo step."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from engine.examples import EXAMPLES, pin_unit
from gui import samples
from gui.state import Unit


def load_example(state, name):
    """Make the example ``name`` the network and the drawing (one undo step), select its layer
    and pin its unit."""
    example = EXAMPLES[name]
    network, image = example.build()
    if image is None:
        image = samples.sample_digit(example.digit, network.input_shape[1:])
    stack = state.undo_stack
    stack.beginMacro(f"Example: {example.title}")
    state.set_network(network, example.title)  # never refused: Network() validated it
    state.set_image(image, example.title)
    stack.endMacro()
    state.recompute()  # the pin below needs this network's maps, not the old ones
    state.set_lesson(example)
    state.select_layer(example.select)
    unit = pin_unit(example, state.activations)
    state.pin(None if unit is None else Unit(*unit))


class ExamplesMenu(QMenu):
    """One action per example; its status tip is the example's description."""

    def __init__(self, state, parent=None):
        super().__init__("&Examples", parent)
        self.setObjectName("examplesMenu")
        self.setToolTipsVisible(True)
        for name, example in EXAMPLES.items():
            action = QAction(example.title, self)
            action.setData(name)
            action.setStatusTip(example.description)
            action.setToolTip(f"<p>{example.description}</p>")  # rich text wraps
            action.triggered.connect(lambda _=False, n=name: load_example(state, n))
            self.addAction(action)

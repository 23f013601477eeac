"""The controls above the canvas: brush size, eraser, clear, and the ten sample digits.

Like every control they act through ``state`` (``set_brush_size``, ``set_eraser``, ``set_image``)
and follow its ``brushChanged``; they never touch the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from gui.drawing.samples import sample_digit
from gui.i18n import fill, live


class DrawTools(QWidget):
    """Brush size, eraser toggle, clear; a row of sample digits to start from.

    Signals
    -------
    sampleDrawn(int) : the sample of this digit became the drawing (the window then gives the
        canvas the keyboard focus).
    """

    sampleDrawn = Signal(int)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("drawTools")
        self.state = state
        self.brush = QDoubleSpinBox(self, decimals=1, singleStep=0.5, suffix=" px")
        live.bind_text(self, self.brush.setToolTip, lambda self: self.tr(
            "Brush diameter in input pixels  ([ and ] on the canvas)"))
        self.eraser = QToolButton(self, checkable=True)
        live.bind_text(self, self.eraser.setText, lambda self: self.tr("Eraser"))
        live.bind_text(self, self.eraser.setToolTip, lambda self: self.tr(
            "Erase with the left button too  (E; the right button always erases)"))
        self.clear_button = clear = QToolButton(self)
        live.bind_text(self, clear.setText, lambda self: self.tr("Clear"))
        live.bind_text(self, clear.setToolTip, lambda self: self.tr(
            "Clear the drawing  (Esc or Delete on the canvas; undo with Ctrl+Z)"))
        brush_label = QLabel(self)
        live.bind_text(self, brush_label.setText, lambda self: self.tr("Brush"))
        tools = QHBoxLayout()
        tools.addWidget(brush_label)
        tools.addWidget(self.brush)
        tools.addWidget(self.eraser)
        tools.addStretch(1)
        tools.addWidget(clear)
        samples = QHBoxLayout()
        samples.setSpacing(2)
        samples_label = QLabel(self)
        live.bind_text(self, samples_label.setText, lambda self: self.tr("Samples"))
        samples.addWidget(samples_label)
        self.sample_buttons = []
        for digit in range(10):
            button = QToolButton(self, text=str(digit), autoRaise=True)
            self.sample_buttons.append(button)
            button.setFixedWidth(22)
            live.bind_text(self, button.setToolTip, lambda self, d=digit: fill(
                self.tr("Draw the MNIST sample %1  (Ctrl+%1)"), d))
            button.clicked.connect(self._on_sample_clicked)
            samples.addWidget(button)
        samples.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addLayout(tools)
        layout.addLayout(samples)
        self.brush.valueChanged.connect(self._on_brush_edited)
        self.eraser.toggled.connect(state.set_eraser)
        clear.clicked.connect(state.clear_image)
        state.brushChanged.connect(self._on_brush_changed)
        self._on_brush_changed()

    def _on_brush_changed(self):
        with QSignalBlocker(self.brush), QSignalBlocker(self.eraser):
            self.brush.setRange(0.5, max(self.state.image_size) / 2)
            self.brush.setValue(self.state.brush_size)
            self.eraser.setChecked(self.state.eraser)
        self._show_eraser_state()

    def _show_eraser_state(self):
        """A checked eraser in the highlight colour: the style's sunken look alone hardly shows,
        and a student in erase mode would find that drawing does nothing."""
        self.eraser.setPalette(QPalette())  # back to the inherited palette
        if self.eraser.isChecked():
            palette = self.eraser.palette()
            palette.setColor(QPalette.Button, palette.color(QPalette.Highlight))
            palette.setColor(QPalette.ButtonText, palette.color(QPalette.HighlightedText))
            self.eraser.setPalette(palette)

    def _on_brush_edited(self, value):
        self.state.set_brush_size(value)

    def _on_sample_clicked(self):
        digit = self.sample_buttons.index(self.sender())
        self.state.set_image(sample_digit(digit, self.state.image_size),
                             fill(self.tr("Sample %1"), digit))
        self.sampleDrawn.emit(digit)

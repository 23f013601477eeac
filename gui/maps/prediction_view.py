"""The network's answer: the most probable class in large type and every class's probability."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.maps.bar_view import BarView
from gui.present.colormaps import ERROR_HEX

NO_SOFTMAX = QT_TRANSLATE_NOOP(
    "PredictionView", "No prediction: the network does not end in softmax (… → dense → softmax).")
SOFTMAX_OVER_MAPS = QT_TRANSLATE_NOOP(
    "PredictionView", "No prediction: the softmax here spreads over maps, not over classes. Make "
    "the network end in flatten → dense (one output per class) → softmax.")
NOTHING_DRAWN = QT_TRANSLATE_NOOP(
    "PredictionView", "Nothing drawn yet: draw a digit on the canvas to see what the network "
    "reads.")


class PredictionView(QWidget):
    """Top class, its probability and the runner-up, above a live bar chart of all classes.

    Shown while ``state.probabilities`` is not None; otherwise a one-line reason instead.
    """

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("prediction")
        self.state = state
        self.bars = None
        self.digit = QLabel(self)
        self.digit.setObjectName("topClass")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 3.5)
        font.setBold(True)
        self.digit.setFont(font)
        self.digit.setMinimumWidth(self.digit.fontMetrics().horizontalAdvance("00"))
        self.digit.setAlignment(Qt.AlignCenter)
        self.detail = QLabel(self)
        self.detail.setObjectName("confidence")
        self.reason = QLabel(self.tr(NO_SOFTMAX), self)
        self.reason.setWordWrap(True)
        self.reason.setEnabled(False)  # muted text
        self.warning = QLabel(self, wordWrap=True)
        self.warning.setObjectName("reinitializedWarning")
        palette = self.warning.palette()
        palette.setColor(QPalette.WindowText, QColor(ERROR_HEX))
        self.warning.setPalette(palette)
        header = QHBoxLayout()
        header.addWidget(self.digit)
        header.addWidget(self.detail, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.addLayout(header)
        self._layout.addWidget(self.warning)
        self._layout.addWidget(self.reason)
        self._layout.addStretch(1)
        state.layersChanged.connect(self._on_layers_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        self._on_layers_changed()
        live.on_language_change(self, self._on_language_changed)

    def _on_language_changed(self):
        if self.bars is not None:
            self.bars.set_title(self.tr("probability of each class"))
        self._on_activations_changed()

    def _on_layers_changed(self):
        net = self.state.network
        fresh = [net.names[i] for i in sorted(self.state.reinitialized)]
        self.warning.setVisible(bool(fresh))
        if fresh:
            self.warning.setText(
                fill(self.tr("%1 was re-initialised (random weights): train (Ctrl+T) or undo "
                             "(Ctrl+Z)."), fresh[0]) if len(fresh) == 1 else
                fill(self.tr("%1 and %2 were re-initialised (random weights): train (Ctrl+T) or "
                             "undo (Ctrl+Z)."), self.tr(", ").join(fresh[:-1]), fresh[-1]))
        classes = net.shapes[-1][0] if net.layers and len(net.shapes[-1]) == 1 else None
        if self.bars is not None and self.bars.shape == (classes,):
            return  # the same classes: the bars stay
        if self.bars is not None:
            self._layout.removeWidget(self.bars)
            self.bars.hide()  # at once: deleteLater waits for the event loop
            self.bars.deleteLater()
            self.bars = None
        if classes is not None:
            self.bars = BarView(self.tr("probability of each class"), classes, False,
                                [str(k) for k in range(classes)], probabilities=True, parent=self)
            self._layout.insertWidget(3, self.bars)
        self._on_activations_changed()

    def _reason(self, probabilities):
        """Why nothing is predicted: no softmax at the end, a softmax over maps, or a blank input."""
        net = self.state.network
        if probabilities is not None and self.bars is not None:
            return self.tr(NOTHING_DRAWN)
        over_maps = net.layers and net.layers[-1].kind == "softmax" and len(net.shapes[-1]) != 1
        return self.tr(SOFTMAX_OVER_MAPS if over_maps else NO_SOFTMAX)

    def _on_activations_changed(self):
        probabilities = self.state.probabilities
        # A blank input still gets an answer (whatever the biases favour): not a reading.
        blank = not self.state.model_input.any()
        shown = probabilities is not None and self.bars is not None and (
            probabilities.shape == self.bars.shape) and not blank
        for widget in (self.digit, self.detail, self.bars):
            if widget is not None:
                widget.setVisible(shown)
        self.reason.setVisible(not shown)
        if not shown:
            self.reason.setText(self._reason(probabilities))
            return
        order = np.argsort(-probabilities, kind="stable")  # ties: the lowest class, like argmax
        top = int(order[0])
        self.digit.setText(str(top))
        text = fill(self.tr("<b>%1</b> sure"), f"{probabilities[top]:.0%}")
        if len(order) > 1:
            second = int(order[1])
            text += "<br>" + fill(self.tr("then %1 · %2"), second, f"{probabilities[second]:.0%}")
        self.detail.setText(text)
        self.bars.set_maps(probabilities)
        self.bars.set_marks(units=[(top, 0, 0)])

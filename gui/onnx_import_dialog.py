"""Opening an ONNX model: choose its input size (when the graph leaves it open) and the input
normalisation it was trained with, watching its prediction for the current drawing change.

The model is read when the dialog is built (a refusal is raised then, before anything shows);
on Open the network becomes the state's as one undoable step.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox,
    QVBoxLayout,
)

import engine
from engine import onnx_io
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import engine_text

NORMALIZATION_TIPS = {
    "none": QT_TRANSLATE_NOOP("OnnxImportDialog",
                              "Pixels as they are: 0 for the background, 1 for full ink."),
    "MNIST": QT_TRANSLATE_NOOP("OnnxImportDialog", "(pixel − 0.1307) / 0.3081: what "
                               "torchvision's MNIST examples train on."),
    "[−1, 1]": QT_TRANSLATE_NOOP("OnnxImportDialog",
                                 "(pixel − 0.5) / 0.5: pixels spread over −1 … 1."),
    "ImageNet": QT_TRANSLATE_NOOP("OnnxImportDialog", "Per colour channel: mean (0.485, 0.456, "
                                  "0.406), std (0.229, 0.224, 0.225)."),
}
#: the normalisations' names as the menu shows them ("none" is a word, the others names)
NORMALIZATION_NAMES = {"none": QT_TRANSLATE_NOOP("OnnxImportDialog", "none")}


class OnnxImportDialog(QDialog):
    """Settings for opening the ONNX file ``path`` into ``state``.

    Raises
    ------
    engine.ConfigError
        From the constructor when the file cannot be read or its graph is refused.
    """

    def __init__(self, state, path, parent=None):
        super().__init__(parent)
        self.state, self.path = state, Path(path)
        self._model = onnx_io.open_onnx(self.path)
        channels, height, width = onnx_io.onnx_input_shape(self._model)
        self._read = onnx_io.read_onnx(self._model)  # refusals surface before the dialog shows
        self.setObjectName("onnxImportDialog")

        form = QFormLayout()
        self.height_box, self.width_box = (self._side_box(side, name) for side, name in
                                           ((height, "inputHeight"), (width, "inputWidth")))
        size_row = QHBoxLayout()
        size_row.addWidget(self.height_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.width_box)
        size_row.addStretch(1)
        self._size_label, self._normalization_label = QLabel(), QLabel()
        form.addRow(self._size_label, size_row)

        self.normalization = QComboBox(objectName="normalization")
        for name, value in engine.NORMALIZATIONS.items():
            self.normalization.addItem(name, value)
            index = self.normalization.count() - 1
            if value is not None and len(value.mean) not in (1, channels):
                self.normalization.model().item(index).setEnabled(False)  # colour-only for grey
        given = self._read.network.normalization
        self.invert = QCheckBox(objectName="invert")
        if given is not None:  # the file says (a ConvScope export): choose that
            self.normalization.addItem("", given)
            self.normalization.setCurrentIndex(self.normalization.count() - 1)
            self.invert.setChecked(given.invert)
        else:
            self.normalization.setCurrentIndex(self._guess())
        form.addRow(self._normalization_label, self.normalization)
        form.addRow("", self.invert)

        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.preview = QLabel(objectName="preview", wordWrap=True)
        self.preview.setTextFormat(Qt.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        self.network = None
        for box in (self.height_box, self.width_box):
            box.valueChanged.connect(self._on_settings_changed)
        self.normalization.currentIndexChanged.connect(self._on_settings_changed)
        self.invert.toggled.connect(self._on_settings_changed)
        self._retranslate()
        live.on_language_change(self, self._retranslate)

    def _retranslate(self):
        """The fixed texts, then the summary and the prediction."""
        self.setWindowTitle(fill(self.tr("Open %1"), self.path.name))
        self._size_label.setText(self.tr("Input size:"))
        self._normalization_label.setText(self.tr("Input normalisation:"))
        for box in (self.height_box, self.width_box):
            box.setSuffix(self.tr(" px"))
            box.setToolTip(self.tr("The model accepts any size here; ConvScope needs one to draw "
                                   "on.") if box.isEnabled() else
                           self.tr("The model fixes its input size."))
        for index, name in enumerate(engine.NORMALIZATIONS):
            self.normalization.setItemText(index, self.tr(NORMALIZATION_NAMES.get(name, name)))
            self.normalization.setItemData(index, self.tr(NORMALIZATION_TIPS[name]),
                                           Qt.ToolTipRole)
        if self.normalization.count() > len(engine.NORMALIZATIONS):
            self.normalization.setItemText(len(engine.NORMALIZATIONS),
                                           self.tr("as saved in the file"))
        self.normalization.setToolTip(self.tr(
            "The numbers the model was trained on: ConvScope turns each pixel of your drawing "
            "into them before the first layer."))
        self.invert.setText(self.tr("Dark ink on light paper (the model saw 1 − pixel)"))
        self._on_settings_changed()

    def _side_box(self, side, name):
        box = QSpinBox(objectName=name, minimum=1, maximum=onnx_io.MAX_SIDE)
        box.setValue(onnx_io.DEFAULT_SIZE if side is None else side)
        box.setEnabled(side is None)
        return box

    def _guess(self):
        """ImageNet for a colour model, else none: the user sees the prediction and corrects it."""
        channels = self._read.network.input_shape[0]
        return list(engine.NORMALIZATIONS).index("ImageNet" if channels == 3 else "none")

    def _chosen_normalization(self):
        base = self.normalization.currentData()
        if base is None and not self.invert.isChecked():
            return None
        base = base or engine.Normalization()
        return engine.Normalization(base.mean, base.std, invert=self.invert.isChecked())

    def _on_settings_changed(self):
        """Re-read the model at the chosen size and predict the current drawing with it."""
        size = (self.height_box.value(), self.width_box.value())
        open_button = self.buttons.button(QDialogButtonBox.Open)
        try:
            read = onnx_io.read_onnx(self._model, size)
            net = read.network.with_normalization(self._chosen_normalization())
        except engine.ConfigError as error:
            self.network = None
            self.summary.setText(f"{self.path.name}")
            self.preview.setText(fill(self.tr("Cannot use this model at %1×%2: %3"), size[0],
                                      size[1], engine_text(str(error))))
            open_button.setEnabled(False)
            return
        self.network = net
        channels, height, width = net.input_shape
        layers = len(net.layers)
        if channels == 3:
            text = fill(self.tr("%1: %2 layers on colour (R, G, B) %3×%4 input."),
                        self.path.name, layers, height, width)
        elif channels == 1:
            text = fill(self.tr("%1: %2 layers on 1 channel %3×%4 input."),
                        self.path.name, layers, height, width)
        else:
            text = fill(self.tr("%1: %2 layers on %3 channels %4×%5 input."),
                        self.path.name, layers, channels, height, width)
        notes = "".join(f"\n{engine_text(note)}." for note in read.notes)
        self.summary.setText(text + notes)
        self.preview.setText(self._prediction_text(net, self.state.pixels_for(net.input_shape)))
        open_button.setEnabled(True)

    def accept(self):
        if self.network is None:
            return
        refusal = self.state.set_network(self.network, fill(self.tr("Open %1"), self.path.name))
        if refusal:  # training runs: the dialog stays, saying why
            self.preview.setText(fill(self.tr("Not opened: %1"), engine_text(refusal)))
            return
        super().accept()

    def _prediction_text(self, net, pixels):
        """'First prediction on your drawing: 7 (93.1 %)', or the output's largest entry."""
        output = net.forward(net.network_input(pixels))[-1]
        if output.ndim != 1:
            return fill(self.tr("The model outputs maps of %1."),
                        "×".join(map(str, output.shape)))
        best = int(np.argmax(output))
        if net.layers and net.layers[-1].kind == "softmax":
            return fill(self.tr("First prediction on your drawing: %1 (%2 %)."), best,
                        f"{100 * output[best]:.1f}")
        return fill(self.tr("Largest output on your drawing: number %1 (%2)."), best,
                    f"{output[best]:.3g}")

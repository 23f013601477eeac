"""The Dataset dock: how the network does on the shipped digits, and the digits it misreads.

Per-class accuracy and a confusion matrix of the current network (computed in a worker, redone
when the weights change); a cell opens its digits worst first; a digit goes onto the canvas as
one undo step, so every map, window and inspector explains it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QProgressBar, QSplitter, QVBoxLayout, QWidget,
)

from gui.dataset.confusion_matrix import ConfusionMatrix
from gui.dataset.dataset_model import HELD_OUT, TRAINING
from gui.dataset.digit_gallery import DigitGallery
from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text
from gui.present.colormaps import ERROR_HEX


class DatasetPanel(QWidget):
    """Reads ``model`` (a DatasetModel); puts chosen digits on ``state``'s canvas."""

    def __init__(self, state, model, parent=None):
        super().__init__(parent)
        self.setObjectName("datasetPanel")
        self.state, self.model = state, model
        self.cell = None  # (true, predicted) whose digits the gallery shows
        self.subset = QComboBox(objectName="datasetSubset")
        held, fit = len(model.held_out_indices), len(model.training_indices)
        self.subset.addItem("", HELD_OUT)
        self.subset.addItem("", TRAINING)
        for index, text in [
                (0, lambda self: fill(self.tr("%1 held-out digits (never trained on)"),
                                      f"{held:,}")),
                (1, lambda self: fill(self.tr("%1 training digits"), f"{fit:,}"))]:
            live.bind_text(self, lambda self, text, i=index: self.subset.setItemText(i, text), text)
        live.bind_text(self, self.subset.setToolTip, lambda self: self.tr(
            "Held out: the digits the shipped model, and training in this app on these digits, "
            "never learn from; they show how the network does on new handwriting. Training "
            "digits show what it learned by heart. (A network trained elsewhere may have seen "
            "either.)"))
        self.progress = QProgressBar(maximum=1000, textVisible=False, maximumWidth=120)
        self.summary = QLabel(objectName="datasetSummary", wordWrap=True)
        self.matrix = ConfusionMatrix()
        self.gallery_title = QLabel(objectName="galleryTitle", wordWrap=True)
        self.gallery = DigitGallery()
        self.gallery.setObjectName("datasetGallery")
        top = QHBoxLayout()
        look_at = QLabel()
        live.bind_text(self, look_at.setText, lambda self: self.tr("Look at"))
        top.addWidget(look_at)
        top.addWidget(self.subset)
        top.addWidget(self.progress)
        top.addWidget(self.summary, 1)
        pictures = QWidget()
        pictures_layout = QVBoxLayout(pictures)
        pictures_layout.setContentsMargins(0, 0, 0, 0)
        pictures_layout.addWidget(self.gallery_title)
        pictures_layout.addWidget(self.gallery, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.matrix)
        split.addWidget(pictures)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.subset.currentIndexChanged.connect(self._on_subset_chosen)
        self.matrix.cellClicked.connect(self.show_cell)
        self.gallery.digitClicked.connect(model.draw_digit)
        model.evaluationChanged.connect(self._on_evaluation_changed)
        model.progressed.connect(self._on_progressed)
        model.subsetChanged.connect(self._on_subset_changed)
        self._on_evaluation_changed()
        live.on_language_change(self, self._on_evaluation_changed)

    def _on_subset_chosen(self):
        self.model.set_subset(self.subset.currentData())

    def _on_subset_changed(self):
        self.subset.blockSignals(True)
        self.subset.setCurrentIndex(self.subset.findData(self.model.subset))
        self.subset.blockSignals(False)

    def _on_progressed(self, fraction):
        self.progress.setValue(round(1000 * fraction))

    def _on_evaluation_changed(self):
        evaluation = self.model.evaluation
        self.progress.setVisible(evaluation is None and not self.model.error)
        if evaluation is None:
            self.progress.setValue(0)
            self.matrix.set_counts(None, None)
            self.gallery.set_tiles([])
            self.summary.setText(engine_text(self.model.error)
                                 or self.tr("Reading the digits with the current weights…"))
            self.summary.setStyleSheet(f"color: {ERROR_HEX};" if self.model.error else "")
            return
        self.summary.setStyleSheet("")
        wrong = int((evaluation.predictions != evaluation.labels).sum())
        summary = (self.tr("%1 % right: %2 of %3 held-out digits misread.")
                   if self.model.subset == HELD_OUT else
                   self.tr("%1 % right: %2 of %3 training digits misread."))
        self.summary.setText(fill(summary, f"{100 * evaluation.accuracy:.1f}", f"{wrong:,}",
                                  f"{len(evaluation.labels):,}"))
        self.matrix.set_counts(evaluation.confusion, evaluation.class_accuracy)
        if self.cell is not None:
            self.show_cell(*self.cell)
        else:
            self.gallery_title.setText(self.tr("Click a cell of the matrix to see its digits."))

    def show_cell(self, true, predicted):
        """Fill the gallery with the digits of cell (``true``, ``predicted``), worst first."""
        self.cell = (true, predicted)
        self.matrix.select(self.cell)
        evaluation = self.model.evaluation
        if evaluation is None:
            return
        members = evaluation.cell(true, predicted)
        if len(members):
            text = fill(self.tr("%1, least sure first. Click one to draw it."),
                        self.matrix.cell_text(true, predicted))
        elif true == predicted:
            text = fill(self.tr("No digit %1 was read right."), true)
        else:
            text = fill(self.tr("No digit %1 was called %2."), true, predicted)
        self.gallery_title.setText(text)
        tiles = []
        for member in members:
            index = int(self.model.indices[member])
            p = evaluation.probabilities[member]
            caption = f"{100 * p[predicted]:.0f} % {predicted}"
            tip = fill(self.tr("digit #%1, labelled %2: the network says %3 (%4 %), %2 gets %5 %"),
                       index, true, predicted, f"{100 * p[predicted]:.1f}",
                       f"{100 * p[true]:.1f}")
            tiles.append((self.model.images[index], caption, index, tip))
        self.gallery.set_tiles(tiles)

"""Live loss and accuracy curves of a training run: running means per batch, held-out per epoch.

The engine reports the mean over the epoch so far, which restarts with every epoch; each epoch
therefore gets its own line segment instead of a misleading jump joining them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.i18n import live

# Both read on the app's dark theme and on a light one.
_TRAIN = (70, 140, 235)
_HELD_OUT = (235, 120, 30)
#: accuracy axis: 0 … 100 % labelled every 20 %, with headroom so that the "100" label fits and
#: a line near 100 % stays clear of the top edge
_ACCURACY_TICKS = [[(v, str(v)) for v in range(0, 101, 20)], [(v, "") for v in range(10, 100, 20)]]
_ACCURACY_RANGE = (0, 105)


def _plot(legend_offset, palette):
    """A chart in the colours of ``palette``, as the maps are: window background, window text."""
    text = palette.color(QPalette.WindowText)
    plot = pg.PlotWidget(background=palette.color(QPalette.Window))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)
        # An SI prefix would show a loss of 0.15 as "150" under a "(x0.001)" label.
        axis.enableAutoSIPrefix(False)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.addLegend(offset=legend_offset, labelTextColor=text)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setMinimumSize(260, 200)
    return plot


class TrainingCurves(QWidget):
    """Loss (left) and accuracy in % (right) against the epoch, fractional within an epoch."""

    def __init__(self, parent=None):
        super().__init__(parent)
        palette = self.palette()
        self._text = palette.color(QPalette.WindowText)
        self.loss_plot = _plot((-10, 10), palette)
        self.accuracy_plot = _plot((-10, -10), palette)  # bottom right: accuracy climbs
        self.accuracy_plot.setYRange(*_ACCURACY_RANGE, padding=0)
        self.accuracy_plot.getAxis("left").setTicks(_ACCURACY_TICKS)
        train_pen = pg.mkPen(_TRAIN, width=2)
        held_out = dict(pen=pg.mkPen(_HELD_OUT, width=2), symbol="o", symbolSize=7,
                        symbolPen=_HELD_OUT, symbolBrush=_HELD_OUT)
        train = dict(pen=train_pen, connect="finite", name="training")
        self.loss = self.loss_plot.plot(**train)
        self.held_out_loss = self.loss_plot.plot(name="held-out", **held_out)
        self.accuracy = self.accuracy_plot.plot(**train)
        self.held_out_accuracy = self.accuracy_plot.plot(name="held-out", **held_out)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot)
        layout.addWidget(self.accuracy_plot)
        self.clear(1)
        self._retranslate()
        live.on_language_change(self, self._retranslate)

    def _retranslate(self):
        for plot, title, unit in [(self.loss_plot, self.tr("Loss (cross-entropy)"),
                                   self.tr("loss")),
                                  (self.accuracy_plot, self.tr("Accuracy"), "%")]:
            plot.setTitle(title, color=self._text)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.setLabel("left", unit)
            legend = plot.getPlotItem().legend
            for (_, label), text in zip(legend.items, (self.tr("training (epoch mean so far)"),
                                                       self.tr("held-out digits"))):
                label.setText(text)

    def clear(self, epochs):
        """Empty the curves for a run of ``epochs`` epochs (the x axis spans the whole run)."""
        self._batches = ([], [], [])
        self._batch_epoch = 0
        self._epochs = ([], [], [])
        for curve in (self.loss, self.held_out_loss, self.accuracy, self.held_out_accuracy):
            curve.setData([], [])
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setXRange(0, epochs, padding=0.03)

    def add_batch(self, progress):
        """Add the running means of a ``engine.train.Progress`` batch report."""
        x, loss, accuracy = self._batches
        if x and progress.epoch > self._batch_epoch:  # NaN breaks the line between epochs
            for values in self._batches:
                values.append(np.nan)
        self._batch_epoch = progress.epoch
        x.append(progress.epoch - 1 + progress.batch / progress.batches)
        loss.append(progress.loss)
        accuracy.append(100 * progress.accuracy)
        self.loss.setData(x, loss)
        self.accuracy.setData(x, accuracy)

    def add_epoch(self, progress):
        """Add an end-of-epoch report's held-out loss and accuracy (when there were held-out digits)."""
        if progress.val_accuracy is None:
            return
        x, loss, accuracy = self._epochs
        x.append(progress.epoch)
        loss.append(progress.val_loss)
        accuracy.append(100 * progress.val_accuracy)
        self.held_out_loss.setData(x, loss)
        self.held_out_accuracy.setData(x, accuracy)

    def point_counts(self):
        """(batch points, epoch points) on show."""
        return int(np.isfinite(self._batches[0]).sum()), len(self._epochs[0])

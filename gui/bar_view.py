"""One flat layer (dense, softmax, flatten, …) as a bar chart, one bar per unit."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy

from gui import colormaps

BAR_HEIGHT = 150  # px of a layer's view
POSITIVE = QColor(*colormaps.DIVERGING[220, :3])
NEGATIVE = QColor(*colormaps.DIVERGING[35, :3])
HIGHLIGHT = QColor("#ffffff")


class BarView(pg.GraphicsLayoutWidget):
    """The values (F,) of one flat layer as bars; ``labels`` name the bars (e.g. classes).

    ``probabilities`` fixes the value axis to 0…1; otherwise it follows the data in rounded
    steps. Signals carry a (unit, 0, 0) tuple like the map view's (channel, row, col), or None.
    """

    unitHovered = Signal(object)
    unitClicked = Signal(object)

    def __init__(self, title, size, signed, labels=None, probabilities=False, parent=None):
        super().__init__(parent)
        self.shape, self.signed, self.probabilities = (size,), signed, probabilities
        self._levels = None
        self._brushes = [QBrush(NEGATIVE), QBrush(POSITIVE)]
        palette = self.palette()
        text = palette.color(QPalette.WindowText)
        self.setBackground(palette.color(QPalette.Window))
        self.setFocusPolicy(Qt.NoFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFixedHeight(BAR_HEIGHT)
        self.ci.setContentsMargins(4, 2, 4, 2)
        self.title = self.addLabel(title, row=0, col=0, justify="left", color=text)
        self.plot = self.addPlot(row=1, col=0)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setTextPen(text)
            axis.setPen(text)
        if labels is not None:
            self.plot.getAxis("bottom").setTicks([list(enumerate(labels))])
        self.plot.setXRange(-0.6, size - 0.4, padding=0)
        self.bars = pg.BarGraphItem(x=np.arange(size), height=np.zeros(size), width=0.8,
                                    pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        marker_pen = QPen(HIGHLIGHT, 2)
        marker_pen.setCosmetic(True)
        self.marker = pg.BarGraphItem(x=[0], height=[0], width=0.8, pen=marker_pen, brush=None)
        self.marker.setVisible(False)
        self.plot.addItem(self.marker)
        self._values = np.zeros(size, np.float32)
        if probabilities:
            self._set_range((0.0, 1.0))
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_maps(self, values, per_channel=None):
        """Draw ``values`` (F,); ``per_channel`` is accepted for symmetry with the map view."""
        self._values = values
        brushes = [self._brushes[v >= 0] for v in values.tolist()]
        self.bars.setOpts(height=values, brushes=brushes)
        if not self.probabilities:
            low, high = colormaps.rounded_levels(values, self.signed)
            self._set_range((min(low, float(values.min())), high))

    def _set_range(self, levels):
        if levels != self._levels:  # relaying out the value axis is costly: only on change
            self._levels = levels
            self.plot.setYRange(*levels, padding=0.02)

    def set_marks(self, feeders=(), units=()):
        """Outline the bars of ``units`` ((unit, 0, 0) tuples); a flat layer has no feeding boxes."""
        index = [unit[0] for unit in units]
        self.marker.setVisible(bool(index))
        if index:
            self.marker.setOpts(x=index, height=self._values[index])

    def unit_at(self, scene_pos):
        """The (unit, 0, 0) whose bar column holds ``scene_pos``, or None."""
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        index = round(self.plot.vb.mapSceneToView(scene_pos).x())
        return (index, 0, 0) if 0 <= index < self.shape[0] else None

    def scene_pos(self, unit, row=0, col=0):
        """The scene position of the middle of ``unit``'s column."""
        low, high = self.plot.vb.viewRange()[1]
        return self.plot.vb.mapViewToScene(pg.Point(unit, (low + high) / 2))

    def mouseMoveEvent(self, event):
        # Not the scene's sigMouseMoved: pyqtgraph drops moves closer than 10 ms apart, and the
        # dropped one may be where the mouse came to rest.
        super().mouseMoveEvent(event)
        self.unitHovered.emit(self.unit_at(self.mapToScene(event.position().toPoint())))

    def _on_mouse_clicked(self, event):
        unit = self.unit_at(event.scenePos())
        if event.button() == Qt.LeftButton and unit is not None:
            self.unitClicked.emit(unit)
            event.accept()

    def leaveEvent(self, event):
        self.unitHovered.emit(None)
        super().leaveEvent(event)

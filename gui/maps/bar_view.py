"""One flat layer (dense, softmax, flatten, …) as a bar chart, one bar per unit; a wide one
(the flatten of a large network) as the outlines of its positive and negative values."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QPen

from gui.present import colormaps
from gui.maps.layer_view import LayerView

BAR_HEIGHT = 150  # px of a layer's view
POSITIVE = QColor(*colormaps.DIVERGING[220, :3])
NEGATIVE = QColor(*colormaps.DIVERGING[35, :3])
HIGHLIGHT = QColor("#ffffff")
#: units beyond which a flat layer is drawn as two filled outlines instead of one bar per unit
#: (bench/event_loop.py: drawing a bar each costs more than a frame beyond this)
MAX_BARS = 1024
#: columns of those outlines at most: units beyond are binned, keeping each bin's extremes
MAX_BINS = 2048


def peak_bins(values, bins):
    """(edges (m + 1,), lows (m,), highs (m,)) of ``values`` (F,) in at most ``bins`` runs of
    neighbouring units: each run's most negative value (or 0) and most positive one (or 0),
    edges at the runs' borders in unit coordinates (unit i spans i − 0.5 … i + 0.5)."""
    size = len(values)
    per = -(-size // bins)
    runs = -(-size // per)
    padded = np.zeros(runs * per, np.float32)  # zeros change no run's extremes beyond 0
    padded[:size] = values
    padded = padded.reshape(runs, per)
    edges = np.minimum(np.arange(runs + 1) * per, size) - 0.5
    return edges, np.minimum(padded.min(axis=1), 0), np.maximum(padded.max(axis=1), 0)


class BarView(LayerView):
    """The values (F,) of one flat layer as bars; ``labels`` name the bars (e.g. classes).

    ``probabilities`` fixes the value axis to 0…1; otherwise it follows the data in rounded
    steps.
    """

    def __init__(self, title, size, signed, labels=None, probabilities=False, parent=None,
                 short_title=None):
        super().__init__(title, (size,), signed, parent, short_title)
        self.probabilities = probabilities
        self._levels = None
        self._brushes = [QBrush(NEGATIVE), QBrush(POSITIVE)]
        self.setFixedHeight(BAR_HEIGHT)
        self.plot = self.addPlot(row=1, col=0)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setTextPen(self.text_color)
            axis.setPen(self.text_color)
        if labels is not None:
            self.plot.getAxis("bottom").setTicks([list(enumerate(labels))])
        marker_pen = QPen(HIGHLIGHT, 2)
        marker_pen.setCosmetic(True)
        self.marker = pg.BarGraphItem(x=[0], height=[0], width=0.8, pen=marker_pen, brush=None)
        self.marker.setVisible(False)
        self.marker.setZValue(1)  # over the bars
        self.plot.addItem(self.marker)
        self._marked = []
        self.bars = self.outlines = None
        self._add_bars(size)
        if probabilities:
            self._set_range((0.0, 1.0))

    def _add_bars(self, size):
        """The items that draw ``size`` values: a bar each, or two outlines for a wide layer."""
        self.plot.setXRange(-0.6, size - 0.4, padding=0)
        for item in [self.bars] + (self.outlines or []):
            if item is not None:
                self.plot.removeItem(item)
        if size > MAX_BARS:
            self.bars = None
            self.outlines = [self.plot.plot(stepMode="center", fillLevel=0, brush=brush, pen=None)
                             for brush in self._brushes]  # negative, positive
        else:
            self.outlines = None
            self.bars = pg.BarGraphItem(x=np.arange(size), height=np.zeros(size), width=0.8,
                                        pen=pg.mkPen(None))
            self.plot.addItem(self.bars)

    def reshape(self, shape, signed):
        """Show ``shape`` (F,) values of another colour scale: a view is costly to build, and a
        layer edit changes the size of the flatten after it."""
        if (tuple(shape), signed) == (self.shape, self.signed):
            return
        self.shape, self.signed = tuple(shape), signed
        self._maps, self._marked = None, []
        if not self.probabilities:
            self._levels = None
        self._add_bars(shape[0])
        self._draw_marker()

    def _draw(self):
        values = self._maps
        if self.outlines is not None:
            edges, lows, highs = peak_bins(values, MAX_BINS)
            self.outlines[0].setData(edges, lows)
            self.outlines[1].setData(edges, highs)
        else:
            self.bars.setOpts(height=values, brushes=[self._brushes[v >= 0] for v in values.tolist()])
        if not self.probabilities:
            low, high = colormaps.rounded_levels(values, self.signed)
            # inf and NaN bars (overflowed sums) do not set the range, as in rounded_levels
            lowest = float(values[np.isfinite(values)].min(initial=0.0))
            self._set_range((min(low, lowest), high))
        self._draw_marker()

    def _set_range(self, levels):
        if levels != self._levels:  # relaying out the value axis is costly: only on change
            self._levels = levels
            self.plot.setYRange(*levels, padding=0.02)

    def set_marks(self, feeders=(), units=()):
        """Outline the bars of ``units`` ((unit, 0, 0) tuples); a flat layer has no feeding boxes."""
        self._marked = [unit[0] for unit in units]
        self._draw_marker()

    def _draw_marker(self):
        self.marker.setVisible(bool(self._marked) and self._maps is not None)
        if self.marker.isVisible():
            self.marker.setOpts(x=self._marked, height=self._maps[self._marked])

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

"""One layer's activation maps: every channel tiled into one image, a colorbar, feeding boxes.

A single ImageItem per layer (not one per channel) keeps a redraw to one texture per layer; the
mosaic buffer is reused frame after frame. Scene coordinates are mosaic pixels whatever is
drawn, so the unit under the mouse and the outlines never depend on the display resolution.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from gui.i18n import fill, live
from gui.present import colormaps
from gui.present.formatting import MINUS
from gui.maps.layer_view import LayerView
from gui.maps.mosaic import Mosaic

MOSAIC_HEIGHT = 160   # px at most for a layer's mosaic; its columns follow the view's width
ENLARGED_HEIGHT = 360  # px at most for one channel shown alone
CHROME = (70, 42)     # px the colorbar beside, the title and top margin above the image take
USUAL_LABEL = "−0.025"  # the widest colour-bar label of maps of ordinary strength
FEEDER_COLOR = QColor("#7dff9a")
UNIT_COLOR = QColor("#ffffff")


class MapImage(pg.ImageItem):
    """An ImageItem whose rendered image is kept in the raster painter's native RGB32 format.

    pyqtgraph renders a float image with a 256-entry table as an Indexed8 QImage, which Qt
    converts pixel by pixel on every paint, much slower to draw scaled than RGB32 (see
    bench/gui_costs.py); converting once per new frame makes every paint (hover outlines
    repaint the view too) cheap.
    """

    def render(self):
        super().render()
        if self.qimage is not None and self.qimage.format() == QImage.Format_Indexed8:
            self.qimage = self.qimage.convertToFormat(QImage.Format_RGB32)


@functools.cache
def _color_map(signed):
    """The colorbar's ColorMap, built once: building one per layer view costs milliseconds."""
    return pg.ColorMap(*colormaps.stops(signed))


def _outline(color, width):
    pen = QPen(color, width)
    pen.setCosmetic(True)  # the width is in screen pixels whatever the zoom
    item = QGraphicsPathItem()
    item.setPen(pen)
    item.setBrush(Qt.NoBrush)
    return item


def _gap_item(color):
    """Fills the gaps; its 1-screen-pixel outline keeps them visible when a gap of one map pixel
    is drawn smaller than a screen pixel (large maps shrunk to fit)."""
    item = _outline(color, 1.0)
    item.setBrush(QBrush(color))
    return item


def _rects_path(rects):
    path = QPainterPath()
    path.setFillRule(Qt.WindingFill)  # where gap strips cross, odd-even filling would leave holes
    for y, x, h, w in rects:
        path.addRect(x, y, w, h)
    return path


def _path_rects(path):
    return sorted(tuple(round(v, 6) for v in polygon.boundingRect().getRect())
                  for polygon in path.toSubpathPolygons())


class MapView(LayerView):
    """The maps (C, H, W) of one layer as a mosaic with a colorbar."""

    unitDoubleClicked = Signal(object)
    layoutChanged = Signal()
    mosaic = None  # pyqtgraph resizes the view inside its own constructor, before ours has run
    _resizing = False

    def __init__(self, title, shape, signed, parent=None, short_title=None):
        super().__init__(title, shape, signed, parent, short_title)
        # The colorbar's end labels are centred on its ends: half a line of text juts out below
        # the maps, and would be cut by the view's edge.
        self._below = self.fontMetrics().height() // 2 + 1
        self.ci.setContentsMargins(4, 2, 4, self._below)
        self.channel = None  # the enlarged channel, or None for the whole mosaic
        self._refit = QTimer(self, singleShot=True, interval=0)  # see _fit_height
        self._refit.timeout.connect(self._fit_height)
        live.on_language_change(self, self._show_suffix)  # an enlarged channel's title has words
        live.on_language_change(self, self._label_colorbar)
        self._levels = None
        self._scratch = np.empty(self.shape, np.float32)
        self._shown = None  # the (possibly subsampled) image last given to the ImageItem
        window = self.palette().color(QPalette.Window)
        self.box = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True,
                                   enableMouse=False, enableMenu=False, defaultPadding=0)
        self.image = MapImage(axisOrder="row-major")
        self.image.setLookupTable(colormaps.lut(signed))
        self.box.addItem(self.image)
        # Gaps and unused cells show the window behind, so every channel reads as its own tile.
        self._gaps = _gap_item(window)
        self._feeders = _outline(FEEDER_COLOR, 1.5)
        self._units = _outline(UNIT_COLOR, 2.0)
        for z, item in enumerate((self._gaps, self._feeders, self._units), start=1):
            item.setZValue(z)
            self.box.addItem(item, ignoreBounds=True)
        self.colorbar = pg.ColorBarItem(
            values=(0.0, 1.0), width=10, interactive=False, colorMapMenu=False,
            colorMap=_color_map(signed))
        self.colorbar.axis.setTextPen(self.text_color)
        self._fit_colorbar(())
        self.addItem(self.colorbar, row=1, col=1)
        self.box.sigResized.connect(self._on_box_resized)
        self._lay_out()

    def reshape(self, shape, signed):
        """Show maps of another ``shape`` (C, H, W) and colour scale: a view is costly to build,
        and a layer edit changes the shapes of the layers after it."""
        if (tuple(shape), signed) == (self.shape, self.signed):
            return
        if signed != self.signed:
            self.image.setLookupTable(colormaps.lut(signed))
            self.colorbar.setColorMap(_color_map(signed))
        self.shape, self.signed = tuple(shape), signed
        self.channel, self._maps, self._levels = None, None, None
        self.set_title_suffix("")
        self._scratch = np.empty(self.shape, np.float32)
        self._lay_out()

    # ------------------------------------------------------------------ layout
    def available_aspect(self):
        """Width / height of the largest space the mosaic may get."""
        return max(1.0, (self.width() - CHROME[0]) / MOSAIC_HEIGHT)

    def _fit_height(self):
        """Just tall enough for the mosaic at the view's width (no empty band above and below)."""
        rows, cols = self.mosaic.shape
        most = MOSAIC_HEIGHT if self.channel is None else ENLARGED_HEIGHT
        image = min(most, max(self.width() - CHROME[0], 1) * rows / cols)
        height = round(image) + CHROME[1] + self._below
        if self.minimumHeight() == self.maximumHeight() == height:
            return
        if self._resizing:
            # A height set inside a resize event reaches neither the viewport nor the scene (Qt
            # sends no second event, and lays out a scroll area's viewport only outside its own
            # resize handling): the maps would be cut off or squeezed until the next resize.
            self._refit.start()
        else:
            self.setFixedHeight(height)

    def _lay_out(self):
        _, height, width = self.shape
        self.mosaic = (Mosaic.fit(self.shape, self.available_aspect()) if self.channel is None
                       else Mosaic(1, height, width, 1))
        self._buffer = self.mosaic.empty()
        self._shown = None
        self._gaps.setPath(_rects_path(self.mosaic.gap_rects() + self.mosaic.unused_rects()))
        self._feeders.setPath(QPainterPath())
        self._units.setPath(QPainterPath())
        rows, cols = self.mosaic.shape
        self.box.setRange(xRange=(0, cols), yRange=(0, rows), padding=0)
        self._fit_height()

    def _show_suffix(self):
        self.set_title_suffix("" if self.channel is None else fill(
            self.tr(" &nbsp; <i>channel %1 (double-click: all)</i>"), self.channel + 1))

    def enlarge(self, channel):
        """Show ``channel`` alone and large, or all channels again with None."""
        self.channel = channel
        self._show_suffix()
        self._relay_out()

    def _relay_out(self):
        self._lay_out()
        if self._maps is not None:
            self.set_maps(self._maps)
        self.layoutChanged.emit()  # the marks must be drawn again on the new layout

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.mosaic is None:
            return
        self._resizing = True
        try:
            if self.channel is None and Mosaic.fit(self.shape, self.available_aspect()) != \
                    self.mosaic:
                self._relay_out()
            else:
                self._fit_height()
        finally:
            self._resizing = False

    def _on_box_resized(self):
        if self._maps is not None and self.sample_step() != self._current_step():
            self.set_maps(self._maps)  # drawn at the resolution the new size needs

    # -------------------------------------------------------------------- data
    def _draw(self):
        maps, step = self._maps, self.sample_step()
        if self.per_channel:
            maps = colormaps.normalize_channels(maps, self.signed, self._scratch)
        if self.channel is not None:
            maps = maps[self.channel:self.channel + 1]
        if step == 1:
            shown = self.mosaic.tile(maps, self._buffer)
        else:
            size = tuple(-(-n // step) for n in self.mosaic.shape)
            if self._shown is None or self._shown is self._buffer or self._shown.shape != size:
                self._shown = self.mosaic.empty_every(step)
            shown = self.mosaic.tile_every(maps, step, self._shown)
        self._shown = shown
        # Levels from what is drawn: a peak between samples is not on screen anyway, and the
        # samples are step² times fewer than the map's values.
        levels = ((-1.0 if self.signed else 0.0), 1.0) if self.per_channel else (
            colormaps.rounded_levels(shown, self.signed))
        self.image.setImage(shown, levels=levels, autoLevels=False)
        rows, cols = self.mosaic.shape
        self.image.setRect(QRectF(0, 0, cols, rows))  # in mosaic pixels, however many are drawn
        # the colorbar's axis is costly to relayout: only on change
        if (levels, self.per_channel) != self._levels:
            self._levels = levels, self.per_channel
            self.colorbar.setLevels(levels)
            self._label_colorbar()
            low, high = levels
            self._fit_colorbar(self.colorbar.axis.tickStrings([low, high], 1.0, high - low))

    def _fit_colorbar(self, labels):
        """The colour bar as wide as ``USUAL_LABEL`` (pyqtgraph's 45 px drop it), wider only
        when ``labels`` need it (a weak layer's ±0.00015): a width that followed every label
        would shift the maps as the levels change while the user draws."""
        axis, metrics = self.colorbar.axis, QFontMetricsF(self.font())
        text = max(metrics.horizontalAdvance(label) for label in (USUAL_LABEL, *labels))
        width = math.ceil(text + axis.style["tickTextOffset"][0]
                          + max(0, axis.style["tickLength"])) + 1
        if width != axis.fixedWidth:
            axis.setWidth(width)

    def _label_colorbar(self):
        """Scaled per channel, the bar runs from each map's own −max to its max: it says so,
        rather than show numbers (±1) that no map has."""
        if not self.per_channel:
            self.colorbar.axis.setTicks(None)
            return
        peak = self.tr("max")
        ticks = [(1.0, peak), (0.0, "0")] + ([(-1.0, MINUS + peak)] if self.signed else [])
        self.colorbar.axis.setTicks([ticks])

    def sample_step(self):
        """Mosaic pixels per device pixel, rounded down (at least 1).

        Drawing every step-th pixel shows what nearest-neighbour scaling would show anyway, at
        1/step² of the cost: a 16 × 256 × 256 layer in a 700-pixel-wide view is drawn from
        a 4× smaller image.
        """
        if self.box.width() < 2 or self.box.height() < 2:  # not laid out yet
            return 1
        size = self.box.viewPixelSize()
        step = min(size) / self.devicePixelRatioF() if all(map(math.isfinite, size)) else 1
        return max(int(step), 1)

    def _current_step(self):
        return 1 if self._shown is None else math.ceil(self._buffer.shape[1] / self._shown.shape[1])

    def set_marks(self, feeders=(), units=()):
        """Outline the feeding boxes and the units themselves.

        Parameters
        ----------
        feeders : iterable of (channel, top, left, bottom, right)
            Half-open unit ranges of this layer, unclipped (they may reach into the padding).
        units : iterable of (channel, row, col)
        """
        _, height, width = self.shape
        boxes = QPainterPath()
        for channel, top, left, bottom, right in feeders:
            top, left = max(top, 0), max(left, 0)
            bottom, right = min(bottom, height), min(right, width)
            if self._shows(channel) and bottom > top and right > left:
                y, x = self._origin(channel)
                boxes.addRect(QRectF(x + left, y + top, right - left, bottom - top))
        self._feeders.setPath(boxes)
        marks = QPainterPath()
        for channel, row, col in units:
            if self._shows(channel):
                y, x = self._origin(channel)
                marks.addRect(QRectF(x + col, y + row, 1, 1))
        self._units.setPath(marks)

    def feeder_rects(self):
        """The outlined feeding boxes as sorted (x, y, width, height) in mosaic pixels."""
        return _path_rects(self._feeders.path())

    def unit_rects(self):
        """The outlined units as sorted (x, y, width, height) in mosaic pixels."""
        return _path_rects(self._units.path())

    def _shows(self, channel):
        return self.channel is None or channel == self.channel

    def _origin(self, channel):
        return self.mosaic.origin(0 if self.channel is not None else channel)

    # ------------------------------------------------------------------- mouse
    def unit_at(self, scene_pos):
        """The (channel, row, col) drawn at ``scene_pos``, or None."""
        pos = self.box.mapSceneToView(scene_pos)
        unit = self.mosaic.locate(pos.y(), pos.x())
        if unit is None or self.channel is None:
            return unit
        return (self.channel,) + unit[1:]

    def scene_pos(self, channel, row, col):
        """The scene position of the centre of unit (channel, row, col) (for tests and tools)."""
        y, x = self._origin(channel)
        return self.box.mapViewToScene(QPointF(x + col + 0.5, y + row + 0.5))

    def mouseDoubleClickEvent(self, event):
        # Here rather than the scene's click signal, which waits for a release that not every
        # double click delivers.
        super().mouseDoubleClickEvent(event)
        unit = self.unit_at(self.mapToScene(event.position().toPoint()))
        if event.button() == Qt.LeftButton and unit is not None:
            self.unitDoubleClicked.emit(unit)

"""The learned kernels of one convolution layer, all filters × input channels, as one heatmap mosaic.

Clicking a kernel selects it (``state.select_layer``) so the kernel editor shows it next to the
hand-made presets.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QComboBox, QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

import engine
from gui.i18n import fill, live
from gui.i18n.engine_messages import describe
from gui.maps.mosaic import Mosaic
from gui.present import colormaps
from gui.present.formatting import number
from gui.present.naming import input_channel_name


def kernel_layout(weight_shape, aspect=1.0):
    """The mosaic of a conv weight (F, C, kh, kw): cell ``f·C + c`` holds filter f's channel c.

    One row per filter with a column per input channel; a single-channel layer gets a grid of
    filters whose width / height is near ``aspect`` instead (a one-tile column wastes the dock).
    """
    filters, channels, kh, kw = weight_shape
    if channels == 1:
        return Mosaic.fit((filters, kh, kw), aspect=aspect)
    return Mosaic(filters * channels, kh, kw, cols=channels)


class FilterGallery(QWidget):
    """A layer chooser over a mosaic of that conv layer's kernels, with a shared symmetric scale."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._layer = None  # index into network.layers of the layer on show
        self.mosaic = None  # its kernel_layout
        self.chooser = QComboBox()
        live.bind_text(self, self.chooser.setToolTip,
                       lambda self: self.tr("The convolution layer whose kernels are shown"))
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("filterMosaic")
        self.plot.setBackground(QColor(60, 60, 60))
        self.plot.setMenuEnabled(False)
        self.plot.hideAxis("bottom")
        live.bind_text(self, lambda self, text: self.plot.setLabel("left", text),
                       lambda self: self.tr("filter"))
        live.bind_text(self, lambda self, text: self.plot.setLabel("top", text),
                       lambda self: self.tr("input channel"))
        view = self.plot.getViewBox()
        view.setAspectLocked(True)
        view.invertY(True)
        view.setMouseEnabled(False, False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        # the colours of the kernel editor and the maps: blue below zero, orange above
        self.colorbar = pg.ColorBarItem(colorMap=pg.ColorMap(*colormaps.stops(signed=True)),
                                        interactive=False, width=12)
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.highlight = QGraphicsRectItem()
        pen = QPen(QColor(255, 200, 0), 0)  # cosmetic: one screen pixel at any zoom
        pen.setCosmetic(True)
        pen.setWidthF(2)
        self.highlight.setPen(pen)
        self.highlight.setZValue(10)
        self.plot.addItem(self.highlight)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.info)
        self.chooser.currentIndexChanged.connect(self._on_layer_choice_changed)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        view.sigResized.connect(self._on_view_resized)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        state.networkChanged.connect(self._on_network_changed)
        state.layerSelected.connect(self._on_layer_selected)
        self._on_network_changed()
        live.on_language_change(self, self._on_network_changed)

    # ------------------------------------------------------------- state -> view
    def _conv_layers(self):
        layers = self.state.network.layers
        return [i for i, layer in enumerate(layers) if isinstance(layer, engine.Conv2d)]

    def _on_network_changed(self):
        net = self.state.network
        conv = self._conv_layers()
        if self._layer not in conv:
            selected = self.state.selected_layer
            self._layer = selected if selected in conv else (conv[0] if conv else None)
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for i in conv:
                filters, channels = net.params[i]["weight"].shape[:2]
                self.chooser.addItem(fill(self.tr("%1 — %2 (%3 × %4)"), net.names[i],
                                          describe(net.layers[i]),
                                          self.tr("%n filter(s)", "", filters),
                                          self.tr("%n input channel(s)", "", channels)), i)
            self.chooser.setCurrentIndex(conv.index(self._layer) if conv else -1)
        self.chooser.setEnabled(bool(conv))
        self.plot.setVisible(bool(conv))
        colour = self._layer == 0 and net.input_shape[0] == 3
        self.plot.setLabel("top", self.tr("input channel (R, G, B)") if colour
                           else self.tr("input channel"))
        self._redraw()

    def _on_layer_selected(self, layer):
        if layer in self._conv_layers() and layer != self._layer:
            self._layer = layer
            with QSignalBlocker(self.chooser):
                self.chooser.setCurrentIndex(self.chooser.findData(layer))
            self._redraw()
        else:
            self._update_highlight()

    def _redraw(self):
        if self._layer is None:
            self.info.setText(self.tr("This network has no convolution layers, so there are no "
                                      "kernels to show."))
            return
        weight = self.state.network.params[self._layer]["weight"]
        limit = float(np.abs(weight).max()) or 1.0
        self.mosaic = mosaic = kernel_layout(weight.shape, self._plot_aspect())
        tiles = mosaic.tile(weight.reshape(-1, *weight.shape[2:]), mosaic.empty(np.nan))
        self.image.setImage(tiles, levels=(-limit, limit))
        self._label_axes(mosaic, weight.shape)
        self.colorbar.setLevels((-limit, limit))
        self.plot.getViewBox().autoRange(padding=0.02)
        self._update_highlight()
        self._show_hint()

    def _plot_aspect(self):
        """Width / height of the view, so a grid of filters fills the dock however it is shaped."""
        size = self.plot.getViewBox().size()
        return min(max(size.width() / max(size.height(), 1.0), 0.5), 4.0)

    def _on_view_resized(self):
        weight = None if self._layer is None else self.state.network.params[self._layer]["weight"]
        if weight is not None and kernel_layout(weight.shape, self._plot_aspect()) != self.mosaic:
            self._redraw()

    def _label_axes(self, mosaic, shape):
        """Number the rows (filters) and columns (channels); a grid of lone filters has no axes."""
        filters, channels, kh, kw = shape
        for side in ("left", "top"):
            self.plot.showAxis(side, channels > 1)
        if channels > 1:
            self.plot.getAxis("left").setTicks(
                [[(mosaic.origin(f * channels)[0] + kh / 2, str(f + 1)) for f in range(filters)]])
            self.plot.getAxis("top").setTicks(
                [[(mosaic.origin(c)[1] + kw / 2, str(c + 1)) for c in range(channels)]])

    def _update_highlight(self):
        """Frame the kernel the editor shows, when it belongs to the layer on show."""
        state = self.state
        shape = None if self._layer is None else state.network.params[self._layer]["weight"].shape
        shown = (shape is not None and state.selected_layer == self._layer
                 and state.selected_filter < shape[0] and state.selected_channel < shape[1])
        self.highlight.setVisible(shown)
        if shown:
            cell = state.selected_filter * shape[1] + state.selected_channel
            y, x = self.mosaic.origin(cell)
            self.highlight.setRect(QRectF(x, y, shape[3], shape[2]))

    def _show_hint(self):
        filters, channels = self.state.network.params[self._layer]["weight"].shape[:2]
        layout = (self.tr("one row per filter, one column per input channel") if channels > 1
                  else self.tr("filters in reading order"))
        self.info.setText(fill(self.tr("%1 kernels, %2; blue negative, orange positive. Click a "
                                       "kernel to open it in the kernel editor."),
                               filters * channels, layout))

    # ------------------------------------------------------------- view -> state
    def _on_layer_choice_changed(self, index):
        self._layer = self.chooser.itemData(index)
        self._redraw()

    def _kernel_under(self, scene_pos):
        if self._layer is None:
            return None
        shape = self.state.network.params[self._layer]["weight"].shape
        point = self.image.mapFromScene(scene_pos)
        unit = self.mosaic.locate(point.y(), point.x())
        return None if unit is None else divmod(unit[0], shape[1])

    def _on_mouse_clicked(self, event):
        hit = self._kernel_under(event.scenePos())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.state.select_layer(self._layer, *hit)

    def _on_mouse_moved(self, scene_pos):
        hit = self._kernel_under(scene_pos)
        if hit is None:
            if self._layer is not None:
                self._show_hint()
            return
        kernel = self.state.network.params[self._layer]["weight"][hit]
        channel = input_channel_name(self.state.network, self._layer, hit[1],
                                     live.translator("naming"))
        self.info.setText(fill(self.tr("filter %1, %2: weights %3 … %4. Click to edit."),
                               hit[0] + 1, channel, number(kernel.min()), number(kernel.max())))

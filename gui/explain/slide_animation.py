"""The textbook animation: a kernel sliding over its (padded) input, the output filling in.

It runs on the user's own drawing and kernels, for one conv or pool layer; each step pins the
current unit so the inspector shows its products and the canvas its receptive field.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGraphicsRectItem, QHBoxLayout, QLabel, QSlider,
                               QSpinBox, QStyle, QToolButton, QVBoxLayout, QWidget)

import engine
from engine.ops import pad2d
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import describe, engine_text
from gui.present import colormaps
from gui.present.formatting import number
from gui.present.naming import input_channel_name
from gui.lazy_redraw import LazyRedraw
from gui.state import Unit

SLIDING = (engine.Conv2d, engine.ConvTranspose2d, engine.MaxPool2d, engine.AvgPool2d)
_CONVOLUTIONS = (engine.Conv2d, engine.ConvTranspose2d)
_TRANSPOSED_NOTE = QT_TRANSLATE_NOOP(
    "SlideAnimation", "\nAs a plain conv: stride − 1 zeros between the input pixels, padding "
    "d(k − 1) − p, the kernel turned 180°, stride 1.")
_WINDOW = QColor(255, 200, 0)
_HATCH = QColor(255, 140, 0, 150)
#: the drawing itself, white on black as on the canvas
_GRAY = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 4, axis=1)
_GRAY[:, 3] = 255


def rgba(values, levels, table, visible=None):
    """(H, W) values → (H, W, 4) uint8 through the (256, 4) ``table``; NaN and cells not
    ``visible`` are transparent."""
    low, high = levels
    with np.errstate(over="ignore", invalid="ignore"):  # ±∞ and NaN are handled just below
        scaled = np.clip((values - low) / ((high - low) or 1.0), 0.0, 1.0)
    image = table[np.round(np.nan_to_num(scaled, nan=0.0) * 255).astype(np.intp)]
    shown = np.isfinite(values) if visible is None else visible & np.isfinite(values)
    image[..., 3] = np.where(shown, 255, 0)
    return np.ascontiguousarray(image)


class _ImagePanel(pg.GraphicsLayoutWidget):
    """An aspect-locked, y-down view holding one RGBA image."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground(None)
        self.label = self.addLabel("", row=0, col=0)
        self.view = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True,
                                    enableMouse=False)
        self.image = pg.ImageItem()
        self.view.addItem(self.image)

    def add_rect(self, pen, brush=Qt.NoBrush, z=1):
        item = QGraphicsRectItem()
        item.setPen(pen)
        item.setBrush(QBrush(brush) if isinstance(brush, QColor) else brush)
        item.setZValue(z)
        self.view.addItem(item)
        return item


def _stretched(plane, zeros, pads):
    """A transposed conv's input as its stride-1 convolution reads it: ``zeros`` (rows, cols)
    zeros inserted between neighbouring pixels, then ``pads`` ((top, bottom), (left, right)),
    where a negative side crops. Returns (padded array, the stretched plane unpadded)."""
    height, width = plane.shape
    stretched = np.zeros(((height - 1) * (zeros[0] + 1) + 1, (width - 1) * (zeros[1] + 1) + 1),
                         plane.dtype)
    stretched[::zeros[0] + 1, ::zeros[1] + 1] = plane
    grow = tuple((max(a, 0), max(b, 0)) for a, b in pads)
    padded = pad2d(stretched, grow, "zeros")
    (top, bottom), (left, right) = pads
    rows = slice(max(-top, 0), padded.shape[0] - max(-bottom, 0))
    cols = slice(max(-left, 0), padded.shape[1] - max(-right, 0))
    return padded[rows, cols], stretched


def _pen(colour, width=2.5, style=Qt.SolidLine):
    """A pen ``width`` screen pixels wide whatever the zoom (maps run from 8×8 to 256×256)."""
    pen = QPen(colour, width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


class SlideAnimation(QWidget):
    """Play, pause, step and speed for one conv/pool layer's kernel sliding in stride steps.

    ``position`` is the index (row-major) of the last computed output unit, −1 before the first.
    """

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("slideAnimation")
        self.state = state
        self.layer = None
        self.position = -1
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.step)
        # Behind another dock tab it skips the maps' every change and catches up when shown.
        self._redraw_when_seen = LazyRedraw(self, self._redraw)

        self.layer_box = QComboBox()
        # Channels count from 1 on screen, as the layer names (conv1, conv2) do.
        self.channel_box = QSpinBox(minimum=1)
        self.input_channel_box = QSpinBox(minimum=1)
        # The style's own media icons: a glyph like ⏸ is an empty box in many stock fonts.
        self.play_button = QToolButton(checkable=True)
        self.step_back_button = QToolButton()
        self.step_button = QToolButton()
        for button, icon in ((self.play_button, QStyle.SP_MediaPlay),
                             (self.step_back_button, QStyle.SP_MediaSeekBackward),
                             (self.step_button, QStyle.SP_MediaSeekForward)):
            button.setIcon(self.style().standardIcon(icon))
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.speed_slider = QSlider(Qt.Horizontal, minimum=1, maximum=60, value=8)
        for widget, tip in [
                (self.layer_box,
                 lambda self: self.tr("The conv or pool layer whose window slides")),
                (self.channel_box,
                 lambda self: self.tr("The output channel (the filter, for a convolution)")),
                (self.input_channel_box,
                 lambda self: self.tr("The input channel shown under the window")),
                (self.play_button, lambda self: self.tr("Play / pause")),
                (self.step_back_button, lambda self: self.tr("One stride back")),
                (self.step_button, lambda self: self.tr("One stride forward")),
                (self.speed_slider, lambda self: self.tr("Units per second"))]:
            live.bind_text(self, widget.setToolTip, tip)
        live.bind_text(self, self.step_back_button.setText, lambda self: self.tr("Back"))
        live.bind_text(self, self.step_button.setText, lambda self: self.tr("Step"))
        self.speed_label = QLabel()
        self.status = QLabel(objectName="slideStatus")
        self.input_panel, self.output_panel = _ImagePanel(), _ImagePanel()
        self._build_overlays()

        # Controls in a side column, so the pictures get the dock's whole height.
        controls = QFormLayout()
        for field, label in [(self.layer_box, lambda self: self.tr("layer")),
                             (self.channel_box, lambda self: self.tr("channel")),
                             (self.input_channel_box, lambda self: self.tr("input channel"))]:
            controls.addRow(QLabel(), field)
            live.bind_text(self, controls.labelForField(field).setText, label)
        player = QHBoxLayout()
        for widget in (self.step_back_button, self.play_button, self.step_button):
            player.addWidget(widget)
        speed = QHBoxLayout()
        speed_label = QLabel()
        live.bind_text(self, speed_label.setText, lambda self: self.tr("speed"))
        for widget in (speed_label, self.speed_slider, self.speed_label):
            speed.addWidget(widget)
        self.status.setWordWrap(True)
        side = QVBoxLayout()
        for part in (controls, player, speed):
            side.addLayout(part)
        side.addWidget(self.status)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 0)
        layout.addWidget(self.input_panel, 3)
        layout.addWidget(self.output_panel, 2)

        self.layer_box.currentIndexChanged.connect(self._on_layer_box_changed)
        self.channel_box.valueChanged.connect(self._on_channel_changed)
        self.input_channel_box.valueChanged.connect(self._redraw)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button.clicked.connect(self.step)
        self.step_back_button.clicked.connect(self.step_back)
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        state.networkChanged.connect(self._on_network_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.pinnedChanged.connect(self._on_pinned_changed)
        self._on_speed_changed(self.speed_slider.value())
        self._on_network_changed()
        self._on_play_toggled(False)
        live.on_language_change(self, self._on_language_changed)

    def _build_overlays(self):
        hatch = QBrush(_HATCH, Qt.BDiagPattern)
        self._pad_rects = [self.input_panel.add_rect(Qt.NoPen, hatch) for _ in range(4)]
        self._image_frame = self.input_panel.add_rect(_pen(QColor(255, 140, 0), 1.5, Qt.DashLine))
        self._window_rect = self.input_panel.add_rect(_pen(_WINDOW), z=3)
        self._taps = pg.ScatterPlotItem(symbol="s", size=0.45, pxMode=False, pen=None,
                                        brush=pg.mkBrush(255, 200, 0, 200))
        self._taps.setZValue(2)
        self.input_panel.view.addItem(self._taps)
        # Units not computed yet stay see-through over this empty frame.
        self._output_frame = self.output_panel.add_rect(_pen(QColor(150, 150, 150), 1),
                                                        QColor(128, 128, 128, 60), z=-1)
        self._unit_rect = self.output_panel.add_rect(_pen(_WINDOW), z=3)

    # ----------------------------------------------------------------- API
    @property
    def layers(self):
        """Indices of the network's conv and pool layers (the ones that can slide)."""
        return [i for i, layer in enumerate(self.state.network.layers) if isinstance(layer, SLIDING)]

    @property
    def output_hw(self):
        return self.state.network.shapes[self.layer][1:]

    @property
    def unit(self):
        """The current output unit (a Unit), or None before the first step."""
        if self.layer is None or self.position < 0:
            return None
        row, col = divmod(self.position, self.output_hw[1])
        return Unit(self.layer, self.channel, row, col)

    @property
    def channel(self):
        """The output channel (0-based) whose map fills in."""
        return self.channel_box.value() - 1

    @property
    def input_channel(self):
        """The input channel (0-based) drawn under the window; a pool reads its own channel."""
        if isinstance(self.state.network.layers[self.layer], _CONVOLUTIONS):
            return self.input_channel_box.value() - 1
        return self.channel

    @property
    def window_box(self):
        """The drawn kernel window (top, left, bottom, right), half-open, in the coordinates of
        the layer's input (negative or past the size in the padding); None before a step."""
        if not self._window_rect.isVisible():
            return None
        rect = self._window_rect.rect()
        return tuple(round(v) for v in (rect.top(), rect.left(), rect.bottom(), rect.right()))

    def padding_rects(self):
        """The hatched padding strips on show, as (x, y, width, height) in input pixels."""
        return [(r.rect().x(), r.rect().y(), r.rect().width(), r.rect().height())
                for r in self._pad_rects if r.isVisible()]

    @property
    def image_framed(self):
        """Whether the dashed frame marking the image inside its padding is on show."""
        return self._image_frame.isVisible()

    def tap_centres(self):
        """The centres (x, y) of the input pixels the kernel's taps read (dilation spreads them)."""
        taps = self._taps.data
        return sorted({(float(x), float(y)) for x, y in zip(taps["x"], taps["y"])})

    @property
    def is_playing(self):
        return self.timer.isActive()

    def set_layer(self, layer):
        """Animate network layer ``layer`` (a conv or pool layer) from its first unit."""
        self.layer_box.setCurrentIndex(self.layers.index(layer))

    def set_position(self, position):
        """Compute units 0..``position`` and pin the last one (−1 clears the output)."""
        if self.layer is None:
            return
        self.position = int(np.clip(position, -1, np.prod(self.output_hw) - 1))
        if self.unit is not None:
            self.state.pin(self.unit)
        self._redraw()

    def step(self):
        """One stride forward; past the last unit the output starts over."""
        if self.layer is None:
            return
        last = np.prod(self.output_hw) - 1
        if self.is_playing and self.position >= last - 1:
            self.pause()
        self.set_position(0 if self.position >= last else self.position + 1)

    def step_back(self):
        self.set_position(self.position - 1)

    def play(self):
        self.play_button.setChecked(True)

    def _on_language_changed(self):
        self.play_button.setText(self.tr("Pause") if self.is_playing else self.tr("Play"))
        self._on_network_changed()  # the layer list's descriptions, then the pictures' words

    def pause(self):
        self.play_button.setChecked(False)

    def set_speed(self, units_per_second):
        self.speed_slider.setValue(units_per_second)

    # ------------------------------------------------------------ handlers
    def _on_play_toggled(self, playing):
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setIcon(self.style().standardIcon(
            QStyle.SP_MediaPause if playing else QStyle.SP_MediaPlay))
        if not playing:
            self.timer.stop()
            return
        if self.position >= np.prod(self.output_hw) - 1:
            self.position = -1
        self.timer.start()

    def _on_speed_changed(self, units_per_second):
        self.timer.setInterval(round(1000 / units_per_second))
        self.speed_label.setText(f"{units_per_second}/s")

    def _on_network_changed(self):
        layers = self.layers
        keep = self.layer if self.layer in layers else (layers[0] if layers else None)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        network = self.state.network
        for i in layers:
            self.layer_box.addItem(f"{network.names[i]}: {describe(network.layers[i])}")
        self.layer_box.blockSignals(False)
        self.setEnabled(bool(layers))
        if keep is None:
            self.layer = None
            self.pause()
            self._redraw()
            return
        self.layer_box.setCurrentIndex(layers.index(keep))
        self._on_layer_box_changed(layers.index(keep), restart=keep != self.layer)

    def _on_layer_box_changed(self, index, restart=True):
        if index < 0:
            return
        self.layer = self.layers[index]
        network = self.state.network
        in_shape = network.input_shape if self.layer == 0 else network.shapes[self.layer - 1]
        is_conv = isinstance(network.layers[self.layer], _CONVOLUTIONS)
        self.channel_box.setMaximum(network.shapes[self.layer][0])
        self.input_channel_box.setMaximum(in_shape[0])
        self.input_channel_box.setEnabled(is_conv)
        if restart:
            self.position = -1
        self.position = min(self.position, int(np.prod(self.output_hw)) - 1)
        self._redraw()

    def _on_channel_changed(self):
        self.set_position(self.position)

    def _on_activations_changed(self):
        # through a bound method: a connection to the LazyRedraw itself would hold it, and call
        # it after this widget (and with it the LazyRedraw's C++ side) is gone
        self._redraw_when_seen()

    def _on_pinned_changed(self):
        pinned = self.state.pinned
        if (pinned is None or pinned == self.unit or pinned.layer != self.layer
                or self.is_playing):
            return
        self.channel_box.blockSignals(True)
        self.channel_box.setValue(pinned.channel + 1)
        self.channel_box.blockSignals(False)
        self.position = pinned.row * self.output_hw[1] + pinned.col
        self._redraw_when_seen()

    # ------------------------------------------------------------- drawing
    def _redraw(self):
        if self.layer is None or self.layer >= len(self.state.activations):
            self.status.setText(self.tr("This network has no conv or pool layer to animate."))
            return
        network = self.state.network
        spec = network.layers[self.layer]
        source = self.state.model_input if self.layer == 0 else self.state.activations[self.layer - 1]
        in_shape = network.input_shape if self.layer == 0 else network.shapes[self.layer - 1]
        if (source.shape, self.state.activations[self.layer].shape) != (in_shape,
                                                                        network.shapes[self.layer]):
            return  # maps of the previous network: the forward that follows redraws
        window = network.windows[self.layer]
        if isinstance(spec, engine.ConvTranspose2d):
            _, window = spec.as_convolution()
        self.input_channel_box.blockSignals(True)
        self.input_channel_box.setValue(self.input_channel + 1)
        self.input_channel_box.blockSignals(False)
        self._draw_input(spec, window, source[self.input_channel])
        self._draw_output(spec, window)

    def _draw_input(self, spec, window, plane):
        (top, bottom), (left, right) = window.pads
        mode = getattr(spec, "padding_mode", "zeros")
        if isinstance(spec, engine.MaxPool2d):
            # Max pooling pads with −∞: it never wins, so it is shown empty.
            padded = pad2d(plane, window.pads, "zeros", value=np.nan)
            mode = self.tr("−∞, never wins")
        elif isinstance(spec, engine.AvgPool2d):
            padded = pad2d(plane, window.pads, "zeros")
            mode = (self.tr("zeros, counted") if spec.count_include_pad
                    else self.tr("zeros, not counted"))
        elif isinstance(spec, engine.ConvTranspose2d):
            padded, plane = _stretched(plane, spec.as_convolution()[0], window.pads)
            mode = "d(k − 1) − p"
        else:
            padded = pad2d(plane, window.pads, mode)
        if self.layer == 0:
            table, levels = _GRAY, colormaps.levels(plane, False)
        else:
            signed = colormaps.signed_layers(self.state.network.layers)[self.layer - 1]
            table, levels = colormaps.lut(signed), colormaps.levels(plane, signed)
        height, width = plane.shape
        panel = self.input_panel
        panel.image.setImage(rgba(padded, levels, table), autoLevels=False)
        panel.image.setRect(QRectF(-left, -top, padded.shape[1], padded.shape[0]))
        outer = (-left, -top, width + left + right, height + top + bottom)
        sides = [(outer[0], outer[1], outer[2], top), (outer[0], height, outer[2], bottom),
                 (outer[0], 0, left, height), (width, 0, right, height)]
        for rect, (x, y, w, h) in zip(self._pad_rects, sides):
            rect.setRect(x, y, w, h)
            rect.setVisible(w > 0 and h > 0)
        self._image_frame.setRect(0, 0, width, height)
        self._image_frame.setVisible(any(map(sum, window.pads)))
        padding = (fill(self.tr("padding %1 (%2)"), f"{top},{bottom},{left},{right}",
                        engine_text(mode))
                   if any(map(sum, window.pads)) else self.tr("no padding"))
        stretched = (self.tr(", zeros inserted") if isinstance(spec, engine.ConvTranspose2d)
                     else "")
        channel = input_channel_name(self.state.network, self.layer, self.input_channel,
                                     live.translator("naming"))
        panel.label.setText(fill(self.tr("%1 · %2×%3%4 · %5"), channel, height, width,
                                 stretched, padding))
        panel.view.setRange(QRectF(*outer), padding=0.02)
        self._draw_window(window)

    def _draw_window(self, window):
        unit = self.unit
        self._window_rect.setVisible(unit is not None)
        self._taps.setVisible(unit is not None)
        if unit is None:
            return
        (kh, kw), (sh, sw), (dh, dw) = window.kernel, window.stride, window.dilation
        y0, x0 = unit.row * sh - window.pads[0][0], unit.col * sw - window.pads[1][0]
        self._window_rect.setRect(x0, y0, dw * (kw - 1) + 1, dh * (kh - 1) + 1)
        rows, cols = np.meshgrid(y0 + dh * np.arange(kh), x0 + dw * np.arange(kw), indexing="ij")
        self._taps.setData(x=cols.ravel() + 0.5, y=rows.ravel() + 0.5)

    def _draw_output(self, spec, window):
        out = self.state.activations[self.layer][self.channel]
        height, width = out.shape
        computed = (np.arange(out.size) <= self.position).reshape(out.shape)
        signed = colormaps.signed_layers(self.state.network.layers)[self.layer]
        table, levels = colormaps.lut(signed), colormaps.levels(out, signed)
        panel = self.output_panel
        panel.image.setImage(rgba(out, levels, table, computed), autoLevels=False)
        panel.image.setRect(QRectF(0, 0, width, height))
        self._output_frame.setRect(0, 0, width, height)
        panel.view.setRange(QRectF(0, 0, width, height), padding=0.02)
        name = self.state.network.names[self.layer]
        what = (self.tr("%1 filter %2 · %3×%4") if isinstance(spec, _CONVOLUTIONS)
                else self.tr("%1 channel %2 · %3×%4"))
        panel.label.setText(fill(what, name, self.channel + 1, height, width))
        unit = self.unit
        self._unit_rect.setVisible(unit is not None)
        if unit is None:
            self.status.setText(fill(self.tr("%1 output units; press Step or Play. Stride %2×%3."),
                                     height * width, *window.stride))
            return
        self._unit_rect.setRect(unit.col, unit.row, 1, 1)
        self.status.setText(fill(self.tr("unit %1 of %2: row %3, col %4 = %5"),
                                 self.position + 1, height * width, unit.row, unit.col,
                                 number(out[unit.row, unit.col]))
                            + self.tr(_TRANSPOSED_NOTE) * isinstance(spec, engine.ConvTranspose2d))

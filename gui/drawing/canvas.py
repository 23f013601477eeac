"""The drawing canvas: the model input shown large, a soft round brush, the receptive-field window.

A stroke shows live through ``state.show_image`` (the maps follow the pen) and becomes one undo
step through ``state.set_image`` on release. The receptive-field window of the pinned (else the
hovered) unit is drawn over the drawing, its padded part hatched and the padding mode named.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from gui.drawing.brush import paint_segment
from gui.drawing.samples import array_to_qimage
from gui.drawing.window_overlay import (
    WINDOW, heatmap_image, paint_outline, paint_window, padding_modes,
)
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import engine_text
from gui.present.naming import unit_name

BACKGROUND = QColor("#1b1c1f")
GRID = QColor(255, 255, 255, 26)
_GRID_MARGIN = QPointF(2, 2)  # px around the cached grid for antialiased line ends
FRAME = QColor("#5a5d66")
HINT = QColor("#a0a4ad")
INSET_LABEL = QT_TRANSLATE_NOOP("Canvas", "network sees\n(centred)")
INSET_LABEL_FLAGS = Qt.AlignHCenter | Qt.AlignTop
INSET_MARGIN = 6  # px each side of the strip the inset gets
CAPTION_LINES = 2  # kept below the image whatever the caption says, so the image never jumps
CAPTION_GAP = 8
ERASER = QColor("#ff6b6b")  # the eraser's brush outline and cursor


def eraser_cursor():
    """A tilted eraser, its rubber end in the eraser colour, the hot spot at the tip it rubs
    with: the pointer itself says that the left button erases."""
    side = 24
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.translate(3, side - 3)
    painter.rotate(-45)
    painter.setPen(QPen(QColor("#1b1c1f"), 1.5))  # outlined: reads on light and dark
    for start, length, colour in ((0, 9, ERASER), (9, 15, QColor("#f2f2f2"))):
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(start, -4.5), QPointF(start + length, -4.5),
                                       QPointF(start + length, 4.5), QPointF(start, 4.5)]))
    painter.end()
    return QCursor(pixmap, 3, side - 3)


class Canvas(QWidget):
    """Draw on the model input; shows the receptive-field window of the hovered or pinned unit.

    Left button draws, right button (or the eraser toggle) erases; ``[`` and ``]`` change the brush;
    Esc unpins the pinned unit, or clears the drawing when nothing is pinned; Delete clears.
    """

    brushChanged = Signal()  # the brush size or the eraser toggle changed (``state.brushChanged``)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("canvas")
        self.state = state
        self._shape = state.image_size
        self._stroke = None  # (image before, working image, last point, erase) while drawing
        self._cursor = None  # last mouse position, for the brush outline
        self._grid = None  # (geometry it was drawn for, QPixmap): see _paint_grid
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(220, 164)  # the window must fit an 800×600 screen, in Chinese too
        self.setCursor(Qt.CrossCursor)
        state.imageChanged.connect(self._on_image_changed)
        state.networkChanged.connect(self._on_network_changed)
        state.selectionChanged.connect(self._on_selection_changed)
        state.overlayChanged.connect(self._on_overlay_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.brushChanged.connect(self._on_brush_changed)
        live.on_language_change(self, self.update)  # the caption and the padding label

    # ------------------------------------------------------------------ brush
    @property
    def brush_size(self):
        """Brush diameter in input pixels (``state.brush_size``)."""
        return self.state.brush_size

    def set_brush_size(self, diameter):
        self.state.set_brush_size(diameter)

    @property
    def eraser(self):
        return self.state.eraser

    def set_eraser(self, enabled):
        self.state.set_eraser(enabled)

    # --------------------------------------------------------------- geometry
    def image_rect(self):
        """Where the input image is drawn, in widget pixels: square cells, centred across, near the
        top in a tall canvas (the caption follows it), with a margin around it where the padded
        part of a receptive-field window shows."""
        height, width = self._shape
        area = QRectF(self.rect()).adjusted(0, 0, -self._inset_strip(),
                                            -self._caption_height() - CAPTION_GAP)
        margin = max(10.0, 0.06 * min(area.width(), area.height()))
        cell = min((area.width() - 2 * margin) / width, (area.height() - margin) / height)
        cell = math.floor(cell) if cell >= 3 else max(cell, 0.25)  # whole pixels: a crisp grid
        left = area.left() + (area.width() - width * cell) / 2
        top = area.top() + max(margin, min((area.height() - height * cell) / 2, 2.5 * margin))
        return QRectF(round(left), round(top), width * cell, height * cell)

    def box_rect(self, box):
        """The widget rectangle of an input box (top, left, bottom, right), half-open pixels."""
        rect = self.image_rect()
        cell = rect.width() / self._shape[1]
        top, left, bottom, right = box
        return QRectF(rect.left() + left * cell, rect.top() + top * cell,
                      (right - left) * cell, (bottom - top) * cell)

    def pixel_center(self, row, col):
        """The widget position of the centre of input pixel (row, col)."""
        return self.box_rect((row, col, row + 1, col + 1)).center()

    def _to_image(self, pos):
        """(y, x) in continuous input pixels of widget position ``pos``."""
        rect = self.image_rect()
        cell = rect.width() / self._shape[1]
        return (pos.y() - rect.top()) / cell, (pos.x() - rect.left()) / cell

    # ------------------------------------------------------- receptive field
    def window_unit(self):
        """The unit whose window is shown in full: the pinned one, else the hovered one (the unit
        the inspector explains). None if neither, or for a flat layer (it sees the whole input)."""
        return self._spatial(self.state.focus_unit)

    def hover_unit(self):
        """A hovered unit other than the pinned one: its window is outlined too, in blue."""
        hovered = self._spatial(self.state.hovered)
        return hovered if self.state.pinned is not None and hovered != self.state.pinned else None

    def _spatial(self, unit):
        """``unit`` when it is a unit of a map, else None (a flat layer's unit sees everything)."""
        shapes = self.state.network.shapes
        of_a_map = unit is not None and unit.layer < len(shapes) and len(shapes[unit.layer]) == 3
        return unit if of_a_map else None

    def receptive_field(self, unit=None):
        """``network.receptive_field`` of ``unit`` (default ``window_unit()``), or None."""
        unit = unit or self.window_unit()
        if unit is None:
            return None
        return self.state.network.receptive_field(unit.layer, unit.row, unit.col)

    def receptive_field_rect(self, unit=None):
        """The drawn window of ``unit`` (default ``window_unit()``) in widget pixels, unclipped:
        on the drawing, where the network's centred input came from when it is centred."""
        field = self.receptive_field(unit)
        return None if field is None else self.box_rect(self._on_drawing(field.input_box))

    def overlay_rect(self):
        """Where ``state.input_overlay``, a heatmap over the network's input, is painted in
        widget pixels, unclipped: the whole input, on the drawing where it came from when it is
        centred (as the window is), so that the heat lies on the ink that made it."""
        height, width = self.state.model_input.shape[-2:]
        return self.box_rect(self._on_drawing((0, 0, height, width)))

    def _overlay_image(self):
        if self.state.input_overlay is None:
            return None
        return heatmap_image(self.state.input_overlay, self.state.input_overlay_signed)

    def _on_drawing(self, box):
        centring = self.state.centring
        return box if centring is None else centring.to_drawing(box)

    def inset_window_rect(self, unit=None):
        """The window of ``unit`` on the inset (what the network is fed), or None."""
        field, inset = self.receptive_field(unit), self.inset_rect()
        if field is None or inset is None:
            return None
        cell = inset.width() / self.state.model_input.shape[2]
        top, left, bottom, right = field.input_box
        return QRectF(inset.left() + left * cell, inset.top() + top * cell,
                      (right - left) * cell, (bottom - top) * cell)

    def padding_label(self):
        """'zeros padding' when the window reaches past the image, else ''."""
        field = self.receptive_field()
        if field is None or not field.reaches_padding:
            return ""
        modes = padding_modes(self.state.network, self.window_unit().layer) or ["zeros"]
        return fill(self.tr("%1 padding"), ", ".join(map(engine_text, modes)))

    # ------------------------------------------------------------------ state
    def _on_image_changed(self):
        self.update()

    def _on_network_changed(self):
        self._shape = self.state.image_size
        self.update()

    def _on_brush_changed(self):
        self.setCursor(eraser_cursor() if self.eraser else Qt.CrossCursor)
        self.brushChanged.emit()
        self.update()

    def _on_selection_changed(self):
        self.update()

    def _on_overlay_changed(self):
        self.update()

    def _on_activations_changed(self):
        if self.state.preprocess:  # the inset shows what the network was fed
            self.update()

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event):
        if event.button() not in (Qt.LeftButton, Qt.RightButton) or self._stroke is not None:
            return super().mousePressEvent(event)
        before = self.state.image.copy()
        erase = self.eraser or event.button() == Qt.RightButton
        point = self._to_image(event.position())
        self._stroke = (before, before.copy(), point, erase)
        self._paint_to(point)

    def mouseMoveEvent(self, event):
        self._cursor = event.position()
        if self._stroke is not None:
            self._paint_to(self._to_image(event.position()))
        self.update()

    def mouseReleaseEvent(self, event):
        if self._stroke is None:
            return super().mouseReleaseEvent(event)
        self._paint_to(self._to_image(event.position()))
        before, image, _, erase = self._stroke
        self._stroke = None
        if not np.array_equal(before, image):
            self.state.set_image(image, self.tr("Erase") if erase else self.tr("Draw stroke"))

    def leaveEvent(self, event):
        self._cursor = None
        self.update()
        super().leaveEvent(event)

    def _paint_to(self, point):
        before, image, last, erase = self._stroke
        self._stroke = (before, image, point, erase)
        if paint_segment(image, last, point, self.brush_size, erase):
            self.state.show_image(image.copy())

    # --------------------------------------------------------------- keyboard
    def keyPressEvent(self, event):
        key = event.key()
        if key == Qt.Key_Escape and self.state.pinned is not None:
            self.state.pin(None)
        elif key in (Qt.Key_Escape, Qt.Key_Delete, Qt.Key_Backspace):
            self.state.clear_image()
        elif key == Qt.Key_BracketLeft:
            self.set_brush_size(self.brush_size / 1.25)
        elif key == Qt.Key_BracketRight:
            self.set_brush_size(self.brush_size * 1.25)
        elif key == Qt.Key_E:
            self.set_eraser(not self.eraser)
        else:
            super().keyPressEvent(event)

    # --------------------------------------------------------------- painting
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        rect = self.image_rect()
        painter.drawImage(rect, array_to_qimage(self.state.image))  # nearest: the pixels show
        painter.setRenderHint(QPainter.Antialiasing)
        self._paint_grid(painter, rect)
        overlay = self._overlay_image()  # one heatmap for the drawing and the inset
        if overlay is not None:
            painter.save()
            painter.setClipRect(rect)
            painter.drawImage(self.overlay_rect(), overlay)
            painter.restore()
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        self._paint_window(painter, rect)
        self._paint_inset(painter, overlay)
        self._paint_brush(painter, rect)
        self._paint_caption(painter)
        painter.end()

    def _paint_grid(self, painter, rect):
        height, width = self._shape
        if rect.width() / width < 6:
            return
        # Antialiased lines cost milliseconds per paint, and the canvas repaints on every pen
        # and pointer move: they are drawn once into a pixmap, at whole-pixel offsets (the
        # image rect is whole pixels) so the copy looks exactly the same.
        ratio = self.devicePixelRatioF()
        key = (rect.getRect(), self._shape, ratio)
        if self._grid is None or self._grid[0] != key:
            self._grid = (key, self._grid_pixmap(rect.size(), ratio))
        painter.drawPixmap(rect.topLeft() - _GRID_MARGIN, self._grid[1])

    def _grid_pixmap(self, size, ratio):
        """The cell lines of a ``size`` image rect, on a transparent pixmap with a margin for
        the antialiased line ends."""
        height, width = self._shape
        margin = _GRID_MARGIN.x()
        pixmap = QPixmap(round((size.width() + 2 * margin) * ratio),
                         round((size.height() + 2 * margin) * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(GRID, 1))
        cell = size.width() / width
        left = top = margin
        right, bottom = margin + size.width(), margin + size.height()
        painter.drawLines([QLineF(left + c * cell, top, left + c * cell, bottom)
                           for c in range(1, width)]
                          + [QLineF(left, top + r * cell, right, top + r * cell)
                             for r in range(1, height)])
        painter.end()
        return pixmap

    def _paint_window(self, painter, rect):
        field = self.receptive_field()
        if field is not None:
            paint_window(painter, self.receptive_field_rect(), rect, field.input_mask(),
                         self.padding_label(), QRectF(self.rect()))
        hovered = self.hover_unit()
        if hovered is not None:
            paint_outline(painter, self.receptive_field_rect(hovered))

    def _shows_inset(self):
        # MNIST centring is for grey digits: a colour drawing is fed as it is
        return (self.state.preprocess and self.state.image.ndim == 2
                and self.state.pixels.shape[1:] == self._shape)

    def _inset_side(self):
        return max(56.0, min(self.width(), self.height()) * 0.22)

    def _inset_strip(self):
        """Width kept right of the drawing for the inset and its label (0 without centring)."""
        if not self._shows_inset():
            return 0.0
        label = self.fontMetrics().size(0, self.inset_label()).width()
        return max(self._inset_side(), label) + 2 * INSET_MARGIN

    def inset_rect(self):
        """Where the centred input the network is fed is shown (MNIST centring on), else None:
        right of the drawing, never over it."""
        if not self._shows_inset():
            return None
        side, strip = self._inset_side(), self._inset_strip()
        return QRectF(self.width() - (strip + side) / 2, 8, side, side)
    def _paint_inset(self, painter, overlay):
        inset = self.inset_rect()
        if inset is None:
            return
        painter.drawImage(inset, array_to_qimage(self.state.pixels[0]))
        if overlay is not None:  # as the network was fed: the heat exactly on its pixels
            painter.drawImage(inset, overlay)
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(inset)
        window = self.inset_window_rect()
        if window is not None:
            painter.save()
            painter.setClipRect(inset)
            painter.setPen(QPen(WINDOW, 1.5))
            painter.drawRect(window)
            painter.restore()
        painter.setPen(HINT)
        painter.drawText(self.inset_label_rect(), INSET_LABEL_FLAGS, self.inset_label())

    def inset_label(self):
        """The label under the inset, in the interface language."""
        return self.tr(INSET_LABEL)

    def inset_label_rect(self):
        """Where the inset's label is written: under it, across the strip kept for it, as tall
        as its lines are in the fonts that draw them (Chinese characters come from a fallback
        font with taller lines than the widget's own)."""
        inset, strip = self.inset_rect(), self._inset_strip()
        return QRectF(self.width() - strip, inset.bottom() + 2, strip,
                      self.fontMetrics().size(0, self.inset_label()).height() + 2)

    def _paint_brush(self, painter, rect):
        if self._cursor is None or self._stroke is not None and not self.underMouse():
            return
        radius = self.brush_size / 2 * rect.width() / self._shape[1]
        painter.setPen(QPen(ERASER if self.eraser else QColor(255, 255, 255, 160), 1,
                            Qt.DashLine if self.eraser else Qt.SolidLine))
        painter.drawEllipse(self._cursor, radius, radius)

    def _paint_caption(self, painter):
        area = QRectF(8, self.image_rect().bottom() + CAPTION_GAP, self.width() - 16,
                      self._caption_height())
        text, flags = self.caption(), Qt.AlignCenter | Qt.TextWordWrap
        font = QFont(self.font())
        painter.setFont(font)
        # A narrow canvas gets a smaller font rather than a clipped third line.
        def too_tall():
            return painter.fontMetrics().boundingRect(area.toRect(), flags, text).height() > area.height()
        while too_tall() and font.pointSizeF() > 0.7 * self.font().pointSizeF():
            font.setPointSizeF(font.pointSizeF() * 0.92)
            painter.setFont(font)
        painter.setPen(HINT)
        painter.drawText(area, flags, text)

    def _caption_height(self):
        return CAPTION_LINES * self.fontMetrics().lineSpacing() + 8

    def caption(self):
        """The line under the drawing: the tool and brush, or what the unit in focus sees."""
        unit = self.window_unit()
        if unit is None:
            tool = self.tr("erasing") if self.eraser else self.tr("drawing")
            return fill(self.tr("%1, brush %2 px · right button erases · [ ] brush size · Esc "
                                "clears · hover a map to see what a unit sees"),
                        tool, f"{self.brush_size:g}")
        field = self.receptive_field()
        top, left, bottom, right = field.input_box
        if self.state.centring:
            how = (self.tr("pinned %1 sees %2×%3 pixels of the centred input")
                   if unit == self.state.pinned else
                   self.tr("hovered %1 sees %2×%3 pixels of the centred input"))
        else:
            how = (self.tr("pinned %1 sees %2×%3 input pixels") if unit == self.state.pinned else
                   self.tr("hovered %1 sees %2×%3 input pixels"))
        text = fill(how, unit_name(self.state.network, unit, live.translator("naming")),
                    bottom - top, right - left)
        padding = self.padding_label()
        text += fill(self.tr(" · hatched: %1"), padding) if padding else ""
        return text + (self.tr(" · blue: hovered unit") if self.hover_unit() else "")



"""A small grid of numbers on coloured cells: a window, a kernel or their products."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.present.colormaps import DIVERGING
from gui.present.formatting import grid_numbers

_PAD = QColor(60, 62, 68)
_MARK = QColor(255, 200, 0)
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def colour_rows(values, scale):
    """Rows of RGBA table entries: the maps' diverging colours (blue < 0 < orange, dark at 0),
    full at ±``scale``; NaN and ±∞ (max-pool padding) take the zero colour."""
    values = np.asarray(values, float)
    with np.errstate(over="ignore", invalid="ignore"):  # ±∞ and NaN are handled just below
        ratio = values / scale if scale > 0 else np.zeros_like(values)
    position = np.clip(np.nan_to_num(ratio, nan=0.0, posinf=0.0, neginf=0.0), -1.0, 1.0)
    return DIVERGING[np.round((position + 1) / 2 * (len(DIVERGING) - 1)).astype(np.intp)]


def cell_colour(value, scale):
    """The colour of one ``value`` (see :func:`colour_rows`)."""
    return QColor(*colour_rows(value, scale))


def text_colour(background):
    """Black on light cells, white on dark ones."""
    light = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor(0, 0, 0) if light > 140 else QColor(240, 240, 240)


class NumberGrid(QWidget):
    """Paints ``values`` (h, w) as a captioned grid of numbers on diverging colours.

    ``padding`` (h, w) bool marks cells that lie in the padding (hatched, greyed); ``marked``
    (row, col) gets a heavy frame (the max-pool winner). Colours are scaled by ``scale``
    (default: the largest magnitude), so grids that share a scale can be compared by eye.
    """

    def __init__(self, values, caption="", scale=None, padding=None, marked=None, parent=None):
        super().__init__(parent)
        self.caption = caption
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        self.setFont(font)
        self._metrics = QFontMetrics(font)
        self._caption_height = self._metrics.height() + 4 if caption else 0
        self._caption_width = self._metrics.horizontalAdvance(caption) + 4
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setToolTip(caption)
        self._cell = None
        self.set_values(values, scale, padding, marked)

    def set_values(self, values, scale=None, padding=None, marked=None):
        """Show new numbers (the inspector reuses its grids while the pointer moves on a map)."""
        values = np.atleast_2d(np.asarray(values, float))
        finite = np.abs(values[np.isfinite(values)])
        scale = float(finite.max(initial=0.0)) if scale is None else float(scale)
        padding = np.zeros(values.shape, bool) if padding is None else np.asarray(padding)
        # Per pen event the inspector hands every grid its numbers again, and most (the kernel,
        # windows the stroke did not reach) are unchanged: formatting and repainting those
        # cost more than the rest of the frame.
        if self._cell is not None and scale == self.scale and marked == self.marked and \
                np.array_equal(values, self.values, equal_nan=True) and \
                np.array_equal(padding, self.padding):
            return
        before = None if self._cell is None else self.sizeHint()
        self.values, self.scale, self.padding, self.marked = values, scale, padding, marked
        self.texts = grid_numbers(self.values)
        self._colours = colour_rows(self.values, self.scale).tolist()
        # Digits share one width in UI fonts: texts that differ only in digits measure alike.
        shapes = {t.translate(_DIGITS_AS_ZERO) for row in self.texts for t in row}
        widest = max(self._metrics.horizontalAdvance(t) for t in shapes)
        self._cell = QSize(max(widest + 8, self._metrics.height() + 8), self._metrics.height() + 8)
        if self.sizeHint() != before:
            self.updateGeometry()
        self.update()

    def sizeHint(self):
        rows, cols = self.values.shape
        width = max(cols * self._cell.width() + 1, self._caption_width)
        return QSize(width, rows * self._cell.height() + 1 + self._caption_height)

    minimumSizeHint = sizeHint

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, False)
        top = self._caption_height
        if self.caption:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, 0, self.width(), top), Qt.AlignLeft | Qt.AlignVCenter,
                             self.caption)
        cw, ch = self._cell.width(), self._cell.height()
        grid_pen = QPen(QColor(90, 92, 98))
        for (r, c), value in np.ndenumerate(self.values):
            rect = QRectF(c * cw, top + r * ch, cw, ch)
            padded = bool(self.padding[r, c])
            background = _PAD if padded else QColor(*self._colours[r][c])
            painter.fillRect(rect, background)
            if padded:
                painter.fillRect(rect, QBrush(QColor(255, 140, 0, 110), Qt.BDiagPattern))
            painter.setPen(grid_pen)
            painter.drawRect(rect)
            painter.setPen(QColor(160, 160, 160) if padded else text_colour(background))
            painter.drawText(rect, Qt.AlignCenter, self.texts[r][c])
        if self.marked is not None:
            r, c = self.marked
            painter.setPen(QPen(_MARK, 2.5))
            painter.drawRect(QRectF(c * cw + 1.5, top + r * ch + 1.5, cw - 3, ch - 3))
        painter.end()

"""A small grid of numbers on coloured cells: a window, a kernel or their products."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.colormaps import DIVERGING
from gui.formatting import grid_numbers

_PAD = QColor(60, 62, 68)
_MARK = QColor(255, 200, 0)


def cell_colour(value, scale):
    """The maps' diverging colour of ``value`` (blue < 0 < orange, dark at 0), full at ±scale."""
    if not np.isfinite(value) or scale <= 0:
        return QColor(*DIVERGING[len(DIVERGING) // 2])
    position = (np.clip(float(value) / scale, -1.0, 1.0) + 1) / 2
    return QColor(*DIVERGING[round(position * (len(DIVERGING) - 1))])


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
        self.values = np.atleast_2d(np.asarray(values, float))
        self.caption = caption
        finite = np.abs(self.values[np.isfinite(self.values)])
        self.scale = float(finite.max(initial=0.0)) if scale is None else float(scale)
        self.padding = np.zeros(self.values.shape, bool) if padding is None else np.asarray(padding)
        self.marked = marked
        self.texts = grid_numbers(self.values)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        self.setFont(font)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(t) for row in self.texts for t in row)
        self._cell = QSize(max(widest + 8, metrics.height() + 8), metrics.height() + 8)
        self._caption_height = metrics.height() + 4 if caption else 0
        self._caption_width = metrics.horizontalAdvance(caption) + 4
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setToolTip(caption)

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
            background = _PAD if padded else cell_colour(value, self.scale)
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

"""A clickable 10×10 confusion matrix with each class's accuracy beside its row."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.i18n import fill, live

RIGHT = QColor("#2c73b0")  # the diagonal: digits read right
WRONG = QColor("#e8772e")  # elsewhere: mistakes
EMPTY = QColor("#17191d")
TEXT = QColor("#e6e6e6")
HINT = QColor("#a0a4ad")
SELECTED = QColor("#ffb300")


class ConfusionMatrix(QWidget):
    """Rows: the true class; columns: the class the network said; last column: accuracy.

    Signals
    -------
    cellClicked(int, int) : the (true, predicted) cell the user clicked.
    """

    cellClicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.setMinimumSize(240, 170)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(True)
        live.bind_text(self, self.setToolTip, lambda self: self.tr(
            "Rows: the right answer · columns: what the network said. Click a cell to see those "
            "digits, worst first."))
        live.on_language_change(self, self.update)  # the painted axis titles
        self._counts = None
        self._accuracy = None
        self.selected = None

    def sizeHint(self):
        return QSize(420, 340)

    def set_counts(self, counts, accuracy):
        """Show ``counts`` (K, K) and per-class ``accuracy`` (K,); None shows an empty grid."""
        self._counts = None if counts is None else np.asarray(counts)
        self._accuracy = None if accuracy is None else np.asarray(accuracy)
        if self._counts is None or self.selected is not None and max(self.selected) >= len(self._counts):
            self.selected = None
        self.update()

    def select(self, cell):
        self.selected = cell
        self.update()

    @property
    def classes(self) -> int:
        return 10 if self._counts is None else len(self._counts)

    # --------------------------------------------------------------- geometry
    def _geometry(self):
        """(left, top, cell width, cell height) of the grid; room for the axis titles and the
        accuracy column. Cells are as tall as the height allows and up to twice as wide: a
        short dock still gets counts one can read."""
        metrics = self.fontMetrics()
        line = metrics.height()
        left = top = self._title_height() + 1.2 * line
        accuracy_width = metrics.horizontalAdvance("100.0 %") + 10
        height = max((self.height() - top - 4) / self.classes, 8.0)
        width = max(min((self.width() - left - accuracy_width - 4) / self.classes, 2 * height), 8.0)
        return left, top, width, min(height, width)

    def _titles(self):
        return self.tr("the network said"), self.tr("the right answer")

    def _title_height(self):
        """A line of the axis titles: Chinese script stands taller than the font's line."""
        return max(self.fontMetrics().size(0, title).height() for title in self._titles())

    def cell_rect(self, true, predicted) -> QRectF:
        """Where cell (``true``, ``predicted``) is drawn, in widget pixels."""
        left, top, width, height = self._geometry()
        return QRectF(left + predicted * width, top + true * height, width, height)

    def count_font(self) -> QFont:
        """The font of the counts in the cells, sized to the cells (up to four digits)."""
        _, _, width, height = self._geometry()
        small = QFont(self.font())
        small.setPixelSize(max(6, min(self.fontMetrics().height(), int(0.8 * height),
                                      int(width / 2.6))))
        return small

    def cell_at(self, pos):
        left, top, width, height = self._geometry()
        col, row = int((pos.x() - left) // width), int((pos.y() - top) // height)
        return (row, col) if 0 <= row < self.classes and 0 <= col < self.classes else None

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event):
        cell = self.cell_at(event.position())
        if event.button() == Qt.LeftButton and cell is not None and self._counts is not None:
            self.select(cell)
            self.cellClicked.emit(*cell)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        over_cell = self._counts is not None and self.cell_at(event.position()) is not None
        self.setCursor(Qt.PointingHandCursor if over_cell else Qt.ArrowCursor)
        super().mouseMoveEvent(event)

    def cell_text(self, true, predicted) -> str:
        """What cell (``true``, ``predicted``) counts, in words."""
        count = int(self._counts[true, predicted])
        if true == predicted:
            what = self.tr("1 digit %2 read right") if count == 1 else \
                self.tr("%1 digits %2 read right")
        else:
            what = self.tr("1 digit %2 called %3") if count == 1 else \
                self.tr("%1 digits %2 called %3")
        return fill(what, count, true, predicted)

    def event(self, event):
        if event.type() == QEvent.ToolTip:
            cell = self.cell_at(event.pos()) if self._counts is not None else None
            QToolTip.showText(event.globalPos(), self.toolTip() if cell is None
                              else fill(self.tr("%1 · click to see them"),
                                        self.cell_text(*cell)), self)
            return True
        return super().event(event)

    # --------------------------------------------------------------- painting
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        left, top, width, height = self._geometry()
        k = self.classes
        font = QFont(self.font())
        painter.setFont(font)
        painter.setPen(HINT)
        line, title = self.fontMetrics().height(), self._title_height()
        said, answer = self._titles()
        painter.drawText(QRectF(left, 0, k * width, title), Qt.AlignCenter, said)
        painter.save()
        painter.translate(0, top + k * height)
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, k * height, title), Qt.AlignCenter, answer)
        painter.restore()
        for c in range(k):
            painter.drawText(QRectF(left + c * width, title, width, line), Qt.AlignCenter, str(c))
            painter.drawText(QRectF(title, top + c * height, line, height), Qt.AlignCenter, str(c))
        painter.drawText(QRectF(left + k * width + 4, title, 200, line),
                         Qt.AlignLeft | Qt.AlignVCenter, self.tr("right"))
        # Counts run to four digits: in small cells they get a smaller font, never clipped.
        painter.setFont(self.count_font())
        counts = self._counts
        row_totals = None if counts is None else np.maximum(counts.sum(axis=1, keepdims=True), 1)
        for t in range(k):
            for p in range(k):
                rect = self.cell_rect(t, p).adjusted(1, 1, -1, -1)
                if counts is None or counts[t, p] == 0:
                    painter.fillRect(rect, EMPTY)
                    continue
                # Mistakes are rare: their colour grows with the square root of the share, so a
                # single misread digit still shows.
                share = counts[t, p] / row_totals[t, 0]
                base = RIGHT if t == p else WRONG
                colour = QColor(base)
                colour.setAlphaF(float((0.25 if t == p else 0.55) + 0.45 * np.sqrt(share)))
                painter.fillRect(rect, colour)
                painter.setPen(TEXT)
                painter.drawText(rect, Qt.AlignCenter, str(int(counts[t, p])))
        painter.setFont(font)
        if self._accuracy is not None:
            painter.setPen(self.palette().color(QPalette.WindowText))
            for t, value in enumerate(self._accuracy):
                text = "–" if np.isnan(value) else f"{100 * value:.1f} %"
                painter.drawText(QRectF(left + k * width + 4, top + t * height, 200, height),
                                 Qt.AlignLeft | Qt.AlignVCenter, text)
        if self.selected is not None:
            painter.setPen(QPen(SELECTED, 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(self.cell_rect(*self.selected))
        painter.end()

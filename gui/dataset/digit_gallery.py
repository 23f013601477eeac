"""A scrolling gallery of small digit pictures with captions; clicking one reports its key."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from gui.drawing.samples import array_to_qimage

TILE = 64  # pixels per picture side
HATCH = QColor("#ffb300")


def digit_pixmap(image, side=TILE):
    """A ``side``-pixel square picture of ``image`` (h, w) in [0, 1], pixels kept sharp; NaN
    entries (padding the unit saw beyond the image) are hatched."""
    image = np.asarray(image, np.float32)
    padding = np.isnan(image)
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor("#1b1c1f"))
    height, width = image.shape
    cell = side / max(height, width)
    target = QRectF((side - width * cell) / 2, (side - height * cell) / 2, width * cell, height * cell)
    painter = QPainter(pixmap)
    painter.drawImage(target, array_to_qimage(np.where(padding, 0, image)))
    if padding.any():
        brush = QBrush(HATCH, Qt.BDiagPattern)
        for row, col in zip(*np.nonzero(padding)):
            painter.fillRect(QRectF(target.left() + col * cell, target.top() + row * cell,
                                    cell, cell), brush)
    painter.end()
    return pixmap


class DigitGallery(QListWidget):
    """Tiles in rows that wrap; ``set_tiles([(image, caption, key, tooltip), ...])``.

    Signals
    -------
    digitClicked(int) : the key of the tile the user clicked (or chose with Enter).
    """

    digitClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.IconMode)
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setIconSize(QSize(TILE, TILE))
        self.setGridSize(QSize(TILE + 30, TILE + 2 * self.fontMetrics().height() + 6))
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.itemClicked.connect(self._on_item_chosen)
        self.itemActivated.connect(self._on_item_chosen)

    def set_tiles(self, tiles):
        self.clear()
        for image, caption, key, tooltip in tiles:
            item = QListWidgetItem(QIcon(digit_pixmap(image)), caption)
            item.setData(Qt.UserRole, int(key))
            item.setToolTip(tooltip)
            item.setTextAlignment(Qt.AlignHCenter | Qt.AlignTop)
            self.addItem(item)

    def keys(self):
        """The tiles' keys, in order."""
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())]

    def tile_rect(self, index):
        """Where tile ``index`` is, in viewport pixels (for clicks in tests and tours)."""
        return self.visualItemRect(self.item(index))

    def _on_item_chosen(self, item):
        self.digitClicked.emit(item.data(Qt.UserRole))

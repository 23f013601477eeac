"""A scrolling gallery of small digit pictures with captions; clicking one reports its key."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from gui.drawing.samples import array_to_qimage

TILE = 64  # pixels per picture side
MIN_TILE = 16  # the least side a gallery that shows every tile shrinks its pictures to
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

    With ``fit_all`` every tile is in view without scrolling (a few, like a unit's nine
    favourites): the pictures get the largest side up to ``TILE`` at which the rows fit.

    Signals
    -------
    digitClicked(int) : the key of the tile the user clicked (or chose with Enter).
    """

    digitClicked = Signal(int)

    def __init__(self, parent=None, fit_all=False):
        super().__init__(parent)
        self._fit_all = fit_all
        self._images = []
        self.setViewMode(QListView.IconMode)
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setIconSize(QSize(TILE, TILE))
        self.setGridSize(QSize(TILE + 30, TILE + 2 * self.fontMetrics().height() + 6))
        if fit_all:  # a scroll bar would take the room the tiles are fitted to
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.itemClicked.connect(self._on_item_chosen)
        self.itemActivated.connect(self._on_item_chosen)

    def set_tiles(self, tiles):
        self.clear()
        self._images = [image for image, *_ in tiles]
        for image, caption, key, tooltip in tiles:
            item = QListWidgetItem(QIcon(digit_pixmap(image, self.iconSize().width())), caption)
            item.setData(Qt.UserRole, int(key))
            item.setToolTip(tooltip)
            item.setTextAlignment(Qt.AlignHCenter | Qt.AlignTop)
            self.addItem(item)
        self._fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def _fit(self):
        """With ``fit_all``: the columns giving the largest pictures with every row in view, and
        the pictures drawn afresh at that side (a scaled icon would blur their pixels)."""
        if not self._fit_all or not self._images:
            return
        # Qt wraps a row whose cells would end exactly at the viewport's edge: a pixel spare.
        width, height = self.viewport().width() - 1, self.viewport().height() - 1
        caption = self.fontMetrics().height() + 8
        best = None
        for columns in range(len(self._images), 0, -1):  # of equal sides, the fewest rows
            rows = math.ceil(len(self._images) / columns)
            side = min(width // columns - 12, height // rows - caption, TILE)
            if best is None or side > best[0]:
                best = (side, columns)
        side, columns = max(best[0], MIN_TILE), best[1]
        self.setGridSize(QSize(max(width // columns, side + 12), side + caption))
        if side != self.iconSize().width():
            self.setIconSize(QSize(side, side))
            for i, image in enumerate(self._images):
                self.item(i).setIcon(QIcon(digit_pixmap(image, side)))

    def keys(self):
        """The tiles' keys, in order."""
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())]

    def tile_rect(self, index):
        """Where tile ``index`` is, in viewport pixels (for clicks in tests and tours)."""
        return self.visualItemRect(self.item(index))

    def _on_item_chosen(self, item):
        self.digitClicked.emit(item.data(Qt.UserRole))

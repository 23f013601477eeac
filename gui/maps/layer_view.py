"""What every layer's view shares: a title in the app's colours, the unit under the mouse, and
drawing only what is on screen."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QSizePolicy


class LayerView(pg.GraphicsLayoutWidget):
    """Base of the map and bar views of one layer.

    ``set_maps`` draws at once while the view is on screen; scrolled out of sight it only keeps
    the maps and draws them when it is next painted (scrolled back, or grabbed for an export),
    so a deep network costs per frame only what can be seen. Subclasses implement
    ``_draw()`` (show ``self._maps``) and ``unit_at(scene_pos)``.

    Signals carry a (channel, row, col) tuple, (unit, 0, 0) for flat layers, or None when the
    mouse is over no unit.
    """

    unitHovered = Signal(object)
    unitClicked = Signal(object)

    def __init__(self, title, shape, signed, parent=None, short_title=None):
        super().__init__(parent)
        self.shape, self.signed = tuple(shape), signed
        self._titles = (title, title if short_title is None else short_title)
        self._title_suffix = ""
        self.per_channel = False
        self._maps = None
        self._stale = False
        palette = self.palette()
        self.text_color = palette.color(QPalette.WindowText)
        self.setBackground(palette.color(QPalette.Window))
        self.setFocusPolicy(Qt.NoFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.ci.setContentsMargins(4, 2, 4, 2)
        self.title = self.addLabel(title, row=0, col=0, colspan=2, justify="left",
                                   color=self.text_color)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_title(self, title, short_title=None):
        """Show ``title`` (rich text; ``short_title`` when the view is narrow) above the maps;
        a view reused for another layer gets its titles here."""
        self._titles = (title, title if short_title is None else short_title)
        self._fit_title()

    @property
    def maps(self):
        """The maps last given to ``set_maps`` (drawn, or waiting to be once on screen), or None."""
        return self._maps

    def set_title_suffix(self, html):
        """Say more after the title (rich text), e.g. which channel is enlarged."""
        self._title_suffix = html
        self._fit_title()

    def _fit_title(self):
        """The full title when the view is wide enough, else the short one (name and shape): a
        title wider than the view would push the maps out of it."""
        room = self.width() - 12  # the layout's margins
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        for title in self._titles:
            text = title + self._title_suffix
            document.setHtml(text)
            if document.idealWidth() <= room:
                break
        if text != self.title.text:
            self.title.setText(text)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if hasattr(self, "title"):  # pyqtgraph resizes the view inside its own constructor
            self._fit_title()

    def set_maps(self, maps, per_channel=None):
        """Show ``maps`` (this layer's output); ``per_channel`` scales each channel on its own."""
        if per_channel is not None:
            self.per_channel = per_channel
        self._maps = maps
        self._stale = True
        if not self.viewport().visibleRegion().isEmpty():
            self.redraw()

    def redraw(self):
        """Draw the last maps now, on screen or not."""
        if self._maps is not None:
            self._stale = False
            self._draw()

    def paintEvent(self, event):
        if self._stale:  # scrolled into view (or grabbed) since the maps arrived
            self.redraw()
        super().paintEvent(event)

    def mouseMoveEvent(self, event):
        # Not the scene's sigMouseMoved: pyqtgraph drops moves closer than 10 ms apart, and the
        # dropped one may be where the mouse came to rest.
        super().mouseMoveEvent(event)
        self.unitHovered.emit(self.unit_at(self.mapToScene(event.position().toPoint())))

    def _on_mouse_clicked(self, event):
        unit = self.unit_at(event.scenePos())
        if event.button() == Qt.LeftButton and not event.double() and unit is not None:
            self.unitClicked.emit(unit)
            event.accept()

    def leaveEvent(self, event):
        self.unitHovered.emit(None)
        super().leaveEvent(event)

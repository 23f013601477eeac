"""The main window's dock sizes at every window size: those of a freshly opened window of that
size, except the ones the user set by dragging a separator, which are kept (and remembered).

Qt gives the room a growing window gains to the central widget alone, so docks squeezed in a small
window would stay squeezed after it grows again (the editors cut, with side scroll bars, beside
wide maps); here every resize sizes the docks afresh.
"""

from __future__ import annotations

import json
import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle

MIN_MAPS_WIDTH = 300  # px the maps keep when the editors are given their width
SETTINGS_KEY = "dockSizes"
LEFT, RIGHT, BOTTOM = Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea, Qt.BottomDockWidgetArea
#: the sizes kept, each an area's width or height in pixels …
EDGES = {"canvasColumn": (LEFT, Qt.Horizontal), "editorsColumn": (RIGHT, Qt.Horizontal),
         "explanations": (BOTTOM, Qt.Vertical)}
#: … or the upper dock's share of the height of two docks stacked in a column
SPLITS = {"canvasShare": ("inputDock", "predictionDock"),
          "layersShare": ("layersDock", "kernelDock")}
_MOVED = 2  # px (or hundredths of a share) a size must change by to count as set by the user


class DockLayout(QObject):
    """Sizes the docks of ``window`` (a QMainWindow whose ``docks`` maps object names to its
    QDockWidgets) when it is first shown and whenever it is resized. A dock the user floated,
    closed or moved to another area is left to Qt."""

    def __init__(self, window):
        super().__init__(window)  # the window is reached as the parent: held, it would never go
        self._user = {}  # what the user set by dragging, by the names in EDGES and SPLITS
        self._pressed = None  # the sizes when a mouse button went down on the window's frame
        self._shown = False
        window.installEventFilter(self)

    # -------------------------------------------------------------- events
    def eventFilter(self, watched, event):
        kind = event.type()
        # Before the window's layout sees a resize: the docks get their sizes in the same pass.
        if kind == QEvent.Show and not self._shown or kind == QEvent.Resize and self._shown:
            self._shown = True
            self.apply()
        elif kind == QEvent.MouseButtonPress:  # on a separator (or passed up from a child)
            self._pressed = self.measure()
        elif kind == QEvent.MouseButtonRelease and self._pressed is not None:
            self._keep_dragged(self._pressed, self.measure())
            self._pressed = None
        return False

    def _keep_dragged(self, before, after):
        for name, size in after.items():
            if name in before:
                scale = 100 if name in SPLITS else 1
                if abs(size - before[name]) * scale > _MOVED:
                    self._user[name] = size

    # --------------------------------------------------------------- sizes
    def defaults(self):
        """The sizes of a freshly opened window of this size: the editors as wide as their
        controls need (as far as the maps keep room), the canvas column a quarter of the window,
        the explanations below about a quarter of its height."""
        window = self.parent()
        width, height = window.width(), window.height()
        editors = max(window.docks[name].widget().widget().sizeHint().width()
                      for name in SPLITS["layersShare"])
        editors += window.style().pixelMetric(QStyle.PM_ScrollBarExtent) + 8
        canvas = min(max(round(0.25 * width), 250), 360)
        room = width - self._user.get("canvasColumn", canvas) - MIN_MAPS_WIDTH
        return {"canvasColumn": canvas, "editorsColumn": min(editors, max(room, 250)),
                "explanations": min(max(round(0.28 * height), 170), 260),
                "canvasShare": 0.62, "layersShare": 0.58}

    def apply(self):
        """Give the docks the sizes the user set, and the others those of a fresh window."""
        window, sizes = self.parent(), {**self.defaults(), **self._user}
        for name, (area, orientation) in EDGES.items():
            docked = self._docked(area)
            if docked:
                window.resizeDocks(docked[:1], [round(sizes[name])], orientation)
        for name, pair in SPLITS.items():
            stacked = self._stacked(*pair)
            if stacked:
                # Qt shares the column's height in proportion to the sizes asked for.
                total = sum(dock.height() for dock in stacked)
                share = sizes[name]
                window.resizeDocks(stacked, [max(1, round(share * total)),
                                             max(1, round((1 - share) * total))], Qt.Vertical)

    def measure(self):
        """The sizes on screen now, by name; none for a dock that is not in its place."""
        sizes = {}
        for name, (area, orientation) in EDGES.items():
            docked = self._docked(area)
            if not docked:
                continue
            if orientation == Qt.Horizontal:
                sizes[name] = docked[0].width()
            else:  # down to the status bar: the tab bar of tabbed docks is part of the area
                window = self.parent()
                bar = window.statusBar()
                bottom = bar.y() if bar.isVisible() else window.height()
                sizes[name] = bottom - min(dock.y() for dock in docked)
        for name, pair in SPLITS.items():
            stacked = self._stacked(*pair)
            if stacked:
                upper, lower = (dock.height() for dock in stacked)
                sizes[name] = upper / (upper + lower)
        return sizes

    def _docked(self, area):
        """The docks shown in ``area`` (of tabbed docks the one in front)."""
        window = self.parent()
        return [dock for dock in window.docks.values()
                if dock.isVisible() and not dock.isFloating()
                and window.dockWidgetArea(dock) == area]

    def _stacked(self, upper, lower):
        """The docks named ``upper`` and ``lower`` if both are shown, one above the other."""
        docks = self.parent().docks
        upper, lower = docks[upper], docks[lower]
        if all(dock.isVisible() and not dock.isFloating() for dock in (upper, lower)) and \
                upper.x() == lower.x() and upper.geometry().bottom() < lower.y():
            return [upper, lower]
        return []

    # ------------------------------------------------------------ settings
    def remember(self, settings):
        """Keep the sizes the user set in ``settings`` (a QSettings)."""
        settings.setValue(SETTINGS_KEY, json.dumps(self._user))

    def recall(self, settings):
        """Take back the sizes the user set from ``settings``; anything malformed is ignored
        (the window then has a fresh window's sizes)."""
        try:
            stored = json.loads(str(settings.value(SETTINGS_KEY, "{}")))
        except ValueError:
            return
        if not isinstance(stored, dict):
            return
        self._user = {name: float(size) for name, size in stored.items()
                      if type(size) in (int, float) and math.isfinite(size)
                      and (name in EDGES and 1 <= size <= 16384
                           or name in SPLITS and 0.02 <= size <= 0.98)}

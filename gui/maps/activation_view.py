"""Every layer's activations, live: maps as mosaics, flat layers as bar charts, in a scroll area.

Hover shows a unit's value (via ``state.hover``) and outlines, in every earlier layer, the units
that feed it; click pins a unit, the arrow keys move the pinned unit, Esc unpins; double-click
a channel to see it enlarged (again to go back).
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP, live
from gui.i18n.engine_messages import describe
from gui.present import colormaps
from gui.present.naming import shape_text
from gui.maps.bar_view import BarView
from gui.maps.map_view import MapView
from gui.state import Unit

SCALINGS = (QT_TRANSLATE_NOOP("ActivationView", "per layer"),
            QT_TRANSLATE_NOOP("ActivationView", "per channel"))
HINT = QT_TRANSLATE_NOOP("ActivationView",
                         "click: pin a unit · arrows: move · Esc: unpin · double-click: enlarge")
_SPARE_VIEWS = 8  # hidden views kept for reuse after a layer is removed
_MOVES = {Qt.Key_Up: (-1, 0), Qt.Key_Down: (1, 0), Qt.Key_Left: (0, -1), Qt.Key_Right: (0, 1)}


def _titles(net, i):
    """The view's title, and a short one (name and shape) for a narrow view."""
    shape = shape_text(net.shapes[i], " × ")
    return (f"<b>{net.names[i]}</b> &nbsp; {describe(net.layers[i])} &nbsp;→&nbsp; {shape}",
            f"<b>{net.names[i]}</b> → {shape}")


def _view_kind(net, i):
    """What a view of layer i must be built for: "map", or ("bars", bar labels, probabilities).

    Views take any shape and colour scale (``MapView.reshape``, ``BarView.reshape``).
    """
    shape = net.shapes[i]
    if len(shape) == 3:
        return "map"
    softmax = net.layers[i].kind == "softmax"
    labels = tuple(str(k) for k in range(shape[0])) if softmax and shape[0] <= 20 else None
    return "bars", labels, softmax


class ActivationView(QWidget):
    """All layers' outputs, one view per layer (objectName "activations")."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("activations")
        self.setFocusPolicy(Qt.StrongFocus)
        self.state = state
        self.views = []
        self._kinds = {}  # view -> what it can show (see _view_kind)
        self._spare = []  # hidden views not in use, oldest first
        self._structure = None
        self.scaling = QComboBox(self)
        self.scaling.setObjectName("scaling")
        self.scaling.addItems(SCALINGS)
        self.scaling.setFocusPolicy(Qt.NoFocus)
        scale_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(scale_label)
        bar.addWidget(self.scaling)
        self.hint = QLabel(self)
        self.hint.setEnabled(False)  # the palette's muted text colour
        self.hint.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.hint.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # never widens us
        bar.addWidget(self.hint, 1)
        self._page = QWidget()
        self._rows = QVBoxLayout(self._page)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self._rows.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.NoFocus)
        self.scroll.setWidget(self._page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.scaling.currentIndexChanged.connect(self._on_scaling_changed)
        # Only new layers rebuild the views; new weights reach them with the next forward.
        state.layersChanged.connect(self._on_layers_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.selectionChanged.connect(self._on_selection_changed)
        state.lessonChanged.connect(self._on_lesson_changed)
        self._pin_before_click = None
        self._on_layers_changed()
        self._retranslate(scale_label)
        live.on_language_change(self, lambda self: self._retranslate(scale_label))

    def grab_page(self):
        """A QPixmap of every layer's view: the whole scrollable page, not just the part in view."""
        return self._page.grab()

    @property
    def per_channel(self):
        return self.scaling.currentIndex() == 1

    # ----------------------------------------------------------------- layers
    def _on_layers_changed(self):
        net = self.state.network
        structure = list(zip(net.names, net.layers, net.shapes))
        if structure == self._structure:
            return  # only weights changed: the views stay, the next forward redraws them
        old_layers = [] if self._structure is None else [s for _, s, _ in self._structure]
        self._structure = structure
        # A view is costly to build and an edit changes one or two layers: a layer left as it
        # was keeps its view (old and new stacks aligned like a text diff), and a changed one
        # takes a spare view of its kind when there is one.
        signs = colormaps.signed_layers(net.layers)
        kinds = [_view_kind(net, i) for i in range(len(net.layers))]
        views = [None] * len(kinds)
        matcher = difflib.SequenceMatcher(None, old_layers, list(net.layers), autojunk=False)
        for old, new, size in matcher.get_matching_blocks():
            for k in range(size):
                if self._kinds[self.views[old + k]] == kinds[new + k]:
                    views[new + k] = self.views[old + k]
        pool = [v for v in self._spare + self.views if v not in views]  # oldest first
        for view in self.views:
            self._rows.removeWidget(view)
        for i, kind in enumerate(kinds):
            if views[i] is None:
                views[i] = next((v for v in pool if self._kinds[v] == kind), None)
                if views[i] is None:
                    views[i] = self._make_view(kind, net.shapes[i], signs[i])
                    self._kinds[views[i]] = kind
                else:
                    pool.remove(views[i])
            views[i].reshape(net.shapes[i], signs[i])
            views[i].set_title(*_titles(net, i))
            views[i].show()
        # The latest few views left over stay, hidden, for the undo that brings their layer back.
        for view in pool:
            view.hide()  # at once: deleteLater waits for the event loop
        for view in pool[:-_SPARE_VIEWS]:
            del self._kinds[view]
            view.deleteLater()
        self._spare = pool[-_SPARE_VIEWS:]
        self.views = views
        for i, view in enumerate(self.views):
            self._rows.insertWidget(i, view)
        self._on_activations_changed()
        self._on_selection_changed()

    def _retranslate(self, scale_label):
        for i, text in enumerate(SCALINGS):
            self.scaling.setItemText(i, self.tr(text))
        self.scaling.setToolTip(self.tr("Colour scale shared by a layer's channels, or each "
                                        "channel's own"))
        scale_label.setText(self.tr("Scale"))
        for i, view in enumerate(self.views[:len(self.state.network.layers)]):  # descriptions
            view.set_title(*_titles(self.state.network, i))
        self.hint.setToolTip(self.tr(HINT))
        self._elide_hint()

    def _elide_hint(self):
        metrics = self.hint.fontMetrics()
        self.hint.setText(metrics.elidedText(self.tr(HINT), Qt.ElideRight,
                                             max(self.hint.width(), 0)))

    def _make_view(self, kind, shape, signed):
        if kind == "map":
            view = MapView("", shape, signed, self._page)
            view.unitDoubleClicked.connect(self._on_unit_double_clicked)
            view.layoutChanged.connect(self._on_selection_changed)
        else:
            _, labels, softmax = kind
            view = BarView("", shape[0], signed, labels, softmax, self._page)
        view.viewport().installEventFilter(self)
        view.unitHovered.connect(self._on_unit_hovered)
        view.unitClicked.connect(self._on_unit_clicked)
        return view

    def _sender_layer(self):
        # the layer a view shows changes when it is reused: looked up when the mouse acts
        return self.views.index(self.sender())

    def _on_unit_hovered(self, unit):
        layer, hovered = self._sender_layer(), self.state.hovered
        if unit is not None:
            self.state.hover(Unit(layer, *unit))
        elif hovered is not None and hovered.layer == layer:
            # A view's leave event can arrive after the next view's first move: only a view
            # may clear its own unit.
            self.state.hover(None)

    # ------------------------------------------------------------------- data
    def _on_activations_changed(self):
        for view, maps in zip(self.views, self.state.activations):
            if maps.shape == view.shape:  # a new network's first forward may still be due
                view.set_maps(maps, self.per_channel)

    def _on_scaling_changed(self):
        self._on_activations_changed()

    # -------------------------------------------------------------- selection
    def _on_selection_changed(self):
        """Outline the pinned and hovered units, and the units feeding the one in focus."""
        marks = {i: ([], []) for i in range(len(self.views))}
        for unit in (self.state.pinned, self.state.hovered):
            if self._valid(unit):
                marks[unit.layer][1].append((unit.channel, unit.row, unit.col))
        focus = self.state.focus_unit
        if self._valid(focus) and len(self.views[focus.layer].shape) == 3:
            field = self.state.network.receptive_field(focus.layer, focus.row, focus.col,
                                                       focus.channel)
            for i, (box, channel) in enumerate(zip(field.layer_boxes, field.layer_channels)):
                if len(self.views[i].shape) == 3:
                    channels = range(self.views[i].shape[0]) if channel is None else [channel]
                    marks[i][0].extend((c, *box) for c in channels)
        for i, view in enumerate(self.views):
            view.set_marks(*marks[i])

    def _valid(self, unit):
        """Whether ``unit`` names a unit of the current views (a stale pin may not)."""
        if unit is None or not 0 <= unit.layer < len(self.views):
            return False
        shape = self.views[unit.layer].shape
        index = (unit.channel, unit.row, unit.col)[:len(shape)]
        return all(0 <= k < n for k, n in zip(index, shape)) and (
            len(shape) == 3 or unit.row == unit.col == 0)

    def _on_lesson_changed(self):
        for view in self.views:  # a lesson starts from every channel in view
            if isinstance(view, MapView) and view.channel is not None:
                view.enlarge(None)

    def _unit_at(self, global_pos):
        """The unit drawn under the screen position ``global_pos``, or None."""
        for layer, view in enumerate(self.views):
            local = view.viewport().mapFromGlobal(global_pos)
            if view.viewport().rect().contains(local):
                unit = view.unit_at(view.mapToScene(local))
                return None if unit is None else Unit(layer, *unit)
        return None

    def _on_unit_clicked(self, unit):
        self.setFocus(Qt.MouseFocusReason)  # so the arrow keys reach this view
        self._pin_before_click = self.state.pinned
        self.state.pin(Unit(self._sender_layer(), *unit))

    def _on_unit_double_clicked(self, unit):
        view = self.sender()
        if view.channel is None:
            view.enlarge(unit[0])
        else:
            # Going back: the double click's first click pinned whatever lay under the pointer.
            view.enlarge(None)
            self.state.pin(self._pin_before_click)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._elide_hint()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Wheel:  # the maps never zoom: the wheel scrolls the page
            QApplication.sendEvent(self.scroll.viewport(), event)
            # The page moved under a still pointer, which sends no move event.
            self.state.hover(self._unit_at(event.globalPosition().toPoint()))
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event):
        pinned = self.state.pinned
        if event.key() == Qt.Key_Escape and pinned is not None:
            self.state.pin(None)
        elif event.key() in _MOVES and self._valid(pinned):
            self.state.pin(self._moved(pinned, *_MOVES[event.key()]))
        else:
            super().keyPressEvent(event)

    def _moved(self, unit, d_row, d_col):
        """``unit`` moved by one (clamped to its map); along a flat layer left/right step units."""
        shape = self.views[unit.layer].shape
        if len(shape) == 1:
            return Unit(unit.layer, min(max(unit.channel + d_col, 0), shape[0] - 1), 0, 0)
        _, rows, cols = shape
        return Unit(unit.layer, unit.channel, min(max(unit.row + d_row, 0), rows - 1),
                    min(max(unit.col + d_col, 0), cols - 1))

"""The layer stack as a list: add, remove and reorder layers, and pick the one to edit.

Every change goes through ``state.set_layers`` (one undo step); a refused change leaves the
network as it was and the engine's reason appears in red under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMenu, QPushButton, QSizePolicy,
                               QSplitter, QStyle, QStyledItemDelegate, QToolButton, QVBoxLayout,
                               QWidget)

from gui.editors.field_style import ERROR_COLOR, error_label
from gui.editors.layer_editor import LayerEditor
from gui.editors.layer_form import layer_help, new_layers, shape_text
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import describe, engine_text

_ORIGINAL_INDEX = Qt.UserRole
_COLUMNS = Qt.UserRole + 1  # (name, description, shape) for the delegate
_REINITIALIZED = Qt.UserRole + 2  # True: the description is painted as a warning
REINITIALIZED_NOTE = QT_TRANSLATE_NOOP("LayerPanel", "re-initialised")
ROW_MARGIN = 6  # px inside a row, each side


class _RowDelegate(QStyledItemDelegate):
    """Paints a row as three aligned columns: bold name, description, output shape at the right.

    A row too narrow for all three elides the description ("…"): the shape always shows.
    """

    def paint(self, painter, option, index):
        name, description, shape = index.data(_COLUMNS)
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        selected = option.state & QStyle.State_Selected
        painter.save()
        painter.setPen(option.palette.highlightedText().color() if selected
                       else option.palette.text().color())
        rect = option.rect.adjusted(ROW_MARGIN, 0, -ROW_MARGIN, 0)
        name_width = _name_width(option.font)
        painter.setFont(_bold(option.font))
        painter.drawText(rect, Qt.AlignVCenter | Qt.AlignLeft, name)
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        shape = f"→ {shape}"
        room = rect.width() - name_width - metrics.horizontalAdvance(f"  {shape}")
        painter.drawText(rect, Qt.AlignVCenter | Qt.AlignRight, shape)
        if index.data(_REINITIALIZED) and not selected:
            painter.setPen(ERROR_COLOR)
        painter.drawText(rect.adjusted(name_width, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft,
                         metrics.elidedText(description, Qt.ElideRight, max(room, 0)))
        painter.restore()

    def sizeHint(self, option, index):
        height = QFontMetrics(option.font).height()
        return QSize(self.width_needed(option.font, index), height + 8)

    @staticmethod
    def width_needed(font, index):
        """The row's width with every column whole."""
        _, description, shape = index.data(_COLUMNS)
        return (_name_width(font) + 2 * ROW_MARGIN
                + QFontMetrics(font).horizontalAdvance(f"{description}  → {shape}"))


def _bold(font):
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _name_width(font):
    return QFontMetrics(_bold(font)).horizontalAdvance("softmax00 ")


class LayerPanel(QWidget):
    """List of layers ("conv1  conv 3×3 s1 p1 → 8×28×28") with add/remove/reorder, above the
    editor for the selected layer."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("layers")
        self.state = state

        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        self.list.setDefaultDropAction(Qt.MoveAction)
        self.list.setItemDelegate(_RowDelegate(self.list))
        # Its width hint is the widest row's, so the dock can be sized to show rows whole.
        self.list.setSizeAdjustPolicy(QAbstractScrollArea.AdjustToContents)
        # Enough rows to see the network's shape at a glance even when the editor is tall.
        self.list.setMinimumHeight(7 * (self.list.fontMetrics().height() + 8) + 6)
        live.bind_text(self, self.list.setToolTip, lambda self: self.tr(
            "The layers in the order the image flows through them. Drag a row to move a layer."))
        self.add_button = QToolButton()
        self.add_button.setPopupMode(QToolButton.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.add_menu = QMenu(self, toolTipsVisible=True)
        # listed afresh on every opening: a kind registered later is offered too (and the
        # entries are in the language of the moment)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_menu.triggered.connect(self._on_add_triggered)
        self._fill_add_menu()
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        for button, text, tip in [
                (self.add_button, lambda self: self.tr("Add layer"),
                 lambda self: self.tr("Insert a new layer after the selected one")),
                (self.remove_button, lambda self: self.tr("Remove"),
                 lambda self: self.tr("Delete the selected layer (Delete)")),
                (self.up_button, lambda self: self.tr("Move up"),
                 lambda self: self.tr("Move the selected layer one step earlier")),
                (self.down_button, lambda self: self.tr("Move down"),
                 lambda self: self.tr("Move the selected layer one step later"))]:
            live.bind_text(self, button.setText, text)
            live.bind_text(self, button.setToolTip, tip)
        self.error_label = error_label(QLabel(visible=False))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        # The buttons sit above the list: below it they jumped whenever the form under them
        # changed height.
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.list)
        top_layout.addWidget(self.error_label)
        self.editor = LayerEditor(state)
        # The form is never squeezed below what it needs (spin boxes cut, the size formula
        # hidden): the list gives up rows, and the dock scrolls when even that is not enough.
        self.editor.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        splitter = QSplitter(Qt.Vertical, childrenCollapsible=False)
        splitter.addWidget(top)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        QShortcut(QKeySequence.Delete, self.list, self.remove_layer, context=Qt.WidgetShortcut)
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button.clicked.connect(self._on_up_clicked)
        self.down_button.clicked.connect(self._on_down_clicked)
        self.list.currentRowChanged.connect(self._on_row_changed)
        # A drop reorders the rows inside the view's own drop handling; rebuilding the list
        # there would pull the rows out from under it, so the new order is applied afterwards.
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        state.networkChanged.connect(self._on_network_changed)
        state.layerSelected.connect(self._on_layer_selected)
        self._on_network_changed()
        live.on_language_change(self, self._refresh_rows)  # the rows' tooltips

    def _fill_add_menu(self):
        self.add_menu.clear()
        for label, spec in new_layers().items():
            action = self.add_menu.addAction(engine_text(label))
            action.setToolTip(engine_text(layer_help(spec)))
            action.setData(label)

    def _on_add_triggered(self, action):
        self.add_layer(action.data())

    # ------------------------------------------------------------------ edits
    def add_layer(self, label):
        """Insert a new layer of the kind titled ``label`` (the Add layer menu's entries) after
        the selected layer (or at the end)."""
        layers = list(self.state.network.layers)
        at = len(layers) if self.state.selected_layer is None else self.state.selected_layer + 1
        layers.insert(at, new_layers()[label])
        if self._apply(layers, fill(self.tr("Add %1"), engine_text(label))):
            self.state.select_layer(at)

    def remove_layer(self):
        layer = self.state.selected_layer
        if layer is None:
            return
        layers = list(self.state.network.layers)
        removed = layers.pop(layer)
        if self._apply(layers, fill(self.tr("Remove %1"), describe(removed))) and layers:
            self.state.select_layer(min(layer, len(layers) - 1))

    def move_layer(self, step):
        """Swap the selected layer with its neighbour ``step`` (−1 earlier, +1 later)."""
        layer = self.state.selected_layer
        if layer is None or not 0 <= layer + step < len(self.state.network.layers):
            return
        order = list(range(len(self.state.network.layers)))
        order[layer], order[layer + step] = order[layer + step], order[layer]
        self._reorder(order, fill(self.tr("Move %1"), describe(self.state.network.layers[layer])))

    def _on_up_clicked(self):
        self.move_layer(-1)

    def _on_down_clicked(self):
        self.move_layer(+1)

    def _reorder(self, order, text):
        """Put layer ``order[i]`` at position i; moved layers keep their weights where they fit."""
        reason = self.state.reorder_layers(order, text)
        self._show_error(reason)
        if reason:
            self._refresh_rows()

    def _apply(self, layers, text):
        reason = self.state.set_layers(layers, text)
        self._show_error(reason)
        return not reason

    def _show_error(self, reason):
        self.error_label.setText(fill(self.tr("Not changed: %1"), engine_text(reason))
                                 if reason else "")
        self.error_label.setVisible(bool(reason))

    def _on_rows_moved(self):
        QTimer.singleShot(0, self._on_rows_dropped)

    def _on_rows_dropped(self):
        order = [self.list.item(row).data(_ORIGINAL_INDEX) for row in range(self.list.count())]
        if order != sorted(order):
            self._reorder(order, self.tr("Reorder layers"))

    # ------------------------------------------------------------- refreshes
    def _on_network_changed(self):
        self.error_label.hide()
        self._refresh_rows()

    def _refresh_rows(self):
        net = self.state.network
        with QSignalBlocker(self.list):
            self.list.clear()
            for i, (name, spec, shape, row) in enumerate(zip(net.names, net.layers, net.shapes,
                                                             net.summary())):
                fresh = i in self.state.reinitialized
                description = describe(spec) + (" · " + self.tr(REINITIALIZED_NOTE) if fresh
                                                 else "")
                item = QListWidgetItem(f"{name}  {description} → {shape_text(shape)}")
                item.setData(_COLUMNS, (name, description, shape_text(shape)))
                item.setData(_REINITIALIZED, fresh)
                item.setData(_ORIGINAL_INDEX, i)
                item.setToolTip(self._row_tooltip(row) + ("\n" + fill(self.tr(
                    "%1's weights no longer fitted after the change, so they are random now: "
                    "train (Ctrl+T) or undo (Ctrl+Z)."), name) if fresh else ""))
                self.list.addItem(item)
            if self.state.selected_layer is not None:
                self.list.setCurrentRow(self.state.selected_layer)
        self._update_buttons()

    def _row_tooltip(self, row):
        """The tooltip of a layer's row, from its ``Network.summary()`` row."""
        return fill(self.tr("%1: output %2, %3 weights, %4 multiply-adds; each unit sees a %5 "
                            "patch of the input"), row["name"], shape_text(row["output_shape"]),
                    f"{row['params']:,}", f"{row['macs']:,}", shape_text(row["rf"]))

    def _on_layer_selected(self, layer):
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(layer)
        self._update_buttons()

    def _on_row_changed(self, row):
        self.state.select_layer(row if row >= 0 else None)

    def _update_buttons(self):
        layer, count = self.state.selected_layer, self.list.count()
        self.remove_button.setEnabled(layer is not None)
        self.up_button.setEnabled(layer is not None and layer > 0)
        self.down_button.setEnabled(layer is not None and layer < count - 1)


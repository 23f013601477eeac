"""Receptive-field table: per layer the output size (formula filled in), r, jump and start."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import describe, engine_text
from gui.present.formatting import number
from gui.present.naming import shape_text
from gui.lazy_redraw import LazyRedraw

#: the columns' names, also the keys of ``ReceptiveFieldTable.cell``; the headers translate them
COLUMNS = (QT_TRANSLATE_NOOP("ReceptiveFieldTable", "layer"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "type"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "output"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "output size"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "kernel"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "stride"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "padding"),
           "r",
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "jump j"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "start"),
           QT_TRANSLATE_NOOP("ReceptiveFieldTable", "pixels seen"))
_DASH = "—"
HEADER_PADDING = 6  # px added each side of a column's name
# r of a flat layer: each unit is wired to every input pixel
WHOLE_INPUT = QT_TRANSLATE_NOOP("ReceptiveFieldTable", "whole input")
UPSAMPLED = QT_TRANSLATE_NOOP(  # a jump below a pixel, after a transposed conv
    "ReceptiveFieldTable", "%1 px: neighbouring units are less than a pixel apart (upsampled)")


def _pair(values, fmt=str, between="×"):
    """'3' for (3, 3), '3×5' for (3, 5) (or '(3, 5)' for positions and steps)."""
    a, b = (fmt(v) for v in values)
    if a == b:
        return a
    return f"{a}{between}{b}" if between == "×" else f"({a}, {b})"


def _jump(jump, upsampled):
    """'2', '(2, 1)'; a fraction of a pixel (after a transposed conv) says so (``upsampled``)."""
    text = _pair(jump, between=", ")
    if all(Fraction(j).denominator == 1 for j in jump):
        return text
    return fill(upsampled, text)


def _padding(window, mode):
    (top, bottom), (left, right) = window.pads
    text = str(top) if top == bottom == left == right else f"{top},{bottom},{left},{right}"
    return text if mode in (None, "zeros") or text == "0" else f"{text} {engine_text(mode)}"


def _formula(row):
    """The output-size formula per axis (once when both axes read the same)."""
    axes = row["formula"]
    if len(axes) != 2:
        return _DASH
    return axes[0] if axes[0] == axes[1] else f"H: {axes[0]}   W: {axes[1]}"


def layer_cells(row, receptive_field, padding_mode=None, part="%1 of %2", whole=WHOLE_INPUT,
                upsampled=UPSAMPLED):
    """The table's cells for one ``net.summary()`` row, as strings in ``COLUMNS`` order.

    ``receptive_field`` is the layer's ReceptiveField for its centre unit: "pixels seen" counts
    the image pixels its window actually reads, "9 of 25" when dilation skips some of the box
    (``part``, ``whole`` and ``upsampled``: the words in the interface language).
    """
    window = row["window"]
    sliding = window is not None and len(row["formula"]) == 2  # a window that slides
    dilation = "" if not sliding or window.dilation == (1, 1) else f" d{_pair(window.dilation)}"
    top, left, bottom, right = receptive_field.clipped_box
    box = (bottom - top) * (right - left)
    height, width = receptive_field.image_shape
    seen = math.prod(np.count_nonzero((sampled >= 0) & (sampled < n)) for sampled, n in
                     ((receptive_field.sampled_rows, height), (receptive_field.sampled_cols, width)))
    return (row["name"], engine_text(row["description"]), shape_text(row["output_shape"]),
            _formula(row),
            _pair(window.kernel) + dilation if sliding else _DASH,
            _pair(window.stride) if sliding else _DASH,
            _padding(window, padding_mode) if sliding else _DASH,
            whole if len(row["output_shape"]) == 1 else _pair(row["rf"]),
            _DASH if row["jump"] is None else _jump(row["jump"], upsampled),
            _DASH if row["start"] is None else _pair(row["start"], number, ", "),
            str(seen) if seen == box else fill(part, seen, box))


class ReceptiveFieldTable(QWidget):
    """One row per layer (after an input row), the pinned unit's layer highlighted.

    Clicking a row selects that layer for editing (``state.select_layer``).
    """

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("receptiveFieldTable")
        self.state = state
        self.table = QTableWidget(0, len(COLUMNS))

        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        legend = QLabel()
        live.bind_text(self, legend.setText, lambda self: self.tr(
            "r: window size in input pixels · j (jump): input pixels between neighbouring units · "
            "start: input position of the first unit's centre"))
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(legend)
        self.highlighted = None  # layer index of the highlighted row, or None
        self._structure = None  # (input shape, layers) the rows show
        # Rows cost a receptive-field walk per layer: built when seen, and only when the layers
        # changed (weights change every training epoch and with every typed cell).
        self._rebuild_when_seen = LazyRedraw(self, self._rebuild)
        self.table.cellClicked.connect(self._on_cell_clicked)
        state.layersChanged.connect(self._on_layers_changed)
        state.pinnedChanged.connect(self._on_pinned_changed)
        self._on_layers_changed()
        live.on_language_change(self, self._retranslate)

    def cell(self, layer, column):
        """The text in ``column`` (a name from COLUMNS) for ``layer`` (−1: the input row)."""
        return self.table.item(layer + 1, COLUMNS.index(column)).text()

    def _on_layers_changed(self):
        net = self.state.network
        structure = (net.input_shape, tuple(net.layers))
        if structure != self._structure:
            self._structure = structure
            self._rebuild_when_seen()

    def _retranslate(self):
        # Every row's words change: rebuilt now, even unseen (a language switch is rare).
        self._structure = (self.state.network.input_shape, tuple(self.state.network.layers))
        self._rebuild()

    def _rebuild(self):
        net = self.state.network
        self._set_headers()
        rows = [(self.tr("input"), self.tr("the drawing"), shape_text(net.input_shape))
                + (_DASH,) * 4
                + ("1", "1", "0", "1")]
        for i, summary in enumerate(net.summary()):
            shape = summary["output_shape"]
            centre = (shape[1] // 2, shape[2] // 2) if len(shape) == 3 else (0, 0)
            spec = net.layers[i]
            rows.append(layer_cells(summary, net.receptive_field(i, *centre),
                                    getattr(spec, "padding_mode", None), self.tr("%1 of %2"),
                                    self.tr(WHOLE_INPUT), self.tr(UPSAMPLED)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)  # sized once when full, not per cell
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignVCenter | (Qt.AlignLeft if c in (0, 1, 3)
                                                         else Qt.AlignHCenter))
                if r > 0:
                    item.setToolTip(describe(net.layers[r - 1]))
                self.table.setItem(r, c, item)
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        self.highlighted = None
        self._on_pinned_changed()

    def _set_headers(self):
        """The columns' names, each section with room on both sides of its centred name: a
        narrow column is as wide as its header, and the style's own margin lets neighbouring
        names run together (two Chinese words read as one)."""
        header = self.table.horizontalHeader()
        for c, name in enumerate(COLUMNS):
            item = QTableWidgetItem(self.tr(name))
            self.table.setHorizontalHeaderItem(c, item)
            item.setSizeHint(header.sectionSizeFromContents(c) + QSize(2 * HEADER_PADDING, 0))

    def _on_pinned_changed(self):
        if self._rebuild_when_seen.pending:
            return  # the rows are stale; the rebuild highlights the pinned layer
        pinned = self.state.pinned
        layer = None if pinned is None or pinned.layer >= len(self.state.network.layers) \
            else pinned.layer
        if layer == self.highlighted:
            return
        palette = self.palette()
        for row, on in ((self.highlighted, False), (layer, True)):
            if row is None:
                continue
            for c in range(self.table.columnCount()):
                item = self.table.item(row + 1, c)
                item.setBackground(palette.highlight() if on else QBrush())
                item.setForeground(palette.highlightedText() if on else QBrush())
                font = QFont(item.font())
                font.setBold(on)
                item.setFont(font)
        self.highlighted = layer
        if layer is not None:
            self.table.scrollToItem(self.table.item(layer + 1, 0))

    def _on_cell_clicked(self, row, column):
        if row > 0:
            self.state.select_layer(row - 1)

"""A grid of editable cells for one kernel slice: type a number or a fraction per weight."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from gui.editors.cell_parser import CellError, format_cell, format_cells, parse_cell
from gui.editors.field_style import mark_invalid, text_fits
from gui.i18n import QT_TRANSLATE_NOOP, fill
from gui.present.formatting import MINUS

CELL_HINT = QT_TRANSLATE_NOOP("KernelGrid", "Type a number or a fraction such as 1/9, -2 or 2*0.5")


def cell_hint():
    """``CELL_HINT`` in the interface language."""
    return QCoreApplication.translate("KernelGrid", CELL_HINT)


def cell_error_text(error):
    """A CellError's message in the interface language."""
    return fill(QCoreApplication.translate("CellParser", error.template), *error.values)


class KernelGrid(QWidget):
    """(kh, kw) cells showing ``values``; emits ``edited(row, col, value)`` for a readable entry.

    Unreadable text is refused here: the cell goes back to its value, turns red, and
    ``refused(reason)`` is emitted. Enter commits and moves on like a spreadsheet.
    """

    edited = Signal(int, int, float)
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cells = []  # rows of QLineEdit
        self.values = np.zeros((0, 0))
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)

    def set_values(self, values):
        """Show ``values`` (kh, kw), rebuilding the cells when the size changed."""
        self.values = np.array(values)
        if self.values.shape != (len(self.cells), len(self.cells[0]) if self.cells else 0):
            self._build(*self.values.shape)
        texts = format_cells(self.values, self._fits) if self.values.size else []
        for (r, c), value in np.ndenumerate(self.values):
            cell = self.cells[r][c]
            cell.setText(texts[r][c])
            cell.setModified(False)
            cell.setToolTip(fill(self.tr("row %1, column %2: %3"), r + 1, c + 1,
                                 exact_number(value)) + "\n" + cell_hint())
            mark_invalid(cell, False)

    def _build(self, rows, cols):
        for cell in (c for line in self.cells for c in line):
            # Hidden and out of the layout now: deleteLater alone leaves the old cells on screen
            # until the event loop next deletes (never, while processEvents drives it).
            self._layout.removeWidget(cell)
            cell.hide()
            cell.blockSignals(True)  # replaced: losing focus before its deletion is no edit
            cell.deleteLater()
        # room for "−0.000" at least: a kernel's cells share three decimals or more
        width = 54 if max(rows, cols) <= 5 else 52
        self.cells = []
        for r in range(rows):
            line = []
            for c in range(cols):
                # right-aligned: with one number of decimals per grid the points line up
                cell = QLineEdit(alignment=Qt.AlignRight | Qt.AlignVCenter)
                cell.setFixedWidth(width)
                cell.editingFinished.connect(self._on_cell_edited)
                cell.returnPressed.connect(self._on_return_pressed)
                self._layout.addWidget(cell, r, c)
                line.append(cell)
            self.cells.append(line)

    def _fits(self, text):
        """Whether ``text`` shows whole in a cell (all cells have one width)."""
        return text_fits(self.cells[0][0], text)

    def _sender_position(self):
        """(row, column) of the cell whose signal is being handled."""
        return next((row, line.index(self.sender())) for row, line in enumerate(self.cells)
                    if self.sender() in line)

    def _on_cell_edited(self):
        self._commit(*self._sender_position())

    def _commit(self, row, col):
        cell = self.cells[row][col]
        if not cell.isModified():  # focus passing through, or a display refresh: no edit
            return
        cell.setModified(False)
        for other in (c for line in self.cells for c in line):  # red is the newest edit's alone
            mark_invalid(other, False)
        try:
            value = parse_cell(cell.text())
        except CellError as error:
            cell.setText(format_cells(self.values, self._fits)[row][col])
            mark_invalid(cell)
            self.refused.emit(cell_error_text(error))
            return
        if value != self.values[row, col]:
            self.edited.emit(row, col, value)

    def _on_return_pressed(self):
        row, col = self._sender_position()
        self._commit(row, col)
        cells = [c for line in self.cells for c in line]
        index = row * len(self.cells[0]) + col + 1
        if index < len(cells):
            cells[index].setFocus()
            cells[index].selectAll()


def fitted_cell(line_edit, value):
    """``value`` with as many digits as ``line_edit`` shows whole (the tooltip has them all)."""
    return format_cell(value, lambda text: text_fits(line_edit, text))


def exact_number(value):
    """``value`` as a 32-bit weight exactly (its shortest round-trip form), typographic minus."""
    return str(np.float32(value)).replace("-", MINUS)

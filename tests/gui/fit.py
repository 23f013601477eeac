"""What a user sees whole: maps drawn with every row and column, texts that fit their widgets,
controls not squashed or hidden. Each function returns a list of problems (empty when all is well)
so a failing guard names every offender at once."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QLabel, QLineEdit, QListWidget,
                               QScrollArea, QStyle, QStyleOptionFrame, QTableWidget, QWidget)

from gui.explain.number_grid import NumberGrid
from gui.maps.map_view import MapView


def _on_screen(widget):
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def map_problems(window):
    """Every map view of the window: the whole mosaic inside the view at ≥ 1 screen pixel per map
    pixel, and the last unit found again where it is drawn."""
    problems = []
    for view in window.findChild(QWidget, "activations").views:
        if not isinstance(view, MapView):
            continue
        name = view.title.text
        rows, cols = view.mosaic.shape
        (left, right), (top, bottom) = view.box.viewRange()
        if top > 1e-6 or left > 1e-6 or bottom < rows - 1e-6 or right < cols - 1e-6:
            problems.append(f"{name}: shows rows {top:.1f}–{bottom:.1f} of {rows}, "
                            f"columns {left:.1f}–{right:.1f} of {cols}")
        scale = 1 / max(view.box.viewPixelSize())
        if scale < 1:
            problems.append(f"{name}: {scale:.2f} screen pixels per map pixel")
        channel = view.shape[0] - 1 if view.channel is None else view.channel
        last = (channel, view.shape[1] - 1, view.shape[2] - 1)
        corner = view.mapFromScene(view.scene_pos(*last))  # in the viewport, which draws
        if not view.viewport().rect().contains(corner) or \
                view.unit_at(view.mapToScene(corner)) != last:
            problems.append(f"{name}: the last unit {last} is not drawn inside the view")
    return problems


def _line_edit_room(edit):
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return room.width() - margins.left() - margins.right() - 4  # QLineEdit's 2 px each side


def _label_text_width(label):
    if label.textFormat() == Qt.PlainText or (label.textFormat() == Qt.AutoText
                                                and "<" not in label.text()):
        return max((label.fontMetrics().horizontalAdvance(line)
                    for line in label.text().splitlines()), default=0)
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    return document.idealWidth()


def text_problems(root):
    """Texts shown cut inside ``root``: line edits, spin boxes, one-line labels, buttons and
    table cells, on screen. A text ending in "…" is visibly elided and passes."""
    problems = []
    for edit in root.findChildren(QLineEdit):
        if not _on_screen(edit) or isinstance(edit.parent(), QAbstractSpinBox):
            continue
        if edit.fontMetrics().horizontalAdvance(edit.text()) > _line_edit_room(edit):
            problems.append(f"line edit {edit.text()!r} ({edit.width()} px)")
    for spin in root.findChildren(QAbstractSpinBox):
        if _on_screen(spin) and spin.width() < spin.minimumSizeHint().width():
            problems.append(f"spin box {spin.text()!r} squashed to {spin.width()} px "
                            f"(needs {spin.minimumSizeHint().width()})")
    for label in root.findChildren(QLabel):
        if not _on_screen(label) or label.wordWrap() or not label.text() or \
                label.text().endswith("…") or label.pixmap() is not None and \
                not label.pixmap().isNull():
            continue
        margin = 2 * (label.margin() + label.indent() if label.indent() > 0 else label.margin())
        if _label_text_width(label) > label.contentsRect().width() - margin + 0.5:
            problems.append(f"label {label.text()!r} ({label.contentsRect().width()} px)")
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        if _on_screen(button) and text and \
                button.fontMetrics().horizontalAdvance(text) + icon + 8 > button.width():
            problems.append(f"button {text!r} squashed to {button.width()} px")
    for table in root.findChildren(QTableWidget):
        if _on_screen(table):
            problems += _table_problems(table)
    for grid in root.findChildren(NumberGrid):
        if _on_screen(grid) and (grid.width() < grid.sizeHint().width()
                                 or grid.height() < grid.sizeHint().height()):
            problems.append(f"number grid {grid.caption!r} squashed")
    for rows in root.findChildren(QListWidget):
        needed = getattr(rows.itemDelegate(), "width_needed", None)
        if _on_screen(rows) and needed is not None:
            problems += [f"list row {rows.item(i).text()!r} is cut"
                         for i in range(rows.count())
                         if needed(rows.font(), rows.model().index(i, 0)) > rows.viewport().width()]
    return problems


def _table_problems(table):
    problems = []
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or table.isColumnHidden(column):
                continue
            width = table.columnWidth(column) - 8  # the item's margins
            text = item.text()
            font_metrics = metrics if item.font() == table.font() else \
                type(metrics)(item.font())
            if font_metrics.horizontalAdvance(text) > width and table.textElideMode() == \
                    Qt.ElideNone:
                problems.append(f"table cell {text!r} ({width} px)")
    return problems


def clipped_controls(panel):
    """Controls of ``panel`` (inside a scroll area) that are cut off or hidden sideways: a panel
    must show every control's full width without a horizontal scroll bar."""
    problems = []
    scroll = panel.parent().parent() if isinstance(panel.parent().parent(), QScrollArea) else None
    if scroll is not None and scroll.horizontalScrollBar().isVisible():
        problems.append(f"{panel.objectName()}: needs a horizontal scroll bar "
                        f"({panel.minimumSizeHint().width()} px in {scroll.viewport().width()})")
    viewport = scroll.viewport() if scroll is not None else panel
    for control in panel.findChildren(QWidget):
        if not control.isVisible() or not isinstance(
                control, (QAbstractButton, QAbstractSpinBox, QLineEdit)):
            continue
        left = control.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + control.width() > viewport.width():
            problems.append(f"{panel.objectName()}: {type(control).__name__} "
                            f"{getattr(control, 'text', lambda: '')()!r} cut at the side")
    return problems

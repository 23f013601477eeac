"""Colours for refused fields, reasons and side notes that read well in the light and dark theme.

Palette-based rather than style sheets: a style sheet on a spin box or combo box switches it to
a different rendering, and fixed colours would vanish in one of the two themes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionFrame

from gui.present.colormaps import ERROR_HEX

ERROR_COLOR = QColor(ERROR_HEX)
LINE_EDIT_MARGIN = 2  # px QLineEdit keeps between its contents rectangle and the text, each side


def text_fits(line_edit, text):
    """Whether ``text`` shows whole in ``line_edit`` at its current width (a longer text is cut
    at both ends when centred, silently)."""
    option = QStyleOptionFrame()
    line_edit.initStyleOption(option)
    room = line_edit.style().subElementRect(QStyle.SE_LineEditContents, option, line_edit)
    margins = line_edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN
    return line_edit.fontMetrics().horizontalAdvance(text) <= width


def mark_invalid(widget, invalid=True):
    """Tint ``widget``'s editing area red (or restore it); ``widget.property("invalid")`` tells."""
    widget.setProperty("invalid", invalid)
    widget.setPalette(QPalette())  # back to the inherited palette
    if invalid:
        palette = widget.palette()
        base = palette.color(QPalette.Base)
        mixed = QColor.fromRgbF(*(0.6 * a + 0.4 * b for a, b in zip(
            base.getRgbF()[:3], ERROR_COLOR.getRgbF()[:3])))
        palette.setColor(QPalette.Base, mixed)
        palette.setColor(QPalette.Button, mixed)
        widget.setPalette(palette)


def error_label(label):
    """Make ``label`` show refusals: red text, wrapped."""
    palette = label.palette()
    palette.setColor(QPalette.WindowText, ERROR_COLOR)
    label.setPalette(palette)
    label.setWordWrap(True)
    return label


def note_label(label):
    """Make ``label`` a quiet explanation: the palette's secondary text colour, wrapped."""
    label.setForegroundRole(QPalette.PlaceholderText)
    label.setWordWrap(True)
    return label

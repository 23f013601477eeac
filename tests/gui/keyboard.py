"""Typing into fields as a user does: select what is there, type, press Enter."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def type_and_enter(qtbot, widget, text):
    """Replace the text of ``widget`` (a QLineEdit, or a spin/combo box's line edit) and press
    Enter, which commits the edit."""
    line = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key_Return)

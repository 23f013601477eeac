"""Typing into fields as a user does: select what is there, type, press Enter."""

from itertools import groupby

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit


def type_text(qtbot, line, text):
    """Type ``text`` into ``line`` key by key. QTest types ASCII only (it aborts on other
    characters), so a character like '−' is sent as the key event a keyboard layout produces."""
    for ascii_run, chars in groupby(text, str.isascii):
        if ascii_run:
            qtbot.keyClicks(line, "".join(chars))
            continue
        for char in chars:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(line, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def type_and_enter(qtbot, widget, text):
    """Replace the text of ``widget`` (a QLineEdit, or a spin/combo box's line edit) and press
    Enter, which commits the edit."""
    line = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key_Return)

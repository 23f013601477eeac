"""gui.editors.field_style: refused fields tinted red and back, error and note labels."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit

from gui.editors.field_style import ERROR_COLOR, error_label, mark_invalid, note_label


def test_mark_invalid_tints_the_field_and_restores_it(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    normal = field.palette().color(QPalette.Base)
    mark_invalid(field)
    tinted = field.palette().color(QPalette.Base)
    assert field.property("invalid") is True and tinted != normal
    assert tinted.redF() > normal.redF() or tinted.greenF() < normal.greenF()
    mark_invalid(field, False)
    assert field.property("invalid") is False
    assert field.palette().color(QPalette.Base) == normal


def test_error_and_note_labels_wrap_and_differ_from_plain_text(qtbot):
    plain, error, note = QLabel("a"), error_label(QLabel("b")), note_label(QLabel("c"))
    for label in (plain, error, note):
        qtbot.addWidget(label)
    assert error.wordWrap() and note.wordWrap()
    assert error.palette().color(QPalette.WindowText) == ERROR_COLOR
    assert note.foregroundRole() == QPalette.PlaceholderText
    assert plain.foregroundRole() != QPalette.PlaceholderText

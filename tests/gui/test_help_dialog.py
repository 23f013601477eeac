"""gui.help_dialog: every concept and the shortcuts, and jumping to a topic."""

from gui.help_dialog import HelpDialog
from gui.present.help_text import CONCEPTS


def test_the_page_holds_every_concept_and_the_shortcuts(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for _, title, *_ in CONCEPTS:
        assert title in text
    assert "Keyboard and mouse" in text


def test_show_topic_shows_the_dialog_scrolled_to_the_concept(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show_topic(CONCEPTS[0][0])
    qtbot.waitExposed(dialog)
    top = dialog.browser.verticalScrollBar().value()
    dialog.show_topic(CONCEPTS[-1][0])
    assert dialog.isVisible()
    assert dialog.browser.verticalScrollBar().value() > top

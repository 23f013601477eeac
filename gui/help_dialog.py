"""A non-modal window with the concept explanations and the shortcuts, for reading beside the app."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gui.i18n import live
from gui.present.help_text import concepts_html, shortcuts_html


class HelpDialog(QDialog):
    """Concepts and shortcuts in one scrollable page; ``show_topic`` jumps to a concept."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help")
        live.bind_text(self, self.setWindowTitle, lambda self: self.tr("ConvScope help"))
        self.resize(640, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(True)
        live.bind_text(self, self.browser.setHtml,
                       lambda _: concepts_html(QCoreApplication.translate)
                       + shortcuts_html(QCoreApplication.translate))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def show_topic(self, anchor=None):
        """Show the dialog scrolled to the concept ``anchor`` (see ``help_text.CONCEPTS``), or
        from the top (its title and list of topics) with None."""
        self.show()
        self.raise_()
        if anchor is None:
            self.browser.verticalScrollBar().setValue(0)
        else:
            self.browser.scrollToAnchor(anchor)

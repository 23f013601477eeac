"""The open lesson above the maps: its title, what to look at and a question to try."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text


#: lines of text the banner grows to before its text scrolls (the maps below keep the rest)
MAX_LINES = 8


class LessonBanner(QFrame):
    """Shown while ``state.lesson`` is set (objectName "lessonBanner"); × closes the lesson.

    As tall as its text at the width it has, up to ``MAX_LINES`` lines; beyond that, or when a
    small window leaves it less, the text scrolls rather than being cut.
    """

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("lessonBanner")
        self.setFrameShape(QFrame.StyledPanel)
        self.state = state
        self.title = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.look = QLabel(wordWrap=True)
        self.question = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.question.setForegroundRole(QPalette.PlaceholderText)  # quieter than the look text
        self.close_button = QToolButton(text="×", autoRaise=True)
        live.bind_text(self, self.close_button.setToolTip,
                       lambda self: self.tr("Close the lesson (the network stays)"))
        self.body = QWidget()
        texts = QVBoxLayout(self.body)
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(2)
        for label in (self.title, self.look, self.question):
            texts.addWidget(label)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 6)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.close_button.clicked.connect(lambda: state.set_lesson(None))
        state.lessonChanged.connect(self._on_lesson_changed)
        self._on_lesson_changed()
        live.on_language_change(self, self._on_lesson_changed)

    def sizeHint(self):
        margins = self.contentsMargins() + self.layout().contentsMargins()
        text_width = self.scroll.viewport().width() if self.isVisible() else self.width() // 2
        lines = MAX_LINES * self.fontMetrics().lineSpacing()
        height = min(self.body.heightForWidth(max(text_width, 1)), lines)
        return QSize(super().sizeHint().width(), height + margins.top() + margins.bottom())

    def minimumSizeHint(self):
        return QSize(super().minimumSizeHint().width(), self.close_button.sizeHint().height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped text's height follows the width

    def _on_lesson_changed(self):
        lesson = self.state.lesson
        self.setVisible(lesson is not None)
        if lesson is not None:
            self.title.setText(fill(self.tr("<b>Lesson: %1</b>"), engine_text(lesson.title)))
            self.look.setText(engine_text(lesson.look))
            self.question.setText(fill(self.tr("<i>Try:</i> %1"), engine_text(lesson.question)))
            self.updateGeometry()

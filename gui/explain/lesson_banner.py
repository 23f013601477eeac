"""The open lesson above the maps: its title, what to look at and a question to try."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text


class LessonBanner(QFrame):
    """Shown while ``state.lesson`` is set (objectName "lessonBanner"); × closes the lesson."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("lessonBanner")
        self.setFrameShape(QFrame.StyledPanel)
        self.state = state
        self.title = QLabel(textFormat=Qt.RichText)
        self.look = QLabel(wordWrap=True)
        self.question = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.question.setForegroundRole(QPalette.PlaceholderText)  # quieter than the look text
        self.close_button = QToolButton(text="×", autoRaise=True)
        live.bind_text(self, self.close_button.setToolTip,
                       lambda self: self.tr("Close the lesson (the network stays)"))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        for label in (self.title, self.look, self.question):
            texts.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.close_button.clicked.connect(lambda: state.set_lesson(None))
        state.lessonChanged.connect(self._on_lesson_changed)
        self._on_lesson_changed()
        live.on_language_change(self, self._on_lesson_changed)

    def _on_lesson_changed(self):
        lesson = self.state.lesson
        self.setVisible(lesson is not None)
        if lesson is not None:
            self.title.setText(fill(self.tr("<b>Lesson: %1</b>"), engine_text(lesson.title)))
            self.look.setText(engine_text(lesson.look))
            self.question.setText(fill(self.tr("<i>Try:</i> %1"), engine_text(lesson.question)))

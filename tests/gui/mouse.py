"""Real mouse events for widget tests.

``QTest.mouseMove`` cannot carry a held button, so drags are sent as QMouseEvents directly.
"""

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def send_mouse(widget, kind, pos, button=Qt.NoButton, buttons=Qt.NoButton):
    """Deliver one mouse event of ``kind`` at widget position ``pos``."""
    pos = QPointF(pos)
    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def press_and_move(widget, points, button=Qt.LeftButton):
    """Press at the first point and move through the others with ``button`` held; returns the last."""
    send_mouse(widget, QEvent.MouseButtonPress, points[0], button, button)
    for point in points[1:]:
        send_mouse(widget, QEvent.MouseMove, point, Qt.NoButton, button)
    return points[-1]


def drag(widget, points, button=Qt.LeftButton):
    """A whole drag: press, moves, release at the last point."""
    last = press_and_move(widget, points, button)
    send_mouse(widget, QEvent.MouseButtonRelease, last, button, Qt.NoButton)

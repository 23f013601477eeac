"""Every text a user can read in a window: menus, actions, dock titles, buttons, labels, tabs,
tooltips, list and table items, plot titles; and which of them are not in the language shown."""

import html
import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget, QGraphicsView, QGroupBox, QLabel,
    QLineEdit, QListWidget, QMenu, QMessageBox, QTabBar, QTableWidget, QTextEdit, QWidget,
)

from gui.drawing.canvas import Canvas

#: words that stay as they are in Chinese: names, units, file types, the notation of layers
#: (conv1, s1 p1) and padding modes, keys; activations in Latin letters as the glossary has them
#: (a lower-case "relu" is the English layer list's, not a name)
NAMES = re.compile(r"""\b(?:
    ConvScope|MNIST|ReLU|LeakyReLU|Leaky|Sobel|Prewitt|softmax|Softmax|CNN|RGB|
    PNG|JPEG|BMP|GIF|JSON|IDX|npz|json|idx|gz|SGD|Adam|ERF|LeCun|Cortes|Burges|Luo|CC|BY|SA|
    rl|jl|  # r<sub>l</sub>, j<sub>l</sub> read as plain text
    ms|px|Ctrl|Shift|Esc|Delete|Backspace|F\d+|
    max|valid|same|full|zeros|reflect|replicate|circular|true|false|
    English|Language|Tanh|Sigmoid|Grad|CAM|ONNX|PyTorch|Python|Runtime|opset|nn|Sequential|
    ImageNet|torchvision|
    (?:conv|pool|relu|dense|flatten|softmax|sigmoid|tanh|op)\d+|Conv2d
    )\b""", re.VERBOSE)
#: file names and patterns (train-images-idx3-ubyte.gz, *.npz) stay as the files are named
FILE_NAMES = re.compile(r"\S*(?:idx|ubyte|\.npz|\.json|\.png|\.onnx|\*\.)\S*")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def plain(text):
    """Rich text as the user reads it: no tags, entities resolved, no '&' accelerators."""
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&", "")


def _action_texts(actions, where):
    for action in actions:
        if action.isSeparator():
            continue
        here = f"{where} ▸ {plain(action.text())}"
        yield here, action.text()
        yield here + " (status tip)", action.statusTip()
        yield here + " (tooltip)", action.toolTip()
        if action.menu() is not None:
            yield from _action_texts(action.menu().actions(), here)


def _widget_texts(widget):
    name = f"{type(widget).__name__} {widget.objectName()!r}".strip()
    if widget.isWindow() or isinstance(widget, QDockWidget):
        yield name + " title", widget.windowTitle()
    yield name + " tooltip", widget.toolTip()
    yield name + " status tip", widget.statusTip()
    if isinstance(widget, (QAbstractButton, QLabel)):
        yield name, widget.text()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QLineEdit):
        yield name + " placeholder", widget.placeholderText()
    if isinstance(widget, QAbstractSpinBox):
        yield name + " special value", widget.specialValueText()
        for part in ("prefix", "suffix"):
            if hasattr(widget, part):
                yield name + " " + part, getattr(widget, part)()
    if isinstance(widget, QTextEdit) and not isinstance(widget.window(), QMessageBox):
        yield name, widget.toPlainText()  # a box's details are a traceback, for a developer
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name} tab {i}", widget.tabText(i)
            yield f"{name} tab {i} tooltip", widget.tabToolTip(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.itemText(i)
            yield f"{name} item {i} tooltip", str(widget.itemData(i, Qt.ToolTipRole) or "")
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.item(i).text()
            yield f"{name} item {i} tooltip", widget.item(i).toolTip()
    if isinstance(widget, QTableWidget):
        for axis, count, header in [("column", widget.columnCount, widget.horizontalHeaderItem),
                                    ("row", widget.rowCount, widget.verticalHeaderItem)]:
            for i in range(count()):
                item = header(i)
                if item is not None:
                    yield f"{name} {axis} {i} header", item.text()
                    yield f"{name} {axis} {i} header tooltip", item.toolTip()
        for r in range(widget.rowCount()):
            for c in range(widget.columnCount()):
                item = widget.item(r, c)
                if item is not None:
                    yield f"{name} ({r}, {c})", item.text()
                    yield f"{name} ({r}, {c}) tooltip", item.toolTip()
    if isinstance(widget, Canvas):  # its caption is painted, not a child widget
        yield name + " caption", widget.caption()
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, pg.LabelItem):
                yield f"{name} label", item.text
            elif hasattr(item, "toPlainText"):
                yield f"{name} text", item.toPlainText()


def ui_texts(window):
    """(where, text) for every non-empty text of ``window``'s menus and widgets, and of its
    child windows (dialogs) that are open."""
    found = list(_action_texts(window.menuBar().actions(), "menu"))
    for widget in [window] + window.findChildren(QWidget):
        if not (widget is window or widget.window().isVisible()):
            continue
        if isinstance(widget, QMenu):  # context menus too, not only the menu bar's
            found.extend(_action_texts(widget.actions(), f"menu {widget.title()!r}"))
        else:
            found.extend(_widget_texts(widget))
    return [(where, text) for where, text in found if text and text.strip()]


def untranslated(texts, language):
    """The texts that are not in ``language`` ('zh_CN': an English word other than a name;
    'en': any Chinese character)."""
    if language == "en":
        return [(w, t) for w, t in texts if CJK.search(t) and t != "简体中文"]
    return [(w, t) for w, t in texts
            if ENGLISH_WORD.search(NAMES.sub("", FILE_NAMES.sub("", plain(t))))]

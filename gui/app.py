"""Start ConvScope: ``main(argv)`` behind ``python main.py`` and the ``convscope`` command."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

import engine
from gui import error_dialog
from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text
from gui.main_window import MODEL, MainWindow, last_network_path
from gui.present.formatting import MINUS
from gui.state import AppState, Unit

SCREENSHOT_DIGIT = 3



def parse_args(argv):
    parser = argparse.ArgumentParser(prog="convscope", description=(
        "Draw a digit and watch a convolutional network think."))
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the window with a sample digit to a PNG and exit")
    parser.add_argument("--size", default="1400x900", type=_size,
                        help="window size for --screenshot, WIDTHxHEIGHT (default 1400x900)")
    return parser.parse_args(argv)


def _size(text):
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1400x900, not {text!r}")
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError("the window must be at least 200x200")
    return width, height


def start_network(data_dir=None):
    """(network, notice): the network to start with and what the user should be told, or "".

    The network the app closed with comes first, then the trained digits model, then the
    untrained default. Starting never fails: a remembered file that cannot be used (damaged, from
    a newer ConvScope, over a limit) is moved aside, kept under a new name that the notice gives,
    so that quitting does not overwrite it and the notice is given once.
    """
    notices = []
    for path in (last_network_path(data_dir), MODEL):
        if path is None or not path.exists():
            continue
        try:
            return engine.load_network(path), " ".join(notices)
        except Exception as error:  # noqa: BLE001 - whatever the file holds, the app starts
            reason = engine_text(str(error)) if isinstance(error, engine.ConfigError) else (
                f"{path.name}: {type(error).__name__}: {error}")
            if path != MODEL:
                notices.append(fill(QCoreApplication.translate(
                    "app", "ConvScope could not use the network it remembered. %1"), reason)
                    + _set_aside(path))
            else:
                notices.append(fill(QCoreApplication.translate(
                    "app", "The shipped digit model could not be read (%1)."), reason))
    return engine.default_digit_network(), " ".join(notices)


def _set_aside(path):
    """Rename the unusable ``path`` so that it is kept; the sentence telling where it went."""
    aside = path.with_name(f"{path.stem}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    try:
        path.replace(aside)
    except OSError as error:
        return fill(QCoreApplication.translate(
            "app", " It could not be set aside (%1); it stays at %2 and will be replaced when "
            "ConvScope quits."), error.strerror or error, path)
    return fill(QCoreApplication.translate("app", " The file is kept as %1."), aside)


def apply_theme(app):
    """Fusion with a dark palette: the maps and the canvas are dark, the chrome matches them."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())


def dark_palette():
    """The app's dark palette (Fusion's roles in the colours of the maps' surroundings)."""
    palette = QPalette()
    colors = {
        QPalette.Window: "#2b2d31", QPalette.WindowText: "#e3e5e8", QPalette.Base: "#1e1f22",
        QPalette.AlternateBase: "#26282c", QPalette.ToolTipBase: "#1e1f22",
        QPalette.ToolTipText: "#e3e5e8", QPalette.Text: "#e3e5e8", QPalette.Button: "#35373c",
        QPalette.ButtonText: "#e3e5e8", QPalette.BrightText: "#ff6b6b", QPalette.Link: "#6ab0ff",
        QPalette.Highlight: "#3d7bd9", QPalette.HighlightedText: "#ffffff",
        QPalette.PlaceholderText: "#8a8e96",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor("#6d7078"))
    return palette


def screenshot(window, path, size):
    """Draw a sample digit, select the first conv layer, pin a unit of the last one whose window
    reaches the padding, and render the window to ``path``."""
    state = window.state
    window.resize(*size)
    window.show()
    window.show_sample(SCREENSHOT_DIGIT)
    spatial = [i for i, spec in enumerate(state.network.layers) if spec.kind == "conv2d"]
    if spatial:
        layer = spatial[-1]
        _, rows, cols = state.network.shapes[layer]
        state.pin(Unit(layer, 0, min(4, rows - 1), min(1, cols - 1)))
        state.select_layer(spatial[0])  # after the pin, which selects its own layer
    state.recompute()
    for _ in range(3):  # layouts settle over a few passes (docks, then plots inside them)
        QApplication.processEvents()
    return window.grab().save(str(path), "PNG")


def configure_pyqtgraph():
    """pyqtgraph's global options, set once before any widget exists: images are (rows, cols)
    as numpy and the engine index them; axes (the colour bars' too) write negative numbers with
    the minus sign every other number of the app has, not a hyphen."""
    pg.setConfigOptions(imageAxisOrder="row-major")
    if pg.AxisItem.tickStrings is not _tick_strings_with_minus:
        pg.AxisItem.tickStrings = _tick_strings_with_minus


_hyphen_tick_strings = pg.AxisItem.tickStrings


def _tick_strings_with_minus(axis, values, scale, spacing):
    return [text.replace("-", MINUS) for text in
            _hyphen_tick_strings(axis, values, scale, spacing)]


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    configure_pyqtgraph()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("ConvScope")
    app.setApplicationName("ConvScope")
    apply_theme(app)
    if args.screenshot:
        # A screenshot shows the shipped network in the system's language and never touches the
        # user's settings.
        live.set_language(live.system_language())
        window = MainWindow(AppState(start_network()[0]))
        ok = screenshot(window, args.screenshot, args.size)
        window.close()
        if not ok:
            print(f"ConvScope: could not write {args.screenshot}", file=sys.stderr)
        return 0 if ok else 1
    data_dir = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    settings = QSettings()
    live.set_language(live.start_language(settings))
    network, notice = start_network(data_dir)
    window = MainWindow(AppState(network), settings, data_dir)
    error_dialog.install(window)
    _close_on_ctrl_c(window)
    window.show()
    if notice:
        print(f"ConvScope: {notice}", file=sys.stderr)
        window.warn(QCoreApplication.translate("app", "Started with the trained network"),
                    notice)
    return app.exec()


def _close_on_ctrl_c(window):
    """Ctrl+C in the terminal closes the window like File ▸ Quit (the network is remembered).

    Python only sees the signal when Python code runs, so a timer wakes it a few times a second.
    """
    signal.signal(signal.SIGINT, lambda *_: window.close())
    timer = QTimer(window, interval=200)
    timer.timeout.connect(lambda: None)
    timer.start()

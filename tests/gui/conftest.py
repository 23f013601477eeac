"""Fixtures for widget tests: a real AppState and a real main window that is always closed.

Nothing here touches the user's settings: Qt's standard paths are in test mode and the window gets
its own QSettings file and data directory under pytest's tmp_path.
"""

import pytest
from PySide6.QtCore import QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

import engine
from gui.app import MODEL, configure_pyqtgraph
from gui.i18n import live
from gui.main_window import MainWindow
from gui.state import AppState

configure_pyqtgraph()


@pytest.fixture(scope="session", autouse=True)
def _qt_test_paths():
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def _deleted_after_the_test(qapp):
    """Delete what the test gave ``deleteLater()``, its windows above all (pytest-qt's teardown).

    With no event loop running, Qt keeps those deletions pending (pytest-qt #498): the windows of
    every earlier test would pile up and be deleted all at once inside a later test's event loop,
    seconds of work that test's timings would take for its own. Events still posted to them (a
    language change in a fixture's teardown) are delivered first, while they are whole.
    """
    yield
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def state(qapp):
    """AppState around the app's default digit network (untrained, seeded), with a blank image."""
    app_state = AppState(engine.default_digit_network())
    yield app_state
    app_state.deleteLater()


@pytest.fixture
def trained_state(qapp):
    """AppState around the shipped, trained digit network, with a blank image."""
    app_state = AppState(engine.load_network(MODEL))
    yield app_state
    app_state.deleteLater()


@pytest.fixture
def shown(qtbot):
    """Show a widget at a size for the rest of the test: ``shown(Canvas(state), 420, 480)``."""
    def show(widget, width, height):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def main_window(qtbot, state, settings, tmp_path):
    """The real window around ``state``, shown at 1400×900; closed (and its settings written
    under tmp_path) when the test ends, even if it fails."""
    window = MainWindow(state, settings, tmp_path / "data")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def chinese(qapp):
    """The interface in Chinese for one test, English again afterwards."""
    assert live.set_language(live.CHINESE)
    yield
    live.set_language(live.ENGLISH)

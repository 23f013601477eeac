"""Quitting keeps the network: when it cannot be remembered the user is told and may save it."""

import pytest
from PySide6.QtWidgets import QMessageBox

import engine
from gui.main_window import MainWindow, last_network_path
from tests.gui.file_dialogs import answer_file_dialogs


@pytest.fixture
def unwritable(qtbot, state, settings, tmp_path):
    """A shown window whose data folder cannot be created (a file is in the way, as a read-only or
    full disk refuses it)."""
    (tmp_path / "blocker").write_text("")
    window = MainWindow(state, settings, tmp_path / "blocker" / "data")
    window.show()  # not qtbot.addWidget: its close at teardown would ask again
    qtbot.waitExposed(window)
    yield window
    if window.isVisible():
        window.close()
        click(quit_box(window), "Quit without keeping it")
    window.deleteLater()


def quit_box(window):
    boxes = [b for b in window.findChildren(QMessageBox, "quitBox") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def click(box, text):
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_quitting_when_the_network_cannot_be_remembered_offers_to_save_it(
        qtbot, unwritable, state, tmp_path, monkeypatch):
    state.set_layers([engine.Conv2d(2, 3), engine.ReLU()])
    unwritable.close()
    assert unwritable.isVisible()
    box = quit_box(unwritable)
    assert "could not keep the current network" in box.text()
    elsewhere = tmp_path / "elsewhere.npz"
    answer_file_dialogs(monkeypatch, lambda dialog: elsewhere)
    click(box, "Save elsewhere…")
    assert not unwritable.isVisible()
    assert engine.load_network(elsewhere).layers == [engine.Conv2d(2, 3), engine.ReLU()]


def test_quitting_anyway_and_staying(qtbot, unwritable):
    unwritable.close()
    click(quit_box(unwritable), "Cancel")
    assert unwritable.isVisible()
    unwritable.close()
    click(quit_box(unwritable), "Quit without keeping it")
    assert not unwritable.isVisible()


def test_a_cancelled_save_elsewhere_keeps_the_window(qtbot, unwritable, monkeypatch):
    unwritable.close()
    answer_file_dialogs(monkeypatch, lambda dialog: "")
    click(quit_box(unwritable), "Save elsewhere…")
    assert unwritable.isVisible()


def test_a_writable_folder_quits_without_asking(qtbot, state, settings, tmp_path):
    window = MainWindow(state, settings, tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not window.isVisible() and last_network_path(tmp_path / "data").exists()

"""Faults met with a clear word: File ▸ Open failures, unexpected exceptions, dialog folders."""

import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

import engine
from gui import error_dialog
from tests.gui.file_dialogs import answer_file_dialogs
from tests.gui.test_main_window import error_box


@pytest.mark.parametrize("content", [b"garbage", bytes(range(256)) * 4, b"PK\x03\x04" + bytes(40)])
def test_a_file_that_is_no_network_says_so_in_the_apps_words(main_window, state, tmp_path,
                                                              content):
    path = tmp_path / "garbage.npz"
    path.write_bytes(content)
    network = state.network
    reason = main_window.open_network(path)
    assert error_box(main_window) == reason and state.network is network
    assert reason.count("garbage.npz") == 1  # not "garbage.npz: garbage.npz: …"
    assert "not a readable ConvScope .npz file" in reason
    assert "pickle" not in reason and "allow_" not in reason


@pytest.mark.parametrize("make", [
    lambda p: p.mkdir(),  # a folder
    lambda p: p.write_bytes(b'{"format": "\xff"}'),  # not UTF-8
    lambda p: p.write_text("[" * 100_000),  # nested far too deep
])
def test_every_open_failure_is_shown(main_window, state, tmp_path, make):
    path = tmp_path / "odd.json"
    make(path)
    reason = main_window.open_network(path)
    assert reason and error_box(main_window) == reason


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_exception_in_a_slot_is_shown_and_the_app_goes_on(
        qtbot, qapp, main_window, state, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    dialog = error_dialog.install(main_window)

    def broken():
        raise RuntimeError("a bug in a slot")
    for _ in range(3):
        QTimer.singleShot(0, broken)
    qtbot.waitUntil(dialog.isVisible)
    qapp.processEvents()
    assert dialog.count == 3 and "3 times" in dialog.text()
    assert "RuntimeError: a bug in a slot" in dialog.detailedText()
    dialog.close()
    state.set_layers([engine.Conv2d(2, 3)])  # still working
    assert state.network.layers == [engine.Conv2d(2, 3)]


def test_open_and_save_dialogs_start_in_the_folder_used_last(main_window, tmp_path, monkeypatch,
                                                             settings):
    folder = tmp_path / "nets"
    folder.mkdir()
    engine.save_network(engine.Network((1, 8, 8), [engine.ReLU()]), folder / "a.npz")
    asked = []

    def answer(dialog):
        if dialog.acceptMode() == QFileDialog.AcceptOpen:
            asked.append(dialog.directory().absolutePath())
            return folder / "a.npz"
        asked.append(dialog.selectedFiles()[0])  # the name suggested to save under
        return ""
    answer_file_dialogs(monkeypatch, answer)
    trigger = {a.text().replace("&", ""): a for a in main_window.findChildren(
        type(main_window.menuBar().actions()[0]))}
    trigger["Open network…"].trigger()
    trigger["Save network…"].trigger()
    assert asked[1] == str(folder / "network.npz")
    assert settings.value("lastFolder") == str(folder)


def test_a_network_opened_from_a_file_can_be_edited(main_window, state, tmp_path):
    path = tmp_path / "net.npz"
    engine.save_network(engine.Network((1, 28, 28), [engine.Conv2d(2, 3)]), path)
    assert main_window.open_network(path) == ""
    weight = state.network.params[0]["weight"] * 0
    assert state.set_param(0, "weight", weight) == ""
    assert not state.network.params[0]["weight"].any()


@pytest.mark.qt_no_exception_capture
def test_a_fault_inside_an_undo_step_is_shown_and_the_last_state_kept(
        qtbot, qapp, main_window, state, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    dialog = error_dialog.install(main_window)
    from gui.editors.kernel_editor import KernelEditor
    from tests.gui.keyboard import type_and_enter
    state.select_layer(0)
    cell = main_window.findChild(KernelEditor, "kernelEditor").grid.cells[0][0]
    weight = state.network.params[0]["weight"]
    type_and_enter(qtbot, cell, "0.5")  # one good step
    assert weight[0, 0, 0, 0] == 0.5 and state.undo_stack.count() == 1
    kept = weight.copy()
    weight.flags.writeable = False  # a fault while the next step is applied (as a read-only file had)
    type_and_enter(qtbot, cell, "2")
    qtbot.waitUntil(dialog.isVisible)
    assert "read-only" in dialog.detailedText()
    np.testing.assert_array_equal(weight, kept)
    assert state.undo_stack.count() == 1  # the failed step left no entry
    dialog.close()
    qtbot.keyClick(main_window, Qt.Key_Z, Qt.ControlModifier)  # undo fails the same way
    qtbot.waitUntil(dialog.isVisible)
    np.testing.assert_array_equal(weight, kept)
    dialog.close()
    weight.flags.writeable = True  # the app goes on: edits work again
    type_and_enter(qtbot, cell, "3")
    assert state.network.params[0]["weight"][0, 0, 0, 0] == 3

"""Answering the app's file dialogs in a test, as a user would, without waiting for one."""

from PySide6.QtWidgets import QDialog, QFileDialog


def answer_file_dialogs(monkeypatch, answer):
    """Every file dialog the app runs (``exec``) returns at once with ``answer(dialog)``: a
    path (accepted, as if the user had chosen it) or "" (cancelled). ``answer`` sees the dialog
    as built, with its folder, suggested name and filters."""
    def run(dialog):
        path = answer(dialog)
        if not path:
            return QDialog.Rejected
        dialog.selectedFiles = lambda: [str(path)]
        return QDialog.Accepted
    monkeypatch.setattr(QFileDialog, "exec", run)

"""The Open and Save dialogs, wholly in the interface language.

Qt's widget-based file dialog (the one Qt shows where the desktop offers none of its own) is
translated by Qt's qtbase translation, with gaps filled here: its "Look in" and "Files of type"
labels and the type of a folder ("Folder"), which that translation lacks, and its Size and Date
Modified columns, which Qt writes in the system locale's words and format whatever language the
app shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIdentityProxyModel, QLocale, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QTreeView

SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # of QFileSystemModel, after the name


class _InTheLanguage(QIdentityProxyModel):
    """The dialog's files, sized and dated by the default QLocale (the interface language's)."""

    def data(self, index, role=Qt.DisplayRole):
        column = index.column()
        if role != Qt.DisplayRole or column not in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
            return super().data(index, role)
        info = self.sourceModel().fileInfo(self.mapToSource(index))
        if column == DATE_COLUMN:
            return QLocale().toString(info.lastModified(), QLocale.ShortFormat)
        if column == SIZE_COLUMN:
            return "" if info.isDir() else QLocale().formattedDataSize(info.size())
        if info.isFile():  # the file type's name, from the MIME database in the language
            return super().data(index, role)
        # Qt 6 names folders, drives and links in a context its Chinese translation lacks;
        # the translation still holds the words in their Qt 5 context.
        return QCoreApplication.translate("QFileDialog", super().data(index, role))


def file_dialog(parent, title, start, file_filter, save_as=None):
    """A dialog choosing a file to open (an existing one), or with ``save_as``, a file name to
    save under (suggested). It starts in the folder ``start`` ("" : the working folder), or,
    when ``start`` is a file, in its folder with it selected. Shown with ``exec`` (``ask``) or
    ``open``; the choice is ``selectedFiles()[0]``."""
    selected = Path(start) if start and Path(start).is_file() else None
    folder = str(selected.parent) if selected else start
    dialog = QFileDialog(parent, title, folder, file_filter, objectName="fileDialog")
    if save_as is None:
        dialog.setFileMode(QFileDialog.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptSave)
    if save_as or selected:
        dialog.selectFile(save_as or selected.name)
    translate = QCoreApplication.translate
    dialog.setLabelText(QFileDialog.LookIn, translate("FileDialog", "&Look in:"))
    dialog.setLabelText(QFileDialog.FileType, translate("FileDialog", "Files of &type:"))
    files = dialog.findChild(QTreeView)
    if files is not None:  # Qt's own dialog, not the desktop's
        dialog.setProxyModel(_InTheLanguage(dialog))
        source = dialog.proxyModel().sourceModel()
        # Qt sizes the columns for English samples ("128.88 GB"); they are fitted to what
        # the folder holds, in the language shown, and the user can still drag them.
        source.directoryLoaded.connect(lambda _: _fit_columns(files))
    return dialog


def ask(dialog):
    """Run ``dialog`` (modal) and let it go; the path chosen, or "" when it was cancelled."""
    path = dialog.selectedFiles()[0] if dialog.exec() == QDialog.Accepted else ""
    dialog.deleteLater()
    return path


def _fit_columns(files):
    for column in range(1, files.model().columnCount()):
        files.resizeColumnToContents(column)

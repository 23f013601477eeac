"""What the translation changes on screen, checked as rendered in English and in Chinese: texts
drawn or set in fixed room fit it, Qt's file dialog speaks the language, menu items stay
distinct, and Chinese is spaced as Chinese is."""

import re

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView, QWidget

from gui.drawing.canvas import INSET_LABEL_FLAGS
from gui.explain.rf_table import HEADER_PADDING
from gui.file_dialog import file_dialog
from gui.i18n import fill, live, seam

LANGUAGES = [live.ENGLISH, live.CHINESE]
SIZES = [(1400, 900), (800, 600)]


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    """Each test in English and in Chinese, English again afterwards."""
    assert live.set_language(request.param)
    yield request.param
    live.set_language(live.ENGLISH)


def settle(qapp):
    for _ in range(5):  # posted layout requests and deferred shows run
        qapp.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
def test_the_inset_label_shows_every_line_whole(qapp, main_window, language, size):
    main_window.resize(*size)
    settle(qapp)
    canvas = main_window.canvas
    label, text = canvas.inset_label_rect(), canvas.inset_label()
    assert canvas.inset_rect() is not None and text.count("\n") == 1
    needed = canvas.fontMetrics().boundingRect(
        QRect(0, 0, int(label.width()), 10_000), INSET_LABEL_FLAGS | Qt.TextWordWrap, text)
    assert needed.height() <= label.height() and needed.width() <= label.width(), (needed, label)
    assert canvas.rect().contains(label.toRect())
    assert not label.intersects(canvas.image_rect())


def test_every_receptive_field_header_has_room_around_its_name(qapp, main_window, language):
    main_window.docks["rfTableDock"].raise_()
    settle(qapp)
    table = main_window.findChild(QWidget, "receptiveFieldTable").table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    cramped = [(table.horizontalHeaderItem(c).text(), header.sectionSize(c))
               for c in range(table.columnCount())
               if header.sectionSize(c) < metrics.horizontalAdvance(
                   table.horizontalHeaderItem(c).text()) + 2 * HEADER_PADDING]
    assert cramped == []


def test_the_help_menu_names_each_item_once(main_window, language):
    help_menu = main_window.menuBar().actions()[3].menu()
    names = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert len(names) == len(set(names)) == 4, names


def _file_dialog(main_window, qtbot, folder, save_as=None):
    dialog = main_window.path_dialog("title", "Networks (*.npz)", save_as)
    qtbot.addWidget(dialog)
    files = dialog.findChild(QTreeView)
    with qtbot.waitSignal(dialog.proxyModel().sourceModel().directoryLoaded):
        dialog.setDirectory(str(folder))
        dialog.show()
    return dialog, files


def test_the_file_dialog_speaks_chinese(qtbot, main_window, tmp_path):
    (tmp_path / "net.npz").write_bytes(b"x" * 1000)
    (tmp_path / "older").mkdir()
    try:
        assert main_window.set_language(live.CHINESE)
        dialog, files = _file_dialog(main_window, qtbot, tmp_path)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert dialog.labelText(QFileDialog.LookIn) == "查找范围(&L)："
        assert dialog.labelText(QFileDialog.FileType) == "文件类型(&T)："
        assert len(labels) == 3 and not any(re.search("[A-Za-z]{2}", t) for t in labels), labels
        model = files.model()
        rows = {model.index(r, 0, files.rootIndex()).data():
                [model.index(r, c, files.rootIndex()).data() for c in (1, 2, 3)]
                for r in range(model.rowCount(files.rootIndex()))}
        (size, _, date), (_, folder, _) = rows["net.npz"], rows["older"]
        assert size == "1,000 字节" and folder == "文件夹"
        assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", date), date
        header = files.header()
        for column in (1, 3):  # fitted to the folder's rows, in the language shown
            assert header.sectionSize(column) >= files.sizeHintForColumn(column)
    finally:
        main_window.set_language(live.ENGLISH)
    dialog, _ = _file_dialog(main_window, qtbot, tmp_path, save_as="network.npz")
    assert dialog.labelText(QFileDialog.LookIn) == "&Look in:"
    assert dialog.selectedFiles() == [str(tmp_path / "network.npz")]


def test_the_default_locale_follows_the_language(qapp):
    try:
        live.set_language(live.CHINESE)
        assert QLocale().language() == QLocale.Chinese
        assert QLocale().decimalPoint() == "."  # the arithmetic reads the same
    finally:
        live.set_language(live.ENGLISH)
    assert QLocale().language() == QLocale.English and QLocale().decimalPoint() == "."


@pytest.mark.parametrize("language, system, expected", [
    (live.ENGLISH, "en_GB", "en_GB"), (live.ENGLISH, "de_DE", "en_US"),
    (live.ENGLISH, "C", "en_US"), (live.CHINESE, "zh_TW", "zh_TW"),
    (live.CHINESE, "de_DE", "zh_CN"), (live.CHINESE, "en_US", "zh_CN")])
def test_a_system_locale_of_the_language_formats_it_else_the_language_usual_one(
        language, system, expected):
    locale = live.language_locale(language, QLocale(system))
    assert locale.name() == expected and locale.decimalPoint() == "."


@pytest.mark.parametrize("template, values, expected", [
    ("会降低%1的概率", ["预测类别"], "会降低预测类别的概率"),
    ("会降低%1的概率", ["7"], "会降低 7 的概率"),
    ("%1的滤波器", ["conv1"], "conv1 的滤波器"),
    ("为%1。", ["−0.25"], "为 −0.25。"),
    ("一块%2×%2的区域%1", ["", 5], "一块 5×5 的区域"),
    ("（%1）", ["5×5"], "（5×5）"),
    ("“%1”", ["Sobel"], "“Sobel”"),
    ("<b>%1</b>层", ["conv1"], "<b>conv1</b>层"),
    ("%1%2", ["卷积", "3×3"], "卷积 3×3"),
    ("lowers the probability of %1", ["预测类别"], "lowers the probability of 预测类别"),
])
def test_a_filled_value_is_spaced_as_chinese_spaces_it(template, values, expected):
    assert fill(template, *values) == expected


def test_a_seam_between_two_chinese_characters_or_two_latin_ones_stays_closed():
    assert seam("的", "概") == seam("a", "b") == seam("", "7") == seam("的", "") == ""
    assert seam("的", "a") == seam("7", "的") == " "


def test_a_file_dialog_started_at_a_file_opens_its_folder_with_it_selected(qtbot, tmp_path):
    # the training window's Browse starts at the file its field names
    images = tmp_path / "train-images-idx3-ubyte"
    images.write_bytes(b"")
    dialog = file_dialog(None, "title", str(images), "IDX files (*idx*)")
    qtbot.addWidget(dialog)
    assert dialog.directory().absolutePath() == str(tmp_path)
    assert dialog.selectedFiles() == [str(images)]

"""The interface language: chosen from the system locale or View ▸ Language, switched live,
remembered; every text a user reads follows it."""

import os
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

import engine
from gui.error_dialog import ErrorDialog
from gui.main_window import MainWindow
from gui.examples_menu import load_example
from gui.i18n import live
from gui.i18n.engine_messages import describe, engine_text
from gui.editors.layer_form import formula_lines, new_layers
from gui.state import Unit
from tests.gui.i18n.ui_texts import ui_texts, untranslated


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


@pytest.mark.parametrize("name, expected", [
    ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "zh_CN"), ("en_US", "en"), ("de_DE", "en"),
    ("C", "en")])
def test_the_system_locale_chooses_the_language(name, expected):
    assert live.system_language(QLocale(name)) == expected


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en")])
def test_lang_and_lc_all_reach_the_app(env, expected):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    out = subprocess.run(
        [sys.executable, "-c", "from gui.i18n import live; print(live.system_language())"],
        env=clean | env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == expected


def test_the_remembered_choice_wins_over_the_system(settings):
    settings.setValue(live.SETTINGS_KEY, "zh_CN")
    assert live.start_language(settings) == "zh_CN"
    settings.setValue(live.SETTINGS_KEY, "klingon")  # an unknown value falls back
    assert live.start_language(settings) == live.system_language()


def test_qt_standard_dialogs_are_translated_too(chinese):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_switching_live_retitles_menus_and_docks_and_is_remembered(main_window, settings):
    english = menu_titles(main_window)
    docks = {d.objectName(): d.windowTitle() for d in main_window.findChildren(QDockWidget)}
    assert english[0] == "&File" and docks["kernelDock"] == "Kernel"
    try:
        assert main_window.set_language("zh_CN")
        assert menu_titles(main_window)[0] == "文件(&F)"
        kernel = main_window.docks["kernelDock"]
        assert kernel.windowTitle() == "卷积核" and kernel.toggleViewAction().text() == "卷积核"
        assert settings.value(live.SETTINGS_KEY) == "zh_CN"
        checked = [a.text() for a in main_window.findChildren(type(kernel.toggleViewAction()))
                   if a.isCheckable() and a.isChecked() and a.data() in live.LANGUAGES]
        assert checked == ["简体中文"]
    finally:
        main_window.set_language("en")
    assert menu_titles(main_window) == english
    assert {d.objectName(): d.windowTitle() for d in main_window.docks.values()} == docks
    assert settings.value(live.SETTINGS_KEY) == "en"


def test_the_undo_action_names_the_step_in_the_language(main_window, state, chinese):
    main_window.show_sample(3)
    undo = next(a for a in main_window.menuBar().actions()[1].menu().actions())
    assert undo.text() == "撤销(&U) 样例 3" and undo.isEnabled()


def test_engine_messages_are_translated_with_their_values_nested(chinese):
    message = "layer 3 (conv 3×3 s1): the stride must be at least 1, not 0"
    assert engine_text(message) == "第 3 层（卷积 3×3 s1）：步长至少为 1，而不是 0"
    assert engine_text("something the engine never says") == "something the engine never says"


@pytest.mark.parametrize("message, expected", [
    ("the number of layers would be 70, more than ConvScope handles (64)",
     "层数将为 70，超过 ConvScope 能处理的上限（64）"),
    ("train.idx: the data its header declares, in bytes, would be 1,000, more than ConvScope "
     "handles (100)", "train.idx：其文件头声明的数据字节数将为 1,000，超过 ConvScope 能处理的上限（100）"),
    ("the labels run from 0 to 9 but the network has 1 output: end it with a dense layer of 10 "
     "followed by softmax", "标签从 0 到 9，但网络只有 1 个输出：请让网络以 10 个输出的全连接层加 softmax 结尾"),
    ("the labels run from 0 to 9 but the network has 5 outputs: end it with a dense layer of 10 "
     "followed by softmax", "标签从 0 到 9，但网络只有 5 个输出：请让网络以 10 个输出的全连接层加 softmax 结尾"),
    ("this network file has version 9; this ConvScope reads version 1 (it may come from a newer "
     "ConvScope)", "这个网络文件的版本是 9；本 ConvScope 读取版本 1（它可能来自更新的 ConvScope）"),
])
def test_a_plural_or_an_optional_clause_reads_whole_in_chinese(chinese, message, expected):
    """A value the engine appends to a word ('output' + 's') is no word of its own: the catalogue
    holds what the engine then says, so no English letter is left in the Chinese."""
    assert engine_text(message) == expected


def _refusal(act):
    with pytest.raises(engine.ConfigError) as refused:
        act()
    return str(refused.value)


@pytest.mark.parametrize("act, expected", [
    (lambda: engine.Network((8, 28, 28), [engine.Conv2d(6, 3, groups=3)]),
     "8 个输入通道无法平均分成 3 组（分组数必须同时整除输入通道数和滤波器数）"),
    (lambda: engine.Normalization(mean=(0.1, 0.2)).check(3),
     "输入归一化的均值有 2 个值，但输入有 3 个通道"),
    (lambda: engine.Normalization(mean="a"), "归一化的均值必须是数，而不是'a'"),
    (lambda: engine.ops.batch_norm2d(np.zeros((1, 2, 3, 3)), np.zeros(2), np.ones(3)),
     "滑动方差需要每个通道一个值（2 个），而不是形状(3,)"),
], ids=["groups", "normalisation", "normalisation value", "batch norm"])
def test_a_word_the_engine_puts_in_a_message_is_chinese_and_in_chinese_order(chinese, act,
                                                                              expected):
    """A noun the engine fills in ("input channels", "mean") is the catalogue's word too, and a
    count stands before 个 and its noun, as Chinese counts."""
    assert engine_text(_refusal(act)).endswith(expected)


def test_a_folder_without_digit_files_is_refused_in_chinese(chinese, tmp_path):
    from engine.data import find_idx_pair

    assert engine_text(_refusal(lambda: find_idx_pair(tmp_path))) == \
        f"{tmp_path}：找不到 '*images*idx*' 文件"


def test_engine_messages_stay_english_in_english(qapp):
    message = "layer 3 (conv 3×3 s1): the stride must be at least 1, not 0"
    assert engine_text(message) == message


def test_nothing_chinese_in_the_english_window(main_window):
    assert untranslated(ui_texts(main_window), "en") == []


def test_menus_and_dock_titles_are_chinese(main_window, chinese):
    texts = [(w, t) for w, t in ui_texts(main_window) if w.startswith(("menu", "QDockWidget"))]
    assert len(texts) > 60
    missing = untranslated(texts, "zh_CN")
    assert missing == [], "untranslated:\n" + "\n".join(f"{w}: {t!r}" for w, t in missing)


def open_every_dialog(window, folder):
    """Training, help, About, View ▸ Input size ▸ Other…, the ONNX import dialog (for the
    network exported to ``folder``) and the unexpected-error box open; a conv unit pinned."""
    model = folder / "digits.onnx"
    engine.save_network(window.state.network, model)
    assert window.open_network(model) == ""
    ErrorDialog(window).report(RuntimeError, RuntimeError("a bug"), None)
    window.show_training()
    window.show_help("stride")
    window.state.pin(Unit(0, 0, 3, 3))  # the inspector explains a conv unit
    menus = [a.menu() for a in window.menuBar().actions()]
    menus[3].actions()[-1].trigger()  # Help ▸ About
    sizes = next(a.menu() for a in menus[2].actions() if a.menu() is not None)
    sizes.actions()[-1].trigger()  # Other…
    shown = {w.objectName() for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()}
    assert {"aboutBox", "inputSizeDialog", "help", "onnxImportDialog",
            "unexpectedErrorBox"} <= shown


def test_every_text_of_the_window_and_its_dialogs_is_chinese(main_window, chinese, tmp_path):
    assert load_example(main_window.state, "sobel") == ""  # the lesson banner shows
    open_every_dialog(main_window, tmp_path)
    texts = ui_texts(main_window)
    assert len(texts) > 300
    missing = untranslated(texts, "zh_CN")
    assert missing == [], "untranslated:\n" + "\n".join(f"{w}: {t!r}" for w, t in missing)


def test_nothing_chinese_in_the_english_window_and_its_dialogs(main_window, tmp_path):
    open_every_dialog(main_window, tmp_path)
    assert untranslated(ui_texts(main_window), "en") == []


@pytest.mark.parametrize("size", [(1066, 675), (800, 600)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_fits_small_screens_in_either_language(qapp, main_window, state, language,
                                                          size):
    # Chinese glyphs need taller lines: every row of every dock grows a few pixels.
    try:
        live.set_language(language)
        state.select_layer(0)  # the layer editor is at its tallest with a conv layer
        main_window.resize(*size)
        qapp.processEvents()
        hint = main_window.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1]
        assert (main_window.width(), main_window.height()) == size
    finally:
        live.set_language("en")


def test_switching_back_to_english_leaves_no_chinese(main_window, state, tmp_path):
    open_every_dialog(main_window, tmp_path)
    chrome = [(w, t) for w, t in ui_texts(main_window) if w.startswith(("menu", "QDockWidget"))]
    main_window.set_language("zh_CN")
    assert untranslated(ui_texts(main_window), "zh_CN") == []
    main_window.set_language("en")
    texts = ui_texts(main_window)
    assert untranslated(texts, "en") == []
    assert [(w, t) for w, t in texts if w.startswith(("menu", "QDockWidget"))] == chrome


def test_an_engine_refusal_reaches_the_user_in_chinese(main_window, state, chinese):
    assert not state.set_layers([engine.Conv2d(8, 5)] * 2)  # 28 → 24 → 20, but 8 → 4 → 0
    reason = main_window.set_input_size(8)
    assert reason  # refused, and said in a box
    box = next(b for b in main_window.findChildren(QMessageBox, "errorBox") if b.isVisible())
    assert box.windowTitle() == "无法更改输入尺寸"
    assert untranslated([("box", box.text())], "zh_CN") == [], box.text()
    assert "卷积核" in box.text() or "窗口" in box.text()
    box.close()


def test_every_kind_of_layer_is_described_in_chinese(chinese):
    specs = list(new_layers().values()) + [
        engine.Conv2d(4, 3, padding="same", flip=True, groups=2), engine.AvgPool2d(3, 1, padding=1),
        engine.ConvTranspose2d(2, 3, stride=2, padding=1, output_padding=1)]
    described = [(spec.kind, describe(spec)) for spec in specs]
    assert untranslated(described, "zh_CN") == []
    assert dict(described)["maxpool2d"] == "最大池化 2×2 s2"
    # a name kept in Latin letters is the catalogue's too, written as the kind's title ("ReLU")
    assert [kind for (kind, text), spec in zip(described, specs) if text == spec.describe()] == []


def test_every_kind_of_layer_works_out_its_size_in_chinese(chinese):
    specs = list(new_layers().values()) + [engine.Dense(10, bias=False)]
    lines = [(spec.kind, engine_text(line)) for spec in specs
             for line in formula_lines(spec, (16, 7, 7), live.translator("LayerForm"))]
    assert {kind for kind, _ in lines} >= {"conv2d", "flatten", "dense"}
    assert untranslated(lines, "zh_CN") == [], lines


def _onnx_model(path, nodes, weights=()):
    """``nodes`` on a 1×28×28 input "x" (weights as initializers) saved to ``path``."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        nodes, "refused", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 28, 28])],
        [helper.make_tensor_value_info(nodes[-1].output[0], TensorProto.FLOAT, None)],
        [numpy_helper.from_array(np.zeros(shape, np.float32), name) for name, shape in weights])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    return path


def _node(op, inputs, output, name, **attrs):
    from onnx import helper

    return helper.make_node(op, inputs, [output], name=name, **attrs)


#: ONNX models ConvScope refuses, one per kind of reason; node names are "n" + a digit
REFUSED = {
    "unsupported op": lambda: [_node("Erf", ["x"], "y", "n1")],
    "3-D convolution": lambda: [_node("Conv", ["x", "w"], "y", "n1")],
    "kernel larger than the input": lambda: [_node("Conv", ["x", "w30"], "y", "n1")],
    "transposed Gemm input": lambda: [_node("Flatten", ["x"], "f", "n1"),
                                      _node("Gemm", ["f", "d"], "y", "n2", transA=1)],
    "branching graph": lambda: [_node("Relu", ["x"], "r", "n1"),
                                _node("Add", ["r", "x"], "y", "n2")],
    "dilated max pool": lambda: [_node("MaxPool", ["x"], "y", "n1", kernel_shape=[2, 2],
                                       dilations=[2, 2])],
}
WEIGHTS = [("w", (2, 1, 3, 3, 3)), ("w30", (2, 1, 30, 30)), ("d", (784, 10))]


@pytest.mark.parametrize("case", REFUSED)
def test_an_unsupported_onnx_model_is_refused_in_chinese(main_window, state, chinese, tmp_path,
                                                         case):
    from engine import onnx_io

    path = _onnx_model(tmp_path / "refused.onnx", REFUSED[case](), WEIGHTS)
    network = state.network
    assert main_window.open_network(path)
    box = next(b for b in main_window.findChildren(QMessageBox, "errorBox") if b.isVisible())
    text = box.text()
    assert box.windowTitle() == "无法打开模型" and re.match(r"refused\.onnx：节点 n\d（", text)
    assert state.network is network and main_window.import_dialog is None
    # op names (those ConvScope reads, and Erf) and attribute names may stay
    names = set(re.findall(r"\b[A-Z][A-Za-z]+", onnx_io.SUPPORTED)) | {
        "Erf", "transA", "dilations"}
    left = re.sub(rf"\b(?:{'|'.join(sorted(names))})\b", "", text)
    assert untranslated([("box", left)], "zh_CN") == [], text
    box.close()


def test_a_window_opened_in_chinese_is_chinese_throughout(qtbot, chinese, state, settings,
                                                          tmp_path):
    """As the app starts for a Chinese user: the language is set before any widget exists, so
    every text must be right when built, not only after a switch."""
    window = MainWindow(state, settings, tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert load_example(state, "sobel") == ""
        open_every_dialog(window, tmp_path)
        missing = untranslated(ui_texts(window), "zh_CN")
        assert missing == [], "untranslated:\n" + "\n".join(f"{w}: {t!r}" for w, t in missing)
    finally:
        window.close()

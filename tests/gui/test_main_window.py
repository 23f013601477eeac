"""The main window: composition, menus and shortcuts, files, status bar, remembered settings."""

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDialog, QDockWidget,
                               QDoubleSpinBox, QFileDialog, QLineEdit, QMessageBox, QTabBar, QWidget)

import engine
from gui.app import start_network
from gui.drawing.canvas import Canvas
from gui.editors.cell_parser import parse_cell
from gui.editors.kernel_editor import KernelEditor
from gui.editors.layer_panel import LayerPanel
from gui.present.formatting import number
from gui import main_window as main_window_module
from gui.main_window import MainWindow, last_network_path
from gui.drawing.samples import array_to_qimage, sample_digit
from gui.examples_menu import load_example
from gui.maps.prediction_view import SOFTMAX_OVER_MAPS
from gui.state import AppState, Unit
from gui.explain.unit_inspector import UnitInspector
from tests.gui.file_dialogs import answer_file_dialogs
from tests.gui.mouse import drag, send_mouse


def error_box(window):
    boxes = [b for b in window.findChildren(QMessageBox, "errorBox") if b.isVisible()]
    assert len(boxes) == 1, "expected one error message"
    text = boxes[0].text()
    boxes[0].close()
    return text


def action(window, text):
    """The menu action whose text (without '&') is ``text``."""
    for candidate in window.findChildren(type(window.menuBar().actions()[0])):
        if candidate.text().replace("&", "") == text:
            return candidate
    raise LookupError(text)


def test_composes_the_contract_widgets(main_window):
    canvas = main_window.findChild(QWidget, "canvas")
    assert isinstance(canvas, Canvas) and canvas.isVisible()
    docks = main_window.findChildren(QDockWidget)
    assert {d.objectName() for d in docks} >= {"inputDock", "rfTableDock"}
    view = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&View")
    assert all(dock.toggleViewAction() in view.actions() for dock in docks)
    assert canvas.image_rect().width() >= 8 * 28  # the drawing gets real room: 8-pixel cells


def test_stroke_then_ctrl_z_and_ctrl_shift_z_on_the_window(qtbot, main_window, state):
    canvas = main_window.canvas
    blank = state.activations[0].copy()
    with qtbot.waitSignal(state.activationsChanged):
        drag(canvas, [canvas.pixel_center(14, c) for c in range(4, 24)])
    drawn, maps = state.image.copy(), state.activations[0].copy()
    assert drawn[14, 4:24].min() > 0.9 and not np.allclose(maps, blank)
    with qtbot.waitSignal(state.activationsChanged):
        qtbot.keyClick(main_window, Qt.Key_Z, Qt.ControlModifier)
    assert not state.image.any()
    np.testing.assert_array_equal(state.activations[0], blank)
    with qtbot.waitSignal(state.activationsChanged):
        qtbot.keyClick(main_window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    np.testing.assert_array_equal(state.image, drawn)
    np.testing.assert_array_equal(state.activations[0], maps)


def test_clear_shortcut_and_escape_on_the_canvas(qtbot, main_window, state):
    main_window.show_sample(4)
    qtbot.keyClick(main_window, Qt.Key_L, Qt.ControlModifier)
    assert not state.image.any()
    main_window.show_sample(4)
    state.pin(Unit(0, 0, 1, 1))
    main_window.canvas.setFocus()
    qtbot.keyClick(main_window.canvas, Qt.Key_Escape)
    assert state.pinned is None and state.image.any()
    qtbot.keyClick(main_window.canvas, Qt.Key_Escape)
    assert not state.image.any()


def test_sample_digit_shortcuts(qtbot, main_window, state):
    qtbot.keyClick(main_window, Qt.Key_7, Qt.ControlModifier)
    np.testing.assert_array_equal(state.image, sample_digit(7))
    assert state.undo_stack.count() == 1


def test_status_bar_shows_size_cost_time_and_the_hovered_value(qtbot, main_window, state):
    bar = main_window.statusBar()
    rows = state.network.summary()
    params = sum(r["params"] for r in rows)
    assert "input 1×28×28" in bar.network_label.text()
    assert f"{params:,} parameters" in bar.network_label.text()
    assert "multiply-adds" in bar.network_label.text()
    main_window.show_sample(2)
    state.recompute()
    assert bar.time_label.text() in (f"·  forward {state.forward_ms:.1f} ms", "·  forward < 0.1 ms")
    state.hover(Unit(0, 2, 9, 11))
    value = state.activations[0][2, 9, 11]
    assert bar.hover_label.text() == f"conv1 · filter 3 · row 9 · col 11 = {number(value, 4)}"
    state.hover(Unit(2, 7, 1, 2))
    pooled = number(state.activations[2][7, 1, 2], 4)
    assert bar.hover_label.text() == f"pool1 · channel 8 · row 1 · col 2 = {pooled}"
    state.hover(Unit(9, 3, 0, 0))
    assert bar.hover_label.text() == f"dense2 · unit 3 = {number(state.activations[9][3], 4)}"
    state.hover(None)
    assert bar.hover_label.text() == ""


def test_open_and_save_network_round_trip(qtbot, main_window, state, tmp_path):
    path = tmp_path / "net.npz"
    assert main_window.save_network(path) == ""
    assert main_window.statusBar().currentMessage() == f"Saved to {path}"  # as an export says
    state.set_layers([engine.Conv2d(3, 3)])
    assert main_window.open_network(path) == ""
    assert state.network.layers == engine.default_digit_network().layers
    state.undo_stack.undo()  # opening is one undoable step
    assert state.network.layers == [engine.Conv2d(3, 3)]


def test_a_bad_network_file_shows_the_reason_and_keeps_the_network(main_window, state, tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file")
    network = state.network
    reason = main_window.open_network(path)
    assert reason and error_box(main_window) == reason
    assert "broken.npz" in reason and state.network is network


def test_load_image_inverts_dark_ink_and_fits_the_input(main_window, state, tmp_path):
    paper = np.ones((60, 40), np.float32)  # dark ink on white paper, portrait
    paper[10:50, 18:22] = 0
    path = tmp_path / "photo.png"
    assert array_to_qimage(paper).save(str(path))
    assert main_window.load_image(path) == ""
    assert state.image.shape == (28, 28)
    assert state.image[14, 14] > 0.9 and state.image[14, 3] < 0.1 and state.image[1, 14] < 0.1
    (tmp_path / "bad.png").write_text("no image")
    assert "bad.png" in main_window.load_image(tmp_path / "bad.png")
    error_box(main_window)


def test_export_maps_writes_every_layer_not_just_the_part_in_view(main_window, tmp_path):
    path = tmp_path / "maps.png"
    assert main_window.export_maps(path) == ""
    image = QImage(str(path))
    view = main_window.findChild(QWidget, "activations")
    assert image.height() / image.devicePixelRatio() > view.height()
    assert main_window.export_maps(tmp_path / "missing" / "maps.png") != ""
    error_box(main_window)


def test_input_size_menu_and_its_refusal(qtbot, main_window, state):
    action(main_window, "64×64").trigger()
    assert state.image.shape == (64, 64) and action(main_window, "64×64").isChecked()
    state.set_network(engine.Network((1, 28, 28), [engine.Conv2d(2, 5) for _ in range(3)]))
    reason = main_window.set_input_size(8)
    assert "layer" in reason and error_box(main_window) == reason
    assert state.image.shape == (28, 28) and action(main_window, "28×28").isChecked()


def test_centre_like_mnist_is_on_by_default_and_toggles(main_window, state):
    toggle = action(main_window, "Centre like MNIST")
    assert state.preprocess and toggle.isChecked()
    toggle.trigger()
    assert not state.preprocess and not toggle.isChecked()
    toggle.trigger()
    assert state.preprocess


def test_help_explains_every_concept(main_window):
    main_window.show_help("padding")
    text = main_window.help_dialog.browser.toPlainText()
    for title in ("Cross-correlation vs convolution", "Stride", "Padding", "Receptive field",
                  "Weight sharing and local connectivity", "Pooling", "Keyboard and mouse"):
        assert title in text
    main_window.help_dialog.close()


def test_closing_remembers_layout_and_network_without_touching_user_settings(
        qtbot, state, settings, tmp_path):
    window = MainWindow(state, settings, tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    window.docks["rfTableDock"].hide()
    action(window, "Centre like MNIST").trigger()
    state.set_layers([engine.Conv2d(4, 3, padding=1), engine.ReLU()])
    window.close()
    saved = QSettings(settings.fileName(), QSettings.IniFormat)
    assert isinstance(saved.value("geometry"), QByteArray)
    path = last_network_path(tmp_path / "data")
    restored, _ = start_network(tmp_path / "data")
    assert path.exists() and restored.layers == [engine.Conv2d(4, 3, padding=1), engine.ReLU()]
    np.testing.assert_array_equal(restored.params[0]["weight"], state.network.params[0]["weight"])
    again = MainWindow(AppState(restored), saved, tmp_path / "data")
    qtbot.addWidget(again)
    again.show()
    assert again.docks["rfTableDock"].isHidden() and not again.docks["layersDock"].isHidden()
    assert not again.state.preprocess and not action(again, "Centre like MNIST").isChecked()


def test_without_settings_nothing_is_remembered(qtbot, state, tmp_path):
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.close()
    assert last_network_path(None) is None


def test_the_canvas_shows_the_pinned_window_in_the_real_window(main_window, state):
    state.pin(Unit(3, 0, 4, 4))  # conv2 after a 2×2 pool: a 14×14 window
    rect = main_window.canvas.receptive_field_rect()
    cell = main_window.canvas.image_rect().width() / 28
    # conv2 reads pool1's map (jump 2; unit 0 sees rows −6 … 7): unit 4 sees rows 2 … 15.
    image = main_window.canvas.image_rect()
    assert rect.width() == rect.height() == pytest.approx(14 * cell)
    assert rect.topLeft() == QPointF(image.left() + 2 * cell, image.top() + 2 * cell)


def test_the_window_fits_a_small_laptop_screen(qapp, main_window, state):
    state.select_layer(0)  # the layer editor is at its tallest with a conv layer
    qapp.processEvents()
    hint = main_window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720


def test_every_visible_dock_tab_bar_belongs_to_one_tab_group(qapp, main_window):
    # Qt 6.11 can leave a stray tab bar behind when docks are tabified before the first layout.
    qapp.processEvents()
    groups = [tuple(bar.tabText(i) for i in range(bar.count()))
              for bar in main_window.findChildren(QTabBar) if bar.isVisible()]
    assert groups == [("Unit inspector", "Sliding window", "Learned filters", "What filters want",
                       "Receptive fields",
                       "Dataset", "Favourite digits", "Attribution")]


def test_training_window_opens_from_the_menu_and_closes_with_the_window(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key_T, Qt.ControlModifier)
    dialog = main_window.findChild(QDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    main_window.close()
    assert not dialog.isVisible()


def test_file_menu_asks_for_a_path_and_cancel_does_nothing(qtbot, main_window, state, tmp_path,
                                                           monkeypatch):
    path = tmp_path / "three.npz"
    engine.save_network(engine.Network((1, 28, 28), [engine.Conv2d(3, 3)]), path)
    answers = ["", path]
    answer_file_dialogs(monkeypatch, lambda dialog: answers.pop(0))
    qtbot.keyClick(main_window, Qt.Key_O, Qt.ControlModifier)  # cancelled
    assert state.undo_stack.count() == 0
    qtbot.keyClick(main_window, Qt.Key_O, Qt.ControlModifier)
    assert state.network.layers == [engine.Conv2d(3, 3)]


def test_save_offers_what_it_writes_and_a_refusal_names_the_file_once(
        qtbot, main_window, state, tmp_path, monkeypatch):
    folder = tmp_path / "nets"
    folder.mkdir()
    offered = {}

    def answer(dialog):
        saving = dialog.acceptMode() == QFileDialog.AcceptSave
        offered["save" if saving else "open"] = dialog.nameFilters()
        return folder / "mynet.json" if saving else ""
    answer_file_dialogs(monkeypatch, answer)
    qtbot.keyClick(main_window, Qt.Key_O, Qt.ControlModifier)  # cancelled
    assert "*.json" in offered["open"][0]  # a layer spec opens
    qtbot.keyClick(main_window, Qt.Key_S, Qt.ControlModifier)
    assert offered["save"] == ["ConvScope networks (*.npz)", "All files (*)"]
    # typed anyway, under "All files": refused, in words naming the file once
    assert error_box(main_window) == ("mynet.json: a .json file holds only the layer spec, not "
                                      "the weights; save the network as .npz to keep them")
    assert not list(folder.iterdir())


def test_file_errors_name_the_file_once_in_plain_words(main_window, tmp_path):
    missing = tmp_path / "missing"
    reason = main_window.save_network(missing / "n.npz")
    assert reason == "n.npz: No such file or directory" and error_box(main_window) == reason
    reason = main_window.export_pytorch(missing / "n.py")
    assert reason == "n.py: No such file or directory" and error_box(main_window) == reason


def test_hovering_a_map_unit_in_the_window_outlines_its_window_on_the_canvas(
        qtbot, qapp, main_window, state):
    state.set_network(engine.Network((1, 28, 28), [engine.Conv2d(2, 3, padding=1)] * 3))
    main_window.show_sample(5)
    state.recompute()
    qapp.processEvents()
    conv3 = main_window.findChild(QWidget, "activations").views[2]
    conv3.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(conv3)
    qapp.processEvents()
    with qtbot.waitSignal(state.selectionChanged):
        send_mouse(conv3.viewport(), QEvent.MouseMove, conv3.mapFromScene(conv3.scene_pos(1, 14, 14)))
    assert state.hovered == Unit(2, 1, 14, 14)
    canvas = main_window.canvas
    image = canvas.image_rect()
    cell = image.width() / 28
    # conv3's unit (14, 14) reads input rows and cols 11 … 17: a 7×7 window.
    assert canvas.receptive_field_rect() == QRectF(image.left() + 11 * cell, image.top() + 11 * cell,
                                                   7 * cell, 7 * cell)
    value = number(state.activations[2][1, 14, 14], 4)
    status = main_window.statusBar().hover_label.text()
    assert status == f"conv3 · filter 2 · row 14 · col 14 = {value}"


def test_a_re_initialised_layer_is_marked_in_the_layer_list_and_the_prediction(main_window,
                                                                                 state):
    main_window.show_sample(5)
    layers = list(state.network.layers)
    state.set_layers([engine.Conv2d(8, 5, stride=2, padding=2)] + layers[1:])
    panel = main_window.findChild(QWidget, "layers")
    row = panel.list.item(state.network.names.index("dense1"))
    assert "re-initialised" in row.text() and "train (Ctrl+T) or undo" in row.toolTip()
    assert "re-initialised" not in panel.list.item(0).text()
    warning = main_window.findChild(QWidget, "reinitializedWarning")
    assert warning.isVisible()
    assert warning.text() == ("dense1 was re-initialised (random weights): train (Ctrl+T) or "
                              "undo (Ctrl+Z).")
    state.undo_stack.undo()
    assert not warning.isVisible() and "re-initialised" not in panel.list.item(7).text()


def test_file_new_brings_back_the_trained_or_an_untrained_digit_network(main_window, state):
    main_window.show_sample(3)
    state.set_layers([engine.Conv2d(4, 3, padding=1), engine.ReLU()])
    action(main_window, "Trained digit network").trigger()
    shipped = engine.load_network(main_window_module.MODEL)
    assert state.network.layers == shipped.layers
    np.testing.assert_array_equal(state.network.params[0]["weight"], shipped.params[0]["weight"])
    state.recompute()
    assert int(np.argmax(state.probabilities)) == 3 and state.probabilities.max() > 0.9
    action(main_window, "Untrained digit network").trigger()
    untrained = engine.default_digit_network()
    assert state.network.layers == untrained.layers
    np.testing.assert_array_equal(state.network.params[0]["weight"], untrained.params[0]["weight"])
    state.undo_stack.undo()
    state.undo_stack.undo()
    assert state.network.layers == [engine.Conv2d(4, 3, padding=1), engine.ReLU()]


def test_emptying_a_lesson_then_adding_softmax_alone_is_explained_not_a_traceback(
        qtbot, main_window, state):
    """pytest-qt fails the test on an exception raised in any slot."""
    main_window.docks["filtersDock"].raise_()  # the gallery redraws only when seen
    load_example(state, "sobel")
    panel = main_window.findChild(QWidget, "layers")
    for layer in (1, 0):  # relu1, then conv1
        state.select_layer(layer)
        panel.remove_layer()
        qtbot.wait(1)
    assert state.network.layers == [] and state.selected_layer is None
    panel.add_layer("Softmax")
    qtbot.wait(1)
    assert [layer.kind for layer in state.network.layers] == ["softmax"]
    reason = main_window.findChild(QWidget, "prediction").reason
    assert reason.isVisible() and reason.text() == SOFTMAX_OVER_MAPS


def test_the_brush_hint_and_the_brush_box_show_the_same_size(qtbot, main_window):
    canvas = main_window.canvas
    box = main_window.findChild(QDoubleSpinBox)
    canvas.setFocus()
    for _ in range(3):  # 2.8 → 3.5 → 4.4 (not 4.375) → 5.5
        qtbot.keyClick(canvas, Qt.Key_BracketRight)
        assert f"brush {box.cleanText()} px" in canvas.caption()
        assert canvas.brush_size == box.value()


def test_f1_opens_the_help_at_its_title(qtbot, main_window):
    main_window.show_help("pooling")  # scrolled down first
    qtbot.keyClick(main_window, Qt.Key_F1)
    browser = main_window._help.browser
    assert browser.verticalScrollBar().value() == 0
    assert browser.cursorForPosition(QPoint(5, 5)).block().text() == \
        browser.document().firstBlock().text()
    main_window._help.close()


def test_a_network_of_every_new_kind_runs_in_every_view(qapp, main_window, state):
    network = engine.Network((1, 28, 28), [
        engine.Conv2d(4, 3, padding=1), engine.BatchNorm2d(), engine.ReLU(),
        engine.Conv2d(4, 3, padding=1, groups=4), engine.Dropout(0.2),
        engine.ConvTranspose2d(2, 2, stride=2), engine.MaxPool2d(4), engine.Flatten(),
        engine.Dense(10), engine.Softmax()])
    state.set_network(network)
    state.set_erf_enabled(True)
    state.recompute()
    assert [a.shape for a in state.activations][5] == (2, 56, 56)
    for layer, shape in enumerate(network.shapes):
        unit = Unit(layer, 0, 0, 0) if len(shape) == 1 else Unit(layer, 1, shape[1] // 2, shape[2] // 2)
        state.pin(unit)
        state.select_layer(layer)
        qapp.processEvents()  # every dock redraws what it shows
        assert main_window.findChild(UnitInspector).explanation.layer == layer
    state.set_erf_enabled(False)


@pytest.mark.parametrize("width, height", [(1066, 675), (800, 600)])
def test_dock_tab_titles_stay_whole_in_a_narrow_window(qapp, main_window, width, height):
    """Eight tabbed docks do not fit 800 px: the titles scroll rather than shrink to "Da…"."""
    main_window.resize(width, height)
    qapp.processEvents()
    bar, = [bar for bar in main_window.findChildren(QTabBar) if bar.isVisible()]
    assert bar.width() < sum(bar.tabRect(i).width() for i in range(bar.count()))  # narrow
    for i in range(bar.count()):
        title = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
        assert bar.tabRect(i).width() > title, bar.tabText(i)


def click_unit(qapp, view, unit):
    """A real left click on ``unit`` (channel, row, col) of a map view, scrolled into sight."""
    view.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(view)
    qapp.processEvents()
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view.mapFromScene(view.scene_pos(*unit)))


def test_clicking_a_unit_of_a_filter_shows_that_filter_in_the_kernel_dock(qtbot, qapp, main_window,
                                                                         state):
    main_window.show_sample(5)
    state.recompute()
    kernels = main_window.findChild(KernelEditor, "kernelEditor")
    layer_list = main_window.findChild(LayerPanel).list
    views = main_window.findChild(QWidget, "activations").views
    with qtbot.waitSignal(state.layerSelected):
        click_unit(qapp, views[0], (2, 14, 14))
    assert state.pinned == Unit(0, 2, 14, 14)
    assert kernels.filter_spin.value() == 3 and layer_list.currentRow() == 0
    shown = np.array([[parse_cell(cell.text()) for cell in line] for line in kernels.grid.cells])
    np.testing.assert_allclose(shown, state.network.params[0]["weight"][2, 0], atol=5e-4)
    conv2 = 3  # a unit of another convolution: its layer and filter, input channel 1
    click_unit(qapp, views[conv2], (9, 4, 6))
    assert state.pinned == Unit(conv2, 9, 4, 6)
    assert layer_list.currentRow() == conv2 and kernels.title.text().startswith("<b>conv2</b>")
    assert kernels.filter_spin.value() == 10 and kernels.channel_spin.value() == 1
    click_unit(qapp, views[1], (4, 10, 10))  # relu1 has no kernel: the kernel dock stays
    assert state.pinned == Unit(1, 4, 10, 10)
    assert state.selected_layer == conv2 and kernels.filter_spin.value() == 10


def test_every_control_of_the_window_and_its_docks_explains_itself(main_window):
    """A tooltip on every button, combo box, spin box and line edit (Qt's own parts aside: a
    spin box's editor, a dock's title buttons, a tab bar's arrows)."""
    def qt_part(widget):
        return widget.objectName().startswith("qt_") or isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox, QTabBar))
    silent = [f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
              for w in main_window.findChildren(QWidget)
              if isinstance(w, (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit))
              and not qt_part(w) and not w.toolTip().strip()]
    assert silent == []

"""Opening an ONNX model: its size asked when open, the normalisation chosen with a live
prediction, one undo step, and refusals in a message box with the network kept."""

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QLabel  # noqa: E402

import engine  # noqa: E402
from gui.onnx_import_dialog import OnnxImportDialog  # noqa: E402
from tests.gui.test_main_window import action, error_box  # noqa: E402


def any_size_model(path, channels=1):
    """Conv → ReLU → global average → dense 10 → softmax on an (N, C, H, W) input of open size."""
    rng = np.random.default_rng(0)
    arrays = {"w": rng.normal(0, 1, (4, channels, 3, 3)), "d": rng.normal(0, 1, (10, 4))}
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]),
             helper.make_node("Relu", ["c"], ["r"], name="relu"),
             helper.make_node("GlobalAveragePool", ["r"], ["g"], name="gap"),
             helper.make_node("Flatten", ["g"], ["f"], name="flat"),
             helper.make_node("Gemm", ["f", "d"], ["l"], name="dense", transB=1),
             helper.make_node("LogSoftmax", ["l"], ["y"], name="logsoftmax", axis=1)]
    graph = helper.make_graph(
        nodes, "any size",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", channels, "H", "W"])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 10])],
        [numpy_helper.from_array(a.astype(np.float32), n) for n, a in arrays.items()])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    return path


def _digit():
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:15] = 1.0
    return image


def test_open_size_is_asked_and_the_prediction_follows_the_normalisation(qtbot, state, tmp_path):
    state.set_image(_digit())
    dialog = OnnxImportDialog(state, any_size_model(tmp_path / "any.onnx"))
    qtbot.addWidget(dialog)
    assert dialog.height_box.isEnabled() and dialog.height_box.value() == 28
    preview = dialog.findChild(QLabel, "preview")
    raw = dialog.network.with_normalization(None)
    best = raw.predict(_digit()[None])[0]
    assert preview.text() == (f"First prediction on your drawing: {best.argmax()} "
                              f"({100 * best.max():.1f} %).")
    assert "shown as a softmax" in dialog.findChild(QLabel, "summary").text()

    dialog.normalization.setCurrentText("MNIST")
    assert dialog.network.normalization == engine.NORMALIZATIONS["MNIST"]
    mnist = dialog.network.predict(dialog.network.network_input(_digit()[None]))[0]
    assert preview.text().endswith(f"{mnist.argmax()} ({100 * mnist.max():.1f} %).")
    assert not np.allclose(mnist, best)

    dialog.height_box.setValue(40)
    assert dialog.network.input_shape == (1, 40, 28)
    dialog.invert.setChecked(True)
    assert dialog.network.normalization.invert

    network_before = state.network
    dialog.buttons.button(QDialogButtonBox.Open).click()
    assert state.network is not network_before and state.network.input_shape == (1, 40, 28)
    assert state.network.normalization == engine.Normalization((0.1307,), (0.3081,), invert=True)
    assert state.image.shape == (40, 28)
    state.undo_stack.undo()
    assert state.network.layers == network_before.layers


def test_imagenet_is_offered_for_colour_models_only(qtbot, state, tmp_path):
    grey = OnnxImportDialog(state, any_size_model(tmp_path / "grey.onnx"))
    colour = OnnxImportDialog(state, any_size_model(tmp_path / "colour.onnx", channels=3))
    qtbot.addWidget(grey)
    qtbot.addWidget(colour)
    index = grey.normalization.findText("ImageNet")
    assert not grey.normalization.model().item(index).isEnabled()
    assert colour.normalization.currentText() == "ImageNet"
    assert colour.network.normalization == engine.NORMALIZATIONS["ImageNet"]


def test_a_convscope_export_opens_with_its_own_normalisation(qtbot, state, tmp_path):
    net = engine.Network((1, 28, 28), [engine.Conv2d(2, 3), engine.Dense(10), engine.Softmax()],
                         normalization=engine.NORMALIZATIONS["[−1, 1]"])
    engine.save_network(net, tmp_path / "mine.onnx")
    dialog = OnnxImportDialog(state, tmp_path / "mine.onnx")
    qtbot.addWidget(dialog)
    assert not dialog.height_box.isEnabled()
    assert dialog.normalization.currentText() == "as saved in the file"
    assert dialog.network.normalization == net.normalization


def test_file_open_shows_the_dialog_and_refusals_keep_the_network(qtbot, main_window, state,
                                                                  tmp_path):
    assert main_window.open_network(any_size_model(tmp_path / "any.onnx")) == ""
    dialog = main_window.import_dialog
    qtbot.waitExposed(dialog)
    dialog.buttons.button(QDialogButtonBox.Open).click()
    assert [s.kind for s in state.network.layers][-1] == "softmax"

    residual = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["r"], name="relu"),
         helper.make_node("Add", ["r", "x"], ["y"], name="skip")], "residual",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 28, 28])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    onnx.save(helper.make_model(residual), tmp_path / "res.onnx")
    network = state.network
    reason = main_window.open_network(tmp_path / "res.onnx")
    assert "res.onnx" in reason and "node relu (Relu)" in reason and "branches" in reason
    assert error_box(main_window) == reason and state.network is network


def test_export_menu_writes_onnx_and_pytorch(main_window, state, tmp_path):
    assert main_window.export_onnx(tmp_path / "n.onnx") == ""
    assert engine.load_network(tmp_path / "n.onnx").layers == state.network.layers
    assert main_window.export_pytorch(tmp_path / "n.py") == ""
    assert (tmp_path / "n.npz").exists() and "nn.Sequential" in (tmp_path / "n.py").read_text()
    reason = main_window.export_onnx(tmp_path / "missing" / "n.onnx")
    assert reason == "n.onnx: No such file or directory" and error_box(main_window) == reason
    reason = main_window.open_network(tmp_path / "gone.onnx")
    assert reason == "gone.onnx: cannot open the file: No such file or directory"
    assert error_box(main_window) == reason
    export = action(main_window, "Export").menu()
    assert [a.text() for a in export.actions()] == ["&Maps as PNG…", "&ONNX…", "&PyTorch script…"]


def test_open_while_training_runs_keeps_the_dialog_and_says_why(qtbot, state, tmp_path):
    dialog = OnnxImportDialog(state, any_size_model(tmp_path / "any.onnx"))
    qtbot.addWidget(dialog)
    dialog.show()
    network = state.network
    state.set_training(True)
    dialog.buttons.button(QDialogButtonBox.Open).click()
    assert dialog.isVisible() and state.network is network
    assert dialog.preview.text() == f"Not opened: {state.TRAINING_NOTE}"
    state.set_training(False)
    dialog.buttons.button(QDialogButtonBox.Open).click()
    assert not dialog.isVisible() and state.network is not network

"""The training dialog on a tiny synthetic IDX pair and a tiny network: curves, weights, revert,
cancel and the errors a learner can run into."""

import gzip

import numpy as np
import pytest
from PySide6.QtCore import QThread, Qt
from PySide6.QtTest import QTest

import engine
from gui.state import AppState
from gui.training.training_dialog import DEFAULT_DATA, TrainingDialog


def write_idx(path, array, compress=False):
    """An IDX file (big-endian dims, unsigned bytes) exactly as MNIST ships them."""
    header = bytes([0, 0, 0x08, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    data = header + array.astype(np.uint8).tobytes()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


@pytest.fixture
def idx_pair(tmp_path):
    """40 8×8 images: class 0 a vertical bar, class 1 a horizontal bar, at random positions."""
    rng = np.random.default_rng(0)
    labels = np.arange(40) % 2
    images = np.zeros((40, 8, 8), np.uint8)
    for i, (label, where) in enumerate(zip(labels, rng.integers(1, 7, 40))):
        if label:
            images[i, where, 1:7] = 255
        else:
            images[i, 1:7, where] = 255
    return (write_idx(tmp_path / "bars-images-idx3-ubyte.gz", images, compress=True),
            write_idx(tmp_path / "bars-labels-idx1-ubyte", labels))


@pytest.fixture
def tiny_state(qapp):
    net = engine.Network((1, 8, 8), [engine.Conv2d(2, 3), engine.ReLU(), engine.Flatten(),
                                     engine.Dense(2), engine.Softmax()], seed=1)
    state = AppState(net)
    yield state
    state.deleteLater()


@pytest.fixture
def dialog(shown, tiny_state, idx_pair):
    widget = shown(TrainingDialog(tiny_state), 860, 640)
    widget.images_edit.setText(str(idx_pair[0]))
    widget.labels_edit.setText(str(idx_pair[1]))
    widget.epochs.setValue(2)
    widget.batch_size.setValue(8)
    widget.augment.setChecked(False)
    return widget


def weights(state):
    return [{k: v.copy() for k, v in p.items()} for p in state.network.params]


def assert_same(a, b):
    for p, q in zip(a, b, strict=True):
        for name in p:
            np.testing.assert_array_equal(p[name], q[name])


def train(qtbot, dialog, timeout=5000):
    with qtbot.waitSignal(dialog.trainingFinished, timeout=timeout):
        QTest.mouseClick(dialog.train_button, Qt.LeftButton)


def test_training_draws_curves_shows_each_epoch_and_lands_as_one_undo_step(qtbot, dialog, tiny_state):
    before = weights(tiny_state)
    shown = []
    tiny_state.networkChanged.connect(lambda: shown.append(weights(tiny_state)))
    train(qtbot, dialog)
    batch_points, epoch_points = dialog.curves.point_counts()
    assert batch_points >= 2 and epoch_points == 2  # every epoch ends with a held-out report
    with pytest.raises(AssertionError):
        assert_same(weights(tiny_state), before)
    # Epoch weights reached the state (live preview, the newest once per event-loop pass), then
    # the result as one undo step.
    assert len(shown) >= 2
    assert tiny_state.undo_stack.count() == 1
    assert tiny_state.undo_stack.text(0) == "Train network"
    assert "Done" in dialog.status.text()
    assert dialog.train_button.isEnabled() and not dialog.cancel_button.isEnabled()
    trained = weights(tiny_state)
    tiny_state.undo_stack.undo()
    assert_same(weights(tiny_state), before)
    tiny_state.undo_stack.redo()
    assert_same(weights(tiny_state), trained)
    qtbot.waitUntil(lambda: not dialog.findChildren(QThread))  # each run's thread goes with it


def test_fine_tuning_suggests_a_tenth_of_the_learning_rate_for_training_from_scratch(dialog):
    for optimizer in ("Adam", "SGD with momentum"):
        dialog.optimizer.setCurrentText(optimizer)
        dialog.start_from.setCurrentIndex(1)  # from scratch
        scratch = dialog.learning_rate.value()
        dialog.start_from.setCurrentIndex(0)  # fine-tune
        assert dialog.learning_rate.value() == pytest.approx(scratch / 10)


def test_revert_restores_the_weights_from_before_training(qtbot, dialog, tiny_state):
    before = weights(tiny_state)
    train(qtbot, dialog)
    trained = weights(tiny_state)
    assert dialog.revert_button.isEnabled()
    QTest.mouseClick(dialog.revert_button, Qt.LeftButton)
    assert_same(weights(tiny_state), before)
    assert tiny_state.undo_stack.text(tiny_state.undo_stack.count() - 1) == "Revert training"
    assert not dialog.revert_button.isEnabled()
    tiny_state.undo_stack.undo()  # revert is one step of its own
    assert_same(weights(tiny_state), trained)


def assert_run_forgotten(dialog):
    """The dialog no longer offers the last run's Revert, nor shows its curves or summary."""
    assert not dialog.revert_button.isEnabled()
    assert "Revert no longer applies" in dialog.status.text()
    assert "Revert puts" not in dialog.status.text() and "Done" not in dialog.status.text()
    assert dialog.curves.point_counts() == (0, 0)
    assert dialog.progress.text() == "not started"


@pytest.mark.parametrize("change", ["kernel", "network", "layers"])
def test_revert_is_withdrawn_once_the_network_changes_after_the_run(qtbot, dialog, tiny_state,
                                                                   change):
    train(qtbot, dialog)
    assert dialog.revert_button.isEnabled() and "Revert puts" in dialog.status.text()
    tiny_state.set_image(np.eye(8, dtype=np.float32))  # the drawing is not the network
    assert dialog.revert_button.isEnabled()
    if change == "kernel":
        kernel = tiny_state.network.params[0]["weight"].copy()
        kernel[0, 0, 1, 1] = 7.0
        assert tiny_state.set_param(0, "weight", kernel) == ""
    elif change == "network":
        assert tiny_state.set_network(engine.Network(tiny_state.network.input_shape,
                                                     list(tiny_state.network.layers),
                                                     seed=5)) == ""
    else:
        layers = list(tiny_state.network.layers)
        assert tiny_state.set_layers([engine.Conv2d(3, 3)] + layers[1:]) == ""
    edited = weights(tiny_state)
    steps = tiny_state.undo_stack.count()
    assert_run_forgotten(dialog)
    dialog.revert()  # even asked for directly, it no longer throws the change away
    assert_same(weights(tiny_state), edited)
    assert tiny_state.undo_stack.count() == steps


def test_undoing_the_run_withdraws_revert(qtbot, dialog, tiny_state):
    before = weights(tiny_state)
    train(qtbot, dialog)
    tiny_state.undo()
    assert_same(weights(tiny_state), before)
    assert_run_forgotten(dialog)
    tiny_state.redo()  # the trained weights are back, as a step of the history, not the run's
    assert not dialog.revert_button.isEnabled()


def test_a_new_run_offers_revert_to_the_weights_before_it(qtbot, dialog, tiny_state):
    train(qtbot, dialog)
    kernel = tiny_state.network.params[0]["weight"].copy()
    kernel[0, 0, 0, 0] = 3.0
    tiny_state.set_param(0, "weight", kernel)
    edited = weights(tiny_state)
    dialog.start_from.setCurrentIndex(1)  # from scratch: the fresh weights shown are the run's
    train(qtbot, dialog)
    assert dialog.revert_button.isEnabled() and "Revert puts" in dialog.status.text()
    QTest.mouseClick(dialog.revert_button, Qt.LeftButton)
    assert_same(weights(tiny_state), edited)
    assert "from before training are back" in dialog.status.text()


def test_cancel_stops_within_a_second_and_keeps_what_was_learned(qtbot, dialog, tiny_state,
                                                                tmp_path):
    # Enough digits that the run cannot end on its own before Cancel is pressed.
    images = np.tile(engine.read_idx(dialog.images_edit.text()), (100, 1, 1))
    labels = np.tile(engine.read_idx(dialog.labels_edit.text()), 100)
    dialog.images_edit.setText(str(write_idx(tmp_path / "many-images-idx3-ubyte", images)))
    dialog.labels_edit.setText(str(write_idx(tmp_path / "many-labels-idx1-ubyte", labels)))
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.train_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.curves.point_counts()[0] > 0, timeout=5000)
    with qtbot.waitSignal(dialog.trainingFinished, timeout=1000):
        QTest.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert dialog.status.text().startswith("Stopped")
    assert tiny_state.undo_stack.text(0) == "Train network (stopped early)"
    assert dialog.revert_button.isEnabled()


def test_closing_during_training_stops_the_worker(qtbot, dialog):
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    thread = dialog._thread
    dialog.close()
    assert thread.isFinished()


def test_a_bad_image_file_is_explained_in_the_dialog(qtbot, dialog, tiny_state, tmp_path):
    (tmp_path / "notes.txt").write_text("these are not digits")
    dialog.images_edit.setText(str(tmp_path / "notes.txt"))
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "notes.txt is not an IDX file" in dialog.status.text()
    assert dialog.train_button.isEnabled() and not dialog.is_training
    assert tiny_state.undo_stack.count() == 0


def test_a_truncated_label_file_is_explained_in_the_dialog(qtbot, dialog, idx_pair):
    idx_pair[1].write_bytes(idx_pair[1].read_bytes()[:-5])
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "truncated" in dialog.status.text()


def test_a_network_without_softmax_is_explained(qtbot, dialog, tiny_state):
    tiny_state.set_layers(list(tiny_state.network.layers[:-1]))
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "ends in softmax" in dialog.status.text()
    assert not dialog.is_training


def test_images_of_another_size_than_the_input_are_explained(qtbot, dialog, tmp_path):
    dialog.images_edit.setText(str(write_idx(tmp_path / "big-images-idx3", np.zeros((40, 10, 10)))))
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "The images are 10×10 pixels but the network takes 8×8 input" in dialog.status.text()


def test_labels_beyond_the_outputs_are_explained(qtbot, dialog, tmp_path):
    dialog.labels_edit.setText(str(write_idx(tmp_path / "many-labels-idx1", np.arange(40) % 5)))
    with qtbot.waitSignal(dialog.trainingFinished, timeout=5000):
        QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "the network has 2 outputs" in dialog.status.text()
    assert not dialog.revert_button.isEnabled()


def test_the_shipped_digits_are_the_default(qtbot, tiny_state):
    widget = TrainingDialog(tiny_state)
    qtbot.addWidget(widget)
    assert "images" in widget.images_edit.text() and "labels" in widget.labels_edit.text()
    assert widget.images_edit.text().startswith(str(DEFAULT_DATA))


def test_weights_are_not_applied_to_a_network_replaced_during_training(qtbot, dialog, tiny_state):
    tiny_state.set_layers([engine.Conv2d(3, 3), engine.ReLU(), engine.Flatten(), engine.Dense(2),
                           engine.Softmax()])
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "Training is running" in tiny_state.set_layers([engine.Conv2d(4, 3)])  # refused
    tiny_state.undo_stack.undo()  # the stack itself, behind the state's back
    edited = weights(tiny_state)
    with qtbot.waitSignal(dialog.trainingFinished, timeout=5000):
        QTest.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert "not applied" in dialog.status.text()
    assert_same(weights(tiny_state), edited)
    assert tiny_state.undo_stack.index() == 0  # nothing pushed
    assert not dialog.revert_button.isEnabled()


def test_weight_edits_wait_while_training_runs_and_say_why(qtbot, dialog, tiny_state):
    from gui.editors.kernel_editor import KernelEditor
    editor = KernelEditor(tiny_state)
    qtbot.addWidget(editor)
    editor.show()
    tiny_state.select_layer(0)
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert tiny_state.training and not editor.grid.isEnabled()
    assert "Training is running" in editor.message.text() and editor.message.isVisible()
    value = tiny_state.network.params[0]["weight"].copy()
    value[0, 0, 0, 0] = 5.0
    assert "Training is running" in tiny_state.set_param(0, "weight", value)
    with qtbot.waitSignal(dialog.trainingFinished, timeout=5000):
        QTest.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert not tiny_state.training and editor.grid.isEnabled() and not editor.message.text()
    assert tiny_state.set_param(0, "weight", value) == ""
    assert tiny_state.network.params[0]["weight"][0, 0, 0, 0] == 5.0


def test_a_collapsing_run_keeps_the_weights_from_before_and_suggests_a_smaller_rate(
        qtbot, shown, tmp_path):
    rng = np.random.default_rng(0)
    labels = np.arange(300) % 10
    images = (rng.random((300, 12, 12)) < 0.1) * 255
    images[np.arange(300), labels, :] = 255
    net = engine.Network((1, 12, 12), [
        engine.Conv2d(8, 3, padding=1), engine.ReLU(), engine.Conv2d(8, 3, padding=1),
        engine.ReLU(), engine.MaxPool2d(2), engine.Dense(10), engine.Softmax()], seed=0)
    state = AppState(net)
    before = weights(state)
    dialog = shown(TrainingDialog(state), 860, 640)
    dialog.images_edit.setText(str(write_idx(tmp_path / "rows-images-idx3-ubyte", images)))
    dialog.labels_edit.setText(str(write_idx(tmp_path / "rows-labels-idx1-ubyte", labels)))
    dialog.epochs.setValue(3)
    dialog.batch_size.setValue(16)
    dialog.augment.setChecked(False)
    dialog.learning_rate.setValue(dialog.learning_rate.maximum())
    assert dialog.learning_rate.value() == 1.0
    train(qtbot, dialog, timeout=20000)
    text = dialog.status.text()
    assert "collapsed" in text and "try 0.1" in text and "from before training are back" in text
    assert "Done" not in text
    assert_same(weights(state), before)
    assert state.undo_stack.count() == 0


def test_an_idx_file_whose_dimensions_overflow_is_explained(qtbot, dialog, tmp_path):
    path = tmp_path / "wrap-labels-idx1-ubyte"
    path.write_bytes(bytes([0, 0, 8, 4]) + (65536).to_bytes(4, "big") * 4)
    dialog.labels_edit.setText(str(path))
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert "wrap-labels-idx1-ubyte" in dialog.status.text()
    assert "more than ConvScope handles" in dialog.status.text()
    assert dialog.train_button.isEnabled()


def test_training_from_scratch_shows_the_fresh_weights_from_the_start(qtbot, dialog, tiny_state):
    """While epoch 1 runs the window must not show the old weights' confident answer."""
    before = weights(tiny_state)
    tiny_state.set_image(np.eye(8, dtype=np.float32))
    dialog.start_from.setCurrentIndex(1)  # from scratch
    dialog.epochs.setValue(1)
    fresh = engine.Network(tiny_state.network.input_shape, list(tiny_state.network.layers), seed=0)
    with qtbot.waitSignal(dialog.trainingFinished, timeout=5000):
        QTest.mouseClick(dialog.train_button, Qt.LeftButton)
        assert_same(weights(tiny_state), fresh.params)  # before the first epoch has ended
        tiny_state.recompute()
        np.testing.assert_allclose(tiny_state.probabilities,
                                   fresh.forward(tiny_state.model_input)[-1], rtol=1e-6)
    tiny_state.undo_stack.undo()
    assert_same(weights(tiny_state), before)


def test_while_training_runs_undo_and_network_edits_wait_and_say_why(qtbot, main_window, state):
    from PySide6.QtWidgets import QMenu, QStatusBar
    from gui.editors.layer_panel import LayerPanel
    from tests.gui.mouse import drag
    from tests.gui.test_main_window import action, error_box
    original = state.network.params[0]["weight"][0, 0, 0, 0]
    edited = state.network.params[0]["weight"].copy()
    edited[0, 0, 0, 0] = 3.0
    state.set_param(0, "weight", edited)  # a network step, then a drawing step
    canvas = main_window.canvas
    drag(canvas, [canvas.pixel_center(14, c) for c in range(4, 24)])
    drawn = state.image.copy()
    main_window.show_training()
    dialog = main_window.findChild(TrainingDialog)
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    assert state.training
    main_window.activateWindow()
    undo, redo = action(main_window, "Undo Draw stroke"), action(main_window, "Redo")

    undo.trigger()  # the drawing does not conflict with training
    assert not state.image.any() and state.undo_stack.index() == 1
    undo.trigger()  # the weight edit would be overwritten by the training result: refused
    assert state.undo_stack.index() == 1 and state.network.params[0]["weight"][0, 0, 0, 0] == 3.0
    assert main_window.findChild(QStatusBar).currentMessage() == state.TRAINING_NOTE
    redo.trigger()
    np.testing.assert_array_equal(state.image, drawn)

    panel = main_window.findChild(LayerPanel, "layers")
    next(a for a in panel.add_menu.actions() if a.text() == "Convolution").trigger()
    assert panel.error_label.text() == f"Not changed: {state.TRAINING_NOTE}"
    assert len(state.network.layers) == 11
    main_window.findChild(QMenu, "examplesMenu").actions()[0].trigger()
    assert error_box(main_window) == state.TRAINING_NOTE
    assert state.lesson is None and len(state.network.layers) == 11

    with qtbot.waitSignal(dialog.trainingFinished, timeout=10_000):
        QTest.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert not state.training
    assert state.undo_stack.undoText().startswith("Train network")
    for _ in range(3):  # the training, the drawing, the weight edit: undo works again
        undo.trigger()
    assert state.undo_stack.index() == 0
    assert state.network.params[0]["weight"][0, 0, 0, 0] == original


def test_after_a_new_network_and_a_kernel_edit_the_reopened_dialog_offers_no_revert(
        qtbot, main_window, state):
    """The tester's steps: train, cancel, close; Ctrl+N; edit a conv1 kernel cell; Ctrl+T."""
    from gui.editors.kernel_editor import KernelEditor
    from tests.gui.keyboard import type_and_enter
    from tests.gui.test_main_window import action
    main_window.show_training()
    dialog = main_window.findChild(TrainingDialog)
    dialog.epochs.setValue(dialog.epochs.maximum())
    dialog.batch_size.setValue(1)
    QTest.mouseClick(dialog.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.curves.point_counts()[0] > 0, timeout=10_000)
    with qtbot.waitSignal(dialog.trainingFinished, timeout=10_000):
        QTest.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert dialog.revert_button.isEnabled()
    dialog.close()
    action(main_window, "Trained digit network").trigger()
    state.select_layer(0)
    kernels = main_window.findChild(KernelEditor, "kernelEditor")
    type_and_enter(qtbot, kernels.grid.cells[1][1], "2")
    edited = weights(state)
    assert edited[0]["weight"][0, 0, 1, 1] == 2.0
    action(main_window, "Train the network…").trigger()
    assert dialog.isVisible() and not dialog.revert_button.isEnabled()
    assert "Stopped" not in dialog.status.text() and "Revert puts" not in dialog.status.text()
    assert dialog.curves.point_counts() == (0, 0)
    dialog.revert()
    assert_same(weights(state), edited)

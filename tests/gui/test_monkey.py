"""A seeded random walk of real UI actions through the real window.

Strokes on the canvas, layers added, removed, moved and edited (with random and invalid values),
kernel cells typed, lessons loaded, undo and redo, input sizes, good and bad files opened,
training started and cancelled. After every action no exception may have escaped (pytest-qt
fails the test on any exception in a slot or event handler) and the state must be consistent:
every map's shape matches the network, the drawing matches the input, and undo then redo
restores the network and the drawing exactly.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QMessageBox, QSpinBox, QDoubleSpinBox

import engine
from gui.maps.activation_view import ActivationView
from gui.examples_menu import ExamplesMenu
from gui.editors.kernel_editor import KernelEditor
from gui.editors.layer_panel import LayerPanel
from gui.main_window import INPUT_SIZES
from gui.state import Unit
from gui.training.training_dialog import TrainingDialog
from tests.gui.keyboard import type_and_enter
from tests.gui.mouse import drag

# The default suite walks a few seeds briefly; ``-m slow`` walks more seeds 2,000 actions each.
QUICK_ACTIONS, ACTIONS_PER_SEED = 400, 2000
CELL_TEXTS = ["1", "-2", "0.5", "1/9", "2*0.5", "1e39", "abc", "", "1/0", "−1", "3.4e38"]
PADDING_TEXTS = ["0", "1", "2", "same", "valid", "full", "1, 2", "x", "-1", "99"]


def _files(folder):
    """Good and bad network files to open."""
    good = engine.Network((1, 28, 28), [engine.Conv2d(4, 3, padding=1), engine.ReLU(),
                                        engine.MaxPool2d(2), engine.Dense(10), engine.Softmax()])
    engine.save_network(good, folder / "good.npz")
    spec = engine.network_spec(good)
    files = [folder / "good.npz"]
    for name, content in [
            ("garbage.npz", b"garbage"), ("random.npz", bytes(range(256)) * 8),
            ("deep.json", ("[" * 5000).encode()), ("latin1.json", b'{"format": "\xe9"}'),
            ("huge.json", json.dumps(spec | {"input_shape": [1, 100000, 100000]}).encode()),
            ("small.json", json.dumps(spec | {"input_shape": [1, 12, 12]}).encode()),
            ("truncated.npz", (folder / "good.npz").read_bytes()[:300])]:
        (folder / name).write_bytes(content)
        files.append(folder / name)
    return files


def _idx(path, array):
    header = bytes([0, 0, 0x08, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    path.write_bytes(header + array.astype(np.uint8).tobytes())
    return path


class Monkey:
    """Random actions on the real window; ``step()`` does one and checks the state."""

    def __init__(self, qtbot, window, folder, seed):
        self.qtbot, self.window, self.state = qtbot, window, window.state
        self.rng = random.Random(seed)
        self.files = _files(folder)
        rng = np.random.default_rng(seed)
        self.images = _idx(folder / "m-images-idx3-ubyte", rng.integers(0, 255, (20, 28, 28)))
        self.labels = _idx(folder / "m-labels-idx1-ubyte", rng.integers(0, 10, 20))
        self.panel = window.findChild(LayerPanel)
        self.kernel = window.findChild(KernelEditor)
        self.maps = window.findChild(ActivationView, "activations")
        self.actions = [(self.stroke, 8), (self.add_layer, 3), (self.remove_layer, 3),
                        (self.move_layer, 1), (self.edit_field, 6), (self.type_cell, 5),
                        (self.select, 4), (self.pin, 3), (self.undo, 5), (self.redo, 3),
                        (self.undo_redo_exactly, 3), (self.input_size, 1), (self.lesson, 2),
                        (self.open_file, 1), (self.bad_layers, 2), (self.train, 0.05)]

    def step(self):
        action = self.rng.choices([a for a, _ in self.actions], [w for _, w in self.actions])[0]
        action()
        self._close_boxes()
        self.check()
        return action.__name__

    # ---------------------------------------------------------------- actions
    def stroke(self):
        canvas = self.window.canvas
        rect = canvas.image_rect()
        points = [QPointF(rect.left() + self.rng.uniform(-0.1, 1.1) * rect.width(),
                          rect.top() + self.rng.uniform(-0.1, 1.1) * rect.height())
                  for _ in range(self.rng.randint(1, 6))]
        drag(canvas, points, self.rng.choice([Qt.LeftButton, Qt.LeftButton, Qt.RightButton]))

    def add_layer(self):
        self.rng.choice(self.panel.add_menu.actions()).trigger()

    def remove_layer(self):
        if self.panel.remove_button.isEnabled():
            self.panel.remove_button.click()

    def move_layer(self):
        button = self.rng.choice([self.panel.up_button, self.panel.down_button])
        if button.isEnabled():
            button.click()

    def select(self):
        count = len(self.state.network.layers)
        if count:
            self.panel.list.setCurrentRow(self.rng.randrange(count))

    def edit_field(self):
        fields = [w for w in self.panel.editor.fields.values() if w.isVisibleTo(self.panel)]
        if not fields:
            return
        field = self.rng.choice(fields)
        if isinstance(field, QCheckBox):
            field.click()
        elif isinstance(field, QComboBox) and field.isEditable():
            type_and_enter(self.qtbot, field, self.rng.choice(PADDING_TEXTS))
        elif isinstance(field, QComboBox):
            field.setCurrentIndex(self.rng.randrange(field.count()))
        elif isinstance(field, QSpinBox):
            # the extremes now and then (refused or heavy), small values mostly: the walk must
            # stay quick enough for the default suite
            extreme = self.rng.random() < 0.05
            field.setValue(self.rng.choice([field.minimum(), field.maximum()]) if extreme
                           else self.rng.randint(field.minimum(), max(field.minimum(), 6)))
        elif isinstance(field, QDoubleSpinBox):
            field.setValue(self.rng.uniform(field.minimum(), field.maximum()))

    def type_cell(self):
        cells = [cell for row in self.kernel.grid.cells for cell in row]
        visible = [cell for cell in cells if cell.isVisibleTo(self.kernel) and cell.isEnabled()]
        if visible:
            type_and_enter(self.qtbot, self.rng.choice(visible), self.rng.choice(CELL_TEXTS))

    def pin(self):
        net = self.state.network
        if not net.layers:
            return
        layer = self.rng.randrange(len(net.layers))
        shape = net.shapes[layer] + (1, 1)
        self.state.pin(Unit(layer, *(self.rng.randrange(n) for n in shape[:3])))

    def undo(self):
        self.state.undo_stack.undo()

    def redo(self):
        self.state.undo_stack.redo()

    def undo_redo_exactly(self):
        stack = self.state.undo_stack
        if not stack.canUndo():
            return
        before = self._snapshot()
        stack.undo()
        stack.redo()
        after = self._snapshot()
        assert before[:2] == after[:2]
        np.testing.assert_array_equal(before[2], after[2])
        for p, q in zip(before[3], after[3], strict=True):
            assert p.keys() == q.keys()
            for name in p:
                np.testing.assert_array_equal(p[name], q[name])

    def input_size(self):
        self.window.set_input_size(self.rng.choice(INPUT_SIZES[:4]))

    def lesson(self):
        menu = self.window.findChild(ExamplesMenu)
        self.rng.choice(menu.actions()).trigger()

    def open_file(self):
        self.window.open_network(self.rng.choice(self.files))

    def bad_layers(self):
        """Layers no form offers: huge, negative, nonsense; refused with a reason, never raised."""
        spec = self.rng.choice([
            {"type": "conv2d", "out_channels": 7000, "kernel_size": 1},
            {"type": "maxpool2d", "kernel_size": 40000, "padding": 20000},
            {"type": "conv2d", "out_channels": 1, "kernel_size": 99},
            {"type": "dense", "out_features": 60_000_000},
            {"type": "conv2d", "out_channels": 2, "stride": None},
            {"type": "avgpool2d", "kernel_size": 3, "padding": 2}])
        layers = [layer.to_dict() for layer in self.state.network.layers]
        layers.insert(self.rng.randint(0, len(layers)), spec)
        self.state.set_layers(layers)

    def train(self):
        self.window.show_training()
        dialog = self.window.findChild(TrainingDialog)
        dialog.images_edit.setText(str(self.images))
        dialog.labels_edit.setText(str(self.labels))
        dialog.epochs.setValue(1)
        dialog.start()
        if dialog.cancel_button.isEnabled():
            with self.qtbot.waitSignal(dialog.trainingFinished, timeout=10000):
                dialog.cancel()
        dialog.close()

    # ---------------------------------------------------------------- checks
    def _snapshot(self):
        net = self.state.network
        return (net.input_shape, list(net.layers), self.state.image.copy(),
                [{k: v.copy() for k, v in p.items()} for p in net.params])

    def _close_boxes(self):
        for box in self.window.findChildren(QMessageBox):
            if box.isVisible():
                box.close()

    def check(self):
        state, net = self.state, self.state.network
        state.recompute()
        assert state.image.shape == net.input_shape[1:]
        assert [a.shape for a in state.activations] == [tuple(s) for s in net.shapes]
        assert all(np.isfinite(p).all() for params in net.params for p in params.values())
        self.qtbot.wait(0)
        assert [view.shape for view in self.maps.views] == [tuple(s) for s in net.shapes]


def _walk(qtbot, main_window, tmp_path, seed, actions):
    monkey = Monkey(qtbot, main_window, tmp_path, seed)
    done = []
    for _ in range(actions):
        done.append(monkey.step())
    assert len(set(done)) >= 10  # the walk really went through most kinds of action


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_monkey(qtbot, main_window, tmp_path, seed):
    _walk(qtbot, main_window, tmp_path, seed, QUICK_ACTIONS)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(1, 7))
def test_monkey_more_seeds(qtbot, main_window, tmp_path, seed, request):
    if "slow" not in request.config.getoption("markexpr"):
        pytest.skip("minutes per seed: run with -m slow")
    _walk(qtbot, main_window, tmp_path, seed, ACTIONS_PER_SEED)

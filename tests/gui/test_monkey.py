"""A seeded random walk of real UI actions through the real window.

Strokes on the canvas, layers added, removed, moved and edited by typing (random and invalid
values), kernel cells typed and kernel tools clicked, units clicked on the maps, lessons and new
networks from the menus, Edit ▸ Undo and Redo, input sizes from View ▸ Input size, good and bad
files through File ▸ Open, training started and cancelled in the training window. Every action
goes through a widget, a menu action or a mouse or key event, as a user's would.

After every action no exception may have escaped (a slot or event handler that raises fails the
walk at that step), and the state must be consistent: the maps are this network's forward, every
map's view has its layer's shape, the drawing fits the input, the weights are finite and the
pinned unit exists. One of the actions is undo then redo, which must restore the network
(layers, every weight array) and the drawing exactly.

The walk spends most of its time on small inputs (8×8, 16×16), as the app's cost per action
grows with the input while the code paths do not; lessons, new and opened networks bring 28×28
back, and now and then a field's extreme value makes a heavy network (checked, then undone).
"""

from __future__ import annotations

import json
import random
from collections import deque

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDoubleSpinBox,
                               QInputDialog, QMessageBox, QSpinBox)

import engine
from gui.editors.kernel_editor import KernelEditor
from gui.editors.layer_panel import LayerPanel
from gui.examples_menu import ExamplesMenu
from gui.main_window import MAX_INPUT, MIN_INPUT
from gui.maps.activation_view import ActivationView
from gui.state import Unit
from gui.training.training_dialog import TrainingDialog
from tests.gui.keyboard import type_and_enter
from tests.gui.file_dialogs import answer_file_dialogs
from tests.gui.mouse import drag

DEFAULT_SEEDS, SLOW_SEEDS = (1, 2, 3), range(4, 14)
ACTIONS_PER_SEED = 2000
CELL_TEXTS = ["1", "-2", "0.5", "1/9", "2*0.5", "-0", "0.125", "1e39", "-1e39", "3.4e38", "abc",
              "", "1/0", "−1", "nan", "inf", "1e-45"]
NUMBER_TEXTS = ["0", "1", "2", "3", "4", "5", "-1", "abc", "", "1e3", "2.5", "07", "−2"]
PADDING_TEXTS = ["0", "1", "2", "same", "valid", "full", "1, 2", "x", "-1", "99", "(1,0)"]
# Menu sizes the walk picks, by weight: small inputs most of the time (see the docstring).
SIZE_WEIGHTS = {8: 4, 16: 4, 28: 1, 32: 0.5}
EXTREME_CHANCE = 0.01  # of typing a field's maximum (a heavy network), checked then undone


def _bad_layer_specs():
    """Layer lists no form offers and no network can take: refused with a reason, never raised."""
    return [
        [{"type": "conv2d", "out_channels": 7000, "kernel_size": 1}] * 31,  # 4 GB of weights
        [{"type": "maxpool2d", "kernel_size": 40000, "padding": 20000}],
        [{"type": "conv2d", "out_channels": 1, "kernel_size": 5000}],
        [{"type": "dense", "out_features": 60_000_000}],
        [{"type": "conv2d", "out_channels": 2, "stride": None}],
        [{"type": "conv2d", "out_channels": -3}],
        [{"type": "conv2d", "out_channels": 10 ** 40}],
        [{"type": "avgpool2d", "kernel_size": 3, "padding": 2}],
        [{"type": "bogus"}],
    ]


def _files(folder):
    """(good, bad) network files to open: small good ones, and bad ones of every kind the
    loaders refuse."""
    net = engine.Network((1, 28, 28), [engine.Conv2d(4, 3, padding=1), engine.ReLU(),
                                       engine.MaxPool2d(2), engine.Dense(10), engine.Softmax()])
    engine.save_network(net, folder / "good.npz")
    spec = engine.network_spec(net)
    (folder / "small.json").write_text(json.dumps(spec | {"input_shape": [1, 12, 12]}))
    good = [folder / "good.npz", folder / "small.json"]
    bad = []
    for name, content in [
            ("garbage.npz", b"garbage"), ("random.npz", bytes(range(256)) * 8),
            ("truncated.npz", (folder / "good.npz").read_bytes()[:300]),
            ("deep.json", ("[" * 5000).encode()), ("latin1.json", b'{"format": "\xe9"}'),
            ("huge.json", json.dumps(spec | {"input_shape": [1, 100000, 100000]}).encode()),
            ("digits.json", json.dumps(spec).replace("[1, 28, 28]", f"[1, {'9' * 5000}, 28]")
             .encode()),
            ("version.json", json.dumps(spec | {"version": -5}).encode()),
            ("garbage.onnx", b"not a model"), ("empty.json", b"")]:
        (folder / name).write_bytes(content)
        bad.append(folder / name)
    return good, bad


def _idx(path, array):
    header = bytes([0, 0, 0x08, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    path.write_bytes(header + array.astype(np.uint8).tobytes())
    return str(path)


def _menu_actions(menu, prefix=""):
    """{"File/Open network…": QAction, ...} for ``menu`` and its submenus (mnemonics dropped)."""
    found = {}
    for action in menu.actions():
        path = prefix + action.text().replace("&", "")
        if action.menu() is not None:
            found |= _menu_actions(action.menu(), path + "/")
        elif not action.isSeparator():
            found[path] = action
    return found


def return_to_event_loop():
    """What the event loop does between two user events: due timers and posted events run, and
    widgets given deleteLater() are deleted (processEvents alone leaves those to the loop)."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


class Monkey:
    """Random actions on the real window; ``step()`` does one and checks the state."""

    def __init__(self, qtbot, window, folder, seed, monkeypatch, exceptions):
        self.qtbot, self.window, self.state = qtbot, window, window.state
        self.exceptions = exceptions  # caught in slots and event handlers (qtbot.captureExceptions)
        self.folder = folder
        self.rng = random.Random(seed)
        self.good_files, self.bad_files = _files(folder)
        self.panel = window.findChild(LayerPanel)
        self.kernel = window.findChild(KernelEditor)
        self.maps = window.findChild(ActivationView, "activations")
        self.menu = {}
        for action in window.menuBar().actions():
            self.menu |= _menu_actions(action.menu(), action.text().replace("&", "") + "/")
        self.lessons = window.findChild(ExamplesMenu).actions()
        self.idx_pairs = {}  # input side -> (images, labels) IDX paths for training
        self.chosen_file = None
        answer_file_dialogs(monkeypatch, lambda dialog: self.chosen_file)
        self.other_size = MIN_INPUT
        monkeypatch.setattr(QInputDialog, "getInt",
                            lambda *args, **kwargs: (self.other_size, True))
        self.actions = [(self.stroke, 8), (self.add_layer, 3), (self.remove_layer, 3),
                        (self.move_layer, 1), (self.edit_field, 6), (self.type_cell, 5),
                        (self.kernel_tool, 2), (self.select, 4), (self.click_unit, 3),
                        (self.move_pin, 1), (self.undo, 5), (self.redo, 3),
                        (self.undo_redo_exactly, 2.5), (self.input_size, 3), (self.lesson, 1),
                        (self.new_network, 0.3), (self.open_good_file, 0.5),
                        (self.open_bad_file, 0.7), (self.bad_layers, 1), (self.train, 0.3)]
        # The window paints once per action, after it (finish_action), as between two user
        # events; the event loop's passes inside an action (scrolling to a unit, between undo and
        # redo) do not: one repaint per action shows what a user sees, at a fraction of the cost.
        window.setUpdatesEnabled(False)
        self.trigger("View/Input size/16×16")  # the walk mostly stays small
        self.finish_action()

    def step(self):
        action = self.rng.choices([a for a, _ in self.actions], [w for _, w in self.actions])[0]
        action()
        self.finish_action()
        return action.__name__

    def trigger(self, path):
        self.menu[path].trigger()

    def finish_action(self):
        """Let the event loop run (and paint), close the message boxes the action opened (each
        must say something), and check the state."""
        self.window.setUpdatesEnabled(True)  # a full repaint: every view draws what it shows
        return_to_event_loop()
        self.window.setUpdatesEnabled(False)
        boxes = self.message_boxes()
        for box in boxes:
            assert box.text().strip(), "a message box without a message"
            box.close()
        if boxes:
            return_to_event_loop()
        self.check()

    def message_boxes(self):
        """The message boxes open on the window."""
        boxes = self.window.findChildren(QMessageBox, options=Qt.FindDirectChildrenOnly)
        return [box for box in boxes if box.isVisible()]

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
        count = self.panel.list.count()
        if count:
            self.panel.list.setCurrentRow(self.rng.randrange(count))

    def edit_field(self):
        """Type a value into one field of the selected layer's form, as a user does."""
        fields = [w for w in self.panel.editor.fields.values() if w.isVisibleTo(self.panel)
                  and w.isEnabled()]
        if not fields:
            return
        field = self.rng.choice(fields)
        if isinstance(field, QCheckBox):
            field.click()
        elif isinstance(field, QComboBox) and field.isEditable():
            type_and_enter(self.qtbot, field, self.rng.choice(PADDING_TEXTS))
        elif isinstance(field, QComboBox):
            field.setCurrentIndex(self.rng.randrange(field.count()))
        elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
            if self.rng.random() < EXTREME_CHANCE:
                self.extreme(field)
            else:
                type_and_enter(self.qtbot, field, self.rng.choice(NUMBER_TEXTS))

    def extreme(self, field):
        """A field's maximum: a heavy network (or a refusal); checked, then undone."""
        count = self.state.undo_stack.count()
        type_and_enter(self.qtbot, field, field.textFromValue(field.maximum()))
        if self.state.undo_stack.count() > count:
            self.finish_action()
            self.undo()

    def type_cell(self):
        cells = [cell for row in self.kernel.grid.cells for cell in row]
        visible = [cell for cell in cells if cell.isVisibleTo(self.kernel) and cell.isEnabled()]
        if visible:
            type_and_enter(self.qtbot, self.rng.choice(visible), self.rng.choice(CELL_TEXTS))

    def kernel_tool(self):
        """Bias typed, a preset chosen, or a tool button (normalize, flip, random, zero)."""
        kernel = self.kernel
        if not kernel.isVisible() or not kernel.bias_edit.isVisibleTo(kernel):
            return
        choice = self.rng.randrange(3)
        if choice == 0 and kernel.bias_edit.isEnabled():
            type_and_enter(self.qtbot, kernel.bias_edit, self.rng.choice(CELL_TEXTS))
        elif choice == 1 and kernel.preset_box.isEnabled():
            kernel.preset_box.setCurrentIndex(self.rng.randrange(kernel.preset_box.count()))
        else:
            buttons = [b for b in (kernel.normalize_button, kernel.flip_button,
                                   kernel.random_button, kernel.zero_button)
                       if b.isVisibleTo(kernel) and b.isEnabled()]
            if buttons:
                self.rng.choice(buttons).click()

    def click_unit(self):
        """Click a unit of a random layer's maps: the unit under the pointer is pinned."""
        views = self.maps.views
        if not views:
            return
        layer = self.rng.randrange(len(views))
        view = views[layer]
        shape = view.shape + (1, 1)
        unit = tuple(self.rng.randrange(n) for n in shape[:3])
        self.maps.scroll.ensureWidgetVisible(view)
        pos = view.mapFromScene(view.scene_pos(*unit))
        under = view.unit_at(view.mapToScene(pos))
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
        if under is not None:
            assert self.state.pinned == Unit(layer, *under)

    def move_pin(self):
        """Arrow keys move the pinned unit, Esc unpins."""
        key = self.rng.choice([Qt.Key_Up, Qt.Key_Down, Qt.Key_Left, Qt.Key_Right, Qt.Key_Escape])
        QTest.keyClick(self.maps, key)

    def undo(self):
        self.trigger("Edit/Undo")

    def redo(self):
        self.trigger("Edit/Redo")

    def undo_redo_exactly(self):
        """Edit ▸ Undo then Edit ▸ Redo restore the network and the drawing exactly."""
        if not self.state.undo_stack.canUndo():
            return
        before = self._snapshot()
        self.undo()
        return_to_event_loop()
        self.redo()
        return_to_event_loop()
        after = self._snapshot()
        assert before[:3] == after[:3]
        np.testing.assert_array_equal(before[3], after[3])
        for p, q in zip(before[4], after[4], strict=True):
            assert p.keys() == q.keys()
            for name in p:
                np.testing.assert_array_equal(p[name], q[name])

    def input_size(self):
        if self.rng.random() < 0.1:
            self.other_size = self.rng.randint(MIN_INPUT, min(MAX_INPUT, 40))
            self.trigger("View/Input size/Other…")
            return
        sizes = list(SIZE_WEIGHTS)
        size = self.rng.choices(sizes, [SIZE_WEIGHTS[s] for s in sizes])[0]
        self.trigger(f"View/Input size/{size}×{size}")

    def lesson(self):
        self.rng.choice(self.lessons).trigger()

    def new_network(self):
        self.trigger(f"File/New/{self.rng.choice(['Trained', 'Untrained'])} digit network")

    def open_good_file(self):
        """File ▸ Open of a good file makes it the network."""
        self.chosen_file = self.rng.choice(self.good_files)
        self.trigger("File/Open network…")
        expected = engine.load_network(self.chosen_file)
        assert list(self.state.network.layers) == list(expected.layers)
        assert tuple(self.state.network.input_shape) == tuple(expected.input_shape)

    def open_bad_file(self):
        """File ▸ Open of a bad file says why in a box and keeps the network."""
        self.chosen_file = self.rng.choice(self.bad_files)
        network = self.state.network
        self.trigger("File/Open network…")
        return_to_event_loop()
        assert self.state.network is network
        assert self.message_boxes(), f"{self.chosen_file.name}: no message"

    def bad_layers(self):
        """Layer lists no form offers (a file or script could): refused with a reason."""
        network, count = self.state.network, self.state.undo_stack.count()
        layers = [layer.to_dict() for layer in network.layers]
        at = self.rng.randint(0, len(layers))
        layers[at:at] = self.rng.choice(_bad_layer_specs())
        assert self.state.set_layers(layers)
        assert self.state.network is network and self.state.undo_stack.count() == count

    def train(self):
        """Train in the training window on a few generated digits of the input's size; Cancel
        at once (a run too short to cancel just ends)."""
        self.trigger("File/Train the network…")
        dialog = self.window.findChild(TrainingDialog)
        images, labels = self._training_data(self.state.image_size[0])
        dialog.images_edit.setText(images)
        dialog.labels_edit.setText(labels)
        type_and_enter(self.qtbot, dialog.epochs, "1")
        dialog.start_from.setCurrentIndex(self.rng.randrange(2))
        dialog.train_button.click()
        if dialog.is_training:
            with self.qtbot.waitSignal(dialog.trainingFinished, timeout=20000):
                if self.rng.random() < 0.7:
                    dialog.cancel_button.click()
        assert not dialog.is_training and dialog.status.text()
        if self.rng.random() < 0.5:
            dialog.close()

    def _training_data(self, side):
        if side not in self.idx_pairs:
            rng = np.random.default_rng(side)
            self.idx_pairs[side] = (
                _idx(self.folder / f"{side}-images-idx3-ubyte",
                     rng.integers(0, 255, (16, side, side))),
                _idx(self.folder / f"{side}-labels-idx1-ubyte", rng.integers(0, 10, 16)))
        return self.idx_pairs[side]

    # ---------------------------------------------------------------- checks
    def _snapshot(self):
        net = self.state.network
        return (tuple(net.input_shape), list(net.layers), net.normalization,
                self.state.image.copy(), [{k: v.copy() for k, v in p.items()} for p in net.params])

    def check(self):
        """The maps are this network's forward and every view has its layer's shape."""
        state, net = self.state, self.state.network
        shapes = [tuple(s) for s in net.shapes]
        # The forward an edit scheduled has run (at once, or in a worker for a heavy network).
        self.qtbot.waitUntil(lambda: state.fresh_activations is not None or bool(self.exceptions),
                             timeout=20000)
        if self.exceptions:
            return  # the walk reports it, with the actions that led to it
        assert state.image.shape[-2:] == net.input_shape[1:]
        assert [a.shape for a in state.activations] == shapes
        assert [view.shape for view in self.maps.views] == shapes
        assert all(np.isfinite(p).all() for params in net.params for p in params.values())
        if state.pinned is not None:
            unit = state.pinned
            assert unit.layer < len(shapes)
            index = (unit.channel, unit.row, unit.col)[:len(shapes[unit.layer])]
            assert all(0 <= k < n for k, n in zip(index, shapes[unit.layer])), unit


def _walk(qtbot, window, folder, seed, monkeypatch, actions=ACTIONS_PER_SEED):
    with qtbot.captureExceptions() as exceptions:
        monkey = Monkey(qtbot, window, folder, seed, monkeypatch, exceptions)
        recent = deque(maxlen=8)
        done = []
        try:
            for step in range(actions):
                done.append(monkey.step())
                recent.append(done[-1])
                assert not exceptions, (f"seed {seed}, action {step + 1} "
                                        f"({' → '.join(recent)}): {exceptions[0][1]!r}")
        finally:
            window.setUpdatesEnabled(True)
    kinds = {kind for kind, _ in monkey.actions}
    missing = {kind.__name__ for kind in kinds} - set(done)
    assert not missing, f"the walk never did {missing}"


@pytest.mark.parametrize("seed", DEFAULT_SEEDS)
def test_monkey(qtbot, main_window, tmp_path, seed, monkeypatch):
    _walk(qtbot, main_window, tmp_path, seed, monkeypatch)


@pytest.mark.slow
# A condition in a string is decided before the window is built for nothing.
@pytest.mark.skipif("'slow' not in config.getoption('markexpr')",
                    reason="more seeds: run with -m slow")
@pytest.mark.parametrize("seed", SLOW_SEEDS)
def test_monkey_more_seeds(qtbot, main_window, tmp_path, seed, monkeypatch):
    _walk(qtbot, main_window, tmp_path, seed, monkeypatch)

"""The undo history: strokes and weight edits keep only what changed; memory bounds the history."""

import numpy as np
from PySide6.QtCore import QPointF

import engine
from gui import undo
from gui.drawing.canvas import Canvas
from gui.state import AppState
from gui.status_bar import StatusBar
from tests.gui.mouse import drag


def history_bytes(state):
    stack = state.undo_stack
    return sum(undo.command_cost(stack.command(i)) for i in range(stack.count()))


def test_a_stroke_keeps_only_the_patch_it_changed(qapp):
    state = AppState(engine.Network((1, 256, 256), [engine.Conv2d(2, 3)]))
    image = state.image.copy()
    image[100:110, 40:60] = 1.0
    state.set_image(image)
    assert history_bytes(state) == 2 * 10 * 20 * 4  # before and after of the 10×20 box
    image[200, 200] = 0.5
    state.set_image(image)
    state.undo_stack.undo()
    assert state.image[200, 200] == 0 and state.image[105, 50] == 1.0
    state.undo_stack.undo()
    assert not state.image.any()
    state.undo_stack.redo()
    state.undo_stack.redo()
    np.testing.assert_array_equal(state.image, image)


def test_a_real_stroke_on_the_canvas_is_a_small_entry(qtbot, shown, qapp):
    state = AppState(engine.Network((1, 256, 256), [engine.Conv2d(2, 3)]))
    canvas = shown(Canvas(state), 420, 480)
    rect = canvas.image_rect()
    drag(canvas, [QPointF(rect.left() + rect.width() * f, rect.center().y()) for f in (0.2, 0.3)])
    assert state.undo_stack.count() == 1 and state.image.any()
    assert history_bytes(state) < 0.25 * 2 * state.image.nbytes


def test_a_typed_weight_keeps_one_number(qapp):
    state = AppState(engine.Network((1, 28, 28), [engine.Conv2d(64, 3), engine.Conv2d(64, 3)]))
    weight = state.network.params[1]["weight"].copy()
    weight[5, 6, 1, 2] = 3.0
    state.set_param(1, "weight", weight)
    assert history_bytes(state) == 2 * 4
    state.undo_stack.undo()
    assert state.network.params[1]["weight"][5, 6, 1, 2] != 3.0
    state.undo_stack.redo()
    assert state.network.params[1]["weight"][5, 6, 1, 2] == 3.0


def test_the_history_is_bounded_by_memory_and_says_so(qtbot, qapp):
    state = AppState(engine.Network((1, 64, 64), [engine.Conv2d(4, 3)]))
    bar = StatusBar(state)
    qtbot.addWidget(bar)
    state.undo_budget = 100_000
    image = state.image.copy()
    for step in range(20):  # whole-image strokes: 2 × 16 KB each
        image = np.full((64, 64), (step + 1) / 20, np.float32)
        with qtbot.waitSignal(state.historyTrimmed) if step == 3 else _nothing():
            state.set_image(image, f"Stroke {step}")
        qapp.processEvents()
    assert history_bytes(state) <= 100_000 and state.undo_stack.count() == 3
    assert "oldest" in bar.currentMessage() and "dropped" in bar.currentMessage()
    assert state.undo_stack.undoText() == "Stroke 19"
    while state.undo_stack.canUndo():
        state.undo_stack.undo()
    np.testing.assert_allclose(state.image, 17 / 20)  # back to before the oldest kept stroke
    for _ in range(3):
        state.undo_stack.redo()
    np.testing.assert_array_equal(state.image, image)


def test_an_undo_macro_survives_trimming(qtbot, qapp):
    state = AppState(engine.Network((1, 64, 64), [engine.Conv2d(4, 3)]))
    state.undo_budget = 60_000
    stack = state.undo_stack
    for step in range(3):
        stack.beginMacro(f"Both {step}")
        state.set_layers([engine.Conv2d(4 + step, 3)])
        state.set_image(np.full((64, 64), step + 1, np.float32))
        stack.endMacro()
        qapp.processEvents()
    assert stack.undoText() == "Both 2" and stack.count() < 3
    stack.undo()
    assert state.network.layers == [engine.Conv2d(5, 3)] and state.image[0, 0] == 2
    stack.redo()
    assert state.network.layers == [engine.Conv2d(6, 3)] and state.image[0, 0] == 3


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_macro_trimmed_twice_still_undoes(qtbot, qapp):
    state = AppState(engine.Network((1, 64, 64), [engine.Conv2d(4, 3)]))
    state.undo_budget = 100_000  # three whole-image strokes (32 KB each) and a little
    stack = state.undo_stack

    def stroke(value):
        state.set_image(np.full((64, 64), value, np.float32))
        qapp.processEvents()
    stroke(1)
    stroke(2)
    stack.beginMacro("Two dots")
    for dot in (5, 6):
        image = state.image.copy()
        image[dot, dot] = dot
        state.set_image(image)
    stack.endMacro()
    for value in (3, 4, 5):  # the last two each drop the oldest stroke and copy the macro
        stroke(value)
    assert [stack.command(i).text() for i in range(stack.count())] == [
        "Two dots", "Draw", "Draw", "Draw"]
    for _ in range(3):
        stack.undo()
    assert state.image[5, 5] == 5 and state.image[6, 6] == 6 and state.image[0, 0] == 2
    stack.undo()
    np.testing.assert_array_equal(state.image, np.full((64, 64), 2, np.float32))
    while stack.canRedo():
        stack.redo()
    np.testing.assert_array_equal(state.image, np.full((64, 64), 5, np.float32))

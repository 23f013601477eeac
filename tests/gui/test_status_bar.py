"""gui.status_bar: the network's size and cost, the forward time, the hovered unit's value."""

import engine
from gui.present.formatting import number
from gui.state import AppState, Unit
from gui.status_bar import StatusBar


def _bar(qtbot, layers):
    state = AppState(engine.Network((1, 8, 8), layers))
    bar = StatusBar(state)
    qtbot.addWidget(bar)
    return state, bar


def test_the_network_label_counts_parameters_and_multiply_adds(qtbot):
    state, bar = _bar(qtbot, [engine.Conv2d(2, 3, padding=1)])
    assert bar.network_label.text() == "input 1×8×8  ·  20 parameters  ·  1,152 multiply-adds"
    state.set_layers([engine.Conv2d(4, 3, padding=1)])
    assert "40 parameters" in bar.network_label.text()
    assert bar.time_label.text().startswith("·  forward ") and bar.time_label.text().endswith(" ms")
    state.forward_ms = 0.02  # a few changed pixels, recomputed
    state.activationsChanged.emit()
    assert bar.time_label.text() == "·  forward < 0.1 ms"


def test_the_hovered_unit_and_its_value_follow_the_mouse(qtbot):
    state, bar = _bar(qtbot, [engine.Conv2d(2, 3, padding=1), engine.Flatten(), engine.Dense(3),
                              engine.Softmax()])
    state.hover(Unit(0, 1, 2, 3))
    value = number(state.activations[0][1, 2, 3], 4)
    assert bar.hover_label.text() == f"conv1 · filter 2 · row 2 · col 3 = {value}"
    state.hover(Unit(3, 2, 0, 0))
    assert bar.hover_label.text().startswith(f"{state.network.names[3]} · class 2 = ")
    state.hover(Unit(0, 5, 0, 0))  # a stale unit (no such filter) shows nothing
    assert bar.hover_label.text() == ""
    state.hover(None)
    assert bar.hover_label.text() == ""

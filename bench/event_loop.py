"""The event loop's longest stall while a heavy network is edited: ``python bench/event_loop.py``.

Builds the real main window offscreen around a network of about a billion multiply-adds
(within ConvScope's limits) and drives it as a user does: a pen stroke (QMouseEvents), a typed
kernel weight, a layer setting, a layer added and removed, Ctrl+Z, pinning a unit with the
effective receptive field on. A 10 ms timer on the GUI thread measures the longest gap between
its ticks for each action (wall time, and the GUI thread's own CPU time, see
tests/gui/event_loop_probe.py), until the action's maps are shown.

Printed: per action, the longest stall with dear forwards in the worker (as the app runs) and
with every forward on the GUI thread (``state.frame_mult_adds`` unbounded, as before); then
the engine's rate in multiply-adds per millisecond on that network, against which
``gui.state.FRAME_MULT_ADDS`` is about a frame's work. Medians of ``--repeats`` runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gui  # noqa: E402,F401  (first, as in the app: it sets the BLAS threads before numpy loads)
import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import engine  # noqa: E402
from gui.app import configure_pyqtgraph  # noqa: E402
from gui.editors.kernel_editor import KernelEditor  # noqa: E402
from gui.explain.attribution_panel import SALIENCY, AttributionPanel  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.state import FRAME_MULT_ADDS, AppState, Unit  # noqa: E402
from tests.gui.event_loop_probe import EventLoopProbe  # noqa: E402
from tests.gui.mouse import send_mouse  # noqa: E402


def heavy_network():
    """256×256 input, 3×3 convolutions of 32 and 64 channels, pooling, a dense classifier."""
    return engine.Network((1, 256, 256), [
        engine.Conv2d(32, 3, padding=1), engine.ReLU(), engine.Conv2d(64, 3, padding=1),
        engine.ReLU(), engine.MaxPool2d(2), engine.Conv2d(64, 3, padding=1), engine.ReLU(),
        engine.MaxPool2d(2), engine.Flatten(), engine.Dense(10), engine.Softmax()])


def pause(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(state, timeout_s=60):
    """Run the event loop until no forward is due or running, then a little longer (paints)."""
    deadline = time.perf_counter() + timeout_s
    while state.forward_pending and time.perf_counter() < deadline:
        pause(5)
    pause(30)


def stroke(window, state):
    canvas = window.canvas
    points = [canvas.pixel_center(128, col) for col in range(60, 200, 10)]
    send_mouse(canvas, QEvent.MouseButtonPress, points[0], Qt.LeftButton, Qt.LeftButton)
    for point in points[1:]:
        pause(15)
        send_mouse(canvas, QEvent.MouseMove, point, Qt.NoButton, Qt.LeftButton)
    send_mouse(canvas, QEvent.MouseButtonRelease, points[-1], Qt.LeftButton, Qt.NoButton)


def typed_weight(window, state):
    state.select_layer(2)
    pause(20)
    editor = window.findChild(KernelEditor, "kernelEditor")
    line = editor.grid.cells[1][1]
    line.selectAll()
    line.insert("0.75")
    line.returnPressed.emit()


def layer_setting(window, state):
    state.select_layer(5)
    pause(20)
    layers = list(state.network.layers)
    layers[5] = engine.Conv2d(48, 3, padding=1)
    state.set_layers(layers, "Edit conv")


def shown_dock(name, then=None):
    """An action that brings the bottom dock ``name`` to the front (then does ``then``)."""
    def action(window, state):
        window.docks[name].raise_()
        if then is not None:
            then(window, state)
    return action


ACTIONS = {
    "pen stroke": stroke,
    "typed weight": typed_weight,
    "layer setting": layer_setting,
    "add a layer": lambda w, s: s.set_layers(s.network.layers[:7] + [engine.ReLU()]
                                              + s.network.layers[7:]),
    "Ctrl+Z": lambda w, s: s.undo_stack.undo(),
    "scroll to the last maps": lambda w, s: w.maps.scroll.verticalScrollBar().setValue(
        w.maps.scroll.verticalScrollBar().maximum()),
    "pin a unit": lambda w, s: s.pin(Unit(5, 3, 40, 40)),
    "ERF on": lambda w, s: s.set_erf_enabled(True),
    "sliding window": shown_dock("slideDock"),
    "filters": shown_dock("filtersDock"),
    "RF table": shown_dock("rfTableDock"),
    "saliency on": shown_dock("attributionDock", lambda w, s: w.findChild(
        AttributionPanel).set_method(SALIENCY)),
    "stroke, saliency": stroke,
}


def run(synchronous):
    """{action: (wall ms, cpu ms)} for one window."""
    state = AppState(heavy_network())
    if synchronous:
        state.frame_mult_adds = float("inf")
    window = MainWindow(state)
    window.resize(1400, 900)
    window.show()
    settle(state)
    stalls = {}
    for name, action in ACTIONS.items():
        probe = EventLoopProbe()
        probe.start()
        action(window, state)
        settle(state)
        probe.stop()
        stalls[name] = (probe.longest_wall_ms, probe.longest_cpu_ms)
    window.close()
    window.deleteLater()
    state.deleteLater()
    pause(0)
    return stalls


def engine_rate(repeats):
    net = heavy_network()
    x = np.random.default_rng(0).random(net.input_shape, np.float32)
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        net.forward(x)
        times.append((time.perf_counter() - start) * 1000.0)
    return sum(net.mult_adds) / statistics.median(times[1:]), sum(net.mult_adds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    configure_pyqtgraph()
    QApplication.instance() or QApplication(sys.argv[:1])
    results = {mode: [run(mode == "all on the GUI thread") for _ in range(args.repeats)]
               for mode in ("dear forwards in the worker", "all on the GUI thread")}
    print("longest event-loop stall, ms (wall / GUI-thread CPU), median of", args.repeats)
    for mode, runs in results.items():
        print(f"  {mode}:")
        for name in ACTIONS:
            wall = statistics.median(r[name][0] for r in runs)
            cpu = statistics.median(r[name][1] for r in runs)
            print(f"    {name:<14} {wall:7.1f} / {cpu:7.1f}")
    rate, total = engine_rate(args.repeats)
    print(f"heavy network: {total:,} multiply-adds, {rate / 1e3:,.0f} k per ms; "
          f"FRAME_MULT_ADDS = {FRAME_MULT_ADDS:,} is {FRAME_MULT_ADDS / rate:.1f} ms of it")


if __name__ == "__main__":
    main()

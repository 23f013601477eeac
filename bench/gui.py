"""Pen-to-maps latency of the real window: ``python bench/gui.py [--frames N] [--trials T] [--grab]``.

Drives the main window offscreen with real pen events (QMouseEvent moves with the left button
held, sent to the canvas) and reports p50 / p95 of the time from a pen event to every visible
activation map redrawn, for

  (a) the default digit network on a 28×28 input, and
  (b) a 256×256 input through three 3×3 convolutions of 16 channels (each followed by ReLU).

How one frame is timed: the clock starts just before the move event is sent. The canvas paints
the stroke and calls ``state.show_image``; the event loop then runs as in the app (the state's
zero-delay timer runs the forward, the maps view updates its images, Qt paints what changed)
until every layer view visible in the scroll area has received its paint event after the new
maps arrived and processed it; the clock stops there. Nothing is painted twice and nothing is
skipped: an event filter on the views' viewports sees each paint. ``--grab`` instead stops the
clock after ``window.grab()``, which renders the whole window (canvas, docks and all) into a
fresh pixmap: a conservative upper bound.

``--pin`` pins the centre unit of the last convolution first, so the unit inspector explains it
every frame; ``--erf`` also turns on its effective-receptive-field overlay on the canvas.

It also checks the coalescing: a burst of pen events that arrive within one event-loop pass
(a fast tablet) must cost one forward, not one per event.

Each case runs ``trials`` times, each in a fresh process, cases alternating; the line printed
is the trial with the lowest p50 (as bench/engine.py does: on a shared machine that discards
runs spent stuck behind another job), followed by every trial's p50 / p95.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gui  # noqa: E402,F401  (first, as in the app: it sets the BLAS threads before numpy loads)
import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter  # noqa: E402

import engine  # noqa: E402
from gui.app import configure_pyqtgraph  # noqa: E402
from gui.maps.activation_view import ActivationView  # noqa: E402
from gui.drawing.canvas import Canvas  # noqa: E402
from gui.state import AppState, Unit  # noqa: E402

WINDOW_SIZE = (1400, 900)
BURST = 4  # pen events per event-loop pass in the coalescing check


def heavy_network():
    """Case (b): 256×256 input, three 3×3 convolutions of 16 channels, each followed by ReLU."""
    layers = []
    for _ in range(3):
        layers += [engine.Conv2d(16, 3, padding=1), engine.ReLU()]
    return engine.Network((1, 256, 256), layers)


def build_window(state):
    """The real main window when it hosts the maps view, else canvas + maps side by side."""
    try:
        from gui.main_window import MainWindow
        window = MainWindow(state)
    except ImportError:
        window = None
    if window is None or window.findChild(ActivationView, "activations") is None:
        window = QMainWindow()
        splitter = QSplitter()
        splitter.addWidget(Canvas(state))
        splitter.addWidget(ActivationView(state))
        splitter.setSizes([400, 1000])
        window.setCentralWidget(splitter)
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


class PaintSpy(QObject):
    """Remembers which watched widgets received a paint event since ``clear``."""

    def __init__(self, widgets):
        super().__init__()
        self.painted = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            self.painted.add(watched)
        return False


def pen_path(shape, frames):
    """Image positions (row, col) along a looping stroke over the middle of the input."""
    height, width = shape
    t = np.linspace(0, 2 * math.pi, frames + 1)
    rows = height * (0.5 + 0.3 * np.sin(2 * t))
    cols = width * (0.5 + 0.3 * np.cos(3 * t))
    return list(zip(rows, cols))


def mouse(canvas, kind, row, col):
    pos = QPointF(canvas.pixel_center(row, col))
    buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else Qt.LeftButton
    return QMouseEvent(kind, pos, canvas.mapToGlobal(pos), Qt.LeftButton, buttons, Qt.NoModifier)


def centre_of_last_conv(network):
    layer = max(i for i, spec in enumerate(network.layers) if spec.kind == "conv2d")
    _, height, width = network.shapes[layer]
    return Unit(layer, 0, height // 2, width // 2)


def run_case(name, network, frames, use_grab, pin=False, erf=False):
    app = QApplication.instance()
    state = AppState(network)
    window = build_window(state)
    if pin or erf:
        state.pin(centre_of_last_conv(network))
    state.set_erf_enabled(erf)
    canvas = window.findChild(Canvas, "canvas")
    maps = window.findChild(ActivationView, "activations")
    for _ in range(3):
        app.processEvents()
    viewports = [view.viewport() for view in maps.views]
    spy = PaintSpy(viewports)
    drawn, inked = [], []
    state.imageChanged.connect(lambda: inked.append(True))

    def on_new_maps():  # connected after the maps view's own slot, so it runs after it
        drawn.append(True)
        spy.painted.clear()

    state.activationsChanged.connect(on_new_maps)

    def settle():
        """Run the event loop until the maps of the last inked pen event are on screen."""
        if not inked:  # the pen went over ink already there: nothing to draw
            return False
        inked.clear()
        while not drawn:
            app.processEvents()
        drawn.clear()
        if use_grab:
            window.grab()
            return True
        visible = {v for v in viewports if not v.visibleRegion().isEmpty()}
        deadline = time.perf_counter() + 1.0
        while not visible <= spy.painted:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("a visible map was not repainted within 1 s")
        return True

    path = pen_path(state.image.shape, frames)
    app.sendEvent(canvas, mouse(canvas, QEvent.MouseButtonPress, *path[0]))
    settle()
    times, forwards = [], []
    for row, col in path[1:]:
        start = time.perf_counter()
        app.sendEvent(canvas, mouse(canvas, QEvent.MouseMove, row, col))
        if settle():
            times.append((time.perf_counter() - start) * 1000)
            forwards.append(state.forward_ms)
    # Coalescing: BURST moves before the event loop runs must cost one forward.
    counted = []
    state.activationsChanged.connect(lambda: counted.append(True))
    bursts = 0
    for k in range(20):
        for row, col in path[k * BURST:(k + 1) * BURST]:
            app.sendEvent(canvas, mouse(canvas, QEvent.MouseMove, row, col))
        bursts += settle()
    app.sendEvent(canvas, mouse(canvas, QEvent.MouseButtonRelease, *path[-1]))
    window.close()
    times = np.array(times[5:])  # the first frames warm caches and lay out views
    return {"case": name, "shape": network.input_shape, "layers": len(network.layers),
            "p50": float(np.percentile(times, 50)), "p95": float(np.percentile(times, 95)),
            "forward_p50": statistics.median(forwards), "forwards_per_burst": len(counted) / bursts}


CASES = {"a": engine.default_digit_network, "b": heavy_network}


def report(runs):
    best = min(runs, key=lambda run: run["p50"])
    trials = ", ".join(f"{run['p50']:.1f}/{run['p95']:.1f}" for run in runs)
    print(f"({best['case']}) {' × '.join(map(str, best['shape']))} → {best['layers']} layers: "
          f"pen → maps p50 {best['p50']:5.1f} ms, p95 {best['p95']:5.1f} ms  (forward p50 "
          f"{best['forward_p50']:.1f} ms; {best['forwards_per_burst']:.1f} forwards per burst of "
          f"{BURST} pen events; trials p50/p95: {trials})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200, help="pen events per case")
    parser.add_argument("--trials", type=int, default=3, help="fresh processes per case")
    parser.add_argument("--grab", action="store_true",
                        help="stop the clock after window.grab() (whole window, conservative)")
    parser.add_argument("--pin", action="store_true",
                        help="pin the centre unit of the last convolution (the inspector explains it)")
    parser.add_argument("--erf", action="store_true",
                        help="pin as --pin and show its effective receptive field on the canvas")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)  # one trial
    args = parser.parse_args(argv)
    if args.case:
        configure_pyqtgraph()
        QApplication.instance() or QApplication(sys.argv[:1])
        print(json.dumps(run_case(args.case, CASES[args.case](), args.frames, args.grab,
                                  args.pin, args.erf)))
        return
    pinned = " with the ERF of a pinned unit" if args.erf else " with a pinned unit" if args.pin \
        else ""
    print(f"clock stops {'after window.grab()' if args.grab else 'when every visible map has painted'}"
          f", {args.frames} pen events per case{pinned}, window {WINDOW_SIZE[0]}×{WINDOW_SIZE[1]}, "
          f"best of {args.trials} processes")
    runs = {case: [] for case in CASES}
    for _ in range(args.trials):
        for case in CASES:
            command = [sys.executable, __file__, "--case", case, "--frames", str(args.frames)]
            flags = ["--grab"] * args.grab + ["--pin"] * args.pin + ["--erf"] * args.erf
            output = subprocess.run(command + flags, check=True,
                                    capture_output=True, text=True).stdout
            runs[case].append(json.loads(output.strip().splitlines()[-1]))
    for case in CASES:
        report(runs[case])


if __name__ == "__main__":
    main()

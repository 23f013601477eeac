"""The window against the layer count: ``python bench/layers.py``.

Prints the time to open the largest network the engine accepts (engine.limits.MAX_LAYERS
alternating 3×3 convs of 2 channels and ReLUs on 28×28) in the real main window, offscreen,
and the median time of a structural undo (remove the last layer, undo) at 40 layers, events
processed. Targets: ≤ 2 s and ≤ 100 ms (issue 10).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import engine  # noqa: E402
from engine import limits  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.state import AppState  # noqa: E402


def stack(count):
    layers = [engine.Conv2d(2, 3, padding=1) if i % 2 == 0 else engine.ReLU()
              for i in range(count)]
    return engine.Network((1, 28, 28), layers)


def main():
    pg.setConfigOptions(imageAxisOrder="row-major")
    app = QApplication.instance() or QApplication([])
    state = AppState(engine.default_digit_network())
    window = MainWindow(state)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    state.set_network(stack(limits.MAX_LAYERS))
    app.processEvents()
    opened = time.perf_counter() - start
    state.set_network(stack(40))
    app.processEvents()
    undos = []
    for _ in range(7):
        state.set_layers(state.network.layers[:-1])
        app.processEvents()
        start = time.perf_counter()
        state.undo_stack.undo()
        app.processEvents()
        undos.append(time.perf_counter() - start)
    print(f"open {limits.MAX_LAYERS} layers: {opened:.2f} s (target ≤ 2 s); structural undo at "
          f"40 layers: median {1000 * statistics.median(undos):.0f} ms (target ≤ 100 ms)")
    window.close()


if __name__ == "__main__":
    main()

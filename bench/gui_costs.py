"""The costs behind three GUI design choices: ``python bench/gui_costs.py [--repeats N]``.

1. ``MapView`` keeps its rendered image in RGB32: pyqtgraph renders a float image through a
   256-entry table as an Indexed8 QImage, which Qt converts pixel by pixel on every scaled paint.
   Printed: time to paint a scaled Indexed8 image / the same image converted once to RGB32.
2. ``AppState`` forwards only what a pen stroke changed (``engine.partial_forward``).
   Printed: a full forward / the partial forward of one pen segment, 256×256 input, three 3×3
   convolutions of 16 channels.
3. ``gui/__init__.py`` caps OpenBLAS at one thread. Printed: the digit network's forward with two
   BLAS threads / with one, each in a fresh process while another process keeps one core busy.

Medians of repeats (the machines these run on are small and noisy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import gui  # noqa: E402,F401  (first, as in the app: it sets the BLAS threads before numpy loads)
import numpy as np  # noqa: E402

import engine  # noqa: E402
from engine import partial_forward  # noqa: E402


def median_ms(fn, repeats):
    fn()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def paint_ratio(repeats):
    """Indexed8 / RGB32 time to paint a 160×700 mosaic scaled ×2.5 (as a map view does)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication
    QApplication.instance() or QApplication(sys.argv[:1])
    indexed = QImage(700, 160, QImage.Format_Indexed8)
    indexed.setColorTable([QColor(k, 255 - k, k // 2).rgb() for k in range(256)])
    rng = np.random.default_rng(0)
    for row in range(indexed.height()):
        for col in range(0, indexed.width(), 7):
            indexed.setPixel(col, row, int(rng.integers(256)))
    rgb32 = indexed.convertToFormat(QImage.Format_RGB32)
    target = QImage(1750, 400, QImage.Format_RGB32)

    def paint(image):
        painter = QPainter(target)
        painter.drawImage(QRectF(0, 0, 1750, 400), image)
        painter.end()
    return median_ms(lambda: paint(indexed), repeats) / median_ms(lambda: paint(rgb32), repeats)


def partial_forward_ratio(repeats):
    """Full forward / partial forward of one pen segment on a 256×256, 3-conv network."""
    layers = []
    for _ in range(3):
        layers += [engine.Conv2d(16, 3, padding=1), engine.ReLU()]
    net = engine.Network((1, 256, 256), layers)
    before = np.zeros((1, 256, 256), np.float32)
    after = before.copy()
    after[0, 120:126, 100:130] = 1.0  # one pen segment
    maps = net.forward(before)
    box = partial_forward.changed_box(before, after)

    assert partial_forward.forward_changed(net, after, [m.copy() for m in maps], box) is not None
    partial_ms = []
    for _ in range(repeats):
        outputs = [m.copy() for m in maps]  # the app rewrites the last maps in place
        start = time.perf_counter()
        partial_forward.forward_changed(net, after, outputs, box)
        partial_ms.append((time.perf_counter() - start) * 1000.0)
    return median_ms(lambda: net.forward(after), repeats) / statistics.median(partial_ms)


_FORWARD_PROBE = """
import statistics, time, numpy as np, engine
net = engine.default_digit_network()
x = np.random.default_rng(0).random((1, 28, 28), dtype=np.float32)
net.forward(x)
times = []
for _ in range({repeats}):
    start = time.perf_counter(); net.forward(x); times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def blas_threads_ratio(repeats):
    """Forward time with two OpenBLAS threads / with one, while another core is kept busy."""
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        seconds = {}
        for threads in (1, 2):
            env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads)}
            out = subprocess.run([sys.executable, "-c", _FORWARD_PROBE.format(repeats=repeats)],
                                 cwd=ROOT, env=env, capture_output=True, text=True, check=True)
            seconds[threads] = float(out.stdout)
    finally:
        busy.kill()
        busy.wait()
    return seconds[2] / seconds[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args(argv)
    print(f"scaled paint, Indexed8 / RGB32:            {paint_ratio(args.repeats):6.1f}×")
    print(f"pen segment, full / partial forward:       {partial_forward_ratio(args.repeats):6.1f}×")
    print(f"digit forward, 2 / 1 BLAS threads, busy:   {blas_threads_ratio(args.repeats):6.1f}×")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()

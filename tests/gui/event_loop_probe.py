"""How long the event loop stalls: a 10 ms timer on the GUI thread and the gaps between its ticks.

A gap is measured twice: in wall time, which also counts the time the machine gave to other
processes, and in the GUI thread's own CPU time, which counts only what the GUI thread did
between two ticks (a robust measure on a busy machine). Neither tells apart the time the GUI
thread waits for the GIL while a worker runs Python code; numpy releases it in its loops.
"""

import time

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 10


class EventLoopProbe(QObject):
    """``start()``, do things through the event loop, ``stop()``; then ``longest_wall_ms`` and
    ``longest_cpu_ms`` are the longest stalls between two ticks (less one tick)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self, interval=TICK_MS, timerType=Qt.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._last = None
        self.longest_wall_ms = self.longest_cpu_ms = 0.0

    def start(self):
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()

    def stop(self):
        self._on_tick()
        self._timer.stop()

    def _on_tick(self):
        now = (time.perf_counter(), time.thread_time())
        wall, cpu = ((b - a) * 1000.0 for a, b in zip(self._last, now))
        self.longest_wall_ms = max(self.longest_wall_ms, wall - TICK_MS)
        self.longest_cpu_ms = max(self.longest_cpu_ms, cpu)
        self._last = now

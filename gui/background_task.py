"""Run one piece of heavy numpy work at a time in a worker thread, with progress and cancel.

A new run supersedes the one before: that one is asked to stop and its result is dropped, so a
view only ever receives the answer to its newest question. Results are kept per network
(``weights_key``) in a bounded ``RecentResults``. Work gets its own ``state.network_copy()``.
"""

from __future__ import annotations

import atexit
import hashlib
import sys
import threading

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

import engine
from gui.i18n import QT_TRANSLATE_NOOP
from gui.i18n.engine_messages import engine_text

# Running threads live here until they end, whoever started them: a QThread destroyed while it
# runs aborts the process, and a widget can go away while its last run still finishes.
_RUNNING = set()


class RecentResults(dict):
    """Results by key, forgetting the oldest beyond ``size`` (recent weights come back at once
    on undo and redo; old ones are not kept forever)."""

    def __init__(self, size):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value):
        if key not in self and len(self) >= self.size:
            del self[next(iter(self))]
        super().__setitem__(key, value)


def keyed(key, result):
    """``(key, result)`` for work whose answer must say what it answers; None (nothing to
    deliver) when the work was stopped and returned None."""
    return None if result is None else (key, result)


def weights_key(net) -> str:
    """A fingerprint of a network's layers and weights, to cache work on it: equal keys, equal
    answers."""
    digest = hashlib.blake2b(repr((net.input_shape, net.layers)).encode(), digest_size=16)
    for params in net.params:
        for name in sorted(params):
            digest.update(name.encode())
            digest.update(np.ascontiguousarray(params[name]).data)
    return digest.hexdigest()


def wait_for_all():
    """Stop every run and wait for it (the app is quitting)."""
    for run in list(_RUNNING):
        run.stop.set()
        run.wait()


# A script or test run that ends without quitting the application must not abort either.
atexit.register(wait_for_all)


#: what ``failed`` says when the work raised something else than a ConfigError (a bug)
UNEXPECTED = QT_TRANSLATE_NOOP(
    "BackgroundTask", "The computation failed unexpectedly; the details are in the error window.")


class _Run(QThread):
    progressed = Signal(float)
    ended = Signal(object, str, object)  # result (None when stopped), error text, fault

    def __init__(self, work):
        super().__init__()
        self.work = work
        self.stop = threading.Event()

    def run(self):
        fault = None
        try:
            result, error = self.work(self.progressed.emit, self.stop.is_set), ""
        except engine.ConfigError as exc:
            result, error = None, str(exc)[:1].upper() + str(exc)[1:]
        except Exception:  # noqa: BLE001 - a bug: shown on the GUI thread, the task goes on
            result, error, fault = None, UNEXPECTED, sys.exc_info()
        self.ended.emit(result, error, fault)


class BackgroundTask(QObject):
    """Runs ``work(report, should_stop)`` in a worker thread.

    ``work`` calls ``report(fraction)`` now and then and returns its result, or None once
    ``should_stop()`` is True. It must not touch widgets or the state.

    Signals
    -------
    progressed(float) : the newest run's share done, 0..1.
    succeeded(object) : the newest run's result.
    failed(str) : the newest run raised a ConfigError, its message; or another exception,
        which goes to ``sys.excepthook`` (the error dialog) and ``failed`` says UNEXPECTED.
    """

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._current = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(wait_for_all)

    @property
    def running(self) -> bool:
        return self._current is not None

    def start(self, work):
        """Start ``work``; a run still going is stopped and its result ignored."""
        self.cancel()
        run = self._current = _Run(work)
        _RUNNING.add(run)
        run.progressed.connect(lambda fraction: self._on_progressed(run, fraction))
        run.ended.connect(lambda result, error, fault: self._on_ended(run, result, error, fault))
        run.finished.connect(lambda: _RUNNING.discard(run))
        # Deleting it drops these connections, whose lambdas hold it: else every run (with the
        # network and drawing its work holds) would outlive its end.
        run.finished.connect(run.deleteLater)
        run.start()

    def cancel(self):
        if self._current is not None:
            self._current.stop.set()
            self._current = None

    def _on_progressed(self, run, fraction):
        if shiboken6.isValid(self) and run is self._current:
            self.progressed.emit(fraction)

    def _on_ended(self, run, result, error, fault):
        if fault is not None:
            sys.excepthook(*fault)
        if not shiboken6.isValid(self) or run is not self._current:  # gone, or superseded
            return
        self._current = None
        if error:  # in the interface language
            self.failed.emit(self.tr(UNEXPECTED) if error == UNEXPECTED else engine_text(error))
        elif result is not None:
            self.succeeded.emit(result)

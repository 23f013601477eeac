"""Run ``engine.train.train`` in a worker thread and report through queued signals.

The worker trains its own network; everything it emits is either an immutable ``Progress`` or a
fresh copy of the weights, so the GUI thread never reads an array the worker is still updating.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

import engine
from engine.train import train
from gui.i18n import fill
from gui.i18n.engine_messages import engine_text
from gui.state import copy_params

_REPORT_EVERY = 0.05  # seconds between batch reports: the curves need ~20 points a second, not 1000


@dataclass
class TrainingJob:
    """Everything one run needs; ``network`` belongs to the worker once the run starts."""

    network: engine.Network
    images: np.ndarray  # (N, H, W) or (N, C, H, W) in [0, 1]
    labels: np.ndarray  # (N,)
    epochs: int
    learning_rate: float
    batch_size: int
    optimizer: str  # "adam" or "sgd"
    augment: bool
    validation: tuple[np.ndarray, np.ndarray] | None = None


class TrainingWorker(QObject):
    """Move to a QThread and connect ``QThread.started`` to ``run``; ``cancel`` is thread-safe.

    Signals
    -------
    progressed(Progress) : a batch finished (throttled to ``_REPORT_EVERY``; an epoch's last
        batch is always reported).
    epochFinished(Progress, params) : an epoch finished; params are a copy of the weights.
    finished(params, error) : the run ended (done or cancelled): the final weights' copy and "",
        or None and the reason it could not run.
    """

    progressed = Signal(object)
    epochFinished = Signal(object, object)
    finished = Signal(object, str)

    def __init__(self, job):
        super().__init__()
        self.job = job
        self._stop = threading.Event()
        self._last_report = 0.0
        self.stopped = False

    def cancel(self):
        self._stop.set()

    def run(self):
        job = self.job
        try:
            result = train(job.network, job.images, job.labels, job.epochs, job.learning_rate,
                           job.batch_size, job.optimizer, job.augment, validation=job.validation,
                           on_batch=self._on_batch, on_epoch=self._on_epoch,
                           should_stop=self._stop.is_set)
        except engine.ConfigError as error:
            text = engine_text(str(error))
            self.finished.emit(None, text[:1].upper() + text[1:])
            return
        except Exception as error:  # noqa: BLE001 — a bug must not leave the dialog waiting forever
            self.finished.emit(None, fill(self.tr("Training failed: %1: %2"),
                                          type(error).__name__, error))
            raise
        self.stopped = result.stopped
        self.finished.emit(copy_params(job.network.params), "")

    def _on_batch(self, progress):
        now = time.perf_counter()
        if now - self._last_report >= _REPORT_EVERY or progress.batch == progress.batches:
            self._last_report = now
            self.progressed.emit(progress)

    def _on_epoch(self, progress):
        self.epochFinished.emit(progress, copy_params(self.job.network.params))

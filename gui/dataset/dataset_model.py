"""The digits the app evaluates on, and the current network's answers on them, cached per weights.

A model object (no widgets): the Dataset dock and the favourite-patches view read it and observe
its signals. The evaluation runs in a worker thread and is redone, shortly after, whenever the
network or its weights change (after every epoch of a training run, too).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal

import engine
from engine.data import SHIPPED_DIGITS, find_idx_pair, load_digits
from engine.evaluate import evaluate
from engine.train import held_out_split
from gui.background_task import BackgroundTask, RecentResults, keyed
from gui.drawing.samples import array_to_qimage, qimage_to_array
from gui.i18n import fill
from gui.i18n.engine_messages import engine_text

HELD_OUT, TRAINING = "held out", "training"


class DatasetModel(QObject):
    """Labelled digits, their held-out / training split and the network's evaluation.

    Signals
    -------
    evaluationChanged : ``evaluation`` (or ``error``) changed.
    progressed(float) : share of the running evaluation done.
    subsetChanged : the subset looked at (held out / training) changed.
    """

    evaluationChanged = Signal()
    progressed = Signal(float)
    subsetChanged = Signal()

    def __init__(self, state, folder=SHIPPED_DIGITS, parent=None):
        super().__init__(parent)
        self.state = state
        self.subset = HELD_OUT
        self.evaluation = None
        self.error = ""
        self._cache = RecentResults(16)  # (weights key, subset) -> Evaluation
        try:
            self.images, self.labels = load_digits(*find_idx_pair(folder))
            self.load_error = ""
        except engine.ConfigError as error:
            self.images, self.labels = np.zeros((0, 28, 28), np.float32), np.zeros(0, np.int64)
            self.load_error = fill(self.tr("The digits could not be read: %1"),
                                   engine_text(str(error)))
        self.training_indices, self.held_out_indices = held_out_split(len(self.labels))
        self._task = BackgroundTask(self)
        self._task.progressed.connect(self.progressed)
        self._task.succeeded.connect(self._on_evaluated)
        self._task.failed.connect(self._on_failed)
        # Weights change in bursts (an edit, an epoch preview): evaluate once they settle.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        state.networkChanged.connect(self._debounce.start)
        self.refresh()

    # ------------------------------------------------------------------ subset
    @property
    def indices(self) -> np.ndarray:
        """Positions in ``images`` of the digits of the current subset."""
        return self.held_out_indices if self.subset == HELD_OUT else self.training_indices

    def set_subset(self, subset):
        if subset != self.subset:
            self.subset = subset
            self.subsetChanged.emit()
            self.refresh()

    @property
    def running(self) -> bool:
        return self._task.running

    # -------------------------------------------------------------- evaluation
    def refresh(self):
        """Show the cached evaluation of the current weights, or start computing it."""
        self._debounce.stop()
        key = (self.state.weights_key, self.subset)
        if key in self._cache:
            self._task.cancel()
            self._publish(self._cache[key], "")
            return
        try:
            images = self.network_images(self.indices)
        except engine.ConfigError as error:
            self._task.cancel()
            self._publish(None, str(error))
            return
        labels = self.labels[self.indices]
        frozen = self.state.network_copy()
        self._publish(None, "")
        self._task.start(lambda report, stop: keyed(key, evaluate(
            frozen, images, labels, on_progress=report, should_stop=stop)))

    def network_images(self, indices) -> np.ndarray:
        """The digits at ``indices`` as the network takes them, (N, C, H, W); a ConfigError
        in the learner's words when they do not fit it."""
        if self.load_error:
            raise engine.ConfigError(self.load_error)
        channels, height, width = self.state.network.input_shape
        if self.images.shape[1:] != (height, width):
            raise engine.ConfigError(fill(self.tr(
                "The digits are %1×%2 pixels but the network takes %3×%4: set the input size to "
                "28×28 to look at them."), *self.images.shape[1:], height, width))
        return np.repeat(self.images[indices][:, None], channels, axis=1)

    def draw_digit(self, index):
        """Put digit ``index`` on the canvas, as one undo step."""
        image = fit_to_canvas(self.images[index], self.state.image_size)
        self.state.set_image(image, fill(self.tr("Dataset digit #%1 (a %2)"), index,
                                         self.labels[index]))

    def _on_evaluated(self, result):
        key, evaluation = result
        self._cache[key] = evaluation
        self._publish(evaluation, "")

    def _on_failed(self, message):
        self._publish(None, message)

    def _publish(self, evaluation, error):
        self.evaluation, self.error = evaluation, error
        self.evaluationChanged.emit()


def fit_to_canvas(image, shape):
    """``image`` (h, w) in [0, 1] resampled smoothly to the drawing's ``shape`` (H, W)."""
    if image.shape == tuple(shape):
        return np.asarray(image, np.float32)
    scaled = array_to_qimage(image).scaled(shape[1], shape[0], Qt.IgnoreAspectRatio,
                                           Qt.SmoothTransformation)
    return qimage_to_array(scaled)

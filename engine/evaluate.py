"""How a classifier does on labelled digits: predictions, confusion matrix, per-class accuracy.

Everything is computed from one batched pass of class probabilities; the confusion matrix and
the worst-first lists are plain counting and sorting on those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.errors import ConfigError


@dataclass(frozen=True)
class Evaluation:
    """A softmax network's answers on labelled images.

    Attributes
    ----------
    labels : (N,) int64, the right answers
    probabilities : (N, K) float32, the network's class probabilities
    """

    labels: np.ndarray
    probabilities: np.ndarray

    @property
    def classes(self) -> int:
        return self.probabilities.shape[1]

    @property
    def predictions(self) -> np.ndarray:
        """(N,) the most probable class of every image."""
        return self.probabilities.argmax(axis=1)

    @property
    def confusion(self) -> np.ndarray:
        """(K, K) int64: entry [t, p] counts the images of class t the network called p."""
        return confusion_matrix(self.labels, self.predictions, self.classes)

    @property
    def class_accuracy(self) -> np.ndarray:
        """(K,) the share of each class's images called right; NaN for a class with no images."""
        confusion = self.confusion
        totals = confusion.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(confusion) / totals, np.nan)

    @property
    def accuracy(self) -> float:
        return float((self.predictions == self.labels).mean()) if len(self.labels) else float("nan")

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the images of class ``true`` called ``predicted``, worst first: the least
        probability for the right class first (for a mistake: the most confidently wrong)."""
        members = np.flatnonzero((self.labels == true) & (self.predictions == predicted))
        right = self.probabilities[members, true]
        return members[np.argsort(right, kind="stable")]


def confusion_matrix(labels, predictions, classes: int) -> np.ndarray:
    """(classes, classes) int64 counts: [t, p] = how many items labelled t were predicted p."""
    labels, predictions = np.asarray(labels, np.int64), np.asarray(predictions, np.int64)
    return np.bincount(labels * classes + predictions, minlength=classes * classes).reshape(
        classes, classes)


def classify(net, images, batch_size: int = 500,
             on_progress: Callable[[float], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> np.ndarray | None:
    """Class probabilities of a softmax network for many images, a batch at a time.

    Parameters
    ----------
    net : engine.Network ending in softmax over a flat vector
    images : (N, H, W) when the network takes one channel, or (N, C, H, W); pixels in [0, 1],
        fed through ``net.network_input`` (the network's normalisation)
    on_progress : called with the share done (0..1] after every batch
    should_stop : polled before every batch; True abandons the run

    Returns
    -------
    (N, K) float32 probabilities, or None when ``should_stop`` ended the run.
    """
    if not net.is_classifier:
        raise ConfigError("evaluating needs a network that ends in softmax over a flat vector "
                          "(… → dense → softmax): its answers are those probabilities")
    out = np.empty((len(images), net.shapes[-1][0]), np.float32)
    for start in range(0, len(images), batch_size):
        if should_stop is not None and should_stop():
            return None
        batch = images[start:start + batch_size]
        out[start:start + len(batch)] = net.predict(net.network_input(batch))
        if on_progress is not None:
            on_progress(min(1.0, (start + len(batch)) / len(images)))
    return out


def evaluate(net, images, labels, **kwargs) -> Evaluation | None:
    """:func:`classify` the images and keep the answers with their labels (None if stopped).

    Raises
    ------
    ConfigError
        When the labels name classes the network has no output for.
    """
    labels = np.asarray(labels, np.int64)
    classes = net.shapes[-1][0] if net.layers else 0
    if len(labels) and (labels.min() < 0 or labels.max() >= classes):
        raise ConfigError(f"the labels run from {labels.min()} to {labels.max()} but the network "
                          f"has {classes} output{'s' if classes != 1 else ''}: end it with a "
                          f"dense layer of {labels.max() + 1} followed by softmax")
    probabilities = classify(net, images, **kwargs)
    if probabilities is None:
        return None
    return Evaluation(labels, probabilities)

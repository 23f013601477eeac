"""Evaluation: the confusion matrix is a plain count of the same predictions."""

import numpy as np
import pytest

import engine
from engine.evaluate import Evaluation, classify, confusion_matrix, evaluate


def _tiny_classifier(classes=4):
    return engine.Network((1, 6, 6), [engine.Conv2d(3, 3), engine.ReLU(), engine.Flatten(),
                                      engine.Dense(classes), engine.Softmax()], seed=3)


def test_confusion_matrix_equals_a_plain_count():
    rng = np.random.default_rng(0)
    net = _tiny_classifier()
    images, labels = rng.uniform(0, 1, (300, 6, 6)), rng.integers(0, 4, 300)
    result = evaluate(net, images, labels, batch_size=64)
    predictions = [int(np.argmax(net.forward(image)[-1])) for image in images]
    expected = np.zeros((4, 4), int)
    for label, predicted in zip(labels, predictions):
        expected[label, predicted] += 1
    np.testing.assert_array_equal(result.confusion, expected)
    assert result.confusion.sum() == 300
    np.testing.assert_allclose(result.class_accuracy, np.diag(expected) / expected.sum(axis=1))
    assert result.accuracy == pytest.approx(np.trace(expected) / 300)


def test_a_cell_lists_its_digits_worst_first():
    probabilities = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6], [0.2, 0.8], [0.6, 0.4]], np.float32)
    result = Evaluation(np.array([0, 0, 0, 1, 1]), probabilities)
    assert result.cell(0, 1).tolist() == [1, 2]  # most confidently wrong first
    assert result.cell(0, 0).tolist() == [0]
    assert result.cell(1, 0).tolist() == [4]
    np.testing.assert_array_equal(confusion_matrix([0, 0, 0, 1, 1], result.predictions, 2),
                                  [[1, 2], [1, 1]])


def test_a_class_without_digits_has_no_accuracy():
    result = Evaluation(np.array([0, 0]), np.array([[0.9, 0.1], [0.2, 0.8]], np.float32))
    assert result.class_accuracy[0] == 0.5 and np.isnan(result.class_accuracy[1])


def test_classify_reports_progress_and_stops_when_asked():
    net = _tiny_classifier()
    images = np.zeros((10, 6, 6), np.float32)
    seen = []
    assert classify(net, images, batch_size=4, on_progress=seen.append).shape == (10, 4)
    assert seen == [0.4, 0.8, 1.0]
    assert classify(net, images, batch_size=4, should_stop=lambda: True) is None


def test_classify_refuses_a_network_without_softmax():
    net = engine.Network((1, 6, 6), [engine.Conv2d(2, 3)])
    with pytest.raises(engine.ConfigError, match="softmax"):
        classify(net, np.zeros((2, 6, 6)))


def test_labels_beyond_the_outputs_are_explained():
    with pytest.raises(engine.ConfigError, match="has 4 outputs.*dense layer of 10"):
        evaluate(_tiny_classifier(), np.zeros((3, 6, 6)), [0, 9, 2])

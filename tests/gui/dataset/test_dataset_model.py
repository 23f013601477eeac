"""The shipped digits, the held-out split training uses, and the evaluation cached per weights."""

import numpy as np

import engine
from engine.evaluate import evaluate
from engine.train import held_out_split
from gui.background_task import weights_key
from gui.dataset.dataset_model import HELD_OUT, TRAINING, DatasetModel, fit_to_canvas


def test_the_shipped_digits_and_the_split_training_uses(dataset):
    assert dataset.images.shape == (8000, 28, 28) and not dataset.load_error
    fit, held = held_out_split(8000)
    np.testing.assert_array_equal(dataset.held_out_indices, held)
    np.testing.assert_array_equal(dataset.training_indices, fit)
    assert dataset.subset == HELD_OUT


def test_the_evaluation_is_the_network_answers_on_the_held_out_digits(dataset, trained_state):
    expected = evaluate(trained_state.network, dataset.images[dataset.held_out_indices],
                        dataset.labels[dataset.held_out_indices])
    np.testing.assert_array_equal(dataset.evaluation.confusion, expected.confusion)
    assert dataset.evaluation.accuracy >= 0.985


def test_it_is_cached_per_weights_and_redone_when_they_change(qtbot, dataset, trained_state):
    before = dataset.evaluation
    weight = trained_state.network.params[-2]["weight"]
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=5000,
                          check_params_cb=lambda: dataset.evaluation is not None):
        trained_state.set_param(len(trained_state.network.layers) - 2, "weight", weight * 0)
    assert dataset.evaluation.accuracy < 0.2  # every score equal: one class wins everywhere
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=5000):
        trained_state.undo_stack.undo()
    qtbot.waitUntil(lambda: dataset.evaluation is not None)
    assert dataset.evaluation is before  # the cached one, not recomputed
    assert not dataset.running


def test_the_training_digits_are_labelled_as_such(qtbot, dataset):
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=10000,
                          check_params_cb=lambda: dataset.evaluation is not None):
        dataset.set_subset(TRAINING)
    assert len(dataset.evaluation.labels) == 7000


def test_a_network_of_another_input_size_is_told_why(qapp, trained_state):
    trained_state.set_input_shape((1, 32, 32))
    model = DatasetModel(trained_state)
    assert model.evaluation is None and "set the input size to 28×28" in model.error


def test_a_missing_folder_is_explained(qapp, state, tmp_path):
    model = DatasetModel(state, folder=tmp_path)
    assert "could not be read" in model.error and len(model.labels) == 0


def test_weights_key_and_fit_to_canvas():
    net = engine.default_digit_network()
    key = weights_key(net)
    assert weights_key(engine.default_digit_network()) == key
    net.params[0]["bias"][0] += 1
    assert weights_key(net) != key
    digit = np.zeros((28, 28), np.float32)
    digit[10:18, 12:16] = 1
    assert fit_to_canvas(digit, (28, 28)) is digit
    large = fit_to_canvas(digit, (56, 56))
    assert large.shape == (56, 56) and large[20:36, 24:32].mean() > 0.9 and large[:16].max() == 0


def test_an_edited_network_is_evaluated_and_one_without_softmax_is_told_why(qtbot, dataset,
                                                                            trained_state):
    layers = list(trained_state.network.layers)
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=10000,
                          check_params_cb=lambda: dataset.evaluation is not None):
        trained_state.set_layers(layers[:7] + layers[9:])  # without dense1 and its ReLU
    assert dataset.evaluation.confusion.sum() == 1000  # a fresh dense layer: about chance
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=10000,
                          check_params_cb=lambda: bool(dataset.error)):
        trained_state.set_layers(layers[:-1])
    assert "softmax" in dataset.error and dataset.evaluation is None


def test_a_network_with_too_few_classes_is_told_why(qtbot, dataset, trained_state):
    layers = list(trained_state.network.layers)
    with qtbot.waitSignal(dataset.evaluationChanged, timeout=10000,
                          check_params_cb=lambda: bool(dataset.error)):
        trained_state.set_layers(layers[:-2] + [engine.Dense(3), engine.Softmax()])
    assert "has 3 outputs" in dataset.error and dataset.evaluation is None

"""gui.maps.prediction_view: the top class and the probability bars follow the drawing."""

import numpy as np
import pytest

from gui.maps.prediction_view import NO_SOFTMAX, NOTHING_DRAWN, PredictionView


@pytest.fixture
def view(shown, state):
    return shown(PredictionView(state), 420, 300)


def stroke(state, qtbot, rows, cols):
    image = np.zeros((28, 28), np.float32)
    image[rows, cols] = 1.0
    with qtbot.waitSignal(state.activationsChanged):
        state.set_image(image)


def test_shows_the_most_probable_class_and_every_probability(qtbot, view, state):
    for rows, cols in [(slice(4, 24), slice(13, 15)), (slice(6, 22), slice(6, 22))]:
        stroke(state, qtbot, rows, cols)
        probabilities = state.probabilities
        top = int(np.argmax(probabilities))
        assert view.digit.text() == str(top)
        assert f"{probabilities[top]:.0%}" in view.detail.text()
        np.testing.assert_array_equal(view.bars.bars.opts["height"], probabilities)
        assert view.bars.marker.isVisible() and list(view.bars.marker.opts["x"]) == [top]
    assert view.bars.shape == (10,) and view.digit.isVisible() and not view.reason.isVisible()
    ticks = view.bars.plot.getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == [str(k) for k in range(10)]


def test_without_softmax_says_why_and_comes_back(qtbot, view, state):
    stroke(state, qtbot, slice(4, 24), slice(13, 15))
    layers = list(state.network.layers)
    with qtbot.waitSignal(state.activationsChanged):
        state.set_layers(layers[:-1])
    assert state.probabilities is None
    assert view.reason.isVisible() and not view.digit.isVisible() and not view.bars.isVisible()
    with qtbot.waitSignal(state.activationsChanged):
        state.undo_stack.undo()
    assert view.digit.isVisible() and not view.reason.isVisible()
    assert view.digit.text() == str(int(np.argmax(state.probabilities)))


def test_follows_the_number_of_classes(qtbot, view, state):
    from engine.layers import Dense, Softmax
    stroke(state, qtbot, slice(4, 24), slice(13, 15))
    layers = list(state.network.layers)[:-2] + [Dense(4), Softmax()]
    with qtbot.waitSignal(state.activationsChanged):
        assert state.set_layers(layers) == ""
    assert view.bars.shape == (4,)
    assert view.digit.text() in {"0", "1", "2", "3"}


def test_a_blank_canvas_says_nothing_is_drawn_instead_of_predicting(qtbot, view, state):
    assert not state.image.any()
    assert view.reason.isVisible() and view.reason.text() == NOTHING_DRAWN
    assert not view.digit.isVisible() and not view.bars.isVisible()
    stroke(state, qtbot, slice(4, 24), slice(13, 15))
    assert view.digit.isVisible() and not view.reason.isVisible()
    with qtbot.waitSignal(state.activationsChanged):
        state.clear_image()
    assert view.reason.isVisible() and view.reason.text() == NOTHING_DRAWN
    with qtbot.waitSignal(state.activationsChanged):
        state.set_layers(list(state.network.layers)[:-1])
    assert view.reason.text() == NO_SOFTMAX  # the network's reason comes first

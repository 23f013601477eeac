"""The engine's public functions refuse what they cannot compute with a ConfigError in words,
never a numpy TypeError, a ComplexWarning or a silently wrong answer."""

import warnings

import numpy as np
import pytest

import engine
from engine import ConfigError, ops
from engine.erf import effective_receptive_field

NET = engine.default_digit_network()
IMAGE = np.zeros((28, 28), np.float32)

REFUSALS = {
    "object image": (lambda: NET.forward(np.full((28, 28), object())), "not object values"),
    "complex image": (lambda: NET.forward(np.zeros((28, 28), complex)), "not complex128 values"),
    "text image": (lambda: NET.forward("abc"), "must hold real numbers"),
    "ragged image": (lambda: NET.forward([[1, 2], [3]]), "array of numbers with one shape"),
    "empty batch": (lambda: NET.forward(np.zeros((0, 1, 28, 28))), "the batch is empty"),
    "empty batch predict": (lambda: NET.predict(np.zeros((0, 28, 28))), "the batch is empty"),
    "forward upto 1.5": (lambda: NET.forward(IMAGE, upto=1.5), "upto must be a whole number"),
    "conv bogus padding mode at padding 0": (lambda: ops.conv2d(
        np.zeros((1, 5, 5)), np.zeros((1, 1, 3, 3)), padding_mode="bogus"), "not 'bogus'"),
    "conv stride True": (lambda: ops.conv2d(np.zeros((1, 5, 5)), np.zeros((1, 1, 3, 3)),
                                            stride=True), "stride must be a whole number"),
    "conv stride None": (lambda: ops.conv2d(np.zeros((1, 5, 5)), np.zeros((1, 1, 3, 3)),
                                            stride=None), "stride must be a whole number"),
    "pool stride True": (lambda: ops.pool2d(np.zeros((1, 5, 5)), 2, stride=True),
                         "stride must be a whole number"),
    "conv complex input": (lambda: ops.conv2d(np.zeros((1, 5, 5), complex),
                                              np.zeros((1, 1, 3, 3))), "not complex128 values"),
    "conv object kernel": (lambda: ops.conv2d(np.zeros((1, 5, 5)),
                                              np.zeros((1, 1, 3, 3), object)), "not object values"),
    "conv empty batch": (lambda: ops.conv2d(np.zeros((0, 1, 5, 5)), np.zeros((1, 1, 3, 3))),
                         "not an array of shape (0, 1, 5, 5)"),
    "relu object": (lambda: ops.relu(np.zeros(3, object)), "not object values"),
    "softmax complex": (lambda: ops.softmax(np.zeros(3, complex)), "not complex128 values"),
    "tanh text": (lambda: ops.tanh(np.array(["a"])), "must hold real numbers"),
    "receptive field row 1.5": (lambda: NET.receptive_field(0, 1.5, 0), "row must be a whole"),
    "receptive field col True": (lambda: NET.receptive_field(0, 0, True), "col must be a whole"),
    "explain row 1.5": (lambda: NET.explain(0, 0, 1.5, 0, IMAGE), "row must be a whole number"),
    "explain channel 0.5": (lambda: NET.explain(0, 0.5, 1, 0, IMAGE), "channel must be a whole"),
    "erf row 1.5": (lambda: effective_receptive_field(NET, 0, 0, 1.5, 0, IMAGE),
                    "row must be a whole number"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_api_refuses_in_words(case):
    call, words = REFUSALS[case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ConfigError) as info:
            call()
    assert words in str(info.value)


def test_whole_floats_and_numpy_integers_still_work():
    assert NET.receptive_field(np.int64(0), np.int32(3), 4).row == 3
    out = ops.conv2d(np.ones((1, 5, 5)), np.ones((1, 1, 3, 3)), stride=2.0)
    assert out.shape == (1, 2, 2)

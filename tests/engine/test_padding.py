"""engine.padding: output sizes, the padding forms and torch's four padding modes."""

import numpy as np
import pytest

from engine import ConfigError, output_size, pad2d, resolve_padding
from engine.padding import PADDING_MODES, output_size_formula
from tests.engine import reference as ref


@pytest.mark.parametrize("n, k, s, p, d, ceil_mode, expected", [
    (28, 5, 1, 2, 1, False, 28),   # "same" for the digit network
    (32, 3, 1, 0, 1, False, 30),
    (5, 3, 2, 1, 1, False, 3),     # cs231n demo
    (7, 3, 2, 0, 1, False, 3),
    (227, 11, 4, 0, 1, False, 55),  # AlexNet conv1
    (224, 3, 1, 1, 1, False, 224),
    (7, 3, 1, 0, 2, False, 3),     # dilation 2 makes the kernel span 5
    (5, 2, 2, 0, 1, False, 2),
    (5, 2, 2, 0, 1, True, 3),      # ceil mode keeps the partial window
    (3, 2, 2, 1, 1, True, 2),      # ...unless it would start in the right padding
    (4, (2, 1), 1, (1, 0), 1, False, None),  # bad kernel: a pair is not a length
])
def test_output_size(n, k, s, p, d, ceil_mode, expected):
    if expected is None:
        with pytest.raises((ConfigError, TypeError)):
            output_size(n, k, s, p, d, ceil_mode)
        return
    assert output_size(n, k, s, p, d, ceil_mode) == expected


def test_output_size_with_asymmetric_padding_uses_the_sum():
    assert output_size(4, 3, padding=(2, 0)) == 4
    with pytest.raises(ConfigError, match="after padding"):
        output_size(3, 5)


def test_resolve_padding_forms():
    assert resolve_padding(2, 3) == ((2, 2), (2, 2))
    assert resolve_padding((1, 2), 3) == ((1, 1), (2, 2))
    assert resolve_padding(((2, 0), (2, 0)), 3) == ((2, 0), (2, 0))  # causal
    assert resolve_padding("valid", 5) == ((0, 0), (0, 0))
    assert resolve_padding("same", (4, 3)) == ((1, 2), (1, 1))  # extra goes bottom/right
    assert resolve_padding("same", 3, dilation=2) == ((2, 2), (2, 2))
    assert resolve_padding("full", (3, 2)) == ((2, 2), (1, 1))
    for bad in ("half", -1, (1, 2, 3)):
        with pytest.raises(ConfigError):
            resolve_padding(bad, 3)


def test_pad2d_modes_match_reference():
    x = np.arange(12.0).reshape(3, 4)
    pads = ((2, 1), (3, 2))
    for mode in PADDING_MODES:
        out = pad2d(x, pads, mode)
        expected = [[ref.padded_value(x, r - 2, c - 3, mode) for c in range(9)] for r in range(6)]
        np.testing.assert_array_equal(out, expected)
    assert pad2d(x.astype(np.float32), pads, value=-np.inf).dtype == np.float32


@pytest.mark.parametrize("args, text", [
    ((28, 3, 1, (1, 1)), "⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28"),
    ((28, 5, 2, (0, 0)), "⌊(28 − 5) / 2⌋ + 1 = 12"),
    ((28, 3, 1, (0, 1)), "⌊(28 + 0 + 1 − 3) / 1⌋ + 1 = 27"),
    ((28, 3, 1, (2, 2), 2), "⌊(28 + 2·2 − 2·(3 − 1) − 1) / 1⌋ + 1 = 28"),
    ((5, 2, 2, (0, 0), 1, True), "⌈(5 − 2) / 2⌉ + 1 = 3"),
])
def test_output_size_formula_fills_in_the_numbers(args, text):
    assert output_size_formula(*args) == text

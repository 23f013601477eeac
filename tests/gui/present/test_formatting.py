"""The text of the inspector and the receptive-field table, checked without Qt."""

import numpy as np
import pytest

from gui.present.formatting import conv_sum_lines, factor, grid_numbers, number, products


@pytest.mark.parametrize("value, text", [
    (-8.0, "−8"), (4, "4"), (0.5, "0.5"), (1 / 3, "0.333"), (-0.0, "0"), (-2 / 3, "−0.667"),
    (12345.678, "1.23e+04"), (float("-inf"), "−∞"), (float("nan"), "NaN"), (np.float32(0.1), "0.1"),
])
def test_number(value, text):
    assert number(value) == text


def test_grid_numbers_share_their_decimals():
    assert grid_numbers([[2.97, 0.5], [0, -1.25]]) == [["2.97", "0.50"], ["0", "−1.25"]]
    assert grid_numbers([[0.208, -0.00765]]) == [["0.208", "−0.008"]]
    assert grid_numbers([[1, 0], [-4, 2]]) == [["1", "0"], ["−4", "2"]]
    assert grid_numbers([[123.4, 0.04]]) == [["123", "0"]]
    assert grid_numbers([[0.5, float("-inf")], [0.25, 1]]) == [["0.50", "−∞"], ["0.25", "1.00"]]
    assert grid_numbers([[0.5, -1.5]]) == [["0.5", "−1.5"]]


def test_a_huge_value_does_not_round_its_neighbours_away():
    """A weight typed as 3e38 left −0.205 as "0" and wrote itself with 39 digits."""
    assert grid_numbers([[3e38, -0.205], [0.362, 0]]) == [["3e+38", "−0.205"], ["0.362", "0"]]
    assert grid_numbers([[2e6, 1]]) == [["2e+06", "1"]]


def test_negative_factors_get_parentheses():
    assert (factor(-4), factor(4), factor(0)) == ("(−4)", "4", "0")


def test_products_spell_out_short_sums_and_elide_long_ones():
    assert products([4, 0, 2], [0, 0, -4]) == "4·0 + 0·0 + 2·(−4)"
    long = products(np.arange(25), np.ones(25))
    assert long == "0·1 + 1·1 + 2·1 + … + 24·1"


def test_conv_sum_single_channel_is_the_textbook_line():
    window = np.array([[[4, 0], [1, 2]]], float)
    kernel = np.array([[[0, 0], [-1, -4]]], float)
    lines = conv_sum_lines(window, kernel, bias=0.5, value=-8.5)
    assert lines == ["4·0 + 0·0 + 1·(−1) + 2·(−4) = −9",
                     "Σ products + bias = −9 + 0.5 = −8.5"]


def test_conv_sum_several_channels_is_summarized_per_channel():
    window = np.ones((3, 5, 5))
    kernel = np.stack([np.full((5, 5), v) for v in (1.0, -1.0, 0.5)])
    lines = conv_sum_lines(window, kernel, bias=-1, value=11.5)
    assert lines[0] == "channel 1: 1·1 + 1·1 + 1·1 + … + 1·1 = 25"
    assert lines[1].startswith("channel 2: 1·(−1)") and lines[1].endswith("= −25")
    assert lines[-1] == "Σ products + bias = 25 + (−25) + 12.5 + (−1) = 11.5"

"""The kernel-cell parser: numbers, fractions and products in, everything else refused."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.editors.cell_parser import CellError, format_cell, format_cells, parse_cell


@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0.0), ("-2", -2.0), ("+3", 3.0), ("0.25", 0.25), (".5", 0.5), ("7.", 7.0),
    ("1e-3", 0.001), ("1/9", 1 / 9), ("4/273", 4 / 273), ("2*0.5", 1.0), ("-1/8", -0.125),
    ("3*2/4", 1.5), ("  1 / 16 ", 1 / 16), ("−1", -1.0), ("2×3", 6.0), ("1÷4", 0.25),
    ("2·-1", -2.0), ("0,5", 0.5),
])
def test_accepts_numbers_fractions_and_products(text, expected):
    assert parse_cell(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "", "   ", "abc", "1/", "/9", "1//9", "2**3", "1+1", "(1)", "__import__('os')", "1 2",
    "nan", "inf", "1e", "--1x", "9**99",
])
def test_rejects_anything_else_with_a_message(text):
    with pytest.raises(CellError, match=r"\S"):
        parse_cell(text)


def test_division_by_zero_is_explained():
    with pytest.raises(CellError, match="divides by zero"):
        parse_cell("1/0")


def test_overflow_is_refused():
    with pytest.raises(CellError, match="too large"):
        parse_cell("1e308*10")


@settings(max_examples=50)
@given(st.integers(-50, 50), st.integers(1, 300))
def test_fraction_matches_exact_arithmetic(numerator, denominator):
    assert parse_cell(f"{numerator}/{denominator}") == pytest.approx(
        float(Fraction(numerator, denominator)))


@settings(max_examples=50)
@given(st.floats(-1e5, 1e5, allow_nan=False))
def test_formatted_values_parse_back_closely(value):
    assert parse_cell(format_cell(value)) == pytest.approx(value, rel=1e-3, abs=1e-9)


def test_grid_cells_share_their_decimals_and_keep_tiny_values_visible():
    assert format_cells([[0.2, -0.2803], [0, 1 / 9]]) == [["0.2000", "−0.2803"], ["0", "0.1111"]]
    assert format_cells([[0.5, -0.25], [1, 0]]) == [["0.50", "−0.25"], ["1.00", "0"]]
    assert format_cells([[-1, 0], [2, 3]]) == [["−1", "0"], ["2", "3"]]
    assert format_cells([[0.5, -0.00003]]) == [["0.5", "−3e−5"]]  # not "−0.0"
    # narrow cells: fewer decimals for the whole grid, not for the widest cell alone
    assert format_cells([[-0.2803, 0.2]], lambda t: len(t) <= 6) == [["−0.280", "0.200"]]
    assert format_cells([[-0.2803, 0.004]], lambda t: len(t) <= 5) == [["−0.28", "0.004"]]


@settings(max_examples=50)
@given(st.lists(st.floats(-100, 100, allow_nan=False, width=32), min_size=1, max_size=25))
def test_grid_cells_parse_back_closely_with_their_sign(values):
    for value, text in zip(values, format_cells([values])[0]):
        assert parse_cell(text) == pytest.approx(value, rel=0.1, abs=1e-4)
        assert text.startswith("−") == (parse_cell(text) < 0) and "-" not in text


def test_format_is_compact():
    assert format_cell(2.0) == "2"
    assert format_cell(-0.125) == "−0.125"  # the typographic minus of every display
    assert format_cell(1 / 9) == "0.1111"


@pytest.mark.parametrize("text", ["1e39", "-1e39", "1e20*1e20", "3.5e38"])
def test_values_beyond_float32_are_refused(text):
    with pytest.raises(CellError, match="too large to store: weights are 32-bit floats"):
        parse_cell(text)
    assert parse_cell("3.4e38") == pytest.approx(3.4e38)


@pytest.mark.parametrize("value, room, shown", [
    (-0.05036, 8, "−0.05036"), (-0.05036, 5, "−0.05"), (-5.312e-05, 7, "−5.3e−5"),
    (-5.312e-05, 2, "−5e−5"), (0.003849, 5, "0.004"), (-0.0003849, 6, "−4e−4")])
def test_format_to_a_width_keeps_the_sign_and_the_size(value, room, shown):
    text = format_cell(value, lambda t: len(t) <= room)
    assert text == shown
    assert parse_cell(text) == pytest.approx(value, rel=0.5)

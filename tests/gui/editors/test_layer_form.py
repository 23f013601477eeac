"""The panel's texts: padding in both directions, row shapes and the filled-in formulas."""

import pytest

import engine
from gui.editors.layer_form import (formula_lines, input_shape, layer_help, new_layers, padding_text,
                                    parse_padding, shape_text)


@pytest.mark.parametrize(("text", "padding"), [
    ("0", 0), (" 2 ", 2), ("same", "same"), ("Valid", "valid"), ("full", "full"),
    ("1, 2", (1, 2)), ("(1,2)", (1, 2)), ("(2, 0), (2, 0)", ((2, 0), (2, 0))),
    ("(1,3),(0,2)", ((1, 3), (0, 2))),
])
def test_padding_text_round_trips(text, padding):
    assert parse_padding(text) == padding
    assert parse_padding(padding_text(padding)) == padding


@pytest.mark.parametrize("text", ["-1", "1, -2", "(0, −3), (1, 1)"])
def test_negative_padding_is_told_it_must_be_at_least_zero(text):
    with pytest.raises(ValueError, match="padding must be ≥ 0"):
        parse_padding(text)


@pytest.mark.parametrize("text", ["", "1.5", "samee", "(1, 2, 3)", "((1,2),(3,4))", "a, b"])
def test_padding_rejects_other_text_saying_what_is_accepted(text):
    with pytest.raises(ValueError, match="top, bottom"):
        parse_padding(text)


def test_the_add_menu_offers_every_registered_kind_with_help():
    offered = new_layers()
    assert {spec.kind for spec in offered.values()} == set(engine.LAYER_TYPES)
    assert all(layer_help(spec) for spec in offered.values())
    assert offered["Convolution"] == engine.Conv2d(8, 3, padding=1)


def test_transposed_conv_formula_is_filled_in():
    spec = engine.ConvTranspose2d(4, 3, stride=2, padding=1, output_padding=1)
    assert formula_lines(spec, (1, 7, 7)) == [
        "height and width: (7 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 14"]
    assert formula_lines(engine.BatchNorm2d(), (3, 5, 5)) == []


def test_shapes_and_inputs():
    net = engine.default_digit_network()
    assert shape_text(net.shapes[0]) == "8×28×28"
    assert input_shape(net, 0) == (1, 28, 28)
    assert input_shape(net, 3) == (8, 14, 14)


def test_conv_formula_textbook_numbers():
    assert formula_lines(engine.Conv2d(8, 5, padding=2), (1, 28, 28)) == [
        "height and width: ⌊(28 + 2·2 − 5) / 1⌋ + 1 = 28"]


def test_dilated_formula_uses_the_general_form():
    (line,) = formula_lines(engine.Conv2d(8, 5, padding=2, dilation=2), (1, 28, 28))
    assert line.endswith("⌊(28 + 2·2 − 2·(5 − 1) − 1) / 1⌋ + 1 = 24")
    assert engine.output_size(28, 5, 1, 2, 2) == 24


def test_floor_is_noted_when_the_division_is_not_exact():
    (line,) = formula_lines(engine.Conv2d(1, 3, stride=2), (1, 28, 28))
    assert "⌊(28 − 3) / 2⌋ + 1 = 13" in line
    assert "25 / 2 is not whole" in line and "dropped" in line
    (exact,) = formula_lines(engine.Conv2d(1, 3, stride=2, padding=1), (1, 29, 29))
    assert "not whole" not in exact


def test_ceil_mode_pool_rounds_up():
    (line,) = formula_lines(engine.MaxPool2d(2, ceil_mode=True), (4, 7, 7))
    assert "⌈(7 − 2) / 2⌉ + 1 = 4" in line and "kept" in line


def test_unequal_axes_and_causal_padding_get_one_line_each():
    lines = formula_lines(engine.Conv2d(1, 3, padding=((2, 0), (1, 1))), (1, 10, 12))
    assert lines == ["height: ⌊(10 + 2 + 0 − 3) / 1⌋ + 1 = 10",
                     "width: ⌊(12 + 2·1 − 3) / 1⌋ + 1 = 12"]


def test_a_kernel_that_does_not_fit_shows_why():
    (line,) = formula_lines(engine.Conv2d(1, 7), (1, 5, 5))
    assert line.endswith("⌊(5 − 7) / 1⌋ + 1 = −1")


def test_dense_and_flatten_sizes():
    assert formula_lines(engine.Flatten(), (16, 7, 7)) == ["16 · 7 · 7 = 784 numbers in one list"]
    assert formula_lines(engine.Dense(10), (64,)) == [
        "10 × 64 weights + 10 biases = 650 parameters"]
    assert formula_lines(engine.ReLU(), (8, 28, 28)) == []

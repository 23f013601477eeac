"""gui.present.naming: one wording for units and shapes, whatever widget shows them."""

import engine
from gui.present.naming import channel_name, input_channel_name, shape_text, unit_name
from gui.state import Unit


def _net():
    return engine.Network((1, 8, 8), [engine.Conv2d(2, 3, padding=1), engine.MaxPool2d(2),
                                      engine.Flatten(), engine.Dense(3), engine.Softmax()])


def test_map_units_count_channels_from_1_and_positions_from_0():
    net = _net()
    assert unit_name(net, Unit(0, 1, 5, 7)) == "conv1 · filter 2 · row 5 · col 7"
    assert unit_name(net, Unit(1, 0, 0, 3)) == f"{net.names[1]} · channel 1 · row 0 · col 3"


def test_flat_units_count_from_0_and_the_softmax_names_classes():
    net = _net()
    assert unit_name(net, Unit(3, 2, 0, 0)) == f"{net.names[3]} · unit 2"
    assert unit_name(net, Unit(4, 2, 0, 0)) == f"{net.names[4]} · class 2"


def test_shape_text():
    assert shape_text((8, 28, 28)) == "8×28×28"
    assert shape_text((10,)) == "10"
    assert shape_text((3, 5), " × ") == "3 × 5"


def test_input_channels_are_named_by_colour_only_where_the_first_layer_reads_colour():
    colour = engine.Network((3, 8, 8), [engine.Conv2d(4, 3), engine.Conv2d(3, 3)])
    assert [input_channel_name(colour, 0, c) for c in range(3)] == ["input R", "input G",
                                                                     "input B"]
    assert input_channel_name(colour, 1, 2) == "input channel 3"
    grey = engine.Network((1, 8, 8), [engine.Conv2d(4, 3)])
    assert input_channel_name(grey, 0, 0) == "input channel 1"


def test_a_whole_channel_is_named_without_a_position():
    net = _net()
    assert channel_name(net, 0, 1) == "conv1 · filter 2"
    assert channel_name(net, 1, 0) == "pool1 · channel 1"
    assert channel_name(net, 4, 2) == unit_name(net, Unit(4, 2, 0, 0)) == "softmax1 · class 2"

"""How the app names what it shows: a unit of a map, a shape. One wording, everywhere.

Channels count from 1 (the first filter is "filter 1", as a learner counts) and positions from 0,
as the maps' axes and ``engine`` index them; a flat layer's units count from 0, so class 3 of the
last layer is the digit 3.
"""

from __future__ import annotations


def unit_name(network, unit):
    """'conv1 · filter 4 · row 5 · col 7', 'pool1 · channel 2 · …', 'dense2 · unit 3',
    'softmax · class 3' for ``unit`` (layer, channel, row, col) of ``network``."""
    name = channel_name(network, unit.layer, unit.channel)
    if len(network.shapes[unit.layer]) == 1:
        return name
    return f"{name} · row {unit.row} · col {unit.col}"


def channel_name(network, layer, channel):
    """'conv1 · filter 4', 'pool1 · channel 2', 'dense2 · unit 3', 'softmax · class 3': a whole
    map of layer ``layer`` (or one unit of a flat layer)."""
    name, kind = network.names[layer], network.layers[layer].kind
    if len(network.shapes[layer]) == 1:
        what = "class" if kind == "softmax" else "unit"
        return f"{name} · {what} {channel}"
    what = "filter" if kind in ("conv2d", "conv_transpose2d") else "channel"
    return f"{name} · {what} {channel + 1}"


def shape_text(shape, separator="×"):
    """(8, 28, 28) -> '8×28×28'; a title spaces it out with ``separator=" × "``."""
    return separator.join(str(n) for n in shape)

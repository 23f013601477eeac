"""How the app names what it shows: a unit of a map, a shape. One wording, everywhere.

Channels count from 1 (the first filter is "filter 1", as a learner counts) and positions from 0,
as the maps' axes and ``engine`` index them; a flat layer's units count from 0, so class 3 of the
last layer is the digit 3.
"""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP, fill


def unit_name(network, unit, tr=str):
    """'conv1 · filter 4 · row 5 · col 7', 'pool1 · channel 2 · …', 'dense2 · unit 3',
    'softmax · class 3' for ``unit`` (layer, channel, row, col) of ``network``; ``tr``
    translates the words (context "naming")."""
    name = channel_name(network, unit.layer, unit.channel, tr)
    if len(network.shapes[unit.layer]) == 1:
        return name
    return fill(tr(QT_TRANSLATE_NOOP("naming", "%1 · row %2 · col %3")), name, unit.row, unit.col)


def channel_name(network, layer, channel, tr=str):
    """'conv1 · filter 4', 'pool1 · channel 2', 'dense2 · unit 3', 'softmax · class 3': a whole
    map of layer ``layer`` (or one unit of a flat layer); ``tr`` translates the words."""
    name, kind = network.names[layer], network.layers[layer].kind
    if len(network.shapes[layer]) == 1:
        what = (QT_TRANSLATE_NOOP("naming", "%1 · class %2") if kind == "softmax" else
                QT_TRANSLATE_NOOP("naming", "%1 · unit %2"))
        return fill(tr(what), name, channel)
    what = (QT_TRANSLATE_NOOP("naming", "%1 · filter %2") if kind in ("conv2d", "conv_transpose2d")
            else QT_TRANSLATE_NOOP("naming", "%1 · channel %2"))
    return fill(tr(what), name, channel + 1)


def shape_text(shape, separator="×"):
    """(8, 28, 28) -> '8×28×28'; a title spaces it out with ``separator=" × "``."""
    return separator.join(str(n) for n in shape)


#: the colour channels of a 3-channel input, in order
COLOUR_CHANNELS = ("R", "G", "B")


def input_channel_name(network, layer, channel, tr=str):
    """How a learner calls input channel ``channel`` (0-based) of ``layer``: the colour 'R', 'G'
    or 'B' where the first layer reads a colour image, else 'input channel 2' (1-based); ``tr``
    translates the words (context "naming")."""
    if layer == 0 and network.input_shape[0] == 3:
        return fill(tr(QT_TRANSLATE_NOOP("naming", "input %1")), COLOUR_CHANNELS[channel])
    return fill(tr(QT_TRANSLATE_NOOP("naming", "input channel %1")), channel + 1)

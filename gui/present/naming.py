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
    name, kind = network.names[unit.layer], network.layers[unit.layer].kind
    if len(network.shapes[unit.layer]) == 1:
        what = (QT_TRANSLATE_NOOP("naming", "%1 · class %2") if kind == "softmax" else
                QT_TRANSLATE_NOOP("naming", "%1 · unit %2"))
        return fill(tr(what), name, unit.channel)
    what = (QT_TRANSLATE_NOOP("naming", "%1 · filter %2 · row %3 · col %4")
            if kind in ("conv2d", "conv_transpose2d")
            else QT_TRANSLATE_NOOP("naming", "%1 · channel %2 · row %3 · col %4"))
    return fill(tr(what), name, unit.channel + 1, unit.row, unit.col)


def shape_text(shape, separator="×"):
    """(8, 28, 28) -> '8×28×28'; a title spaces it out with ``separator=" × "``."""
    return separator.join(str(n) for n in shape)

"""The words and numbers of the layer panel and editor, kept free of Qt so they are tested alone.

New-layer templates for the add menu, one-line explanations per layer kind, the padding field's
text in both directions, list-row labels and the output-size formula per axis. The words are
marked for translation (context "LayerForm"); functions that compose sentences take ``tr``, the
GUI's translate function for that context (English, unchanged, by default).
"""

from __future__ import annotations

import re

import engine
from gui.i18n import QT_TRANSLATE_NOOP, fill
from gui.present.naming import shape_text



def new_layers():
    """The Add layer menu: label -> the layer inserted, one per registered kind (sizes chosen so
    the map size is kept)."""
    return {cls.title: cls(**(cls.template or {})) for cls in engine.LAYER_TYPES.values()}


def layer_help(spec):
    """What the layer does, in one sentence (the spec's own words)."""
    return spec.summary

ACTIVATIONS = {"ReLU": engine.ReLU, "Leaky ReLU": engine.LeakyReLU,
               "Sigmoid": engine.Sigmoid, "Tanh": engine.Tanh}
POOLS = {QT_TRANSLATE_NOOP("LayerForm", "max"): engine.MaxPool2d,
         QT_TRANSLATE_NOOP("LayerForm", "average"): engine.AvgPool2d}

_INT = r"\s*\d+\s*"
_PAIR = rf"\(?({_INT}),({_INT})\)?"
_SIDES = rf"\s*\(({_INT}),({_INT})\)\s*,\s*\(({_INT}),({_INT})\)\s*"
PADDING_HELP = QT_TRANSLATE_NOOP(
    "LayerForm", "type a number, valid, same, full, a (rows, cols) pair like 1, 2, or "
    "(top, bottom), (left, right) like (2, 0), (2, 0)")


def parse_padding(text, tr=str):
    """The padding a learner typed: int, "valid"/"same"/"full", (rows, cols) or per side.

    Raises ValueError (with what is accepted, in the language of ``tr``) for anything else.
    """
    text = text.strip().lower()
    if re.search(r"[-−]\s*\d", text):
        raise ValueError(fill(tr(QT_TRANSLATE_NOOP(
            "LayerForm", "padding must be ≥ 0 (pixels added at a border), not %1")), text))
    if text in ("valid", "same", "full"):
        return text
    if re.fullmatch(_INT, text):
        return int(text)
    for pattern in (_PAIR, _SIDES):
        match = re.fullmatch(pattern, text)
        if match:
            numbers = [int(n) for n in match.groups()]
            return tuple(numbers) if len(numbers) == 2 else (tuple(numbers[:2]), tuple(numbers[2:]))
    raise ValueError(fill(tr(QT_TRANSLATE_NOOP("LayerForm", "padding '%1' not understood: %2")),
                          text, tr(PADDING_HELP)))


def padding_text(padding):
    """Inverse of :func:`parse_padding`."""
    if isinstance(padding, tuple) and isinstance(padding[0], tuple):
        return ", ".join(f"({a}, {b})" for a, b in padding)
    if isinstance(padding, tuple):
        return f"{padding[0]}, {padding[1]}"
    return str(padding)


def input_shape(network, layer):
    """The shape layer ``layer`` receives: the network input or the previous layer's output."""
    return tuple(network.input_shape) if layer == 0 else tuple(network.shapes[layer - 1])


def formula_lines(spec, in_shape, tr=str):
    """The output-size arithmetic of ``spec`` on ``in_shape`` (the spec's own, numbers filled
    in), labelled per axis; equal axes share one line; [] for layers that keep the size. ``tr``
    translates the words (context "LayerForm").

    When a window's division is not exact a note says the last partial window is dropped (or
    kept in ceil mode). Raises ConfigError when even the window cannot be built (e.g. padding
    larger than a pool window).
    """
    lines = list(spec.formula(in_shape))
    window = spec.window(in_shape) if len(lines) == 2 else None
    if window is not None:
        ceil_mode = getattr(spec, "ceil_mode", False)
        for axis, (n, k, s, d, pads) in enumerate(zip(in_shape[1:], *window)):
            room = n + sum(pads) - d * (k - 1) - 1
            if room >= 0 and room % s:
                rounding = (tr(QT_TRANSLATE_NOOP("LayerForm", "(%1 / %2 is not whole, so rounded "
                                                 "up: a last partial window is kept)"))
                            if ceil_mode else
                            tr(QT_TRANSLATE_NOOP("LayerForm", "(%1 / %2 is not whole, so rounded "
                                                 "down: the last partial window is dropped)")))
                lines[axis] += "   " + fill(rounding, room, s)
    if len(lines) != 2:
        return lines  # the engine's words: the caller translates them as engine messages
    if lines[0] == lines[1]:
        return [fill(tr(QT_TRANSLATE_NOOP("LayerForm", "height and width: %1")), lines[0])]
    return [fill(tr(QT_TRANSLATE_NOOP("LayerForm", "height: %1")), lines[0]),
            fill(tr(QT_TRANSLATE_NOOP("LayerForm", "width: %1")), lines[1])]

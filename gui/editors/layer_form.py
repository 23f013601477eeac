"""The words and numbers of the layer panel and editor, kept free of Qt so they are tested alone.

New-layer templates for the add menu, one-line explanations per layer kind, the padding field's
text in both directions, list-row labels and the output-size formula per axis.
"""

from __future__ import annotations

import math
import re

import engine
from engine import ops
from gui.present.formatting import output_size_formula
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
SLIDING = ("conv2d", "maxpool2d", "avgpool2d")  # the kinds with a window and a size formula
POOLS = {"max": engine.MaxPool2d, "average": engine.AvgPool2d}

_INT = r"\s*\d+\s*"
_PAIR = rf"\(?({_INT}),({_INT})\)?"
_SIDES = rf"\s*\(({_INT}),({_INT})\)\s*,\s*\(({_INT}),({_INT})\)\s*"
PADDING_HELP = ("type a number, valid, same, full, a (rows, cols) pair like 1, 2, or "
                "(top, bottom), (left, right) like (2, 0), (2, 0)")


def parse_padding(text):
    """The padding a learner typed: int, "valid"/"same"/"full", (rows, cols) or per side.

    Raises ValueError (with what is accepted) for anything else.
    """
    text = text.strip().lower()
    if re.search(r"[-−]\s*\d", text):
        raise ValueError(f"padding must be ≥ 0 (pixels added at a border), not {text}")
    if text in ("valid", "same", "full"):
        return text
    if re.fullmatch(_INT, text):
        return int(text)
    for pattern in (_PAIR, _SIDES):
        match = re.fullmatch(pattern, text)
        if match:
            numbers = [int(n) for n in match.groups()]
            return tuple(numbers) if len(numbers) == 2 else (tuple(numbers[:2]), tuple(numbers[2:]))
    raise ValueError(f"padding '{text}' not understood: {PADDING_HELP}")


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


def formula_lines(spec, in_shape):
    """The output-size arithmetic of a conv/pool ``spec`` on ``in_shape``, one line per axis.

    Flatten and dense get their one-line size arithmetic instead; [] for other layers. Equal axes share one line. When the
    division is not exact a note says the last partial window is dropped (or kept in ceil mode).
    A window that cannot fit still gets its formula (the result is then ≤ 0), which is the
    clearest explanation of why. Raises ConfigError when even the window cannot be built
    (e.g. padding larger than a pool window).
    """
    if spec.kind == "flatten":
        return [f"{' · '.join(map(str, in_shape))} = {math.prod(in_shape)} numbers in one list"]
    if spec.kind == "dense":
        inputs, outputs = math.prod(in_shape), spec.out_features
        biases = f" + {outputs} biases" if spec.bias else ""
        total = outputs * inputs + (outputs if spec.bias else 0)
        return [f"{outputs} × {inputs} weights{biases} = {total:,} parameters"]
    if spec.kind not in SLIDING:
        # every other kind states its own size arithmetic; a kind that keeps the size says so
        # in the layer list already
        if spec.output_shape(in_shape) == in_shape:
            return []
        lines = spec.formula(in_shape).split("\n")
        if len(lines) == 2 and lines[0] == lines[1]:
            return [f"height and width: {lines[0]}"]
        return [f"{axis}: {line}" for axis, line in zip(("height", "width"), lines)] \
            if len(lines) == 2 else lines
    window = spec.window(in_shape)
    ceil_mode = getattr(spec, "ceil_mode", False)
    lines = []
    for n, k, s, d, pads in zip(in_shape[1:], *window):
        try:
            size = ops.output_size(n, k, s, pads, d, ceil_mode)
        except engine.ConfigError:
            size = None
        line = output_size_formula(n, k, s, pads, d, ceil_mode, size)
        room = n + sum(pads) - d * (k - 1) - 1
        if room >= 0 and room % s:
            rounding = "up: a last partial window is kept" if ceil_mode else \
                "down: the last partial window is dropped"
            line += f"   ({room} / {s} is not whole, so rounded {rounding})"
        lines.append(line)
    if lines[0] == lines[1]:
        return [f"height and width: {lines[0]}"]
    return [f"height: {lines[0]}", f"width: {lines[1]}"]

"""Parse what a learner types into a kernel cell: a number, a fraction or a short product.

Accepted: ``-2``, ``0.25``, ``.5``, ``1e-3``, ``1/9``, ``4/273``, ``2*0.5``, ``-1/8``, ``3*2/4``,
and the typographic ``−``, ``×``, ``·``, ``÷`` a copied formula may contain. Evaluation runs left
to right over numbers joined by ``*`` and ``/``; nothing is ever passed to ``eval``.
"""

from __future__ import annotations

import math
import re

import numpy as np

from gui.i18n import QT_TRANSLATE_NOOP, fill
from gui.present.formatting import MINUS

_TYPOGRAPHIC = str.maketrans({"−": "-", "×": "*", "·": "*", "÷": "/", ",": "."})
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_EXPRESSION = re.compile(rf"\s*({_NUMBER})((?:\s*[*/]\s*{_NUMBER})*)\s*")
_STEP = re.compile(rf"\s*([*/])\s*({_NUMBER})")


#: the largest magnitude a float32 weight holds; beyond it a value becomes infinity
LARGEST = float(np.finfo(np.float32).max)


class CellError(ValueError):
    """Text that is not a number or a simple fraction/product; the message says what is allowed.

    ``template`` and ``values`` let the GUI show it translated (context "CellParser")."""

    def __init__(self, template, *values):
        super().__init__(fill(template, *values))
        self.template, self.values = template, values


def parse_cell(text):
    """Return the value of ``text`` as a float, or raise CellError explaining what went wrong.

    Parameters
    ----------
    text : str
        What the user typed, e.g. ``"1/9"``.

    Returns
    -------
    float
    """
    cleaned = text.translate(_TYPOGRAPHIC)
    if not cleaned.strip():
        raise CellError(QT_TRANSLATE_NOOP(
            "CellParser", "empty cell: type a number such as 0, -2, 0.5 or 1/9"))
    match = _EXPRESSION.fullmatch(cleaned)
    if match is None:
        raise CellError(QT_TRANSLATE_NOOP(
            "CellParser", "'%1' is not a number: use numbers joined by * or /, such as 1/9 or "
            "2*0.5"), text.strip())
    value = float(match.group(1))
    for operator, operand in _STEP.findall(match.group(2)):
        number = float(operand)
        if operator == "*":
            value *= number
        elif number == 0:
            raise CellError(QT_TRANSLATE_NOOP("CellParser", "'%1' divides by zero"), text.strip())
        else:
            value /= number
    if not math.isfinite(value) or abs(value) > LARGEST:
        raise CellError(QT_TRANSLATE_NOOP("CellParser", "'%1' is too large to store: weights are "
                                          "32-bit floats, at most ±3.4e38"), text.strip())
    return value


def format_cell(value, fits=None):
    """Show ``value`` compactly: integers without a point, others with up to 4 significant digits,
    with the typographic minus every display of the app uses (``parse_cell`` reads it back).

    ``fits(text)`` tells whether a text can be shown whole (a narrow cell); then the value gets
    the most digits that fit, down to ``−5e−5``, so its sign and size always show. When not even
    that fits, the shortest form is returned (the caller elides it visibly).
    """
    value = float(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e6:
        return str(int(value)).replace("-", MINUS)
    forms = [f"{value:.{digits}g}" for digits in (4, 3, 2, 1)]
    forms = [_EXPONENT_ZEROS.sub(r"e\1", text).replace("-", MINUS)
             for text in forms + [f"{value:.{digits}e}" for digits in (1, 0)]]
    return next((text for text in forms if fits is None or fits(text)), forms[-1])


def format_cells(values, fits=None, max_decimals=4):
    """Texts for a grid of cells (kh, kw) that read as a matrix: one number of decimals for all.

    Whole numbers stay whole (``format_cell``); otherwise every cell gets the same decimals, the
    most up to ``max_decimals`` that every cell's text ``fits``, without trailing zeros all cells
    share: ``[[0.2, -0.2803]]`` → ``[["0.2000", "−0.2803"]]``. Zero is "0". A value that would
    round to zero, or not fit even so, gets its own ``format_cell`` form (``−5e−5``): no cell
    ever loses its sign or its size.
    """
    grid = np.atleast_2d(np.asarray(values, float))  # finite: the state keeps weights so
    shown = grid.ravel()
    whole = np.array_equal(shown, np.round(shown)) and np.abs(shown).max(initial=0) < 1e6
    decimals = 0 if whole else max_decimals
    while decimals > 1 and np.array_equal(np.round(shown, decimals - 1), np.round(shown, decimals)):
        decimals -= 1

    def fixed(value, places):
        return f"{value:.{places}f}".replace("-", MINUS)

    def own_form(value, places):
        return round(value, places) == 0

    while decimals > 1 and fits is not None and not all(
            fits(fixed(v, decimals)) for v in shown if not own_form(v, decimals)):
        decimals -= 1
    texts = []
    for row in grid.tolist():
        line = []
        for value in row:
            text = None if decimals == 0 or own_form(value, decimals) else fixed(value, decimals)
            if text is None or fits is not None and not fits(text):
                text = format_cell(value, fits)
            line.append(text)
        texts.append(line)
    return texts


_EXPONENT_ZEROS = re.compile(r"e([+-])0*(?=\d)")

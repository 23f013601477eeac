"""Numbers and formulas as a learner reads them: ``−8``, ``(−4)·2``, ``⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28``.

Plain Python (no Qt), so the text every widget shows is tested on its own.
"""

from __future__ import annotations

import math

import numpy as np

ELLIPSIS = "…"
MINUS = "−"
HUGE = 1e6  # from here a number is written with its own significant digits, not the grid's


def number(value, digits=3):
    """``value`` in at most ``digits`` significant digits, whole numbers exact, typographic minus.

    >>> number(-8.0), number(1 / 3), number(0.5), number(-0.0), number(float("-inf"))
    ('−8', '0.333', '0.5', '0', '−∞')
    """
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    if value.is_integer() and abs(value) < HUGE:
        text = str(int(value))
    else:
        text = f"{value:.{digits}g}"
    return text.replace("-", MINUS)


def grid_numbers(values, max_decimals=3):
    """Texts for a grid of numbers, all with the same decimals so the columns read as a matrix.

    Whole numbers stay whole; otherwise the largest magnitude gets three significant digits
    (at most ``max_decimals`` decimals, without trailing zeros every cell shares), e.g.
    [[2.97, 0.5]] → [["2.97", "0.50"]]. Zero is always "0". A grid holding a magnitude of
    ``HUGE`` or more writes each cell with ``number``: [[3e38, −0.205]] → [["3e+38", "−0.205"]].
    """
    grid = np.atleast_2d(np.asarray(values, float))
    finite = np.isfinite(grid)
    shown = grid[finite]
    if shown.size and float(np.abs(shown).max()) >= HUGE:
        # decimals shared with a weight of 3e38 would be none: each cell its own digits
        return [[number(v) for v in row] for row in grid.tolist()]
    decimals = 0
    if shown.size and not np.array_equal(shown, np.round(shown)):
        largest = float(np.abs(shown).max())
        decimals = int(np.clip(2 - math.floor(math.log10(largest)), 0, max_decimals))
        while decimals and np.array_equal(np.round(shown, decimals - 1),
                                          np.round(shown, decimals)):
            decimals -= 1  # no trailing zeros that every cell shares
    # Adding 0.0 turns a rounded −0 into 0.
    rounded = np.round(np.where(finite, grid, 0.0), decimals) + 0.0
    texts = [[f"{v:.{decimals}f}".replace("-", MINUS) if v else "0" for v in row]
             for row in rounded.tolist()]
    for r, c in zip(*np.nonzero(~finite)):
        texts[r][c] = number(grid[r, c])
    return texts


def factor(value, digits=3):
    """``number`` in parentheses when negative, so that ``a·b + c·d`` reads unambiguously."""
    text = number(value, digits)
    return f"({text})" if text.startswith(MINUS) else text


def sum_terms(terms, max_terms=9, head=3):
    """Join term strings with `` + ``; past ``max_terms`` keep ``head`` first, ``…`` and the last."""
    terms = list(terms)
    if len(terms) > max_terms:
        terms = terms[:head] + [ELLIPSIS] + terms[-1:]
    return " + ".join(terms)


def products(values, weights, max_terms=9):
    """``4·0 + 0·0 + … + (−4)·2``: the elementwise products of two equally shaped arrays."""
    values, weights = np.ravel(values), np.ravel(weights)
    return sum_terms((f"{factor(v)}·{factor(w)}" for v, w in zip(values, weights)), max_terms)


def conv_sum_lines(windows, kernel, bias, value, max_terms=9, channel="channel %1",
                   total="Σ products + bias"):
    """The arithmetic of one convolution unit, as lines of text.

    Parameters
    ----------
    windows, kernel : ndarray, shape (C, kh, kw)
        The input values under the kernel and the kernel, per input channel.
    bias, value : float
        The bias and the unit's value (the pre-activation the map shows).
    max_terms : int
        Longer sums are summarized: one line per channel, then the channel sums.
    channel, total : str
        The words, in the interface language: ``channel`` with %1 for the channel's number.

    Returns
    -------
    list of str
        One channel: ``["4·0 + … + (−4)·2 = −8", "Σ products + bias = −8 + 0.5 = −7.5"]``.
        Several: ``"channel 1: … = s₁"`` lines, then ``"Σ products + bias = s₁ + s₂ + … + b = v"``.
    """
    windows, kernel = np.asarray(windows), np.asarray(kernel)
    channel_sums = (windows * kernel).reshape(len(windows), -1).sum(axis=1)
    if len(windows) == 1:
        lines = [f"{products(windows, kernel, max_terms)} = {number(channel_sums[0])}"]
    else:
        lines = [f"{channel.replace('%1', str(c + 1))}: "
                 f"{products(windows[c], kernel[c], max_terms)} = {number(s)}"
                 for c, s in enumerate(channel_sums)]
    # The leading addend needs no parentheses: "−9 + 0.5" reads unambiguously.
    addends = sum_terms([number(channel_sums[0])] + [factor(s) for s in channel_sums[1:]],
                        max_terms)
    lines.append(f"{total} = {addends} + {factor(bias)} = {number(value)}")
    return lines


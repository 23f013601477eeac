"""ConvScope in English (the source texts) and Simplified Chinese (简体中文).

This module is plain Python, so that the Qt-free text helpers (formatting, layer forms) can mark
and fill their words too: ``QT_TRANSLATE_NOOP(context, text)`` marks a text for Qt's lupdate
(it returns the text unchanged; the caller translates it when showing it), and ``fill`` puts
values into a translated template. Switching languages is in ``gui.i18n.live``, the engine's
messages in ``gui.i18n.engine_messages``.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")
# Chinese typography sets a Latin word or a number apart from the characters around it by a
# space, and nothing between two Chinese words. A translation writes its placeholders without
# spaces ("会降低%1的概率"); ``fill`` puts one where a value meets an ideograph and is not Chinese
# itself: "会降低 7 的概率", "会降低预测类别的概率".
_IDEOGRAPH = re.compile(r"[\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[^\W_]|[−+±%°]")  # (after ruling out ideographs) a letter, digit or sign


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 - the name lupdate looks for
    """``text``, marked for translation under ``context`` (as Qt's macro of the same name)."""
    return text


def fill(template, *values):
    """``template`` with %1, %2, … replaced by ``values`` in one pass, as QString.arg does: a
    translation may put them in any order, and a value containing '%2' stays as it is. A value
    that is not Chinese gets a space where it meets a Chinese character (see ``seam``)."""
    parts = _PLACEHOLDER.split(template)  # text, digit, text, digit, …, text
    text = parts[0]
    for i in range(1, len(parts), 2):
        for piece in (str(values[int(parts[i]) - 1]), parts[i + 1]):
            text += seam(text[-1:], piece[:1]) + piece
    return text


def seam(left, right):
    """What goes between the characters ``left`` and ``right`` where a filled value meets its
    template: a space between a Chinese character and a Latin one (a letter, digit or sign),
    nothing next to punctuation, markup or a space."""
    chinese = [bool(_IDEOGRAPH.match(c)) for c in (left, right)]
    latin = [not ideograph and bool(_LATIN.match(c)) for c, ideograph in zip((left, right), chinese)]
    return " " if chinese[0] and latin[1] or latin[0] and chinese[1] else ""

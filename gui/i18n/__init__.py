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


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 - the name lupdate looks for
    """``text``, marked for translation under ``context`` (as Qt's macro of the same name)."""
    return text


def fill(template, *values):
    """``template`` with %1, %2, … replaced by ``values`` in one pass, as QString.arg does: a
    translation may put them in any order, and a value containing '%2' stays as it is."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]), template)

"""Update the translations: ``python -m tools.translations`` (``make translations``).

Runs Qt's lupdate over the GUI's sources into ``resources/translations/convscope_zh_CN.ts``
(new strings arrive unfinished, vanished ones are dropped), then lrelease into the ``.qm`` the
app loads. Translate the unfinished entries in the .ts (Qt Linguist, or any editor; keep to
``glossary_zh_CN.tsv``) and run it again. tests/gui/i18n/test_translations.py fails while any
entry is unfinished or the committed .qm is not what lrelease makes of the .ts.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "convscope_zh_CN.ts"
QM = TS.with_suffix(".qm")
_TOOLS = Path(PySide6.__file__).resolve().parent


def source_files():
    """Every Python file whose strings are translated, relative to the repository."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def update(ts=TS, drop_obsolete=True):
    """Bring ``ts`` up to date with the sources; returns lupdate's report."""
    options = ["-locations", "none", "-sort-messages", "-source-language", "en",
               "-target-language", "zh_CN"] + (["-no-obsolete"] if drop_obsolete else [])
    return _run("lupdate", *source_files(), *options, "-ts", str(ts))


def release(ts=TS, qm=QM):
    """Compile ``ts`` into ``qm``; returns lrelease's report."""
    return _run("lrelease", "-nounfinished", str(ts), "-qm", str(qm))


def _run(tool, *args):
    done = subprocess.run([str(_TOOLS / tool), *args], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return done.stdout + done.stderr


if __name__ == "__main__":
    print(update(), release(), sep="", end="")

"""The gui's Qt-free helpers stay Qt-free: importing them pulls in neither Qt nor pyqtgraph.

Everything in ``gui.present`` is Qt-free by definition; a few helpers live beside the widgets
they serve and are listed here, so a learner can test and read them without a display.
"""

import pkgutil
import subprocess
import sys
from pathlib import Path

import gui.present

QT_FREE_BESIDE_WIDGETS = ["gui.drawing.brush", "gui.maps.mosaic", "gui.editors.cell_parser",
                          "gui.editors.kernel_tools", "gui.editors.layer_form"]


def test_present_and_the_listed_helpers_import_no_qt():
    modules = [f"gui.present.{m.name}" for m in pkgutil.iter_modules(gui.present.__path__)]
    assert "gui.present.formatting" in modules and "gui.present.colormaps" in modules
    modules += QT_FREE_BESIDE_WIDGETS
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    root = Path(gui.present.__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""

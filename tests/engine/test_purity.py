"""The engine is pure numpy: importing every module pulls in neither Qt nor the gui package."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import engine


def test_engine_modules_import_no_qt_and_no_gui():
    modules = [f"engine.{m.name}" for m in pkgutil.iter_modules(engine.__path__)]
    assert "engine.ops" in modules and "engine.network" in modules
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'gui'))\n"
        "print(','.join(bad))\n"
    )
    root = Path(engine.__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""

"""The engine is pure numpy: importing every module pulls in neither Qt nor the gui package, and
only engine/onnx_io.py imports anything beyond numpy and the standard library (onnx)."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import engine

ENGINE = Path(engine.__file__).resolve().parent
#: third-party packages each engine module may import; everything else is numpy or stdlib
ALLOWED = {"onnx_io.py": {"onnx"}}


def _imported_packages(path):
    """Top-level package names imported anywhere in the module at ``path`` (relative: skipped)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_imports_only_numpy_and_the_standard_library():
    foreign = {}
    for path in sorted(ENGINE.glob("*.py")):
        extra = (_imported_packages(path) - set(sys.stdlib_module_names)
                 - {"numpy", "engine", "__future__"} - ALLOWED.get(path.name, set()))
        if extra:
            foreign[path.name] = sorted(extra)
    assert foreign == {}
    assert "onnx" in _imported_packages(ENGINE / "onnx_io.py")  # the allowance is still needed


def test_engine_modules_import_no_qt_and_no_gui():
    modules = [f"engine.{m.name}" for m in pkgutil.iter_modules(engine.__path__)]
    assert "engine.ops" in modules and "engine.network" in modules
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'gui'))\n"
        "print(','.join(bad))\n"
    )
    root = ENGINE.parent
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""


def test_importing_the_engine_does_not_load_onnx():
    """onnx is loaded when an ONNX file is opened or written, not at start-up."""
    probe = "import sys, engine; print('onnx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ENGINE.parent, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"

"""The data flow stays one way: widgets ask AppState, never orchestrate, never reach into each other.

See docs/architecture.md. Only ``gui/state.py`` recomputes, opens undo macros and builds
networks; ``gui/app.py`` starts the app and ``gui/main_window.py`` composes every widget.
"""

import ast
import re
from pathlib import Path

import gui

GUI = Path(gui.__file__).resolve().parent
COMPOSERS = {"app.py", "main_window.py"}
# Reaches into Qt's own QFileDialog for its file list, which has no public accessor: a widget
# of Qt's, not one of ours, so no data flow is bypassed.
INTO_QT_DIALOGS = {"file_dialog.py"}
ORCHESTRATION = re.compile(r"\.recompute\(|beginMacro|endMacro|Network\(|\.rebuilt\(|findChild\(")
# Helpers any package may use: Qt-free or plain functions, no widget among them (file_dialog
# builds Qt's standard dialog).
SHARED = ("gui.state", "gui.undo", "gui.present", "gui.lazy_redraw", "gui.background_task",
          "gui.drawing.brush", "gui.drawing.samples", "gui.maps.mosaic", "gui.i18n",
          "gui.callbacks", "gui.file_dialog")


def _modules():
    return sorted(p for p in GUI.rglob("*.py") if p.name != "__init__.py")


def test_only_the_state_recomputes_opens_undo_macros_or_builds_networks():
    offenders = [f"{path.relative_to(GUI)}: {line.strip()}" for path in _modules()
                 if path.name not in COMPOSERS | INTO_QT_DIALOGS | {"state.py"}
                 for line in path.read_text().splitlines()
                 if ORCHESTRATION.search(line.split("#")[0])]
    assert offenders == []


def test_widgets_import_only_their_own_package_and_shared_helpers():
    offenders = []
    for path in _modules():
        if path.name in COMPOSERS:
            continue
        package = ".".join(("gui",) + path.relative_to(GUI).parent.parts)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gui"):
                for name in (f"{node.module}.{alias.name}" for alias in node.names):
                    own = package != "gui" and name.startswith(package + ".")
                    if not own and not name.startswith(SHARED):
                        offenders.append(f"{path.relative_to(GUI)} imports {name}")
    assert offenders == []

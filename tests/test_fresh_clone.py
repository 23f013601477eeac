"""A fresh clone, with nothing next to it (no ``../shared``), trains in the app on the digits it
ships and evaluates on them: a real process in a copy of the repository's files."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
import engine
from gui.dataset.dataset_model import DatasetModel
from gui.state import AppState
from gui.training.training_dialog import TrainingDialog

state = AppState(engine.Network((1, 28, 28), [
    engine.Conv2d(2, 5, stride=2), engine.ReLU(), engine.Flatten(), engine.Dense(10),
    engine.Softmax()], seed=0))
dialog = TrainingDialog(state)
dialog.epochs.setValue(1)
dialog.start_from.setCurrentIndex(1)
loop = QEventLoop()
dialog.trainingFinished.connect(loop.quit)
QTimer.singleShot(120_000, loop.quit)
dialog.start()
loop.exec()
model = DatasetModel(state)
QTimer.singleShot(0, model.refresh)
model.evaluationChanged.connect(lambda: model.evaluation is not None and loop.quit())
loop.exec()
print(json.dumps({
    "engine": engine.__file__, "images": dialog.images_edit.text(),
    "status": dialog.status.text(), "undo": state.undo_stack.text(0),
    "accuracy": model.evaluation.accuracy, "evaluated": len(model.evaluation.labels)}))
"""


def test_a_fresh_clone_trains_in_the_app_on_the_digits_it_ships(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True,
                           text=True).stdout.split("\0")
    clone = tmp_path / "somewhere" / "convscope"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    assert not (clone.parent / "shared").exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1")
    env.pop("PYTHONPATH", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=clone, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(result["engine"]).is_relative_to(clone)
    assert Path(result["images"]).is_relative_to(clone / "resources" / "data")
    assert result["status"].startswith("Done") and result["undo"] == "Train network"
    assert result["evaluated"] == 1000 and result["accuracy"] > 0.5  # one epoch learns a lot

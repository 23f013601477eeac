"""``python main.py --screenshot``: a real process renders the window to a non-blank PNG."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def test_screenshot_writes_a_non_blank_png(qapp, tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--size", "1280x720"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (int(1280 * image.devicePixelRatio()),
                                               int(720 * image.devicePixelRatio()))
    image = image.convertToFormat(QImage.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32, count=image.width() * image.height())
    # A rendered window has text, a drawn digit and coloured maps: many colours, spread out.
    assert len(np.unique(pixels)) > 200
    assert len(np.unique(pixels.reshape(image.height(), image.width())[::50, ::50])) > 8


def test_a_bad_size_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "--screenshot", str(tmp_path / "x.png"),
                           "--size", "huge"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "WIDTHxHEIGHT" in done.stderr
    assert not (tmp_path / "x.png").exists()

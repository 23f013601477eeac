"""Runs before numpy is imported: the suite uses one OpenBLAS thread, as the app does (gui/__init__),
so that worker-thread deadlines in GUI tests hold on a busy two-core machine too."""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

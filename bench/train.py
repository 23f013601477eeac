"""Training speed against PyTorch's CPU: ``python bench/train.py [--epochs E] [--trials T]``.

One epoch = the default digit network trained over 8,000 digits (the shipped MNIST digits), batch 128, Adam, cross-entropy; the same
architecture, initial weights and batch order on both sides. Each side runs in its own fresh
process, engine and torch alternating, ``trials`` times; within a process the median epoch
counts, across processes the best (a shared machine's busy spells hit one process, not all).
Augmentation is off for the comparison; the engine's epoch with augmentation (what
``python -m engine.train`` does) is reported on its own line.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine import default_digit_network  # noqa: E402
from engine.data import SHIPPED_DIGITS, Augmentation, find_idx_pair, load_digits  # noqa: E402
from engine.train import train  # noqa: E402

BATCH = 128


def _bench_engine_module():
    """bench/engine.py (its name clashes with the engine package, so load it by path)."""
    spec = importlib.util.spec_from_file_location("bench_engine", Path(__file__).with_name("engine.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digits():
    return load_digits(*find_idx_pair(SHIPPED_DIGITS))


def engine_epochs(epochs, augment):
    images, labels = digits()
    result = train(default_digit_network(), images, labels, epochs, 1e-3, BATCH, "adam",
                   Augmentation(12, (0.9, 1.1), 2) if augment else None, schedule="constant")
    return [p.seconds for p in result.history]


def torch_epochs(epochs):
    import torch

    bench_engine = _bench_engine_module()
    torch.set_num_threads(bench_engine.blas_threads())
    images, labels = digits()
    model = bench_engine.torch_network(torch, default_digit_network())[:-1].train()  # logits
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.from_numpy(images[:, None]), torch.from_numpy(labels.astype(np.int64))
    rng, seconds = np.random.default_rng(0), []
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        start = time.perf_counter()
        for b in range(0, len(x), BATCH):
            idx = order[b:b + BATCH]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
    return seconds


def in_worker(side, epochs):
    command = [sys.executable, __file__, "--worker", side, "--epochs", str(epochs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return statistics.median(json.loads(done.stdout))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3, help="epochs per process (median counts)")
    parser.add_argument("--trials", type=int, default=2, help="processes per side (best counts)")
    parser.add_argument("--worker", choices=["engine", "engine+augment", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        seconds = torch_epochs(args.epochs) if args.worker == "torch" else \
            engine_epochs(args.epochs, args.worker == "engine+augment")
        print(json.dumps(seconds))
        return
    sides = ["engine", "engine+augment"]
    if importlib.util.find_spec("torch") is not None:
        sides.append("torch")
    trials = {side: [] for side in sides}
    for _ in range(args.trials):  # alternate, so a busy spell hits every side alike
        for side in sides:
            trials[side].append(in_worker(side, args.epochs))
    best = {side: min(times) for side, times in trials.items()}
    threads = _bench_engine_module().blas_threads()
    print(f"one epoch over 8,000 digits, batch {BATCH}, Adam; BLAS threads {threads}; "
          f"median of {args.epochs} epochs, best of {args.trials} processes")
    for side, seconds in best.items():
        print(f"{side:<16} {seconds:6.2f} s")
    if "torch" in best:
        print(f"ratio engine / torch: {best['engine'] / best['torch']:.1f}")


if __name__ == "__main__":
    main()

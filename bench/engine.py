"""Engine speed against PyTorch's CPU kernels: ``python bench/engine.py [--repeats N] [--trials T]``.

Each time is the median of single calls (at least ``repeats`` of them, over at least 0.2 s).
Each side runs in its own fresh process, engine and torch alternating, ``trials`` times; the
best process counts for each side, which discards processes that spent their run stuck behind
another job on a shared machine. Torch (optional, never a dependency) gets as many threads as
numpy's BLAS uses.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine import conv2d, conv_transpose2d, default_digit_network, pool2d  # noqa: E402


def blas_threads():
    """Threads numpy's BLAS runs (threadpoolctl when present, else the environment's cap)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count() or 1))
    return max((pool["num_threads"] for pool in threadpool_info()
                if pool["user_api"] == "blas"), default=1)


def median_ms(fn, repeats, min_total_s=0.2):
    """Median time of one call in milliseconds, over at least ``repeats`` calls and 0.2 s.

    The median of single calls shrugs off the multi-millisecond stalls a shared machine
    throws in now and then, which would poison a mean.
    """
    fn()
    times, start = [], time.perf_counter()
    while len(times) < repeats or (time.perf_counter() - start < min_total_s
                                   and len(times) < 1000):
        begin = time.perf_counter()
        fn()
        times.append(time.perf_counter() - begin)
    return statistics.median(times) * 1e3


def cases(rng):
    """(label, channels, engine call, torch call taking the torch module) per configuration."""
    def conv(c_in, c_out, size, k, stride=1, groups=1):
        x = rng.standard_normal((c_in, size, size)).astype(np.float32)
        w = rng.standard_normal((c_out, c_in // groups, k, k)).astype(np.float32)
        b = rng.standard_normal(c_out).astype(np.float32)
        kind = "depthwise conv" if groups == c_in == c_out else "conv"
        label = f"{kind} {c_in}→{c_out} ch {size}×{size} {k}×{k}" + (
            f" s{stride}" if stride > 1 else "") + (f" g{groups}" if 1 < groups < c_in else "")

        def with_torch(torch):
            tx, tw, tb = (torch.from_numpy(a) for a in (x[None], w, b))
            return lambda: torch.nn.functional.conv2d(tx, tw, tb, stride, k // 2, 1, groups)
        return (label, max(c_in, c_out), lambda: conv2d(x, w, b, stride, k // 2, 1, groups),
                with_torch)

    def transposed(c_in, c_out, size, k, stride, padding=0, output_padding=0):
        x = rng.standard_normal((c_in, size, size)).astype(np.float32)
        w = rng.standard_normal((c_in, c_out, k, k)).astype(np.float32)
        b = rng.standard_normal(c_out).astype(np.float32)
        args = (stride, padding, output_padding)
        label = f"transposed conv {c_in}→{c_out} ch {size}×{size} {k}×{k} s{stride}" + (
            f" p{padding} op{output_padding}" if padding or output_padding else "")

        def with_torch(torch):
            tx, tw, tb = (torch.from_numpy(a) for a in (x[None], w, b))
            return lambda: torch.nn.functional.conv_transpose2d(tx, tw, tb, *args)
        return label, max(c_in, c_out), lambda: conv_transpose2d(x, w, b, *args), with_torch

    x_pool = rng.standard_normal((32, 128, 128)).astype(np.float32)
    net = default_digit_network()
    digit = rng.random((28, 28), dtype=np.float32)

    def pool_torch(torch):
        tx = torch.from_numpy(x_pool[None])
        return lambda: torch.nn.functional.max_pool2d(tx, 2)

    def net_torch(torch):
        model = torch_network(torch, net)
        tx = torch.from_numpy(digit[None, None])
        return lambda: model(tx)

    return [
        conv(1, 8, 28, 3), conv(8, 16, 28, 3), conv(16, 32, 128, 3), conv(3, 16, 512, 5, 2),
        conv(16, 32, 64, 3, groups=4), conv(32, 32, 128, 3, groups=32),
        transposed(16, 8, 32, 2, 2), transposed(8, 8, 32, 3, 2, 1, 1),
        ("max pool 2×2 on 32×128×128", 32, lambda: pool2d(x_pool, 2), pool_torch),
        ("digit network forward 28×28", 16, lambda: net.forward(digit), net_torch),
    ]


def torch_network(torch, net):
    """The same network as torch modules, with the engine's weights."""
    nn, modules = torch.nn, []
    for spec, window, params in zip(net.layers, net.windows, net.params):
        if spec.kind == "conv2d":
            weight = params["weight"]
            module = nn.Conv2d(weight.shape[1], weight.shape[0], window.kernel, window.stride,
                               window.pads[0][0], window.dilation)
        elif spec.kind == "dense":
            module = nn.Linear(params["weight"].shape[1], params["weight"].shape[0])
        elif spec.kind == "maxpool2d":
            module = nn.MaxPool2d(window.kernel, window.stride)
        elif spec.kind == "softmax":
            module = nn.Softmax(dim=1)
        else:
            module = {"relu": nn.ReLU, "flatten": nn.Flatten}[spec.kind]()
        if params:
            with torch.no_grad():
                module.weight.copy_(torch.from_numpy(params["weight"]))
                module.bias.copy_(torch.from_numpy(params["bias"]))
        modules.append(module)
    return nn.Sequential(*modules).eval()


def measure(side, repeats):
    """Median ms per configuration for ``side`` ("engine" or "torch"), in this process."""
    table = cases(np.random.default_rng(0))
    if side == "engine":
        return [median_ms(fn, repeats) for _, _, fn, _ in table]
    import torch
    torch.set_num_threads(blas_threads())
    with torch.inference_mode():
        return [median_ms(make(torch), repeats) for _, _, _, make in table]


def measure_in_worker(side, repeats):
    """``measure`` in a fresh process, so one side's idle threads never slow the other's."""
    command = [sys.executable, __file__, "--worker", side, "--repeats", str(repeats)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="at least this many calls per timing")
    parser.add_argument("--trials", type=int, default=3,
                        help="worker processes per side; the best median counts")
    parser.add_argument("--worker", choices=["engine", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker, args.repeats)))
        return
    has_torch = importlib.util.find_spec("torch") is not None
    sides = ["engine", "torch"] if has_torch else ["engine"]
    trials = {side: [] for side in sides}
    for _ in range(args.trials):  # alternate, so a busy spell hits both sides alike
        for side in sides:
            trials[side].append(measure_in_worker(side, args.repeats))
    best = {side: np.min(runs, axis=0) for side, runs in trials.items()}
    torch_ms = best.get("torch", [None] * len(best["engine"]))
    print(f"numpy {np.__version__}, BLAS threads {blas_threads()}, torch "
          f"{'with as many threads' if has_torch else 'not installed'}; median of ≥ "
          f"{args.repeats} calls, best of {args.trials} processes; load average "
          f"{os.getloadavg()[0]:.1f} (other jobs stall multi-threaded BLAS badly)")
    print(f"{'configuration':<46} {'engine ms':>10} {'torch ms':>10} {'ratio':>7}")
    ratios = []
    for (label, channels, _, _), mine, theirs in zip(cases(np.random.default_rng(0)),
                                                     best["engine"], torch_ms):
        ratio = mine / theirs if theirs else None
        if ratio is not None and channels >= 8:
            ratios.append(ratio)
        print(f"{label:<46} {mine:>10.3f} " + (f"{theirs:>10.3f} {ratio:>7.2f}" if theirs
                                                else f"{'-':>10} {'-':>7}"))
    if ratios:
        print(f"median ratio over configurations with ≥ 8 channels: {statistics.median(ratios):.2f}"
              " (target ≤ 1.5)")
    print(f"digit network forward: {best['engine'][-1]:.3f} ms (target ≤ 0.5 ms)")


if __name__ == "__main__":
    main()

"""Engine speed against PyTorch's CPU kernels: ``python bench/engine.py [--repeats N]``.

Each time is the median of single calls (at least ``repeats`` of them, over at least 0.2 s). All engine timings are taken before any
torch timing, so torch's spinning OpenMP threads never compete with numpy's BLAS threads.
Torch (optional, never a dependency) gets as many threads as numpy's BLAS uses.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine import conv2d, default_digit_network, pool2d  # noqa: E402


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
    def conv(c_in, c_out, size, k, stride=1):
        x = rng.standard_normal((c_in, size, size)).astype(np.float32)
        w = rng.standard_normal((c_out, c_in, k, k)).astype(np.float32)
        b = rng.standard_normal(c_out).astype(np.float32)
        label = f"conv {c_in}→{c_out} ch {size}×{size} {k}×{k}" + (f" s{stride}" if stride > 1 else "")

        def with_torch(torch):
            tx, tw, tb = (torch.from_numpy(a) for a in (x[None], w, b))
            return lambda: torch.nn.functional.conv2d(tx, tw, tb, stride, k // 2)
        return label, max(c_in, c_out), lambda: conv2d(x, w, b, stride, k // 2), with_torch

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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="at least this many calls per timing")
    args = parser.parse_args(argv)
    threads = blas_threads()
    table = cases(np.random.default_rng(0))
    engine_ms = [median_ms(fn, args.repeats) for _, _, fn, _ in table]
    try:
        import torch
    except ImportError:
        torch = None
    torch_ms = [None] * len(table)
    if torch is not None:
        time.sleep(0.5)  # let numpy's BLAS threads stop spinning before torch starts its own
        torch.set_num_threads(threads)
        with torch.inference_mode():
            torch_ms = [median_ms(make(torch), args.repeats) for _, _, _, make in table]
    print(f"numpy {np.__version__}, BLAS threads {threads}; torch "
          f"{torch.__version__ if torch else 'not installed'}; median of ≥ {args.repeats} calls")
    print(f"{'configuration':<34} {'engine ms':>10} {'torch ms':>10} {'ratio':>7}")
    ratios = []
    for (label, channels, _, _), mine, theirs in zip(table, engine_ms, torch_ms):
        ratio = mine / theirs if theirs else None
        if ratio is not None and channels >= 8:
            ratios.append(ratio)
        print(f"{label:<34} {mine:>10.3f} " + (f"{theirs:>10.3f} {ratio:>7.2f}" if theirs
                                                else f"{'-':>10} {'-':>7}"))
    if ratios:
        print(f"median ratio over configurations with ≥ 8 channels: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()

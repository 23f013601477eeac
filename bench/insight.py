"""What-the-network-learned views against their targets and PyTorch: ``python bench/insight.py``.

On the shipped digit network and the 8,000 shipped digits, as the app runs them (one BLAS
thread, set by importing gui first): a unit's favourite digits (one batched forward over all
of them, target ≤ 1 s), saliency and gradient × input (target ≤ 5 ms), occlusion with a 5×5
patch (784 occluded forwards, target ≤ 200 ms), Grad-CAM, and activation maximisation per
layer (target ≤ 2 s). Another channel of a layer already looked at needs no new pass. Times are medians of repeats; torch (optional, never a dependency) runs
the same work in the same process with as many threads, for the ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import gui  # noqa: E402,F401  (first, as in the app: it sets the BLAS threads before numpy loads)
import numpy as np  # noqa: E402

from engine import attribution, load_network  # noqa: E402
from engine.data import SHIPPED_DIGITS, find_idx_pair, load_digits  # noqa: E402
from engine.favourites import favourites, layer_values, top_images  # noqa: E402
from engine.maximize import maximize  # noqa: E402

MODEL = ROOT / "resources" / "models" / "digits.npz"


def median_s(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _torch_network(net):
    spec = importlib.util.spec_from_file_location("bench_engine", Path(__file__).with_name("engine.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import torch
    return torch, module.torch_network(torch, net)


def torch_cases(net, images, digit):
    """{label: torch call} doing the same work as the engine row of that label."""
    torch, model = _torch_network(net)
    torch.set_num_threads(1)
    head = model[:4]  # up to conv2
    all_x = torch.from_numpy(images[:, None])
    x = torch.from_numpy(digit[None, None])

    def top_nine():
        with torch.inference_mode():
            values = torch.cat([head(b)[:, 5].amax(dim=(1, 2)) for b in all_x.split(500)])
            return values.topk(9)

    def gradient():
        xg = x.clone().requires_grad_(True)
        p = model(xg)[0]
        (dx,) = torch.autograd.grad(p[p.argmax()], xg)
        return dx

    def occlusion():
        with torch.inference_mode():
            base = model(x)[0]
            target = int(base.argmax())
            r = torch.arange(28)
            cover = ((r[None, :] - r[:, None] >= -2) & (r[None, :] - r[:, None] <= 2))
            covered = cover[:, None, :, None] & cover[None, :, None, :]  # (28, 28, 28, 28)
            occluded = torch.where(covered.reshape(784, 1, 28, 28), torch.tensor(0.0), x)
            return base[target] - torch.cat([model(b)[:, target] for b in occluded.split(256)])

    return {"favourite digits of a conv2 filter": top_nine, "saliency": gradient,
            "occlusion 5×5": occlusion}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    net = load_network(MODEL)
    images, _ = load_digits(*find_idx_pair(SHIPPED_DIGITS))
    digit = images[0]
    outputs = net.forward(digit)
    conv2_values = layer_values(net, images, 3)
    rows = [
        ("favourite digits of a conv2 filter", 1.0, lambda: favourites(net, images, 3, 5)),
        ("favourite digits of a class unit", 1.0, lambda: favourites(net, images, 9, 4)),
        ("… of another conv2 filter (values kept)", 0.033,  # on the GUI thread: 2 frames
         lambda: top_images(net, 3, conv2_values, 9)),
        ("saliency", 0.005, lambda: attribution.saliency(net, digit, outputs=outputs)),
        ("gradient × input", 0.005,
         lambda: attribution.gradient_times_input(net, digit, outputs=outputs)),
        ("occlusion 5×5", 0.2, lambda: attribution.occlusion(net, digit)),
        ("Grad-CAM on relu2", 0.005, lambda: attribution.grad_cam(net, digit, 4, outputs=outputs)),
    ]
    heavy = [(f"activation maximisation, {name}", 2.0, lambda layer=layer: maximize(net, layer))
             for name, layer in (("conv1", 0), ("conv2", 3), ("classes", 9))]
    has_torch = importlib.util.find_spec("torch") is not None
    theirs = torch_cases(net, images, digit) if has_torch else {}
    print(f"numpy {np.__version__}, one BLAS thread as in the app; torch "
          f"{'1 thread' if has_torch else 'not installed'}; median of {args.repeats} "
          f"(activation maximisation: of 3); load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores")
    print(f"{'what':<42} {'engine':>10} {'target':>9} {'torch':>10} {'ratio':>6}")
    for label, target, fn in rows + heavy:
        mine = median_s(fn, args.repeats if target < 2 else 3)
        other = median_s(theirs[label], args.repeats) if label in theirs else None
        ok = "ok" if mine <= target else "MISSED"
        print(f"{label:<42} {mine * 1e3:>8.1f}ms {target * 1e3:>7.0f}ms "
              + (f"{other * 1e3:>8.1f}ms {mine / other:>6.2f}" if other else f"{'-':>10} {'-':>6}")
              + f"  {ok}")


if __name__ == "__main__":
    main()

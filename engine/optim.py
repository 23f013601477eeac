"""Optimizers (SGD with momentum, Adam) and the one-cycle learning-rate schedule.

Optimizers update ``net.params`` in place: a list with one dict per layer, {"weight", "bias"}
arrays for layers that learn and {} for the others; gradients come in the same structure, for
the arrays gradient descent updates (batch norm's running statistics have none).
Weight decay applies to weights only: shrinking biases does not make a network simpler.
"""

from __future__ import annotations

import math

import numpy as np

from engine.errors import ConfigError

Params = list[dict[str, np.ndarray]]


class SGD:
    """Stochastic gradient descent with (heavy-ball) momentum and L2 weight decay, as in torch.

    v ← momentum·v + (g + weight_decay·w);  w ← w − lr·v
    """

    def __init__(self, params: Params, lr: float = 0.01, momentum: float = 0.9, weight_decay: float = 0.0):
        self.params, self.lr, self.momentum, self.weight_decay = params, lr, momentum, weight_decay
        self.velocity = [{k: np.zeros_like(v) for k, v in p.items()} for p in params]

    def step(self, grads: Params, lr: float | None = None) -> None:
        """Apply one update; `lr` overrides the constructor's rate (for schedules)."""
        lr = self.lr if lr is None else lr
        for p, g, vel in zip(self.params, grads, self.velocity):
            for k in g:
                grad = g[k] + self.weight_decay * p[k] if k == "weight" else g[k]
                vel[k] *= self.momentum
                vel[k] += grad
                p[k] -= (lr * vel[k]).astype(p[k].dtype, copy=False)


class Adam:
    """Adam (Kingma & Ba 2015) with decoupled weight decay (AdamW, Loshchilov & Hutter 2019).

    m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  w ← w − lr·(m̂ / (√ŝ + eps) + weight_decay·w)
    where m̂, ŝ are m, s divided by (1 − βᵗ) so the first steps are not biased towards zero.
    """

    def __init__(
        self,
        params: Params,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ):
        self.params, self.lr, self.betas, self.eps, self.weight_decay = params, lr, betas, eps, weight_decay
        self.m = [{k: np.zeros_like(v) for k, v in p.items()} for p in params]
        self.s = [{k: np.zeros_like(v) for k, v in p.items()} for p in params]
        self.t = 0

    def step(self, grads: Params, lr: float | None = None) -> None:
        """Apply one update; `lr` overrides the constructor's rate (for schedules)."""
        lr = self.lr if lr is None else lr
        b1, b2 = self.betas
        self.t += 1
        m_scale, s_scale = 1 / (1 - b1**self.t), 1 / (1 - b2**self.t)
        for p, g, m, s in zip(self.params, grads, self.m, self.s):
            for k in g:
                m[k] = b1 * m[k] + (1 - b1) * g[k]
                s[k] = b2 * s[k] + (1 - b2) * np.square(g[k])
                update = (m[k] * m_scale) / (np.sqrt(s[k] * s_scale) + self.eps)
                if k == "weight":
                    update = update + self.weight_decay * p[k]
                p[k] -= (lr * update).astype(p[k].dtype, copy=False)


OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def make_optimizer(name: str, params: Params, lr: float, weight_decay: float = 0.0) -> SGD | Adam:
    """Build an optimizer by name ("sgd" or "adam") with default momentum / betas."""
    if name.lower() not in OPTIMIZERS:
        raise ConfigError(f"unknown optimizer {name!r}: choose one of {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name.lower()](params, lr=lr, weight_decay=weight_decay)


def one_cycle_lr(
    step: int,
    total_steps: int,
    max_lr: float,
    pct_start: float = 0.3,
    div_factor: float = 25.0,
    final_div_factor: float = 1e4,
) -> float:
    """Learning rate at `step` (0-based) of a one-cycle schedule (Smith 2018; torch OneCycleLR).

    Cosine warm-up from max_lr/div_factor to max_lr over the first `pct_start` of the steps, then
    cosine annealing down to max_lr/(div_factor·final_div_factor) at the last step.
    """
    start, end = max_lr / div_factor, max_lr / (div_factor * final_div_factor)
    peak = max(1.0, pct_start * total_steps - 1)
    if step <= peak:
        lo, hi, frac = start, max_lr, step / peak
    else:
        lo, hi, frac = max_lr, end, min(1.0, (step - peak) / max(1.0, total_steps - 1 - peak))
    return hi + (lo - hi) * (1 + math.cos(math.pi * frac)) / 2

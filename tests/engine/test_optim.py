"""Optimizer updates against hand-computed steps and torch.optim; the one-cycle schedule."""

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.optim import SGD, Adam, make_optimizer, one_cycle_lr


def params():
    return [{"weight": np.array([[1.0, -2.0]]), "bias": np.array([0.5])}, {}]


def grads(p):
    """Gradient of the quadratic 0.5·|w − 3|² + 0.5·|b + 1|² (minimum at w = 3, b = −1)."""
    return [{"weight": p[0]["weight"] - 3, "bias": p[0]["bias"] + 1}, {}]


def test_sgd_momentum_by_hand():
    p = params()
    opt = SGD(p, lr=0.1, momentum=0.5)
    opt.step([{"weight": np.array([[1.0, 1.0]]), "bias": np.array([2.0])}, {}])
    np.testing.assert_allclose(p[0]["weight"], [[0.9, -2.1]])
    opt.step([{"weight": np.array([[1.0, 1.0]]), "bias": np.array([2.0])}, {}])
    np.testing.assert_allclose(p[0]["weight"], [[0.9 - 0.15, -2.1 - 0.15]])  # v = 0.5·1 + 1
    np.testing.assert_allclose(p[0]["bias"], [0.5 - 0.2 - 0.3], atol=1e-12)


@pytest.mark.parametrize("make", [lambda p: SGD(p, lr=0.1), lambda p: Adam(p, lr=0.1)])
def test_optimizers_reach_the_minimum(make):
    p = params()
    opt = make(p)
    for _ in range(300):
        opt.step(grads(p))
    np.testing.assert_allclose(p[0]["weight"], [[3, 3]], atol=1e-3)
    np.testing.assert_allclose(p[0]["bias"], [-1], atol=1e-3)


@pytest.mark.parametrize("cls", [SGD, Adam])
def test_weight_decay_shrinks_weights_not_biases(cls):
    p = params()
    opt = cls(p, lr=0.1, weight_decay=0.5)
    zero = [{"weight": np.zeros((1, 2)), "bias": np.zeros(1)}, {}]
    opt.step(zero)
    np.testing.assert_allclose(p[0]["weight"], [[0.95, -1.9]])
    np.testing.assert_allclose(p[0]["bias"], [0.5])


def test_float32_params_stay_float32():
    p = [{"weight": np.ones((2, 2), np.float32), "bias": np.zeros(2, np.float32)}]
    for opt in (SGD(p, 0.1), Adam(p, 0.1)):
        opt.step([{"weight": np.ones((2, 2)), "bias": np.ones(2)}])
        assert p[0]["weight"].dtype == np.float32 and p[0]["bias"].dtype == np.float32


def test_make_optimizer():
    assert isinstance(make_optimizer("Adam", params(), 0.01), Adam)
    assert isinstance(make_optimizer("sgd", params(), 0.01), SGD)
    with pytest.raises(ConfigError, match="unknown optimizer 'rmsprop'"):
        make_optimizer("rmsprop", params(), 0.01)


def test_one_cycle_shape():
    lrs = [one_cycle_lr(s, 100, 1.0) for s in range(100)]
    assert lrs[0] == pytest.approx(1 / 25) and max(lrs) == pytest.approx(1.0)
    assert int(np.argmax(lrs)) == 29 and lrs[-1] == pytest.approx(1 / 25e4)
    assert np.all(np.diff(lrs[:30]) > 0) and np.all(np.diff(lrs[29:]) < 0)


@pytest.mark.parametrize("name", ["sgd", "adam"])
def test_optimizers_match_torch_with_one_cycle(name):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    p = [{"weight": rng.normal(size=(3, 4)), "bias": rng.normal(size=3)}]
    tw, tb = (torch.tensor(p[0][k].copy(), requires_grad=True) for k in ("weight", "bias"))
    groups = [{"params": [tw], "weight_decay": 0.1}, {"params": [tb], "weight_decay": 0.0}]
    if name == "sgd":
        topt, opt = torch.optim.SGD(groups, lr=0.05, momentum=0.9), SGD(p, 0.05, 0.9, weight_decay=0.1)
    else:
        topt, opt = torch.optim.AdamW(groups, lr=0.05), Adam(p, 0.05, weight_decay=0.1)
    sched = torch.optim.lr_scheduler.OneCycleLR(topt, max_lr=0.05, total_steps=20, cycle_momentum=False)
    for step in range(20):
        g = [{"weight": rng.normal(size=(3, 4)), "bias": rng.normal(size=3)}]
        tw.grad, tb.grad = torch.tensor(g[0]["weight"]), torch.tensor(g[0]["bias"])
        lr = topt.param_groups[0]["lr"]
        assert lr == pytest.approx(one_cycle_lr(step, 20, 0.05))
        topt.step()
        sched.step()
        opt.step(g, lr)
    np.testing.assert_allclose(p[0]["weight"], tw.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(p[0]["bias"], tb.detach().numpy(), rtol=1e-10, atol=1e-12)

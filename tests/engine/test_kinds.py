"""The kinds real small models use (grouped and transposed conv, batch norm, dropout) through
Network, backward, training, files, explain, receptive fields and the effective RF."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine
from engine import (
    BatchNorm2d, ConfigError, Conv2d, ConvTranspose2d, Dense, Dropout, Flatten, MaxPool2d, Network,
    ReLU, Softmax, Tanh, backward as bw, ops,
)
from engine.erf import input_gradient
from tests.engine.test_backward import numerical_grad


def _every_new_kind(seed=0):
    net = Network((2, 6, 6), [
        Conv2d(4, 3, padding=1, groups=2), BatchNorm2d(), Tanh(),
        Conv2d(4, 3, padding=1, groups=4), Dropout(0.3),
        ConvTranspose2d(3, 3, stride=2, padding=1, output_padding=1, groups=1), BatchNorm2d(),
        ReLU(), MaxPool2d(2), Flatten(), Dense(5), Softmax()], seed=seed)
    rng = np.random.default_rng(seed)
    for spec, p in zip(net.layers, net.params):  # statistics that are not the identity
        if isinstance(spec, BatchNorm2d):
            p["running_mean"][...] = rng.normal(size=p["running_mean"].shape)
            p["running_var"][...] = rng.uniform(0.5, 2, p["running_var"].shape)
            p["weight"][...] = rng.normal(size=p["weight"].shape)
            p["bias"][...] = rng.normal(size=p["bias"].shape)
    return net


def test_network_computes_what_the_ops_compute():
    net = _every_new_kind()
    x = np.random.default_rng(1).random((2, 6, 6), dtype=np.float32)
    outputs = net.forward(x)
    assert [o.shape for o in outputs] == list(net.shapes)
    p = net.params
    y = ops.conv2d(x, p[0]["weight"], p[0]["bias"], 1, 1, 1, 2)
    y = ops.batch_norm2d(y, p[1]["running_mean"], p[1]["running_var"], p[1]["weight"], p[1]["bias"])
    np.testing.assert_allclose(outputs[1], y, rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(outputs[4], outputs[3])  # dropout is off at inference
    z = ops.conv_transpose2d(outputs[4], p[5]["weight"], p[5]["bias"], 2, 1, 1)
    np.testing.assert_allclose(outputs[5], z, rtol=1e-6, atol=1e-6)
    assert net.shapes[5] == (3, 12, 12)


def test_network_backward_through_the_new_kinds_matches_finite_differences():
    net = _every_new_kind(2)
    for p in net.params:
        for k in p:
            p[k] = p[k].astype(np.float64)
    x = np.random.default_rng(3).random((2, 2, 6, 6))
    r = np.random.default_rng(4).normal(size=(2, 5))
    layer = len(net.layers) - 2

    def loss():
        return float((net.forward(x)[layer] * r).sum())

    outputs = net.forward(x)
    grads, dx = bw.network_backward(net, x, outputs, r, layer, input_grad=True)
    # the network reads its input as float32: larger steps for the input's differences
    np.testing.assert_allclose(dx, numerical_grad(loss, x, eps=1e-3), atol=2e-5)
    for i in (0, 1, 3, 5):
        for name in grads[i]:
            np.testing.assert_allclose(grads[i][name], numerical_grad(loss, net.params[i][name]),
                                       atol=1e-6, err_msg=f"layer {i} {name}")
    assert set(grads[1]) == {"weight", "bias"}  # running statistics are not trained


def test_training_forward_uses_batch_statistics_masks_and_moves_running_statistics():
    net = Network((1, 4, 4), [Conv2d(2, 3, padding=1), BatchNorm2d(momentum=0.5), Dropout(0.5),
                              Flatten(), Dense(3), Softmax()])
    x = np.random.default_rng(5).random((8, 1, 4, 4), dtype=np.float32)
    before = {k: v.copy() for k, v in net.params[1].items()}
    outputs, caches = net.forward_train(x, np.random.default_rng(6))
    conv = outputs[0]
    mean, var = conv.mean(axis=(0, 2, 3)), conv.var(axis=(0, 2, 3))
    np.testing.assert_allclose(outputs[1].mean(axis=(0, 2, 3)), 0, atol=1e-5)
    np.testing.assert_allclose(net.params[1]["running_mean"], 0.5 * before["running_mean"] + 0.5 * mean,
                               rtol=1e-5)
    count = 8 * 16
    np.testing.assert_allclose(net.params[1]["running_var"],
                               0.5 * before["running_var"] + 0.5 * var * count / (count - 1), rtol=1e-5)
    mask = caches[2]
    assert set(np.unique(mask)) == {0.0, 2.0}
    np.testing.assert_array_equal(outputs[2], outputs[1] * mask)
    # the backward of a training forward goes through the same statistics and mask
    for p in net.params:
        for k in p:
            p[k] = p[k].astype(np.float64)
    x = x.astype(np.float64)
    r = np.random.default_rng(7).normal(size=(8, 3))

    def loss():
        saved = [net.params[1][k].copy() for k in ("running_mean", "running_var")]
        outs, _ = net.forward_train(x, np.random.default_rng(8))
        for k, v in zip(("running_mean", "running_var"), saved):  # left as every pass found them
            net.params[1][k][...] = v
        return float((outs[4] * r).sum())

    outs, caches = net.forward_train(x, np.random.default_rng(8))
    grads = bw.network_backward(net, x, outs, r, 4, caches=caches)
    for name in ("weight", "bias"):
        np.testing.assert_allclose(grads[0][name], numerical_grad(loss, net.params[0][name]), atol=1e-6)
        np.testing.assert_allclose(grads[1][name], numerical_grad(loss, net.params[1][name]), atol=1e-6)


def test_training_matches_torch_for_batch_norm_and_its_running_statistics():
    torch = pytest.importorskip("torch")
    net = Network((1, 5, 5), [Conv2d(3, 3), BatchNorm2d(momentum=0.3), Flatten(), Dense(2),
                              Softmax()], seed=1)
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3), torch.nn.BatchNorm2d(3, momentum=0.3),
                                torch.nn.Flatten(), torch.nn.Linear(27, 2))
    with torch.no_grad():
        for module, i in ((model[0], 0), (model[1], 1), (model[3], 3)):
            for name, value in net.params[i].items():
                getattr(module, name).copy_(torch.tensor(value))
    x = np.random.default_rng(2).random((6, 1, 5, 5), dtype=np.float32)
    outputs, caches = net.forward_train(x, np.random.default_rng(0))
    logits = model(torch.tensor(x))
    np.testing.assert_allclose(outputs[3], logits.detach().numpy(), rtol=1e-4, atol=1e-5)
    for name in ("running_mean", "running_var"):
        np.testing.assert_allclose(net.params[1][name], getattr(model[1], name).numpy(), rtol=1e-5)
    labels = np.array([0, 1, 1, 0, 1, 0])
    _, grad = bw.softmax_cross_entropy(outputs[3], labels)
    torch.nn.functional.cross_entropy(logits, torch.tensor(labels)).backward()
    grads = bw.network_backward(net, x, outputs, grad, 3, caches=caches)
    np.testing.assert_allclose(grads[1]["weight"], model[1].weight.grad.numpy(), rtol=1e-3, atol=1e-6)
    np.testing.assert_allclose(grads[0]["weight"], model[0].weight.grad.numpy(), rtol=1e-3, atol=1e-6)
    model.eval()
    np.testing.assert_allclose(net.forward(x)[3], model(torch.tensor(x)).detach().numpy(),
                               rtol=1e-4, atol=1e-5)


def test_train_learns_with_batch_norm_and_dropout():
    from engine.train import train
    rng = np.random.default_rng(0)
    images = rng.random((64, 6, 6), dtype=np.float32)
    labels = (images[:, :, :3].sum(axis=(1, 2)) > images[:, :, 3:].sum(axis=(1, 2))).astype(int)
    net = Network((1, 6, 6), [Conv2d(4, 3, padding=1), BatchNorm2d(), ReLU(), Dropout(0.2),
                              Flatten(), Dense(2), Softmax()])
    result = train(net, images, labels, epochs=8, lr=1e-2, batch_size=16, augment=False)
    assert result.history[-1].accuracy > 0.8
    assert not np.allclose(net.params[1]["running_mean"], 0)  # the statistics moved


def test_files_round_trip_every_new_kind(tmp_path):
    net = _every_new_kind(3)
    path = tmp_path / "net.npz"
    engine.save_network(net, path)
    back = engine.load_network(path)
    assert back.layers == net.layers
    for a, b in zip(back.params, net.params):
        assert a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)
    spec = engine.network_spec(net)["layers"]
    assert spec[1] == {"type": "batchnorm2d"} and spec[3]["groups"] == 4
    assert spec[5]["type"] == "conv_transpose2d" and spec[4] == {"type": "dropout", "p": 0.3}


def test_explanations_recompute_the_value_forward_produced():
    net = _every_new_kind(4)
    x = np.random.default_rng(5).random((2, 6, 6), dtype=np.float32)
    outputs = net.forward(x)
    grouped = net.explain(3, 2, 1, 1, x=x)
    np.testing.assert_array_equal(grouped.channels, [2])  # depthwise: its own channel only
    assert grouped.computed == pytest.approx(grouped.value, rel=1e-5, abs=1e-5)
    assert list(net.explain(0, 3, 0, 0, x=x).channels) == [1]
    norm = net.explain(1, 1, 2, 3, x=x)
    assert isinstance(norm, engine.BatchNormExplanation)
    assert norm.input == pytest.approx(outputs[0][1, 2, 3])
    assert norm.computed == pytest.approx(norm.value, rel=1e-5, abs=1e-5)
    assert net.explain(4, 0, 1, 1, x=x).formula.startswith("x")
    for row, col in ((0, 0), (5, 7), (11, 11)):
        e = net.explain(5, 1, row, col, x=x)
        assert isinstance(e, engine.TransposedConvExplanation)
        assert e.computed == pytest.approx(e.value, rel=1e-5, abs=1e-5)
        for s in e.stamps:  # each (input unit, tap) lands on the unit
            assert (s.row * 2 - 1 + s.tap[0], s.col * 2 - 1 + s.tap[1]) == (row, col)


def test_transposed_conv_upsampling_explanation_lists_the_units_that_reach():
    net = Network((1, 2, 2), [ConvTranspose2d(1, 2, stride=2)])
    net.params[0]["weight"][...] = np.arange(1, 5).reshape(1, 1, 2, 2)
    net.params[0]["bias"][...] = 0
    x = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    np.testing.assert_array_equal(net.forward(x)[0][0], [[1, 2, 2, 4], [3, 4, 6, 8],
                                                         [3, 6, 4, 8], [9, 12, 12, 16]])
    e = net.explain(0, 0, 2, 3, x=x)
    assert [(s.row, s.col, s.tap, s.input, s.weight) for s in e.stamps] == [(1, 1, (0, 1), 4.0, 2.0)]


def test_receptive_field_through_a_transposed_conv_has_a_fractional_jump():
    net = Network((1, 8, 8), [Conv2d(1, 3, padding=1), ConvTranspose2d(1, 3, stride=2, padding=1),
                              Conv2d(1, 3, padding=1)])
    rows = net.summary()
    assert rows[1]["jump"] == (Fraction(1, 2), Fraction(1, 2))
    assert rows[1]["rf"] == (4, 4)  # 3 + (3 − 1)·½
    assert rows[2]["rf"] == (5, 5) and rows[2]["jump"] == (Fraction(1, 2),) * 2
    rf = net.receptive_field(1, 4, 4)
    assert rf.layer_boxes[0] == (2, 2, 3, 3)  # output (4, 4) = input 2·2 − 1 + tap 1: only (2, 2)
    assert rf.input_box == (1, 1, 4, 4)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 50), st.data())
def test_theoretical_field_contains_the_effective_one_through_every_new_kind(seed, data):
    net = _every_new_kind(seed)
    x = np.random.default_rng(seed).random((2, 6, 6), dtype=np.float32)
    layer = data.draw(st.integers(0, 8))
    c, h, w = net.shapes[layer]
    row, col = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    grad = input_gradient(net, layer, data.draw(st.integers(0, c - 1)), row, col, x=x)
    top, left, bottom, right = net.receptive_field(layer, row, col).clipped_box
    outside = np.ones((6, 6), bool)
    outside[top:bottom, left:right] = False
    assert not grad[:, outside].any()


def test_new_kinds_refuse_what_cannot_work_naming_the_layer():
    with pytest.raises(ConfigError, match=r"layer 1 \(conv 3×3 s1 p0 g2\): the 3 input channels"):
        Network((3, 5, 5), [Conv2d(4, 3, groups=2)])
    with pytest.raises(ConfigError, match=r"layer 2 \(batch norm\): the input is a flat list"):
        Network((1, 4, 4), [Flatten(), BatchNorm2d()])

"""Every backward against central finite differences of the forward op (float64), and torch."""

import numpy as np
import pytest

from engine import backward as bw
from engine import ops

PADDING_FORMS = [0, 1, (1, 2), ((0, 2), (1, 0)), "valid", "same", "full"]
MODES = ["zeros", "reflect", "replicate", "circular"]
# (stride, padding, dilation, flip, bias): strided, dilated, flipped, asymmetric mixes.
CONV_MIXES = [
    (2, 1, 1, False, True),
    ((2, 1), (1, 2), 1, True, True),
    (1, "same", 2, False, True),
    (1, "full", (1, 2), True, False),
    (3, ((2, 0), (0, 1)), 2, False, True),
    ((1, 2), "valid", (2, 1), True, True),
    (2, 2, 2, True, False),
]


def numerical_grad(f, x, eps=1e-6, picks=None):
    """Central differences of the scalar f() with respect to x (nudged in place, then restored).

    Every element (result shaped like x), or only the flat indices ``picks`` (result 1-D).
    """
    flat = x.reshape(-1)  # a view: nudging it nudges x
    grad = np.zeros(flat.size if picks is None else len(picks))
    for j, i in enumerate(range(flat.size) if picks is None else picks):
        keep = flat[i]
        flat[i] = keep + eps
        up = f()
        flat[i] = keep - eps
        down = f()
        flat[i] = keep
        grad[j] = (up - down) / (2 * eps)
    return grad.reshape(x.shape) if picks is None else grad


def check_conv(stride, padding, dilation, mode, flip, with_bias, batched=True):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 2, 7, 6) if batched else (2, 7, 6))
    weight = rng.normal(size=(3, 2, 3, 2))
    bias = rng.normal(size=3) if with_bias else None
    kwargs = dict(stride=stride, padding=padding, dilation=dilation, padding_mode=mode, flip=flip)
    r = rng.normal(size=ops.conv2d(x, weight, bias, **kwargs).shape)
    loss = lambda: float((ops.conv2d(x, weight, bias, **kwargs) * r).sum())  # noqa: E731
    dx, dw, db = bw.conv2d_backward(r, x, weight, bias, **kwargs)
    np.testing.assert_allclose(dx, numerical_grad(loss, x), atol=1e-6)
    np.testing.assert_allclose(dw, numerical_grad(loss, weight), atol=1e-6)
    if with_bias:
        np.testing.assert_allclose(db, numerical_grad(loss, bias), atol=1e-6)
    else:
        assert db is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("padding", PADDING_FORMS)
def test_conv_backward_every_padding_form_and_mode(padding, mode):
    check_conv(1, padding, 1, mode, False, True)


@pytest.mark.parametrize("mode", ["zeros", "reflect"])
@pytest.mark.parametrize("stride, padding, dilation, flip, with_bias", CONV_MIXES)
def test_conv_backward_stride_dilation_flip(stride, padding, dilation, flip, with_bias, mode):
    check_conv(stride, padding, dilation, mode, flip, with_bias)


def test_conv_backward_can_skip_the_input_gradient():
    rng = np.random.default_rng(9)
    x, w, g = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=(2, 4, 4, 4))
    full = bw.conv2d_backward(g, x, w, np.zeros(4))
    dx, dw, db = bw.conv2d_backward(g, x, w, np.zeros(4), input_grad=False)
    assert dx is None
    np.testing.assert_array_equal(dw, full[1])
    np.testing.assert_array_equal(db, full[2])


def test_conv_backward_can_skip_the_weight_gradients():
    rng = np.random.default_rng(9)
    x, w, g = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=(2, 4, 3, 3))
    full = bw.conv2d_backward(g, x, w, np.zeros(4), padding=1, stride=2, padding_mode="reflect")
    dx, dw, db = bw.conv2d_backward(g, x, w, np.zeros(4), padding=1, stride=2,
                                    padding_mode="reflect", weight_grad=False)
    assert dw is None and db is None
    np.testing.assert_array_equal(dx, full[0])
    g = rng.normal(size=(4, 4, 4))
    single = bw.conv2d_backward(g, x[0], w, None, weight_grad=False)
    np.testing.assert_array_equal(single[0], bw.conv2d_backward(g, x[0], w)[0])


def test_conv_backward_single_image_and_float32():
    check_conv(2, "full", 1, "circular", True, True, batched=False)
    rng = np.random.default_rng(1)
    x, w = rng.normal(size=(4, 3, 9, 9)).astype(np.float32), rng.normal(size=(5, 3, 3, 3)).astype(np.float32)
    g = rng.normal(size=(4, 5, 9, 9)).astype(np.float32)
    grads32 = bw.conv2d_backward(g, x, w, np.zeros(5, np.float32), padding=1)
    grads64 = bw.conv2d_backward(g.astype(float), x.astype(float), w.astype(float), np.zeros(5), padding=1)
    for g32, g64 in zip(grads32, grads64):
        assert g32.dtype == np.float32
        np.testing.assert_allclose(g32, g64, rtol=1e-4, atol=1e-4)


POOL_CASES = [
    # kernel, stride, padding, ceil_mode
    (2, None, 0, False),
    (2, None, 0, True),
    (3, 2, 1, False),
    (3, 2, 1, True),
    ((3, 2), (2, 1), (1, 0), True),
    (2, 1, ((1, 0), (0, 1)), False),
    (3, 3, 1, True),
]


POOL_KINDS = [("max", True), ("avg", True), ("avg", False)]  # (mode, count_include_pad)


@pytest.mark.parametrize("mode, count_include_pad", POOL_KINDS)
@pytest.mark.parametrize("kernel, stride, padding, ceil_mode", POOL_CASES)
def test_pool_backward(kernel, stride, padding, ceil_mode, mode, count_include_pad):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 2, 7, 6))
    kwargs = dict(kernel_size=kernel, stride=stride, padding=padding, mode=mode, ceil_mode=ceil_mode,
                  count_include_pad=count_include_pad)
    r = rng.normal(size=ops.pool2d(x, **kwargs).shape)
    dx = bw.pool2d_backward(r, x, **kwargs)
    assert dx.shape == x.shape
    np.testing.assert_allclose(dx, numerical_grad(lambda: float((ops.pool2d(x, **kwargs) * r).sum()), x),
                               atol=1e-6)


def test_max_pool_tie_sends_gradient_to_one_winner_only():
    x = np.ones((1, 1, 2, 2))
    dx = bw.pool2d_backward(np.array([[[[5.0]]]]), x, 2)
    assert dx.sum() == 5.0 and dx[0, 0, 0, 0] == 5.0  # the first maximum, as the forward reports


@pytest.mark.parametrize("forward, backward", [
    (ops.relu, bw.relu_backward),
    (lambda x: ops.leaky_relu(x, 0.2), lambda g, x: bw.leaky_relu_backward(g, x, 0.2)),
    (ops.sigmoid, bw.sigmoid_backward),
    (ops.tanh, bw.tanh_backward),
    (lambda x: ops.softmax(x, axis=1), lambda g, x: bw.softmax_backward(g, x, axis=1)),
])
def test_activation_backward(forward, backward):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(3, 5))
    x[np.abs(x) < 0.01] = 0.5  # keep away from relu's kink
    r = rng.normal(size=x.shape)
    np.testing.assert_allclose(backward(r, x), numerical_grad(lambda: float((forward(x) * r).sum()), x),
                               atol=1e-7)


def test_dense_backward():
    rng = np.random.default_rng(4)
    x, w, b = rng.normal(size=(4, 6)), rng.normal(size=(3, 6)), rng.normal(size=3)
    r = rng.normal(size=(4, 3))
    loss = lambda: float(((x @ w.T + b) * r).sum())  # noqa: E731
    dx, dw, db = bw.dense_backward(r, x, w, b)
    for got, wrt in ((dx, x), (dw, w), (db, b)):
        np.testing.assert_allclose(got, numerical_grad(loss, wrt), atol=1e-7)
    assert bw.dense_backward(r, x, w)[2] is None


def test_softmax_cross_entropy_value_and_gradient():
    rng = np.random.default_rng(5)
    logits, labels = rng.normal(size=(5, 4)) * 3, np.array([0, 3, 1, 1, 2])
    loss, grad = bw.softmax_cross_entropy(logits, labels)
    p = ops.softmax(logits)
    assert loss == pytest.approx(-np.log(p[np.arange(5), labels]).mean())
    np.testing.assert_allclose(grad, numerical_grad(lambda: bw.softmax_cross_entropy(logits, labels)[0], logits),
                               atol=1e-8)
    # Huge logits: the log-softmax route stays finite where log(softmax) would give -inf.
    big_loss, big_grad = bw.softmax_cross_entropy(np.array([[1000.0, -1000.0]]), np.array([1]))
    assert big_loss == pytest.approx(2000.0) and np.isfinite(big_grad).all()


def test_label_smoothing_value_and_gradient():
    rng = np.random.default_rng(10)
    logits, labels = rng.normal(size=(5, 4)), np.array([0, 3, 1, 1, 2])
    loss, grad = bw.softmax_cross_entropy(logits, labels, smoothing=0.2)
    target = np.full((5, 4), 0.05)
    target[np.arange(5), labels] += 0.8
    assert loss == pytest.approx(-(target * np.log(ops.softmax(logits))).sum(axis=1).mean())
    np.testing.assert_allclose(
        grad, numerical_grad(lambda: bw.softmax_cross_entropy(logits, labels, 0.2)[0], logits), atol=1e-8)
    torch = pytest.importorskip("torch")
    expected = torch.nn.functional.cross_entropy(torch.tensor(logits), torch.tensor(labels), label_smoothing=0.2)
    assert loss == pytest.approx(float(expected))


# ---- torch autograd, where torch is installed ------------------------------------------------


def _torch_pads(pads):
    (top, bottom), (left, right) = pads
    return (left, right, top, bottom)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stride, padding, dilation, flip, with_bias",
                         CONV_MIXES + [(1, p, 1, False, True) for p in PADDING_FORMS])
def test_conv_backward_matches_torch(stride, padding, dilation, flip, with_bias, mode):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(6)
    x, w = rng.normal(size=(2, 3, 8, 9)), rng.normal(size=(4, 3, 3, 2))
    b = rng.normal(size=4) if with_bias else None
    pads = ops.resolve_padding(padding, w.shape[2:], dilation)
    tx, tw = torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True) if with_bias else None
    xp = F.pad(tx, _torch_pads(pads), mode="constant" if mode == "zeros" else mode)
    out = F.conv2d(xp, tw.flip(2, 3) if flip else tw, tb, stride=stride, dilation=dilation)
    r = rng.normal(size=tuple(out.shape))
    (out * torch.tensor(r)).sum().backward()
    dx, dw, db = bw.conv2d_backward(r, x, w, b, stride, padding, dilation, mode, flip)
    np.testing.assert_allclose(dx, tx.grad.numpy(), atol=1e-10)
    np.testing.assert_allclose(dw, tw.grad.numpy(), atol=1e-10)
    if with_bias:
        np.testing.assert_allclose(db, tb.grad.numpy(), atol=1e-10)


@pytest.mark.parametrize("mode, count_include_pad", POOL_KINDS)
@pytest.mark.parametrize("kernel, stride, padding, ceil_mode",
                         [c for c in POOL_CASES if not isinstance(c[2], tuple) or np.isscalar(c[2][0])])
def test_pool_backward_matches_torch(kernel, stride, padding, ceil_mode, mode, count_include_pad):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 3, 9, 8))
    tx = torch.tensor(x, requires_grad=True)
    if mode == "max":
        out = F.max_pool2d(tx, kernel, stride, padding, ceil_mode=ceil_mode)
    else:
        out = F.avg_pool2d(tx, kernel, stride, padding, ceil_mode=ceil_mode, count_include_pad=count_include_pad)
    r = rng.normal(size=tuple(out.shape))
    (out * torch.tensor(r)).sum().backward()
    dx = bw.pool2d_backward(r, x, kernel, stride, padding, mode, ceil_mode, count_include_pad)
    np.testing.assert_allclose(dx, tx.grad.numpy(), atol=1e-10)


# ---- whole networks ----------------------------------------------------------------------------


def test_network_backward_matches_finite_differences_through_every_layer_kind():
    from engine import (AvgPool2d, Conv2d, Dense, Flatten, LeakyReLU, MaxPool2d, Network, ReLU, Sigmoid,
                        Softmax, Tanh)

    net = Network((2, 9, 8), [
        Conv2d(3, 3, padding=1, padding_mode="reflect", flip=True), LeakyReLU(0.1),
        MaxPool2d(2, ceil_mode=True),
        Conv2d(4, (2, 3), stride=(2, 1), padding="full", dilation=(1, 2)), Tanh(),
        AvgPool2d(2, stride=1, padding=1, count_include_pad=False), Sigmoid(),
        Flatten(), Dense(5), ReLU(), Dense(3), Softmax(),
    ], seed=1)
    for p in net.params:  # float64 weights make the whole forward float64, fine for differences
        for k in p:
            p[k] = p[k].astype(np.float64) + 0.1
    rng = np.random.default_rng(8)
    x, labels = rng.random((3, 2, 9, 8)).astype(np.float32), np.array([0, 2, 1])
    loss = lambda: bw.softmax_cross_entropy(net.forward(x)[-2], labels)[0]  # noqa: E731
    outputs = net.forward(x)
    grads = bw.network_backward(net, x, outputs, bw.softmax_cross_entropy(outputs[-2], labels)[1],
                                len(net.layers) - 2)
    assert [set(g) for g in grads] == [set(p) for p in net.params]
    for p, g in zip(net.params, grads):
        for k in p:
            picks = rng.choice(p[k].size, min(p[k].size, 12), replace=False)
            np.testing.assert_allclose(g[k].reshape(-1)[picks], numerical_grad(loss, p[k], picks=picks),
                                       atol=1e-7)

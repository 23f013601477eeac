"""Every backward against central finite differences of the forward op (float64), and torch."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    dx, dw, db = bw.conv2d_backward(r, x, w, b, stride, padding, dilation, 1, mode, flip)
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


# ---- grouped and transposed convolution, batch norm, dropout ---------------------------------


def _check_by_differences(forward, backward, arrays, rng, atol=1e-6):
    """``backward(r)`` against central differences of Σ forward() · r for every array given."""
    r = rng.normal(size=forward().shape)
    loss = lambda: float((forward() * r).sum())  # noqa: E731
    for got, array in zip(backward(r), arrays):
        np.testing.assert_allclose(got, numerical_grad(loss, array), atol=atol)


@pytest.mark.parametrize("groups, stride, padding, dilation, mode, flip", [
    (2, 1, 1, 1, "zeros", False), (3, 2, (1, 0), (1, 2), "reflect", True),
    (6, 1, 1, 1, "circular", False), (3, (2, 1), 2, 2, "replicate", False)])
def test_grouped_conv_backward_matches_finite_differences(groups, stride, padding, dilation, mode, flip):
    rng = np.random.default_rng(11)
    x, w, b = rng.normal(size=(2, 6, 7, 6)), rng.normal(size=(6, 6 // groups, 3, 2)), rng.normal(size=6)
    args = (stride, padding, dilation, groups, mode, flip)
    _check_by_differences(lambda: ops.conv2d(x, w, b, *args),
                          lambda r: bw.conv2d_backward(r, x, w, b, *args), (x, w, b), rng)


@pytest.mark.parametrize("groups, stride, padding, output_padding, dilation", [
    (1, 2, 0, 0, 1), (1, 2, 1, 1, 1), (2, (3, 2), (1, 0), (2, 1), (1, 2)), (4, 1, 0, 1, 2),
    (2, 1, 2, 0, 3)])
def test_conv_transpose_backward_matches_finite_differences(groups, stride, padding, output_padding,
                                                            dilation):
    rng = np.random.default_rng(12)
    x, w = rng.normal(size=(2, 4, 3, 4)), rng.normal(size=(4, 6 // 2 if groups == 2 else 2, 3, 2))
    b = rng.normal(size=w.shape[1] * groups)
    args = (stride, padding, output_padding, groups, dilation)
    _check_by_differences(lambda: ops.conv_transpose2d(x, w, b, *args),
                          lambda r: bw.conv_transpose2d_backward(r, x, w, b, *args), (x, w, b), rng)
    single = bw.conv_transpose2d_backward(np.ones(ops.conv_transpose2d(x[0], w, b, *args).shape),
                                          x[0], w, b, *args)
    assert single[0].shape == x[0].shape


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("affine", [False, True])
def test_batch_norm_backward_matches_finite_differences(training, affine):
    rng = np.random.default_rng(13)
    x = rng.normal(size=(3, 2, 3, 4)) * 2 + 1
    mean, var = rng.normal(size=2), rng.uniform(0.5, 2, 2)
    w, b = (rng.normal(size=2), rng.normal(size=2)) if affine else (None, None)

    def forward():  # running statistics copied: the forward must not drift while differencing
        return ops.batch_norm2d(x, mean.copy(), var.copy(), w, b, training, 0.1, 1e-3)

    dx, dw, db = bw.batch_norm2d_backward(np.ones_like(x), x, mean, var, w, b, training, 0.1, 1e-3)
    assert (dw is None) == (db is None) == (not affine)
    arrays = (x, w, b) if affine else (x,)
    _check_by_differences(forward, lambda r: bw.batch_norm2d_backward(
        r, x, mean, var, w, b, training, 0.1, 1e-3)[:len(arrays)], arrays, rng)


def test_dropout_backward_routes_the_gradient_through_the_kept_values():
    rng = np.random.default_rng(14)
    x = rng.normal(size=(5, 6))
    out, mask = ops.dropout(x, 0.3, rng=rng, return_mask=True)
    _check_by_differences(lambda: x * mask, lambda r: (bw.dropout_backward(r, mask),), (x,), rng)


def _torch_grads(torch_forward, arrays, rng):
    import torch
    tensors = [None if a is None else torch.tensor(a, requires_grad=True) for a in arrays]
    out = torch_forward(*tensors)
    r = rng.normal(size=tuple(out.shape))
    (out * torch.tensor(r)).sum().backward()
    return r, [None if t is None else t.grad.numpy() for t in tensors]


@st.composite
def _conv_grad_cases(draw):
    groups = draw(st.integers(1, 3))
    return dict(groups=groups, channels=groups * draw(st.integers(1, 2)),
                filters=groups * draw(st.integers(1, 2)),
                kernel=(draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                stride=(draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                dilation=(draw(st.integers(1, 2)), draw(st.integers(1, 2))),
                padding=(draw(st.integers(0, 2)), draw(st.integers(0, 2))),
                hw=(draw(st.integers(1, 6)), draw(st.integers(1, 6))), bias=draw(st.booleans()),
                output_padding=(draw(st.integers(0, 2)), draw(st.integers(0, 2))),
                seed=draw(st.integers(0, 2**16)))


@settings(max_examples=200, deadline=None)
@given(_conv_grad_cases())
def test_grouped_conv_backward_matches_torch(case):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(case["seed"])
    x = rng.normal(size=(2, case["channels"]) + case["hw"])
    w = rng.normal(size=(case["filters"], case["channels"] // case["groups"]) + case["kernel"])
    b = rng.normal(size=case["filters"]) if case["bias"] else None
    args = (case["stride"], case["padding"], case["dilation"], case["groups"])
    try:
        r, expected = _torch_grads(lambda tx, tw, tb: torch.nn.functional.conv2d(tx, tw, tb, *args),
                                   (x, w, b), rng)
    except RuntimeError:  # the kernel does not fit: ours refuses it too
        with pytest.raises(ops.ConfigError):
            ops.conv2d(x, w, b, *args)
        return
    for got, want in zip(bw.conv2d_backward(r, x, w, b, *args), expected):
        assert (got is None) == (want is None)
        if want is not None:
            np.testing.assert_allclose(got, want, atol=1e-10)


@settings(max_examples=200, deadline=None)
@given(_conv_grad_cases())
def test_conv_transpose_backward_matches_torch(case):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(case["seed"])
    x = rng.normal(size=(2, case["channels"]) + case["hw"])
    w = rng.normal(size=(case["channels"], case["filters"] // case["groups"]) + case["kernel"])
    b = rng.normal(size=case["filters"]) if case["bias"] else None
    args = (case["stride"], case["padding"], case["output_padding"], case["groups"],
            case["dilation"])
    try:
        r, expected = _torch_grads(
            lambda tx, tw, tb: torch.nn.functional.conv_transpose2d(tx, tw, tb, *args), (x, w, b), rng)
    except RuntimeError:
        with pytest.raises(ops.ConfigError):
            ops.conv_transpose2d(x, w, b, *args)
        return
    np.testing.assert_allclose(ops.conv_transpose2d(x, w, b, *args).shape, r.shape)
    for got, want in zip(bw.conv_transpose2d_backward(r, x, w, b, *args), expected):
        assert (got is None) == (want is None)
        if want is not None:
            np.testing.assert_allclose(got, want, atol=1e-10)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.booleans(), st.booleans(),
       st.integers(0, 2**16))
def test_batch_norm_backward_matches_torch(n, channels, size, training, affine, seed):
    torch = pytest.importorskip("torch")
    if training and n * size * size < 2:
        return
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, channels, size, size))
    mean, var = rng.normal(size=channels), rng.uniform(0.5, 2, channels)
    w, b = (rng.normal(size=channels), rng.normal(size=channels)) if affine else (None, None)
    r, expected = _torch_grads(lambda tx, tw, tb: torch.nn.functional.batch_norm(
        tx, torch.tensor(mean), torch.tensor(var), tw, tb, training, 0.1, 1e-5), (x, w, b), rng)
    got = bw.batch_norm2d_backward(r, x, mean, var, w, b, training, 0.1, 1e-5)
    for ours, theirs in zip(got, expected):
        assert (ours is None) == (theirs is None)
        if theirs is not None:
            np.testing.assert_allclose(ours, theirs, atol=1e-9)

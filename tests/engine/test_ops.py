"""engine.ops against plain-loop references, textbook worked examples and (if present) torch."""

import math
import re
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import ops
from engine import (
    ConfigError, batch_norm2d, conv2d, conv_transpose2d, dropout, leaky_relu, pool2d, relu, sigmoid,
    softmax, tanh,
)
from engine.ops import PADDING_MODES
from tests.engine import reference as ref

DTYPES = [np.float32, np.float64]


def tolerance(dtype):
    return {"rtol": 1e-4, "atol": 1e-4} if dtype == np.float32 else {"rtol": 1e-10, "atol": 1e-10}


def as_pair(value):
    return (value, value) if isinstance(value, int) else value


# Window-matrix sizes for engine.ops._correlate: the default (one GEMM for the whole batch),
# a few images or a band of rows per GEMM, down to one row at a time with a partial last band.
BLOCKS = st.sampled_from([None, 1, 40, 300])


@st.composite
def conv_cases(draw):
    """A random conv2d call (often valid, sometimes impossible) and its explicit-pads twin."""
    pair = st.tuples(st.integers(1, 3), st.integers(1, 3))
    stride = draw(st.one_of(st.integers(1, 3), pair))
    dilation = draw(st.one_of(st.just(1), st.integers(1, 3), pair))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    kind = draw(st.sampled_from(["int", "pair", "sides", "valid", "same", "full"]))
    padding = {
        "int": draw(st.integers(0, 3)),
        "pair": (draw(st.integers(0, 3)), draw(st.integers(0, 3))),
        "sides": tuple((draw(st.integers(0, 3)), draw(st.integers(0, 3))) for _ in range(2)),
    }.get(kind, kind)
    d = as_pair(dilation)
    if kind == "same":
        pads = ref.same_padding(kernel, d)
    elif kind == "full":
        pads = ref.full_padding(kernel, d)
    elif kind == "valid":
        pads = ((0, 0), (0, 0))
    elif kind == "sides":
        pads = padding
    else:
        ph, pw = as_pair(padding)
        pads = ((ph, ph), (pw, pw))
    batch = draw(st.sampled_from([None, 1, 2]))
    channels, filters = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    height, width = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    shape = (channels, height, width) if batch is None else (batch, channels, height, width)
    return dict(shape=shape, weight_shape=(filters, channels) + kernel, stride=stride,
                dilation=dilation, padding=padding, pads=pads, block=draw(BLOCKS),
                padding_mode=draw(st.sampled_from(PADDING_MODES)), flip=draw(st.booleans()),
                bias=draw(st.booleans()), dtype=draw(st.sampled_from(DTYPES)),
                seed=draw(st.integers(0, 2**16)))


def conv_is_possible(case):
    """Whether torch would accept the case: pads within mode limits, at least one output."""
    height, width = case["shape"][-2:]
    kh, kw = case["weight_shape"][2:]
    (top, bottom), (left, right) = case["pads"]
    dh, dw = as_pair(case["dilation"])
    limit = {"reflect": 1, "circular": 0}.get(case["padding_mode"])
    if limit is not None and (max(top, bottom) > height - limit or max(left, right) > width - limit):
        return False
    if case["padding"] == "same" and as_pair(case["stride"]) != (1, 1):
        return False
    return (height + top + bottom >= dh * (kh - 1) + 1
            and width + left + right >= dw * (kw - 1) + 1)


@settings(max_examples=60, deadline=None)
@given(conv_cases())
def test_conv2d_matches_loop_reference(case):
    rng = np.random.default_rng(case["seed"])
    x = rng.standard_normal(case["shape"]).astype(case["dtype"])
    weight = rng.standard_normal(case["weight_shape"]).astype(case["dtype"])
    bias = rng.standard_normal(weight.shape[0]).astype(case["dtype"]) if case["bias"] else None
    kwargs = dict(stride=case["stride"], dilation=case["dilation"],
                  padding_mode=case["padding_mode"], flip=case["flip"])
    if not conv_is_possible(case):
        with pytest.raises(ConfigError):
            conv2d(x, weight, bias, padding=case["padding"], **kwargs)
        return
    block = case["block"] or ops._BLOCK_ELEMENTS
    with mock.patch.object(ops, "_BLOCK_ELEMENTS", block):
        out = conv2d(x, weight, bias, padding=case["padding"], **kwargs)
    x4 = x if x.ndim == 4 else x[None]
    expected = ref.conv2d(x4, weight, bias, as_pair(case["stride"]), case["pads"],
                          as_pair(case["dilation"]), case["padding_mode"], case["flip"])
    assert out.dtype == case["dtype"]
    np.testing.assert_allclose(out, expected if x.ndim == 4 else expected[0],
                               **tolerance(case["dtype"]))


@st.composite
def pool_cases(draw):
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    stride = draw(st.one_of(st.none(), st.integers(1, 3),
                            st.tuples(st.integers(1, 3), st.integers(1, 3))))
    # torch allows at most half the window on each side
    ph, pw = draw(st.integers(0, kernel[0] // 2)), draw(st.integers(0, kernel[1] // 2))
    padding = draw(st.sampled_from([(ph, pw), ph if ph <= kernel[1] // 2 else 0,
                                    ((ph, 0), (0, pw))]))
    batch = draw(st.sampled_from([None, 2]))
    shape = (draw(st.integers(1, 3)), draw(st.integers(1, 8)), draw(st.integers(1, 8)))
    return dict(shape=shape if batch is None else (batch,) + shape, kernel=kernel, stride=stride,
                padding=padding, ceil_mode=draw(st.booleans()),
                count_include_pad=draw(st.booleans()), dtype=draw(st.sampled_from(DTYPES)),
                data=draw(st.sampled_from(["normal", "ties", "nan", "-inf"])),
                seed=draw(st.integers(0, 2**16)))


def pool_input(case):
    """Normal values, or small integers (many equal maxima), or those with NaN or -inf."""
    rng = np.random.default_rng(case["seed"])
    if case["data"] == "normal":
        return rng.standard_normal(case["shape"]).astype(case["dtype"])
    x = rng.integers(0, 3, case["shape"]).astype(case["dtype"])
    if case["data"] != "ties":
        x[rng.random(case["shape"]) < 0.5] = np.nan if case["data"] == "nan" else -np.inf
    return x


@settings(max_examples=60, deadline=None)
@given(pool_cases())
def test_pool2d_matches_loop_reference(case):
    x = pool_input(case)
    x4 = x if x.ndim == 4 else x[None]
    kernel, stride = case["kernel"], case["stride"]
    stride = kernel if stride is None else as_pair(stride)
    pads = case["padding"]
    pads = ((pads, pads), (pads, pads)) if isinstance(pads, int) else pads
    pads = pads if isinstance(pads[0], tuple) else ((pads[0],) * 2, (pads[1],) * 2)
    common = dict(kernel_size=kernel, stride=case["stride"], padding=case["padding"],
                  ceil_mode=case["ceil_mode"])
    expected, expected_indices = ref.pool2d(x4, kernel, stride, pads, "max", case["ceil_mode"])
    if expected.size == 0:
        with pytest.raises(ConfigError):
            pool2d(x, **common)
        return
    unbatch = (lambda a: a) if x.ndim == 4 else (lambda a: a[0])
    out, indices = pool2d(x, **common, return_indices=True)
    assert out.dtype == case["dtype"] and indices.dtype == np.int64
    np.testing.assert_array_equal(out, unbatch(expected))  # NaN where expected has NaN
    np.testing.assert_array_equal(indices, unbatch(expected_indices))
    avg = pool2d(x, **common, mode="avg", count_include_pad=case["count_include_pad"])
    expected_avg = ref.pool2d(x4, kernel, stride, pads, "avg", case["ceil_mode"],
                              case["count_include_pad"])
    assert avg.dtype == case["dtype"]
    np.testing.assert_allclose(avg, unbatch(expected_avg), **tolerance(case["dtype"]))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("block", [None, 5000])
@pytest.mark.parametrize("stride, dilation", [(1, 1), (2, 1), ((1, 2), 2)])
def test_conv2d_on_larger_batches_matches_the_definition(dtype, block, stride, dilation):
    """Bigger than the loop reference can afford: against an einsum over sliding windows."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 8, 37, 41)).astype(dtype)
    weight = rng.standard_normal((16, 8, 3, 4)).astype(dtype)
    with mock.patch.object(ops, "_BLOCK_ELEMENTS", block or ops._BLOCK_ELEMENTS):
        out = conv2d(x, weight, stride=stride, padding=2, dilation=dilation)
    sh, sw = as_pair(stride)
    dh, dw = as_pair(dilation)
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (2, 2), (2, 2)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (2 * dh + 1, 3 * dw + 1), axis=(2, 3))
    windows = windows[:, :, ::sh, ::sw, ::dh, ::dw]  # (N, C, H', W', kh, kw)
    expected = np.einsum("nchwij,fcij->nfhw", windows, weight.astype(np.float64))
    assert out.dtype == dtype
    np.testing.assert_allclose(out, expected, **tolerance(dtype))


def test_views_with_odd_strides_are_read_correctly():
    """Slices, reversed and transposed views (no padding, so no copy happens first)."""
    base = np.random.default_rng(6).standard_normal((2, 3, 12, 14))
    weight = np.random.default_rng(7).standard_normal((2, 3, 3, 2))
    for x in (base[:, :, ::2, ::-1], base.transpose(0, 1, 3, 2), base[1, :, 1:, 2:]):
        x4 = x if x.ndim == 4 else x[None]
        expected = ref.conv2d(np.ascontiguousarray(x4), weight)
        np.testing.assert_allclose(conv2d(x, weight), expected if x.ndim == 4 else expected[0],
                                   rtol=1e-10, atol=1e-10)
        out, indices = pool2d(x, (2, 3), return_indices=True)
        ref_out, ref_indices = ref.pool2d(np.ascontiguousarray(x4), (2, 3), (2, 3))
        np.testing.assert_array_equal(out, ref_out if x.ndim == 4 else ref_out[0])
        np.testing.assert_array_equal(indices, ref_indices if x.ndim == 4 else ref_indices[0])


def test_max_pool_of_minus_infinity_points_inside_the_image():
    x = np.full((1, 4, 5), -np.inf)
    x[0, 3, 4] = 1.0
    out, indices = pool2d(x, 3, 2, 1, ceil_mode=True, return_indices=True)
    expected, expected_indices = ref.pool2d(x[None], (3, 3), (2, 2), ((1, 1), (1, 1)), "max", True)
    np.testing.assert_array_equal(out, expected[0])
    np.testing.assert_array_equal(indices, expected_indices[0])


def test_max_pool_indices_point_at_the_winner():
    x = np.random.default_rng(1).standard_normal((3, 7, 9)).astype(np.float32)
    out, indices = pool2d(x, 3, 2, 1, ceil_mode=True, return_indices=True)
    winners = np.take_along_axis(x.reshape(3, -1), indices.reshape(3, -1), axis=1)
    np.testing.assert_array_equal(winners.reshape(out.shape), out)


@pytest.mark.parametrize("dtype", DTYPES)
def test_activations_keep_dtype_and_match_formulas(dtype):
    x = np.linspace(-6, 6, 25, dtype=dtype).reshape(5, 5)
    for op in (relu, leaky_relu, sigmoid, tanh, softmax):
        assert op(x).dtype == dtype
    np.testing.assert_array_equal(relu(x), [[max(v, 0) for v in row] for row in x])
    np.testing.assert_allclose(leaky_relu(x, 0.2), np.where(x > 0, x, 0.2 * x), rtol=1e-6)
    np.testing.assert_allclose(sigmoid(x), ref.sigmoid(x), **tolerance(dtype))
    np.testing.assert_allclose(tanh(x), np.vectorize(math.tanh)(x), **tolerance(dtype))
    np.testing.assert_allclose(softmax(x, axis=0).T, [ref.softmax(col) for col in x.T],
                               **tolerance(dtype))
    np.testing.assert_allclose(softmax(x), [ref.softmax(row) for row in x], **tolerance(dtype))


def test_softmax_and_sigmoid_are_stable_for_huge_inputs():
    logits = np.array([[1000.0, 1000.0, -1000.0], [-1e30, 0.0, 1e30]], dtype=np.float32)
    np.testing.assert_allclose(softmax(logits), [[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(sigmoid(np.array([-1e4, 0.0, 1e4])), [0.0, 0.5, 1.0])
    assert np.isfinite(sigmoid(np.array([-800.0, 800.0], dtype=np.float32))).all()


# --- worked examples from the tutorials ---------------------------------------------------

def test_one_dimensional_kernel_with_zero_padding():
    """[1, 1, 1] over [1, 1, 1, 0], padded with one zero each side, gives [2, 3, 2, 1]."""
    x = np.array([[[1.0, 1.0, 1.0, 0.0]]])
    kernel = np.ones((1, 1, 1, 3))
    np.testing.assert_array_equal(conv2d(x, kernel, padding=(0, 1)), [[[2, 3, 2, 1]]])
    np.testing.assert_array_equal(conv2d(x, kernel, padding="same"), [[[2, 3, 2, 1]]])


def test_cs231n_demo_shapes_and_hand_computed_values():
    """5×5×3 input, padding 1, two 3×3×3 filters, stride 2 -> 3×3×2 (cs231n's demo)."""
    x = np.stack([np.full((5, 5), c + 1.0) for c in range(3)])  # channel c is all c + 1
    weight = np.stack([np.ones((3, 3, 3)), -np.ones((3, 3, 3))])
    out = conv2d(x, weight, bias=np.array([1.0, 0.0]), stride=2, padding=1)
    assert out.shape == (2, 3, 3)
    # top-left window: 2×2 real pixels per channel (the rest is padding): 4·(1+2+3) + bias 1
    assert out[0, 0, 0] == 4 * 6 + 1
    assert out[0, 0, 1] == 6 * 6 + 1  # 2 real rows × 3 real columns
    assert out[0, 1, 1] == 9 * 6 + 1  # window fully inside
    assert out[1, 1, 1] == -54


def test_seed_tutorial_window_times_kernel_is_minus_eight():
    """4*0+0*0+0*0+0*0+0*1+0*1+0*0+0*1+-4*2 = -8."""
    window = np.array([[4, 0, 0], [0, 0, 0], [0, 0, -4]], dtype=np.float32)
    kernel = np.array([[0, 0, 0], [0, 1, 1], [0, 1, 2]], dtype=np.float32)
    assert conv2d(window[None], kernel[None, None]).tolist() == [[[-8.0]]]


def test_box_blur_of_a_constant_image_is_identity_inside():
    image = np.full((1, 8, 10), 5.0, dtype=np.float32)
    blur = np.full((1, 1, 3, 3), 1 / 9, dtype=np.float32)
    np.testing.assert_allclose(conv2d(image, blur), 5.0, rtol=1e-6)
    same = conv2d(image, blur, padding="same")
    np.testing.assert_allclose(same[0, 1:-1, 1:-1], 5.0, rtol=1e-6)
    np.testing.assert_allclose(same[0, 0, 0], 5.0 * 4 / 9, rtol=1e-6)  # corner sees zeros
    np.testing.assert_allclose(conv2d(image, blur, padding=1, padding_mode="replicate"), 5.0,
                               rtol=1e-6)


def test_flip_is_true_convolution():
    """Full true convolution with a separable kernel = np.convolve along rows, then columns."""
    rng = np.random.default_rng(3)
    image = rng.standard_normal((6, 7))
    a, b = rng.standard_normal(3), rng.standard_normal(2)
    rows = np.array([np.convolve(r, b) for r in image])
    expected = np.array([np.convolve(c, a) for c in rows.T]).T
    out = conv2d(image[None], np.outer(a, b)[None, None], padding="full", flip=True)
    np.testing.assert_allclose(out[0], expected, rtol=1e-10)


@pytest.mark.parametrize("call, words", [
    (lambda: conv2d(np.zeros((1, 4, 4)), np.zeros((1, 1, 5, 5))),
     "the input is 4×4 after padding, smaller than the kernel"),
    (lambda: conv2d(np.zeros((3, 4, 4)), np.zeros((1, 1, 3, 3))), "3 channels"),
    (lambda: conv2d(np.zeros((1, 8, 8)), np.zeros((1, 1, 3, 3)), stride=2, padding="same"),
     "stride 1"),
    (lambda: conv2d(np.zeros((1, 2, 2)), np.zeros((1, 1, 3, 3)), padding=2,
                    padding_mode="reflect"), "reflect"),
    (lambda: conv2d(np.zeros((1, 4, 4)), np.zeros((1, 1, 3, 3)), stride=0), "stride"),
    (lambda: conv2d(np.zeros((4, 4)), np.zeros((1, 1, 3, 3))), "channels"),
    (lambda: conv2d(np.zeros((1, 4, 4)), np.zeros((2, 1, 3, 3)), np.zeros(3)), "one value per filter"),
    (lambda: pool2d(np.zeros((1, 4, 4)), 2, padding=2), "half"),
    (lambda: pool2d(np.zeros((1, 1, 1)), 2), "smaller than the 2×2 pool window"),
    (lambda: pool2d(np.zeros((1, 4, 4)), 2, mode="median"), "max"),
])
def test_impossible_configurations_raise_config_error_in_words(call, words):
    with pytest.raises(ConfigError, match=words):
        call()


# --- torch, when it is installed ------------------------------------------------------------

@pytest.mark.parametrize("padding_mode", PADDING_MODES)
@pytest.mark.parametrize("padding", [0, 1, (2, 1), "same", "valid"])
def test_conv2d_matches_torch(padding_mode, padding):
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 9, 8)).astype(np.float32)
    weight = rng.standard_normal((4, 3, 4, 3)).astype(np.float32)
    bias = rng.standard_normal(4).astype(np.float32)
    module = torch.nn.Conv2d(3, 4, (4, 3), padding=padding, padding_mode=padding_mode,
                             dilation=(1, 2))
    with torch.no_grad():
        module.weight.copy_(torch.from_numpy(weight))
        module.bias.copy_(torch.from_numpy(bias))
        expected = module(torch.from_numpy(x)).numpy()
    out = conv2d(x, weight, bias, padding=padding, dilation=(1, 2), padding_mode=padding_mode)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)
    strided = functional.conv2d(torch.from_numpy(x), torch.from_numpy(weight), stride=(2, 3))
    np.testing.assert_allclose(conv2d(x, weight, stride=(2, 3)), strided.numpy(), rtol=1e-4,
                               atol=1e-4)


@pytest.mark.parametrize("kernel, stride, padding", [(2, None, 0), (3, 2, 1), ((3, 2), (2, 3), (1, 0))])
@pytest.mark.parametrize("ceil_mode", [False, True])
def test_pool2d_matches_torch(kernel, stride, padding, ceil_mode):
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    x = np.random.default_rng(2).standard_normal((2, 3, 9, 10)).astype(np.float32)
    tx = torch.from_numpy(x)
    out, indices = pool2d(x, kernel, stride, padding, ceil_mode=ceil_mode, return_indices=True)
    t_out, t_indices = functional.max_pool2d(tx, kernel, stride, padding, ceil_mode=ceil_mode,
                                             return_indices=True)
    np.testing.assert_array_equal(out, t_out.numpy())
    np.testing.assert_array_equal(indices, t_indices.numpy())
    for include in (True, False):
        avg = pool2d(x, kernel, stride, padding, "avg", ceil_mode, include)
        t_avg = functional.avg_pool2d(tx, kernel, stride, padding, ceil_mode, include)
        np.testing.assert_allclose(avg, t_avg.numpy(), rtol=1e-5, atol=1e-6)


def test_activations_match_torch():
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(4).standard_normal((4, 10)).astype(np.float32) * 20
    tx = torch.from_numpy(x)
    np.testing.assert_allclose(sigmoid(x), torch.sigmoid(tx).numpy(), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(softmax(x), torch.softmax(tx, dim=-1).numpy(), rtol=1e-5,
                               atol=1e-7)
    np.testing.assert_allclose(leaky_relu(x, 0.1),
                               torch.nn.functional.leaky_relu(tx, 0.1).numpy(), rtol=1e-6)


# ---- grouped convolution, transposed convolution, batch norm, dropout ---------------------------


def _pair(draw, low, high):
    return draw(st.integers(low, high)), draw(st.integers(low, high))


@st.composite
def grouped_conv_cases(draw):
    groups = draw(st.integers(1, 3))
    per_group, filters_per_group = _pair(draw, 1, 2)
    kernel, stride, dilation, pad = (_pair(draw, 1, 3), _pair(draw, 1, 3), _pair(draw, 1, 2),
                                     _pair(draw, 0, 2))
    # circular padding wraps around at most once
    height = draw(st.integers(max(dilation[0] * (kernel[0] - 1) + 1, pad[0]), 7))
    width = draw(st.integers(max(dilation[1] * (kernel[1] - 1) + 1, pad[1]), 7))
    return dict(x_shape=(draw(st.integers(1, 2)), groups * per_group, height, width),
                weight_shape=(groups * filters_per_group, per_group) + kernel, groups=groups,
                stride=stride, dilation=dilation, padding=pad, flip=draw(st.booleans()),
                padding_mode=draw(st.sampled_from(["zeros", "replicate", "circular"])),
                bias=draw(st.booleans()), block=draw(BLOCKS), seed=draw(st.integers(0, 2**16)))


def _grouped_inputs(case):
    rng = np.random.default_rng(case["seed"])
    x = rng.standard_normal(case["x_shape"])
    weight = rng.standard_normal(case["weight_shape"])
    bias = rng.standard_normal(weight.shape[0]) if case["bias"] else None
    return x, weight, bias


@settings(max_examples=80, deadline=None)
@given(grouped_conv_cases())
def test_grouped_conv2d_matches_loop_reference(case):
    x, weight, bias = _grouped_inputs(case)
    with mock.patch.object(ops, "_BLOCK_ELEMENTS", case["block"] or ops._BLOCK_ELEMENTS):
        out = conv2d(x, weight, bias, case["stride"], case["padding"], case["dilation"],
                     case["groups"], case["padding_mode"], case["flip"])
    pads = tuple((p, p) for p in case["padding"])
    expected = ref.conv2d(x, weight, bias, case["stride"], pads, case["dilation"],
                          case["padding_mode"], case["flip"], case["groups"])
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-10)


@settings(max_examples=300, deadline=None)
@given(grouped_conv_cases())
def test_grouped_conv2d_matches_torch(case):
    torch = pytest.importorskip("torch")
    x, weight, bias = _grouped_inputs(case)
    (ph, pw), mode = case["padding"], case["padding_mode"]
    tx = torch.nn.functional.pad(torch.tensor(x), (pw, pw, ph, ph),
                                 mode="constant" if mode == "zeros" else mode)
    tw = torch.tensor(weight[:, :, ::-1, ::-1].copy() if case["flip"] else weight)
    expected = torch.nn.functional.conv2d(tx, tw, None if bias is None else torch.tensor(bias),
                                          case["stride"], 0, case["dilation"], case["groups"])
    out = conv2d(x, weight, bias, case["stride"], case["padding"], case["dilation"],
                 case["groups"], mode, case["flip"])
    np.testing.assert_allclose(out, expected.numpy(), rtol=1e-10, atol=1e-10)


def test_depthwise_conv2d_filters_see_their_own_channel_only():
    x = np.stack([np.full((4, 4), 1.0), np.full((4, 4), 10.0), np.full((4, 4), 100.0)])
    weight = np.ones((3, 1, 3, 3))
    np.testing.assert_array_equal(conv2d(x, weight, groups=3)[:, 0, 0], [9, 90, 900])


@pytest.mark.parametrize("call, words", [
    (lambda: conv2d(np.zeros((3, 4, 4)), np.zeros((2, 1, 3, 3)), groups=3),
     "2 filters cannot be split into 3"),
    (lambda: conv2d(np.zeros((4, 4, 4)), np.zeros((3, 2, 3, 3)), groups=3),
     "4 input channels cannot be split into 3"),
    (lambda: conv2d(np.zeros((4, 4, 4)), np.zeros((2, 1, 3, 3)), groups=2), "2 groups of 1"),
    (lambda: conv2d(np.zeros((2, 4, 4)), np.zeros((2, 1, 3, 3)), groups=0), "at least 1"),
    (lambda: conv_transpose2d(np.zeros((1, 2, 2)), np.zeros((1, 1, 3, 3)), stride=2,
                              output_padding=2), "smaller than the stride (2) or the dilation (1)"),
    (lambda: conv_transpose2d(np.zeros((1, 2, 2)), np.zeros((1, 1, 1, 1)), padding=1),
     "crops away the whole output"),
    (lambda: conv_transpose2d(np.zeros((2, 2, 2)), np.zeros((1, 1, 3, 3))), "expects 1"),
    (lambda: batch_norm2d(np.zeros((1, 1, 1, 1)), None, None, training=True),
     "more than one value per channel"),
    (lambda: batch_norm2d(np.zeros((2, 3, 3)), np.zeros(3), np.ones(3)), "one value per channel (2)"),
    (lambda: dropout(np.zeros(3), p=1.5), "between 0 and 1"),
])
def test_new_ops_refuse_impossible_settings_in_words(call, words):
    with pytest.raises(ConfigError, match=r"(?i)" + re.escape(words).replace("at\\ least\\ 1", "(at least 1|≥ 1)")):
        call()


@st.composite
def transposed_cases(draw):
    groups = draw(st.integers(1, 3))
    per_group, filters_per_group = _pair(draw, 1, 2)
    kernel, stride, dilation = _pair(draw, 1, 4), _pair(draw, 1, 3), _pair(draw, 1, 3)
    output_padding = tuple(draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation))
    padding = _pair(draw, 0, 2)
    return dict(x_shape=(draw(st.integers(1, 2)), groups * per_group, draw(st.integers(1, 5)),
                         draw(st.integers(1, 5))),
                weight_shape=(groups * per_group, filters_per_group) + kernel, groups=groups,
                stride=stride, padding=padding, output_padding=output_padding, dilation=dilation,
                bias=draw(st.booleans()), seed=draw(st.integers(0, 2**16)))


def _transposed_call(case):
    x, weight, _ = _grouped_inputs(case)
    filters = weight.shape[1] * case["groups"]
    bias = np.random.default_rng(case["seed"] + 1).standard_normal(filters) if case["bias"] else None
    args = (case["stride"], case["padding"], case["output_padding"], case["groups"],
            case["dilation"])
    return x, weight, bias, args


def _transposed_size_ok(case):
    return all((n - 1) * s - 2 * p + d * (k - 1) + op + 1 >= 1 for n, s, p, d, k, op in zip(
        case["x_shape"][2:], case["stride"], case["padding"], case["dilation"],
        case["weight_shape"][2:], case["output_padding"]))


@settings(max_examples=80, deadline=None)
@given(transposed_cases())
def test_conv_transpose2d_matches_loop_reference(case):
    x, weight, bias, args = _transposed_call(case)
    if not _transposed_size_ok(case):
        with pytest.raises(ConfigError):
            conv_transpose2d(x, weight, bias, *args)
        return
    out = conv_transpose2d(x, weight, bias, *args)
    np.testing.assert_allclose(out, ref.conv_transpose2d(x, weight, bias, *args),
                               rtol=1e-10, atol=1e-10)
    single = conv_transpose2d(x[0], weight, bias, *args)
    np.testing.assert_allclose(single, out[0], rtol=1e-12, atol=1e-12)


@settings(max_examples=300, deadline=None)
@given(transposed_cases())
def test_conv_transpose2d_matches_torch(case):
    torch = pytest.importorskip("torch")
    x, weight, bias, args = _transposed_call(case)
    try:
        expected = torch.nn.functional.conv_transpose2d(
            torch.tensor(x), torch.tensor(weight), None if bias is None else torch.tensor(bias),
            *args).numpy()
    except RuntimeError:
        with pytest.raises(ConfigError):
            conv_transpose2d(x, weight, bias, *args)
        return
    np.testing.assert_allclose(conv_transpose2d(x, weight, bias, *args), expected,
                               rtol=1e-10, atol=1e-10)


def test_conv_transpose2d_upsamples_2x2_to_4x4_by_stamping_the_kernel():
    x = np.array([[[1.0, 2.0], [3.0, 4.0]]])
    out = conv_transpose2d(x, np.ones((1, 1, 2, 2)), stride=2)
    np.testing.assert_array_equal(out[0], [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]])
    assert conv_transpose2d(x.astype(np.float32), np.ones((1, 1, 2, 2), np.float32)).dtype == np.float32


@st.composite
def batch_norm_cases(draw):
    return dict(shape=(draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 4)),
                       draw(st.integers(1, 4))),
                affine=draw(st.booleans()), momentum=draw(st.sampled_from([0.1, 0.5, 1.0])),
                eps=draw(st.sampled_from([1e-5, 1e-3, 0.5])), seed=draw(st.integers(0, 2**16)))


def _batch_norm_inputs(case):
    rng = np.random.default_rng(case["seed"])
    channels = case["shape"][1]
    x = rng.standard_normal(case["shape"]) * 3 + 1
    stats = rng.standard_normal(channels), rng.uniform(0.1, 2.0, channels)
    affine = (rng.standard_normal(channels), rng.standard_normal(channels)) if case["affine"] \
        else (None, None)
    return x, stats, affine


@settings(max_examples=60, deadline=None)
@given(batch_norm_cases())
def test_batch_norm2d_matches_loop_reference(case):
    x, (mean, var), (weight, bias) = _batch_norm_inputs(case)
    ones, zeros = np.ones(len(mean)), np.zeros(len(mean))
    gamma, beta = (ones, zeros) if weight is None else (weight, bias)
    out = batch_norm2d(x, mean, var, weight, bias, eps=case["eps"])
    np.testing.assert_allclose(out, ref.batch_norm2d(x, mean, var, gamma, beta, case["eps"]),
                               rtol=1e-10, atol=1e-10)
    if x.size // x.shape[1] > 1:
        running = [mean.copy(), var.copy()]
        out = batch_norm2d(x, *running, weight, bias, True, case["momentum"], case["eps"])
        batch_mean, batch_var = ref.channel_statistics(x)
        np.testing.assert_allclose(out, ref.batch_norm2d(x, batch_mean, batch_var, gamma, beta,
                                                         case["eps"]), rtol=1e-9, atol=1e-9)
        count = x.size // x.shape[1]
        m = case["momentum"]
        np.testing.assert_allclose(running[0], (1 - m) * mean + m * batch_mean, rtol=1e-12)
        np.testing.assert_allclose(running[1], (1 - m) * var + m * batch_var * count / (count - 1),
                                   rtol=1e-12)


@settings(max_examples=200, deadline=None)
@given(batch_norm_cases(), st.booleans())
def test_batch_norm2d_matches_torch(case, training):
    torch = pytest.importorskip("torch")
    x, (mean, var), (weight, bias) = _batch_norm_inputs(case)
    t_running = [torch.tensor(mean), torch.tensor(var)]
    running = [mean.copy(), var.copy()]
    optional = [None if a is None else torch.tensor(a) for a in (weight, bias)]
    try:
        expected = torch.nn.functional.batch_norm(torch.tensor(x), *t_running, *optional,
                                                  training, case["momentum"], case["eps"])
    except ValueError:
        with pytest.raises(ConfigError):
            batch_norm2d(x, *running, weight, bias, training, case["momentum"], case["eps"])
        return
    out = batch_norm2d(x, *running, weight, bias, training, case["momentum"], case["eps"])
    np.testing.assert_allclose(out, expected.numpy(), rtol=1e-9, atol=1e-9)
    for ours, theirs in zip(running, t_running):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-12, atol=1e-12)


def test_batch_norm2d_keeps_float32_and_single_images():
    x = np.arange(18, dtype=np.float32).reshape(2, 3, 3)
    out = batch_norm2d(x, np.zeros(2, np.float32), np.ones(2, np.float32), eps=0.0)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, x)


def test_dropout_zeroes_with_probability_p_and_rescales_the_rest():
    x = np.ones((200, 200), np.float32)
    out, mask = dropout(x, 0.25, rng=np.random.default_rng(0), return_mask=True)
    assert out.dtype == np.float32
    assert set(np.unique(out)) == {0.0, np.float32(1 / 0.75)}
    assert abs((out == 0).mean() - 0.25) < 0.01
    np.testing.assert_array_equal(out, x * mask)
    assert abs(out.mean() - 1) < 0.02  # the expected value is kept
    np.testing.assert_array_equal(dropout(x, 0.25, training=False), x)
    np.testing.assert_array_equal(dropout(x, 1.0), 0 * x)
    same = dropout(x, 0.5, rng=np.random.default_rng(3)), dropout(x, 0.5, rng=np.random.default_rng(3))
    np.testing.assert_array_equal(*same)

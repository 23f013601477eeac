"""Network: shape inference, validation in words, init, forward/predict, summary, rebuilt."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from engine import (
    AvgPool2d, ConfigError, Conv2d, Dense, Flatten, MaxPool2d, Network, ReLU, Sigmoid,
    Softmax, Tanh,
)
from engine.limits import MAX_VALUES


def small_net(seed=0):
    return Network((2, 9, 9), [Conv2d(3, 3, padding=1), ReLU(), MaxPool2d(2), Conv2d(4, 2),
                               Tanh(), Dense(5), Softmax()], seed=seed)


def test_shapes_names_and_param_shapes():
    net = engine.default_digit_network()
    assert net.input_shape == (1, 28, 28)
    assert net.shapes == [(8, 28, 28), (8, 28, 28), (8, 14, 14), (16, 14, 14), (16, 14, 14),
                          (16, 7, 7), (784,), (64,), (64,), (10,), (10,)]
    assert net.names == ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten1",
                         "dense1", "relu3", "dense2", "softmax1"]
    assert net.params[0]["weight"].shape == (8, 1, 5, 5) and net.params[0]["bias"].shape == (8,)
    assert net.params[7]["weight"].shape == (64, 784) and net.params[1] == {}
    assert all(a.dtype == np.float32 for p in net.params for a in p.values())


def test_hw_input_shape_means_one_channel():
    assert Network((5, 6), [ReLU()]).input_shape == (1, 5, 6)


@pytest.mark.parametrize("layers, message", [
    ([Conv2d(4, 3), MaxPool2d(2), Conv2d(4, 5, padding=0)],
     "layer 3 (conv 5×5 s1 p0): the input is 4×4, smaller than the kernel (5×5)"),
    ([Conv2d(4, 3), MaxPool2d(2), Conv2d(4, 7, padding=1)],
     "layer 3 (conv 7×7 s1 p1): the input is 6×6 after padding, smaller than the kernel (7×7)"),
    ([Flatten(), Conv2d(2, 3)], "layer 2 (conv 3×3 s1 p0): the input is a flat list of 100"),
    ([Dense(4), MaxPool2d()], "layer 2 (max pool 2×2 s2): the input is a flat list of 4"),
    ([MaxPool2d(2), MaxPool2d(2), MaxPool2d(2), MaxPool2d(2)],
     "layer 4 (max pool 2×2 s2): the input is 1×1, smaller than the pool window (2×2)"),
    ([Conv2d(0, 3)], "layer 1 (conv 3×3 s1 p0): the number of filters must be at least 1"),
    ([ReLU(), "relu"], "layer 2 is 'relu', not a layer"),
    ([{"type": "relu"}, {"type": "dens", "out_features": 3}],
     "layer 2: unknown layer type 'dens' (did you mean 'dense'?)"),
    ([Dense(MAX_VALUES + 1)], "layer 1 (dense 50000001): its output would hold 50,000,001"),
    ([Dense(MAX_VALUES)], "layer 1 (dense 50000000): its weight array would hold"),
])
def test_configuration_errors_name_the_layer(layers, message):
    with pytest.raises(ConfigError) as info:
        Network((1, 10, 10), layers)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("shape", [(0, 28, 28), (28,), (1, 2, 3, 4), "28x28", (1, -5, 5), None])
def test_bad_input_shapes(shape):
    with pytest.raises(ConfigError, match="the input size must be"):
        Network(shape, [ReLU()])


def test_dicts_are_accepted_as_layers():
    net = Network((1, 8, 8), [{"type": "conv2d", "out_channels": 2, "kernel_size": 3}, {"type": "relu"}])
    assert net.layers == [Conv2d(2, 3), ReLU()]


def test_init_is_seeded_per_layer_and_scaled():
    a, b, c = small_net(0), small_net(0), small_net(1)
    assert all(np.array_equal(p["weight"], q["weight"]) for p, q in zip(a.params, b.params) if p)
    assert not np.array_equal(a.params[0]["weight"], c.params[0]["weight"])
    big = Network((64, 16, 16), [Conv2d(64, 3), ReLU(), Conv2d(64, 3), Sigmoid()])
    he, xavier = big.params[0]["weight"], big.params[2]["weight"]
    assert he.std() == pytest.approx(np.sqrt(2 / (64 * 9)), rel=0.05)
    assert abs(xavier).max() <= np.sqrt(6 / (2 * 64 * 9)) and xavier.std() == pytest.approx(
        np.sqrt(2 / (2 * 64 * 9)), rel=0.05)
    assert not big.params[0]["bias"].any()


def test_given_params_are_kept_and_checked():
    net = small_net()
    again = Network(net.input_shape, net.layers, params=net.params)
    assert again.params[0]["weight"] is net.params[0]["weight"]
    bad = [dict(p) for p in net.params]
    bad[3] = {"weight": np.zeros((4, 3, 3, 3)), "bias": np.zeros(4)}
    with pytest.raises(ConfigError, match=r"layer 4 \(conv 2×2 s1 p0\): the weight has shape "
                                          r"\(4, 3, 3, 3\) \(float64\) but this layer needs"):
        Network(net.input_shape, net.layers, params=bad)
    with pytest.raises(ConfigError, match="needs weight and bias, but was given weight"):
        Network(net.input_shape, net.layers, params=[{"weight": net.params[0]["weight"]}] +
                net.params[1:])
    with pytest.raises(ConfigError, match="weights for 2 layers but the network has 7"):
        Network(net.input_shape, net.layers, params=net.params[:2])


def _reference(net, x):
    """The same computation spelled out with the ops, one call per layer."""
    outs = []
    for spec, p in zip(net.layers, net.params):
        if isinstance(spec, Conv2d):
            x = engine.conv2d(x, p["weight"], p.get("bias"), spec.stride, spec.padding,
                              spec.dilation, 1, spec.padding_mode, spec.flip)
        elif isinstance(spec, (MaxPool2d, AvgPool2d)):
            x = engine.pool2d(x, spec.kernel_size, spec.stride, spec.padding,
                              "max" if isinstance(spec, MaxPool2d) else "avg", spec.ceil_mode)
        elif isinstance(spec, Dense):
            x = p["weight"] @ x.reshape(-1) + p["bias"]
        elif isinstance(spec, Softmax):
            x = engine.softmax(x, axis=0)
        else:
            x = {ReLU: engine.relu, Tanh: engine.tanh, Sigmoid: engine.sigmoid}[type(spec)](x)
        outs.append(x)
    return outs


def test_forward_matches_ops_and_batches_agree():
    net = small_net()
    rng = np.random.default_rng(0)
    images = rng.random((3, 2, 9, 9), dtype=np.float32)
    batch = net.forward(images)
    for n in range(3):
        single = net.forward(images[n])
        for got, want, b in zip(single, _reference(net, images[n]), batch):
            assert got.dtype == np.float32 and got.shape == want.shape
            np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
            np.testing.assert_allclose(b[n], got, rtol=1e-5, atol=1e-6)


def test_huge_weights_overflow_to_inf_and_nan_silently_as_in_torch():
    # ±3.4e38 are valid float32 weights (a kernel cell takes them): the sums overflow
    net = Network((1, 4, 4), [Conv2d(2, 3, padding=1), AvgPool2d(2), Conv2d(1, 1), Softmax()])
    net.params[0]["weight"][0] = 3.4e38
    net.params[0]["weight"][1] = -3.4e38
    net.params[2]["weight"][...] = 1.0  # inf + (−inf)
    outputs = net.forward(np.ones((1, 4, 4), np.float32))  # warnings from engine are errors
    assert np.isinf(outputs[1]).all() and np.isnan(outputs[-1]).all()


def test_input_forms_for_one_channel():
    net = Network((1, 6, 6), [Conv2d(2, 3), Flatten(), Dense(3), Softmax()])
    image = np.random.default_rng(1).random((6, 6))
    hw, chw = net.forward(image), net.forward(image[None])
    batch = net.forward(np.stack([image, image]))  # (N, H, W)
    assert hw[-1].shape == chw[-1].shape == (3,) and batch[-1].shape == (2, 3)
    np.testing.assert_allclose(batch[-1][1], hw[-1], rtol=1e-6)
    assert net.predict(np.stack([image] * 4)).shape == (4, 3)
    assert net.predict(image).shape == (1, 3)
    np.testing.assert_allclose(net.predict(np.stack([image] * 4)).sum(axis=1), 1, rtol=1e-6)
    with pytest.raises(ConfigError, match=r"expects images of 1×6×6 .* shape \(7, 7\)"):
        net.forward(np.zeros((7, 7)))
    assert len(net.forward(image, upto=1)) == 2


def test_a_classifier_ends_in_softmax_over_a_flat_vector():
    assert Network((1, 4, 4), [Flatten(), Dense(3), Softmax()]).is_classifier
    assert not Network((1, 4, 4), [Conv2d(2, 3), Softmax()]).is_classifier  # over channels
    assert not Network((1, 4, 4), [Flatten(), Dense(3)]).is_classifier
    assert not Network((1, 4, 4), []).is_classifier


def test_predict_needs_final_softmax():
    with pytest.raises(ConfigError, match="predict needs a network that ends in softmax"):
        Network((1, 4, 4), [Conv2d(2, 3), Softmax()]).predict(np.zeros((1, 4, 4)))


def test_softmax_on_maps_is_over_channels_and_dense_flattens_implicitly():
    net = Network((1, 5, 5), [Conv2d(3, 3), Softmax(), Dense(2)])
    image = np.random.default_rng(2).random((5, 5))
    out = net.forward(image)
    np.testing.assert_allclose(out[1].sum(axis=0), 1, rtol=1e-6)
    explicit = Network((1, 5, 5), [Conv2d(3, 3), Softmax(), Flatten(), Dense(2)],
                       params=net.params[:2] + [{}] + net.params[2:])
    np.testing.assert_array_equal(explicit.forward(image)[-1], out[-1])


def test_summary_rows():
    rows = engine.default_digit_network().summary()
    conv1, pool2, flatten, dense1 = rows[0], rows[5], rows[6], rows[7]
    assert conv1["name"] == "conv1" and conv1["description"] == "conv 5×5 s1 same"
    assert conv1["params"] == 8 * 25 + 8 and conv1["macs"] == 8 * 25 * 28 * 28
    assert conv1["rf"] == (5, 5) and conv1["jump"] == (1, 1) and conv1["start"] == (0.0, 0.0)
    assert conv1["window"].pads == ((2, 2), (2, 2))
    assert pool2["rf"] == (16, 16) and pool2["jump"] == (4, 4) and pool2["start"] == (1.5, 1.5)
    assert flatten["rf"] == (40, 40) and flatten["jump"] is None and flatten["start"] is None
    assert dense1["params"] == 784 * 64 + 64 and dense1["macs"] == 784 * 64
    assert dense1["input_shape"] == (784,) and dense1["output_shape"] == (64,)


def test_summary_counts_learned_parameters_as_torch_does():
    """Batch norm learns γ and β per channel; its running mean and variance are buffers."""
    net = engine.Network((1, 8, 8), [engine.Conv2d(16, 3), engine.BatchNorm2d()])
    assert [row["params"] for row in net.summary()] == [16 * 9 + 16, 2 * 16]
    torch = pytest.importorskip("torch")
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3), torch.nn.BatchNorm2d(16))
    assert [sum(p.numel() for p in layer.parameters()) for layer in model] == [160, 32]


def test_rebuilt_keeps_weights_that_fit():
    net = small_net()
    # insert a layer at the front: every later layer is unchanged and keeps its weights
    inserted = net.rebuilt([Sigmoid()] + net.layers)
    assert inserted.params[1]["weight"] is not net.params[0]["weight"]
    np.testing.assert_array_equal(inserted.params[1]["weight"], net.params[0]["weight"])
    np.testing.assert_array_equal(inserted.params[6]["weight"], net.params[5]["weight"])
    # change stride of the second conv: same weight shape, kept; dense input size changes
    layers = list(net.layers)
    layers[3] = Conv2d(4, 2, stride=2)
    changed = net.rebuilt(layers)
    np.testing.assert_array_equal(changed.params[3]["weight"], net.params[3]["weight"])
    assert changed.params[5]["weight"].shape == (5, 16) and net.params[5]["weight"].shape == (5, 36)
    # more filters: re-initialized, and the following dense too
    layers[3] = Conv2d(6, 2)
    wider = net.rebuilt(layers)
    assert wider.params[3]["weight"].shape == (6, 3, 2, 2)
    np.testing.assert_array_equal(wider.params[0]["weight"], net.params[0]["weight"])
    with pytest.raises(ConfigError, match="layer 4"):
        net.rebuilt(layers[:3] + [Conv2d(1, 9)])


SPEC_DICTS = st.one_of(
    st.fixed_dictionaries({"type": st.just("conv2d"), "out_channels": st.integers(0, 3),
                           "kernel_size": st.integers(0, 6) | st.tuples(st.integers(1, 5),
                                                                         st.integers(1, 5)),
                           "stride": st.integers(0, 3), "dilation": st.integers(1, 3),
                           "padding": st.integers(-1, 4) | st.sampled_from(["same", "valid",
                                                                              "full", "bad"]),
                           "padding_mode": st.sampled_from(["zeros", "reflect", "replicate",
                                                             "circular"])}),
    st.fixed_dictionaries({"type": st.sampled_from(["maxpool2d", "avgpool2d"]),
                           "kernel_size": st.integers(0, 5), "stride": st.none() | st.integers(0, 3),
                           "padding": st.integers(0, 3), "ceil_mode": st.booleans()}),
    st.fixed_dictionaries({"type": st.sampled_from(["relu", "sigmoid", "tanh", "flatten",
                                                    "softmax", "leaky_relu"])}),
    st.fixed_dictionaries({"type": st.just("dense"), "out_features": st.integers(-1, 6)}),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SPEC_DICTS, max_size=6), st.integers(1, 3), st.integers(1, 12), st.integers(1, 12))
def test_any_stack_is_a_network_or_a_config_error(dicts, c, h, w):
    try:
        net = Network((c, h, w), dicts)
    except ConfigError as error:
        assert str(error).startswith("layer ")
        return
    outs = net.forward(np.random.default_rng(0).random((2, c, h, w)))
    assert [o.shape[1:] for o in outs] == net.shapes
    assert all(np.isfinite(o).all() for o in outs)
    assert len(net.summary()) == len(dicts)


def test_digit_network_matches_torch():
    torch = pytest.importorskip("torch")
    nn = torch.nn
    net = engine.default_digit_network(seed=4)
    model = nn.Sequential(nn.Conv2d(1, 8, 5, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(8, 16, 5, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10),
                          nn.Softmax(dim=1))
    with torch.no_grad():
        for module, params in zip(model, net.params):
            if params:
                module.weight.copy_(torch.from_numpy(params["weight"]))
                module.bias.copy_(torch.from_numpy(params["bias"]))
        images = np.random.default_rng(5).random((4, 28, 28), dtype=np.float32)
        want = model(torch.from_numpy(images[:, None])).numpy()
    np.testing.assert_allclose(net.predict(images), want, rtol=1e-4, atol=1e-6)


def test_rebuilt_for_a_new_input_size_keeps_conv_kernels_and_reinitializes_the_dense_layer():
    net = engine.default_digit_network()
    bigger = net.rebuilt(net.layers, input_shape=(56, 56))
    assert bigger.input_shape == (1, 56, 56)
    assert bigger.shapes[0] == (8, 56, 56)
    assert np.array_equal(bigger.params[0]["weight"], net.params[0]["weight"])
    assert bigger.params[0]["weight"] is not net.params[0]["weight"]
    dense = next(i for i, layer in enumerate(net.layers) if isinstance(layer, engine.Dense))
    assert bigger.params[dense]["weight"].shape == (64, 16 * 14 * 14)

"""ONNX import and export, checked against onnx's own reference evaluator layer by layer."""

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from onnx.reference import ReferenceEvaluator  # noqa: E402

import engine  # noqa: E402
from engine import ConfigError  # noqa: E402
from tests.engine.export_cases import UnknownKind, export_networks  # noqa: E402
from engine.onnx_io import (  # noqa: E402
    load_onnx, network_to_onnx, onnx_input_shape, open_onnx, read_onnx, save_onnx,
)

RNG = np.random.default_rng(0)


def weights(*shape):
    return RNG.normal(0, 0.5, shape).astype(np.float32)


def make(nodes, in_shape=("N", 2, 9, 9), arrays=None, opset=17, output="y"):
    """A model whose input is "x" and whose output is the tensor ``output``."""
    graph = helper.make_graph(
        nodes, "test", [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(in_shape))],
        [helper.make_tensor_value_info(output, TensorProto.FLOAT, None)],
        [numpy_helper.from_array(np.asarray(a), name) for name, a in (arrays or {}).items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    return model


def node(op, inputs, output, **attrs):
    return helper.make_node(op, inputs, [output], name=f"{op.lower()}_{output}", **attrs)


def assert_matches_reference(model, input_size=None, atol=1e-5):
    """Every engine layer's output equals the ONNX tensor it stands for."""
    result = read_onnx(model, input_size)
    net = result.network
    batch = model.graph.input[0].type.tensor_type.shape.dim[0].dim_value or 2
    x = RNG.random((batch,) + net.input_shape).astype(np.float32)
    want = ReferenceEvaluator(model).run(result.tensors, {"x": x})
    got = net.forward(x)
    assert len(got) == len(want) == len(net.layers)
    for i, (g, w) in enumerate(zip(got, want)):
        if net.layers[i].kind == "softmax" and any(n.op_type == "LogSoftmax" for n in model.graph.node):
            w = np.exp(w)
        np.testing.assert_allclose(g, w, atol=atol, err_msg=f"layer {i + 1} {net.layers[i]}")
    return result


CONV_CASES = {
    "plain": {},
    "strides, pads, dilations": dict(strides=[2, 1], pads=[1, 0, 2, 1], dilations=[1, 2]),
    "SAME_UPPER stride 2": dict(auto_pad="SAME_UPPER", strides=[2, 2]),
    "SAME_LOWER": dict(auto_pad="SAME_LOWER", strides=[2, 2]),
    "VALID": dict(auto_pad="VALID"),
    "kernel_shape given": dict(kernel_shape=[3, 2]),
}


@pytest.mark.parametrize("attrs", CONV_CASES.values(), ids=CONV_CASES.keys())
@pytest.mark.parametrize("opset", [9, 13, 21])
def test_conv_attributes(attrs, opset):
    arrays = {"w": weights(4, 2, 3, 2), "b": weights(4)}
    result = assert_matches_reference(make([node("Conv", ["x", "w", "b"], "y", **attrs)],
                                           arrays=arrays, opset=opset))
    assert result.network.layers[0].kind == "conv2d"


@pytest.mark.parametrize("filters, group", [(4, 2), (6, 2), (2, 2)], ids=["grouped", "grouped 6",
                                                                          "depthwise"])
def test_grouped_conv(filters, group):
    model = make([node("Conv", ["x", "w", "b"], "y", group=group, pads=[1, 1, 1, 1])],
                 arrays={"w": weights(filters, 2 // group, 3, 3), "b": weights(filters)})
    assert assert_matches_reference(model).network.layers[0].groups == group


TRANSPOSED_CASES = {
    "plain": {},
    "stride 2": dict(strides=[2, 2]),
    "stride, pads, output_padding": dict(strides=[2, 3], pads=[1, 0, 1, 0],
                                         output_padding=[1, 2]),
    "dilations": dict(dilations=[2, 1], pads=[1, 1, 1, 1]),
}


@pytest.mark.parametrize("attrs", TRANSPOSED_CASES.values(), ids=TRANSPOSED_CASES.keys())
@pytest.mark.parametrize("opset", [11, 21])
def test_conv_transpose(attrs, opset):
    per_group = 3 if attrs.get("group") else 5
    arrays = {"w": weights(2, per_group, 3, 3), "b": weights(per_group * attrs.get("group", 1))}
    model = make([node("ConvTranspose", ["x", "w", "b"], "y", **attrs)], arrays=arrays,
                 opset=opset)
    assert assert_matches_reference(model).network.layers[0].kind == "conv_transpose2d"


def test_grouped_conv_transpose_is_each_group_on_its_own():
    """onnx's reference evaluator has no grouped ConvTranspose: compare each group with an
    ungrouped one over its own channels."""
    w, b = weights(2, 3, 3, 3), weights(6)
    model = make([node("ConvTranspose", ["x", "w", "b"], "y", group=2, strides=[2, 2])],
                 arrays={"w": w, "b": b})
    net = read_onnx(model).network
    assert net.layers == [engine.ConvTranspose2d(6, 3, stride=2, groups=2)]
    x = RNG.random((2,) + net.input_shape).astype(np.float32)
    got = net.forward(x)[0]
    for g in range(2):
        one = make([node("ConvTranspose", ["x", "w", "b"], "y", strides=[2, 2])],
                   in_shape=("N", 1, 9, 9), arrays={"w": w[g:g + 1], "b": b[3 * g:3 * g + 3]})
        (want,) = ReferenceEvaluator(one).run(None, {"x": x[:, g:g + 1]})
        np.testing.assert_allclose(got[:, 3 * g:3 * g + 3], want, atol=1e-5)


def test_conv_transpose_with_uneven_pads_or_a_fixed_output_shape_is_refused():
    arrays = {"w": weights(2, 3, 3, 3)}
    with pytest.raises(ConfigError, match=r"crops unevenly \(pads \[1, 0, 0, 0\]\)"):
        read_onnx(make([node("ConvTranspose", ["x", "w"], "y", pads=[1, 0, 0, 0])],
                       arrays=arrays))
    with pytest.raises(ConfigError, match="fixes its output shape"):
        read_onnx(make([node("ConvTranspose", ["x", "w"], "y", strides=[2, 2],
                             output_shape=[18, 18])], arrays=arrays))


@pytest.mark.parametrize("opset, momentum", [(14, None), (21, 0.8)])
def test_batch_normalization(opset, momentum):
    """ONNX's momentum weighs the running statistics, torch's the batch: 0.8 is torch's 0.2."""
    arrays = {"s": weights(2), "b": weights(2), "m": weights(2),
              "v": np.abs(weights(2)) + 0.1}
    # (the reference evaluator runs opsets 9–13 in training mode whatever the outputs: not tested)
    attrs = {} if momentum is None else {"momentum": momentum}
    model = make([node("BatchNormalization", ["x", "s", "b", "m", "v"], "y", epsilon=1e-3,
                       **attrs)], arrays=arrays, opset=opset)
    net = assert_matches_reference(model).network
    torch_momentum = 0.1 if momentum is None else 0.2
    assert net.layers == [engine.BatchNorm2d(eps=1e-3, momentum=torch_momentum)]
    assert set(net.params[0]) == {"weight", "bias", "running_mean", "running_var"}


def test_batch_normalization_in_training_mode_is_refused():
    arrays = {n: np.ones(2, np.float32) for n in "sbmv"}
    model = make([node("BatchNormalization", ["x", "s", "b", "m", "v"], "y", training_mode=1)],
                 arrays=arrays, opset=15)
    with pytest.raises(ConfigError, match="training statistics"):
        read_onnx(model)


def test_conv_without_bias_and_weights_from_a_constant_node():
    w = helper.make_node("Constant", [], ["w"], value=numpy_helper.from_array(weights(3, 2, 2, 2)))
    net = assert_matches_reference(make([w, node("Conv", ["x", "w"], "y")])).network
    assert net.layers == [engine.Conv2d(3, 2, bias=False)]


POOL_CASES = {
    "max 2": ("MaxPool", dict(kernel_shape=[2, 2], strides=[2, 2])),
    "max overlapping, pads": ("MaxPool", dict(kernel_shape=[3, 3], strides=[2, 2],
                                              pads=[1, 1, 1, 1])),
    "max ceil_mode": ("MaxPool", dict(kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)),
    "max default stride 1": ("MaxPool", dict(kernel_shape=[2, 3])),
    "max SAME_UPPER": ("MaxPool", dict(kernel_shape=[2, 2], strides=[2, 2], auto_pad="SAME_UPPER")),
    "avg excluding pads": ("AveragePool", dict(kernel_shape=[3, 3], strides=[2, 2],
                                               pads=[1, 1, 1, 1])),
    "avg including pads": ("AveragePool", dict(kernel_shape=[3, 3], strides=[2, 2],
                                               pads=[1, 0, 1, 1], count_include_pad=1)),
    "avg ceil_mode": ("AveragePool", dict(kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)),
}


@pytest.mark.parametrize("op, attrs", POOL_CASES.values(), ids=POOL_CASES.keys())
@pytest.mark.parametrize("opset", [11, 19])
def test_pool_attributes(op, attrs, opset):
    assert_matches_reference(make([node(op, ["x"], "y", **attrs)], opset=opset))


def test_a_dilated_pool_is_refused():
    with pytest.raises(ConfigError, match=r"maxpool_y \(MaxPool\) has dilations \(2, 2\)"):
        read_onnx(make([node("MaxPool", ["x"], "y", kernel_shape=[2, 2], dilations=[2, 2])]))


@pytest.mark.parametrize("op", ["GlobalAveragePool", "GlobalMaxPool"])
def test_global_pooling_is_a_pool_over_the_whole_map(op):
    net = assert_matches_reference(make([node(op, ["x"], "y")])).network
    assert net.shapes == [(2, 1, 1)]


@pytest.mark.parametrize("op", ["ReduceMean", "ReduceMax"])
@pytest.mark.parametrize("opset", [13, 18])
def test_reducing_height_and_width_is_global_pooling(op, opset):
    if opset >= 18:
        model = make([node(op, ["x", "axes"], "y")], opset=opset,
                     arrays={"axes": np.array([-1, -2], np.int64)})
    else:
        model = make([node(op, ["x"], "y", axes=[2, 3])], opset=opset)
    assert assert_matches_reference(model).network.shapes == [(2, 1, 1)]
    with pytest.raises(ConfigError, match="reduces over axes"):
        read_onnx(make([node(op, ["x"], "y", axes=[1], keepdims=1)], opset=13))


@pytest.mark.parametrize("op, attrs", [("Relu", {}), ("LeakyRelu", {"alpha": 0.2}),
                                       ("LeakyRelu", {}), ("Sigmoid", {}), ("Tanh", {})])
def test_activations(op, attrs):
    assert_matches_reference(make([node(op, ["x"], "y", **attrs)]))


@pytest.mark.parametrize("opset", [9, 12, 13, 21])
@pytest.mark.parametrize("op", ["Softmax", "LogSoftmax"])
def test_softmax_over_a_flat_vector(op, opset):
    nodes = [node("Flatten", ["x"], "f"), node(op, ["f"], "y", axis=1)]
    result = assert_matches_reference(make(nodes, opset=opset))
    assert result.network.layers[-1].kind == "softmax"
    assert bool(result.notes) == (op == "LogSoftmax")


def test_softmax_over_channels_of_maps():
    assert_matches_reference(make([node("Softmax", ["x"], "y", axis=1)], opset=13))
    with pytest.raises(ConfigError, match="axis"):
        read_onnx(make([node("Softmax", ["x"], "y", axis=3)], opset=13))


@pytest.mark.parametrize("shape, batch", [([-1, 162], "N"), ([0, -1], "N"), ([1, -1], 1)])
def test_reshape_to_n_by_minus_one_is_a_flatten(shape, batch):
    arrays = {"shape": np.array(shape, np.int64), "w": weights(5, 2 * 81)}
    model = make([node("Reshape", ["x", "shape"], "f"), node("Gemm", ["f", "w"], "y", transB=1)],
                 in_shape=(batch, 2, 9, 9), arrays=arrays)
    net = assert_matches_reference(model).network
    assert [s.kind for s in net.layers] == ["flatten", "dense"]


def test_reshape_to_one_row_is_refused_for_a_batch():
    model = make([node("Reshape", ["x", "shape"], "y")],
                 arrays={"shape": np.array([1, -1], np.int64)})
    with pytest.raises(ConfigError, match="reshapes to"):
        read_onnx(model)


def test_reshape_shape_from_a_constant_node():
    shape = helper.make_node("Constant", [], ["shape"],
                             value=numpy_helper.from_array(np.array([0, -1], np.int64)))
    model = make([shape, node("Reshape", ["x", "shape"], "y")])
    assert [s.kind for s in assert_matches_reference(model).network.layers] == ["flatten"]


def test_other_reshapes_are_refused():
    with pytest.raises(ConfigError, match=r"reshape_f \(Reshape\) reshapes to \[-1, 2, 81\]"):
        read_onnx(make([node("Reshape", ["x", "shape"], "f")], output="f",
                       arrays={"shape": np.array([-1, 2, 81], np.int64)}))


@pytest.mark.parametrize("attrs", [{}, dict(transB=1), dict(alpha=0.5, beta=2.0, transB=1)])
def test_gemm(attrs):
    w = weights(7, 162) if attrs.get("transB") else weights(162, 7)
    arrays = {"w": w, "c": weights(1, 7)}
    model = make([node("Flatten", ["x"], "f"), node("Gemm", ["f", "w", "c"], "y", **attrs)],
                 arrays=arrays)
    assert assert_matches_reference(model).network.layers[-1] == engine.Dense(7)


@pytest.mark.parametrize("bias_first", [False, True])
def test_matmul_then_add_is_one_dense_layer(bias_first):
    arrays = {"w": weights(162, 6), "b": weights(6)}
    add = ["b", "m"] if bias_first else ["m", "b"]
    model = make([node("Flatten", ["x"], "f"), node("MatMul", ["f", "w"], "m"),
                  node("Add", add, "y")], arrays=arrays)
    net = assert_matches_reference(model).network
    assert net.layers == [engine.Flatten(), engine.Dense(6)]


def test_matmul_alone_is_a_dense_layer_without_bias():
    model = make([node("Flatten", ["x"], "f"), node("MatMul", ["f", "w"], "y")],
                 arrays={"w": weights(162, 3)})
    assert assert_matches_reference(model).network.layers[-1] == engine.Dense(3, bias=False)


@pytest.mark.parametrize("opset", [9, 12, 13])
def test_dropout_and_identity_vanish(opset):
    nodes = [node("Relu", ["x"], "r"), node("Dropout", ["r"], "d"), node("Identity", ["d"], "y")]
    result = assert_matches_reference(make(nodes, opset=opset))
    assert result.network.layers == [engine.ReLU()] and result.tensors == ["y"]


def pad_model(mode, pads, then, opset=13, value=None, **then_attrs):
    if opset < 11:
        pad = node("Pad", ["x"], "p", mode=mode, pads=pads)
        arrays = {}
    else:
        inputs = ["x", "pads"] + (["value"] if value is not None else [])
        pad = node("Pad", inputs, "p", mode=mode)
        arrays = {"pads": np.array(pads, np.int64)}
        if value is not None:
            arrays["value"] = np.array(value, np.float32)
    if then == "Conv":
        arrays["w"] = weights(3, 2, 3, 3)
        return make([pad, node("Conv", ["p", "w"], "y", **then_attrs)], arrays=arrays, opset=opset)
    return make([pad, node(then, ["p"], "y", **then_attrs)], arrays=arrays, opset=opset)


@pytest.mark.parametrize("mode, padding_mode", [("constant", "zeros"), ("reflect", "reflect"),
                                                ("edge", "replicate")])
@pytest.mark.parametrize("opset", [9, 13])
def test_pad_folds_into_the_next_conv_as_its_padding_mode(mode, padding_mode, opset):
    model = pad_model(mode, [0, 0, 1, 2, 0, 0, 2, 1], "Conv", opset)
    net = assert_matches_reference(model).network
    assert len(net.layers) == 1 and net.layers[0].padding_mode == padding_mode
    assert net.windows[0].pads == ((1, 2), (2, 1))


def test_wrap_pad_is_circular_padding():
    net = assert_matches_reference(pad_model("wrap", [0, 0, 1, 1, 0, 0, 1, 1], "Conv",
                                             opset=19)).network
    assert net.layers[0].padding_mode == "circular"


def test_zero_pad_folds_into_an_average_pool_that_counts_it():
    model = pad_model("constant", [0, 0, 1, 1, 0, 0, 1, 1], "AveragePool", value=0.0,
                      kernel_shape=[3, 3], strides=[2, 2])
    net = assert_matches_reference(model).network
    assert net.layers[0].count_include_pad


@pytest.mark.parametrize("then, mode, match", [
    ("MaxPool", "constant", "max-pools after a Pad"),
    ("AveragePool", "reflect", "averages after a reflect Pad"),
    ("Relu", "constant", "follows a Pad"),
])
def test_pads_that_cannot_fold_are_refused(then, mode, match):
    attrs = {"kernel_shape": [2, 2]} if "Pool" in then else {}
    with pytest.raises(ConfigError, match=match):
        read_onnx(pad_model(mode, [0, 0, 1, 1, 0, 0, 1, 1], then, **attrs))


def test_a_pad_with_a_non_zero_value_is_refused():
    with pytest.raises(ConfigError, match="pads with the value 1.5"):
        read_onnx(pad_model("constant", [0, 0, 1, 1, 0, 0, 1, 1], "Conv", value=1.5))


def test_constant_shape_arithmetic_is_folded():
    """The legacy torch exporter computes Pad's pads from Constants, Concat and Slice."""
    half = helper.make_node("Constant", [], ["a"],
                            value=numpy_helper.from_array(np.array([0, 0, 1, 1], np.int64)))
    pads = node("Concat", ["a", "a"], "pads", axis=0)
    model = make([half, pads, node("Pad", ["x", "pads"], "p", mode="reflect"),
                  node("Conv", ["p", "w"], "y")], arrays={"w": weights(2, 2, 3, 3)})
    assert assert_matches_reference(model).network.layers[0].padding_mode == "reflect"


def test_a_small_cnn_end_to_end():
    arrays = {"w1": weights(4, 1, 3, 3), "b1": weights(4), "w2": weights(10, 4 * 7 * 7),
              "b2": weights(10)}
    model = make([node("Conv", ["x", "w1", "b1"], "c", pads=[1, 1, 1, 1]),
                  node("Relu", ["c"], "r"),
                  node("MaxPool", ["r"], "p", kernel_shape=[2, 2], strides=[2, 2]),
                  node("Flatten", ["p"], "f"),
                  node("Gemm", ["f", "w2", "b2"], "g", transB=1),
                  node("Softmax", ["g"], "y", axis=1)], in_shape=("N", 1, 14, 14), arrays=arrays)
    net = assert_matches_reference(model).network
    assert [s.kind for s in net.layers] == ["conv2d", "relu", "maxpool2d", "flatten", "dense",
                                           "softmax"]
    assert net.predict(np.zeros((1, 14, 14))).shape == (1, 10)


# ------------------------------------------------------------------------------ refusals
def test_a_residual_add_is_refused_naming_the_node():
    model = make([node("Relu", ["x"], "r"), node("Add", ["r", "x"], "y")])
    with pytest.raises(ConfigError, match=r"relu_r \(Relu\) is one of 2 nodes reading 'x'"):
        read_onnx(model)


def test_a_concat_of_two_branches_is_refused():
    model = make([node("Relu", ["x"], "a"), node("Sigmoid", ["x"], "b"),
                  node("Concat", ["a", "b"], "y", axis=1)])
    with pytest.raises(ConfigError, match="branches"):
        read_onnx(model)


def test_two_inputs_are_refused():
    model = make([node("Relu", ["x"], "y")])
    model.graph.input.append(helper.make_tensor_value_info("z", TensorProto.FLOAT, [1, 2, 9, 9]))
    with pytest.raises(ConfigError, match=r"2 inputs \(x, z\)"):
        read_onnx(model)


def test_an_unsupported_op_is_refused_with_what_is_supported():
    model = make([node("Relu", ["x"], "r"), node("Elu", ["r"], "y")])
    with pytest.raises(ConfigError, match=r"elu_y \(Elu\) is an operation ConvScope cannot "
                                          r"show; it reads Conv \(grouped too\), ConvTranspose"):
        read_onnx(model)


def test_an_output_inside_the_chain_is_refused():
    model = make([node("Relu", ["x"], "y"), node("Tanh", ["y"], "t")])
    with pytest.raises(ConfigError, match="not the end of the chain"):
        read_onnx(model)


def test_an_old_opset_is_refused():
    with pytest.raises(ConfigError, match="opset 8"):
        read_onnx(make([node("Relu", ["x"], "y")], opset=8))


def test_a_layer_that_does_not_fit_names_the_node():
    model = make([node("Conv", ["x", "w"], "y")], arrays={"w": weights(3, 2, 12, 12)})
    with pytest.raises(ConfigError, match=r"conv_y \(Conv\) cannot work here: .*smaller"):
        read_onnx(model)


# ------------------------------------------------------------------------------- input size
def test_a_symbolic_height_and_width_take_the_given_size():
    model = make([node("Relu", ["x"], "y")], in_shape=("N", 3, "H", "W"))
    assert onnx_input_shape(model) == (3, None, None)
    assert read_onnx(model).network.input_shape == (3, 28, 28)
    assert read_onnx(model, (40, 30)).network.input_shape == (3, 40, 30)


def test_inputs_beyond_256_are_refused():
    with pytest.raises(ConfigError, match="300×20 images; ConvScope shows inputs up to 256×256"):
        read_onnx(make([node("Relu", ["x"], "y")], in_shape=("N", 1, 300, 20)))
    with pytest.raises(ConfigError, match="up to 256"):
        read_onnx(make([node("Relu", ["x"], "y")], in_shape=("N", 1, "H", "W")), (512, 512))


def test_a_flat_input_is_refused():
    with pytest.raises(ConfigError, match=r"\?×784"):
        read_onnx(make([node("Relu", ["x"], "y")], in_shape=("N", 784)))


# ----------------------------------------------------------------------------------- files
def test_files_open_by_suffix_and_bad_files_say_why(tmp_path):
    model = make([node("Relu", ["x"], "y")])
    onnx.save(model, tmp_path / "m.onnx")
    assert engine.load_network(tmp_path / "m.onnx").layers == [engine.ReLU()]
    (tmp_path / "bad.onnx").write_bytes(b"\x08\x07garbage" * 10)
    with pytest.raises(ConfigError, match="bad.onnx: not a readable ONNX model"):
        engine.load_network(tmp_path / "bad.onnx")
    with pytest.raises(ConfigError, match="cannot open"):
        open_onnx(tmp_path / "missing.onnx")


def test_too_large_a_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import engine.onnx_io
    monkeypatch.setattr(engine.onnx_io, "MAX_FILE_BYTES", 10)
    onnx.save(make([node("Relu", ["x"], "y")]), tmp_path / "m.onnx")
    with pytest.raises(ConfigError, match="ConvScope opens ONNX models up to"):
        load_onnx(tmp_path / "m.onnx")


# ---------------------------------------------------------------------------------- export
@pytest.mark.parametrize("net", export_networks().values(), ids=export_networks().keys())
def test_export_passes_the_checker_and_the_reference_evaluator_agrees(net, tmp_path):
    engine.save_network(net, tmp_path / "n.onnx")
    model = onnx.load(tmp_path / "n.onnx")
    onnx.checker.check_model(model, full_check=True)
    assert model.opset_import[0].version >= 17
    dims = model.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "N" and [d.dim_value for d in dims[1:]] == list(net.input_shape)
    x = RNG.random((3,) + net.input_shape).astype(np.float32)
    (got,) = ReferenceEvaluator(model).run(None, {"input": x})
    np.testing.assert_allclose(got, net.forward(x)[-1], atol=1e-5)
    again = engine.load_network(tmp_path / "n.onnx")
    assert again.layers == net.layers and again.input_shape == net.input_shape
    assert again.normalization == net.normalization
    for p, q in zip(net.params, again.params):
        assert p.keys() == q.keys() and all(np.array_equal(p[k], q[k]) for k in p)


def test_an_edited_export_is_read_from_its_graph_not_its_old_spec(tmp_path):
    net = export_networks()["everything"]
    model = network_to_onnx(net)
    leaky = next(n for n in model.graph.node if n.op_type == "LeakyRelu")
    leaky.attribute[0].f = 0.3
    again = read_onnx(model).network
    assert again.layers[1] == engine.LeakyReLU(0.3)
    assert not again.layers[2].flip and again.layers[0].padding == 1  # the graph's words
    np.testing.assert_array_equal(again.params[2]["weight"],
                                  net.params[2]["weight"][:, :, ::-1, ::-1])


def test_save_onnx_leaves_no_temporary_behind(tmp_path):
    save_onnx(engine.default_digit_network(), tmp_path / "d.onnx")
    assert [p.name for p in tmp_path.iterdir()] == ["d.onnx"]


def test_a_kind_the_exporter_does_not_know_is_refused_by_name(tmp_path):
    net = engine.Network((1, 4, 4), [engine.ReLU(), UnknownKind()])
    with pytest.raises(ConfigError, match=r"relu2 \(unknown\) cannot be written as ONNX yet"):
        engine.save_network(net, tmp_path / "x.onnx")
    assert list(tmp_path.iterdir()) == []

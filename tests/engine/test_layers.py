"""Layer specs: labels, settings checks, shape arithmetic and the dict round trip."""

import json

import numpy as np
import pytest

from engine import (
    AvgPool2d, BatchNorm2d, ConfigError, Conv2d, ConvTranspose2d, Dense, Dropout, Flatten,
    LeakyReLU, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh, layer_from_dict,
)
from engine.layers import LAYER_TYPES

ALL_SPECS = [
    Conv2d(8, 3, padding=1), Conv2d(4, (3, 5), stride=(2, 1), padding=((1, 0), (2, 2)),
                                    dilation=2, padding_mode="reflect", bias=False, flip=True),
    Conv2d(2, 5, padding="same"), MaxPool2d(), MaxPool2d(3, 2, 1, ceil_mode=True),
    AvgPool2d(2, count_include_pad=False), ReLU(), LeakyReLU(0.2), Sigmoid(), Tanh(), Flatten(),
    Dense(10), Dense(3, bias=False), Softmax(), Conv2d(6, 3, groups=3),
    ConvTranspose2d(4, 3, stride=2, padding=1, output_padding=1, dilation=1, groups=2, bias=False),
    BatchNorm2d(eps=1e-3, momentum=0.2), Dropout(0.25),
]


@pytest.mark.parametrize("spec, label", [
    (Conv2d(8, 3, padding=1), "conv 3×3 s1 p1"),
    (Conv2d(8, 5, padding="same"), "conv 5×5 s1 same"),
    (Conv2d(8, (3, 5), stride=(2, 1), dilation=2), "conv 3×5 s2×1 p0 d2"),
    (Conv2d(1, 3, padding=((1, 0), (1, 0)), padding_mode="circular", flip=True),
     "conv 3×3 s1 p1,0,1,0 circular flipped"),
    (MaxPool2d(2), "max pool 2×2 s2"),
    (AvgPool2d(3, 1, 1), "avg pool 3×3 s1 p1"),
    (Dense(64), "dense 64"), (ReLU(), "relu"), (LeakyReLU(), "leaky relu"),
    (Softmax(), "softmax"), (Flatten(), "flatten"), (Conv2d(8, 3, groups=8), "conv 3×3 s1 p0 g8"),
    (ConvTranspose2d(4, 2, stride=2), "transposed conv 2×2 s2"),
    (ConvTranspose2d(4, 3, 2, 1, 1), "transposed conv 3×3 s2 p1 op1"),
    (BatchNorm2d(), "batch norm"), (Dropout(0.3), "dropout 0.3"),
])
def test_describe(spec, label):
    assert spec.describe() == label


@pytest.mark.parametrize("spec", ALL_SPECS)
def test_dict_round_trip_equal_and_hashable(spec):
    back = layer_from_dict(spec.to_dict())
    assert back == spec and hash(back) == hash(spec)


def test_new_kinds_have_torch_spellings_in_json():
    assert ConvTranspose2d(4, 2, stride=2).to_dict() == {
        "type": "conv_transpose2d", "out_channels": 4, "kernel_size": 2, "stride": 2}
    assert Conv2d(8, 3, groups=8).to_dict()["groups"] == 8
    assert BatchNorm2d().to_dict() == {"type": "batchnorm2d"}
    assert Dropout(0.2).to_dict() == {"type": "dropout", "p": 0.2}


def test_numpy_numbers_become_python_numbers():
    spec = Conv2d(np.int64(8), (np.int32(3), 3), padding=np.int64(1))
    assert spec == Conv2d(8, (3, 3), padding=1) and type(spec.out_channels) is int
    assert json.loads(json.dumps(spec.to_dict()))["kernel_size"] == [3, 3]


def test_to_dict_lists_only_non_defaults_and_lists_become_tuples():
    assert Conv2d(8, 5, padding="same").to_dict() == {
        "type": "conv2d", "out_channels": 8, "kernel_size": 5, "padding": "same"}
    spec = layer_from_dict({"type": "conv2d", "out_channels": 2, "kernel_size": [3, 1],
                            "padding": [[1, 0], [0, 0]]})
    assert spec.kernel_size == (3, 1) and spec.padding == ((1, 0), (0, 0))


@pytest.mark.parametrize("d, words", [
    ({"type": "conv3d"}, "unknown layer type 'conv3d' (did you mean 'conv2d'?)"),
    ({"out_channels": 3}, "unknown layer type None"),
    ({"type": "conv2d", "out_channels": 3, "kernal_size": 3}, "did you mean 'kernel_size'?"),
    ({"type": "dense"}, "a dense layer needs out_features"),
    ({"type": "relu", "slope": 1}, "a relu layer has no setting 'slope'"),
    (["relu"], "must be written as an object"),
])
def test_layer_from_dict_refuses_with_hints(d, words):
    with pytest.raises(ConfigError, match=None) as info:
        layer_from_dict(d)
    assert words in str(info.value)


@pytest.mark.parametrize("spec, words", [
    (Conv2d(0, 3), "the number of filters must be at least 1"),
    (Conv2d(2, 2.5), "the kernel size must be a whole number"),
    (Conv2d(2, 3, stride=0), "the stride must be at least 1"),
    (Conv2d(2, 3, padding=-1), "padding cannot be negative"),
    (Conv2d(2, 3, padding=(1, 2, 3)), "padding must be a whole number or a (height, width) pair"),
    (Conv2d(2, 3, padding=None), "padding must be a number, a (rows, cols) pair"),
    (MaxPool2d(2, padding=1.5), "padding must be a whole number"),
    (Conv2d(2, 3, padding="half"), "padding must be a number"),
    (Conv2d(2, 3, padding_mode="mirror"), "padding mode must be one of zeros, reflect"),
    (Conv2d(2, 3, stride=2, padding="same"), '"same" padding keeps the size only at stride 1'),
    (Conv2d(2, 3, stride=0, padding="same"), "the stride must be at least 1, not 0"),
    (Conv2d(2, 3, bias="yes"), "bias must be true or false"),
    (MaxPool2d(True), "the pool size must be a whole number"),
    (AvgPool2d(2, count_include_pad=1), "count_include_pad must be true or false"),
    (LeakyReLU("steep"), "the negative slope must be a number"),
    (Dense(-3), "the number of outputs must be at least 1"),
    (Conv2d(2, 3, groups=0), "groups must be at least 1"),
    (ConvTranspose2d(2, 3, stride=2, output_padding=2),
     "the output padding (2) must be smaller than the stride (2) or the dilation (1)"),
    (ConvTranspose2d(2, 3, padding=-1), "the padding must be at least 0"),
    (BatchNorm2d(momentum=2), "momentum must be between 0 and 1"),
    (BatchNorm2d(eps="tiny"), "eps must be a number"),
    (Dropout(1.5), "between 0 and 1"),
])
def test_validate_names_the_problem(spec, words):
    with pytest.raises(ConfigError) as info:
        spec.validate()
        spec.output_shape((1, 28, 28))
    assert words in str(info.value)


@pytest.mark.parametrize("spec, in_shape, out_shape", [
    (Conv2d(8, 3), (1, 28, 28), (8, 26, 26)),
    (Conv2d(8, 5, padding="same"), (3, 28, 28), (8, 28, 28)),
    (Conv2d(8, 4, padding="same"), (3, 9, 9), (8, 9, 9)),
    (Conv2d(2, 3, padding="full"), (1, 5, 5), (2, 7, 7)),
    (Conv2d(2, 3, stride=2, padding=1), (3, 5, 5), (2, 3, 3)),  # the cs231n demo
    (Conv2d(1, 3, dilation=2), (1, 7, 9), (1, 3, 5)),
    (MaxPool2d(2), (4, 7, 7), (4, 3, 3)),
    (MaxPool2d(2, ceil_mode=True), (4, 7, 7), (4, 4, 4)),
    (AvgPool2d(3, 2, 1), (2, 8, 8), (2, 4, 4)),
    (ReLU(), (2, 4, 4), (2, 4, 4)), (Softmax(), (10,), (10,)),
    (Flatten(), (16, 7, 7), (784,)), (Dense(10), (16, 7, 7), (10,)), (Dense(10), (64,), (10,)),
    (Conv2d(8, 3, padding=1, groups=4), (4, 5, 5), (8, 5, 5)),
    (ConvTranspose2d(3, 2, stride=2), (1, 2, 2), (3, 4, 4)),
    (ConvTranspose2d(3, 3, stride=2, padding=1, output_padding=1), (1, 7, 7), (3, 14, 14)),
    (ConvTranspose2d(1, 3, dilation=2), (2, 5, 6), (1, 9, 10)),
    (BatchNorm2d(), (4, 5, 5), (4, 5, 5)), (Dropout(), (10,), (10,)),
])
def test_output_shape(spec, in_shape, out_shape):
    assert spec.output_shape(in_shape) == out_shape


def test_param_shapes():
    assert Conv2d(8, (3, 5)).param_shapes((3, 9, 9)) == {"weight": (8, 3, 3, 5), "bias": (8,)}
    assert Conv2d(8, 3, bias=False).param_shapes((3, 9, 9)) == {"weight": (8, 3, 3, 3)}
    assert Dense(10).param_shapes((16, 7, 7)) == {"weight": (10, 784), "bias": (10,)}
    assert MaxPool2d().param_shapes((1, 4, 4)) == {}
    assert Conv2d(8, 3, groups=2).param_shapes((4, 9, 9))["weight"] == (8, 2, 3, 3)
    assert ConvTranspose2d(6, 3, groups=3).param_shapes((3, 4, 4)) == {
        "weight": (3, 2, 3, 3), "bias": (6,)}
    assert BatchNorm2d().param_shapes((5, 4, 4)) == {
        name: (5,) for name in ("weight", "bias", "running_mean", "running_var")}


@pytest.mark.parametrize("spec, in_shape, words", [
    (Conv2d(8, 5), (1, 4, 4), "the input is 4×4, smaller than the kernel (5×5)"),
    (Conv2d(8, 5, padding=0, dilation=2), (1, 8, 8),
     "the input is 8×8, smaller than the dilated kernel (9×9)"),
    (Conv2d(8, 7, padding=1), (1, 4, 4), "the input is 6×6 after padding, smaller than the kernel"),
    (Conv2d(8, 3), (64,), "the input is a flat list of 64 numbers, not an image"),
    (MaxPool2d(2), (10,), "max pool needs channels × height × width"),
    (MaxPool2d(4), (1, 3, 3), "the input is 3×3, smaller than the pool window (4×4)"),
    (MaxPool2d(2, padding=2), (1, 8, 8), "more than half the 2×2 window"),
    (Conv2d(1, 5, padding=3, padding_mode="reflect"), (1, 3, 8),
     "reflect padding of 3 needs an input at least 4 tall, but it is 3 tall"),
    (Conv2d(1, 3, padding=5, padding_mode="circular"), (1, 9, 4),
     "circular padding of 5 needs an input at least 5 wide, but it is 4 wide"),
    (Conv2d(4, 3, groups=4), (6, 5, 5), "the 6 input channels cannot be split into 4 equal groups"),
    (ConvTranspose2d(3, 3, groups=2), (4, 5, 5), "the 3 filters cannot be split into 2"),
    (ConvTranspose2d(3, 1, padding=1), (1, 1, 1), "crops away the whole output"),
    (BatchNorm2d(), (64,), "batch norm 2d normalizes the channels of maps"),
])
def test_impossible_inputs_are_explained(spec, in_shape, words):
    with pytest.raises(ConfigError) as info:
        spec.output_shape(in_shape)
    assert words in str(info.value)


def test_registry_covers_every_kind():
    assert set(LAYER_TYPES) == {type(s).kind for s in ALL_SPECS}

"""Receptive fields: the Distill 2019 arithmetic, the tutorials' pictures, brute-force agreement."""

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from engine import AvgPool2d, ConfigError, Conv2d, Dense, Flatten, MaxPool2d, Network, ReLU, Softmax


def vgg16_features():
    layers = []
    for convs in (2, 2, 3, 3, 3):
        layers += [Conv2d(1, 3, padding=1) for _ in range(convs)] + [MaxPool2d(2, 2)]
    return Network((1, 224, 224), layers)  # one channel everywhere: fields ignore channels


def test_vgg16_matches_araujo_et_al():
    net = vgg16_features()
    conv5_3, pool5 = net.summary()[-2:]
    assert pool5["rf"] == (212, 212) and pool5["jump"] == (32, 32)
    assert conv5_3["rf"] == (196, 196) and conv5_3["jump"] == (16, 16)
    assert net.receptive_field(len(net.layers) - 1, 3, 3).size == (212, 212)


def three_convs():
    return Network((1, 28, 28), [Conv2d(1, 3, padding=1) for _ in range(3)])


def test_three_3x3_convs_centre_unit_sees_7x7():
    rf = three_convs().receptive_field(2, 14, 14)
    assert rf.input_box == (11, 11, 18, 18) and rf.size == (7, 7)
    assert rf.layer_boxes == [(12, 12, 17, 17), (13, 13, 16, 16)]
    assert not rf.reaches_padding and rf.input_mask().all()
    assert rf.jump == (1, 1) and rf.start == (0.0, 0.0)


def test_three_3x3_convs_corner_unit_reaches_three_pixels_into_padding():
    rf = three_convs().receptive_field(2, 0, 0)
    assert rf.input_box == (-3, -3, 4, 4)
    assert rf.reaches_padding and rf.clipped_box == (0, 0, 4, 4)
    bottom = three_convs().receptive_field(2, 27, 20)
    assert bottom.input_box == (24, 17, 31, 24) and bottom.clipped_box == (24, 17, 28, 24)


def test_stride_two_conv_then_pool_boxes_per_layer():
    net = Network((1, 28, 28), [Conv2d(2, 3, stride=2, padding=1), MaxPool2d(2)])
    assert net.shapes == [(2, 14, 14), (2, 7, 7)]
    rf = net.receptive_field(1, 2, 3)
    assert rf.layer_boxes == [(4, 6, 6, 8)]
    assert rf.input_box == (7, 11, 12, 16) and rf.size == (5, 5) and rf.jump == (4, 4)
    assert rf.start == (1.0, 1.0)  # centre of unit (0, 0): pixel 1 (the conv started at −1)
    moved = net.receptive_field(1, 2, 4)  # one unit right = one jump right
    assert moved.input_box[1] - rf.input_box[1] == 4


def test_dilated_kernel_samples_every_other_pixel():
    rf = Network((1, 9, 9), [Conv2d(1, 3, dilation=2)]).receptive_field(0, 1, 1)
    assert rf.input_box == (1, 1, 6, 6)
    expected = np.zeros((5, 5), bool)
    expected[::2, ::2] = True
    np.testing.assert_array_equal(rf.input_mask(), expected)
    # a dilation-1 conv on top fills the holes of one axis pattern: rows 0..5 minus none
    stacked = Network((1, 12, 12), [Conv2d(1, 3, dilation=2), Conv2d(1, 2)]).receptive_field(1, 0, 0)
    np.testing.assert_array_equal(stacked.sampled_rows, [0, 1, 2, 3, 4, 5])
    gapped = Network((1, 12, 12), [Conv2d(1, 2, dilation=3), Conv2d(1, 2, dilation=2)])
    np.testing.assert_array_equal(gapped.receptive_field(1, 0, 0).sampled_cols, [0, 2, 3, 5])


def test_channels_follow_per_channel_layers_only():
    net = Network((3, 10, 10), [Conv2d(4, 3), ReLU(), MaxPool2d(2), Conv2d(2, 3), ReLU()])
    assert net.receptive_field(2, 1, 1, channel=2).layer_channels == [2, 2]
    assert net.receptive_field(4, 1, 1, channel=1).layer_channels == [None, None, None, 1]
    assert net.receptive_field(2, 1, 1).layer_channels == [None, None]


def test_flat_layers_see_everything_their_input_saw():
    net = Network((1, 6, 6), [Conv2d(2, 3, padding=1), Flatten(), Dense(4), Dense(3), Softmax()])
    rf = net.receptive_field(3, channel=1)
    assert rf.input_box == (-1, -1, 7, 7) and rf.size == (8, 8)
    assert rf.layer_boxes == [(0, 0, 6, 6), (0, 0, 1, 72), (0, 0, 1, 4)]
    assert rf.jump is None and rf.start is None


def test_bad_units_are_index_errors():
    net = three_convs()
    with pytest.raises(IndexError, match="layer 3 does not exist"):
        net.receptive_field(3, 0, 0)
    with pytest.raises(IndexError, match=r"unit \(28, 0\) is outside the 28×28 map of layer 1"):
        net.receptive_field(0, 28, 0)


LAYERS = st.one_of(
    st.builds(Conv2d, st.just(1), st.integers(1, 4), st.integers(1, 3),
              st.integers(0, 2), st.integers(1, 3)),
    st.builds(MaxPool2d, st.integers(1, 3), st.none() | st.integers(1, 3), st.integers(0, 1),
              st.booleans()),
    st.builds(AvgPool2d, st.integers(2, 3), st.integers(1, 2), st.just(1)),
    st.just(ReLU()),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LAYERS, min_size=1, max_size=4), st.integers(5, 11), st.data())
def test_field_is_exactly_the_pixels_that_matter(layers, size, data):
    """Brute force: with all-ones weights and non-negative inputs, a unit reacts to a pixel
    (one image per pixel, a 1 there) exactly when the pixel is in its sampled field, as long as
    no earlier layer's box reaches into padding (padding of an intermediate map is a constant:
    the theoretical field then covers pixels the unit does not depend on)."""
    try:
        net = Network((1, size, size), layers)
    except ConfigError:
        return
    for p in net.params:
        for key in p:
            p[key][...] = 1.0 if key == "weight" else 0.0
    deltas = np.eye(size * size, dtype=np.float32).reshape(-1, 1, size, size)
    outputs = net.forward(deltas)
    layer = data.draw(st.integers(0, len(net.layers) - 1))
    _, height, width = net.shapes[layer]
    row, col = data.draw(st.integers(0, height - 1)), data.draw(st.integers(0, width - 1))
    rf = net.receptive_field(layer, row, col)
    reacts = (outputs[layer][:, 0, row, col] > 0).reshape(size, size)
    top, left, bottom, right = rf.input_box
    m = max(0, -top, -left, bottom - size, right - size)  # room for the padding around the image
    expected = np.zeros((size + 2 * m, size + 2 * m), bool)
    expected[top + m:bottom + m, left + m:right + m] = rf.input_mask()
    expected = expected[m:m + size, m:m + size]
    assert not (reacts & ~expected).any()
    inner = all(b[0] >= 0 and b[1] >= 0 and b[2] <= net.shapes[i][1] and b[3] <= net.shapes[i][2]
                for i, b in enumerate(rf.layer_boxes))
    event(f"inner={inner}")
    if inner:
        np.testing.assert_array_equal(reacts, expected)
    # the Distill quantities agree with the boxes
    assert rf.size == (bottom - top, right - left)
    assert rf.start == ((top + bottom - 1) / 2 - row * rf.jump[0],
                        (left + right - 1) / 2 - col * rf.jump[1])

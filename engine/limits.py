"""What ConvScope agrees to compute: every budget in one place, judged before anything is allocated.

A network is judged by its plan (input shape, each layer's output shape, window and weight
shapes), which costs only arithmetic; a file by its headers (declared sizes) before its data is
read. Over budget is a ConfigError naming the number and the limit. The README lists the limits.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from engine.errors import ConfigError

#: layers in one network: the window builds a view per layer, and opening the largest network
#: must stay within about two seconds (tests/gui/test_layer_count.py)
MAX_LAYERS = 64
#: the input's height and width, each
MAX_INPUT_SIDE = 2048
#: numbers in one array: a layer's output, its weights, or its input once padded
MAX_VALUES = 50_000_000
#: height and width of an input once padded (each)
MAX_PADDED_SIDE = 8192
#: numbers in all the layers' outputs of one forward together
MAX_TOTAL_ACTIVATIONS = 100_000_000
#: weights and biases of the whole network
MAX_TOTAL_PARAMS = 60_000_000
#: multiply-adds (and pooling comparisons) of one forward of one image
MAX_MULT_ADDS = 20_000_000_000
#: bytes of a network spec (JSON text)
MAX_SPEC_BYTES = 1_000_000
#: how deeply a spec's lists and objects nest ({"layers": [{"padding": [[1, 1], ...]}]} is 5)
MAX_SPEC_DEPTH = 8
#: digits of a whole number in a spec
MAX_SPEC_DIGITS = 12
#: bytes of one IDX data file once decompressed (MNIST's training images take 47 MB)
MAX_IDX_BYTES = 100_000_000


def over(what, count, limit):
    """The ConfigError for ``count`` of ``what`` above ``limit``."""
    return ConfigError(f"{what} would be {count:,}, more than ConvScope handles ({limit:,})")


def check_layer_count(count):
    if count > MAX_LAYERS:
        raise over("the number of layers", count, MAX_LAYERS)


def check_input(shape):
    """``shape`` (C, H, W) of ints."""
    if max(shape[1:]) > MAX_INPUT_SIDE:
        raise ConfigError(f"the input is {shape[1]}×{shape[2]}; ConvScope handles inputs up to "
                          f"{MAX_INPUT_SIDE}×{MAX_INPUT_SIDE}")
    if math.prod(shape) > MAX_VALUES:
        raise over("the input's size", math.prod(shape), MAX_VALUES)


class _Planned(NamedTuple):
    """What a layer's ``multiply_adds`` reads of a weight array, before there is one."""

    shape: tuple
    size: int


def check_layer(spec, in_shape, out_shape, window, param_shapes):
    """One layer's own costs: its padded input, output and weight arrays.

    Returns its multiply-adds for one image (the spec's own count; for a layer without
    weights, window taps × outputs), for :func:`check_network`.
    """
    if window is not None:
        padded = [n + sum(side) for n, side in zip(in_shape[1:], window.pads)]
        if max(padded) > MAX_PADDED_SIDE:
            raise ConfigError(f"its input would be {padded[0]}×{padded[1]} once padded; ConvScope "
                              f"handles up to {MAX_PADDED_SIDE}×{MAX_PADDED_SIDE}")
        _check_values("padded input", in_shape[0] * math.prod(padded))
    _check_values("output", math.prod(out_shape))
    for name, shape in param_shapes.items():
        _check_values(f"{name} array", math.prod(shape))
    planned = {name: _Planned(tuple(s), math.prod(s)) for name, s in param_shapes.items()}
    taps = 1 if window is None else math.prod(window.kernel)
    return max(spec.multiply_adds(in_shape, out_shape, planned), taps * math.prod(out_shape))


def _check_values(what, count):
    if count > MAX_VALUES:
        raise ConfigError(f"its {what} would hold {count:,} numbers, more than ConvScope handles "
                          f"({MAX_VALUES:,})")


def check_network(out_shapes, param_shapes, mult_adds):
    """The whole network's costs, from every layer's output shape, weight shapes and
    multiply-adds (as returned by :func:`check_layer`)."""
    activations = sum(math.prod(s) for s in out_shapes)
    if activations > MAX_TOTAL_ACTIVATIONS:
        raise over("the number of values in all the maps", activations, MAX_TOTAL_ACTIVATIONS)
    params = sum(math.prod(s) for shapes in param_shapes for s in shapes.values())
    if params > MAX_TOTAL_PARAMS:
        raise over("the number of weights", params, MAX_TOTAL_PARAMS)
    if sum(mult_adds) > MAX_MULT_ADDS:
        raise over("the multiply-adds of one forward pass", sum(mult_adds), MAX_MULT_ADDS)

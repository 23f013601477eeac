"""ConvScope engine: convolutional networks in plain numpy (never imports Qt)."""

from engine.errors import ConfigError
from engine.ops import (
    conv2d, leaky_relu, output_size, pad2d, pool2d, relu, resolve_padding, sigmoid, softmax, tanh,
)

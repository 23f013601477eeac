"""ConvScope engine: convolutional networks in plain numpy (never imports Qt)."""

from engine.errors import ConfigError
from engine.ops import (
    batch_norm2d, conv2d, conv_transpose2d, dropout, leaky_relu, output_size, pad2d, pool2d, relu,
    resolve_padding, sigmoid, softmax, tanh,
)
from engine.layers import (
    LAYER_TYPES, AvgPool2d, BatchNorm2d, Conv2d, ConvTranspose2d, Dense, Dropout, Flatten, Layer,
    LeakyReLU, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh, Window, layer_from_dict, register,
)
from engine.network import Network
from engine.normalization import NORMALIZATIONS, Normalization
from engine.receptive_field import Geometry, ReceptiveField
from engine.explain import (
    ActivationExplanation, BatchNormExplanation, Contribution, ConvExplanation, DenseExplanation,
    Explanation, FlattenExplanation, PoolExplanation, SoftmaxExplanation, Stamp,
    TransposedConvExplanation,
)
from engine.models import default_digit_network
from engine.io import load_network, network_from_spec, network_spec, save_network
from engine.pytorch_export import export_pytorch
from engine.presets import PRESETS, Preset, preset_kernel
from engine.backward import (
    batch_norm2d_backward, conv2d_backward, conv_transpose2d_backward, dense_backward,
    dropout_backward, leaky_relu_backward, network_backward, pool2d_backward,
    relu_backward, sigmoid_backward, softmax_backward, softmax_cross_entropy, tanh_backward,
)
from engine.optim import SGD, Adam, make_optimizer, one_cycle_lr
from engine.data import Augmentation, augment, find_idx_pair, load_digits, read_idx
from engine.preprocess import (Centring, mnist_centring, mnist_preprocess,
                               mnist_preprocess_with_centring)
# engine.train is not imported here: `python -m engine.train` must find it not yet loaded.

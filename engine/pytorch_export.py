"""A ConvScope network as a readable PyTorch script, for training further on bigger machines.

:func:`export_pytorch` writes ``x.py`` with an ``nn.Sequential`` whose named modules mirror the
layer list, and ``x.npz`` beside it with the weights (state-dict names) and a sample input. The
script finds the .npz next to itself; importing it defines ``model`` (in eval mode), and
``python x.py`` prints the model and its prediction for the sample. Nothing here imports torch.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from engine import layers as L
from engine.errors import ConfigError
from engine.io import write_atomically
from engine.network import Network

_PAD_MODULES = {"zeros": "nn.ZeroPad2d", "reflect": "nn.ReflectionPad2d",
                "replicate": "nn.ReplicationPad2d", "circular": "nn.CircularPad2d"}

_TEMPLATE = '''"""{title}: a ConvScope network as PyTorch code.

Written by ConvScope. The weights are in {weights} beside this file. Importing this module
defines `model`, an nn.Sequential in eval mode taking (N, {c}, {h}, {w}) float32 images that went
through `normalize`; `python {script}` prints the model and its prediction for a sample.
"""

from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch
from torch import nn

INPUT_SHAPE = ({c}, {h}, {w})  # channels, height, width
# How pixels in [0, 1] become the numbers the network was trained on (None: as they are).
NORMALIZATION = {normalization}


def normalize(pixels):
    """The network input for a tensor of pixels in [0, 1], shaped (N, {c}, {h}, {w})."""
    if NORMALIZATION is None:
        return pixels
    if NORMALIZATION["invert"]:
        pixels = 1 - pixels
    mean = torch.tensor(NORMALIZATION["mean"]).reshape(-1, 1, 1)
    std = torch.tensor(NORMALIZATION["std"]).reshape(-1, 1, 1)
    return (pixels - mean) / std


model = nn.Sequential(OrderedDict([
{modules}
]))
with np.load(Path(__file__).resolve().with_suffix(".npz")) as arrays:
    model.load_state_dict({{name: torch.from_numpy(arrays[name]) for name in model.state_dict()}})
    SAMPLE = torch.from_numpy(arrays["sample"])  # one network input, saved at export
model.eval()

if __name__ == "__main__":
    print(model)
    with torch.no_grad():
        output = model(SAMPLE)[0]
    if output.ndim == 1:
        print("prediction:", int(output.argmax()))
        print("outputs:", " ".join(f"{{v:.4f}}" for v in output.tolist()))
    else:
        print("output maps:", tuple(output.shape))
'''


def export_pytorch(net: Network, path, sample=None) -> None:
    """Write ``path`` (.py) and the weights beside it (same name, .npz).

    Parameters
    ----------
    sample : (C, H, W) network input, optional
        Saved for the script's prediction (the GUI gives the current drawing); default zeros.

    Raises
    ------
    ConfigError
        For a layer PyTorch cannot express (uneven pooling padding that is not counted).
    """
    path = Path(path)
    modules, arrays = [], {}
    in_shape = net.input_shape
    for spec, name, params, window, out_shape in zip(net.layers, net.names, net.params,
                                                     net.windows, net.shapes):
        try:
            entries = _modules(spec, name, window, in_shape)
        except ConfigError as error:
            raise ConfigError(f"{name} ({spec.describe()}): {error}") from None
        modules += [f'    ("{module_name}", {code}),' for module_name, code in entries]
        for key, value in params.items():
            if key == "weight" and getattr(spec, "flip", False):
                value = value[:, :, ::-1, ::-1]  # nn.Conv2d cross-correlates: store it flipped
            arrays[f"{name}.{key}"] = np.ascontiguousarray(value, np.float32)
        if isinstance(spec, L.BatchNorm2d):  # part of nn.BatchNorm2d's state (training steps)
            arrays[f"{name}.num_batches_tracked"] = np.array(0, np.int64)
        in_shape = out_shape
    if sample is None:
        sample = np.zeros(net.input_shape)
    arrays["sample"] = np.asarray(sample, np.float32).reshape((1,) + net.input_shape)
    c, h, w = net.input_shape
    norm = net.normalization
    text = _TEMPLATE.format(
        title=path.stem, weights=path.with_suffix(".npz").name, script=path.name, c=c, h=h, w=w,
        normalization="None" if norm is None else repr(norm.to_dict()),
        modules="\n".join(modules) if modules else '    ("identity", nn.Identity()),')
    write_atomically(path.with_suffix(".npz"), lambda f: np.savez(f, **arrays))
    write_atomically(path, lambda f: f.write(text.encode("utf-8")))


def _pair(pair):
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _pad_module(code, pads, *extra):
    (top, bottom), (left, right) = pads
    return f"{code}({', '.join([f'({left}, {right}, {top}, {bottom})', *extra])})"


def _modules(spec, name, window, in_shape):
    """[(module name, constructor code)] for one layer."""
    write = _MODULES.get(type(spec))
    if write is None:
        raise ConfigError("this kind of layer cannot be written as PyTorch code yet")
    return write(spec, name, window, in_shape)


def _conv(spec, name, window, in_shape):
    (top, bottom), (left, right) = window.pads
    even = top == bottom and left == right
    before = [] if even else [
        (f"{name}_pad", _pad_module(_PAD_MODULES[spec.padding_mode], window.pads))]
    args = [str(in_shape[0]), str(spec.out_channels), f"kernel_size={_pair(window.kernel)}"]
    if window.stride != (1, 1):
        args.append(f"stride={_pair(window.stride)}")
    if even and (top or left):
        args.append(f"padding={_pair((top, left))}")
        if spec.padding_mode != "zeros":
            args.append(f'padding_mode="{spec.padding_mode}"')
    if window.dilation != (1, 1):
        args.append(f"dilation={_pair(window.dilation)}")
    if spec.groups != 1:
        args.append(f"groups={spec.groups}")
    if not spec.bias:
        args.append("bias=False")
    return before + [(name, f"nn.Conv2d({', '.join(args)})")]


def _conv_transpose(spec, name, window, in_shape):
    kernel, stride, padding, output_padding, dilation = spec.geometry()
    args = [str(in_shape[0]), str(spec.out_channels), f"kernel_size={_pair(kernel)}"]
    for word, value, default in (("stride", stride, 1), ("padding", padding, 0),
                                 ("output_padding", output_padding, 0),
                                 ("dilation", dilation, 1)):
        if value != (default, default):
            args.append(f"{word}={_pair(value)}")
    if spec.groups != 1:
        args.append(f"groups={spec.groups}")
    if not spec.bias:
        args.append("bias=False")
    return [(name, f"nn.ConvTranspose2d({', '.join(args)})")]


def _batch_norm(spec, name, window, in_shape):
    return [(name, f"nn.BatchNorm2d({in_shape[0]}, eps={spec.eps!r}, momentum={spec.momentum!r})")]


def _dropout(spec, name, window, in_shape):
    return [(name, f"nn.Dropout({spec.p!r})")]


def _pool(spec, name, window, in_shape):
    (top, bottom), (left, right) = window.pads
    even = top == bottom and left == right
    is_max = isinstance(spec, L.MaxPool2d)
    if not even and (spec.ceil_mode or not (is_max or spec.count_include_pad)):
        raise ConfigError("PyTorch pools pad both sides alike; uneven padding works there "
                          "only without ceil_mode and, for averages, counting the padding")
    before = []
    if not even:  # padded ahead with what the pool would pad with: −∞ never wins, 0 counts
        fill = 'float("-inf")' if is_max else "0.0"
        before = [(f"{name}_pad", _pad_module("nn.ConstantPad2d", window.pads, fill))]
    args = [f"kernel_size={_pair(window.kernel)}", f"stride={_pair(window.stride)}"]
    if even and (top or left):
        args.append(f"padding={_pair((top, left))}")
    if spec.ceil_mode:
        args.append("ceil_mode=True")
    if not is_max and not spec.count_include_pad:
        args.append("count_include_pad=False")
    module = "nn.MaxPool2d" if is_max else "nn.AvgPool2d"
    return before + [(name, f"{module}({', '.join(args)})")]


def _dense(spec, name, window, in_shape):
    flatten = [(f"{name}_flatten", "nn.Flatten()")] if len(in_shape) != 1 else []
    bias = "" if spec.bias else ", bias=False"
    return flatten + [(name, f"nn.Linear({math.prod(in_shape)}, {spec.out_features}{bias})")]


def _softmax(spec, name, window, in_shape):
    return [(name, f"nn.Softmax(dim={-1 if len(in_shape) == 1 else -3})")]


def _leaky_relu(spec, name, window, in_shape):
    return [(name, f"nn.LeakyReLU({spec.negative_slope!r})")]


def _plain(module):
    return lambda spec, name, window, in_shape: [(name, f"nn.{module}()")]


#: how each layer kind is written; a kind missing here is refused by name
_MODULES = {
    L.Conv2d: _conv, L.ConvTranspose2d: _conv_transpose, L.BatchNorm2d: _batch_norm,
    L.Dropout: _dropout, L.MaxPool2d: _pool, L.AvgPool2d: _pool, L.Dense: _dense,
    L.Softmax: _softmax, L.LeakyReLU: _leaky_relu, L.ReLU: _plain("ReLU"),
    L.Sigmoid: _plain("Sigmoid"), L.Tanh: _plain("Tanh"), L.Flatten: _plain("Flatten"),
}

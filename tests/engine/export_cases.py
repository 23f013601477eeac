"""Networks that every exporter is tested with: the digit network, and one using every layer
kind and setting an export must carry (padding modes and uneven padding, a flipped kernel,
dilation, ceil_mode, count_include_pad, softmax over maps, dense on maps, batch norm,
dropout, grouped and transposed convolutions, normalisation)."""

import numpy as np

import engine


def export_networks():
    networks = {
        "digits": engine.default_digit_network(),
        "everything": engine.Network((3, 12, 10), [
            engine.Conv2d(4, 3, padding="same", padding_mode="reflect"), engine.LeakyReLU(0.1),
            engine.Conv2d(4, (3, 2), stride=(2, 1), padding=((1, 0), (0, 1)), dilation=(1, 2),
                          flip=True, bias=False),
            engine.Sigmoid(),
            engine.Conv2d(3, 3, padding=1, padding_mode="circular"),
            engine.AvgPool2d(3, stride=2, padding=1, count_include_pad=False),
            engine.Tanh(),
            engine.Conv2d(5, 2, padding=((1, 0), (1, 0)), padding_mode="replicate"),
            engine.MaxPool2d(2, padding=((1, 0), (0, 1)), ceil_mode=False),
            engine.Softmax(), engine.BatchNorm2d(eps=1e-3, momentum=0.2), engine.Dropout(0.25),
            engine.ConvTranspose2d(6, 3, stride=2, padding=1, output_padding=1, groups=1),
            engine.Conv2d(6, 3, padding=1, groups=3), engine.ConvTranspose2d(3, 2),
            engine.AvgPool2d(2, padding=((0, 1), (1, 0))),
            engine.MaxPool2d(2, ceil_mode=True),
            engine.Dense(6), engine.ReLU(), engine.Dense(3, bias=False), engine.Softmax()],
            normalization=engine.NORMALIZATIONS["ImageNet"], seed=4),
    }
    rng = np.random.default_rng(5)
    for net in networks.values():  # batch norm starts as the identity: give it statistics
        for spec, params in zip(net.layers, net.params):
            if isinstance(spec, engine.BatchNorm2d):
                for name, value in params.items():
                    value[...] = rng.uniform(0.5, 1.5, value.shape) if name == "running_var" \
                        else rng.normal(0, 1, value.shape)
    return networks


class UnknownKind(engine.ReLU):
    """A layer class no exporter knows (as a kind added to the engine but not to an exporter);
    it computes as ReLU."""

    prefix = "unknown"

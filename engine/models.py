"""Ready-made networks."""

from engine.layers import Conv2d, Dense, Flatten, MaxPool2d, ReLU, Softmax
from engine.network import Network


def default_digit_network(seed: int = 0) -> Network:
    """The digit classifier the app starts with (untrained unless weights are loaded).

    conv 5×5×8 same → ReLU → max-pool 2 → conv 5×5×16 same → ReLU → max-pool 2 → flatten →
    dense 64 → ReLU → dense 10 → softmax, on a (1, 28, 28) input.
    """
    return Network((1, 28, 28), [
        Conv2d(8, 5, padding="same"), ReLU(), MaxPool2d(2),
        Conv2d(16, 5, padding="same"), ReLU(), MaxPool2d(2),
        Flatten(), Dense(64), ReLU(), Dense(10), Softmax(),
    ], seed=seed)

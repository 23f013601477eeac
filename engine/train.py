"""Training a Network by minibatch gradient descent, from a GUI worker thread or the command line.

    python -m engine.train --out resources/models/digits.npz

trains :func:`engine.default_digit_network` on the shipped digits (``resources/data``) with the
settings that made the shipped model; the same seed on the same machine rewrites the same file.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from engine.backward import network_backward, softmax_cross_entropy
from engine.data import Augmentation, augment as distort
from engine.errors import ConfigError
from engine.optim import make_optimizer, one_cycle_lr


@dataclass(frozen=True)
class Progress:
    """Where training stands; handed to the callbacks after every batch and every epoch.

    loss and accuracy are running means over the epoch so far, measured on the (augmented)
    training batches before each update; val_loss / val_accuracy are set only in the
    end-of-epoch report, and only when validation data was given.
    """

    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based, within the epoch
    batches: int  # per epoch
    loss: float
    accuracy: float  # fraction in [0, 1]
    examples_per_s: float
    lr: float
    seconds: float  # since the epoch started
    val_loss: float | None = None
    val_accuracy: float | None = None

    @property
    def fraction(self) -> float:
        """Share of the whole run done, 0..1 (for a progress bar)."""
        return ((self.epoch - 1) * self.batches + self.batch) / (self.epochs * self.batches)


@dataclass
class TrainResult:
    history: list[Progress] = field(default_factory=list)  # one end-of-epoch report per epoch
    stopped: bool = False  # True when should_stop() ended the run early


def _check_network(net):
    if not net.is_classifier:
        raise ConfigError("training needs a network that ends in softmax over a flat vector "
                          "(… → dense → softmax): it learns by comparing those probabilities "
                          "with the right answers")
    if not any(net.params):
        raise ConfigError("the network has no conv or dense layer, so it has nothing to learn")


def _check_settings(epochs, lr, batch_size, schedule):
    for name, value in (("epochs", epochs), ("batch size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"the {name} must be a whole number ≥ 1, not {value!r}")
    if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr <= 0:
        raise ConfigError(f"the learning rate must be a positive number, not {lr!r}")
    if schedule not in ("one-cycle", "constant"):
        raise ConfigError(f'the schedule must be "one-cycle" or "constant", not {schedule!r}')


def _dataset(net, images, labels):
    """(N, C, H, W) float32 images and int64 labels, or a ConfigError saying what does not fit."""
    images, labels = np.asarray(images, np.float32), np.asarray(labels)
    if not np.isfinite(images).all():
        raise ConfigError("the images hold values that are not numbers (NaN or infinity): the "
                          "data file is damaged or not images; this is not about the learning rate")
    c, h, w = net.input_shape
    if images.shape[1:] not in ((c, h, w),) + (((h, w),) if c == 1 else ()):
        raise ConfigError(f"the network takes {c}×{h}×{w} images but these are "
                          f"{'×'.join(map(str, images.shape[1:])) or 'not images'}")
    if len(images) != len(labels) or len(images) == 0 or labels.ndim != 1:
        raise ConfigError(f"there are {len(images)} images and {len(labels)} labels; "
                          f"training needs one label per image, and at least one image")
    classes = net.shapes[-1][0]
    if not np.issubdtype(labels.dtype, np.integer) or labels.min() < 0 or labels.max() >= classes:
        raise ConfigError(f"the labels must be whole numbers from 0 to {classes - 1} (the network "
                          f"has {classes} outputs), but they run from {labels.min()} to {labels.max()}")
    return images.reshape((len(images),) + net.input_shape), labels.astype(np.int64)


def _answered_alike(logits, images):
    """Whether different images of a batch got exactly the same logits (N, K)."""
    return len(images) > 1 and bool(np.ptp(images, axis=0).any()) and not np.ptp(logits, axis=0).any()


def evaluate(net, images, labels, batch_size=500) -> tuple[float, float]:
    """(mean cross-entropy, accuracy in [0, 1]) of a softmax network on labelled images."""
    total_loss, correct = 0.0, 0
    for start in range(0, len(images), batch_size):
        x, y = images[start:start + batch_size], labels[start:start + batch_size]
        logits = net.forward(net.network_input(x))[-2]
        total_loss += softmax_cross_entropy(logits, y)[0] * len(y)
        correct += int((logits.argmax(axis=1) == y).sum())
    return total_loss / len(images), correct / len(images)


def train(net, images, labels, epochs=20, lr=3e-3, batch_size=128, optimizer="adam",
          augment: Augmentation | bool | None = True, *, weight_decay=0.0, schedule="one-cycle",
          label_smoothing=0.0, validation=None, seed=0,
          on_batch: Callable[[Progress], None] | None = None,
          on_epoch: Callable[[Progress], None] | None = None,
          should_stop: Callable[[], bool] | None = None) -> TrainResult:
    """Train ``net`` in place to classify ``images`` as ``labels`` (softmax cross-entropy).

    Parameters
    ----------
    net : engine.Network ending in softmax over a flat vector; its params are updated in place
    images : (N, H, W) when the network takes one channel, or (N, C, H, W); floats in [0, 1],
        fed through ``net.network_input`` (the network's normalisation)
    labels : (N,) ints in [0, classes)
    epochs, lr, batch_size : passes over the data, (peak) learning rate, examples per step
    optimizer : "adam" or "sgd" (momentum 0.9)
    augment : an Augmentation, True for the default one, False/None for none
    weight_decay : shrinks weights (not biases) each step; see engine.optim
    schedule : "one-cycle" (warm up to ``lr``, then anneal; the default) or "constant"
    label_smoothing : ε of :func:`engine.backward.softmax_cross_entropy` (0: plain
        cross-entropy, whose loss can reach 0; the reported training loss includes it)
    validation : optional (images, labels) measured after every epoch
    seed : drives shuffling, augmentation and dropout masks, so a run repeats exactly
    on_batch, on_epoch : called with a :class:`Progress` after each batch / each epoch, on the
        training thread, between updates (a safe moment to copy ``net.params``)
    should_stop : polled before every batch; returning True ends training after at most one
        more batch (~50 ms for the default digit network)

    Returns
    -------
    TrainResult with one end-of-epoch Progress per finished epoch.

    Raises
    ------
    ConfigError
        When the network, data or settings cannot work, or training diverges: the loss becomes
        infinite, or the network collapses (every image of a batch gets the very same answer,
        which it did not at the start: its units died and it cannot learn any more). The weights
        are then half-trained: keep a copy to restore.
    """
    _check_network(net)
    _check_settings(epochs, lr, batch_size, schedule)
    x, y = _dataset(net, images, labels)
    if validation is not None:
        validation = _dataset(net, *validation)
    aug = Augmentation() if augment is True else (augment or None)
    opt = make_optimizer(optimizer, net.params, lr, weight_decay)
    rng = np.random.default_rng(seed)
    batches = math.ceil(len(x) / batch_size)
    logits_layer = len(net.layers) - 2
    result = TrainResult()
    answered_alike_at_start = None
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(x))
        started, seen, loss_sum, correct = time.perf_counter(), 0, 0.0, 0
        for b in range(batches):
            if should_stop is not None and should_stop():
                result.stopped = True
                return result
            idx = order[b * batch_size:(b + 1) * batch_size]
            xb, yb = x[idx], y[idx]
            if aug is not None:
                xb = distort(xb, rng, aug)
            xb = net.network_input(xb)  # augmented as pixels, then normalised
            step = (epoch - 1) * batches + b
            step_lr = one_cycle_lr(step, epochs * batches, lr) if schedule == "one-cycle" else lr
            # A diverging run overflows somewhere; the loss check below turns that into advice.
            with np.errstate(over="ignore", invalid="ignore"):
                outputs, caches = net.forward_train(xb, rng)
                loss, grad = softmax_cross_entropy(outputs[logits_layer], yb, label_smoothing)
                if not math.isfinite(loss):
                    raise ConfigError(f"training diverged in epoch {epoch} (the loss became {loss}): "
                                      f"the learning rate {lr} is too high for this network; try a "
                                      f"smaller one")
                alike = _answered_alike(outputs[logits_layer], xb)
                if answered_alike_at_start is None:
                    answered_alike_at_start = alike
                elif alike and not answered_alike_at_start:
                    raise ConfigError(
                        f"training collapsed in epoch {epoch}: every image now gets the same "
                        f"answer (the network's units stopped responding), so it cannot learn any "
                        f"more. The learning rate {lr:g} is too high for this network; try "
                        f"{lr / 10:g}")
                opt.step(network_backward(net, xb, outputs, grad, logits_layer, caches=caches),
                         step_lr)
            seen += len(idx)
            loss_sum += loss * len(idx)
            correct += int((outputs[logits_layer].argmax(axis=1) == yb).sum())
            elapsed = time.perf_counter() - started
            progress = Progress(epoch, epochs, b + 1, batches, loss_sum / seen, correct / seen,
                                seen / max(elapsed, 1e-9), step_lr, elapsed)
            if on_batch is not None:
                on_batch(progress)
        if validation is not None:
            val_loss, val_accuracy = evaluate(net, *validation)
            progress = dataclasses.replace(progress, val_loss=val_loss, val_accuracy=val_accuracy)
        result.history.append(progress)
        if on_epoch is not None:
            on_epoch(progress)
    return result


# ---------------------------------------------------------------------------- command line
#: The recipe of the shipped resources/models/digits.npz (see README in resources/models).
#: validation: digits held out of training, 1,000 of the shipped 8,000: about a dozen mistakes
#: of the shipped model for a learner to look at, where 500 showed a handful.
DEFAULTS = dict(epochs=20, lr=3e-3, batch_size=128, optimizer="adam", label_smoothing=0.1,
                validation=1000, seed=0)


def split(n: int, held_out: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, validation) of a seeded random split of n examples."""
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[held_out:]), np.sort(order[:held_out])


def held_out_split(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The split the app trains and evaluates with: ``DEFAULTS["validation"]`` examples held
    out (an eighth of a smaller set), so the shipped model's held-out digits are the ones the
    app calls unseen."""
    return split(n, min(DEFAULTS["validation"], n // 8), seed)


def _progress_line(p: Progress) -> str:
    bar = "#" * round(30 * p.batch / p.batches)
    line = (f"epoch {p.epoch:>2}/{p.epochs} [{bar:<30}] {p.batch}/{p.batches} loss {p.loss:.4f} "
            f"acc {p.accuracy:7.2%} {p.examples_per_s:,.0f} ex/s")
    if p.val_accuracy is not None:
        line += f"  {p.seconds:.1f}s  val loss {p.val_loss:.4f} val acc {p.val_accuracy:.2%}"
    return line


def main(argv=None) -> int:
    from engine.data import SHIPPED_DIGITS, find_idx_pair, load_digits
    from engine.io import save_network
    from engine.models import default_digit_network

    d, aug = DEFAULTS, Augmentation()
    parser = argparse.ArgumentParser(prog="python -m engine.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(SHIPPED_DIGITS),
                        help="folder with the *images*idx* and *labels*idx* files (default: the "
                             "8,000 shipped digits)")
    parser.add_argument("--out", required=True, help="where to write the trained network (.npz)")
    parser.add_argument("--epochs", type=int, default=d["epochs"])
    parser.add_argument("--lr", type=float, default=d["lr"], help="peak learning rate")
    parser.add_argument("--batch-size", type=int, default=d["batch_size"])
    parser.add_argument("--optimizer", choices=["adam", "sgd"], default=d["optimizer"])
    parser.add_argument("--label-smoothing", type=float, default=d["label_smoothing"],
                        help="target 1-ε on the label, ε/10 on every class (0 = plain cross-entropy)")
    parser.add_argument("--validation", type=int, default=d["validation"],
                        help="examples held out (seeded random) to measure after every epoch")
    parser.add_argument("--seed", type=int, default=d["seed"], help="initialization, split, shuffling, augmentation")
    parser.add_argument("--rotation", type=float, default=aug.rotation, help="max degrees either way")
    parser.add_argument("--scale", type=float, default=round(aug.scale[1] - 1, 6), help="max zoom change either way (0.1 = ±10%%)")
    parser.add_argument("--shift", type=float, default=aug.shift, help="max pixels either way")
    parser.add_argument("--elastic", type=float, default=aug.elastic, help="elastic distortion strength (0 = off)")
    parser.add_argument("--no-augment", action="store_true")
    args = parser.parse_args(argv)
    try:
        images, labels = load_digits(*find_idx_pair(args.data))
        if not 0 <= args.validation < len(images):
            raise ConfigError(f"--validation must be between 0 and {len(images) - 1}")
        fit, held = split(len(images), args.validation, args.seed)
        net = default_digit_network(seed=args.seed)
        aug = None if args.no_augment else Augmentation(
            args.rotation, (1 - args.scale, 1 + args.scale), args.shift, args.elastic)
        live = sys.stderr.isatty()
        result = train(
            net, images[fit], labels[fit], args.epochs, args.lr, args.batch_size, args.optimizer, aug,
            label_smoothing=args.label_smoothing, seed=args.seed,
            validation=(images[held], labels[held]) if len(held) else None,
            on_batch=(lambda p: print("\r" + _progress_line(p), end="", file=sys.stderr)) if live else None,
            on_epoch=lambda p: print(("\r" if live else "") + _progress_line(p), file=sys.stderr))
        save_network(net, args.out)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    last = result.history[-1]
    seconds = float(np.median([p.seconds for p in result.history]))
    print(f"wrote {args.out}: {len(fit)} training digits, median epoch {seconds:.2f}s"
          + ("" if last.val_accuracy is None else
             f", validation accuracy {last.val_accuracy:.2%} on {len(held)} held-out digits"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Training on a trivially learnable task (fast), its callbacks, cancel, errors, the CLI, and the
shipped model. The full MNIST training never runs here: `python -m engine.train` does that."""

from pathlib import Path

import numpy as np
import pytest

from engine import Conv2d, ConfigError, Dense, Flatten, MaxPool2d, Network, ReLU, Softmax, load_network
from engine.data import Augmentation, find_idx_pair, load_digits
from engine.train import evaluate, held_out_split, main, split, train

ROOT = Path(__file__).resolve().parents[2]
MNIST = ROOT / "resources" / "data"
MODEL = ROOT / "resources" / "models" / "digits.npz"


def bars(n, seed):
    """8×8 images of a horizontal (0), vertical (1) or diagonal (2) bar at a random place, noisy."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, n)
    images = rng.random((n, 8, 8)).astype(np.float32) * 0.2
    at = rng.integers(1, 7, n)
    rows = np.arange(n)
    images[labels == 0, at[labels == 0], 1:7] = 1
    images[labels == 1, 1:7, at[labels == 1]] = 1
    for k in range(1, 7):
        images[rows[labels == 2], k, k] = 1
    return images, labels


def tiny_net(seed=0):
    return Network((8, 8), [Conv2d(4, 3, padding=1), ReLU(), MaxPool2d(2), Flatten(), Dense(3), Softmax()],
                   seed=seed)


@pytest.mark.parametrize("optimizer, lr, schedule", [("adam", 0.02, "one-cycle"), ("sgd", 0.1, "constant")])
def test_learns_a_trivial_task(optimizer, lr, schedule):
    images, labels = bars(320, 0)
    val = bars(200, 1)
    net = tiny_net()
    before = evaluate(net, *val)
    result = train(net, images, labels, epochs=10, lr=lr, batch_size=16, optimizer=optimizer,
                   augment=False, schedule=schedule, validation=val)  # 200 steps
    losses = [p.loss for p in result.history]
    assert losses[-1] < losses[0] / 3
    assert result.history[-1].val_accuracy >= 0.95 > before[1]
    assert evaluate(net, *val) == (result.history[-1].val_loss, result.history[-1].val_accuracy)


def test_callbacks_report_progress_every_batch_and_epoch():
    images, labels = bars(50, 2)
    batches, epochs = [], []
    result = train(tiny_net(), images, labels, epochs=2, lr=0.01, batch_size=16, augment=True,
                   validation=bars(20, 3), on_batch=batches.append, on_epoch=epochs.append)
    assert [(p.epoch, p.batch) for p in batches] == [(e, b) for e in (1, 2) for b in (1, 2, 3, 4)]
    assert all(p.batches == 4 and p.epochs == 2 and p.val_accuracy is None for p in batches)
    fractions = [p.fraction for p in batches]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(p.loss > 0 and 0 <= p.accuracy <= 1 and p.examples_per_s > 0 and p.lr > 0 for p in batches)
    assert epochs == result.history and len(epochs) == 2 and not result.stopped
    assert all(p.batch == 4 and 0 <= p.val_accuracy <= 1 and p.val_loss > 0 for p in epochs)


def test_should_stop_is_checked_before_every_batch():
    images, labels = bars(100, 4)
    net = tiny_net()
    before = [{k: v.copy() for k, v in p.items()} for p in net.params]
    seen = []
    result = train(net, images, labels, epochs=5, lr=0.01, batch_size=10, on_batch=seen.append,
                   should_stop=lambda: len(seen) >= 3)
    assert result.stopped and len(seen) == 3 and result.history == []
    assert not np.array_equal(before[0]["weight"], net.params[0]["weight"])  # it did train


def test_same_seed_same_weights():
    images, labels = bars(64, 5)

    def run(seed):
        net = tiny_net()
        train(net, images, labels, epochs=2, lr=0.01, batch_size=16, augment=Augmentation(elastic=10), seed=seed)
        return net.params

    first, again, other = run(0), run(0), run(1)
    for a, b, c in zip(first, again, other):
        for k in a:
            np.testing.assert_array_equal(a[k], b[k])
            assert not np.array_equal(a[k], c[k])


def test_multichannel_images_train_with_augmentation():
    images, labels = bars(32, 6)
    net = Network((2, 8, 8), [Conv2d(2, 3), ReLU(), Flatten(), Dense(3), Softmax()])
    result = train(net, np.stack([images, 1 - images], axis=1), labels, epochs=1, batch_size=8)
    assert len(result.history) == 1


@pytest.mark.parametrize("change, words", [
    (dict(net=Network((8, 8), [Conv2d(2, 3), Flatten(), Dense(3)])), "ends in softmax"),
    (dict(net=Network((8, 8), [Conv2d(2, 3), Softmax()])), "ends in softmax"),
    (dict(net=Network((8, 8), [Flatten(), Softmax()])), "nothing to learn"),
    (dict(images=np.zeros((4, 9, 9))), "takes 1×8×8 images but these are 9×9"),
    (dict(labels=np.array([0, 1, 2])), "4 images and 3 labels"),
    (dict(labels=np.array([0, 1, 2, 3])), "from 0 to 2"),
    (dict(labels=np.array([0.5, 1, 2, 0])), "whole numbers"),
    (dict(epochs=0), "epochs must be a whole number"),
    (dict(batch_size=2.5), "batch size must be a whole number"),
    (dict(lr=-1), "learning rate must be a positive number"),
    (dict(optimizer="rmsprop"), "unknown optimizer"),
    (dict(schedule="cosine"), "schedule"),
])
def test_mistakes_are_explained(change, words):
    settings = dict(net=tiny_net(), images=np.zeros((4, 8, 8)), labels=np.array([0, 1, 2, 0]), epochs=1,
                    lr=0.01, batch_size=2, optimizer="adam", schedule="one-cycle") | change
    with pytest.raises(ConfigError, match=words):
        train(**settings)


def test_divergence_is_explained():
    images, labels = bars(64, 7)
    with pytest.raises(ConfigError, match="diverged.*learning rate 1e\\+30 is too high"):
        train(tiny_net(), images, labels, epochs=3, lr=1e30, batch_size=16, optimizer="sgd", schedule="constant")


def test_split_is_seeded_and_disjoint():
    fit, held = split(100, 10, seed=3)
    assert len(held) == 10 and sorted(np.concatenate([fit, held]).tolist()) == list(range(100))
    np.testing.assert_array_equal(held, split(100, 10, seed=3)[1])
    assert not np.array_equal(held, split(100, 10, seed=4)[1])


def write_idx(path, array):
    path.write_bytes(bytes([0, 0, 8, array.ndim]) + np.array(array.shape, ">u4").tobytes() + array.tobytes())


def test_command_line_writes_a_loadable_model(tmp_path, capsys):
    rng = np.random.default_rng(0)
    write_idx(tmp_path / "t-images-idx3-ubyte", rng.integers(0, 256, (40, 28, 28), dtype=np.uint8))
    write_idx(tmp_path / "t-labels-idx1-ubyte", rng.integers(0, 10, 40, dtype=np.uint8))
    out = tmp_path / "model.npz"
    assert main(["--data", str(tmp_path), "--out", str(out), "--epochs", "1", "--validation", "8"]) == 0
    captured = capsys.readouterr()
    assert "epoch  1/1" in captured.err and "val acc" in captured.err
    assert "32 training digits" in captured.out and "on 8 held-out digits" in captured.out
    assert load_network(out).predict(np.zeros((2, 28, 28))).shape == (2, 10)


def test_command_line_explains_a_bad_folder(tmp_path, capsys):
    assert main(["--data", str(tmp_path), "--out", str(tmp_path / "m.npz")]) == 2
    assert "error:" in capsys.readouterr().err


def test_shipped_model_reads_mnist_digits():
    images, labels = load_digits(*find_idx_pair(MNIST))
    probabilities = load_network(MODEL).predict(images[:1000])
    assert probabilities.shape == (1000, 10)
    assert (probabilities.argmax(axis=1) == labels[:1000]).mean() >= 0.97


def _rows_dataset(n=300, seed=0):
    """12×12 noise with a bright row whose index is the label (10 classes)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 10
    images = (rng.random((n, 12, 12)) < 0.1).astype(np.float32)
    images[np.arange(n), labels, :] = 1
    return images, labels


def _rows_network():
    return Network((1, 12, 12), [
        Conv2d(8, 3, padding=1), ReLU(), Conv2d(8, 3, padding=1),
        ReLU(), MaxPool2d(2), Dense(10), Softmax()], seed=0)


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_a_collapsing_run_stops_and_suggests_a_smaller_rate(optimizer):
    images, labels = _rows_dataset()
    epochs = []
    with pytest.raises(ConfigError, match=r"training collapsed in epoch 1: every image now gets "
                                          r"the same answer.*try 0\.1"):
        train(_rows_network(), images, labels, epochs=3, lr=1.0, batch_size=16,
              optimizer=optimizer, augment=False, on_epoch=epochs.append)
    assert epochs == []  # it never reported "done" at chance accuracy


def test_a_sane_rate_on_the_same_data_is_not_called_a_collapse():
    images, labels = _rows_dataset()
    result = train(_rows_network(), images, labels, epochs=3, lr=3e-3, batch_size=16,
                   augment=False)
    assert result.history[-1].accuracy > 0.9


def test_nan_images_are_bad_data_not_a_learning_rate():
    images, labels = _rows_dataset(40)
    images[3, 2, 2] = np.nan
    with pytest.raises(ConfigError, match="not numbers.*damaged.*not about the learning rate"):
        train(_rows_network(), images, labels, epochs=1, augment=False)


def test_the_app_holds_out_a_seeded_eighth_at_most_1000():
    fit, held = held_out_split(8000)
    assert len(held) == 1000 and len(fit) == 7000
    np.testing.assert_array_equal(held, split(8000, 1000, seed=0)[1])
    assert len(held_out_split(40)[1]) == 5


def test_shipped_model_reads_the_digits_it_never_saw():
    images, labels = load_digits(*find_idx_pair(MNIST))
    _, held = held_out_split(len(images))
    predicted = load_network(MODEL).predict(images[held]).argmax(axis=1)
    assert (predicted == labels[held]).mean() >= 0.985

"""IDX reading with its error messages, and the random augmentation of digit batches."""

import gzip
from pathlib import Path

import numpy as np
import pytest

from engine.data import Augmentation, augment, find_idx_pair, load_digits, read_idx
from engine.errors import ConfigError

MNIST = Path(__file__).resolve().parents[2] / "resources" / "data"


def idx_bytes(array, type_byte=0x08):
    header = bytes([0, 0, type_byte, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    return header + array.tobytes()


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("array, type_byte", [
    (np.arange(60, dtype=np.uint8).reshape(3, 4, 5), 0x08),
    (np.array([-5, 0, 70000], dtype=">i4"), 0x0C),
    (np.linspace(0, 1, 6, dtype=">f4").reshape(2, 3), 0x0D),
])
def test_read_idx_round_trip(tmp_path, array, type_byte, compress):
    raw = idx_bytes(array, type_byte)
    path = tmp_path / "x-idx"
    path.write_bytes(gzip.compress(raw) if compress else raw)
    out = read_idx(path)
    assert out.shape == array.shape and out.dtype.isnative
    np.testing.assert_array_equal(out, array)


@pytest.mark.parametrize("raw, words", [
    (b"\x08\x03\x00\x00" + bytes(100), "not an IDX file"),
    (b"\x00\x00\x42\x01" + bytes(8), "not an IDX file"),
    (b"", "starts with nothing"),
    (b"\x00\x00\x08\x03\x00\x00", "cut short"),
    (idx_bytes(np.zeros((2, 3, 3), np.uint8))[:-1], "truncated"),
    (idx_bytes(np.zeros((2, 3, 3), np.uint8)) + b"\x00", "2×3×3 values"),
])
def test_read_idx_rejects_bad_files_with_clear_messages(tmp_path, raw, words):
    path = tmp_path / "bad-idx"
    path.write_bytes(raw)
    with pytest.raises(ConfigError, match=words) as info:
        read_idx(path)
    assert "bad-idx" in str(info.value)


def test_read_idx_missing_and_damaged_gzip(tmp_path):
    with pytest.raises(ConfigError, match="cannot read nowhere"):
        read_idx(tmp_path / "nowhere")
    path = tmp_path / "cut.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros((9, 9), np.uint8)))[:-6])
    with pytest.raises(ConfigError, match="gzip"):
        read_idx(path)


def test_load_digits_scales_and_checks_the_pair(tmp_path):
    images, labels = tmp_path / "images-idx3", tmp_path / "labels-idx1"
    images.write_bytes(idx_bytes(np.full((3, 2, 2), 255, np.uint8)))
    labels.write_bytes(idx_bytes(np.array([1, 2, 3], np.uint8)))
    x, y = load_digits(images, labels)
    assert x.dtype == np.float32 and x.max() == 1.0 and y.dtype == np.int64
    labels.write_bytes(idx_bytes(np.array([1, 2], np.uint8)))
    with pytest.raises(ConfigError, match="3 images but 2 labels"):
        load_digits(images, labels)
    with pytest.raises(ConfigError, match="should hold images"):
        load_digits(labels, labels)


def test_find_idx_pair(tmp_path):
    (tmp_path / "a-images-idx3-ubyte.gz").touch()
    with pytest.raises(ConfigError, match="labels"):
        find_idx_pair(tmp_path)
    (tmp_path / "a-labels-idx1-ubyte.gz").touch()
    assert [p.name for p in find_idx_pair(tmp_path)] == ["a-images-idx3-ubyte.gz", "a-labels-idx1-ubyte.gz"]


def test_the_shipped_digits():
    x, y = load_digits(*find_idx_pair(MNIST))
    assert x.shape == (8000, 28, 28) and 0 <= x.min() and x.max() == 1
    assert np.bincount(y).tolist() == [773, 905, 834, 803, 788, 723, 756, 813, 787, 818]


def moments(images):
    """Per image: mass, centre of mass (y, x), and the second-moment matrix about it."""
    n, h, w = images.shape
    ys, xs = np.mgrid[0:h, 0:w]
    mass = images.sum(axis=(1, 2))
    cy, cx = (images * ys).sum(axis=(1, 2)) / mass, (images * xs).sum(axis=(1, 2)) / mass
    dy, dx = ys - cy[:, None, None], xs - cx[:, None, None]
    cov = np.stack([(images * a * b).sum(axis=(1, 2)) / mass for a, b in ((dy, dy), (dy, dx), (dx, dx))], 1)
    return mass, np.stack([cy, cx], 1), cov


def bars(n):
    """A horizontal bar in the middle of each 28×28 image."""
    images = np.zeros((n, 28, 28), np.float32)
    images[:, 13:15, 6:22] = 1
    return images


def test_augment_identity_and_repeatable():
    images = np.random.default_rng(0).random((5, 28, 28)).astype(np.float32)
    same = augment(images, np.random.default_rng(1), Augmentation(rotation=0, scale=(1, 1), shift=0))
    np.testing.assert_allclose(same, images, atol=1e-6)
    a = augment(images, np.random.default_rng(2), Augmentation(elastic=34))
    b = augment(images, np.random.default_rng(2), Augmentation(elastic=34))
    assert a.dtype == np.float32 and a.shape == images.shape
    np.testing.assert_array_equal(a, b)


def test_augment_moves_the_channels_of_an_image_together():
    images = np.random.default_rng(0).random((4, 1, 28, 28)).astype(np.float32)
    three = np.concatenate([images, 2 * images, images[:, :, ::-1]], axis=1)  # (4, 3, 28, 28)
    out = augment(three, np.random.default_rng(7))
    np.testing.assert_allclose(out[:, :1], augment(images, np.random.default_rng(7)), atol=1e-6)
    np.testing.assert_allclose(out[:, 1], 2 * out[:, 0], atol=1e-5)


def test_augment_shift_moves_the_centre_within_range():
    _, before, _ = moments(bars(200))
    mass, after, _ = moments(augment(bars(200), np.random.default_rng(3), Augmentation(0, (1, 1), 2.0)))
    moved = after - before
    assert np.abs(moved).max() <= 2 + 1e-4 and np.abs(moved).max() > 1.5
    np.testing.assert_allclose(mass, 32, rtol=1e-4)  # bilinear shifts keep the ink


def test_augment_rotation_tilts_the_bar_up_to_the_limit():
    _, _, cov = moments(augment(bars(300), np.random.default_rng(4), Augmentation(15, (1, 1), 0)))
    tilt = np.degrees(0.5 * np.arctan2(2 * cov[:, 1], cov[:, 2] - cov[:, 0]))
    assert np.abs(tilt).max() <= 15.5 and np.abs(tilt).max() > 13
    assert tilt.min() < -5 and tilt.max() > 5  # both directions


def test_augment_scale_stretches_the_bar_within_range():
    _, _, before = moments(bars(1))
    _, _, cov = moments(augment(bars(300), np.random.default_rng(5), Augmentation(0, (0.9, 1.1), 0)))
    ratio = np.sqrt(cov[:, 2] / before[0, 2])
    assert 0.88 < ratio.min() < 0.92 and 1.08 < ratio.max() < 1.12


def test_elastic_distortion_bends_but_keeps_the_digit():
    images = bars(50)
    out = augment(images, np.random.default_rng(6), Augmentation(0, (1, 1), 0, elastic=34, elastic_sigma=4))
    assert (np.abs(out - images).sum(axis=(1, 2)) > 1).all()
    mass, centre, _ = moments(out)
    # Local stretching changes a thin bar's ink, but only around its mean, and it stays in place.
    assert mass.mean() == pytest.approx(32, rel=0.1)
    assert np.median(np.abs(centre - 13.5)) < 1.5


def test_idx_dimensions_are_multiplied_without_wrapping(tmp_path):
    # 65536⁴ is 2⁶⁴: in uint64 arithmetic it wraps to 0 and an empty file looks right
    path = tmp_path / "wrap-idx"
    path.write_bytes(bytes([0, 0, 8, 4]) + (65536).to_bytes(4, "big") * 4)
    with pytest.raises(ConfigError, match=r"wrap-idx: the data its header declares, in bytes, "
                                          r"would be 18,446,744,073,709,551,616, more than"):
        read_idx(path)


def test_a_gzip_bomb_is_refused_from_its_header(tmp_path):
    import tracemalloc
    path = tmp_path / "bomb-idx.gz"
    # 3 MB compressed, 3 GB of zeros claimed by the header (60000 × 224 × 224)
    header = bytes([0, 0, 8, 3]) + np.array([60000, 224, 224], ">u4").tobytes()
    path.write_bytes(gzip.compress(header + bytes(50_000_000), compresslevel=1))
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match="more than ConvScope handles"):
            read_idx(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_gzip_decompression_stops_at_what_the_header_declares(tmp_path):
    import tracemalloc
    path = tmp_path / "long-idx.gz"
    header = bytes([0, 0, 8, 1]) + np.array([10], ">u4").tobytes()
    path.write_bytes(gzip.compress(header + bytes(90_000_000), compresslevel=1))
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match="the header promises 10 values"):
            read_idx(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000

"""Digit data: IDX files (the MNIST format) and random augmentation, numpy only."""

from __future__ import annotations

import math
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import limits
from engine.errors import ConfigError

#: The 8,000 MNIST digits that ship with ConvScope (credited in its README)
SHIPPED_DIGITS = Path(__file__).resolve().parents[1] / "resources" / "data"

# IDX type byte -> big-endian element type (http://yann.lecun.com/exdb/mnist/, "THE IDX FILE FORMAT")
_IDX_TYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}


def read_idx(path) -> np.ndarray:
    """Read an IDX file, gzip-compressed or not (detected from its first bytes).

    Returns
    -------
    np.ndarray
        Shape as declared in the header (images: (N, H, W); labels: (N,)), native byte order.

    Raises
    ------
    ConfigError
        When the file is missing, not IDX (magic), declares impossible dimensions, or its length
        does not match the dimensions it declares.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limits.MAX_IDX_BYTES + 4 + 4 * 255:
                raise limits.over(f"{path.name}: its size in bytes", size, limits.MAX_IDX_BYTES)
            raw = f.read()
    except OSError as exc:
        raise ConfigError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if raw[:2] == b"\x1f\x8b":
        raw = _gunzip_idx(raw, path.name)
    if len(raw) < 4 or raw[:2] != b"\x00\x00" or raw[2] not in _IDX_TYPES:
        raise ConfigError(
            f"{path.name} is not an IDX file: it should start with 00 00, a type byte "
            f"(08 for bytes) and the number of dimensions; it starts with {raw[:4].hex(' ') or 'nothing'}"
        )
    dtype, ndim = _IDX_TYPES[raw[2]], raw[3]
    header = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header:
        raise ConfigError(f"{path.name}: the IDX header declares {ndim} dimensions but is cut short")
    dims = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    expected = math.prod(dims) * dtype.itemsize  # Python integers: 65536⁴ does not wrap to 0
    if expected > limits.MAX_IDX_BYTES:
        raise limits.over(f"{path.name}: the data its header declares, in bytes,", expected,
                          limits.MAX_IDX_BYTES)
    if len(raw) - header != expected:
        shape = "×".join(map(str, dims))
        raise ConfigError(
            f"{path.name}: the header promises {shape} values ({expected:,} bytes of data) "
            f"but the file holds {len(raw) - header:,} bytes — it is truncated or not an IDX file"
        )
    return np.frombuffer(raw, dtype, offset=header).reshape(dims).astype(dtype.newbyteorder("="))


def _gunzip_idx(raw, name):
    """Decompress a gzipped IDX file, never past the data its header declares (plus one byte,
    which shows a file longer than its header), and not at all past the limit."""
    stream, pending = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS), raw

    def take(count):  # never 0: zlib reads that as "no limit"
        nonlocal pending
        data = stream.decompress(pending, max(count, 1))
        pending = stream.unconsumed_tail
        return data

    try:
        out = take(4)
        ndim = out[3] if len(out) == 4 else 0
        out += take(4 * ndim) if ndim else b""
        dims = [int.from_bytes(out[i:i + 4], "big") for i in range(4, len(out) - 3, 4)]
        itemsize = _IDX_TYPES[out[2]].itemsize if len(out) > 2 and out[2] in _IDX_TYPES else 1
        wanted = math.prod(dims) * itemsize
        if wanted > limits.MAX_IDX_BYTES:
            return out  # read_idx refuses it from the header alone
        out += take(wanted + 1)
    except zlib.error:
        raise ConfigError(f"{name} looks gzip-compressed but is damaged or cut short") from None
    if not stream.eof and len(out) <= 4 + 4 * ndim + wanted:
        raise ConfigError(f"{name} looks gzip-compressed but is damaged or cut short")
    return out


def load_digits(images_path, labels_path) -> tuple[np.ndarray, np.ndarray]:
    """Read an IDX image/label pair.

    Returns
    -------
    images : (N, H, W) float32 in [0, 1] (bytes are divided by 255)
    labels : (N,) int64

    Raises
    ------
    ConfigError
        When either file is bad (see `read_idx`) or the two do not belong together.
    """
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3:
        raise ConfigError(
            f"{Path(images_path).name} should hold images (3 dimensions: count × height × width), "
            f"it has {images.ndim}"
        )
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
        raise ConfigError(f"{Path(labels_path).name} should hold one whole-number label per image")
    if len(images) != len(labels):
        raise ConfigError(f"there are {len(images)} images but {len(labels)} labels")
    if labels.size and labels.min() < 0:
        raise ConfigError(f"{Path(labels_path).name}: labels must be 0 or more, found {labels.min()}")
    scale = 1 / 255 if images.dtype == np.uint8 else 1.0
    return (images * np.float32(scale)).astype(np.float32), labels.astype(np.int64)


def find_idx_pair(folder) -> tuple[Path, Path]:
    """The (images, labels) IDX files in `folder`, found by the usual '*images*' / '*labels*' names."""
    folder = Path(folder)
    found = []
    for role in ("images", "labels"):
        matches = sorted(folder.glob(f"*{role}*idx*")) if folder.is_dir() else []
        if len(matches) != 1:
            raise ConfigError(f"{folder}: expected one '*{role}*idx*' file, found {len(matches)}"
                              if matches else f"{folder}: no '*{role}*idx*' file found")
        found.append(matches[0])
    return found[0], found[1]


@dataclass(frozen=True)
class Augmentation:
    """Random distortions drawn independently for every image.

    rotation: maximum angle in degrees either way; scale: (low, high) zoom factor; shift: maximum
    translation in pixels either way; elastic: strength in pixels of a smooth random displacement
    field (0 turns it off, Simard et al. 2003 used 34 with sigma 4); elastic_sigma: its smoothness.
    The defaults are the shipped digit model's recipe (wider rotations or elastic distortion did
    not measurably help it).
    """

    rotation: float = 12.0
    scale: tuple[float, float] = (0.9, 1.1)
    shift: float = 2.0
    elastic: float = 0.0
    elastic_sigma: float = 4.0


def augment(images: np.ndarray, rng: np.random.Generator, aug: Augmentation = Augmentation()) -> np.ndarray:
    """Randomly rotate, scale, shift (and optionally elastically distort) a batch of images.

    Parameters
    ----------
    images : (N, H, W) or (N, C, H, W) float array, background 0; the channels of one image
        move together
    rng : the only source of randomness, so a seeded generator repeats exactly
    aug : the distortion ranges

    Returns
    -------
    Array of the same shape and dtype; pixels pulled in from outside the image are 0.
    """
    n, h, w = images.shape[0], images.shape[-2], images.shape[-1]
    f32 = np.float32  # float32 coordinates: 5x faster than float64 and ample for 28x28 pixels
    angle = np.deg2rad(rng.uniform(-aug.rotation, aug.rotation, n)).astype(f32)
    zoom = rng.uniform(aug.scale[0], aug.scale[1], n).astype(f32)
    shift = rng.uniform(-aug.shift, aug.shift, (2, n)).astype(f32)
    cy, cx = f32((h - 1) / 2), f32((w - 1) / 2)
    # Inverse mapping: for every output pixel, where in the source image to sample.
    ys, xs = np.mgrid[0:h, 0:w].astype(f32)
    dy = ys[None] - cy - shift[0][:, None, None]  # (N, H, W)
    dx = xs[None] - cx - shift[1][:, None, None]
    cos, sin = (np.cos(angle) / zoom)[:, None, None], (np.sin(angle) / zoom)[:, None, None]
    src_y, src_x = cy + cos * dy - sin * dx, cx + sin * dy + cos * dx
    if aug.elastic > 0:
        src_y += aug.elastic * _smooth_noise(rng, n, h, w, aug.elastic_sigma)
        src_x += aug.elastic * _smooth_noise(rng, n, h, w, aug.elastic_sigma)
    planes = images.reshape(n, -1, h, w)  # (N, C, H, W)
    out = _bilinear(planes, src_y[:, None], src_x[:, None])
    return out.reshape(images.shape).astype(images.dtype, copy=False)


def _smooth_noise(rng: np.random.Generator, n: int, h: int, w: int, sigma: float) -> np.ndarray:
    """(N, H, W) uniform noise in [-1, 1] blurred by a Gaussian of `sigma` pixels (zero outside)."""

    def blur_matrix(size):
        d = np.arange(size)[:, None] - np.arange(size)[None, :]
        g = np.exp(-0.5 * (d / sigma) ** 2)
        return g / g.sum(axis=1, keepdims=True)

    return blur_matrix(h) @ rng.uniform(-1, 1, (n, h, w)) @ blur_matrix(w).T


def _bilinear(images: np.ndarray, src_y: np.ndarray, src_x: np.ndarray) -> np.ndarray:
    """Sample images (N, C, H, W) at per-image (N, 1, H, W) source coordinates; outside reads 0."""
    n, c, h, w = images.shape
    # A zero border (1 before, 2 after) and clipped coordinates make every far-away sample read
    # zeros, so the four gathers need no bounds masks.
    padded = np.pad(images, ((0, 0), (0, 0), (1, 2), (1, 2))).reshape(-1)
    src_y, src_x = np.clip(src_y, -1, h), np.clip(src_x, -1, w)
    y0, x0 = np.floor(src_y), np.floor(src_x)
    fy, fx = src_y - y0, src_x - x0
    row = w + 3
    plane = np.arange(n * c).reshape(n, c, 1, 1) * (h + 3) * row
    idx = plane + (y0.astype(np.intp) + 1) * row + x0.astype(np.intp) + 1
    top = padded[idx] * (1 - fx) + padded[idx + 1] * fx
    bottom = padded[idx + row] * (1 - fx) + padded[idx + row + 1] * fx
    return top * (1 - fy) + bottom * fy

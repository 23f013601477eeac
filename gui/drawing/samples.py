"""Images for the canvas: the shipped MNIST sample digits and user image files.

Every image comes out as the canvas holds it: (H, W) float32 in [0, 1], white ink on black.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "samples"
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif)"
#: pixels of the largest image file read (its header is checked before it is decoded)
MAX_IMAGE_PIXELS = 8192 * 8192


class ImageError(ValueError):
    """An image file that cannot be read, in words for a message box."""


def sample_paths():
    """The shipped sample digits as ``{digit: path}``, ordered by digit."""
    return {int(p.stem.split("_")[1]): p for p in sorted(SAMPLES_DIR.glob("digit_*.png"))}


def sample_digit(digit, shape=(28, 28)):
    """The sample image of ``digit`` (0–9) fitted to ``shape`` (H, W)."""
    return load_image(sample_paths()[digit], shape)


def load_image(path, shape):
    """Read an image file as grayscale and fit it, aspect kept and centred, into ``shape`` (H, W).

    Dark ink on a light background (a photo of paper) is inverted to the white-on-black the
    network expects; that is decided by the border, which is background in either case.

    Returns
    -------
    (H, W) float32 in [0, 1]

    A transparent background is paper: the picture is composited on white when its visible ink
    is dark and on black when it is light, so black ink on a transparent PNG reads as a digit.

    Raises
    ------
    ImageError
        When the file is missing, too large (``MAX_IMAGE_PIXELS``, judged from its header before
        it is decoded) or not an image Qt can decode.
    """
    reader = QImageReader(str(path))
    size = reader.size()
    if size.width() * size.height() > MAX_IMAGE_PIXELS:
        raise ImageError(f"{Path(path).name} is {size.width()}×{size.height()} pixels, too large "
                         f"to load: ConvScope reads images of up to {MAX_IMAGE_PIXELS:,} pixels "
                         f"(for example 8192×8192). Scale it down first.")
    image = reader.read()
    if image.isNull():
        raise ImageError(f"{Path(path).name} is not an image ConvScope can read (PNG, JPEG, BMP, GIF).")
    if image.hasAlphaChannel():
        image = _on_paper(image)
    pixels = _fit(image.convertToFormat(QImage.Format_Grayscale8), shape)
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return 1.0 - pixels if border.mean() > 0.5 else pixels


def _on_paper(image):
    """``image`` composited on white paper if its ink (the opaque part) is dark, else on black."""
    argb = image.convertToFormat(QImage.Format_ARGB32)
    gray = qimage_to_array(argb.convertToFormat(QImage.Format_Grayscale8))
    alpha = qimage_to_array(argb.convertToFormat(QImage.Format_Alpha8))
    ink = float((gray * alpha).sum() / max(alpha.sum(), 1e-6))
    paper = QImage(argb.size(), QImage.Format_RGB32)
    paper.fill(Qt.white if ink < 0.5 else Qt.black)
    painter = QPainter(paper)
    painter.drawImage(0, 0, argb)
    painter.end()
    return paper


def _fit(gray, shape):
    """Scale ``gray`` (QImage, Grayscale8) smoothly into an (H, W) black field, aspect kept."""
    height, width = shape
    scaled = gray.scaled(width, height, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    # The padding colour must match the image's own background, or a light photo gets dark bars
    # that the inversion test above would mistake for background.
    corner = scaled.pixelColor(0, 0).value()
    field = QImage(width, height, QImage.Format_Grayscale8)
    field.fill(corner)
    painter = QPainter(field)
    left, top = (width - scaled.width()) // 2, (height - scaled.height()) // 2
    painter.drawImage(QRect(left, top, scaled.width(), scaled.height()), scaled)
    painter.end()
    return qimage_to_array(field)


def qimage_to_array(gray):
    """(H, W) float32 in [0, 1] from a Grayscale8 QImage (copies; rows may be padded)."""
    stride = gray.bytesPerLine()
    raw = np.frombuffer(gray.constBits(), np.uint8, count=stride * gray.height())
    return raw.reshape(gray.height(), stride)[:, : gray.width()].astype(np.float32) / 255.0


def array_to_qimage(array):
    """A Grayscale8 QImage owning a copy of ``array`` (H, W) in [0, 1]."""
    pixels = np.ascontiguousarray(np.clip(array, 0, 1) * 255 + 0.5, dtype=np.uint8)
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format_Grayscale8).copy()

"""Images for the canvas: the shipped MNIST sample digits and user image files.

Every image comes out as the canvas holds it: (H, W) float32 in [0, 1], white ink on black, or
(3, H, W) red, green, blue for a colour network.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

from gui.i18n import fill

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "samples"
#: pixels of the largest image file read (its header is checked before it is decoded)
MAX_IMAGE_PIXELS = 8192 * 8192


def image_filter():
    """The file dialog's filter for the images ``load_image`` reads."""
    return QCoreApplication.translate("samples", "Images (*.png *.jpg *.jpeg *.bmp *.gif)")


class ImageError(ValueError):
    """An image file that cannot be read, in words for a message box."""


def sample_paths():
    """The shipped sample digits as ``{digit: path}``, ordered by digit."""
    return {int(p.stem.split("_")[1]): p for p in sorted(SAMPLES_DIR.glob("digit_*.png"))}


def sample_digit(digit, shape=(28, 28)):
    """The sample image of ``digit`` (0–9) fitted to ``shape`` (H, W)."""
    return load_image(sample_paths()[digit], shape)


def load_image(path, shape, colour=False):
    """Read an image file and fit it, aspect kept and centred, into ``shape`` (H, W).

    In grey, dark ink on a light background (a photo of paper) is inverted to the white-on-black
    the network expects; that is decided by the border, which is background in either case. In
    ``colour`` the picture is kept as it is (a colour network saw photos, not ink).

    Returns
    -------
    (H, W) float32 in [0, 1], or (3, H, W) in ``colour``

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
        raise ImageError(fill(QCoreApplication.translate(
            "samples", "%1 is %2×%3 pixels, too large to load: ConvScope reads images of up to "
            "%4 pixels (for example 8192×8192). Scale it down first."),
            Path(path).name, size.width(), size.height(), f"{MAX_IMAGE_PIXELS:,}"))
    image = reader.read()
    if image.isNull():
        raise ImageError(fill(QCoreApplication.translate(
            "samples", "%1 is not an image ConvScope can read (PNG, JPEG, BMP, GIF)."),
            Path(path).name))
    if image.hasAlphaChannel():
        image = _on_paper(image)
    if colour:
        return _fit(image.convertToFormat(QImage.Format_RGB888), shape)
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


def _fit(picture, shape):
    """Scale ``picture`` (QImage, Grayscale8 or RGB888) smoothly into an (H, W) field, aspect
    kept, the margins in the colour of its corner."""
    height, width = shape
    scaled = picture.scaled(width, height, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    # The padding colour must match the image's own background, or a light photo gets dark bars
    # that the inversion test above would mistake for background.
    field = QImage(width, height, picture.format())
    field.fill(scaled.pixelColor(0, 0))
    painter = QPainter(field)
    left, top = (width - scaled.width()) // 2, (height - scaled.height()) // 2
    painter.drawImage(QRect(left, top, scaled.width(), scaled.height()), scaled)
    painter.end()
    return qimage_to_array(field)


def qimage_to_array(picture):
    """(H, W) float32 in [0, 1] from a Grayscale8 QImage, (3, H, W) from an RGB888 one (copies;
    rows may be padded)."""
    depth = 3 if picture.format() == QImage.Format_RGB888 else 1
    stride = picture.bytesPerLine()
    raw = np.frombuffer(picture.constBits(), np.uint8, count=stride * picture.height())
    rows = raw.reshape(picture.height(), stride)[:, : picture.width() * depth]
    pixels = rows.reshape(picture.height(), picture.width(), depth).astype(np.float32) / 255.0
    return pixels[:, :, 0] if depth == 1 else pixels.transpose(2, 0, 1)


def array_to_qimage(array):
    """A QImage owning a copy of ``array`` in [0, 1]: (H, W) as Grayscale8, (3, H, W) as RGB888."""
    pixels = np.clip(array, 0, 1) * 255 + 0.5
    if pixels.ndim == 3:
        pixels = np.ascontiguousarray(pixels.transpose(1, 2, 0), dtype=np.uint8)
        height, width = pixels.shape[:2]
        return QImage(pixels.data, width, height, 3 * width, QImage.Format_RGB888).copy()
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format_Grayscale8).copy()

"""Image files for the canvas: transparency and size are handled before the pixels are used."""

import struct
import zlib

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from gui.drawing.samples import ImageError, load_image


def _transparent_png(path, ink):
    image = QImage(40, 40, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.fillRect(18, 5, 4, 30, QColor(ink))
    painter.end()
    assert image.save(str(path))
    return path


@pytest.mark.parametrize("ink", ["black", "white"])
def test_ink_on_a_transparent_background_is_a_digit(tmp_path, ink):
    pixels = load_image(_transparent_png(tmp_path / "ink.png", ink), (40, 40))
    assert pixels[20, 20] > 0.9  # the stroke, white on black as the canvas holds it
    assert pixels[20, 5] < 0.1 and pixels[2, 2] < 0.1


def test_a_huge_image_says_it_is_too_large_with_the_limit(tmp_path):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    # only a header: a 20000×20000 grey PNG, never decoded
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0)
    path = tmp_path / "huge.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    with pytest.raises(ImageError, match=r"huge.png is 20000×20000 pixels, too large to load: "
                                         r"ConvScope reads images of up to 67,108,864 pixels"):
        load_image(path, (28, 28))


def test_an_opaque_image_is_unchanged_by_the_alpha_rule(tmp_path):
    image = QImage(20, 20, QImage.Format_Grayscale8)
    image.fill(0)
    path = tmp_path / "plain.png"
    assert image.save(str(path))
    assert np.all(load_image(path, (20, 20)) == 0)

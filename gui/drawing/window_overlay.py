"""Drawing a receptive-field window over the input: the window, its padded part, dilated taps.

Painter functions in widget pixels, with no widget of their own, so the canvas stays about
drawing and geometry.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainterPath, QPen

from gui.present.colormaps import DIVERGING

WINDOW = QColor("#ffb300")
HOVER = QColor("#4fc3f7")  # the hovered unit's window while another one is pinned
_HEAT = pg.colormap.get("inferno").getLookupTable(nPts=256, alpha=False)


def padding_modes(network, layer):
    """How layers up to ``layer`` fill the border they pad: ["zeros", "reflect", ...], in order."""
    modes = []
    for spec, window in zip(network.layers[:layer + 1], network.windows):
        if window is None or not any(sum(window.pads, ())):
            continue
        mode = getattr(spec, "padding_mode", None)
        if mode is None:  # pooling: max pool pads with −∞ (never wins), avg pool with zeros
            mode = "−∞" if spec.kind == "maxpool2d" else "zeros"
        if mode not in modes:
            modes.append(mode)
    return modes


def paint_window(painter, box, image, mask, label, bounds):
    """The window ``box`` (QRectF): filled inside the ``image`` rect, hatched and dashed where it
    reaches into the padding (tagged with ``label``), dots on the taps when ``mask`` (bool,
    one entry per pixel of the box) skips pixels. ``bounds`` keeps the tag visible."""
    inside = box.intersected(image)
    fill = QColor(WINDOW)
    fill.setAlpha(45)
    painter.fillRect(inside, fill)
    if box != inside:
        outside, inner = QPainterPath(), QPainterPath()
        outside.addRect(box)
        inner.addRect(image)
        painter.fillPath(outside.subtracted(inner), QBrush(WINDOW, Qt.BDiagPattern))
        painter.setPen(QPen(WINDOW, 1.5, Qt.DashLine))
        painter.drawRect(box)
        paint_tag(painter, box, label, bounds)
    painter.setPen(QPen(WINDOW, 2))
    painter.drawRect(inside)
    if not mask.all():
        _paint_taps(painter, box, mask)


def paint_outline(painter, box):
    """A second window (the hovered unit's), outlined only."""
    painter.setPen(QPen(HOVER, 2))
    painter.setBrush(Qt.NoBrush)
    painter.drawRect(box)


def _paint_taps(painter, box, mask):
    cell = box.width() / mask.shape[1]
    painter.setPen(Qt.NoPen)
    painter.setBrush(WINDOW)
    radius = max(1.5, 0.18 * cell)
    for row, col in zip(*np.nonzero(mask)):
        painter.drawEllipse(QPointF(box.left() + (col + 0.5) * cell, box.top() + (row + 0.5) * cell),
                            radius, radius)
    painter.setBrush(Qt.NoBrush)


def paint_tag(painter, box, text, bounds):
    """``text`` on a dark pill just above ``box``'s top-left corner, kept inside ``bounds``."""
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 0.9)
    painter.setFont(font)
    size = painter.fontMetrics().boundingRect(text).size()
    pill = QRectF(0, 0, size.width() + 10, size.height() + 4)
    pill.moveTopLeft(QPointF(max(bounds.left() + 2, min(box.left(), bounds.right() - pill.width() - 2)),
                             max(bounds.top() + 2, box.top() - pill.height() - 2)))
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(0, 0, 0, 190))
    painter.drawRoundedRect(pill, 4, 4)
    painter.setBrush(Qt.NoBrush)
    painter.setPen(WINDOW)
    painter.drawText(pill, Qt.AlignCenter, text)


def heatmap_image(overlay, signed=False):
    """An RGBA QImage of ``overlay`` (H, W), opacity growing with |value|: inferno colours for
    values ≥ 0, or, when ``signed``, blue below zero and orange above (one scale both ways)."""
    values = np.asarray(overlay, np.float32)
    peak = float(np.abs(values).max()) if values.size else 0.0
    level = np.zeros(values.shape, np.float32) if peak <= 0 else np.clip(values / peak, -1, 1)
    rgba = np.empty(values.shape + (4,), np.uint8)
    if signed:
        rgba[..., :3] = DIVERGING[((level + 1) * 127.5).astype(np.uint8), :3]
        level = np.abs(level)
    else:
        level = np.maximum(level, 0)
        rgba[..., :3] = _HEAT[(level * 255).astype(np.uint8)]
    rgba[..., 3] = (level * 210).astype(np.uint8)
    height, width = values.shape
    # RGBA8888 stores bytes in memory order R, G, B, A on every platform.
    return QImage(rgba.data, width, height, 4 * width, QImage.Format_RGBA8888).copy()

"""Tile the channels of one layer's output into a single image, and map pixels back to units.

Pure numpy (no Qt): the activation view draws a whole layer with one image item, so it needs
the tiling and the two mappings (mosaic pixel -> unit, unit -> mosaic pixel) to stay exact
inverses of each other. Cells are laid out row-major with ``gap`` pixels between them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import as_strided


def grid_columns(channels, height, width, aspect=3.0, gap=1):
    """The column count whose mosaic of ``channels`` (height, width) cells best fits ``aspect``.

    ``aspect`` is the wanted width / height of the whole mosaic (wide mosaics suit views stacked
    in a vertical scroll area). Ratios compare on a log scale (2× too wide is as bad as 2× too
    tall), and every empty cell in the last row costs as much as a 1/cols-th mismatch, so 8
    channels tile 4 × 2 rather than 6 + 2.
    """
    def cost(cols):
        rows = math.ceil(channels / cols)
        ratio = (cols * (width + gap) - gap) / (rows * (height + gap) - gap)
        return abs(math.log(ratio / aspect)) + (rows * cols - channels) / cols

    return min(range(1, channels + 1), key=cost)


@dataclass(frozen=True)
class Mosaic:
    """A grid layout of ``channels`` cells of ``height`` × ``width`` pixels, ``cols`` per row."""

    channels: int
    height: int
    width: int
    cols: int
    gap: int = 1

    @classmethod
    def fit(cls, shape, aspect=3.0, gap=1):
        """The mosaic for a (C, H, W) map whose overall width / height is closest to ``aspect``."""
        channels, height, width = shape
        return cls(channels, height, width, grid_columns(channels, height, width, aspect, gap), gap)

    @property
    def rows(self):
        return math.ceil(self.channels / self.cols)

    @property
    def shape(self):
        """(rows, cols) of the whole mosaic image in pixels."""
        return (self.rows * (self.height + self.gap) - self.gap,
                self.cols * (self.width + self.gap) - self.gap)

    def empty(self, fill=0.0, dtype=np.float32):
        """A C-contiguous mosaic buffer with every pixel (gaps and unused cells) set to ``fill``."""
        return np.full(self.shape, fill, dtype)

    def _cells(self, out):
        """A writable (rows, cols, H, W) view of the cell pixels of ``out`` (no copy)."""
        row_stride, col_stride = out.strides
        return as_strided(
            out, shape=(self.rows, self.cols, self.height, self.width),
            strides=((self.height + self.gap) * row_stride, (self.width + self.gap) * col_stride,
                     row_stride, col_stride))

    def tile(self, maps, out=None):
        """Copy ``maps`` (C, H, W) into the cells of ``out`` (a buffer from ``empty``) and return it.

        Gaps and unused cells keep whatever ``out`` held, so a buffer reused frame after frame
        is written without any allocation.
        """
        if maps.shape != (self.channels, self.height, self.width):
            raise ValueError(f"maps of shape {maps.shape} do not fit {self}")
        if out is None:
            out = self.empty()
        cells = self._cells(out)
        full_rows, rest = divmod(self.channels, self.cols)
        split = full_rows * self.cols
        cells[:full_rows] = maps[:split].reshape(full_rows, self.cols, self.height, self.width)
        if rest:
            cells[full_rows, :rest] = maps[split:]
        return out

    def tile_every(self, maps, step, out=None):
        """``tile(maps)[::step, ::step]`` without building the full mosaic (for drawing a large
        mosaic at screen resolution); ``out`` is a buffer from ``empty_every(step)``.

        Each cell reads its maps with the phase at which the sampling grid crosses it, so the
        result is exactly the strided full mosaic, gaps and unused cells keeping ``out``'s fill.
        """
        if out is None:
            out = self.empty_every(step)
        for channel in range(self.channels):
            y, x = self.origin(channel)
            top, left = -(-y // step), -(-x // step)  # first sampled row / col of the cell
            plane = maps[channel, top * step - y::step, left * step - x::step]
            out[top:top + plane.shape[0], left:left + plane.shape[1]] = plane
        return out

    def empty_every(self, step, fill=0.0, dtype=np.float32):
        """A buffer for ``tile_every(…, step)``: the shape of ``empty()[::step, ::step]``."""
        height, width = self.shape
        return np.full((-(-height // step), -(-width // step)), fill, dtype)

    def origin(self, channel):
        """(y, x) of the top-left pixel of ``channel``'s cell."""
        cell_row, cell_col = divmod(channel, self.cols)
        return cell_row * (self.height + self.gap), cell_col * (self.width + self.gap)

    def position(self, channel, row, col):
        """(y, x) mosaic pixel showing unit (channel, row, col)."""
        y, x = self.origin(channel)
        return y + row, x + col

    def locate(self, y, x):
        """The unit (channel, row, col) shown at mosaic pixel (y, x), or None for gaps and outside."""
        y, x = math.floor(y), math.floor(x)
        if y < 0 or x < 0:
            return None
        cell_row, row = divmod(y, self.height + self.gap)
        cell_col, col = divmod(x, self.width + self.gap)
        channel = cell_row * self.cols + cell_col
        if row >= self.height or col >= self.width or cell_col >= self.cols or channel >= self.channels:
            return None
        return channel, row, col

    def gap_rects(self):
        """(y, x, h, w) rectangles covering the gaps between cells."""
        height, width = self.shape
        rects = [(0, x - self.gap, height, self.gap)
                 for x in range(self.width + self.gap, width, self.width + self.gap)]
        rects += [(y - self.gap, 0, self.gap, width)
                  for y in range(self.height + self.gap, height, self.height + self.gap)]
        return rects

    def unused_rects(self):
        """(y, x, h, w) of the empty end of the last row (no rectangle when every cell is used)."""
        if self.rows * self.cols == self.channels:
            return []
        y, x = self.origin(self.channels)
        return [(y, x - self.gap, self.height, self.shape[1] - x + self.gap)]

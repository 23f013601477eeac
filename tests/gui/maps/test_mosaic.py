"""gui.maps.mosaic: tiling and pixel <-> unit mapping (pure numpy, no Qt needed)."""

import ast
import pathlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.maps.mosaic import Mosaic, grid_columns


def naive_tile(maps, cols, gap, fill):
    """Reference: place every channel with explicit loops."""
    channels, height, width = maps.shape
    rows = -(-channels // cols)
    out = np.full((rows * (height + gap) - gap, cols * (width + gap) - gap), fill, maps.dtype)
    for c in range(channels):
        top, left = (c // cols) * (height + gap), (c % cols) * (width + gap)
        for r in range(height):
            for q in range(width):
                out[top + r, left + q] = maps[c, r, q]
    return out


layouts = st.tuples(st.integers(1, 12), st.integers(1, 7), st.integers(1, 7),
                    st.integers(1, 6), st.integers(0, 2))


@settings(max_examples=40, deadline=None)
@given(layouts)
def test_tile_matches_naive_reference(layout):
    channels, height, width, cols, gap = layout
    cols = min(cols, channels)
    maps = np.random.default_rng(0).standard_normal((channels, height, width)).astype(np.float32)
    mosaic = Mosaic(channels, height, width, cols, gap)
    tiled = mosaic.tile(maps, mosaic.empty(fill=-7.0))
    np.testing.assert_array_equal(tiled, naive_tile(maps, cols, gap, -7.0))
    assert tiled.flags.c_contiguous and tiled.dtype == np.float32


@settings(max_examples=40, deadline=None)
@given(layouts)
def test_locate_inverts_position_and_rejects_gaps(layout):
    channels, height, width, cols, gap = layout
    cols = min(cols, channels)
    mosaic = Mosaic(channels, height, width, cols, gap)
    seen = set()
    mh, mw = mosaic.shape
    for y in range(mh):
        for x in range(mw):
            unit = mosaic.locate(y + 0.5, x + 0.99)
            if unit is not None:
                assert mosaic.position(*unit) == (y, x)
                seen.add(unit)
    assert len(seen) == channels * height * width
    # Every pixel not showing a unit is covered by a gap or unused rectangle, no unit pixel is.
    covered = np.zeros(mosaic.shape, bool)
    for y, x, h, w in mosaic.gap_rects() + mosaic.unused_rects():
        covered[y:y + h, x:x + w] = True
    units = np.zeros(mosaic.shape, bool)
    for unit in seen:
        units[mosaic.position(*unit)] = True
    np.testing.assert_array_equal(covered, ~units)


@settings(max_examples=40, deadline=None)
@given(layouts, st.integers(1, 5))
def test_tile_every_is_the_strided_mosaic(layout, step):
    channels, height, width, cols, gap = layout
    mosaic = Mosaic(channels, height, width, min(cols, channels), gap)
    maps = np.random.default_rng(1).standard_normal((channels, height, width)).astype(np.float32)
    sampled = mosaic.tile_every(maps, step, mosaic.empty_every(step, fill=-7.0))
    np.testing.assert_array_equal(sampled, mosaic.tile(maps, mosaic.empty(fill=-7.0))[::step, ::step])
    assert sampled.flags.c_contiguous


def test_locate_outside_is_none():
    mosaic = Mosaic(3, 4, 5, cols=2)
    assert mosaic.shape == (9, 11)
    assert mosaic.locate(-0.1, 0) is None
    assert mosaic.locate(0, 11) is None
    assert mosaic.locate(4, 0) is None          # the gap row
    assert mosaic.locate(5, 6) is None          # the unused fourth cell
    assert mosaic.locate(5, 4.9) == (2, 0, 4)


def test_tile_reuses_buffer_and_keeps_gaps():
    mosaic = Mosaic(2, 2, 2, cols=2)
    buffer = mosaic.empty(fill=9.0)
    out = mosaic.tile(np.arange(8, dtype=np.float32).reshape(2, 2, 2), buffer)
    assert out is buffer
    np.testing.assert_array_equal(out, [[0, 1, 9, 4, 5], [2, 3, 9, 6, 7]])
    with pytest.raises(ValueError):
        mosaic.tile(np.zeros((3, 2, 2), np.float32), buffer)


def test_fit_prefers_wide_layouts_without_empty_cells():
    assert grid_columns(16, 14, 14, aspect=4.0) == 8
    assert grid_columns(8, 28, 28, aspect=3.0) == 4
    assert grid_columns(8, 28, 28, aspect=6.0) == 8
    assert grid_columns(10, 5, 5, aspect=5.0) == 5
    assert grid_columns(1, 28, 28) == 1
    mosaic = Mosaic.fit((8, 28, 28), aspect=3.0)
    rows, cols = mosaic.shape
    assert 2 <= cols / rows <= 4.5


def test_module_has_no_qt_imports():
    source = pathlib.Path(__file__).parents[3] / "gui" / "maps" / "mosaic.py"
    modules = {alias.name.split(".")[0] for node in ast.walk(ast.parse(source.read_text()))
               if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(ast.parse(source.read_text()))
                if isinstance(node, ast.ImportFrom) and node.module}
    assert not modules & {"PySide6", "pyqtgraph", "PyQt5", "PyQt6"}

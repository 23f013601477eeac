"""gui.maps.bar_view: a flat layer as bars, coloured by sign, a marker, the unit under a point."""

import numpy as np
import pytest

from gui.maps.bar_view import NEGATIVE, POSITIVE, BarView


@pytest.fixture
def view(shown):
    return shown(BarView("dense1", 6, signed=True), 600, 150)


def test_bars_follow_values_and_sign(view):
    values = np.array([0.5, -1.5, 2.0, 0.0, -0.1, 3.2], np.float32)
    view.set_maps(values)
    np.testing.assert_array_equal(view.bars.opts["height"], values)
    colours = [brush.color() for brush in view.bars.opts["brushes"]]
    assert colours == [POSITIVE, NEGATIVE, POSITIVE, POSITIVE, NEGATIVE, POSITIVE]
    low, high = view.plot.vb.viewRange()[1]
    assert low < -1.5 and high >= 3.2


@pytest.mark.parametrize("signed", [True, False])
def test_bars_that_overflowed_leave_the_range_finite(shown, signed):
    view = shown(BarView("dense1", 4, signed=signed), 600, 150)
    view.set_maps(np.array([-np.inf, np.inf, np.nan, -2.0], np.float32))
    low, high = view.plot.vb.viewRange()[1]
    assert np.isfinite([low, high]).all() and low < -2.0 < high


def test_marker_and_unit_at(view):
    view.set_maps(np.arange(6, dtype=np.float32))
    view.set_marks(units=[(4, 0, 0)])
    assert view.marker.isVisible() and list(view.marker.opts["height"]) == [4.0]
    view.set_marks()
    assert not view.marker.isVisible()
    for unit in range(6):
        assert view.unit_at(view.scene_pos(unit)) == (unit, 0, 0)


def test_probabilities_keep_a_fixed_axis(qtbot):
    view = BarView("softmax1", 3, signed=False, labels=["a", "b", "c"], probabilities=True)
    qtbot.addWidget(view)
    view.set_maps(np.array([0.2, 0.3, 0.5], np.float32))
    assert view.plot.vb.viewRange()[1] == pytest.approx([-0.02, 1.02])


def test_peak_bins_keep_each_runs_extremes():
    from gui.maps.bar_view import peak_bins
    edges, lows, highs = peak_bins(np.array([1, -2, 3, 0.5, -1], np.float32), 2)
    np.testing.assert_array_equal(edges, [-0.5, 2.5, 4.5])  # units 0-2 and 3-4
    np.testing.assert_array_equal(lows, [-2, -1])
    np.testing.assert_array_equal(highs, [3, 0.5])


def test_a_wide_layer_is_drawn_as_outlines_of_its_extremes(shown):
    from gui.maps.bar_view import MAX_BARS, MAX_BINS, peak_bins
    size = 64 * 32 * 32  # the flatten of a large network
    view = shown(BarView("flatten1", size, signed=True), 900, 150)
    values = np.random.default_rng(0).normal(size=size).astype(np.float32)
    view.set_maps(values)
    assert size > MAX_BARS and view.bars is None
    edges, lows, highs = peak_bins(values, MAX_BINS)
    negative, positive = view.outlines
    np.testing.assert_array_equal(positive.getData()[1], highs)
    np.testing.assert_array_equal(negative.getData()[1], lows)
    assert len(edges) == MAX_BINS + 1 and edges[-1] == size - 0.5
    low, high = view.plot.vb.viewRange()[1]
    assert low <= values.min() and high >= values.max()
    for unit in (0, size // 2, size - 1):  # every unit can still be hovered
        assert view.unit_at(view.scene_pos(unit)) == (unit, 0, 0)


def test_a_view_takes_another_size(view):
    from gui.maps.bar_view import MAX_BARS
    view.set_marks(units=[(2, 0, 0)])
    view.reshape((MAX_BARS * 2,), signed=False)  # the flatten after an edited layer
    assert view.shape == (MAX_BARS * 2,) and view.bars is None and view.maps is None
    assert not view.marker.isVisible()
    values = np.linspace(0, 1, MAX_BARS * 2, dtype=np.float32)
    view.set_maps(values)
    assert view.outlines[1].getData()[1].max() == 1.0
    assert view.plot.vb.viewRange()[0] == pytest.approx([-0.6, MAX_BARS * 2 - 0.4])
    view.reshape((3,), signed=True)
    view.set_maps(np.array([1, -1, 2], np.float32))
    np.testing.assert_array_equal(view.bars.opts["height"], [1, -1, 2])
    assert view.outlines is None
    assert view.plot.listDataItems() == [view.marker, view.bars]  # the outlines are gone

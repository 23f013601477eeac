"""The pinned unit's nine favourite digits, cropped to its window, found in a worker."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt

from engine.favourites import favourites
from gui.dataset.favourite_patches import FavouritePatches
from gui.state import Unit
from tests.gui.mouse import send_mouse


@pytest.fixture
def view(shown, trained_state, dataset):
    return shown(FavouritePatches(trained_state, dataset), 900, 260)


def pin_and_wait(qtbot, view, state, unit):
    with qtbot.waitSignal(view.favouritesShown, timeout=10000):
        state.pin(unit)


def test_nothing_pinned_says_what_to_do(view):
    assert "Pin a unit" in view.title.text() and view.gallery.keys() == []


def test_a_channel_shows_its_true_top_nine_cropped_to_their_windows(qtbot, view, trained_state, dataset):
    pin_and_wait(qtbot, view, trained_state, Unit(3, 5, 7, 7))
    expected = favourites(trained_state.network, dataset.images, 3, 5)
    assert view.gallery.keys() == expected.indices.tolist()
    assert "conv2 · filter 6 hardest" in view.title.text()
    first = view.gallery.item(0)
    assert first.text() == f"{expected.activations[0]:.3g}"
    assert first.icon().actualSize(view.gallery.iconSize()).width() == 64


def test_one_position_and_a_class_unit(qtbot, view, trained_state, dataset):
    view.anywhere.setChecked(False)
    pin_and_wait(qtbot, view, trained_state, Unit(0, 2, 0, 0))
    corner = favourites(trained_state.network, dataset.images, 0, 2, row=0, col=0)
    assert view.gallery.keys() == corner.indices.tolist()
    assert "row 0 · col 0" in view.title.text() and "hatched" in view.title.text()
    pin_and_wait(qtbot, view, trained_state, Unit(9, 4, 0, 0))
    keys = view.gallery.keys()
    assert len(keys) == 9 and (dataset.labels[keys] == 4).all()  # the class unit loves its 4s
    assert "whole digits" in view.title.text() and not view.anywhere.isEnabled()


def test_clicking_a_favourite_draws_the_whole_digit(qtbot, view, trained_state, dataset):
    pin_and_wait(qtbot, view, trained_state, Unit(3, 1, 4, 4))
    pos = view.gallery.tile_rect(2).center()
    send_mouse(view.gallery.viewport(), QEvent.MouseButtonPress, pos, Qt.LeftButton, Qt.LeftButton)
    send_mouse(view.gallery.viewport(), QEvent.MouseButtonRelease, pos, Qt.LeftButton, Qt.NoButton)
    np.testing.assert_allclose(trained_state.image, dataset.images[view.gallery.keys()[2]], atol=1e-6)
    assert trained_state.undo_stack.count() == 1


def test_the_same_layer_and_weights_come_from_the_cache(qtbot, view, trained_state, dataset):
    pin_and_wait(qtbot, view, trained_state, Unit(3, 5, 7, 7))
    first = view.gallery.keys()
    trained_state.pin(None)
    trained_state.pin(Unit(3, 5, 2, 2))  # another position of the same channel
    assert not view.running and view.gallery.keys() == first
    trained_state.pin(Unit(3, 9, 2, 2))  # another channel of the same layer
    assert not view.running
    assert view.gallery.keys() == favourites(trained_state.network, dataset.images, 3, 9).indices.tolist()


@pytest.mark.parametrize("size", [(1400, 900), (1066, 675), (800, 600)],
                         ids=lambda s: "x".join(map(str, s)))
def test_all_nine_show_whole_in_the_window(qtbot, main_window, size):
    """The dock is short: the nine tiles shrink to fit it rather than wrap out of sight."""
    main_window.resize(*size)
    main_window.docks["favouritesDock"].raise_()
    view = main_window.findChild(FavouritePatches)
    with qtbot.waitSignal(view.favouritesShown, timeout=20000):
        main_window.state.pin(Unit(0, 1, 12, 13))
    qtbot.waitUntil(lambda: view.gallery.viewport().height() > 0)
    gallery = view.gallery
    viewport = gallery.viewport().rect()
    side = gallery.iconSize().width()
    assert gallery.count() == 9 and side >= 32, side
    for i in range(9):
        tile = gallery.tile_rect(i)
        assert viewport.contains(tile), f"tile {i} at {tile} outside {viewport}"
        icon = gallery.item(i).icon().actualSize(gallery.iconSize())
        assert icon.width() == side and tile.width() >= side and tile.height() >= side

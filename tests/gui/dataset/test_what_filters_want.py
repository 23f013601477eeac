"""What filters want: a gallery of the inputs that drive each conv filter or class hardest."""

import numpy as np
import pytest

import engine
from engine.maximize import maximize
from gui.dataset.what_filters_want import WhatFiltersWant, targets


@pytest.fixture
def state(trained_state):
    return trained_state


@pytest.fixture
def view(qtbot, shown, state):
    widget = WhatFiltersWant(state)
    with qtbot.waitSignal(widget.imagesShown, timeout=10000):
        shown(widget, 900, 300)
    return widget


def test_the_choices_are_the_conv_layers_and_the_class_scores(state):
    assert targets(state.network) == [("conv1 filters", 0), ("conv2 filters", 3),
                                      ("classes (their scores)", 9)]
    assert targets(engine.Network((1, 8, 8), [engine.Flatten(), engine.Dense(3)])) == []


def test_each_filter_gets_its_input_cut_to_its_window(view, state):
    assert view.gallery.count() == 8 and view.gallery.item(0).text() == "filter 1"
    expected = maximize(state.network, 0)
    tip = view.gallery.item(3).toolTip()
    assert f"{expected.end[3]:.3g} on this" in tip
    assert "receptive field" in view.title.text()


def test_the_classes_and_new_weights(qtbot, view, state):
    with qtbot.waitSignal(view.imagesShown, timeout=10000):
        view.layer.setCurrentIndex(view.layer.findData(9))
    assert [view.gallery.item(i).text() for i in range(10)] == [f"class {c}" for c in range(10)]
    with qtbot.waitSignal(view.imagesShown, timeout=10000):
        state.set_param(0, "bias", np.ones(8))
    assert view.layer.currentData() == 9 and not view.running


def test_a_network_with_nothing_to_maximise_says_so(view, state):
    state.set_layers([engine.Flatten(), engine.Dense(3)])
    view.refresh()
    assert "no conv layer" in view.title.text() and view.gallery.count() == 0

"""The window is linear in the layer count: an edit rebuilds what changed, not every layer's view.

Opening the largest accepted network and a structural undo at 40 layers are timed by
bench/layers.py (≤ 2 s and ≤ 100 ms on the dev machine); here what makes them so is checked.
"""

import engine
from engine import limits
from gui.maps.activation_view import ActivationView
from gui.explain.rf_table import ReceptiveFieldTable


def _stack(count):
    layers = []
    while len(layers) < count:
        layers += [engine.Conv2d(2, 3, padding=1), engine.ReLU()]
    return engine.Network((1, 28, 28), layers[:count])


def test_the_largest_accepted_network_gets_a_view_per_layer(qapp, main_window, state):
    state.set_network(_stack(limits.MAX_LAYERS))
    qapp.processEvents()
    assert len(main_window.findChild(ActivationView, "activations").views) == limits.MAX_LAYERS


def test_a_structural_edit_and_its_undo_reuse_the_other_layers_views(qapp, main_window, state):
    state.set_network(_stack(40))
    qapp.processEvents()
    maps = main_window.findChild(ActivationView, "activations")
    before = list(maps.views)
    state.set_layers(state.network.layers[:-1])
    qapp.processEvents()
    assert maps.views == before[:-1]
    state.undo_stack.undo()
    qapp.processEvents()
    assert maps.views == before  # the removed layer's view came back too
    assert "conv1" in maps.views[0].title.text and "relu20" in maps.views[-1].title.text
    state.set_layers([engine.Conv2d(3, 3, padding=1)] + list(state.network.layers[1:]))
    qapp.processEvents()
    assert maps.views == before  # conv1 and relu1 now have 3 channels: their views took them
    assert "conv1" in maps.views[0].title.text and maps.views[0].shape == (3, 28, 28)
    assert maps.views[1].shape == (3, 28, 28)


def test_reused_views_show_their_new_layers_maps(qapp, main_window, state):
    state.set_network(_stack(6))
    state.set_layers(list(state.network.layers[2:]))  # conv3 becomes conv1: its view moves up
    state.recompute()
    qapp.processEvents()
    maps = main_window.findChild(ActivationView, "activations")
    assert "conv1" in maps.views[0].title.text
    assert [view.shape for view in maps.views] == [a.shape for a in state.activations]


def test_weight_edits_do_not_rebuild_the_receptive_field_table(qtbot, state):
    table = ReceptiveFieldTable(state)
    qtbot.addWidget(table)
    first = table.table.item(1, 0)
    weight = state.network.params[0]["weight"].copy()
    weight[0, 0, 0, 0] = 2.0
    state.set_param(0, "weight", weight)
    assert table.table.item(1, 0) is first
    state.set_layers(list(state.network.layers[:-1]))
    assert table.table.item(1, 0) is not first

"""AppState: edits through methods, one undo step per edit, signals, coalesced forward passes."""

import numpy as np
import pytest

import engine
from gui.state import AppState, Unit


def _digit():
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:15] = 1.0
    return image


def test_starts_with_a_blank_image_and_the_forward_of_it(state):
    assert state.image.shape == (28, 28) and not state.image.any()
    assert len(state.activations) == len(state.network.layers)
    expected = state.network.forward(np.zeros((1, 28, 28), np.float32))
    for got, want in zip(state.activations, expected):
        np.testing.assert_allclose(got, want, rtol=1e-6)
    assert state.probabilities.shape == (10,)
    assert state.probabilities.sum() == pytest.approx(1.0, abs=1e-5)


def test_set_image_is_one_undo_step_and_recomputes(qtbot, state):
    blank_maps = state.activations[0].copy()
    with qtbot.waitSignal(state.activationsChanged):
        state.set_image(_digit())
    assert state.undo_stack.count() == 1
    np.testing.assert_array_equal(state.image, _digit())
    np.testing.assert_allclose(state.activations[0], state.network.forward(_digit()[None])[0], rtol=1e-6)
    with qtbot.waitSignal(state.activationsChanged):
        state.undo_stack.undo()
    assert not state.image.any()
    np.testing.assert_array_equal(state.activations[0], blank_maps)
    with qtbot.waitSignal(state.imageChanged):
        state.undo_stack.redo()
    np.testing.assert_array_equal(state.image, _digit())


def test_show_image_is_live_only_and_pen_events_coalesce(qapp, qtbot, state):
    forwards = []
    state.activationsChanged.connect(lambda: forwards.append(state.model_input[0].copy()))
    with qtbot.waitSignal(state.activationsChanged):
        for width in range(1, 6):  # five pen events before the event loop runs
            image = np.zeros((28, 28), np.float32)
            image[10:12, 5:5 + width] = 1
            state.show_image(image)
    qapp.processEvents()
    assert len(forwards) == 1 and forwards[0][10, 9] == 1  # one forward, of the newest image
    assert state.undo_stack.count() == 0


def test_undo_after_live_strokes_returns_to_the_committed_image(state):
    state.set_image(_digit())
    state.show_image(np.ones((28, 28), np.float32))  # a stroke in progress ...
    state.set_image(np.ones((28, 28), np.float32))  # ... committed on release
    state.undo_stack.undo()
    np.testing.assert_array_equal(state.image, _digit())


def test_clear_image_is_undoable(state):
    state.set_image(_digit())
    state.clear_image()
    assert not state.image.any()
    state.undo_stack.undo()
    np.testing.assert_array_equal(state.image, _digit())


def test_invalid_layers_are_refused_with_the_engine_reason_and_keep_the_network(qtbot, state):
    network, maps = state.network, [a.copy() for a in state.activations]
    layers = list(network.layers)
    layers[0] = engine.Conv2d(8, 5, stride=0, padding="same")
    with qtbot.waitSignal(state.errorChanged) as error:
        reason = state.set_layers(layers)
    assert reason and error.args == [reason] and "layer 1" in reason
    assert state.network is network and state.undo_stack.count() == 0
    for got, want in zip(state.activations, maps):
        np.testing.assert_array_equal(got, want)


def test_undo_after_a_refusal_no_editor_keeps_undoes_the_last_step(qtbot, state):
    """Only an editor that keeps the refused edit on show (``refuse_edit``) makes Undo take it
    back first; a refused open or resize leaves nothing to take back."""
    layers = list(state.network.layers)
    assert state.set_layers(layers[:4]) == ""
    assert state.set_input_shape((1, 1, 1))  # refused: no 2×2 pooling window fits
    assert not state.edit_refused
    state.undo()
    assert state.network.layers == layers
    state.refuse_edit("stride must be at least 1")
    assert state.edit_refused
    with qtbot.waitSignal(state.errorChanged) as cleared:
        state.undo()
    assert cleared.args == [""] and not state.edit_refused and state.network.layers == layers


def test_set_layers_rebuilds_and_undo_restores_layers_and_weights(qtbot, state):
    weight = state.network.params[0]["weight"].copy()
    layers = list(state.network.layers)
    layers[0] = engine.Conv2d(4, 3, padding=1)
    with qtbot.waitSignal(state.activationsChanged):
        assert state.set_layers(layers, "Edit conv1") == ""
    assert state.activations[0].shape == (4, 28, 28)
    assert state.error == ""
    state.undo_stack.undo()
    assert state.network.layers[0] == engine.Conv2d(8, 5, padding="same")
    np.testing.assert_array_equal(state.network.params[0]["weight"], weight)


def test_input_shape_change_resamples_the_drawing_and_undoes(qtbot, state):
    state.set_image(_digit())
    with qtbot.waitSignals([state.imageChanged, state.activationsChanged]):
        assert state.set_input_shape((1, 56, 56)) == ""
    assert state.image.shape == (56, 56) and state.activations[0].shape == (8, 56, 56)
    assert state.image[20, 25] == 1 and state.image[20, 20] == 0  # the stroke moved with the size
    state.undo_stack.undo()
    assert state.image.shape == (28, 28)
    np.testing.assert_array_equal(state.image, _digit())


def test_undoing_a_smaller_input_brings_back_the_drawing_itself_not_a_resampled_copy(state):
    state.set_image(_digit())
    assert state.set_input_shape((1, 9, 9)) == ""
    assert state.image.shape == (9, 9)
    state.undo_stack.undo()
    np.testing.assert_array_equal(state.image, _digit())  # 28 → 9 → 28 would lose the stroke
    state.undo_stack.redo()
    assert state.image.shape == (9, 9)


def test_set_param_edits_weights_undoably(qtbot, state):
    old = state.network.params[0]["weight"].copy()
    with qtbot.waitSignal(state.networkChanged):
        state.set_param(0, "weight", np.zeros_like(old))
    assert not state.network.params[0]["weight"].any()
    state.undo_stack.undo()
    np.testing.assert_array_equal(state.network.params[0]["weight"], old)


def test_selection_signals_only_on_change(qtbot, state):
    unit = Unit(0, 1, 2, 3)
    with qtbot.waitSignal(state.selectionChanged):
        state.pin(unit)
    with qtbot.assertNotEmitted(state.selectionChanged):
        state.pin(Unit(0, 1, 2, 3))
    with qtbot.waitSignal(state.selectionChanged):
        state.hover(unit)
    assert state.pinned == state.hovered == unit


def test_pinning_a_convolution_unit_selects_its_layer_and_filter(qtbot, state):
    conv2 = 3  # the default network: conv1, relu1, pool1, conv2, …
    state.select_layer(conv2, 0, 4)
    with qtbot.waitSignal(state.layerSelected) as selected:
        state.pin(Unit(conv2, 6, 2, 2))
    assert selected.args == [conv2]
    assert (state.selected_layer, state.selected_filter, state.selected_channel) == (conv2, 6, 4)
    with qtbot.assertNotEmitted(state.layerSelected):  # the same filter: nothing to reselect
        state.pin(Unit(conv2, 6, 3, 2))
    state.pin(Unit(0, 1, 5, 5))  # another layer: its input channel starts at the first
    assert (state.selected_layer, state.selected_filter, state.selected_channel) == (0, 1, 0)
    with qtbot.assertNotEmitted(state.layerSelected):  # relu1 has no kernels to edit
        state.pin(Unit(1, 7, 5, 5))
        state.pin(None)
    assert (state.selected_layer, state.selected_filter) == (0, 1)


def test_network_change_unpins_and_clamps_the_selected_layer(state):
    state.pin(Unit(3, 0, 1, 1))
    state.select_layer(9)
    assert state.set_layers(list(state.network.layers[:4])) == ""
    assert state.pinned is None and state.selected_layer == 3


def test_input_overlay(qtbot, state):
    with qtbot.waitSignal(state.overlayChanged):
        state.set_input_overlay(np.ones((28, 28)))
    assert state.input_overlay.dtype == np.float32
    with qtbot.waitSignal(state.overlayChanged):
        state.set_input_overlay(None)
    assert state.input_overlay is None


def test_preprocess_feeds_the_centred_digit(state):
    image = np.zeros((28, 28), np.float32)
    image[2:10, 2:5] = 1  # a stroke in the top-left corner
    state.set_image(image)
    state.set_preprocess(True)
    state.recompute()
    rows, cols = np.nonzero(state.model_input[0] > 0.5)
    assert abs(rows.mean() - 13.5) < 2 and abs(cols.mean() - 13.5) < 2
    state.set_preprocess(False)
    state.recompute()
    np.testing.assert_array_equal(state.model_input[0], image)


def test_probabilities_are_none_without_softmax(qapp):
    state = AppState(engine.Network((1, 8, 8), [engine.Conv2d(2, 3)]))
    assert state.probabilities is None
    assert state.activations[0].shape == (2, 6, 6)


def test_the_network_sees_the_drawing_through_its_normalisation(qtbot, state):
    plain = state.network
    normalised = engine.Network(plain.input_shape, plain.layers, params=plain.params,
                                normalization=engine.NORMALIZATIONS["MNIST"])
    state.set_network(normalised)
    with qtbot.waitSignal(state.activationsChanged):
        state.set_image(_digit())
    expected = engine.NORMALIZATIONS["MNIST"].apply(_digit()[None])
    np.testing.assert_allclose(state.model_input, expected, rtol=1e-6)
    np.testing.assert_allclose(state.activations[-1], normalised.forward(expected)[-1], rtol=1e-5)
    state.undo_stack.undo()  # the drawing
    state.undo_stack.undo()  # the network: back to raw pixels
    assert state.network.normalization is None
    state.undo_stack.redo()
    assert state.network.normalization == engine.NORMALIZATIONS["MNIST"]


def test_layers_whose_weights_no_longer_fit_are_marked_until_trained_or_undone(state):
    layers = list(state.network.layers)
    names = state.network.names
    assert state.reinitialized == frozenset()
    state.set_layers([engine.Conv2d(8, 5, stride=2, padding=2)] + layers[1:])  # conv1 stride 2
    marked = {state.network.names[i] for i in state.reinitialized}
    assert marked == {"dense1"}  # conv kernels still fit; the flatten size changed
    state.set_layers(state.network.layers[:1] + state.network.layers[2:])  # relu1 removed
    assert {state.network.names[i] for i in state.reinitialized} >= {"dense1"}
    state.undo_stack.undo()
    state.undo_stack.undo()
    assert state.reinitialized == frozenset() and state.network.names == names
    state.undo_stack.redo()
    assert {state.network.names[i] for i in state.reinitialized} == {"dense1"}
    state.set_weights(state.network_copy().params, "Train network")  # trained: as it is now
    assert state.reinitialized == frozenset()
    state.undo_stack.undo()
    assert {state.network.names[i] for i in state.reinitialized} == {"dense1"}
    state.set_network(state.network_copy(), "Open")
    assert state.reinitialized == frozenset()
    state.set_layers(list(state.network.layers) + [engine.Dense(10), engine.Softmax()])
    assert state.reinitialized == frozenset()  # new layers are new, not re-initialised


def _small_state(qapp):
    return AppState(engine.Network((1, 8, 8), [engine.Conv2d(2, 3, padding=1), engine.ReLU(),
                                               engine.Conv2d(3, 3, padding=1)]))


def test_set_weights_is_one_step_that_undoes_to_before_not_to_a_preview(qapp):
    state = _small_state(qapp)
    before = [{k: v.copy() for k, v in p.items()} for p in state.network.params]
    preview = [{k: v + 1 for k, v in p.items()} for p in before]
    trained = [{k: v + 2 for k, v in p.items()} for p in before]
    state.show_params(preview)
    state.set_weights(trained, "Train network", before=before)
    assert state.undo_stack.count() == 1 and state.undo_stack.undoText() == "Train network"
    np.testing.assert_array_equal(state.network.params[0]["weight"], trained[0]["weight"])
    state.undo_stack.undo()
    np.testing.assert_array_equal(state.network.params[0]["weight"], before[0]["weight"])


def test_network_copy_shares_no_weights_and_fresh_reinitializes(qapp):
    state = _small_state(qapp)
    copy = state.network_copy()
    copy.params[0]["weight"][...] = 7
    assert not (state.network.params[0]["weight"] == 7).any()
    state.set_param(0, "weight", np.ones_like(state.network.params[0]["weight"]))
    fresh = state.network_copy(fresh=True)
    assert fresh.layers == state.network.layers
    initial = engine.Network(state.network.input_shape, list(state.network.layers), seed=0)
    np.testing.assert_array_equal(fresh.params[0]["weight"], initial.params[0]["weight"])
    assert not (fresh.params[0]["weight"] == 1).all()


def test_resize_kernels_is_one_step_or_refused_with_the_reason(qapp):
    state = _small_state(qapp)
    kernels = np.full((1, 5, 5), 0.5, np.float32)
    spec = engine.Conv2d(2, 5, padding=2)
    assert state.resize_kernels(0, spec, 1, kernels, "Resize") == ""
    assert state.network.layers[0].kernel_size == 5 and state.undo_stack.count() == 1
    np.testing.assert_array_equal(state.network.params[0]["weight"][1], kernels)
    state.undo_stack.undo()
    assert state.network.layers[0].kernel_size == 3
    reason = state.resize_kernels(0, engine.Conv2d(2, 11), 0, np.zeros((1, 11, 11)), "Resize")
    assert reason and reason == state.error and state.undo_stack.count() == 1
    assert state.network.layers[0].kernel_size == 3


def test_reorder_layers_keeps_weights_that_fit_and_the_selection_follows(qapp):
    state = _small_state(qapp)
    relu = state.network.layers[1]
    conv2 = state.network.params[2]["weight"].copy()
    state.select_layer(1)
    assert state.reorder_layers([0, 2, 1], "Move relu") == ""
    assert state.network.layers[2] == relu and state.selected_layer == 2
    np.testing.assert_array_equal(state.network.params[1]["weight"], conv2)
    assert state.undo_stack.count() == 1


def _record(state, *names):
    seen = []
    for name in names:
        getattr(state, name).connect(lambda name=name: seen.append(name))
    return seen


def test_signals_say_whether_layers_or_only_weights_changed(qapp):
    state = _small_state(qapp)
    seen = _record(state, "layersChanged", "weightsChanged", "networkChanged")
    state.set_param(0, "weight", np.zeros_like(state.network.params[0]["weight"]))
    assert seen == ["networkChanged", "weightsChanged"]
    seen.clear()
    state.undo_stack.undo()
    state.set_weights([{k: v + 1 for k, v in p.items()} for p in state.network.params])
    assert seen == ["networkChanged", "weightsChanged"] * 2
    seen.clear()
    state.set_layers(list(state.network.layers[:2]))
    assert seen == ["networkChanged", "layersChanged"]
    seen.clear()
    state.set_input_shape((1, 12, 12))
    assert seen == ["networkChanged", "layersChanged"]


def test_pinned_and_hovered_have_their_own_signals_and_one_focus_rule(qapp):
    state = _small_state(qapp)
    seen = _record(state, "pinnedChanged", "hoveredChanged")
    state.hover(Unit(0, 0, 1, 1))
    assert seen == ["hoveredChanged"] and state.focus_unit == Unit(0, 0, 1, 1)
    state.pin(Unit(2, 1, 0, 0))
    assert seen == ["hoveredChanged", "pinnedChanged"]
    assert state.focus_unit == Unit(2, 1, 0, 0)  # a pin holds the focus while hovering
    state.pin(None)
    assert state.focus_unit == Unit(0, 0, 1, 1)
    state.hover(None)
    assert state.focus_unit is None


def test_probabilities_wait_for_the_forward_of_a_new_network(qapp):
    state = AppState(engine.Network((1, 8, 8), []))
    state.set_network(engine.Network((1, 8, 8), [engine.Dense(3), engine.Softmax()]))
    assert state.probabilities is None  # the maps are still the empty network's
    state.recompute()
    assert state.probabilities.shape == (3,)


def test_reordering_keeps_the_re_initialised_marks_of_layers_that_stay(state):
    layers = list(state.network.layers)
    state.set_layers([engine.Conv2d(8, 5, stride=2, padding=2)] + layers[1:])
    dense1 = state.network.names.index("dense1")
    order = list(range(len(layers)))
    order[1], order[2] = order[2], order[1]  # relu1 after pool1: the same shapes
    assert state.reorder_layers(order) == ""
    assert dense1 in state.reinitialized


def test_the_weights_key_follows_every_edit_of_the_network(qapp):
    from gui.background_task import weights_key
    state = AppState(engine.Network((1, 8, 8), [engine.Conv2d(2, 3)]))
    first = state.weights_key
    assert first == weights_key(state.network)
    weight = state.network.params[0]["weight"].copy()
    weight[0, 0, 0, 0] += 1
    state.set_param(0, "weight", weight)  # in place
    assert state.weights_key == weights_key(state.network) != first
    state.undo_stack.undo()
    assert state.weights_key == first
    state.set_layers([engine.Conv2d(3, 3)])
    assert state.weights_key == weights_key(state.network) != first

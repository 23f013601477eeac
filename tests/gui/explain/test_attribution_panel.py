"""Attribution overlays on the canvas: what each method draws, live or on demand, and the ERF."""

import numpy as np
import pytest

import engine
from engine import attribution
from gui.explain.attribution_panel import (
    GRAD_CAM, GRADIENT_INPUT, OCCLUSION, OFF, SALIENCY, AttributionPanel,
)
from gui.drawing.samples import sample_digit


@pytest.fixture
def state(trained_state):
    trained_state.set_image(sample_digit(7))
    trained_state.recompute()
    return trained_state


@pytest.fixture
def panel(shown, state):
    return shown(AttributionPanel(state), 420, 260)


def test_saliency_and_gradient_times_input_follow_the_drawing(panel, state):
    panel.set_method(SALIENCY)
    np.testing.assert_allclose(state.input_overlay,
                               attribution.saliency(state.network, state.model_input), rtol=1e-5)
    assert not state.input_overlay_signed and "whichever way" in panel.legend.text()
    panel.set_method(GRADIENT_INPUT)
    assert state.input_overlay_signed
    image = state.image.copy()
    image[2:6, 2:6] = 1
    state.show_image(image)
    state.recompute()
    np.testing.assert_allclose(state.input_overlay, attribution.gradient_times_input(
        state.network, state.model_input), rtol=1e-4, atol=1e-7)


def test_a_chosen_class_is_explained(panel, state):
    panel.set_method(SALIENCY)
    panel.target.setCurrentIndex(panel.target.findData(3))
    np.testing.assert_allclose(state.input_overlay,
                               attribution.saliency(state.network, state.model_input, 3), rtol=1e-5)
    assert "probability of 3" in panel.legend.text()


def test_occlusion_runs_in_a_worker_and_is_dropped_when_the_drawing_changes(qtbot, panel, state):
    with qtbot.waitSignal(state.overlayChanged, timeout=5000,
                          check_params_cb=lambda: state.input_overlay is not None):
        panel.set_method(OCCLUSION)
    np.testing.assert_allclose(state.input_overlay, attribution.occlusion(
        state.network, state.model_input, patch=5), atol=1e-6)
    assert state.input_overlay_signed and "5×5" in panel.legend.text()
    state.set_image(np.zeros_like(state.image))
    state.recompute()
    assert state.input_overlay is None and "Occlude again" in panel.legend.text()


def test_grad_cam_defaults_to_the_last_rectified_conv_maps(panel, state):
    panel.set_method(GRAD_CAM)
    assert panel.layer.currentText() == "relu2"
    np.testing.assert_allclose(state.input_overlay, attribution.grad_cam(
        state.network, state.model_input, state.network.names.index("relu2")), rtol=1e-5, atol=1e-7)


def test_the_effective_receptive_field_and_an_attribution_take_turns(panel, state):
    panel.set_method(SALIENCY)
    state.set_erf_enabled(True)
    assert panel.method.currentText() == OFF
    panel.set_method(SALIENCY)
    assert not state.erf_enabled and state.input_overlay is not None
    panel.set_method(OFF)
    assert state.input_overlay is None


def test_a_network_without_softmax_is_explained(panel, state):
    panel.set_method(SALIENCY)
    state.set_layers([engine.Conv2d(2, 3)])
    state.recompute()
    assert "softmax" in panel.legend.text() and state.input_overlay is None


def test_occlusion_on_a_large_input_spreads_its_patches(qtbot, panel, state):
    state.set_input_shape((1, 64, 64))
    state.recompute()
    with qtbot.waitSignal(state.overlayChanged, timeout=20000,
                          check_params_cb=lambda: state.input_overlay is not None):
        panel.set_method(OCCLUSION)
    assert state.input_overlay.shape == (64, 64)
    assert "a patch every 3 pixels" in panel.legend.text()


def test_grad_cam_without_feature_maps_is_explained(panel, state):
    state.set_layers([engine.Flatten(), engine.Dense(10), engine.Softmax()])
    state.recompute()
    panel.set_method(GRAD_CAM)
    assert "feature maps" in panel.legend.text() and state.input_overlay is None
    panel.set_method(SALIENCY)
    assert state.input_overlay is not None


def test_a_slow_live_map_waits_for_the_pen_to_rest(qtbot, panel, state):
    state.set_input_shape((1, 256, 256))
    state.recompute()
    panel.set_method(SALIENCY)  # longer than a frame at 256×256: in a worker
    qtbot.waitUntil(lambda: state.input_overlay is not None, timeout=5000)
    before = state.input_overlay
    image = state.image.copy()
    image[100:120, 100:120] = 1
    state.show_image(image)
    state.recompute()
    assert state.input_overlay is before  # not recomputed while the pen moves
    with qtbot.waitSignal(state.overlayChanged, timeout=5000):
        pass
    # (the worker runs its own full forward on a copy of the network)
    np.testing.assert_array_equal(state.input_overlay, attribution.saliency(
        state.network, state.model_input))

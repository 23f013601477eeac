"""Attribution maps against finite differences, direct forwards and the Grad-CAM formula."""

from pathlib import Path

import numpy as np
import pytest

import engine
from engine import attribution
from engine.data import SHIPPED_DIGITS, find_idx_pair, load_digits

MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "digits.npz"


@pytest.fixture
def smooth_net():
    """Smooth activations and average pooling: finite differences are exact to rounding."""
    return engine.Network((2, 8, 8), [
        engine.Conv2d(3, 3, padding=1), engine.Tanh(), engine.AvgPool2d(2),
        engine.Conv2d(4, 3, padding=1), engine.Sigmoid(), engine.Flatten(), engine.Dense(3),
        engine.Softmax()], seed=4)


@pytest.fixture
def image():
    return np.random.default_rng(7).uniform(0, 1, (2, 8, 8)).astype(np.float32)


def _probability(net, x, target):
    return float(net.predict(x.astype(np.float32))[0, target])


def test_class_gradient_matches_finite_differences(smooth_net, image):
    grad = attribution.class_gradient(smooth_net, image, target=1)
    numeric = np.zeros(image.shape)
    eps = 1e-2
    for index in np.ndindex(image.shape):
        up, down = image.copy(), image.copy()
        up[index] += eps
        down[index] -= eps
        numeric[index] = (_probability(smooth_net, up, 1) - _probability(smooth_net, down, 1)) / (2 * eps)
    np.testing.assert_allclose(grad, numeric, atol=2e-4 * np.abs(numeric).max() + 1e-6)
    np.testing.assert_allclose(attribution.saliency(smooth_net, image, 1), np.abs(grad).max(axis=0))
    np.testing.assert_allclose(attribution.gradient_times_input(smooth_net, image, 1),
                               (grad * image).sum(axis=0), rtol=1e-5)


def test_the_default_target_is_the_predicted_class(smooth_net, image):
    predicted = int(smooth_net.predict(image)[0].argmax())
    outputs = smooth_net.forward(image)
    np.testing.assert_array_equal(attribution.saliency(smooth_net, image, outputs=outputs),
                                  attribution.saliency(smooth_net, image, predicted))


@pytest.mark.parametrize("patch", [1, 3, 4])
def test_occlusion_matches_direct_forwards_of_the_occluded_inputs(smooth_net, image, patch):
    drop = attribution.occlusion(smooth_net, image, target=2, patch=patch, fill=0.5, batch_size=13)
    base = _probability(smooth_net, image, 2)
    before, after = (patch - 1) // 2, patch // 2
    for row, col in [(0, 0), (3, 5), (7, 7), (7, 0), (4, 4)]:
        occluded = image.copy()
        occluded[:, max(row - before, 0):row + after + 1, max(col - before, 0):col + after + 1] = 0.5
        assert drop[row, col] == pytest.approx(base - _probability(smooth_net, occluded, 2), abs=1e-6)


def test_grad_cam_follows_its_formula(smooth_net, image):
    layer = 3  # the second conv layer's maps, 4 × 4 × 4
    maps = smooth_net.forward(image)[layer]
    tail = engine.Network(maps.shape, smooth_net.layers[layer + 1:-1],
                          params=smooth_net.params[layer + 1:-1])
    target, eps = 0, 1e-2
    grads = np.zeros(maps.shape)
    for index in np.ndindex(maps.shape):
        up, down = maps.copy(), maps.copy()
        up[index] += eps
        down[index] -= eps
        grads[index] = (tail.forward(up)[-1][target] - tail.forward(down)[-1][target]) / (2 * eps)
    alpha = grads.mean(axis=(1, 2))
    expected = np.maximum((alpha[:, None, None] * maps).sum(axis=0), 0)
    cam = attribution.grad_cam_map(smooth_net, image, layer, target)
    np.testing.assert_allclose(cam, expected, atol=1e-4)
    assert attribution.grad_cam(smooth_net, image, layer, target).shape == (8, 8)


def test_upsampling_puts_each_unit_on_its_window_centre(smooth_net):
    values = np.arange(16, dtype=np.float32).reshape(4, 4)
    up = attribution.upsample_to_input(smooth_net, 3, values)  # jump 2, centres at 0.5, 2.5, …
    assert up.shape == (8, 8)
    assert up[0, 0] == values[0, 0] and up[7, 7] == values[3, 3]
    assert up[1, 1] == pytest.approx((values[0, 0] * 9 + values[0, 1] * 3 + values[1, 0] * 3
                                      + values[1, 1]) / 16)
    same = attribution.upsample_to_input(smooth_net, 0, np.ones((8, 8)))
    np.testing.assert_allclose(same, 1)


def test_attribution_explains_what_it_needs(image):
    no_softmax = engine.Network((2, 8, 8), [engine.Conv2d(2, 3)])
    with pytest.raises(engine.ConfigError, match="softmax"):
        attribution.saliency(no_softmax, image)
    net = engine.Network((2, 8, 8), [engine.Flatten(), engine.Dense(3), engine.Softmax()])
    for layer in (1, None, -1):
        with pytest.raises(engine.ConfigError, match="feature maps"):
            attribution.grad_cam(net, image, layer)
    with pytest.raises(engine.ConfigError, match="class 5"):
        attribution.saliency(net, image, 5)
    with pytest.raises(engine.ConfigError, match="patch"):
        attribution.occlusion(net, image, patch=0)


def test_occlusion_with_a_stride_occludes_every_stride_th_pixel(smooth_net, image):
    drop = attribution.occlusion(smooth_net, image, target=0, patch=3, stride=3)
    base = _probability(smooth_net, image, 0)
    for row, col in [(0, 0), (3, 6), (6, 3)]:  # centres
        occluded = image.copy()
        occluded[:, max(row - 1, 0):row + 2, max(col - 1, 0):col + 2] = 0
        assert drop[row, col] == pytest.approx(base - _probability(smooth_net, occluded, 0), abs=1e-6)
    assert drop[1, 1] == drop[0, 0] and drop[7, 7] == drop[6, 6] and drop[2, 5] == drop[3, 6]


def test_occlusion_reports_progress_and_stops_when_asked(smooth_net, image):
    seen = []
    attribution.occlusion(smooth_net, image, batch_size=20, on_progress=seen.append)
    assert seen[-1] == 1.0 and len(seen) == 4  # 64 centres in batches of 20
    assert attribution.occlusion(smooth_net, image, should_stop=lambda: True) is None


@pytest.mark.parametrize("method", [
    attribution.saliency, attribution.gradient_times_input,
    lambda net, x: attribution.occlusion(net, x), lambda net, x: attribution.grad_cam(net, x, 4)])
def test_each_map_fails_to_survive_random_weights(method):
    """Adebayo et al.'s model-randomisation check: a map that explains the network must change
    when the trained weights are replaced by random ones (an edge detector would not)."""
    trained = engine.load_network(MODEL)
    random = engine.Network(trained.input_shape, trained.layers, seed=1)
    digits = load_digits(*find_idx_pair(SHIPPED_DIGITS))[0][:5]
    correlations = [np.corrcoef(method(trained, x).ravel(), method(random, x).ravel())[0, 1]
                    for x in digits]
    assert np.mean(correlations) < 0.5

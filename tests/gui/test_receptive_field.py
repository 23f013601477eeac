"""Issue 5 §6 end to end: state + engine + the real canvas, maps, inspector and ERF overlay."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import engine
from gui.maps.activation_view import ActivationView
from gui.drawing.canvas import Canvas
from gui.present.formatting import number
from gui.explain.number_grid import NumberGrid
from gui.state import AppState, Unit
from gui.explain.unit_inspector import UnitInspector

THREE_CONVS = [engine.Conv2d(1, 3, padding=1)] * 3
STRIDE_THEN_POOL = [engine.Conv2d(2, 3, stride=2, padding=1), engine.MaxPool2d(2)]


def _state(layers, size=28, seed=0, channels=1):
    state = AppState(engine.Network((channels, size, size), layers, seed=seed))
    image = np.random.default_rng(seed).random((size, size)).astype(np.float32)
    state.show_image(image)
    state.recompute()
    return state


def test_centre_unit_of_three_3x3_convs_sees_a_7x7_window(shown):
    state = _state(THREE_CONVS)
    view = shown(Canvas(state), 420, 420)
    state.pin(Unit(2, 0, 14, 14))
    field = state.network.receptive_field(2, 14, 14)
    assert field.input_box == (11, 11, 18, 18) and field.size == (7, 7)
    assert not field.reaches_padding and view.padding_label() == ""
    cell = view.image_rect().width() / 28
    rect = view.receptive_field_rect()
    assert rect == view.box_rect((11, 11, 18, 18))
    assert rect.width() == pytest.approx(7 * cell) and rect.height() == pytest.approx(7 * cell)
    assert rect.topLeft() == view.image_rect().topLeft() + (view.pixel_center(11, 11)
                                                            - view.pixel_center(0, 0))


def test_corner_unit_reaches_three_pixels_into_the_padding_and_says_so(shown):
    state = _state(THREE_CONVS)
    view = shown(Canvas(state), 420, 420)
    state.pin(Unit(2, 0, 0, 27))
    field = state.network.receptive_field(2, 0, 27)
    assert field.input_box == (-3, 24, 4, 31)
    assert field.reaches_padding and field.clipped_box == (0, 24, 4, 28)
    assert view.padding_label() == "zeros padding"
    image = view.image_rect()
    rect = view.receptive_field_rect()
    cell = image.width() / 28
    assert image.top() - rect.top() == pytest.approx(3 * cell)
    assert rect.right() - image.right() == pytest.approx(3 * cell)


def test_stride_2_conv_then_2x2_pool_boxes_in_every_map():
    state = _state(STRIDE_THEN_POOL)
    assert state.network.shapes == [(2, 14, 14), (2, 7, 7)]
    field = state.network.receptive_field(1, 3, 2, channel=1)
    assert field.layer_boxes == [(6, 4, 8, 6)]  # 2×2 conv units under one pool unit
    assert field.layer_channels == [1]  # pooling reads its own channel only
    # conv units 6..7 read input rows 6·2 − 1 … 7·2 − 1 + 2: a 5×5 window (r = 3 + 1·2)
    assert field.input_box == (11, 7, 16, 12)
    assert (field.size, field.jump) == ((5, 5), (4, 4))
    conv = state.network.receptive_field(0, 6, 4)
    assert conv.input_box == (11, 7, 14, 10) and conv.jump == (2, 2)


@pytest.mark.parametrize("layers, unit, jump", [(THREE_CONVS, Unit(2, 0, 10, 10), 1),
                                                (STRIDE_THEN_POOL, Unit(1, 1, 3, 2), 4)])
def test_arrow_keys_move_the_window_by_one_jump(qtbot, shown, layers, unit, jump):
    state = _state(layers)
    view = shown(Canvas(state), 420, 420)
    maps = shown(ActivationView(state), 600, 800)
    state.pin(unit)
    cell = view.image_rect().width() / 28
    start = view.receptive_field_rect()
    box = state.network.receptive_field(unit.layer, unit.row, unit.col).input_box
    for key, (d_row, d_col) in [(Qt.Key_Right, (0, 1)), (Qt.Key_Down, (1, 1)),
                                (Qt.Key_Left, (1, 0)), (Qt.Key_Up, (0, 0))]:
        with qtbot.waitSignal(state.selectionChanged):
            QTest.keyClick(maps, key)
        assert state.pinned == Unit(unit.layer, unit.channel, unit.row + d_row, unit.col + d_col)
        moved = view.receptive_field_rect()
        assert moved.left() - start.left() == pytest.approx(d_col * jump * cell)
        assert moved.top() - start.top() == pytest.approx(d_row * jump * cell)
        top, left, bottom, right = box
        assert state.network.receptive_field(*(state.pinned.layer, state.pinned.row,
                                               state.pinned.col)).input_box == (
            top + d_row * jump, left + d_col * jump, bottom + d_row * jump, right + d_col * jump)
    QTest.keyClick(maps, Qt.Key_Escape)
    assert state.pinned is None and view.receptive_field_rect() is None


def _random_layers(rng):
    """A random stack (conv / pool / activations, maybe dense + softmax) for 10…14 pixel inputs."""
    layers = []
    for _ in range(rng.integers(1, 5)):
        if rng.random() < 0.6:
            k, d = int(rng.integers(1, 5)), int(rng.integers(1, 3))
            stride = int(rng.integers(1, 3))
            padding = "same" if stride == 1 and rng.random() < 0.3 else int(rng.integers(0, k))
            layers.append(engine.Conv2d(int(rng.integers(1, 4)), k, stride, padding, d,
                                        str(rng.choice(["zeros", "reflect", "replicate",
                                                        "circular"])),
                                        bias=bool(rng.random() < 0.8), flip=bool(rng.random() < 0.3)))
        else:
            k = int(rng.integers(2, 4))
            cls = engine.MaxPool2d if rng.random() < 0.5 else engine.AvgPool2d
            extra = {} if cls is engine.MaxPool2d else {"count_include_pad": bool(rng.random() < .5)}
            layers.append(cls(k, int(rng.integers(1, 3)), int(rng.integers(0, k // 2 + 1)),
                              bool(rng.random() < 0.3), **extra))
        layers.append([engine.ReLU(), engine.LeakyReLU(0.1), engine.Tanh(),
                       engine.Sigmoid()][rng.integers(0, 4)])
    if rng.random() < 0.5:
        layers += [engine.Flatten(), engine.Dense(int(rng.integers(2, 12))), engine.Softmax()]
    return layers


def _random_state(seed):
    rng = np.random.default_rng(seed)
    while True:
        try:
            return _state(_random_layers(rng), int(rng.integers(10, 15)), seed,
                          int(rng.integers(1, 3)))
        except engine.ConfigError:
            continue  # a stack too deep for the input: draw another


def _random_unit(state, rng, layer):
    shape = state.network.shapes[layer]
    index = [int(rng.integers(0, n)) for n in shape]
    return Unit(layer, *index, *(0,) * (3 - len(index)))


@pytest.mark.parametrize("seed", range(12))
def test_inspector_sum_equals_the_map_value_for_random_units(qtbot, seed):
    state = _random_state(seed)
    inspector = UnitInspector(state)
    qtbot.addWidget(inspector)
    rng = np.random.default_rng(100 + seed)
    for layer in range(len(state.network.layers)):
        unit = _random_unit(state, rng, layer)
        state.pin(unit)
        out = state.activations[layer]
        value = out[unit.channel] if out.ndim == 1 else out[unit.channel, unit.row, unit.col]
        assert inspector.explanation.value == float(value)
        assert inspector.explanation.computed == pytest.approx(float(value), rel=1e-4, abs=1e-5)
        equation = inspector.equation.text().split("  →  ")[0]
        assert equation.endswith(f"= {number(value)}"), (state.network, unit, equation)


@pytest.mark.parametrize("seed", range(6))
def test_pool_winner_is_the_maximum_of_its_window(qtbot, seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 4))
    state = _state([engine.Conv2d(2, 3, padding=1), engine.MaxPool2d(
        k, int(rng.integers(1, 3)), int(rng.integers(0, k // 2 + 1)), bool(rng.random() < .5))],
        size=int(rng.integers(7, 12)), seed=seed)
    inspector = UnitInspector(state)
    qtbot.addWidget(inspector)
    for _ in range(5):
        unit = _random_unit(state, rng, 1)
        state.pin(unit)
        (grid,) = inspector.scroll.widget().findChildren(NumberGrid)
        winner = grid.values[grid.marked]
        assert winner == grid.values.max() == pytest.approx(
            float(state.activations[1][unit.channel, unit.row, unit.col]))
        row, col = inspector.explanation.winner
        assert state.activations[0][unit.channel, row, col] == pytest.approx(winner)


def test_erf_overlay_follows_the_pin_and_is_zero_outside_the_window(qtbot, shown):
    state = _state(STRIDE_THEN_POOL + [engine.Conv2d(1, 3, padding=1), engine.Tanh()])
    inspector = shown(UnitInspector(state), 500, 400)
    with qtbot.waitSignal(state.overlayChanged):
        qtbot.mouseClick(inspector.erf_box, Qt.LeftButton)
    assert state.erf_enabled and state.input_overlay is None  # nothing pinned yet
    with qtbot.waitSignal(state.overlayChanged):
        state.pin(Unit(3, 0, 3, 3))
    overlay = state.input_overlay
    top, left, bottom, right = state.network.receptive_field(3, 3, 3).clipped_box
    inside = np.zeros_like(overlay, bool)
    inside[top:bottom, left:right] = True
    assert overlay.shape == (28, 28) and overlay[inside].any() and not overlay[~inside].any()
    with qtbot.waitSignal(state.overlayChanged):
        state.set_image(np.zeros((28, 28)))
    assert not np.array_equal(state.input_overlay, overlay)  # the gradient depends on the image
    state.set_erf_enabled(False)
    assert state.input_overlay is None and not inspector.erf_box.isChecked()
    state.pin(Unit(3, 0, 1, 1))
    assert state.input_overlay is None

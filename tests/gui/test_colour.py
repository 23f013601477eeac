"""Colour networks: 3-channel inputs hold a colour drawing that loads, shows and paints in colour,
and grey drawings and networks convert both ways."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

import engine
from gui.drawing.canvas import Canvas
from gui.drawing.samples import array_to_qimage, load_image, qimage_to_array
from gui.state import AppState, Unit
from tests.gui.drawing.test_canvas import painted, stroke


def colour_net(size=32):
    return engine.Network((3, size, size), [engine.Conv2d(4, 3, padding=1), engine.ReLU(),
                                            engine.MaxPool2d(2), engine.Dense(3),
                                            engine.Softmax()])


@pytest.fixture
def colour_state(qapp):
    state = AppState(colour_net())
    yield state
    state.deleteLater()


def red_square(size=32):
    image = np.zeros((3, size, size), np.float32)
    image[0, 8:24, 8:24] = 1.0
    return image


def test_a_colour_network_holds_a_colour_drawing_and_sees_it(qtbot, colour_state):
    assert colour_state.image.shape == (3, 32, 32) and colour_state.image_size == (32, 32)
    with qtbot.waitSignal(colour_state.activationsChanged):
        colour_state.set_image(red_square())
    np.testing.assert_array_equal(colour_state.model_input, red_square())
    np.testing.assert_allclose(colour_state.activations[0],
                               colour_state.network.forward(red_square())[0], rtol=1e-6)


def test_grey_images_on_a_colour_network_are_grey_in_every_channel(colour_state):
    grey = np.zeros((16, 16), np.float32)
    grey[4:12, 6:10] = 1.0
    colour_state.set_image(grey)  # e.g. a sample digit: resampled to 32×32, repeated
    assert colour_state.image.shape == (3, 32, 32)
    assert np.array_equal(colour_state.image[0], colour_state.image[2])
    assert colour_state.image[0, 16, 16] == 1.0 and colour_state.image[0, 2, 2] == 0.0


def test_switching_between_grey_and_colour_networks_converts_the_drawing(qtbot, colour_state):
    colour_state.set_image(red_square())
    grey_net = engine.Network((1, 32, 32), [engine.Conv2d(2, 3)])
    assert colour_state.set_network(grey_net) == ""
    assert colour_state.image.shape == (32, 32)
    assert colour_state.image[16, 16] == pytest.approx(1 / 3)
    colour_state.undo_stack.undo()
    np.testing.assert_array_equal(colour_state.image, red_square())  # the colour comes back


def test_the_canvas_shows_colour_and_the_pen_paints_every_channel(qtbot, shown, colour_state):
    colour_state.set_image(red_square())
    canvas = shown(Canvas(colour_state), 420, 480)
    shade = painted(canvas, canvas.pixel_center(16, 16))
    assert shade.red() > 200 and shade.green() < 40 and shade.blue() < 40
    with qtbot.waitSignal(colour_state.activationsChanged):
        stroke(canvas, [(28, 4), (28, 20)])
    assert colour_state.image[:, 28, 6:18].min() > 0.9  # white ink in R, G and B
    shade = painted(canvas, canvas.pixel_center(28, 12))
    assert min(shade.red(), shade.green(), shade.blue()) > 200


def test_images_load_in_colour_for_a_colour_network(tmp_path):
    photo = QImage(40, 20, QImage.Format_RGB888)
    photo.fill(QColor(0, 0, 255))  # a blue landscape picture
    path = tmp_path / "blue.png"
    assert photo.save(str(path))
    image = load_image(path, (32, 32), colour=True)
    assert image.shape == (3, 32, 32)
    np.testing.assert_allclose(image[:, 16, 16], [0, 0, 1])
    np.testing.assert_allclose(image[:, 0, 16], [0, 0, 1])  # margins in the picture's colour
    grey = load_image(path, (32, 32))
    assert grey.shape == (32, 32)


def test_colour_arrays_and_qimages_round_trip():
    image = np.random.default_rng(0).integers(0, 256, (3, 5, 7)) / 255.0
    qimage = array_to_qimage(image)
    assert qimage.format() == QImage.Format_RGB888 and (qimage.width(), qimage.height()) == (7, 5)
    assert qimage.pixelColor(6, 4).red() == round(image[0, 4, 6] * 255)
    np.testing.assert_allclose(qimage_to_array(qimage), image, atol=1e-6)


def test_the_effective_receptive_field_of_a_colour_network_covers_the_drawing(qtbot, colour_state):
    colour_state.set_image(red_square())
    colour_state.recompute()
    colour_state.set_erf_enabled(True)
    colour_state.pin(Unit(0, 1, 16, 16))
    overlay = colour_state.input_overlay
    assert overlay.shape == (32, 32)
    assert overlay[15:18, 15:18].any() and not overlay[:14].any()  # a 3×3 kernel's reach


def test_mnist_centring_leaves_a_colour_drawing_alone(qtbot, shown, qapp):
    state = AppState(colour_net(28))
    canvas = shown(Canvas(state), 420, 480)
    state.set_image(red_square(28))
    state.set_preprocess(True)
    state.recompute()
    assert state.centring is None and canvas.inset_rect() is None
    np.testing.assert_array_equal(state.model_input, red_square(28))

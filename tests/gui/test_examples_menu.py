"""File ▸ Examples through the real window: one click loads a lesson, one Ctrl+Z takes it back."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from engine.examples import EXAMPLES
from gui.drawing.samples import sample_digit
from gui.state import Unit


def example_action(window, name):
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "examplesMenu")
    assert menu.menuAction() in window.menuBar().actions()[0].menu().actions()  # under File
    return next(a for a in menu.actions() if a.data() == name)


def test_lists_every_example_with_its_description(main_window):
    for name, example in EXAMPLES.items():
        action = example_action(main_window, name)
        assert action.text() == example.title and action.statusTip() == example.description


def test_x_example_loads_network_image_selection_and_pin(main_window, qtbot):
    state = main_window.state
    with qtbot.waitSignal(state.activationsChanged):
        example_action(main_window, "x").trigger()
    network, image = EXAMPLES["x"].build()
    assert [layer.describe() for layer in state.network.layers] == [
        layer.describe() for layer in network.layers]
    np.testing.assert_array_equal(state.network.params[1]["weight"], network.params[1]["weight"])
    np.testing.assert_array_equal(state.image, image)
    assert state.selected_layer == 1 and state.pinned == Unit(1, 0, 1, 1)
    assert state.activations[1][0, 1, 1] == np.float32(1.0)  # a perfect ╲ match
    assert main_window.canvas.window_unit() == Unit(1, 0, 1, 1)


def test_ctrl_z_undoes_the_whole_example_at_once(main_window, qtbot):
    state = main_window.state
    main_window.show_sample(3)
    before_layers, before_image = list(state.network.layers), state.image.copy()
    before_weight = state.network.params[0]["weight"].copy()
    depth = state.undo_stack.index()
    example_action(main_window, "x").trigger()
    assert state.image.shape == (9, 9)
    main_window.canvas.setFocus()
    with qtbot.waitSignal(state.activationsChanged):
        QTest.keyClick(main_window.canvas, Qt.Key_Z, Qt.ControlModifier)
    assert state.undo_stack.index() == depth
    assert state.network.layers == before_layers and state.network.input_shape == (1, 28, 28)
    np.testing.assert_array_equal(state.network.params[0]["weight"], before_weight)
    # Exactly the digit, not the digit squeezed through 9×9 and blown up again.
    np.testing.assert_array_equal(state.image, before_image)
    np.testing.assert_array_equal(state.image, sample_digit(3))
    assert state.pinned is None
    state.undo_stack.redo()
    assert state.image.shape == (9, 9) and len(state.network.layers) == 4


def test_digit_examples_draw_a_sample_at_the_input_size(main_window):
    state = main_window.state
    example_action(main_window, "receptive_field").trigger()
    np.testing.assert_array_equal(state.image, sample_digit(EXAMPLES["receptive_field"].digit))
    assert state.pinned == Unit(2, 0, 14, 14) and state.selected_layer == 2


def test_every_lesson_says_what_to_look_at_and_asks_a_question(main_window, qtbot):
    banner = main_window.findChild(QWidget, "lessonBanner")
    assert not banner.isVisible()
    for name, example in EXAMPLES.items():
        assert example.look and "?" in example.question, name
        example_action(main_window, name).trigger()
        assert banner.isVisible()
        assert example.title in banner.title.text() and banner.look.text() == example.look
        assert example.question in banner.question.text()
        assert main_window.state.selected_layer == example.select, name  # the layer it asks of
    banner.close_button.click()
    assert not banner.isVisible() and main_window.state.lesson is None


def test_a_lesson_opens_with_every_channel_in_view(main_window, qtbot):
    example_action(main_window, "x").trigger()
    views = main_window.findChild(QWidget, "activations").views
    views[1].enlarge(2)
    example_action(main_window, "o").trigger()  # same layers: the views are kept
    assert views[1].channel is None


def test_opening_a_network_closes_the_lesson(main_window, tmp_path):
    example_action(main_window, "x").trigger()
    main_window.new_network(trained=False)
    assert main_window.state.lesson is None

"""gui.training.training_curves: batch means per epoch segment, held-out points per epoch."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from engine.train import Progress
from gui.drawing.samples import qimage_to_array
from gui.training.training_curves import TrainingCurves


def _progress(epoch, batch, val=None):
    return Progress(epoch=epoch, epochs=2, batch=batch, batches=4, loss=1.0 / (epoch + batch),
                    accuracy=0.2 * batch, examples_per_s=100.0, lr=0.01, seconds=0.1,
                    val_loss=None if val is None else 0.5, val_accuracy=val)


def test_batches_plot_at_fractional_epochs_with_a_break_between_epochs(qtbot):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.clear(2)
    for epoch in (1, 2):
        for batch in (2, 4):
            curves.add_batch(_progress(epoch, batch))
    x, loss = curves.loss.getData()
    assert list(x[:2]) == [0.5, 1.0] and np.isnan(x[2]) and list(x[3:]) == [1.5, 2.0]
    _, accuracy = curves.accuracy.getData()
    assert list(accuracy[:2]) == [40.0, 80.0]  # in %
    assert curves.point_counts() == (4, 0)
    assert curves.loss_plot.getViewBox().viewRange()[0][1] >= 2  # the axis spans the whole run


def test_held_out_points_per_epoch_and_clear_empties_everything(qtbot):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.add_epoch(_progress(1, 4))  # no held-out digits: nothing to add
    curves.add_epoch(_progress(1, 4, val=0.75))
    x, accuracy = curves.held_out_accuracy.getData()
    assert list(x) == [1] and list(accuracy) == [75.0]
    curves.add_batch(_progress(1, 1))
    curves.clear(3)
    assert curves.point_counts() == (0, 0)


@pytest.fixture
def shown_curves(qtbot):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.resize(800, 300)
    curves.show()
    qtbot.waitExposed(curves)
    return curves


def drawn_labels(axis):
    """The tick labels ``axis`` draws (those that fit it), after laying out as on screen."""
    axis.getViewWidget().grab()
    image = QImage(10, 10, QImage.Format_RGB32)
    painter = QPainter(image)
    texts = [text for _, _, text in axis.generateDrawSpecs(painter)[2]]
    painter.end()
    return texts


def test_the_loss_axis_shows_real_values_without_an_si_factor(shown_curves):
    curves = shown_curves
    curves.clear(2)
    for batch in (1, 2, 3, 4):
        curves.add_batch(Progress(epoch=1, epochs=2, batch=batch, batches=4, loss=0.2 - 0.04 * batch,
                                  accuracy=0.97, examples_per_s=1.0, lr=0.01, seconds=0.1))
    axis = curves.loss_plot.getAxis("left")
    labels = [float(text) for text in drawn_labels(axis)]
    assert axis.range[1] < 0.2  # the range follows the losses
    assert "(x" not in axis.labelString()  # no "(x0.001)" factor in the axis title
    assert labels and all(0.0 < value < 0.2 for value in labels)  # 0.05, 0.1, …, not 50, 100
    for name in ("left", "bottom"):
        assert not curves.accuracy_plot.getAxis(name).autoSIPrefix


def test_the_accuracy_axis_labels_100_percent_with_room_above_it(shown_curves):
    axis = shown_curves.accuracy_plot.getAxis("left")
    drawn = drawn_labels(axis)
    assert "100" in drawn and "80" in drawn
    assert axis.range[1] > 100  # a training line at 100 % is not drawn on the top edge


def test_the_charts_take_the_colours_of_the_palette(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    palette = parent.palette()
    palette.setColor(QPalette.Window, QColor("#202124"))
    palette.setColor(QPalette.WindowText, QColor("#f0f0f0"))
    parent.setPalette(palette)
    curves = TrainingCurves(parent)
    curves.resize(800, 300)
    image = curves.grab().toImage().convertToFormat(QImage.Format_RGB888)
    pixels = qimage_to_array(image).reshape(3, -1).T * 255
    background = np.median(pixels, axis=0)
    assert np.abs(background - (0x20, 0x21, 0x24)).max() <= 2  # the window's, not white
    brightest = pixels.sum(axis=1).max()
    assert brightest >= 3 * 0xd0  # text and axes drawn light on it
    assert curves.loss_plot.getAxis("left").textPen().color() == QColor("#f0f0f0")

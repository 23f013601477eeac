"""gui.training.training_curves: batch means per epoch segment, held-out points per epoch."""

import numpy as np

from engine.train import Progress
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

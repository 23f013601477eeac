"""Helpers owned by a widget call back into it without holding it: a widget Python drops is gone
at once, never left shown for the cycle collector to tear apart in the middle of a paint."""

import gc
import weakref

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget

import engine
from gui.callbacks import detached
from gui.dataset.confusion_matrix import ConfusionMatrix
from gui.dataset.dataset_model import DatasetModel
from gui.dataset.dataset_panel import DatasetPanel
from gui.dataset.digit_gallery import DigitGallery
from gui.dataset.favourite_patches import FavouritePatches
from gui.dataset.what_filters_want import WhatFiltersWant
from gui.drawing.canvas import Canvas
from gui.drawing.draw_tools import DrawTools
from gui.editors.kernel_editor import KernelEditor
from gui.editors.kernel_grid import KernelGrid
from gui.editors.kernel_heatmap import KernelHeatmap
from gui.editors.layer_editor import LayerEditor
from gui.editors.layer_panel import LayerPanel
from gui.examples_menu import ExamplesMenu
from gui.explain.attribution_panel import AttributionPanel
from gui.explain.filter_gallery import FilterGallery
from gui.explain.lesson_banner import LessonBanner
from gui.explain.number_grid import NumberGrid
from gui.explain.rf_table import ReceptiveFieldTable
from gui.explain.slide_animation import SlideAnimation
from gui.explain.unit_inspector import UnitInspector
from gui.help_dialog import HelpDialog
from gui.i18n import live
from gui.main_window import MainWindow
from gui.maps.activation_view import ActivationView
from gui.maps.bar_view import BarView
from gui.maps.map_view import MapView
from gui.maps.prediction_view import PredictionView
from gui.onnx_import_dialog import OnnxImportDialog
from gui.state import AppState
from gui.status_bar import StatusBar
from gui.training.training_curves import TrainingCurves
from gui.training.training_dialog import TrainingDialog


class _Owner(QWidget):
    def rename(self, text):
        self.setObjectName(text)


def test_a_method_of_the_owner_is_called_on_the_owner_it_is_given(qapp):
    owner, other = _Owner(), _Owner()
    detached(owner, owner.rename)(other, "python method")
    detached(owner, owner.setToolTip)(other, "Qt method")
    assert (other.objectName(), other.toolTip()) == ("python method", "Qt method")
    assert owner.objectName() == owner.toolTip() == ""


def test_a_method_of_another_object_is_called_as_it_is(qapp):
    owner, label = QWidget(), QLabel()
    detached(owner, label.setText)(owner, "on the label")
    assert label.text() == "on the label"


def test_a_function_holding_its_owner_is_refused(qapp):
    owner = QWidget()
    with pytest.raises(TypeError, match="take it as the first argument"):
        detached(owner, lambda: owner.update())
    function = lambda widget: widget.update()  # noqa: E731
    assert detached(owner, function) is function


@pytest.fixture
def colour_state(qapp):
    state = AppState(engine.Network((3, 8, 8), [engine.Conv2d(2, 3), engine.ReLU(),
                                                engine.Conv2d(3, 3)]))
    yield state
    state.deleteLater()


def _onnx_import_dialog(state, folder):
    pytest.importorskip("onnx")
    engine.save_network(state.network, folder / "network.onnx")
    return OnnxImportDialog(state, folder / "network.onnx")


def _kernel_grid(state, folder):
    grid = KernelGrid()
    grid.set_values(np.eye(3))  # its cells
    return grid


def _on_state(widget_class):
    return lambda state, folder: widget_class(state)


def _alone(make):
    return lambda state, folder: make()


#: every sizeable widget, made from an AppState and a folder of its own
WIDGETS = {
    **{cls.__name__: _on_state(cls) for cls in (
        KernelEditor, LayerEditor, LayerPanel, DrawTools, Canvas, ExamplesMenu,
        AttributionPanel, FilterGallery, LessonBanner, ReceptiveFieldTable, SlideAnimation,
        UnitInspector, ActivationView, PredictionView, StatusBar, TrainingDialog,
        WhatFiltersWant)},
    **{cls.__name__: _alone(cls) for cls in (
        KernelHeatmap, HelpDialog, ConfusionMatrix, DigitGallery, TrainingCurves)},
    "DatasetPanel": lambda state, folder: DatasetPanel(state, DatasetModel(state)),
    "FavouritePatches": lambda state, folder: FavouritePatches(state, DatasetModel(state)),
    "MapView": _alone(lambda: MapView("conv1", (3, 6, 6), signed=True)),
    "BarView": _alone(lambda: BarView("dense1", 6, signed=True)),
    "NumberGrid": _alone(lambda: NumberGrid(np.eye(3), "window")),
    "KernelGrid": _kernel_grid,
    "OnnxImportDialog": _onnx_import_dialog,
    "MainWindow": lambda state, folder: MainWindow(
        state, QSettings(str(folder / "settings.ini"), QSettings.IniFormat), folder / "data"),
}


@pytest.mark.parametrize("name", WIDGETS)
def test_a_shown_widget_that_python_drops_is_freed_at_once(qtbot, colour_state, tmp_path, name):
    """Nothing holds it once Python drops it: not its language callbacks or lazy redraws (the
    collector once cleared a dropped kernel editor that Qt still painted, and pyqtgraph drew
    from a freed buffer), and not a lambda using ``self`` connected to a signal, which a
    connection holds strongly (the widget then lived on, doing work for every signal, as long
    as the sender did: for ever with the state, or through its own child's connection). A
    failure names the widget; ``gc.get_referrers`` on it shows the lambda that holds it."""
    widget = WIDGETS[name](colour_state, tmp_path)
    qtbot.addWidget(widget)  # closed at the end if it outlives the test
    widget.show()
    qtbot.waitExposed(widget)
    live.set_language(live.CHINESE)  # the callbacks run, and still hold nothing
    live.set_language(live.ENGLISH)
    dropped = weakref.ref(widget)
    gc.collect()
    gc.disable()  # only reference counts free it while it is dropped
    try:
        del widget
        assert dropped() is None
    finally:
        gc.enable()
    # Nor does anything connected on its behalf answer the state now: a LazyRedraw connected
    # as a callable outlived its C++ side, and the next forward called it.
    colour_state.set_network(colour_state.network_copy(fresh=True))
    colour_state.recompute()

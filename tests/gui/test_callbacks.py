"""Helpers owned by a widget call back into it without holding it: a widget Python drops is gone
at once, never left shown for the cycle collector to tear apart in the middle of a paint."""

import gc
import weakref

import pytest
from PySide6.QtWidgets import QLabel, QWidget

import engine
from gui.callbacks import detached
from gui.dataset.dataset_model import DatasetModel
from gui.dataset.dataset_panel import DatasetPanel
from gui.dataset.favourite_patches import FavouritePatches
from gui.dataset.what_filters_want import WhatFiltersWant
from gui.drawing.canvas import Canvas
from gui.drawing.draw_tools import DrawTools
from gui.editors.kernel_editor import KernelEditor
from gui.editors.kernel_heatmap import KernelHeatmap
from gui.editors.layer_editor import LayerEditor
from gui.editors.layer_panel import LayerPanel
from gui.examples_menu import ExamplesMenu
from gui.explain.attribution_panel import AttributionPanel
from gui.explain.filter_gallery import FilterGallery
from gui.explain.lesson_banner import LessonBanner
from gui.explain.rf_table import ReceptiveFieldTable
from gui.explain.slide_animation import SlideAnimation
from gui.explain.unit_inspector import UnitInspector
from gui.help_dialog import HelpDialog
from gui.i18n import live
from gui.maps.activation_view import ActivationView
from gui.maps.prediction_view import PredictionView
from gui.state import AppState
from gui.status_bar import StatusBar
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


WIDGETS = {
    "KernelEditor": KernelEditor, "KernelHeatmap": lambda state: KernelHeatmap(),
    "LayerEditor": LayerEditor, "LayerPanel": LayerPanel, "DrawTools": DrawTools,
    "Canvas": Canvas, "ExamplesMenu": ExamplesMenu, "AttributionPanel": AttributionPanel,
    "FilterGallery": FilterGallery, "LessonBanner": LessonBanner,
    "ReceptiveFieldTable": ReceptiveFieldTable, "SlideAnimation": SlideAnimation,
    "UnitInspector": UnitInspector, "HelpDialog": lambda state: HelpDialog(),
    "ActivationView": ActivationView, "PredictionView": PredictionView, "StatusBar": StatusBar,
    "TrainingDialog": TrainingDialog, "WhatFiltersWant": WhatFiltersWant,
    "DatasetPanel": lambda state: DatasetPanel(state, DatasetModel(state)),
    "FavouritePatches": lambda state: FavouritePatches(state, DatasetModel(state)),
}


@pytest.mark.parametrize("name", WIDGETS)
def test_a_shown_widget_that_python_drops_is_never_left_to_the_cycle_collector(
        qtbot, colour_state, name):
    """Its language callbacks and lazy redraws hold no reference back to it. They once did: the
    collector later cleared a dropped kernel editor that Qt still painted, and pyqtgraph drew
    from a freed buffer. Dropped, a widget is freed at once, or (a lambda connected to a signal
    keeps it) not by the collector either."""
    widget = WIDGETS[name](colour_state)
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
        freed_at_once = dropped() is None
    finally:
        gc.enable()
    gc.collect()
    assert (dropped() is None) == freed_at_once

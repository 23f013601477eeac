"""Attribution on the canvas: which pixels made the network say a class, four ways.

Saliency, gradient × input and Grad-CAM follow the pen (one backward pass each; in a worker
when the network's forward costs more than a frame); occlusion needs a forward per pixel, so
it runs on demand in a worker and is dropped when the drawing changes. Each method comes with one sentence saying how to read its colours.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

import engine
from engine import attribution
from gui.background_task import BackgroundTask, keyed
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import engine_text
from gui.present.colormaps import ERROR_HEX

#: the methods, by their names (shown translated in the context "AttributionPanel")
OFF, SALIENCY, GRADIENT_INPUT, OCCLUSION, GRAD_CAM = (
    QT_TRANSLATE_NOOP("AttributionPanel", "Off"),
    QT_TRANSLATE_NOOP("AttributionPanel", "Saliency |∂p/∂x|"),
    QT_TRANSLATE_NOOP("AttributionPanel", "Gradient × input"),
    QT_TRANSLATE_NOOP("AttributionPanel", "Occlusion"),
    QT_TRANSLATE_NOOP("AttributionPanel", "Grad-CAM"))
FRAME_S = 1 / 60
REST_MS = 150  # the pen counts as resting after this long without a change
OCCLUSION_SIDE = 28  # patch centres per side at most: a digit's pixels
#: method -> its one-sentence legend: %1 the class, %2 the patch side, %3 the layer, %4 the
#: occlusion's stride note
LEGENDS = {
    OFF: QT_TRANSLATE_NOOP("AttributionPanel",
                           "Colour the canvas by which pixels made the network say a class."),
    SALIENCY: QT_TRANSLATE_NOOP(
        "AttributionPanel", "Bright where changing a pixel a little would change the probability "
        "of %1 the most, whichever way."),
    GRADIENT_INPUT: QT_TRANSLATE_NOOP(
        "AttributionPanel", "Orange ink raises the probability of %1, blue ink lowers it; blank "
        "pixels count for nothing."),
    OCCLUSION: QT_TRANSLATE_NOOP(
        "AttributionPanel", "Orange where covering a %2×%2 patch with black lowers the probability "
        "of %1, blue where it raises it%4."),
    GRAD_CAM: QT_TRANSLATE_NOOP(
        "AttributionPanel", "Bright where the maps of %3 hold the features that raise the score "
        "of %1, spread back over the input."),
}


def _default_cam_layer(net, maps):
    """Grad-CAM's usual choice: the last conv layer's maps, rectified when a ReLU follows."""
    convs = [i for i in maps if net.layers[i].kind == "conv2d"]
    if not convs:
        return maps[-1] if maps else None
    after = convs[-1] + 1
    rectified = after in maps and net.layers[after].kind in ("relu", "leaky_relu")
    return after if rectified else convs[-1]


class AttributionPanel(QWidget):
    """Chooses an attribution method, its class and settings; draws it through ``state``."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("attributionPanel")
        self.state = state
        self.method = QComboBox(objectName="attributionMethod")
        for method in (OFF, SALIENCY, GRADIENT_INPUT, OCCLUSION, GRAD_CAM):
            self.method.addItem(self.tr(method), method)  # known by its name, shown translated
        self.target = QComboBox(objectName="attributionClass")
        self.layer = QComboBox(objectName="gradCamLayer")
        self.patch = QSpinBox(minimum=1, maximum=15, value=5, suffix=" px")
        self.run_button = QPushButton()
        self.progress = QProgressBar(maximum=1000, textVisible=False, maximumWidth=100)
        self.progress.hide()
        self.legend = QLabel(objectName="attributionLegend", wordWrap=True)
        self.legend.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        show_row, class_row = QLabel(), QLabel()
        form.addRow(show_row, self.method)
        form.addRow(class_row, self.target)
        self._layer_row = QLabel()
        form.addRow(self._layer_row, self.layer)
        occlusion_row = QHBoxLayout()
        occlusion_row.addWidget(self.patch)
        occlusion_row.addWidget(self.run_button)
        occlusion_row.addWidget(self.progress)
        self._patch_row = QLabel()
        for setter, text in [
                (show_row.setText, lambda self: self.tr("Show")),
                (class_row.setText, lambda self: self.tr("Class")),
                (self._layer_row.setText, lambda self: self.tr("Layer")),
                (self._patch_row.setText, lambda self: self.tr("Patch")),
                (self.method.setToolTip, lambda self: self.tr(
                    "How to find the pixels that made the network say the class. Saliency: how "
                    "much a small change of each pixel would move its probability. Gradient × "
                    "input: whether each inked pixel raises or lowers it. Occlusion: what "
                    "covering each patch with black does (a forward pass per patch). Grad-CAM: "
                    "where the features of a conv layer's maps that raise its score lie.")),
                (self.target.setToolTip,
                 lambda self: self.tr("The class whose probability is explained")),
                (self.layer.setToolTip,
                 lambda self: self.tr("The layer whose maps Grad-CAM weighs")),
                (self.patch.setToolTip,
                 lambda self: self.tr("Side of the square slid over the input")),
                (self.run_button.setText, lambda self: self.tr("Occlude again")),
                (self.run_button.setToolTip,
                 lambda self: self.tr("Run occlusion on the drawing (R)"))]:
            live.bind_text(self, setter, text)
        form.addRow(self._patch_row, occlusion_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.legend)
        layout.addStretch()
        self._task = BackgroundTask(self)
        self._task.progressed.connect(self._on_progressed)
        self._task.succeeded.connect(self._on_occluded)
        self._task.failed.connect(self._show_error)
        self._live_task = BackgroundTask(self)  # a live method on a network too dear to wait for
        self._live_task.succeeded.connect(self._on_live_done)
        self._live_task.failed.connect(self._show_error)
        shortcut = QShortcut(QKeySequence("R"), self, context=Qt.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.occlude)
        self.method.currentIndexChanged.connect(self._on_settings_changed)
        self.target.currentIndexChanged.connect(self._on_settings_changed)
        self.layer.currentIndexChanged.connect(self._on_settings_changed)
        self.patch.valueChanged.connect(self._on_settings_changed)
        self.run_button.clicked.connect(self.occlude)
        state.networkChanged.connect(self._on_network_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.overlayChanged.connect(self._on_overlay_changed)
        self._drawing = None  # the model input the occlusion overlay was computed for
        # A live map slower than a frame (a large input) waits until the pen rests.
        self._slow = False
        self._rest = QTimer(self, singleShot=True, interval=REST_MS)
        self._rest.timeout.connect(self._draw_live)
        self._on_network_changed()
        live.on_language_change(self, self._on_language_changed)

    def _on_language_changed(self):
        for i in range(self.method.count()):
            self.method.setItemText(i, self.tr(self.method.itemData(i)))
        self.target.setItemText(0, self.tr("the predicted one"))
        self._update_legend()

    # --------------------------------------------------------------- settings
    def set_method(self, method):
        self.method.setCurrentIndex(self.method.findData(method))

    @property
    def method_name(self):
        """The method shown: OFF, SALIENCY, GRADIENT_INPUT, OCCLUSION or GRAD_CAM."""
        return self.method.currentData()

    @property
    def target_class(self):
        """The class explained: None for the predicted one."""
        return self.target.currentData()

    def _on_network_changed(self):
        self._slow = False
        net = self.state.network
        classes = net.shapes[-1][0] if net.layers and len(net.shapes[-1]) == 1 else 0
        maps = [i for i, shape in enumerate(net.shapes) if len(shape) == 3]
        for combo, items in ((self.target, [(self.tr("the predicted one"), None)]
                              + [(str(c), c) for c in range(classes)]),
                             (self.layer, [(net.names[i], i) for i in maps])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current)
            if combo is self.layer and index < 0:
                index = combo.findData(_default_cam_layer(net, maps))
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._on_settings_changed()

    def _on_settings_changed(self):
        method = self.method_name
        self._layer_row.setVisible(method == GRAD_CAM)
        self.layer.setVisible(method == GRAD_CAM)
        for widget in (self._patch_row, self.patch, self.run_button):
            widget.setVisible(method == OCCLUSION)
        if method != OFF and self.state.erf_enabled:
            self.state.set_erf_enabled(False)  # one heatmap on the canvas at a time
        self._drawing = None
        self.legend.setStyleSheet("")
        self._update_legend()
        if method == OCCLUSION:
            self.occlude()
        else:
            self._task.cancel()
            self._live_task.cancel()
            self._draw_live()

    def _update_legend(self):
        cls = (self.target.currentText() if self.target_class is not None
               else self.tr("the predicted class"))
        stride = self._occlusion_stride()
        every = fill(self.tr(" (a patch every %1 pixels)"), stride) if stride > 1 else ""
        self.legend.setText(fill(self.tr(LEGENDS[self.method_name]), cls, self.patch.value(),
                                 self.layer.currentText(), every))

    def _occlusion_stride(self):
        """Patches on every pixel of a digit-sized input; on a larger one, about as many patches
        (as many forwards), spread out: a 256×256 input would otherwise need 65,536."""
        return max(1, math.ceil(max(self.state.network.input_shape[1:]) / OCCLUSION_SIDE))

    # ------------------------------------------------------------ computing
    def _on_activations_changed(self):
        method = self.method_name
        if method == OCCLUSION:
            if self._drawing is not None and not np.array_equal(self._drawing, self.state.model_input):
                self._drawing = None
                self.state.set_input_overlay(None)
                self.legend.setText(self.tr("The drawing changed: press “Occlude again” (R) to "
                                            "see what covering each patch does now."))
        elif self._slow:
            self._rest.start()
        else:
            self._draw_live()

    def _draw_live(self):
        method = self.method_name
        if method in (OFF, OCCLUSION):
            if method == OFF and self._owns_overlay():
                self.state.set_input_overlay(None)
            return
        target, layer = self.target_class, self.layer.currentData()
        if sum(self.state.network.mult_adds) > self.state.frame_mult_adds:
            # A copy of the network and the drawing: the worker must not read what edits change.
            net, x = self.state.network_copy(), self.state.model_input.copy()
            self._slow = True  # strokes: once the pen rests
            self._live_task.start(lambda report, stop: keyed(
                (method, x), _attribute(method, net, x, target, layer, None)))
            return
        started = time.perf_counter()
        try:
            overlay, signed = _attribute(method, self.state.network, self.state.model_input,
                                         target, layer, self.state.fresh_activations)
        except engine.ConfigError as error:
            text = engine_text(str(error))
            self._show_error(text[:1].upper() + text[1:])
            return
        self._slow = time.perf_counter() - started > FRAME_S
        self.state.set_input_overlay(overlay, signed)

    def _on_live_done(self, result):
        (method, x), (overlay, signed) = result
        if method == self.method_name and np.array_equal(x, self.state.model_input):
            self.state.set_input_overlay(overlay, signed)

    def occlude(self):
        """Run occlusion on the current drawing in a worker thread."""
        if self.method_name != OCCLUSION:
            return
        net = self.state.network_copy()
        x, target, patch = self.state.model_input.copy(), self.target_class, self.patch.value()
        stride = self._occlusion_stride()
        self._update_legend()
        self.progress.setValue(0)
        self.progress.show()

        self._task.start(lambda report, stop: keyed(x, attribution.occlusion(
            net, x, target, patch, stride=stride, on_progress=report, should_stop=stop)))

    def _on_progressed(self, fraction):
        self.progress.setValue(round(1000 * fraction))

    def _on_occluded(self, result):
        self.progress.hide()
        x, overlay = result
        if self.method_name == OCCLUSION and np.array_equal(x, self.state.model_input):
            self._drawing = x
            self.state.set_input_overlay(overlay, signed=True)

    def _show_error(self, message):
        self.legend.setText(message)
        self.legend.setStyleSheet(f"color: {ERROR_HEX};")
        if self._owns_overlay():
            self.state.set_input_overlay(None)

    def _owns_overlay(self):
        return not self.state.erf_enabled and self.state.input_overlay is not None

    def _on_overlay_changed(self):
        # The effective receptive field took the canvas: step aside.
        if self.state.erf_enabled and self.method_name != OFF:
            self.method.blockSignals(True)
            self.set_method(OFF)
            self.method.blockSignals(False)
            self._task.cancel()
            self._live_task.cancel()
            self._on_settings_changed()


def _attribute(method, net, x, target, layer, outputs):
    """(overlay, signed) of a live ``method`` for class ``target`` (None: the predicted one);
    ``layer`` is Grad-CAM's; ``outputs`` the forward of ``x`` when known, else None."""
    if method == SALIENCY:
        return attribution.saliency(net, x, target, outputs), False
    if method == GRADIENT_INPUT:
        return attribution.gradient_times_input(net, x, target, outputs), True
    return attribution.grad_cam(net, x, layer, target, outputs), False

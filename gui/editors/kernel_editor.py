"""Type the numbers of one convolution kernel and watch every map follow.

Shows the selected conv layer's selected filter and input channel as a grid of cells, a small
heatmap of it and the filter's bias. Every change, typed or from a tool button, is one
``state.set_param`` call: undoable, and the maps recompute at once.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

import engine
from gui.editors.cell_parser import CellError, parse_cell
from gui.editors.field_style import error_label, mark_invalid, note_label
from gui.present.formatting import number
from gui.present.naming import shape_text
from gui.editors.kernel_grid import (
    KernelGrid, cell_error_text, cell_hint, exact_number, fitted_cell,
)
from gui.editors.kernel_heatmap import KernelHeatmap
from gui.editors.kernel_tools import centred, normalized, random_kernel, resized
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import engine_text

FLIP_NOTE = QT_TRANSLATE_NOOP(
    "KernelEditor", "Flip 180°: textbook convolution turns the kernel around before sliding it; "
    "CNN layers slide it as it is (cross-correlation). A symmetric kernel does not change.")
MAX_TYPED_SIZE = 11  # larger kernels get no cells: hundreds of fields would freeze the editor
ZERO_SUM_NOTE = QT_TRANSLATE_NOOP(
    "KernelEditor", "These weights add up to 0, so no scaling makes them add up to 1. Kernels "
    "like edge detectors sum to 0 on purpose: on a flat area they answer 0.")


class KernelEditor(QWidget):
    """Cells, heatmap, bias and tools for one kernel of a conv layer; objectName "kernelEditor"."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("kernelEditor")
        self.state = state
        self.layer = None
        self._rng = np.random.default_rng()
        self._oversized_preset = None

        self.title = QLabel(textFormat=Qt.RichText)
        self.filter_spin = QSpinBox(minimum=1)
        self.channel_spin = QSpinBox(minimum=1)
        self.grid = KernelGrid()
        self.too_big = note_label(QLabel())
        self.heatmap = KernelHeatmap()
        self.sum_label = QLabel()
        self.bias_edit = QLineEdit(alignment=Qt.AlignCenter)
        self.bias_edit.setFixedWidth(90)  # fits "-5.312e-05"
        self.preset_box = QComboBox()
        self.preset_box.addItem("")
        for preset in engine.PRESETS.values():
            self.preset_box.addItem("", preset.name)
        self.normalize_button = QPushButton()
        self.flip_button = QPushButton()
        self.random_button = QPushButton()
        self.zero_button = QPushButton()
        self.bias_label = QLabel()
        self.message = note_label(QLabel())
        self.error = error_label(QLabel())
        self.resize_button = QPushButton()
        self.placeholder = note_label(QLabel(alignment=Qt.AlignCenter))
        self._lay_out()

        self.filter_spin.valueChanged.connect(self._on_slice_changed)
        self.channel_spin.valueChanged.connect(self._on_slice_changed)
        self.grid.edited.connect(self._on_cell_edited)
        self.grid.refused.connect(self._say_error)
        self.bias_edit.editingFinished.connect(self._on_bias_changed)
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.normalize_button.clicked.connect(self.normalize)
        self.flip_button.clicked.connect(self.flip)
        self.random_button.clicked.connect(self.randomize)
        self.zero_button.clicked.connect(self.zero)
        self.resize_button.clicked.connect(self._on_resize_clicked)
        state.networkChanged.connect(self._on_network_changed)
        state.layerSelected.connect(self._on_network_changed)
        state.trainingChanged.connect(self._on_training_changed)
        self._retranslate()
        live.on_language_change(self, self._retranslate)

    def _retranslate(self):
        """The fixed texts, then the ones that depend on the layer."""
        for widget, setter, text in [
                (self.filter_spin, "setPrefix", self.tr("filter ")),
                (self.filter_spin, "setToolTip",
                 self.tr("Which filter (output channel) of this layer to edit")),
                (self.channel_spin, "setPrefix", self.tr("input channel ")),
                (self.channel_spin, "setToolTip",
                 self.tr("A filter has one kernel slice per input channel; it adds up what all "
                         "its slices see")),
                (self.sum_label, "setToolTip",
                 self.tr("The sum of this slice's weights: its answer on a flat white area, "
                         "before the bias")),
                (self.bias_edit, "setToolTip",
                 self.tr("Added to this filter's weighted sum at every position")),
                (self.preset_box, "setToolTip",
                 self.tr("Set the whole filter to a classic hand-made kernel")),
                (self.normalize_button, "setText", self.tr("Normalize")),
                (self.normalize_button, "setToolTip",
                 self.tr("Scale this slice so its weights add up to 1 (keeps brightness)")),
                (self.flip_button, "setText", self.tr("Flip 180°")),
                (self.flip_button, "setToolTip", self.tr(FLIP_NOTE)),
                (self.random_button, "setText", self.tr("Random")),
                (self.random_button, "setToolTip", self.tr("Random weights, as at initialization")),
                (self.zero_button, "setText", self.tr("Zero")),
                (self.zero_button, "setToolTip", self.tr("Set every weight of this slice to 0")),
                (self.resize_button, "setToolTip",
                 self.tr("Resize all of this layer's kernels to the preset's size and put the "
                         "preset into this filter; the other filters get fresh random weights "
                         "(one undo step)")),
                (self.bias_label, "setText", self.tr("bias"))]:
            getattr(widget, setter)(text)
        self.preset_box.setItemText(0, self.tr("Preset…"))
        for i, preset in enumerate(engine.PRESETS.values(), 1):
            self.preset_box.setItemText(i, engine_text(preset.title) or preset.name)
            self.preset_box.setItemData(i, engine_text(preset.description), Qt.ToolTipRole)
        self._on_network_changed()

    def _lay_out(self):
        side = QVBoxLayout()
        side.addWidget(self.heatmap)
        side.addWidget(self.sum_label)
        side.addLayout(_row(self.bias_label, self.bias_edit))
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.grid, 0, Qt.AlignTop)
        body.addWidget(self.too_big, 1, Qt.AlignTop)
        body.addSpacing(16)
        body.addLayout(side)
        body.addStretch()
        resize_row = QHBoxLayout()
        resize_row.addWidget(self.error, 1)
        resize_row.addWidget(self.resize_button, 0, Qt.AlignTop)
        self.editor = QWidget()
        inner = QVBoxLayout(self.editor)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        for part in (_row(self.filter_spin, self.channel_spin), body, _row(self.preset_box),
                     _row(self.normalize_button, self.flip_button, self.random_button,
                          self.zero_button)):
            inner.addLayout(part)
        inner.addWidget(self.message)
        inner.addLayout(resize_row)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.placeholder)

    # ------------------------------------------------------------------ reads
    @property
    def weight(self):
        """The whole weight array (F, C, kh, kw) of the edited layer."""
        return self.state.network.params[self.layer]["weight"]

    @property
    def kernel(self):
        """The slice on screen (kh, kw): selected filter, selected input channel."""
        return self.weight[self.state.selected_filter, self.state.selected_channel]

    # ------------------------------------------------------------------ edits
    def _set_slice(self, values, text, note=""):
        weight = self.weight.copy()
        weight[self.state.selected_filter, self.state.selected_channel] = values
        self._set_weight(weight, text, note)

    def _set_weight(self, weight, text, note=""):
        self._say(note)
        if not np.array_equal(weight, self.weight):
            self.state.set_param(self.layer, "weight", weight, text)

    def _on_cell_edited(self, row, col, value):
        values = self.kernel.copy()
        values[row, col] = value
        self._set_slice(values, fill(self.tr("Set weight (%1, %2)"), row + 1, col + 1))

    def _on_bias_changed(self):
        if not self.bias_edit.isModified():
            return
        self.bias_edit.setModified(False)
        try:
            value = parse_cell(self.bias_edit.text())
        except CellError as error:
            self._fill_bias()
            mark_invalid(self.bias_edit)
            self._say_error(cell_error_text(error))
            return
        bias = self.state.network.params[self.layer]["bias"].copy()
        bias[self.state.selected_filter] = value
        self._say("")
        self.state.set_param(self.layer, "bias", bias, self.tr("Set bias"))

    def normalize(self):
        values = normalized(self.kernel)
        if values is None:
            self._say(self.tr(ZERO_SUM_NOTE))
        else:
            self._set_slice(values, self.tr("Normalize kernel"),
                            self.tr("Scaled so the weights add up to 1."))

    def flip(self):
        self._set_slice(self.kernel[::-1, ::-1], self.tr("Flip kernel"), self.tr(FLIP_NOTE))

    def zero(self):
        self._set_slice(np.zeros_like(self.kernel), self.tr("Zero kernel"))

    def randomize(self):
        self._set_slice(random_kernel(self._rng, self.kernel.shape, self.weight[0].size),
                        self.tr("Random kernel"))

    def apply_preset(self, name):
        """Set the selected filter (all its input channels) to preset ``name``.

        A preset smaller than the layer's kernels is centred in zeros, which computes the same
        thing. A larger one is not cropped (that would change what it does): a button offers
        to resize the layer's kernels instead.
        """
        preset = engine.PRESETS[name]
        values = engine.preset_kernel(name, self.weight.shape[1])
        fitted = centred(values, self.weight.shape[2:])
        if fitted is None:
            size = shape_text(preset.kernel.shape)
            self._say("")
            self._say_error(fill(self.tr("“%1” is %2, larger than the %3 kernels of %4."),
                                 engine_text(preset.title), size, shape_text(self.kernel.shape),
                                 self._name()))
            self.resize_button.setText(fill(self.tr("Make the kernels %1 and apply"), size))
            self.resize_button.show()
            self._oversized_preset = name
            return
        note = engine_text(preset.description)
        if fitted.shape != values.shape:
            note += self.tr(" Centred in zeros, which computes the same as the smaller kernel.")
        weight = self.weight.copy()
        weight[self.state.selected_filter] = fitted
        self._set_weight(weight, fill(self.tr("Preset %1"), engine_text(preset.title)), note)

    def _on_preset_chosen(self, index):
        if index > 0:
            self.apply_preset(self.preset_box.itemData(index))
        with QSignalBlocker(self.preset_box):
            self.preset_box.setCurrentIndex(0)

    def _on_resize_clicked(self):
        """Resize the layer's kernels to the preset's size, then apply it: one undo step."""
        name, layer, state = self._oversized_preset, self.layer, self.state
        f, c = state.selected_filter, state.selected_channel
        preset = engine.PRESETS[name]
        reason = state.resize_kernels(
            layer, resized(state.network.layers[layer], preset.kernel.shape), f,
            engine.preset_kernel(name, self.weight.shape[1]),
            fill(self.tr("Preset %1 (kernels resized)"), engine_text(preset.title)))
        if reason:
            self._say_error(engine_text(reason))
            return
        state.select_layer(layer, f, c)
        self._say(engine_text(preset.description)
                  + self.tr(" The layer's other filters got fresh random weights."))

    def _on_slice_changed(self):
        self.state.select_layer(self.layer, self.filter_spin.value() - 1,
                                self.channel_spin.value() - 1)

    def _say(self, text):
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.error.hide()
        self.resize_button.hide()

    def _say_error(self, text):
        self.error.setText(text)
        self.error.show()
        self.resize_button.hide()

    def _name(self):
        return self.state.network.names[self.layer]

    # ------------------------------------------------------------- refreshes
    def _conv_layer(self):
        """The layer to edit: the selected one, or the first conv when nothing is selected."""
        layers, selected = self.state.network.layers, self.state.selected_layer
        if selected is None:
            return next((i for i, spec in enumerate(layers) if spec.kind == "conv2d"), None)
        return selected if selected < len(layers) and layers[selected].kind == "conv2d" else None

    def _on_training_changed(self, running):
        """Weights cannot be edited while training runs (its result would overwrite them)."""
        for widget in (self.grid, self.bias_edit, self.preset_box, self.normalize_button,
                       self.flip_button, self.random_button, self.zero_button):
            widget.setEnabled(not running)
        self._say(self.state.tr(self.state.TRAINING_NOTE) if running else "")

    def _on_network_changed(self, *_):
        layer = self._conv_layer()
        if layer != self.layer:
            self._say("")  # a note about another layer's kernel would mislead
        self.layer = layer
        self.editor.setVisible(self.layer is not None)
        self.placeholder.setVisible(self.layer is None)
        self.error.hide()
        self.resize_button.hide()
        if self.layer is None:
            selected = self.state.selected_layer
            what = (self.tr("This network has no convolution layer") if selected is None
                    else fill(self.tr("%1 has no kernel"), self.state.network.names[selected]))
            self.placeholder.setText(fill(self.tr("%1. Select a convolution layer to edit its "
                                                  "kernels."), what))
            return
        filters, channels, kh, kw = self.weight.shape
        if self.state.selected_filter >= filters or self.state.selected_channel >= channels:
            self.state.select_layer(self.layer)  # comes back here with filter and channel 0
            return
        self.title.setText(fill(self.tr("<b>%1</b> &nbsp; %2×%3 kernel"), self._name(), kh, kw))
        for spin, value, count in ((self.filter_spin, self.state.selected_filter, filters),
                                   (self.channel_spin, self.state.selected_channel, channels)):
            with QSignalBlocker(spin):
                spin.setMaximum(count)
                spin.setValue(value + 1)
                spin.setSuffix(fill(self.tr(" of %1"), count))
        self.channel_spin.setVisible(channels > 1)
        if self.layer == 0 and self.state.network.input_shape[0] == 3:
            self.channel_spin.setSuffix(self.tr(" of 3 (R, G, B)"))
        kernel = self.kernel
        typable = max(kh, kw) <= MAX_TYPED_SIZE
        self.grid.setVisible(typable)
        if typable:
            self.grid.set_values(kernel)
        self.too_big.setVisible(not typable)
        self.too_big.setText(fill(self.tr("A %1×%2 kernel has too many weights to type one by "
                                          "one: the heatmap shows it, and the presets and tools "
                                          "still work."), kh, kw))
        self.heatmap.show_kernel(kernel)
        self.sum_label.setText(fill(self.tr("sum = %1"), number(kernel.sum())))
        self._fill_bias()

    def _fill_bias(self):
        bias = self.state.network.params[self.layer].get("bias")
        self.bias_edit.setEnabled(bias is not None)
        value = None if bias is None else bias[self.state.selected_filter]
        self.bias_edit.setText(self.tr("none") if bias is None
                               else fitted_cell(self.bias_edit, value))
        self.bias_edit.setToolTip(
            self.tr("This layer has no bias") if bias is None else
            fill(self.tr("%1: added to this filter's weighted sum everywhere."),
                 exact_number(value)) + " " + cell_hint())
        self.bias_edit.setModified(False)
        mark_invalid(self.bias_edit, False)


def _row(*widgets):
    """The widgets side by side at their natural width, from the left."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch()
    return row

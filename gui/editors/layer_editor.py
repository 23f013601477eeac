"""Edit the selected layer's settings, with its output-size formula filled in beside them.

Each field edit builds the changed spec and hands the whole stack to ``state.set_layers``. If the
engine refuses, the field turns red with its reason and the form keeps the typed value so it can
be corrected; the network (and the maps) stay as they were. Undo, or Revert, drops the refused
edit and shows the layer as the network has it.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

import engine
from engine import ops
from gui.editors.field_style import error_label, mark_invalid, note_label
from gui.editors.layer_form import (ACTIVATIONS, PADDING_HELP, POOLS, formula_lines,
                                    input_shape, layer_help, padding_text, parse_padding)
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import describe, engine_text

_SAMPLES = ("0", "1", "2", "valid", "same", "full")

#: field -> its tooltip (context "LayerEditor"); %1 in the padding's is PADDING_HELP
TIPS = {
    "out_channels": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "How many filters this layer has. Each filter makes one output map, so this "
        "is the depth (number of channels) of the output."),
    "kernel_size": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Width and height of the window that slides over the input. A bigger window "
        "sees more at once but has more weights."),
    "stride": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "How many pixels the window jumps between positions. Stride 2 roughly halves "
        "the output's width and height."),
    "padding": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "A border added around the input before sliding, so the window can also sit "
        "on the edges. 0 = none, same = keep the size (stride 1), full = every "
        "overlap. You can %1."),
    "padding_mode": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "What the border is filled with: zeros, a mirror image of the edge (reflect),"
        " copies of the edge pixels (replicate) or the opposite edge (circular)."),
    "dilation": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Gaps between the kernel's taps. Dilation 2 spreads a 3×3 kernel over a 5×5 "
        "area: it sees further without more weights."),
    "flip": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Real convolution turns the kernel 180° before sliding it. Deep-learning "
        "libraries skip the turn (cross-correlation); a learned kernel does not care."),
    "pool_kind": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Max keeps the strongest value of each window; average keeps their mean."),
    "ceil_mode": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "When the windows do not fit exactly, round the output size up, keeping a "
        "last partial window instead of dropping it."),
    "count_include_pad": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Count the padding zeros when averaging (edges get darker) or divide only by "
        "the real pixels in the window."),
    "activation": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "The function applied to every value on its own."),
    "negative_slope": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "What negative values are multiplied by (0 would be a plain ReLU)."),
    "out_features": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "How many numbers this layer outputs; each is a weighted sum of all inputs. "
        "The last dense layer needs one output per class (10 digits)."),
    "bias": QT_TRANSLATE_NOOP(
        "LayerEditor",
        "Add a learned constant to each output, shifting it up or down."),
}

#: field -> its label in the form
LABELS = {
    "out_channels": QT_TRANSLATE_NOOP("LayerEditor", "Filters (depth)"),
    "kernel_size": QT_TRANSLATE_NOOP("LayerEditor", "Kernel size"),
    "stride": QT_TRANSLATE_NOOP("LayerEditor", "Stride"),
    "padding": QT_TRANSLATE_NOOP("LayerEditor", "Padding"),
    "dilation": QT_TRANSLATE_NOOP("LayerEditor", "Dilation"),
    "pool_kind": QT_TRANSLATE_NOOP("LayerEditor", "Pool"),
    "activation": QT_TRANSLATE_NOOP("LayerEditor", "Function"),
    "negative_slope": QT_TRANSLATE_NOOP("LayerEditor", "Negative slope"),
    "out_features": QT_TRANSLATE_NOOP("LayerEditor", "Outputs (units)"),
    "ceil_mode": QT_TRANSLATE_NOOP("LayerEditor", "Ceil mode"),
    "count_include_pad": QT_TRANSLATE_NOOP("LayerEditor", "Average"),
    "bias": QT_TRANSLATE_NOOP("LayerEditor", "Bias"),
    "flip": QT_TRANSLATE_NOOP("LayerEditor", "Flip"),
}


class LayerEditor(QWidget):
    """Form for ``state.network.layers[state.selected_layer]``; objectName "layerEditor"."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("layerEditor")
        self.state = state
        self._layer = None
        self._pending = None  # the spec the form shows; differs from the network's after a refusal
        self._red = None
        self._metadata_texts = {}  # field -> (tooltip, label) of the rows built from metadata

        self.title = QLabel(textFormat=Qt.RichText)
        self.help = note_label(QLabel())
        self.fields = {
            "pool_kind": QComboBox(), "activation": QComboBox(),
            "out_channels": _spin(1, 1024), "kernel_size": _spin(1, 99), "stride": _spin(0, 99),
            "dilation": _spin(0, 99), "out_features": _spin(1, 100_000),
            "padding": QComboBox(editable=True), "padding_mode": QComboBox(),
            "negative_slope": QDoubleSpinBox(decimals=3, minimum=-10, maximum=10, singleStep=0.01,
                                             keyboardTracking=False),
            "ceil_mode": QCheckBox(), "count_include_pad": QCheckBox(), "bias": QCheckBox(),
            "flip": QCheckBox(),
        }
        for name, widget in self.fields.items():
            widget.setObjectName(name)  # how its edits name the setting (_on_field_edited)
        self.fields["padding"].addItems(_SAMPLES)
        self.fields["padding"].setInsertPolicy(QComboBox.NoInsert)
        for name, choices in (("padding_mode", ops.PADDING_MODES), ("pool_kind", POOLS),
                              ("activation", ACTIVATIONS)):
            for key in choices:  # shown translated, known by the key
                self.fields[name].addItem(key, key)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.rows = {}  # field name -> the widget in its form row (padding shares with its mode)
        for name, widget in self.fields.items():
            if name == "padding_mode":
                continue
            row = widget
            if name == "padding":
                row = QWidget()
                pair = QHBoxLayout(row)
                pair.setContentsMargins(0, 0, 0, 0)
                pair.addWidget(widget, 1)
                pair.addWidget(self.fields["padding_mode"], 1)
            self.form.addRow(QLabel(), row)
            self.rows[name] = row
        self.flip_note = note_label(QLabel())

        self.formula = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        formula_box = QGroupBox()
        QVBoxLayout(formula_box).addWidget(self.formula)
        self.formula_box = formula_box
        self.error = error_label(QLabel())
        self.revert_button = QPushButton()
        error_row = QHBoxLayout()
        error_row.addWidget(self.error, 1)
        error_row.addWidget(self.revert_button, 0, Qt.AlignTop)
        self.error_box = QWidget()
        self.error_box.setLayout(error_row)
        error_row.setContentsMargins(0, 0, 0, 0)

        # The formula and any refusal come first: they must stay in sight in a short dock.
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(formula_box)
        layout.addWidget(self.error_box)
        layout.addLayout(self.form)
        layout.addWidget(self.flip_note)
        layout.addStretch()

        self._connect_fields()
        self.revert_button.clicked.connect(self._show_network_layer)
        state.networkChanged.connect(self._on_network_changed)
        state.layerSelected.connect(self._on_layer_selected)
        state.errorChanged.connect(self._on_error_changed)
        self._retranslate()
        live.on_language_change(self, self._retranslate)

    def _retranslate(self):
        """The fixed texts, then the layer's (a refused edit is dropped, as by Revert)."""
        padding_help = QCoreApplication.translate("LayerForm", PADDING_HELP)
        for name, widget in self.fields.items():
            if name in TIPS:
                tip, label = fill(self.tr(TIPS[name]), padding_help), LABELS.get(name)
                label = label and self.tr(label)
            else:  # a row built from the spec's metadata: the engine's words
                tip, label = (engine_text(text) for text in self._metadata_texts[name])
            widget.setToolTip(tip)
            if name in self.rows:
                self.form.labelForField(self.rows[name]).setText(label)
                self.form.labelForField(self.rows[name]).setToolTip(tip)
            if name not in TIPS and isinstance(widget, QComboBox):
                for i in range(widget.count()):
                    widget.setItemText(i, engine_text(str(widget.itemData(i))))
        for name, text in (("ceil_mode", self.tr("round the size up")),
                           ("count_include_pad", self.tr("count the padding")),
                           ("bias", self.tr("add a bias")),
                           ("flip", self.tr("true convolution (turn the kernel 180°)"))):
            self.fields[name].setText(text)
        for name, words in (("padding_mode", engine_text),
                            ("pool_kind", live.translator("LayerForm")),
                            ("activation", live.translator("LayerForm"))):
            combo = self.fields[name]
            for i in range(combo.count()):
                combo.setItemText(i, words(combo.itemData(i)))
        self.formula.setToolTip(self.tr("Output size = ⌊(input + padding − kernel span) / stride⌋ "
                                        "+ 1. The kernel span is dilation·(kernel − 1) + 1."))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Show the layer as it is in the network"))
        self._on_network_changed()

    def _connect_fields(self):
        f = self.fields
        for name in ("out_channels", "kernel_size", "dilation", "out_features", "negative_slope"):
            f[name].valueChanged.connect(self._on_field_edited)
        f["stride"].valueChanged.connect(self._on_stride_edited)
        for name in ("ceil_mode", "count_include_pad", "bias", "flip"):
            f[name].toggled.connect(self._on_field_edited)
        f["padding_mode"].currentIndexChanged.connect(self._on_choice_edited)
        f["padding"].lineEdit().editingFinished.connect(self._on_padding_changed)
        f["padding"].activated.connect(self._on_padding_changed)
        f["pool_kind"].currentIndexChanged.connect(self._on_pool_kind_changed)
        f["activation"].currentIndexChanged.connect(self._on_activation_changed)

    # ------------------------------------------------------------------ edits
    def _is_pool(self):
        return isinstance(self._pending, (engine.MaxPool2d, engine.AvgPool2d))

    def _on_field_edited(self, value):
        """A spin box or check box changed; its objectName is the setting it edits."""
        self._edit(self.sender().objectName(), value)

    def _on_choice_edited(self, index):
        """A choice changed; its objectName is the setting, its item's data the value."""
        field = self.sender()
        self._edit(field.objectName(), field.itemData(index))

    def _on_stride_edited(self, stride):
        self._edit("stride", None if stride == 0 and self._is_pool() else stride)

    def _on_activation_changed(self, index):
        self._try(ACTIVATIONS[self.fields["activation"].itemData(index)](), "activation")

    def _edit(self, name, value):
        # A hidden field can still report (it loses focus as the selection moves on): only
        # settings the shown layer has are edits.
        if name in getattr(self._pending, "__dataclass_fields__", ()):
            self._try(dataclasses.replace(self._pending, **{name: value}), name)

    def _on_padding_changed(self, *_):
        if not hasattr(self._pending, "padding"):
            return
        try:
            padding = parse_padding(self.fields["padding"].currentText(),
                                    live.translator("LayerForm"))
        except ValueError as error:
            self._show_error(str(error), "padding")
            return
        if padding != self._pending.padding:
            self._edit("padding", padding)

    def _on_pool_kind_changed(self, index):
        if not self._is_pool():
            return
        spec, kind = self._pending, self.fields["pool_kind"].itemData(index)
        self._try(POOLS[kind](spec.kernel_size, spec.stride, spec.padding, spec.ceil_mode),
                  "pool_kind")

    def _try(self, spec, field):
        """Put ``spec`` at the selected layer; on refusal keep it in the form, marked red."""
        self._pending = spec
        if spec == self.state.network.layers[self._layer]:  # typed back as it is: no refusal
            self._show_network_layer()
            return
        layers = list(self.state.network.layers)
        layers[self._layer] = spec
        reason = self.state.set_layers(layers, fill(self.tr("Edit %1"),
                                                    self.state.network.names[self._layer]))
        if reason:
            self._show_error(reason, field)

    def _show_error(self, reason, field):
        self.state.refuse_edit(reason)  # kept in the form: Undo takes it back first …
        widget = self.fields[field]
        line = widget.lineEdit() if isinstance(widget, (QAbstractSpinBox, QComboBox)) else None
        if line is not None:  # … not the text typed into it (FieldGuard)
            line.setModified(False)
        self._mark(widget)
        self.error.setText(engine_text(reason))
        self.error_box.show()
        self._update_formula()

    def _mark(self, widget):
        if self._red is not None:
            mark_invalid(self._red, False)
        self._red = widget
        if widget is not None:
            mark_invalid(widget)

    # ------------------------------------------------------------- refreshes
    def _on_layer_selected(self, layer):
        if layer != self._layer or layer < 0:
            self._on_network_changed()

    def _show_network_layer(self):
        """Drop a refused edit and show the layer as the network has it (Revert, or the old
        value typed back)."""
        if self.state.edit_refused:
            self.state.drop_refused_edit()  # errorChanged('') refreshes the form
        else:
            self._on_network_changed()

    def _on_error_changed(self, reason):
        if not reason and self._red is not None:  # the refused edit was undone
            self._on_network_changed()

    def _on_network_changed(self):
        """Show the network's version of the selected layer (dropping any refused edit)."""
        layer = self.state.selected_layer
        layers = self.state.network.layers
        self._layer = layer if layer is not None and layer < len(layers) else None
        self._mark(None)
        self.error_box.hide()
        if self._layer is None:
            self._pending = None
            self.title.setText(self.tr("<b>No layer selected</b>"))
            self.help.setText(self.tr("Pick a layer in the list to see and change its settings."))
            for row in self.rows.values():
                self.form.setRowVisible(row, False)
            self.flip_note.hide()
            self.formula_box.hide()
            return
        self._pending = layers[self._layer]
        self._fill(self._pending)

    def _fill(self, spec):
        """Put ``spec``'s settings into the fields and show only the rows that apply."""
        name = self.state.network.names[self._layer]
        self.title.setText(f"<b>{name}</b> &nbsp; {describe(spec)}")
        self.help.setText(engine_text(layer_help(spec)))
        pool = self._is_pool()
        values = dataclasses.asdict(spec)
        for f in dataclasses.fields(spec):
            if f.name not in self.fields:
                self._add_field(f)
        if pool:
            values["pool_kind"] = "max" if spec.kind == "maxpool2d" else "average"
            values["stride"] = 0 if spec.stride is None else spec.stride
        if isinstance(spec, tuple(ACTIVATIONS.values())):
            values["activation"] = next(k for k, v in ACTIVATIONS.items() if isinstance(spec, v))
        for name, row in self.rows.items():
            self.form.setRowVisible(row, name in values)
        self.fields["padding_mode"].setVisible("padding_mode" in values)
        for name, widget in self.fields.items():
            if name in values:
                with QSignalBlocker(widget):
                    _set_value(widget, values[name])
        self.fields["stride"].setSpecialValueText(self.tr("same as the window") if pool else "")
        self.form.labelForField(self.rows["kernel_size"]).setText(
            self.tr("Window size") if pool else self.tr(LABELS["kernel_size"]))
        self.flip_note.setVisible("flip" in values)
        self.flip_note.setText(
            self.tr("Flipped: true convolution, as in signal processing.")
            if getattr(spec, "flip", False)
            else self.tr("Not flipped: cross-correlation, what CNN libraries compute."))
        self._update_formula()

    def _add_field(self, f):
        """A form row for a setting the hand-laid rows above do not cover, built from the
        field's metadata (label, range, choices, tooltip), as magicgui builds one from a
        signature: new kinds (and their settings) get a form without touching this file."""
        meta = f.metadata
        default = f.default if f.default is not dataclasses.MISSING else 1
        low, high = meta.get("minimum"), meta.get("maximum")
        if meta.get("choices"):
            widget = QComboBox()
            for choice in meta["choices"]:  # shown in the interface language, known by value
                widget.addItem(engine_text(str(choice)), choice)
            widget.currentIndexChanged.connect(self._on_choice_edited)
        elif isinstance(default, bool):
            widget = QCheckBox()
            widget.toggled.connect(self._on_field_edited)
        elif isinstance(default, float):
            widget = QDoubleSpinBox(decimals=5, keyboardTracking=False, singleStep=0.05,
                                    minimum=-1e6 if low is None else low,
                                    maximum=1e6 if high is None else high)
            widget.valueChanged.connect(self._on_field_edited)
        else:
            widget = _spin(0 if low is None else low, 100_000 if high is None else high)
            widget.valueChanged.connect(self._on_field_edited)
        widget.setObjectName(f.name)
        tip = meta.get("tooltip", "")
        label = meta.get("label", f.name.replace("_", " ").capitalize())
        self._metadata_texts[f.name] = (tip, label)
        widget.setToolTip(engine_text(tip))
        self.form.addRow(engine_text(label), widget)
        self.form.labelForField(widget).setToolTip(engine_text(tip))
        self.fields[f.name] = self.rows[f.name] = widget

    def _update_formula(self):
        in_shape = input_shape(self.state.network, self._layer)
        try:
            in_shape = input_shape(self.state.network, self._layer)
            lines = [engine_text(line) for line in
                     formula_lines(self._pending, in_shape, live.translator("LayerForm"))]
            per_axis = len(self._pending.formula(in_shape)) == 2
        except engine.ConfigError:
            lines, per_axis = [], False  # settings that make no window: the reason shows above
        self.formula_box.setTitle(self.tr("Output size") if per_axis else self.tr("Size"))
        self.formula.setText("\n".join(lines))
        self.formula_box.setVisible(bool(lines))


def _spin(minimum, maximum):
    spin = QSpinBox(minimum=minimum, maximum=maximum)
    # Commit on Enter, focus loss or the arrows; typing "12" must not first try a 1.
    spin.setKeyboardTracking(False)
    return spin


def _set_value(widget, value):
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setEditText(padding_text(value))
    elif isinstance(widget, QComboBox) and widget.findData(value) >= 0:
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(str(value))
    else:
        widget.setValue(value[0] if isinstance(value, tuple) else value)

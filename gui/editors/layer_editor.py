"""Edit the selected layer's settings, with its output-size formula filled in beside them.

Each field edit builds the changed spec and hands the whole stack to ``state.set_layers``. If the
engine refuses, the field turns red with its reason and the form keeps the typed value so it can
be corrected; the network (and the maps) stay as they were. Undo, or Revert, restores the form.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

import engine
from engine import ops
from gui.editors.field_style import error_label, mark_invalid, note_label
from gui.editors.layer_form import (ACTIVATIONS, PADDING_HELP, POOLS, SLIDING, formula_lines,
                                    input_shape, layer_help, padding_text, parse_padding)

_SAMPLES = ("0", "1", "2", "valid", "same", "full")

TIPS = {
    "out_channels": "How many filters this layer has. Each filter makes one output map, so this "
                    "is the depth (number of channels) of the output.",
    "kernel_size": "Width and height of the window that slides over the input. A bigger window "
                   "sees more at once but has more weights.",
    "stride": "How many pixels the window jumps between positions. Stride 2 roughly halves the "
              "output's width and height.",
    "padding": "A border added around the input before sliding, so the window can also sit on "
               "the edges. 0 = none, same = keep the size (stride 1), full = every overlap. "
               f"You can {PADDING_HELP}.",
    "padding_mode": "What the border is filled with: zeros, a mirror image of the edge (reflect), "
                    "copies of the edge pixels (replicate) or the opposite edge (circular).",
    "dilation": "Gaps between the kernel's taps. Dilation 2 spreads a 3×3 kernel over a 5×5 area: "
                "it sees further without more weights.",
    "flip": "Real convolution turns the kernel 180° before sliding it. Deep-learning libraries "
            "skip the turn (cross-correlation); a learned kernel does not care.",
    "pool_kind": "Max keeps the strongest value of each window; average keeps their mean.",
    "ceil_mode": "When the windows do not fit exactly, round the output size up, keeping a last "
                 "partial window instead of dropping it.",
    "count_include_pad": "Count the padding zeros when averaging (edges get darker) or divide "
                         "only by the real pixels in the window.",
    "activation": "The function applied to every value on its own.",
    "negative_slope": "What negative values are multiplied by (0 would be a plain ReLU).",
    "out_features": "How many numbers this layer outputs; each is a weighted sum of all inputs. "
                    "The last dense layer needs one output per class (10 digits).",
    "bias": "Add a learned constant to each output, shifting it up or down.",
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

        self.title = QLabel(textFormat=Qt.RichText)
        self.help = note_label(QLabel())
        self.fields = {
            "pool_kind": QComboBox(), "activation": QComboBox(),
            "out_channels": _spin(1, 1024), "kernel_size": _spin(1, 99), "stride": _spin(0, 99),
            "dilation": _spin(0, 99), "out_features": _spin(1, 100_000),
            "padding": QComboBox(editable=True), "padding_mode": QComboBox(),
            "negative_slope": QDoubleSpinBox(decimals=3, minimum=-10, maximum=10, singleStep=0.01,
                                             keyboardTracking=False),
            "ceil_mode": QCheckBox("round the size up"),
            "count_include_pad": QCheckBox("count the padding"),
            "bias": QCheckBox("add a bias"),
            "flip": QCheckBox("true convolution (turn the kernel 180°)"),
        }
        self.fields["padding"].addItems(_SAMPLES)
        self.fields["padding"].setInsertPolicy(QComboBox.NoInsert)
        self.fields["padding_mode"].addItems(ops.PADDING_MODES)
        self.fields["pool_kind"].addItems(POOLS)
        self.fields["activation"].addItems(ACTIVATIONS)
        labels = {"out_channels": "Filters (depth)", "kernel_size": "Kernel size",
                  "stride": "Stride", "padding": "Padding",
                  "dilation": "Dilation", "pool_kind": "Pool", "activation": "Function",
                  "negative_slope": "Negative slope", "out_features": "Outputs (units)",
                  "ceil_mode": "Ceil mode", "count_include_pad": "Average", "bias": "Bias",
                  "flip": "Flip"}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.rows = {}  # field name -> the widget in its form row (padding shares with its mode)
        for name, widget in self.fields.items():
            widget.setToolTip(TIPS[name])
            if name == "padding_mode":
                continue
            row = widget
            if name == "padding":
                row = QWidget()
                pair = QHBoxLayout(row)
                pair.setContentsMargins(0, 0, 0, 0)
                pair.addWidget(widget, 1)
                pair.addWidget(self.fields["padding_mode"], 1)
            self.form.addRow(labels[name], row)
            self.form.labelForField(row).setToolTip(TIPS[name])
            self.rows[name] = row
        self.flip_note = note_label(QLabel())

        self.formula = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.formula.setToolTip("Output size = ⌊(input + padding − kernel span) / stride⌋ + 1. "
                                "The kernel span is dilation·(kernel − 1) + 1.")
        formula_box = QGroupBox("Output size")
        QVBoxLayout(formula_box).addWidget(self.formula)
        self.formula_box = formula_box
        self.error = error_label(QLabel())
        self.revert_button = QPushButton("Revert", toolTip="Show the layer as it is in the network")
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
        self.revert_button.clicked.connect(self._on_network_changed)
        state.networkChanged.connect(self._on_network_changed)
        state.layerSelected.connect(self._on_layer_selected)
        self._on_network_changed()

    def _connect_fields(self):
        f = self.fields
        for name in ("out_channels", "kernel_size", "dilation", "out_features", "negative_slope"):
            f[name].valueChanged.connect(lambda v, name=name: self._edit(name, v))
        f["stride"].valueChanged.connect(
            lambda v: self._edit("stride", None if v == 0 and self._is_pool() else v))
        for name in ("ceil_mode", "count_include_pad", "bias", "flip"):
            f[name].toggled.connect(lambda on, name=name: self._edit(name, on))
        f["padding_mode"].currentTextChanged.connect(lambda t: self._edit("padding_mode", t))
        f["padding"].lineEdit().editingFinished.connect(self._on_padding_changed)
        f["padding"].activated.connect(self._on_padding_changed)
        f["pool_kind"].currentTextChanged.connect(self._on_pool_kind_changed)
        f["activation"].currentTextChanged.connect(
            lambda t: self._try(ACTIVATIONS[t](), "activation"))

    # ------------------------------------------------------------------ edits
    def _is_pool(self):
        return isinstance(self._pending, (engine.MaxPool2d, engine.AvgPool2d))

    def _edit(self, name, value):
        # A hidden field can still report (it loses focus as the selection moves on): only
        # settings the shown layer has are edits.
        if name in getattr(self._pending, "__dataclass_fields__", ()):
            self._try(dataclasses.replace(self._pending, **{name: value}), name)

    def _on_padding_changed(self, *_):
        if not hasattr(self._pending, "padding"):
            return
        try:
            padding = parse_padding(self.fields["padding"].currentText())
        except ValueError as error:
            self._show_error(str(error), "padding")
            return
        if padding != self._pending.padding:
            self._edit("padding", padding)

    def _on_pool_kind_changed(self, kind):
        if not self._is_pool():
            return
        spec = self._pending
        self._try(POOLS[kind](spec.kernel_size, spec.stride, spec.padding, spec.ceil_mode),
                  "pool_kind")

    def _try(self, spec, field):
        """Put ``spec`` at the selected layer; on refusal keep it in the form, marked red."""
        self._pending = spec
        if spec == self.state.network.layers[self._layer]:
            self._on_network_changed()
            return
        layers = list(self.state.network.layers)
        layers[self._layer] = spec
        reason = self.state.set_layers(layers, f"Edit {self.state.network.names[self._layer]}")
        if reason:
            self._show_error(reason, field)

    def _show_error(self, reason, field):
        self._mark(self.fields[field])
        self.error.setText(reason)
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

    def _on_network_changed(self):
        """Show the network's version of the selected layer (dropping any refused edit)."""
        layer = self.state.selected_layer
        layers = self.state.network.layers
        self._layer = layer if layer is not None and layer < len(layers) else None
        self._mark(None)
        self.error_box.hide()
        if self._layer is None:
            self._pending = None
            self.title.setText("<b>No layer selected</b>")
            self.help.setText("Pick a layer in the list to see and change its settings.")
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
        self.title.setText(f"<b>{name}</b> &nbsp; {spec.describe()}")
        self.help.setText(layer_help(spec))
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
        self.fields["stride"].setSpecialValueText("same as the window" if pool else "")
        self.form.labelForField(self.rows["kernel_size"]).setText(
            "Window size" if pool else "Kernel size")
        self.flip_note.setVisible("flip" in values)
        self.flip_note.setText(
            "Flipped: true convolution, as in signal processing." if getattr(spec, "flip", False)
            else "Not flipped: cross-correlation, what CNN libraries compute.")
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
            widget.addItems([str(c) for c in meta["choices"]])
            widget.currentTextChanged.connect(lambda t, name=f.name: self._edit(name, t))
        elif isinstance(default, bool):
            widget = QCheckBox()
            widget.toggled.connect(lambda on, name=f.name: self._edit(name, on))
        elif isinstance(default, float):
            widget = QDoubleSpinBox(decimals=5, keyboardTracking=False, singleStep=0.05,
                                    minimum=-1e6 if low is None else low,
                                    maximum=1e6 if high is None else high)
            widget.valueChanged.connect(lambda v, name=f.name: self._edit(name, v))
        else:
            widget = _spin(0 if low is None else low, 100_000 if high is None else high)
            widget.valueChanged.connect(lambda v, name=f.name: self._edit(name, v))
        tip = meta.get("tooltip", "")
        widget.setToolTip(tip)
        self.form.addRow(meta.get("label", f.name.replace("_", " ").capitalize()), widget)
        self.form.labelForField(widget).setToolTip(tip)
        self.fields[f.name] = self.rows[f.name] = widget

    def _update_formula(self):
        try:
            lines = formula_lines(self._pending, input_shape(self.state.network, self._layer))
        except engine.ConfigError:
            lines = []  # no formula for settings that make no window; the reason shows above
        self.formula_box.setTitle("Output size" if self._pending.kind in SLIDING else "Size")
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
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(str(value))
    else:
        widget.setValue(value[0] if isinstance(value, tuple) else value)

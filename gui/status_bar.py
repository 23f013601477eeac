"""The status bar: network size and cost, the last forward time (or a busy bar while a dear
forward runs in the worker), and the value under the cursor."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from gui.i18n import fill, live
from gui.present.formatting import number
from gui.present.naming import shape_text, unit_name


def _count(n):
    """12,345 below a million, 1.23 M above."""
    return f"{n:,}" if n < 1_000_000 else f"{n / 1e6:.2f} M"


class StatusBar(QStatusBar):
    """Input size, parameters, multiply-adds and forward time; the hovered unit's value."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.state = state
        self.hover_label = QLabel(self)
        self.network_label = QLabel(self)
        self.time_label = QLabel(self)
        self.busy_bar = QProgressBar(self, minimum=0, maximum=0, textVisible=False)  # indeterminate
        self.busy_bar.setMaximumSize(80, self.time_label.sizeHint().height())  # no taller bar
        live.bind_text(self, self.busy_bar.setToolTip, lambda self: self.tr(
            "The maps are being computed; the ones shown are the last ones"))
        self.busy_bar.hide()
        self.addWidget(self.hover_label, 1)
        self.addPermanentWidget(self.network_label)
        self.addPermanentWidget(self.busy_bar)
        self.addPermanentWidget(self.time_label)
        state.layersChanged.connect(self._on_layers_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.hoveredChanged.connect(self._on_hovered_changed)
        state.historyTrimmed.connect(self._on_history_trimmed)
        state.forwardRunningChanged.connect(self._on_forward_running_changed)
        self._on_layers_changed()
        self._on_activations_changed()
        live.on_language_change(self, self._on_layers_changed)
        live.on_language_change(self, self._on_activations_changed)

    def _on_layers_changed(self):
        net = self.state.network
        rows = net.summary()
        shape = shape_text(net.input_shape)
        self.network_label.setText(fill(
            self.tr("input %1  ·  %2 parameters  ·  %3 multiply-adds"), shape,
            _count(sum(r['params'] for r in rows)), _count(sum(r['macs'] for r in rows))))

    def _on_history_trimmed(self, dropped):
        megabytes = self.state.undo_budget // 2**20
        self.showMessage(fill(self.tr("Undo history full: the oldest step was dropped (the "
                                      "history keeps %1 MB).") if dropped == 1 else
                              self.tr("Undo history full: the oldest %2 steps were dropped (the "
                                      "history keeps %1 MB)."), megabytes, dropped), 15000)

    def _on_activations_changed(self):
        self._on_forward_running_changed(self.state.forward_running)
        self._on_hovered_changed()

    def _on_forward_running_changed(self, running):
        self.busy_bar.setVisible(running)
        milliseconds = self.state.forward_ms
        # a few changed pixels recompute in microseconds: "0.0 ms" would read as nothing done
        shown = f"{milliseconds:.1f}" if milliseconds >= 0.05 else "< 0.1"
        self.time_label.setText(self.tr("·  computing the maps…") if running else
                                fill(self.tr("·  forward %1 ms"), shown))

    def _on_hovered_changed(self):
        self.hover_label.setText(self.unit_text(self.state.hovered))

    def unit_text(self, unit):
        """'conv1 · filter 4 · row 5 · col 7 = 0.734' for a unit of the maps, else ''."""
        activations = self.state.activations
        if unit is None or unit.layer >= len(activations):
            return ""
        maps = activations[unit.layer]
        index = (unit.channel,) if maps.ndim == 1 else (unit.channel, unit.row, unit.col)
        if any(i >= n for i, n in zip(index, maps.shape)):
            return ""
        name = unit_name(self.state.network, unit, live.translator("naming"))
        return f"{name} = {number(maps[index], 4)}"

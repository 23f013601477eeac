"""Unit inspector: the arithmetic behind the pinned (or hovered) unit, number by number."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QScrollArea,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

import engine
from gui.i18n import fill, live
from gui.i18n.engine_messages import describe, engine_text
from gui.present.formatting import conv_sum_lines, factor, number, sum_terms
from gui.present.naming import input_channel_name, unit_name
from gui.lazy_redraw import LazyRedraw
from gui.explain.number_grid import NumberGrid, cell_colour, text_colour

#: input channels a conv unit's page draws (window, kernel, products each); a 1024-channel layer
#: would otherwise build thousands of grids and freeze the window
MAX_CHANNEL_GRIDS = 16


def _text(text, word_wrap=True, name=None):
    label = QLabel(text, wordWrap=word_wrap, textInteractionFlags=Qt.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _window_index(explanation, position):
    """Where input (row, col) ``position`` sits in the explanation's window grid."""
    return (int(np.flatnonzero(explanation.rows == position[0])[0]),
            int(np.flatnonzero(explanation.cols == position[1])[0]))


class _Table(QTableWidget):
    """A compact read-only table sized to its rows; the ``colour`` column is value-coloured."""

    def __init__(self, headers, rows, colour=None, highlight=None):
        super().__init__(len(rows), len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        scale = max((abs(r[colour][1]) for r in rows), default=0.0) if colour is not None else 0
        for r, row in enumerate(rows):
            for c, (text, value) in enumerate(row):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignCenter)
                if c == colour:
                    background = cell_colour(value, scale)
                    item.setBackground(background)
                    item.setForeground(text_colour(background))
                if r == highlight:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(len(rows)))
        width = sum(self.columnWidth(c) for c in range(len(headers)))
        self.setFixedSize(width + 2 * self.frameWidth(), height + 2 * self.frameWidth())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)


class UnitInspector(QWidget):
    """Renders ``state.network.explain(...)`` for ``state.pinned`` (else ``state.hovered``).

    ``explanation`` is the engine's Explanation shown (None when no unit), ``equation`` the label
    with the final "Σ products + bias = pre-activation → activation" line.
    """

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("unitInspector")
        self.state = state
        self.explanation = None
        self._shown = None
        self._page_key = None
        self._fill = None
        # Behind another dock tab it explains nothing until shown: hover and pen change the
        # unit or its numbers every frame.
        self._show_when_seen = LazyRedraw(self, lambda self: self._show(self.unit))
        self.title = _text("", word_wrap=False, name="inspectorTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.title.setFont(font)
        self.subtitle = _text("")
        self.equation = _text("", name="equation")
        self.erf_box = QCheckBox(objectName="erfToggle")
        live.bind_text(self, self.erf_box.setText,
                       lambda self: self.tr("Effective receptive field"))
        live.bind_text(self, self.erf_box.setToolTip, lambda self: self.tr(
            "Heatmap on the canvas: how strongly each input pixel changes the pinned unit "
            "(|∂unit/∂pixel|). It is strongest near the window's centre."))
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        # The layer's description beside the unit's name, and slim margins and spacing: at
        # 1400×900 a 5×5 window, its sum and its note show whole, in Chinese (taller lines) too.
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(8)
        header.addWidget(self.subtitle, 1)
        header.addWidget(self.erf_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 2, 9, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.equation)
        state.selectionChanged.connect(self._on_selection_changed)
        state.activationsChanged.connect(self._on_activations_changed)
        state.overlayChanged.connect(self._on_overlay_changed)
        self.erf_box.toggled.connect(state.set_erf_enabled)
        self._on_selection_changed()
        self._on_overlay_changed()
        live.on_language_change(self, self._on_language_changed)

    @property
    def unit(self):
        """The unit being explained: the pinned one, else the hovered one, else None."""
        return self.state.focus_unit

    def _on_selection_changed(self):
        self._show_when_seen()

    def _on_overlay_changed(self):
        self.erf_box.blockSignals(True)
        self.erf_box.setChecked(self.state.erf_enabled)
        self.erf_box.blockSignals(False)

    def _on_language_changed(self):
        self._shown = self._page_key = None  # the page's captions are words too
        self._show_when_seen()

    def _on_activations_changed(self):
        self._shown = None
        self._show_when_seen()

    def _show(self, unit):
        # pinned or hovered is in the header: a hovered unit clicked is the same unit, pinned
        shown = (unit, unit == self.state.pinned, id(self.state.activations))
        if shown == self._shown:
            return
        if self.state.fresh_activations is None:
            return  # the maps are a forward behind the network: the page follows them
        self._shown = shown
        e = self.explanation = self._explain(unit)
        # While the pointer moves over one conv map the page keeps its widgets: only numbers change.
        key = (self.state.network, unit.layer) if isinstance(e, engine.ConvExplanation) else None
        if key is None or key != self._page_key:
            body = QWidget()
            rows = QVBoxLayout(body)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(2)
            self._fill = self._build_page(e, rows)
            rows.addStretch(1)
            # QScrollArea sizes its widget once, when given it: hand it over only when complete.
            self.scroll.setWidget(body)
            self._page_key = key
        self.equation.setText("" if e is None else self._fill(e) + self._activation_suffix(unit))

    def _explain(self, unit):
        """The unit's Explanation with the header set, or None (and a hint) without a unit."""
        network = self.state.network
        if unit is None or unit.layer >= len(network.layers):
            self.title.setText(self.tr("Unit inspector"))
            self.subtitle.setText(self.tr("Hover over a unit in the activation maps to see how it "
                                          "is computed; click to pin it (arrow keys move it, Esc "
                                          "unpins)."))
            return None
        try:
            explanation = network.explain(unit.layer, unit.channel, unit.row, unit.col,
                                          x=self.state.model_input,
                                          outputs=self.state.fresh_activations)
        except (IndexError, engine.ConfigError):
            return None  # a stale unit or drawing while the network is replaced: maps follow
        where = self.tr("(pinned)") if unit == self.state.pinned else self.tr("(hovered)")
        self.title.setText(f"{unit_name(network, unit, live.translator('naming'))}   {where}")
        self.subtitle.setText(describe(network.layers[unit.layer]))
        return explanation

    def _build_page(self, e, rows):
        """Lay out the page for ``e`` in ``rows``; returns fill(e) → the equation text."""
        if e is None:
            return lambda _: ""
        if isinstance(e, engine.ConvExplanation):
            return self._conv(e, rows)
        render = {engine.PoolExplanation: self._pool, engine.DenseExplanation: self._dense,
                  engine.SoftmaxExplanation: self._softmax,
                  engine.TransposedConvExplanation: self._transposed,
                  engine.BatchNormExplanation: self._batch_norm}.get(type(e), self._elementwise)
        equation = render(e, rows)
        return lambda _: equation

    def _activation_suffix(self, unit):
        """' → relu1: 0' when the next layer is an activation applied to this unit."""
        network, nxt = self.state.network, unit.layer + 1
        if nxt >= len(network.layers) or not network.layers[nxt].elementwise:
            return ""
        if nxt >= len(self.state.activations):
            return ""
        out = self.state.activations[nxt]
        index = (unit.channel,) if out.ndim == 1 else (unit.channel, unit.row, unit.col)
        return f"  →  {network.names[nxt]}: {number(out[index])}"

    # --------------------------------------------------------------- kinds
    def _conv(self, e, rows):
        """Grids (window × kernel = products) and the sum per input channel; returns the filler."""
        channels = len(e.window)
        drawn = min(channels, MAX_CHANNEL_GRIDS)
        captions = (self.tr("input window"),
                    self.tr("kernel (flipped 180°)") if e.flipped else self.tr("kernel"),
                    self.tr("products"))
        grids, sums = [], []
        network = self.state.network
        all_channels = (network.shapes[e.layer - 1] if e.layer else network.input_shape)[0]
        if channels < all_channels:
            first, last = int(e.channels[0]) + 1, int(e.channels[-1]) + 1
            seen = (fill(self.tr("input channel %1"), first) if first == last
                    else fill(self.tr("input channels %1–%2"), first, last))
            rows.addWidget(_text(fill(self.tr(
                "Grouped convolution: this filter sees only %1 of %2, its group's share (%3 "
                "groups); the other channels have their own filters."), seen, all_channels,
                all_channels // channels), name="note"))
        arrays, scales = _conv_grids(e)
        for c in range(drawn):
            if channels > 1 or channels < all_channels:
                rows.addWidget(_text(input_channel_name(self.state.network, e.layer,
                                                        int(e.channels[c]),
                                                        live.translator("naming"))))
            line = QHBoxLayout()
            grids.append([])
            for i, caption in enumerate(captions):
                if i:
                    line.addWidget(QLabel("×" if i == 1 else "="), 0, Qt.AlignCenter)
                # with the numbers fill_numbers() gives it, so that it does not format them twice
                grids[c].append(NumberGrid(arrays[i][c], caption, scales[i],
                                           None if i == 1 else e.padded))
                line.addWidget(grids[c][i], 0, Qt.AlignBottom)
            line.addStretch(1)
            rows.addLayout(line)
            sums.append(_text(""))
            rows.addWidget(sums[c])
        if channels > drawn:
            rows.addWidget(_text(fill(self.tr("Input channels %1–%2 are not drawn; their sums "
                                              "are in the total below."),
                                      int(e.channels[drawn]) + 1, int(e.channels[-1]) + 1)))
        note = _text("", name="note")
        rows.addWidget(note)

        def fill_numbers(e):
            lines = conv_sum_lines(e.window, e.kernel, e.bias, e.value,
                                   channel=self.tr("channel %1"),
                                   total=self.tr("Σ products + bias"))
            arrays, scales = _conv_grids(e)
            for c, row in enumerate(grids):
                for i, (grid, values, scale) in enumerate(zip(row, arrays, scales)):
                    grid.set_values(values[c], scale, None if i == 1 else e.padded)
                sums[c].setText(lines[c])
            note.setText(fill(self.tr("Hatched cells are padding (%1)."),
                              engine_text(e.padding_mode))
                         if e.padded.any() else "")
            note.setVisible(bool(e.padded.any()))
            return lines[-1]
        return fill_numbers

    def _pool(self, e, rows):
        is_max = e.winner is not None
        marked = _window_index(e, e.winner) if is_max else None
        rows.addWidget(NumberGrid(e.window, self.tr("window"), padding=e.padded, marked=marked),
                       0, Qt.AlignLeft)
        if is_max:
            wins = fill(self.tr("The framed cell wins: input row %1, col %2."), *e.winner)
            if e.padded.any():  # only a window over the padding has cells that cannot win
                wins += self.tr(" Padding counts as −∞, so it never wins.")
            rows.addWidget(_text(wins))
            return fill(self.tr("max(window) = %1"), number(e.value))
        total = float(e.window[~e.padded].sum())
        if not e.padded.any():
            note = self.tr("The window lies inside the input: no padding.")
        elif e.padded_count:
            note = fill(self.tr("Padding counted: its %1 cells add 0 to the sum but count in the "
                                "divisor."), e.padded_count)
        else:
            note = self.tr("Padding not counted: only the real pixels are averaged.")
        rows.addWidget(_text(note, name="note"))
        terms = sum_terms([number(v) for v in e.window[~e.padded]])
        return fill(self.tr("mean = (%1) / %2 = %3 / %2 = %4"), terms, e.divisor, number(total),
                    number(e.value))

    def _dense(self, e, rows):
        network = self.state.network
        # After a flatten, name the map position each input came from.
        before = e.layer - 1
        flattened = (network.shapes[before - 1] if before > 0 else network.input_shape) \
            if before >= 0 and isinstance(network.layers[before], engine.Flatten) else None

        def source(c):
            position = c.position
            if position is None and flattened is not None:
                position = np.unravel_index(c.index, flattened)
            if position is None:
                return f"#{c.index}"
            return fill(self.tr("#%1: ch %2, row %3, col %4"), c.index, position[0] + 1,
                        position[1], position[2])
        table = [[(source(c), 0.0), (number(c.input), c.input), (number(c.weight), c.weight),
                  (number(c.product), c.product)] for c in e.contributions]
        shown = len(e.contributions)
        rows.addWidget(_text(fill(self.tr("The %1 largest of %2 contributions input · weight:"),
                                  shown, e.inputs)))
        rows.addWidget(_Table((self.tr("input"), self.tr("value"), self.tr("weight"),
                               self.tr("value·weight")), table, colour=3))
        terms = [number(e.contributions[0].product)] + [factor(c.product)
                                                         for c in e.contributions[1:]]
        rest = (fill(self.tr(" + %1 (other %2)"), factor(e.rest), e.inputs - shown)
                if e.inputs > shown else "")
        total = self.tr("Σ products + bias")
        return (f"{total} = {sum_terms(terms, max_terms=4)}{rest} + {factor(e.bias)} = "
                f"{number(e.value)}")

    def _softmax(self, e, rows):
        table = [[(str(i), 0.0), (number(z), z), (number(x), x), (number(x / e.normalizer),
                                                                   x / e.normalizer)]
                 for i, (z, x) in enumerate(zip(e.logits, e.exps))]
        rows.addWidget(_text(fill(self.tr("e^(z − %1) for every input z (subtracting the largest "
                                          "keeps the exponentials finite), then each divided by "
                                          "their sum %2:"), number(e.shift), number(e.normalizer))))
        rows.addWidget(_Table((self.tr("class"), "z", "e^(z − max)", "p"), table, colour=3,
                              highlight=e.index))
        return (f"p = e^({number(e.logits[e.index])} − {number(e.shift)}) / Σ = "
                f"{number(e.exps[e.index])} / {number(e.normalizer)} = {number(e.value)}")

    def _transposed(self, e, rows):
        s = e.stamps
        table = [[(fill(self.tr("ch %1, row %2, col %3"), t.channel + 1, t.row, t.col), 0.0),
                  (number(t.input), t.input), (f"({t.tap[0]}, {t.tap[1]})", 0.0),
                  (number(t.weight), t.weight), (number(t.product), t.product)] for t in s]
        rows.addWidget(_text(
            self.tr("Each input unit stamps the kernel, times its value, onto the output, stride "
                    "apart.") + " " +
            fill(self.tr("%n input unit(s) × kernel tap reach this unit (input row·stride − "
                         "padding + tap row·dilation = %1):", "", len(s)), e.row)))
        if s:
            rows.addWidget(_Table((self.tr("input unit"), self.tr("value"), self.tr("tap"),
                                   self.tr("weight"), self.tr("value·weight")), table, colour=4))
        terms = sum_terms([number(s[0].product)] + [factor(t.product) for t in s[1:]],
                          max_terms=6) if s else "0"
        return fill(self.tr("Σ stamps + bias = %1 + %2 = %3"), terms, factor(e.bias),
                    number(e.value))

    def _batch_norm(self, e, rows):
        rows.addWidget(_text(self.tr(
            "Batch norm shifts and scales each channel by its running mean and variance "
            "(learned while training), then by the learned γ (weight) and β (bias):")))
        rows.addWidget(_text(fill(self.tr("mean %1, variance %2, eps %3, γ %4, β %5"),
                                  number(e.mean), number(e.var), f"{e.eps:g}", number(e.weight),
                                  number(e.bias))))
        return fill(self.tr("(x − mean) / √(var + eps) · γ + β = (%1 − %2) / √(%3 + %4) · %5 + %6 "
                            "= %7 · %5 + %6 = %8"),
                    number(e.input), number(e.mean), number(e.var), f"{e.eps:g}",
                    number(e.weight), number(e.bias), number(e.normalized), number(e.value))

    def _elementwise(self, e, rows):
        if isinstance(e, engine.FlattenExplanation):
            if len(e.source) == 1:  # after a dense layer: the input is a list already
                rows.addWidget(_text(fill(self.tr("Flatten copies input position %1 to position "
                                                  "%2: its input is one list already."),
                                          e.source[0], e.channel)))
            else:
                c, r, k = e.source
                rows.addWidget(_text(fill(self.tr("Flatten copies input channel %1, row %2, col "
                                                  "%3 to position %4."), c + 1, r, k, e.channel)))
            return fill(self.tr("value = %1"), number(e.value))
        rows.addWidget(_text(fill(self.tr("%1(x) = %2, applied to this one unit."), e.function,
                                  e.formula)))
        return f"{e.function}({number(e.input)}) = {number(e.value)}"


def _conv_grids(e):
    """(window, kernel, products) of a ConvExplanation, and the colour scale each shares over
    its channels."""
    arrays = (e.window, e.kernel, e.products)
    return arrays, [float(np.abs(a).max(initial=0.0)) for a in arrays]

"""The application state: the one object that owns the network, the input image and the selection.

Widgets edit it through its methods and redraw on its signals; they never talk to each other.
Every change a user can make is an undoable command on ``undo_stack``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

import engine
from engine.erf import effective_receptive_field
from engine.examples import pin_unit
from engine import partial_forward
from gui import undo
from gui.background_task import BackgroundTask, weights_key
from gui.drawing.brush import default_brush
from gui.i18n import QT_TRANSLATE_NOOP, fill
from gui.i18n.engine_messages import engine_text

#: multiply-adds of a forward run on the GUI thread: about a frame's work (bench/event_loop.py
#: measures the engine's rate and the event loop's longest stall); a dearer forward runs in a
#: worker thread while the last maps stay shown
FRAME_MULT_ADDS = 50_000_000


@dataclass(frozen=True)
class Unit:
    """One unit of an activation map; ``layer`` is an index into ``network.layers``."""

    layer: int
    channel: int
    row: int
    col: int


def copy_params(params):
    """A deep copy of ``params`` (one dict of arrays per layer, as ``Network.params``)."""
    return [{name: value.copy() for name, value in p.items()} for p in params]


def _snapshot(net, params=None):
    """Everything needed to restore a network: its input shape, layer specs, weight copies (of
    ``params`` instead of its own when given) and input normalisation."""
    return (net.input_shape, list(net.layers),
            copy_params(net.params if params is None else params), net.normalization)


def _snapshot_cost(*sides):
    """Bytes the weights and drawings of undo sides (snapshot, drawing, ...) keep."""
    return sum(sum(a.nbytes for params in snapshot[2] for a in params.values()) + drawing.nbytes
               for snapshot, drawing, *_ in sides)


class AppState(QObject):
    """Owns the network, the drawn image, the forward results, the selection and the undo stack.

    Signals
    -------
    layersChanged : the layer stack or the input shape changed (and with them the weights).
    weightsChanged : only the weights changed; the layers are the same.
    networkChanged : either of the two above.
    imageChanged : the drawn image changed (live while a stroke goes on).
    activationsChanged : a new forward pass is in ``activations`` (wait for it after an edit:
        a forward that costs more than ``frame_mult_adds`` runs in a worker thread).
    forwardRunningChanged(bool) : a forward started (True) or stopped (False) running in the
        worker thread; the maps shown meanwhile are the last ones.
    pinnedChanged : ``pinned`` changed.
    hoveredChanged : ``hovered`` changed.
    selectionChanged : either of the two above.
    layerSelected(int) : the layer (or its filter/channel) chosen for editing changed.
    errorChanged(str) : the reason the last edit was refused ("" once an edit succeeds, or the
        refused edit is undone).
    brushChanged : ``brush_size`` or ``eraser`` changed (also when a new input size resets it).
    overlayChanged : ``input_overlay`` (a heatmap drawn over the canvas) or ``erf_enabled`` changed.
    lessonChanged : a lesson (``engine.examples.Example``) was opened or closed.
    historyTrimmed(int) : that many of the oldest undo steps were dropped to keep the history
        within ``gui.undo.UNDO_BUDGET`` bytes.
    trainingChanged(bool) : training started (True) or ended (False); edits of the network
        (weights, layers, input size, another network, and undoing or redoing such steps) are
        refused while it runs, since its result would overwrite them (``TRAINING_NOTE``).
    """

    layersChanged = Signal()
    weightsChanged = Signal()
    networkChanged = Signal()
    imageChanged = Signal()
    activationsChanged = Signal()
    forwardRunningChanged = Signal(bool)
    pinnedChanged = Signal()
    hoveredChanged = Signal()
    selectionChanged = Signal()
    layerSelected = Signal(int)
    errorChanged = Signal(str)
    brushChanged = Signal()
    overlayChanged = Signal()
    lessonChanged = Signal()
    trainingChanged = Signal(bool)
    historyTrimmed = Signal(int)

    #: why an edit of the network is refused while training runs (translate it when showing it)
    TRAINING_NOTE = QT_TRANSLATE_NOOP(
        "AppState", "Training is running: its result would overwrite changes to the network "
        "(weights, layers, undoing them), so they wait until it ends (Cancel training stops it; "
        "the drawing can still change).")

    def __init__(self, network, parent=None):
        super().__init__(parent)
        self.network = network
        self.undo_stack = QUndoStack(self)
        self.undo_budget = undo.UNDO_BUDGET
        # after the event that pushed, so that an open undo macro is never cut
        self._trim_timer = QTimer(self, singleShot=True, interval=0)
        self._trim_timer.timeout.connect(self._trim_history)
        self.image = np.zeros(drawing_shape(network.input_shape), np.float32)
        self._committed_image = self.image.copy()
        self.brush_size = default_brush(self.image_size)  # diameter in input pixels
        self.eraser = False  # the left button erases too
        self.preprocess = False
        self.pixels = np.zeros(network.input_shape, np.float32)
        # Layers whose weights a change of the layers or the input size replaced with random
        # ones (their shapes no longer fit): the network is no longer the trained one there.
        self.reinitialized = frozenset()
        self.centring = None  # engine.Centring of the drawing while the network sees it centred
        self.model_input = np.zeros(network.input_shape, np.float32)
        self.activations = []
        self.forward_ms = 0.0
        self.frame_mult_adds = FRAME_MULT_ADDS
        self.error = ""
        #: an editor shows a refused edit (``refuse_edit``): Undo takes that back first (the
        #: editor shows the network again), not the step before it
        self.edit_refused = False
        self.undo_stack.indexChanged.connect(self.drop_refused_edit)  # a step is the last thing
        self.selected_layer = None
        self.selected_filter = 0
        self.selected_channel = 0
        self.pinned = None
        self.hovered = None
        self.input_overlay = None
        self.input_overlay_signed = False
        self.erf_enabled = False
        self.training = False
        self.lesson = None
        # Pen events arrive faster than frames: they only mark the forward as due, and one
        # zero-delay timer runs it once per event-loop pass.
        self._recompute_timer = QTimer(self, singleShot=True, interval=0)
        self._recompute_timer.timeout.connect(self._on_forward_due)
        # (network, model input) the current maps were computed from: the next forward then only
        # recomputes the units the changed pixels reach (engine.partial_forward; bench/gui_costs.py
        # compares it with a full forward). Any network edit forgets it.
        self._forward_base = None
        # A dear forward runs in the worker on a copy of the network (undo patches edit the
        # weights in place) made once per network version; each forward asked for gets a
        # generation, and maps older than the ones shown are dropped.
        self._forward_task = BackgroundTask(self)
        self._forward_task.succeeded.connect(self._on_worker_forward_done)
        self._forward_task.failed.connect(self._on_worker_forward_failed)
        self._network_version = 0
        self._network_snapshot = None  # (version, network copy)
        self._weights_key = None  # (version, gui.background_task.weights_key of the network)
        self._generation = self._published = 0
        self._worker_version = None  # the network version the running worker forward is for
        self._forward_waiting = False  # the drawing changed while the worker ran
        self.networkChanged.connect(self._forget_forward_base)
        self._run_forward(allow_worker=True)

    # ----------------------------------------------------------------- image
    @property
    def image_size(self):
        """(H, W) of the drawing (and of the network's input)."""
        return self.image.shape[-2:]

    def show_image(self, image):
        """Show ``image`` live without an undo entry (while a stroke is being drawn); it has the
        drawing's shape: (H, W) grey, or (3, H, W) for a colour network."""
        self.image = np.asarray(image, np.float32)
        self.imageChanged.emit()
        self._schedule()

    def set_image(self, image, text=None):
        """Make ``image`` the drawing, as one undoable step from the last committed one; ``text``
        names the step in Edit ▸ Undo. A grey (H, W) image on a colour network is grey in every
        channel; a colour (3, H, W) image on a grey network becomes the mean of its channels;
        other sizes are resampled."""
        after = fit_drawing(np.array(image, np.float32), self.network.input_shape)
        before, after = undo.patches(self._committed_image, after)
        self._push(undo.Command(text or self.tr("Draw"), self._apply_image, before, after,
                                undo.patch_cost(before, after)))

    def clear_image(self):
        self.set_image(np.zeros_like(self.image), self.tr("Clear"))

    def _apply_image(self, patch):
        self._committed_image = patch.apply_to(self._committed_image)
        self.show_image(self._committed_image.copy())

    def set_brush_size(self, diameter):
        """Brush diameter in input pixels, kept between 0.5 and half the input's side, to a
        tenth (as the brush box and the canvas caption show it)."""
        diameter = round(float(np.clip(diameter, 0.5, max(self.image_size) / 2)), 1)
        if diameter != self.brush_size:
            self.brush_size = diameter
            self.brushChanged.emit()

    def set_eraser(self, enabled):
        if bool(enabled) != self.eraser:
            self.eraser = bool(enabled)
            self.brushChanged.emit()

    def set_preprocess(self, enabled):
        """Feed the network the MNIST-style centred digit (True) or the raw drawing (False)."""
        self.preprocess = bool(enabled)
        self._schedule()

    # --------------------------------------------------------------- network
    def set_layers(self, layers, text=None):
        """Replace the layer stack; keeps weights that still fit. Returns the refusal or ''."""
        return self._try_network(lambda: self.network.rebuilt(layers),
                                 text or self.tr("Edit layers"), self._refitted)

    def set_input_shape(self, input_shape, text=None):
        """Change the model input to ``input_shape`` (C, H, W); the drawing is resampled and the
        weights that still fit (conv kernels; not a dense layer after a new flatten size) are kept."""
        return self._try_network(
            lambda: self.network.rebuilt(self.network.layers, input_shape=input_shape),
            text or self.tr("Change input size"), self._refitted)

    def set_network(self, network, text=None):
        """Make ``network`` current (loaded file, trained weights) as one undoable step; it
        counts as it is (no layer marked re-initialized)."""
        return self._try_network(lambda: network, text or self.tr("Replace network"))

    def _refitted(self, network):
        """``reinitialized`` for ``network``, rebuilt from the current one: the layers it
        continues whose weights no longer fit (so are random now), and those already marked."""
        marks = set()
        for new, old in enumerate(self.network.aligned_layers(network.layers)):
            if old is None or not network.params[new]:
                continue  # an inserted layer is new, not re-initialized
            if _shapes(self.network.params[old]) != _shapes(network.params[new]) or \
                    old in self.reinitialized:
                marks.add(new)
        return frozenset(marks)

    def set_param(self, layer, name, value, text=None):
        """Set ``network.params[layer][name]`` to ``value`` (same shape) as one undoable step.

        Returns the refusal or '': values that are not finite float32 numbers (NaN, infinity,
        beyond ±3.4e38) would turn every map after the layer into NaN, so they are refused.
        """
        if self._refused_while_training():
            return self.error
        current = self.network.params[layer][name]
        with np.errstate(over="ignore", invalid="ignore"):
            value = np.asarray(value, np.float64).astype(current.dtype).reshape(current.shape)
        if not np.isfinite(value).all():
            self._set_error(fill(self.tr("the %1 of layer %2 would hold values that are not "
                                         "finite 32-bit numbers (NaN, infinity or beyond "
                                         "±3.4e38)"), engine_text(name), layer + 1))
            return self.error
        self._set_error("")
        before, after = undo.patches(current, value)
        self._push(undo.Command(text or self.tr("Edit weights"),
                                lambda patch: self._apply_param(layer, name, patch), before,
                                after, undo.patch_cost(before, after), changes_network=True))
        return ""

    def _apply_param(self, layer, name, patch):
        patch.write_into(self.network.params[layer][name])
        self._network_changed(layers=False)

    def set_training(self, running):
        """Say that training runs (True) or ended (False); see ``trainingChanged``."""
        if bool(running) != self.training:
            self.training = bool(running)
            self.trainingChanged.emit(self.training)

    def show_params(self, params):
        """Show ``params`` (one dict per layer, shaped like ``network.params``) live without an undo
        entry, e.g. each epoch while training runs; the values are copied in place."""
        for current, new in zip(self.network.params, params):
            for name, value in new.items():
                current[name][...] = value
        self._network_changed(layers=False)

    def set_weights(self, params, text=None, before=None):
        """Make ``params`` (shaped like ``network.params``) the weights as one undoable step.

        ``before``: the weights undo goes back to, when the ones shown are a live preview
        (``show_params`` while training) rather than the last committed ones.
        """
        if before is not None:
            self.show_params(before)
        drawing = self._committed_image.copy()
        # Trained weights are the network as it is: no layer stays marked re-initialised.
        before = (_snapshot(self.network), drawing, self.reinitialized)
        after = (_snapshot(self.network, params), drawing, frozenset())
        self._push(undo.Command(text or self.tr("Set weights"), self._apply_snapshot, before,
                                after, _snapshot_cost(before, after), changes_network=True))

    @property
    def weights_key(self):
        """``gui.background_task.weights_key`` of the network (to cache work on it), hashed once
        per version of the network rather than by every view that asks."""
        if self._weights_key is None or self._weights_key[0] != self._network_version:
            self._weights_key = (self._network_version, weights_key(self.network))
        return self._weights_key[1]

    def network_copy(self, fresh=False):
        """A copy of the network to work on elsewhere (a training worker): the same weights, or
        freshly initialized ones (seed 0) when ``fresh``."""
        net = self.network
        params = None if fresh else copy_params(net.params)
        return engine.Network(net.input_shape, list(net.layers), params=params, seed=0 if fresh
                              else net.seed, normalization=net.normalization)

    def resize_kernels(self, layer, spec, filter_index, values, text):
        """Give conv ``layer`` the new ``spec`` (other kernel size) and filter ``filter_index``
        the kernels ``values`` (C, kh, kw), as one undoable step; the other filters get fresh
        weights. Returns the refusal or ''."""
        def build():
            layers = list(self.network.layers)
            layers[layer] = spec
            network = self.network.rebuilt(layers)
            network.params[layer]["weight"][filter_index] = values
            return network
        return self._try_network(build, text, self._refitted)

    def reorder_layers(self, order, text=None):
        """Put layer ``order[i]`` at position i, as one undoable step. Moved layers keep their
        weights where their shapes still fit; the selection follows its layer. Returns the
        refusal or ''."""
        net, selected = self.network, self.selected_layer

        def build():
            layers = [net.layers[i] for i in order]
            fresh = net.rebuilt(layers)
            # rebuilt() matches layers like a text diff, which sees a move as delete + insert.
            params = [old if _shapes(old) == _shapes(new) else new
                      for old, new in zip((net.params[i] for i in order), fresh.params)]
            return engine.Network(net.input_shape, layers, params=params, seed=net.seed,
                                  normalization=net.normalization)
        reason = self._try_network(build, text or self.tr("Reorder layers"), self._refitted)
        if not reason and selected is not None:
            self.select_layer(order.index(selected))
        return reason

    def load_lesson(self, example, network, image):
        """Make a lesson of ``engine.examples`` current: its ``network`` and drawing ``image``
        (H, W) as one undo step; then pin its unit and select its layer. Returns the refusal
        (while training runs) or ''."""
        if self._refused_while_training():
            return self.error
        title = engine_text(example.title)
        self.undo_stack.beginMacro(fill(self.tr("Example: %1"), title))
        self.set_network(network, title)  # never refused: Network() validated it
        self.set_image(image, title)
        self.undo_stack.endMacro()
        self.recompute()  # the pin below needs this network's maps, not the old ones
        self.set_lesson(example)
        unit = pin_unit(example, self.activations)
        self.pin(None if unit is None else Unit(*unit))
        self.select_layer(example.select)  # after the pin, which selects its own layer
        return ""

    def _try_network(self, build, text, marks=lambda network: frozenset()):
        if self._refused_while_training():
            return self.error
        try:
            network = build()
        except engine.ConfigError as error:
            self._set_error(str(error))
            return self.error
        # The drawing travels with the network: undoing a change of input size must bring back
        # the drawing itself, not a copy resampled there and back.
        drawing = self._committed_image
        resized = fit_drawing(drawing, network.input_shape)
        before = (_snapshot(self.network), drawing.copy(), self.reinitialized)
        after = (_snapshot(network), resized.copy(), marks(network))
        self._push(undo.Command(text, self._apply_snapshot, before, after,
                                _snapshot_cost(before, after), changes_network=True))
        self._set_error("")
        return ""

    def _apply_snapshot(self, snapshot):
        (input_shape, layers, params, normalization), drawing, self.reinitialized = snapshot
        same_layers = (tuple(input_shape), list(layers), normalization) == (
            tuple(self.network.input_shape), list(self.network.layers), self.network.normalization)
        self.network = engine.Network(input_shape, layers, params=copy_params(params),
                                      normalization=normalization)
        if not np.array_equal(drawing, self._committed_image):
            resized = drawing.shape[-2:] != self.image_size
            self._committed_image, self.image = drawing.copy(), drawing.copy()
            self.imageChanged.emit()
            if resized:  # the same stroke on a finer input needs a wider brush
                self.brush_size = default_brush(drawing.shape[-2:])
                self.brushChanged.emit()
        # The selection is fixed before anyone hears of the new network, and announced after:
        # a listener must never see a selected layer the network does not have.
        reselect = self.selected_layer is not None and self.selected_layer >= len(layers)
        if reselect:
            self.selected_layer = len(layers) - 1 if layers else None
            self.selected_filter = self.selected_channel = 0
        self.pin(None)
        self._network_changed(layers=not same_layers)
        if reselect:
            self.select_layer(self.selected_layer)

    def _network_changed(self, layers):
        self.drop_refused_edit()  # the editors show the network as it now is
        self.networkChanged.emit()
        (self.layersChanged if layers else self.weightsChanged).emit()
        self._schedule()

    def undo(self):
        """Undo the last step (Edit ▸ Undo). Returns the refusal or '': while training runs, a
        step that changed the network is not undone (``TRAINING_NOTE``). Right after a refused
        edit, that edit is what is undone: the refusal is cleared and no step is."""
        if self.edit_refused:
            self.drop_refused_edit()
            return ""
        return self._step(self.undo_stack.index() - 1, self.undo_stack.undo)

    def redo(self):
        """Redo the next step (Edit ▸ Redo); refused like ``undo``."""
        return self._step(self.undo_stack.index(), self.undo_stack.redo)

    def _step(self, index, move):
        if 0 <= index < self.undo_stack.count() and undo.changes_network(
                self.undo_stack.command(index)) and self._refused_while_training():
            return self.error
        move()
        return ""

    def _refused_while_training(self):
        """True (and the error set to ``TRAINING_NOTE``) while training runs."""
        if self.training:
            self._set_error(self.tr(self.TRAINING_NOTE))
        return self.training

    def _push(self, command):
        self.undo_stack.push(command)
        self._trim_timer.start()

    def _trim_history(self):
        dropped = undo.trim(self.undo_stack, self.undo_budget)
        if dropped:
            self.historyTrimmed.emit(dropped)

    def refuse_edit(self, reason):
        """An editor shows an edit that did not reach the network (refused for ``reason`` here,
        or text it could not read), kept for the user to correct: Undo takes that back first."""
        self._set_error(reason, edit_refused=True)

    def drop_refused_edit(self):
        """Take back a refused edit (Undo, Revert, another layer chosen, any other step or
        change of the network): ``errorChanged('')`` tells the editor still showing it to show
        the network again."""
        if self.edit_refused:
            self._set_error("")

    def _set_error(self, message, edit_refused=False):
        """``edit_refused``: an editor keeps the edit on show; another refusal meanwhile (a
        kernel value, a forward that failed) leaves that edit refused."""
        self.error = message
        self.edit_refused = bool(message) and (edit_refused or self.edit_refused)
        self.errorChanged.emit(message)

    # ------------------------------------------------------------- selection
    def select_layer(self, layer, filter_index=0, channel=0):
        """Choose the layer (and its filter / input channel) shown in the editors."""
        if layer != self.selected_layer:
            self.drop_refused_edit()
        self.selected_layer = layer
        self.selected_filter, self.selected_channel = filter_index, channel
        self.layerSelected.emit(-1 if layer is None else layer)

    def pin(self, unit):
        """Pin ``unit`` (a Unit or None) for the receptive-field window and the inspector.

        A unit of a convolution also selects its layer and filter for editing: the kernel
        editor shows the kernel that made the pinned map.
        """
        if unit != self.pinned:
            self.pinned = unit
            self.pinnedChanged.emit()
            self.selectionChanged.emit()
            self._update_erf()
            self._select_pinned_filter()

    def _select_pinned_filter(self):
        unit = self.pinned
        if unit is None or self.network.layers[unit.layer].kind != "conv2d" or \
                (unit.layer, unit.channel) == (self.selected_layer, self.selected_filter):
            return
        channel = self.selected_channel if unit.layer == self.selected_layer else 0
        self.select_layer(unit.layer, unit.channel, channel)

    def hover(self, unit):
        if unit != self.hovered:
            self.hovered = unit
            self.hoveredChanged.emit()
            self.selectionChanged.emit()

    def set_lesson(self, example):
        """Open the lesson ``example`` (what to look at, a question to try), or close it (None)."""
        self.lesson = example
        self.lessonChanged.emit()

    @property
    def focus_unit(self):
        """The unit the views explain and outline: the pinned one, else the hovered one, else
        None. A pin holds the focus while the mouse explores other units."""
        return self.pinned if self.pinned is not None else self.hovered

    def set_input_overlay(self, overlay, signed=False):
        """Draw ``overlay`` (H, W) on the canvas: ≥ 0 (e.g. an effective receptive field), or
        ``signed`` (an attribution: what raises a class and what lowers it); None hides it."""
        self.input_overlay = None if overlay is None else np.asarray(overlay, np.float32)
        self.input_overlay_signed = bool(signed)
        self.overlayChanged.emit()

    def set_erf_enabled(self, enabled):
        """Overlay the pinned unit's effective receptive field |∂unit/∂input| while ``enabled``.

        It follows the pinned unit and the drawing; nothing is drawn while no unit is pinned.
        """
        self.erf_enabled = bool(enabled)
        if self.erf_enabled:
            self._update_erf()
        else:
            self.set_input_overlay(None)

    def _update_erf(self):
        if not self.erf_enabled:
            return
        unit = self.pinned
        if unit is not None and self.fresh_activations is None:
            return  # the maps are a forward behind the network: the ERF follows them
        self.set_input_overlay(None if unit is None else effective_receptive_field(
            self.network, unit.layer, unit.channel, unit.row, unit.col, self.model_input,
            self.fresh_activations))

    # --------------------------------------------------------------- forward
    def _schedule(self):
        self._recompute_timer.start()

    def recompute(self):
        """Run the forward pass on the current image now, on this thread, and publish the maps
        (whatever it costs; edits run theirs in a worker when it costs more than a frame).

        ``activations`` is a new list each time, but when only some pixels changed (a pen
        stroke) its maps are the previous arrays with just the units those pixels reach
        rewritten in place: copy a map to keep it.
        """
        self._run_forward(allow_worker=False)

    @property
    def forward_running(self):
        """Whether a forward runs in the worker thread (the maps shown are the last ones)."""
        return self._forward_task.running

    @property
    def forward_pending(self):
        """Whether a forward is due or running: ``activations`` are not yet the current
        drawing's and network's (``activationsChanged`` follows)."""
        return self._recompute_timer.isActive() or self.forward_running

    def _on_forward_due(self):
        self._run_forward(allow_worker=True)

    def _run_forward(self, allow_worker):
        """The forward of the current drawing: here when ``allow_worker`` is False or it costs
        at most ``frame_mult_adds``, else in the worker."""
        self._recompute_timer.stop()
        self._generation += 1
        pixels, centring = self._pixels_and_centring(self.network.input_shape)
        model_input = self.network.network_input(pixels)
        box = partial = None  # partial: the multiply-adds of a partial pass, when one applies
        if self.fresh_activations is not None:
            box = partial_forward.changed_box(self._forward_base[1], model_input)
            partial = partial_forward.multiply_adds(self.network, model_input.shape, box)
        cost = sum(self.network.mult_adds) if partial is None else partial
        frame = (pixels, centring, model_input)
        if allow_worker and cost > self.frame_mult_adds:
            self._forward_in_worker(frame)
            return
        if self.forward_running:  # this forward is newer
            self._forward_task.cancel()
            self.forwardRunningChanged.emit(False)
        start = time.perf_counter()
        activations = None if partial is None else partial_forward.forward_changed(
            self.network, model_input, self.activations, box)
        if activations is None:
            activations = self.network.forward(model_input)
        self._publish(self._generation, frame, activations, time.perf_counter() - start)

    def _forward_in_worker(self, frame):
        if self.forward_running and self._worker_version == self._network_version:
            # Its maps fit this network: they are shown, then the newest drawing's follow.
            self._forward_waiting = True
            return
        if self._network_snapshot is None or self._network_snapshot[0] != self._network_version:
            self._network_snapshot = (self._network_version, self.network_copy())
        net, generation, version = (self._network_snapshot[1], self._generation,
                                    self._network_version)
        frame = frame[:2] + (np.array(frame[2]),)  # the drawing may change while it runs

        def work(report, should_stop):
            start, x, outputs = time.perf_counter(), frame[2][None], []
            for layer in range(len(net.layers)):  # layer by layer: a superseded run stops early
                if should_stop():
                    return None
                x = net.run(x, layer, layer + 1)[0]
                outputs.append(x[0])
                report((layer + 1) / len(net.layers))
            return generation, version, frame, outputs, time.perf_counter() - start

        self._forward_waiting = False
        self._worker_version = self._network_version
        was_running = self.forward_running
        self._forward_task.start(work)
        if not was_running:
            self.forwardRunningChanged.emit(True)

    def _on_worker_forward_done(self, result):
        generation, version, frame, activations, seconds = result
        # Not when the maps shown are newer, nor when the network changed since it started
        # (its forward is due: the timer that runs it may not have fired yet).
        if generation > self._published and version == self._network_version:
            self._publish(generation, frame, activations, seconds)
        self._after_worker_forward()

    def _on_worker_forward_failed(self, message):
        self._set_error(message)
        self._after_worker_forward()

    def _after_worker_forward(self):
        if self._forward_waiting:
            self._on_forward_due()
        if not self.forward_running:
            self.forwardRunningChanged.emit(False)

    def _publish(self, generation, frame, activations, seconds):
        self.pixels, self.centring, self.model_input = frame
        self.activations = activations
        self._forward_base = (self.network, self.model_input)
        self._published = generation
        self.forward_ms = seconds * 1000.0
        self.activationsChanged.emit()
        self._update_erf()

    def pixels_for(self, input_shape):
        """The drawing as pixels (C, H, W) in [0, 1] for an input of ``input_shape``: centred like
        MNIST when that is on, resampled to the input's size, grey repeated over the channels."""
        return self._pixels_and_centring(input_shape)[0]

    def _pixels_and_centring(self, input_shape):
        """(``pixels_for(input_shape)``, the ``engine.Centring`` applied or None)."""
        # MNIST centring only makes sense for the 28×28 digit input it was defined for.
        centring = None
        image = self.image
        if self.preprocess and image.shape == (28, 28):
            image, centring = engine.mnist_preprocess_with_centring(image)
        image = fit_drawing(image, input_shape)
        if image.ndim == 2:
            image = np.repeat(image[None], input_shape[0], axis=0)
        return image.astype(np.float32, copy=False), centring

    @property
    def fresh_activations(self):
        """``activations`` when they are the current network's forward of ``model_input``, else
        None (between a network or weight edit and the forward that follows it)."""
        base = self._forward_base
        return self.activations if base is not None and base[0] is self.network else None

    def _forget_forward_base(self):
        self._forward_base = None
        self._network_version += 1

    @property
    def probabilities(self):
        """Class probabilities (classes,) when the network ends in softmax, else None."""
        ends_in_softmax = self.network.layers and isinstance(self.network.layers[-1],
                                                              engine.Softmax)
        # Until the forward after a change of layers has run, the maps are the old layers'.
        if ends_in_softmax and len(self.activations) == len(self.network.layers):
            return self.activations[-1]
        return None


def _shapes(params):
    return {name: array.shape for name, array in params.items()}


def drawing_shape(input_shape):
    """The drawing for a network input (C, H, W): (3, H, W) in colour when C is 3, else (H, W)
    grey (fed to every channel)."""
    channels, height, width = input_shape
    return (3, height, width) if channels == 3 else (height, width)


def fit_drawing(image, input_shape):
    """``image`` ((H, W) grey or (3, H, W) colour) as the drawing for ``input_shape``: grey made
    colour by repeating it, colour made grey by the mean of its channels, resampled to the size."""
    shape = drawing_shape(input_shape)
    if image.ndim == 3 and len(shape) == 2:
        image = image.mean(axis=0)
    elif image.ndim == 2 and len(shape) == 3:
        image = np.repeat(image[None], 3, axis=0)
    if image.shape[-2:] != shape[-2:]:
        image = _resample(image, shape[-2:])
    return image.astype(np.float32, copy=False)


def _resample(image, shape):
    """Nearest-neighbour resample of ``image`` (..., H, W) to (..., h, w), keeping the drawing."""
    height, width = image.shape[-2:]
    rows = (np.arange(shape[0]) * height // shape[0]).clip(0, height - 1)
    cols = (np.arange(shape[1]) * width // shape[1]).clip(0, width - 1)
    return image[..., rows[:, None], cols].astype(np.float32)

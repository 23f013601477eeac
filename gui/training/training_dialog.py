"""Train the current network on an IDX image/label pair, watching loss, accuracy and the kernels.

Training runs in a worker thread on its own copy of the network; the dialog applies the worker's
weight copies to the state once per epoch (live, no undo entry) and the final weights as one
undoable step. "Revert" puts the weights from before the last run back, also as one step, while
the network is still the one that run left: any later change of it (another network, an edit,
undoing the run) ends the run's offer.
"""

from __future__ import annotations


import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QVBoxLayout,
)

import engine
from engine.data import SHIPPED_DIGITS, find_idx_pair, load_digits
from engine.train import DEFAULTS, held_out_split
from gui.file_dialog import ask, file_dialog
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.i18n.engine_messages import engine_text
from gui.present.formatting import number
from gui.training.training_curves import TrainingCurves
from gui.training.training_worker import TrainingJob, TrainingWorker

DEFAULT_DATA = SHIPPED_DIGITS
# Peak learning rates of the one-cycle schedule that train the digit network from scratch.
OPTIMIZERS = {QT_TRANSLATE_NOOP("TrainingDialog", "Adam"): ("adam", DEFAULTS["lr"]),
              QT_TRANSLATE_NOOP("TrainingDialog", "SGD with momentum"): ("sgd", 0.05)}


class TrainingDialog(QDialog):
    """Settings, progress and curves for training ``state.network`` in a worker thread.

    Signals
    -------
    epochFinished(int) : an epoch's weights (1-based epoch) were shown in the state.
    trainingFinished() : a run ended (done, cancelled or refused by the engine) and its result
        was applied.
    """

    epochFinished = Signal(int)
    trainingFinished = Signal()

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._thread = self._worker = None
        self._before = None  # the network as it was before the last run (for Revert)
        self._target = None  # the state's network object the running training is for
        self._summary = ""
        self._preview = None  # the newest epoch's weights, not yet shown
        self._preview_timer = QTimer(self, singleShot=True, interval=0)
        self._preview_timer.timeout.connect(self._show_preview)
        self._status = ""  # the status line's text, or a function of the dialog making it
        self._progress_format = lambda self: self.tr("not started")
        self._build()
        self._fill_default_paths()
        self._set_running(False)
        self._retranslate()
        live.on_language_change(self, self._retranslate)
        QCoreApplication.instance().aboutToQuit.connect(self._stop_worker)
        state.networkChanged.connect(self._on_network_changed)

    # ------------------------------------------------------------------ layout
    def _build(self):
        self.images_edit, self.labels_edit = QLineEdit(), QLineEdit()
        data = QGroupBox()
        live.bind_text(self, data.setTitle, lambda self: self.tr(
            "Training data: an IDX image file and its label file, as in MNIST"))
        form = QFormLayout(data)
        for label, edit, choose in (
                (lambda self: self.tr("Images"), self.images_edit, self._choose_images),
                (lambda self: self.tr("Labels"), self.labels_edit, self._choose_labels)):
            browse = QPushButton()
            live.bind_text(self, browse.setText, lambda self: self.tr("Browse…"))
            browse.clicked.connect(choose)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            row_label = QLabel()
            live.bind_text(self, row_label.setText, label)
            form.addRow(row_label, row)
        self.images_edit.setPlaceholderText("…-images-idx…-ubyte(.gz)")  # the files' names
        self.labels_edit.setPlaceholderText("…-labels-idx…-ubyte(.gz)")

        self.start_from = QComboBox()
        self.start_from.addItems(["", ""])
        self.epochs = QSpinBox(minimum=1, maximum=200, value=3)
        self.batch_size = QSpinBox(minimum=1, maximum=4096, value=DEFAULTS["batch_size"])
        self.optimizer = QComboBox()
        for name, setting in OPTIMIZERS.items():
            self.optimizer.addItem(name, setting)
        self.learning_rate = QDoubleSpinBox(decimals=5, minimum=1e-5, maximum=1.0)
        self.learning_rate.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        live.bind_text(self, self.learning_rate.setToolTip, lambda self: self.tr(
            "The peak rate: it warms up to this value, then anneals (one-cycle)"))
        self._on_schedule_changed()
        self.optimizer.currentIndexChanged.connect(self._on_schedule_changed)
        self.start_from.currentIndexChanged.connect(self._on_schedule_changed)
        self.augment = QCheckBox()
        live.bind_text(self, self.augment.setText, lambda self: self.tr(
            "Augment: randomly shift, rotate and scale each digit"))
        self.augment.setChecked(True)
        settings = QGroupBox()
        live.bind_text(self, settings.setTitle, lambda self: self.tr("Settings"))
        grid = QGridLayout(settings)
        for column, pairs in enumerate((
                ((lambda self: self.tr("Start from"), self.start_from),
                 (lambda self: self.tr("Optimizer"), self.optimizer)),
                ((lambda self: self.tr("Epochs"), self.epochs),
                 (lambda self: self.tr("Learning rate"), self.learning_rate)),
                ((lambda self: self.tr("Batch size"), self.batch_size), (None, self.augment)))):
            for row, (label, widget) in enumerate(pairs):
                if label:
                    grid_label = QLabel()
                    live.bind_text(self, grid_label.setText, label)
                    grid.addWidget(grid_label, row, 2 * column)
                    grid.addWidget(widget, row, 2 * column + 1)
                else:
                    grid.addWidget(widget, row, 2 * column, 1, 2)
        grid.setColumnStretch(1, 1)

        self.curves = TrainingCurves()
        self.progress = QProgressBar(maximum=1000, value=0, textVisible=True)
        self.status = QLabel(wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.train_button = QPushButton(default=True)
        self.cancel_button = QPushButton()
        self.revert_button = QPushButton()
        close = QPushButton()
        for setter, text in [
                (self.setWindowTitle, lambda self: self.tr("Train the network")),
                (self.train_button.setText, lambda self: self.tr("Train")),
                (self.cancel_button.setText, lambda self: self.tr("Cancel training")),
                (self.revert_button.setText, lambda self: self.tr("Revert")),
                (self.revert_button.setToolTip,
                 lambda self: self.tr("Put back the weights from before the last run")),
                (close.setText, lambda self: self.tr("Close"))]:
            live.bind_text(self, setter, text)
        self.train_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.revert_button.clicked.connect(self.revert)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.cancel_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(data)
        layout.addWidget(settings)
        layout.addWidget(self.curves, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._settings = (data, settings)
        self.resize(860, 640)

    def _retranslate(self):
        for i, text in enumerate((self.tr("current weights (fine-tune)"),
                                  self.tr("fresh random weights (from scratch)"))):
            self.start_from.setItemText(i, text)
        for i, name in enumerate(OPTIMIZERS):
            self.optimizer.setItemText(i, self.tr(name))
        self.progress.setFormat(self._progress_format(self))
        self.status.setText(self._status(self) if callable(self._status) else self._status)

    def _set_progress(self, text):
        """Show ``text`` (a function of the dialog making it in the interface language: the
        dialog must not hold itself) on the progress bar."""
        self._progress_format = text
        self.progress.setFormat(text(self))

    def _fill_default_paths(self):
        try:
            images, labels = find_idx_pair(DEFAULT_DATA)
        except engine.ConfigError:
            return  # the shipped digits were removed: the user picks files
        self.images_edit.setText(str(images))
        self.labels_edit.setText(str(labels))

    def _choose_images(self):
        self._browse(self.images_edit, self.tr("Choose the IDX image file"))

    def _choose_labels(self):
        self._browse(self.labels_edit, self.tr("Choose the IDX label file"))

    def _browse(self, edit, title):
        start = edit.text() or str(DEFAULT_DATA)
        path = ask(file_dialog(self, title, start, self.tr("IDX files (*idx*);;All files (*)")))
        if path:
            edit.setText(path)

    def _on_schedule_changed(self):
        """Suggest the learning rate for the optimizer; fine-tuning takes smaller steps, so it
        refines what the network knows instead of shaking it up."""
        rate = self.optimizer.currentData()[1]
        self.learning_rate.setValue(rate if self.start_from.currentIndex() == 1 else rate / 10)

    def _set_running(self, running):
        for box in self._settings:
            box.setEnabled(not running)
        self.train_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.revert_button.setEnabled(not running and self._before is not None)
        self.state.set_training(running)

    def _say(self, text, error=False):
        """Show ``text`` on the status line: a string, or a function of the dialog making it in
        the interface language (it is made again when the language changes)."""
        self._status = text
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text(self) if callable(text) else text)

    # ---------------------------------------------------------------- training
    def _prepare(self):
        """Load the data and check it fits the network; returns a TrainingJob or raises ConfigError."""
        net = self.state.network
        if not net.is_classifier:
            raise engine.ConfigError(self.tr(
                "Training needs a network that ends in softmax (one probability per digit class): "
                "it learns by comparing those probabilities with the right answers. End the "
                "network with a dense layer of one output per class followed by softmax."))
        images, labels = load_digits(self.images_edit.text().strip(), self.labels_edit.text().strip())
        channels, height, width = net.input_shape
        if images.shape[1:] != (height, width):
            raise engine.ConfigError(fill(self.tr(
                "The images are %1×%2 pixels but the network takes %3×%4 input. Set the input "
                "size to %1×%2 or pick images of the network's size."),
                images.shape[1], images.shape[2], height, width))
        if channels > 1:  # grey digits feed every input channel, as the canvas does
            images = np.repeat(images[:, None], channels, axis=1)
        fit, held = held_out_split(len(images))
        scratch = self.start_from.currentIndex() == 1
        start = self.state.network_copy(fresh=scratch)
        return TrainingJob(start, images[fit], labels[fit], self.epochs.value(),
                           self.learning_rate.value(), self.batch_size.value(),
                           self.optimizer.currentData()[0], self.augment.isChecked(),
                           validation=(images[held], labels[held]) if len(held) else None)

    @property
    def is_training(self):
        """Whether a run is going on in the worker thread."""
        return self._thread is not None

    def start(self):
        """Check the settings and start training in a worker thread (errors shown in the dialog)."""
        if self._thread is not None:
            return
        try:
            job = self._prepare()
        except engine.ConfigError as error:
            self._say(engine_text(str(error)), error=True)
            return
        self._before = None  # the last run's offer ends: not a change since it (below)
        before = self.state.network_copy()
        if self.start_from.currentIndex() == 1:
            # The maps and the prediction show the network being trained, not the weights it
            # started over from (a trained model's "100 % sure" beside "18 % right" in epoch 1).
            self.state.show_params(job.network.params)
        self._target, self._before = self.state.network, before
        self._summary = ""
        self.curves.clear(job.epochs)
        self.progress.setValue(0)
        self._set_progress(lambda self: self.tr("starting…"))
        held = 0 if job.validation is None else len(job.validation[1])
        self._say(lambda self: fill(
            self.tr("Training on %1 digits, measuring on %2 held-out ones…"),
            f"{len(job.labels):,}", f"{held:,}"))
        self._thread = QThread(self)
        self._worker = TrainingWorker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress_changed)
        self._worker.epochFinished.connect(self._on_epoch_finished)
        self._worker.finished.connect(self._on_training_finished)
        # Direct: the GUI thread may be blocked in wait() (closing the dialog) when the run ends.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._set_running(True)
        self._thread.start()

    def cancel(self):
        """Ask the worker to stop; it does so after the batch it is on (well within a second)."""
        if self._worker is not None:
            self._worker.cancel()
            self._say(lambda self: self.tr("Stopping…"))

    def _on_progress_changed(self, p):
        self.curves.add_batch(p)
        self.progress.setValue(round(1000 * p.fraction))
        self._set_progress(lambda self: fill(self.tr("epoch %1 of %2 · batch %3 of %4"),
                                             p.epoch, p.epochs, p.batch, p.batches))
        self._say(lambda self: fill(
            self.tr("Epoch %1: loss %2, %3 % right on the training batches so far · %4 digits/s"),
            p.epoch, number(p.loss), f"{100 * p.accuracy:.1f}", f"{p.examples_per_s:,.0f}"))

    def _on_epoch_finished(self, p, params):
        self.curves.add_epoch(p)
        if p.val_accuracy is not None:
            self._summary = lambda self: fill(self.tr("held-out accuracy %1 % after epoch %2"),
                                              f"{100 * p.val_accuracy:.1f}", p.epoch)
        # Short epochs can finish faster than the maps redraw: show only the newest weights,
        # once per event-loop pass, so a backlog of previews never delays Cancel.
        self._preview = params
        self._preview_timer.start()
        self.epochFinished.emit(p.epoch)

    def _show_preview(self):
        # Loading, undoing or editing layers replaces the state's network: then it is not ours.
        if self._preview is not None and self.state.network is self._target:
            self.state.show_params(self._preview)
        self._preview = None

    def _on_training_finished(self, params, error):
        self._preview_timer.stop()
        self._preview = None
        stopped = self._worker.stopped
        self._thread.wait()
        self._thread.deleteLater()  # not kept as the dialog's child, one per run, until it closes
        self._land(params, error, stopped)
        self._thread = self._worker = None
        self._set_running(False)
        self.trainingFinished.emit()

    def _land(self, params, error, stopped):
        """Apply the run's result (while ``is_training``: the change is the run's own)."""
        if error:
            if self.state.network is self._target:  # the live previews are undone
                self.state.show_params(self._before.params)
                error = fill(self.tr("%1. The weights from before training are back."),
                             error.rstrip("."))
            self._before = None
            self._say(error, error=True)
        elif self.state.network is not self._target:
            self._before = None
            self._say(lambda self: self.tr("The network was replaced or its layers changed while "
                                           "it was training, so the trained weights were not "
                                           "applied."), error=True)
        else:
            # The undo entry must lead from the weights before training to the trained ones, not
            # from the last epoch's live preview.
            self.state.set_weights(params, self.tr("Train network (stopped early)") if stopped
                                   else self.tr("Train network"), before=self._before.params)
            self._say(lambda self, summary=self._summary: self._finished_text(stopped, summary))
            self._set_progress(lambda self: self.tr("stopped") if stopped else self.tr("done"))

    def _finished_text(self, stopped, summary):
        what = (self.tr("Stopped; the weights learned so far are kept") if stopped
                else self.tr("Done"))
        summary = fill(self.tr(" (%1)"), summary(self)) if summary else ""
        return fill(self.tr("%1%2. Revert puts the weights from before training back; "
                            "Edit ▸ Undo does too."), what, summary)

    def revert(self):
        """Restore the weights from before the last run, as one undoable step (offered while the
        network is as that run left it, so they fit)."""
        before, self._before = self._before, None  # its own step does not end the run's offer
        if before is None:
            return
        self.state.set_weights(before.params, self.tr("Revert training"))
        self._say(lambda self: self.tr("The weights from before training are back."))
        self._set_running(False)

    def _on_network_changed(self):
        """Another network, an edit or undoing the run since it ended: its weights are no longer
        the network's, so Revert would throw away that change, and the run's curves and summary
        describe a network that is gone. (While a run goes on or lands, changes are its own:
        edits of the network wait for it to end.)"""
        if self.is_training or self._before is None:
            return
        self._before = None
        self._summary = ""
        self.curves.clear(self.epochs.value())
        self.progress.setValue(0)
        self._set_progress(lambda self: self.tr("not started"))
        self._say(lambda self: self.tr("The network changed since the last run, so Revert no "
                                       "longer applies; Edit ▸ Undo still goes back step by "
                                       "step."))
        self.revert_button.setEnabled(False)

    def _stop_worker(self):
        """Cancel a running worker and wait for it: it must not outlive the dialog or the app."""
        if self._thread is not None:
            self._worker.cancel()
            self._thread.wait()

    def done(self, result):
        self._stop_worker()
        super().done(result)

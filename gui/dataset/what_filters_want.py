"""What a filter wants: for each channel of a conv layer, or each class, the input that drives it.

Found by regularised gradient ascent (engine.maximize) in a worker, only while the dock is seen,
cached per weights and layer.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from engine.favourites import crop
from engine.maximize import maximize
from gui.background_task import BackgroundTask, RecentResults, keyed
from gui.dataset.digit_gallery import DigitGallery
from gui.i18n import QT_TRANSLATE_NOOP, fill, live
from gui.present.colormaps import ERROR_HEX
from gui.present.formatting import number
from gui.lazy_redraw import LazyRedraw



def targets(net, tr=str):
    """[(label, layer index)]: every conv layer, then the class scores (the layer before a
    final softmax) when the network has them; ``tr`` translates the words."""
    choices = [(fill(tr(QT_TRANSLATE_NOOP("WhatFiltersWant", "%1 filters")), name), i)
               for i, (name, spec) in enumerate(zip(net.names, net.layers))
               if spec.kind == "conv2d"]
    if len(net.layers) > 1 and net.layers[-1].kind == "softmax" and len(net.shapes[-2]) == 1:
        choices.append((tr(QT_TRANSLATE_NOOP("WhatFiltersWant", "classes (their scores)")),
                        len(net.layers) - 2))
    return choices


class WhatFiltersWant(QWidget):
    """A layer chooser over a gallery of the inputs that drive each of its channels hardest.

    Signals
    -------
    imagesShown : the gallery shows the chosen layer's images.
    """

    imagesShown = Signal()

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("whatFiltersWant")
        self.state = state
        self.layer = QComboBox(objectName="maximiseLayer")
        self.progress = QProgressBar(maximum=1000, textVisible=False, maximumWidth=120)
        self.title = QLabel(objectName="maximiseTitle", wordWrap=True)
        self.gallery = DigitGallery()
        top = QHBoxLayout()
        layer_label = QLabel()
        live.bind_text(self, layer_label.setText, lambda self: self.tr("Layer"))
        live.bind_text(self, self.layer.setToolTip, lambda self: self.tr(
            "Whose wishes to show: for each filter of this conv layer (or each class), the input "
            "that drives it hardest, found by gradient ascent from faint noise. A learned filter "
            "is a template, and this is the pattern it matches best."))
        top.addWidget(layer_label)
        top.addWidget(self.layer)
        top.addWidget(self.progress)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.gallery, 1)
        self._cache = RecentResults(16)
        self._wanted = None
        self._task = BackgroundTask(self)
        self._task.progressed.connect(self._on_progressed)
        self._task.succeeded.connect(self._on_found)
        self._task.failed.connect(self._show_error)
        # Not refreshed inside the paint event LazyRedraw catches up in: the progress bar and
        # the title would repaint recursively.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        self._when_seen = LazyRedraw(self, self._soon.start)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._when_seen)
        self.layer.currentIndexChanged.connect(self._when_seen)
        state.networkChanged.connect(self._on_network_changed)
        self._on_network_changed()
        live.on_language_change(self, self._on_language_changed)

    @property
    def running(self) -> bool:
        return self._task.running

    def _on_language_changed(self):
        """The words again, never a new ascent: a worker started here could outlive the dock."""
        self._on_network_changed()
        found = None if self._wanted is None else self._cache.get(self._wanted)
        if found is not None:
            self._show(found, self._wanted[1])
        elif self._task.running:
            self.title.setText(self.tr("Climbing the gradient from faint noise…"))

    def _on_network_changed(self):
        current = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for text, index in targets(self.state.network, live.translator("WhatFiltersWant")):
            self.layer.addItem(text, index)
        self.layer.setCurrentIndex(max(self.layer.findData(current), 0))
        self.layer.blockSignals(False)
        self._debounce.start()

    def refresh(self):
        """Show the chosen layer's images, from the cache or found in a worker."""
        self._debounce.stop()
        layer = self.layer.currentData()
        if layer is None:
            self._task.cancel()
            self._show_message(self.tr("The network has no conv layer and no class scores to "
                                       "look at."))
            return
        key = (self.state.weights_key, layer)
        self._wanted = key
        if key in self._cache:
            self._task.cancel()
            self._show(self._cache[key], layer)
            return
        net = self.state.network_copy()
        self.progress.setValue(0)
        self.progress.show()
        self.title.setStyleSheet("")
        self.title.setText(self.tr("Climbing the gradient from faint noise…"))
        self._task.start(lambda report, stop: keyed(key, maximize(net, layer, on_progress=report,
                                                                  should_stop=stop)))

    def _on_progressed(self, fraction):
        self.progress.setValue(round(1000 * fraction))

    def _on_found(self, result):
        key, found = result
        self._cache[key] = found
        if key == self._wanted:
            self._show(found, key[1])

    def _show(self, found, layer):
        self.progress.hide()
        net = self.state.network
        conv = net.layers[layer].kind == "conv2d"
        self.title.setText(
            self.tr("The input that drives the centre unit of each filter's map hardest, cut to "
                    "its receptive field: gradient ascent from faint noise (small random shifts, "
                    "blur and a pull towards black keep it readable).") if conv else
            self.tr("The input that drives each class's score hardest: gradient ascent from faint "
                    "noise (small random shifts, blur and a pull towards black keep it "
                    "readable)."))
        box = None
        if conv:
            _, rows, cols = net.shapes[layer]
            box = net.receptive_field(layer, rows // 2, cols // 2).input_box
        tiles = []
        for k, (image, start, end) in enumerate(zip(found.images, found.start, found.end)):
            name = (fill(self.tr("filter %1"), k + 1) if conv
                    else fill(self.tr("class %1"), k))
            tiles.append((image[0] if box is None else crop(image[0], box), name, k,
                          fill(self.tr("%1: %2 on the starting noise, %3 on this"), name,
                               number(start), number(end))))
        self.gallery.set_tiles(tiles)
        self.imagesShown.emit()

    def _show_message(self, text):
        self.progress.hide()
        self.title.setText(text)
        self.gallery.set_tiles([])

    def _show_error(self, message):
        self._show_message(message)
        self.title.setStyleSheet(f"color: {ERROR_HEX};")

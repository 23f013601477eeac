"""The pinned unit's favourite digits: the nine shipped digits that drive it hardest.

Each is cropped to the receptive field the unit saw it through (the padding it reached into
hatched) and captioned with the unit's value; a dense or class unit sees whole digits. One
batched forward over all 8,000 digits, in a worker, cached per weights and layer: every
channel of that layer is then shown at once.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

import engine
from engine.favourites import crop, layer_values, top_images
from gui.background_task import BackgroundTask, RecentResults, keyed
from gui.dataset.digit_gallery import DigitGallery
from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text
from gui.present.colormaps import ERROR_HEX
from gui.present.formatting import number
from gui.present.naming import channel_name, unit_name



class FavouritePatches(QWidget):
    """Reads the pinned unit from ``state`` and the digits from ``model`` (a DatasetModel).

    Signals
    -------
    favouritesShown : the gallery now shows the pinned unit's favourites.
    """

    favouritesShown = Signal()

    def __init__(self, state, model, parent=None):
        super().__init__(parent)
        self.setObjectName("favouritePatches")
        self.state, self.model = state, model
        self.title = QLabel(objectName="favouritesTitle", wordWrap=True)
        self.anywhere = QCheckBox(checked=True)
        live.bind_text(self, self.anywhere.setText, lambda self: self.tr("anywhere in its map"))
        live.bind_text(self, self.anywhere.setToolTip, lambda self: self.tr(
            "On: each digit counts with the strongest response of the pinned unit's channel, "
            "wherever it is (weight sharing: every unit of a map has the same filter). Off: only "
            "at the pinned unit's own position."))
        self.progress = QProgressBar(maximum=1000, textVisible=False, maximumWidth=120)
        self.gallery = DigitGallery(fit_all=True)
        self.gallery.setObjectName("favouritesGallery")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.anywhere)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.gallery, 1)
        self._cache = RecentResults(8)  # (weights key, layer, position) -> LayerValues
        self._shown = None  # the (layer, channel, position) on screen or being computed
        self._wanted = None  # the cache key it needs
        self._task = BackgroundTask(self)
        self._task.progressed.connect(self._on_progressed)
        self._task.succeeded.connect(self._on_found)
        self._task.failed.connect(self._show_error)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        state.pinnedChanged.connect(self._on_pinned_changed)
        state.networkChanged.connect(self._debounce.start)
        self.anywhere.toggled.connect(self.refresh)
        self.gallery.digitClicked.connect(model.draw_digit)
        self.refresh()
        live.on_language_change(self, self._on_language_changed)

    def _on_language_changed(self):
        """The words again, never a new search: a worker started here could outlive the dock."""
        if self._shown is None:
            self._show_message(self.tr("Pin a unit (click it in a map) to see the nine digits "
                                       "that drive it hardest."))
            return
        layer, _, position = self._shown
        values = self._cache.get((self.state.weights_key, layer, position))
        if values is not None:
            self._show(values)
        elif self._task.running:
            self.title.setText(fill(self.tr("Finding the digits that drive %1 hardest…"),
                                    self._unit_text()))

    @property
    def running(self) -> bool:
        """Whether favourites are being computed."""
        return self._task.running

    def _on_pinned_changed(self):
        if self._key() != self._shown:
            self.refresh()

    def _key(self):
        unit = self.state.pinned
        if unit is None:
            return None
        flat = len(self.state.network.shapes[unit.layer]) == 1
        position = None if flat or self.anywhere.isChecked() else (unit.row, unit.col)
        return unit.layer, unit.channel, position

    def refresh(self):
        """Show the pinned unit's favourites, from the cache or computed in a worker."""
        self._debounce.stop()
        key = self._key()
        self.anywhere.setEnabled(key is not None and len(self.state.network.shapes[key[0]]) == 3)
        if key is None:
            self._task.cancel()
            self._shown = None
            self._show_message(self.tr("Pin a unit (click it in a map) to see the nine digits "
                                       "that drive it hardest."))
            return
        # Values of every channel of the layer: pinning another channel needs no new pass.
        layer, channel, position = key
        full_key = (self.state.weights_key, layer, position)
        self._shown, self._wanted = key, full_key
        if full_key in self._cache:
            self._task.cancel()
            self._show(self._cache[full_key])
            return
        try:
            images = self.model.network_images(np.arange(len(self.model.labels)))
        except engine.ConfigError as error:
            self._show_error(engine_text(str(error)))
            return
        net = self.state.network_copy()
        row, col = position if position is not None else (None, None)
        self.title.setText(fill(self.tr("Finding the digits that drive %1 hardest…"),
                                self._unit_text()))
        self.progress.setValue(0)
        self.progress.show()
        self._task.start(lambda report, stop: keyed(full_key, layer_values(
            net, images, layer, row, col, on_progress=report, should_stop=stop)))

    def _unit_text(self):
        unit = self.state.pinned
        naming = live.translator("naming")
        if self._key()[2] is None:  # the channel anywhere in its map, not one position
            return channel_name(self.state.network, unit.layer, unit.channel, naming)
        return unit_name(self.state.network, unit, naming)

    def _on_progressed(self, fraction):
        self.progress.setValue(round(1000 * fraction))

    def _on_found(self, result):
        full_key, values = result
        self._cache[full_key] = values
        if full_key == self._wanted:
            self._show(values)

    def _show(self, values):
        layer, channel, _ = self._shown
        found = top_images(self.state.network, layer, values, channel)
        self.progress.hide()
        self.title.setStyleSheet("")
        whole = found.positions is None
        self.title.setText(fill(
            self.tr("The nine digits that drive %1 hardest (it sees whole digits). Click one to "
                    "draw it.") if whole else
            self.tr("The nine digits that drive %1 hardest, each cut to the window it saw "
                    "(hatched: padding). Click one to draw it."), self._unit_text()))
        tiles = []
        for i, (index, value, box) in enumerate(zip(found.indices, found.activations, found.boxes)):
            image = self.model.images[index]
            where = "" if whole else fill(self.tr(" at row %1, col %2"), *found.positions[i])
            tiles.append((image if whole else crop(image, box), number(value), int(index),
                          fill(self.tr("digit #%1 (a %2): %3%4"), index,
                               self.model.labels[index], number(value), where)))
        self.gallery.set_tiles(tiles)
        self.favouritesShown.emit()

    def _show_message(self, text):
        self.progress.hide()
        self.title.setStyleSheet("")
        self.title.setText(text)
        self.gallery.set_tiles([])

    def _show_error(self, message):
        self._show_message(message)
        self.title.setStyleSheet(f"color: {ERROR_HEX};")

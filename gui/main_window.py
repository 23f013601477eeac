"""The main window: composes the canvas, the maps and the docks; owns the menus and the settings.

Every widget talks to ``state`` only; this window just places them, wires the menus to state
methods, and remembers the layout and the last network between runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget, QFrame, QInputDialog, QMainWindow, QMessageBox, QScrollArea,
    QTabBar, QVBoxLayout, QWidget,
)

import engine
from gui.drawing import samples
from gui.maps.activation_view import ActivationView
from gui.drawing.canvas import Canvas
from gui.drawing.draw_tools import DrawTools
from gui.dataset.dataset_model import DatasetModel
from gui.dataset.dataset_panel import DatasetPanel
from gui.dataset.favourite_patches import FavouritePatches
from gui.dataset.what_filters_want import WhatFiltersWant
from gui.dock_layout import DockLayout
from gui.examples_menu import ExamplesMenu
from gui.file_dialog import ask, file_dialog
from gui.field_guard import FieldGuard
from gui.explain.filter_gallery import FilterGallery
from gui.help_dialog import HelpDialog
from gui.history_action import HistoryAction
from gui.present.help_text import CONCEPTS, concept_title
from gui.i18n import fill, live
from gui.i18n.engine_messages import engine_text
from gui.editors.kernel_editor import KernelEditor
from gui.editors.layer_panel import LayerPanel
from gui.explain.lesson_banner import LessonBanner
from gui.maps.prediction_view import PredictionView
from gui.explain.rf_table import ReceptiveFieldTable
from gui.explain.slide_animation import SlideAnimation
from gui.status_bar import StatusBar
from gui.training.training_dialog import TrainingDialog
from gui.explain.attribution_panel import AttributionPanel
from gui.explain.unit_inspector import UnitInspector

MODEL = Path(__file__).resolve().parent.parent / "resources" / "models" / "digits.npz"
LAST_NETWORK = "last_network.npz"  # in the app data dir: the network the app closed with
INPUT_SIZES = (8, 16, 28, 32, 64, 128, 256)
MIN_INPUT, MAX_INPUT = 8, 256
_LAYOUT_VERSION = 2  # bump when the set of docks changes, so an old saved layout is ignored
FIRST_RUN_SHARE = 0.9  # of the screen's width and height, when no window size is remembered


def last_network_path(data_dir):
    """Where the network is kept between runs, or None when nothing is remembered."""
    return None if data_dir is None else Path(data_dir) / LAST_NETWORK


#: the maps' least width, in pixels: three 28-pixel maps and their scale bar at one pixel each
MAPS_MIN_WIDTH = 240


class MainWindow(QMainWindow):
    """ConvScope's window.

    Parameters
    ----------
    state : AppState
    settings : QSettings or None
        Where geometry and dock layout are remembered; None remembers nothing (screenshots).
    data_dir : path or None
        Where the last network is saved on close (``LAST_NETWORK``); None saves nothing.
    """

    def __init__(self, state, settings=None, data_dir=None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        live.bind_text(self, self.setWindowTitle,
                       lambda self: self.tr("ConvScope — draw a digit, watch a CNN think"))
        self.state = state
        self._settings = settings
        self._data_dir = data_dir
        self._help = None
        self._training = None
        self._import_dialog = None
        self._quit_without_remembering = False
        self._last_folder = None
        self.setDockNestingEnabled(True)
        self.canvas = Canvas(state)
        self.maps = ActivationView(state)
        self.setCentralWidget(self._maps_panel())
        self.docks = {}
        left, right, bottom = Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea, Qt.BottomDockWidgetArea
        self._add_dock("inputDock", lambda self: self.tr("Input"), self._canvas_panel(), left)
        self._add_dock("predictionDock", lambda self: self.tr("Prediction"), PredictionView(state),
                       left, scroll=True)
        self.dataset = DatasetModel(state, parent=self)
        self._add_dock("layersDock", lambda self: self.tr("Layers"), LayerPanel(state), right,
                       scroll=True)
        self._add_dock("kernelDock", lambda self: self.tr("Kernel"), KernelEditor(state), right,
                       scroll=True)
        # One tab group only: Qt 6.11 leaves a stray, visible tab bar behind when a second group
        # is tabified before the window is first laid out (a saved layout restores cleanly).
        self._add_dock("inspectorDock", lambda self: self.tr("Unit inspector"),
                       UnitInspector(state), bottom)
        for name, title, widget in [
                ("slideDock", lambda self: self.tr("Sliding window"), SlideAnimation(state)),
                ("filtersDock", lambda self: self.tr("Learned filters"), FilterGallery(state)),
                ("wantDock", lambda self: self.tr("What filters want"), WhatFiltersWant(state)),
                ("rfTableDock", lambda self: self.tr("Receptive fields"),
                 ReceptiveFieldTable(state))]:
            self._add_dock(name, title, widget, bottom, tab_with="inspectorDock")
        self._add_dock("datasetDock", lambda self: self.tr("Dataset"),
                       DatasetPanel(state, self.dataset), bottom, tab_with="inspectorDock",
                       scroll=True)
        self._add_dock("favouritesDock", lambda self: self.tr("Favourite digits"),
                       FavouritePatches(state, self.dataset), bottom, tab_with="inspectorDock")
        self._add_dock("attributionDock", lambda self: self.tr("Attribution"),
                       AttributionPanel(state), bottom, tab_with="inspectorDock", scroll=True)
        self.docks["inspectorDock"].raise_()
        # The editors on the right run full height; the explanations span the canvas and the maps.
        self.setCorner(Qt.BottomLeftCorner, bottom)
        self.setCorner(Qt.BottomRightCorner, right)
        self._dock_layout = DockLayout(self)
        self.setStatusBar(StatusBar(state, self))
        self._build_menus()
        state.networkChanged.connect(self._on_network_changed)
        self._on_network_changed()
        self._restore_layout()
        # Drawn digits are read far better centred (off-centre ones 2/10 raw): on unless the
        # user turned it off.
        centre = True if settings is None else settings.value("centreLikeMnist", True, type=bool)
        if centre != self.state.preprocess:
            self._centre.trigger()
        self.canvas.setFocus(Qt.OtherFocusReason)

    # ----------------------------------------------------------------- layout
    def _maps_panel(self):
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(LessonBanner(self.state, panel))
        layout.addWidget(self.maps, 1)
        # Qt takes the room a shrinking window loses from the central widget first: without a
        # floor the maps would shrink to stamps while the docks keep their widths.
        panel.setMinimumWidth(MAPS_MIN_WIDTH)
        return panel

    def _canvas_panel(self):
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        tools = DrawTools(self.state, panel)
        tools.sampleDrawn.connect(self._on_sample_drawn)
        layout.addWidget(tools)
        layout.addWidget(self.canvas, 1)
        return panel

    def _on_sample_drawn(self):
        self.canvas.setFocus(Qt.OtherFocusReason)

    def _add_dock(self, name, title, widget, area, tab_with=None, scroll=False):
        """Dock ``widget`` under the title ``title(self)`` (in the current language); ``scroll``
        wraps a form-like panel so that its full height never sets the window's minimum size (the
        window must fit small laptop screens)."""
        dock = QDockWidget(self)
        live.bind_text(self, dock.setWindowTitle, title)
        dock.setObjectName(name)
        if scroll:
            area_widget = QScrollArea(dock, widgetResizable=True, frameShape=QFrame.NoFrame)
            area_widget.setWidget(widget)
            widget = area_widget
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self.tabifyDockWidget(self.docks[tab_with], dock)
        self.docks[name] = dock
        return dock

    def childEvent(self, event):
        super().childEvent(event)
        # Qt makes a tab bar for each group of tabbed docks (again when the user regroups them)
        # and elides its titles to "Da…" in a narrow window: whole titles with scroll arrows.
        bar = event.child()
        if event.type() == QEvent.ChildPolished and isinstance(bar, QTabBar):
            bar.setElideMode(Qt.ElideNone)
            bar.setUsesScrollButtons(True)

    # ------------------------------------------------------------------ menus
    def _action(self, menu, text, slot, shortcut=None, tip=None):
        """An action in ``menu`` titled ``text(self)`` with the status tip ``tip(self)``: functions
        of the window (``live.bind_text``), so that both follow the interface language."""
        action = QAction(self)
        live.bind_text(self, action.setText, text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            live.bind_text(self, action.setStatusTip, tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menu(self, parent, title):
        """A submenu of ``parent`` (a menu or the menu bar) titled ``title(self)``."""
        menu = parent.addMenu("")
        live.bind_text(self, menu.setTitle, title)
        return menu

    def _build_menus(self):
        bar = self.menuBar()
        self._build_file_menu(self._menu(bar, lambda self: self.tr("&File")))
        self._build_edit_menu(self._menu(bar, lambda self: self.tr("&Edit")))
        self._build_view_menu(self._menu(bar, lambda self: self.tr("&View")))
        self._build_help_menu(self._menu(bar, lambda self: self.tr("&Help")))

    def _save_filter(self):
        """What Save writes: a .npz (a .json spec cannot keep the weights; ONNX is an export)."""
        return self.tr("ConvScope networks (*.npz);;All files (*)")

    def _open_filter(self):
        return self.tr("Networks (*.npz *.json *.onnx);;ConvScope networks (*.npz *.json);;"
                       "ONNX models (*.onnx);;All files (*)")

    def _build_file_menu(self, menu):
        new = self._menu(menu, lambda self: self.tr("&New"))
        self._action(new, lambda self: self.tr("&Trained digit network"),
                     self._on_new_trained_triggered, QKeySequence.New,
                     lambda self: self.tr("The shipped digit network, trained on MNIST "
                                          "(99 % right)"))
        self._action(new, lambda self: self.tr("&Untrained digit network"),
                     self._on_new_untrained_triggered,
                     tip=lambda self: self.tr("The same layers with fresh random weights, ready to "
                                              "train (Ctrl+T)"))
        self._action(menu, lambda self: self.tr("&Open network…"),
                     self._on_open_triggered,
                     QKeySequence.Open,
                     lambda self: self.tr("Load a network: a ConvScope .npz with weights, a .json "
                                          "layer spec, or an ONNX model trained elsewhere"))
        self._action(menu, lambda self: self.tr("&Save network…"),
                     self._on_save_triggered, QKeySequence.Save,
                     lambda self: self.tr("Save the layers and weights"))
        self._action(menu, lambda self: self.tr("&Train the network…"), self.show_training,
                     "Ctrl+T",
                     lambda self: self.tr("Train the current network on MNIST digits and watch its "
                                          "filters learn"))
        menu.addSeparator()
        self._action(menu, lambda self: self.tr("Load &image…"),
                     self._on_load_image_triggered,
                     "Ctrl+I",
                     lambda self: self.tr("Draw an image file (PNG, JPEG) fitted to the input: in "
                                          "grey, or in colour for a network with 3 input "
                                          "channels"))
        sample_menu = self._menu(menu, lambda self: self.tr("Sample &digits"))
        for digit in range(10):
            self._action(sample_menu, lambda self, d=digit: fill(self.tr("Digit %1"), d),
                         self._on_sample_triggered, f"Ctrl+{digit}").setData(digit)
        examples = ExamplesMenu(self.state, menu)
        examples.exampleRefused.connect(self._on_example_refused)
        menu.addMenu(examples)
        menu.addSeparator()
        export = self._menu(menu, lambda self: self.tr("&Export"))
        self._action(export, lambda self: self.tr("&Maps as PNG…"),
                     self._on_export_maps_triggered,
                     "Ctrl+E", lambda self: self.tr("Save every layer's maps as one PNG"))
        self._action(export, lambda self: self.tr("&ONNX…"),
                     self._on_export_onnx_triggered,
                     tip=lambda self: self.tr("Write the network as an ONNX model (opset 19, "
                                              "any batch size) for PyTorch, ONNX Runtime and "
                                              "other tools"))
        self._action(export, lambda self: self.tr("&PyTorch script…"),
                     self._on_export_pytorch_triggered,
                     tip=lambda self: self.tr("Write a Python script with an nn.Sequential of "
                                              "these layers, its weights in an .npz beside it, "
                                              "to train further in PyTorch"))
        menu.addSeparator()
        self._action(menu, lambda self: self.tr("&Quit"), self.close, QKeySequence.Quit)

    def _build_edit_menu(self, menu):
        keys = []
        for redo in (False, True):
            action = HistoryAction(self.state, redo, self)
            action.stepRefused.connect(self._on_history_refused)
            # an action is told of no language change: the window re-names it
            live.on_language_change(self, lambda _, action=action: action.name_step())
            menu.addAction(action)
            keys.append(action.shortcuts())
        FieldGuard(*keys, self)  # "undo (Ctrl+Z)" works right after an edit in a field
        menu.addSeparator()
        self._action(menu, lambda self: self.tr("&Clear drawing"), self.state.clear_image,
                     "Ctrl+L",
                     lambda self: self.tr("Clear the drawing (also Esc or Delete on the canvas)"))


    def _on_history_refused(self, reason):
        self.statusBar().showMessage(reason, 15000)

    def _build_view_menu(self, menu):
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        self._centre = self._action(
            menu, lambda self: self.tr("&Centre like MNIST"), self.state.set_preprocess,
            tip=lambda self: self.tr("Crop, scale to 20×20 and centre the drawing by mass, as "
                                     "MNIST digits were prepared"))
        self._centre.setCheckable(True)
        self._centre.setChecked(self.state.preprocess)
        sizes = self._menu(menu, lambda self: self.tr("&Input size"))
        self._size_group = QActionGroup(self)
        for n in INPUT_SIZES:
            action = self._action(sizes, lambda _, n=n: f"{n}×{n}", self._on_size_triggered)
            action.setCheckable(True)
            action.setData(n)
            self._size_group.addAction(action)
        sizes.addSeparator()
        self._action(sizes, lambda self: self.tr("Other…"), self._on_other_size_triggered)
        self._build_language_menu(self._menu(menu, lambda self: self.tr("&Language")))

    def _build_language_menu(self, menu):
        """English / 简体中文, each named in itself; the choice applies at once and is remembered."""
        group = QActionGroup(self)
        for language, name in live.LANGUAGES.items():
            action = self._action(menu, lambda _, name=name: name, self._on_language_triggered)
            action.setCheckable(True)
            action.setChecked(language == live.current_language())
            action.setData(language)
            group.addAction(action)
        self._language_group = group

    def _build_help_menu(self, menu):
        # each help action's data is the anchor it opens the help at (None: the top)
        self._action(menu, lambda self: self.tr("ConvScope &help"), self._on_help_triggered,
                     QKeySequence.HelpContents)
        topics = self._menu(menu, lambda self: self.tr("Explain a &concept"))
        for anchor, title, _ in CONCEPTS:
            self._action(topics,
                         lambda _, title=title: concept_title(title, QCoreApplication.translate),
                         self._on_help_triggered).setData(anchor)
        self._action(menu, lambda self: self.tr("&Keyboard shortcuts"),
                     self._on_help_triggered).setData("shortcuts")
        menu.addSeparator()
        self._action(menu, lambda self: self.tr("&About ConvScope"), self._on_about_triggered)

    # ------------------------------------------------------------ menu slots
    # Bound methods, not lambdas using self: a connection holds a lambda, and with it the
    # window, for as long as the action lives; an action of several alike carries its data.
    def _on_new_trained_triggered(self):
        self.new_network(trained=True)

    def _on_new_untrained_triggered(self):
        self.new_network(trained=False)

    def _on_open_triggered(self):
        self._with_path(self.open_network, self.tr("Open network"), self._open_filter())

    def _on_save_triggered(self):
        self._with_path(self.save_network, self.tr("Save network"), self._save_filter(),
                        "network.npz")

    def _on_load_image_triggered(self):
        self._with_path(self.load_image, self.tr("Load image"), samples.image_filter())

    def _on_sample_triggered(self):
        self.show_sample(self.sender().data())

    def _on_example_refused(self, reason):
        self.warn(self.tr("Cannot open the example"), reason)

    def _on_export_maps_triggered(self):
        self._with_path(self.export_maps, self.tr("Export maps"),
                        self.tr("PNG images (*.png)"), "maps.png")

    def _on_export_onnx_triggered(self):
        self._with_path(self.export_onnx, self.tr("Export to ONNX"),
                        self.tr("ONNX models (*.onnx)"), "network.onnx")

    def _on_export_pytorch_triggered(self):
        self._with_path(self.export_pytorch, self.tr("Export as a PyTorch script"),
                        self.tr("Python scripts (*.py)"), "network.py")

    def _on_size_triggered(self):
        self.set_input_size(self.sender().data())

    def _on_language_triggered(self):
        self.set_language(self.sender().data())

    def _on_help_triggered(self):
        self.show_help(self.sender().data())

    # ---------------------------------------------------------------- actions
    def open_network(self, path):
        """Load the network in ``path`` as one undoable step; returns the reason it failed or ''.

        An ONNX model opens the import dialog first (input size, normalisation)."""
        if Path(path).suffix.lower() == ".onnx":
            return self._open_onnx(path)
        try:
            network = engine.load_network(path)
        except engine.ConfigError as error:  # the message names the file
            return self.warn(self.tr("Cannot open the network"), str(error))
        return self._use_network(network, fill(self.tr("Open %1"), Path(path).name))

    def new_network(self, trained):
        """Start again from the digit network, trained or untrained (one undoable step); returns
        the reason it failed or ''."""
        if not trained:
            network = engine.default_digit_network()
        else:
            try:
                network = engine.load_network(MODEL)
            except (engine.ConfigError, OSError) as error:
                return self.warn(self.tr("Cannot open the trained network"), str(error))
        return self._use_network(network, self.tr("New trained digit network") if trained
                                 else self.tr("New untrained digit network"))

    def _use_network(self, network, step_name):
        """Make ``network`` current as the undo step ``step_name``, leaving any lesson; returns
        the refusal (shown) or ''."""
        refusal = self.state.set_network(network, step_name)
        if not refusal:
            self.state.set_lesson(None)
        return self.warn(self.tr("Cannot use the network"), refusal) if refusal else ""

    def _open_onnx(self, path):
        """Show the ONNX import dialog for ``path``; returns the refusal or ''."""
        from gui.onnx_import_dialog import OnnxImportDialog  # loads onnx only when needed

        try:
            dialog = OnnxImportDialog(self.state, path, self)
        except (engine.ConfigError, OSError) as error:
            return self.warn(self.tr("Cannot open the model"), _file_refusal(path, error))
        if self._import_dialog is not None:
            self._import_dialog.deleteLater()
        self._import_dialog = dialog
        dialog.open()
        return ""

    @property
    def import_dialog(self):
        """The ONNX import dialog last opened (for tests and the status bar), or None."""
        return self._import_dialog

    def export_onnx(self, path):
        """Write the network to ``path`` as ONNX; returns the reason it failed or ''."""
        return self._export(lambda: engine.save_network(self.state.network, path), path)

    def export_pytorch(self, path):
        """Write the network to ``path`` as a PyTorch script (weights in an .npz beside it)."""
        return self._export(lambda: engine.export_pytorch(
            self.state.network, path, sample=self.state.model_input), path)

    def _export(self, write, path):
        return self._write_file(write, path, self.tr("Cannot export the network"),
                                self.tr("Exported to %1"))

    def save_network(self, path):
        """Save the current network to ``path``; returns the reason it failed or ''."""
        return self._write_file(lambda: engine.save_network(self.state.network, path), path,
                                self.tr("Cannot save the network"), self.tr("Saved to %1"))

    def _write_file(self, write, path, refused, written):
        """``write()`` the file ``path``: a refusal is warned of under the title ``refused``,
        success said in the status bar (``written``, %1 the path). Returns the refusal or ''."""
        try:
            write()
        except (engine.ConfigError, OSError) as error:
            return self.warn(refused, _file_refusal(path, error))
        self.statusBar().showMessage(fill(written, path), 5000)
        return ""

    def load_image(self, path):
        """Make the image file ``path`` the drawing (undoable); returns why it failed or ''."""
        try:
            image = samples.load_image(path, self.state.image_size,
                                       colour=self.state.network.input_shape[0] == 3)
        except samples.ImageError as error:
            return self.warn(self.tr("Cannot load the image"), str(error))
        self.state.set_image(image, fill(self.tr("Load %1"), Path(path).name))
        return ""

    def show_sample(self, digit):
        """Draw the shipped MNIST sample of ``digit`` (undoable)."""
        self.state.set_image(samples.sample_digit(digit, self.state.image_size),
                             fill(self.tr("Sample %1"), digit))

    def export_maps(self, path):
        """Save every layer's maps (the whole scrollable page, not just the part in view) to the
        PNG ``path``; returns the reason it failed or ''."""
        if not self.maps.grab_page().save(str(path), "PNG"):
            return self.warn(self.tr("Cannot export the maps"),
                             fill(self.tr("Could not write %1."), path))
        return ""

    def set_input_size(self, size):
        """Make the model input size×size (the drawing is resampled); returns the refusal or ''."""
        channels = self.state.network.input_shape[0]
        refusal = self.state.set_input_shape((channels, size, size),
                                             fill(self.tr("Input size %1×%1"), size))
        if refusal:
            self._on_network_changed()  # the radio item the user clicked is not the size in use
            return self.warn(self.tr("Cannot change the input size"), refusal)
        return ""

    def show_training(self):
        """Open the (non-modal) training window."""
        if self._training is None:
            self._training = TrainingDialog(self.state, self)
        self._training.show()
        self._training.raise_()

    def set_language(self, language):
        """Show the interface in ``language`` (a key of ``live.LANGUAGES``) at once, and start in
        it next time; returns False when its translation cannot be loaded."""
        loaded = live.set_language(language)
        if loaded and self._settings is not None:
            self._settings.setValue(live.SETTINGS_KEY, language)
        for action in self._language_group.actions():
            action.setChecked(action.data() == live.current_language())
        return loaded

    @property
    def help_dialog(self):
        """The Help window once it has been opened, else None."""
        return self._help

    def show_help(self, anchor):
        """The help window at the concept ``anchor``, or at its top with None."""
        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show_topic(anchor)

    def warn(self, title, text):
        """Show ``text`` (an engine message is translated) in a window-modal box that does not
        block the event loop; returns it."""
        box = QMessageBox(QMessageBox.Warning, title, engine_text(text), QMessageBox.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return text

    def _with_path(self, use, title, file_filter, save_as=None):
        """Ask for a file to open (or, with ``save_as`` as the suggested name, to save) and hand
        it to ``use``; nothing happens when the dialog is cancelled. The dialog starts in the
        folder used last (remembered between runs with the settings)."""
        path = ask(self.path_dialog(title, file_filter, save_as))
        if path:
            self._last_folder = str(Path(path).parent)
            if self._settings is not None:
                self._settings.setValue("lastFolder", self._last_folder)
            use(path)

    def path_dialog(self, title, file_filter, save_as=None):
        """The dialog ``_with_path`` shows (not yet shown): a file to open, or with ``save_as``
        (the suggested name) to save, starting in ``last_folder()``."""
        return file_dialog(self, title, self.last_folder(), file_filter, save_as)

    def last_folder(self):
        """The folder the Open and Save dialogs start in: the one used last, else "" (Qt's
        default, the working folder)."""
        if self._last_folder is None and self._settings is not None:
            self._last_folder = str(self._settings.value("lastFolder", "", type=str))
        return self._last_folder or ""

    def _on_other_size_triggered(self):
        dialog = QInputDialog(self, objectName="inputSizeDialog")
        live.bind_text(dialog, dialog.setWindowTitle, lambda _: self.tr("Input size"))
        live.bind_text(dialog, dialog.setLabelText,
                       lambda _: self.tr("Height and width of the input, pixels:"))
        dialog.setIntRange(MIN_INPUT, MAX_INPUT)
        dialog.setIntValue(self.state.image_size[0])
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.intValueSelected.connect(self.set_input_size)
        dialog.open()

    def _on_about_triggered(self):
        box = QMessageBox(QMessageBox.Information, "", "", QMessageBox.Ok, self)
        box.setObjectName("aboutBox")
        live.bind_text(box, box.setWindowTitle, lambda _: self.tr("About ConvScope"))
        live.bind_text(box, box.setText, lambda _: self.tr(
            "<b>ConvScope</b> — draw a digit and watch a convolutional network think.<p>"
            "Sample digits: the MNIST database (LeCun, Cortes, Burges), CC BY-SA 3.0."))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()

    def _on_network_changed(self):
        height, width = self.state.image_size
        for action in self._size_group.actions():
            action.setChecked(action.data() == height == width)

    # --------------------------------------------------------------- settings
    def _restore_layout(self):
        if self._settings is None:
            return
        geometry = self._settings.value("geometry")
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self._fit_screen()
        layout = self._settings.value("windowState")
        if isinstance(layout, QByteArray) and self.restoreState(layout, _LAYOUT_VERSION):
            self._dock_layout.recall(self._settings)

    def _fit_screen(self):
        """First run: most of the screen (Qt's default, two thirds, leaves the editors cramped)."""
        screen = self.screen().availableGeometry()
        size = QSize(round(FIRST_RUN_SHARE * screen.width()),
                     round(FIRST_RUN_SHARE * screen.height()))
        self.resize(size.expandedTo(self.minimumSizeHint()).boundedTo(screen.size()))
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())

    def closeEvent(self, event):
        if self._training is not None:
            self._training.close()  # stops a running training before the state goes away
        if self._settings is not None:
            self._settings.setValue("geometry", self.saveGeometry())
            self._settings.setValue("windowState", self.saveState(_LAYOUT_VERSION))
            self._dock_layout.remember(self._settings)
            self._settings.setValue("centreLikeMnist", self.state.preprocess)
            self._settings.sync()
        path = last_network_path(self._data_dir)
        if path is not None and not self._quit_without_remembering:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                engine.save_network(self.state.network, path)
            except (engine.ConfigError, OSError) as error:
                event.ignore()
                self._ask_how_to_quit(path, error)
                return
        super().closeEvent(event)

    def _ask_how_to_quit(self, path, error):
        """The network could not be remembered (disk full, folder read-only): say so and offer to
        save it elsewhere, to quit anyway, or to stay."""
        box = QMessageBox(QMessageBox.Warning, self.tr("The network cannot be remembered"), fill(
            self.tr("ConvScope could not keep the current network for next time in %1 (%2). "
                    "Save it somewhere else before quitting?"), path.parent, _error_words(error)),
            QMessageBox.NoButton, self)
        box.setObjectName("quitBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        save = box.addButton(self.tr("Save elsewhere…"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Quit without keeping it"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(save)

        def answered(button):
            role = box.buttonRole(button)
            if role == QMessageBox.AcceptRole:
                self._with_path(self._save_and_quit, self.tr("Save network"),
                                self._save_filter(), "network.npz")
            elif role == QMessageBox.DestructiveRole:
                self._quit_without_remembering = True
                self.close()
        box.buttonClicked.connect(answered)
        box.open()

    def _save_and_quit(self, path):
        if not self.save_network(path):
            self._quit_without_remembering = True
            self.close()


def _file_refusal(path, error):
    """Why ``path`` could not be written (or opened), naming the file once: the engine's
    ConfigError leaves the file to its caller."""
    return f"{Path(path).name}: {_error_words(error)}"


def _error_words(error):
    """``error`` in the user's words: an OSError's description (its own text adds Python's
    error number and the whole path), an engine message in the interface language."""
    return engine_text(error.strerror if isinstance(error, OSError) and error.strerror
                       else str(error))

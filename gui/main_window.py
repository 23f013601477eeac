"""The main window: composes the canvas, the maps and the docks; owns the menus and the settings.

Every widget talks to ``state`` only; this window just places them, wires the menus to state
methods, and remembers the layout and the last network between runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QFrame, QInputDialog, QMainWindow, QMessageBox, QScrollArea,
    QStyle, QVBoxLayout, QWidget,
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
from gui.examples_menu import ExamplesMenu
from gui.explain.filter_gallery import FilterGallery
from gui.help_dialog import HelpDialog
from gui.history_action import HistoryAction
from gui.present.help_text import CONCEPTS
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
NETWORK_FILTER = "ConvScope networks (*.npz *.json);;All files (*)"
OPEN_FILTER = ("Networks (*.npz *.json *.onnx);;ConvScope networks (*.npz *.json);;"
               "ONNX models (*.onnx);;All files (*)")
INPUT_SIZES = (8, 16, 28, 32, 64, 128, 256)
MIN_INPUT, MAX_INPUT = 8, 256
_LAYOUT_VERSION = 2  # bump when the set of docks changes, so an old saved layout is ignored
FIRST_RUN_SHARE = 0.9  # of the screen's width and height, when no window size is remembered
MIN_MAPS_WIDTH = 300  # px the maps keep when the docks are sized


def last_network_path(data_dir):
    """Where the network is kept between runs, or None when nothing is remembered."""
    return None if data_dir is None else Path(data_dir) / LAST_NETWORK


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
        self.setWindowTitle("ConvScope — draw a digit, watch a CNN think")
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
        self._add_dock("inputDock", "Input", self._canvas_panel(), left)
        self._add_dock("predictionDock", "Prediction", PredictionView(state), left, scroll=True)
        self.dataset = DatasetModel(state, parent=self)
        self._add_dock("layersDock", "Layers", LayerPanel(state), right, scroll=True)
        self._add_dock("kernelDock", "Kernel", KernelEditor(state), right, scroll=True)
        # One tab group only: Qt 6.11 leaves a stray, visible tab bar behind when a second group
        # is tabified before the window is first laid out (a saved layout restores cleanly).
        self._add_dock("inspectorDock", "Unit inspector", UnitInspector(state), bottom)
        for name, title, widget in [("slideDock", "Sliding window", SlideAnimation(state)),
                                    ("filtersDock", "Learned filters", FilterGallery(state)),
                                    ("wantDock", "What filters want", WhatFiltersWant(state)),
                                    ("rfTableDock", "Receptive fields", ReceptiveFieldTable(state))]:
            self._add_dock(name, title, widget, bottom, tab_with="inspectorDock")
        self._add_dock("datasetDock", "Dataset", DatasetPanel(state, self.dataset), bottom,
                       tab_with="inspectorDock", scroll=True)
        self._add_dock("favouritesDock", "Favourite digits", FavouritePatches(state, self.dataset),
                       bottom, tab_with="inspectorDock")
        self._add_dock("attributionDock", "Attribution", AttributionPanel(state), bottom,
                       tab_with="inspectorDock", scroll=True)
        self.docks["inspectorDock"].raise_()
        # The editors on the right run full height; the explanations span the canvas and the maps.
        self.setCorner(Qt.BottomLeftCorner, bottom)
        self.setCorner(Qt.BottomRightCorner, right)
        self._layout_restored = False  # else the docks get sizes for the window's size when shown
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
        return panel

    def _canvas_panel(self):
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        tools = DrawTools(self.state, panel)
        tools.sampleDrawn.connect(lambda _: self.canvas.setFocus(Qt.OtherFocusReason))
        layout.addWidget(tools)
        layout.addWidget(self.canvas, 1)
        return panel

    def _add_dock(self, name, title, widget, area, tab_with=None, scroll=False):
        """Dock ``widget``; ``scroll`` wraps a form-like panel so that its full height never sets
        the window's minimum size (the window must fit small laptop screens)."""
        dock = QDockWidget(title, self)
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

    def _resize_docks(self, sizes, orientation):
        """Dock sizes in pixels, ``[(name, size), ...]`` along ``orientation``."""
        self.resizeDocks([self.docks[name] for name, _ in sizes], [size for _, size in sizes],
                         orientation)

    def _size_docks(self):
        """Dock sizes for the window's size: the editors on the right as wide as their controls
        need (as far as the maps keep room), the canvas column a quarter of the window."""
        width, height = self.width(), self.height()
        editors = max(self.docks[name].widget().widget().sizeHint().width()
                      for name in ("layersDock", "kernelDock"))
        editors += self.style().pixelMetric(QStyle.PM_ScrollBarExtent) + 8
        canvas_column = min(max(round(0.25 * width), 250), 360)
        editors = min(editors, max(width - canvas_column - MIN_MAPS_WIDTH, 250))
        self._resize_docks([("inputDock", canvas_column), ("layersDock", editors)], Qt.Horizontal)
        bottom = min(max(round(0.28 * height), 170), 260)
        self._resize_docks([("inspectorDock", bottom)], Qt.Vertical)
        self._resize_docks([("inputDock", round(0.62 * (height - bottom))),
                            ("predictionDock", round(0.38 * (height - bottom)))], Qt.Vertical)
        self._resize_docks([("layersDock", round(0.58 * height)),
                            ("kernelDock", round(0.42 * height))], Qt.Vertical)

    def showEvent(self, event):
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self._size_docks()

    # ------------------------------------------------------------------ menus
    def _action(self, menu, text, slot, shortcut=None, tip=None):
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self):
        self._build_file_menu(self.menuBar().addMenu("&File"))
        self._build_edit_menu(self.menuBar().addMenu("&Edit"))
        self._build_view_menu(self.menuBar().addMenu("&View"))
        self._build_help_menu(self.menuBar().addMenu("&Help"))

    def _build_file_menu(self, menu):
        new = menu.addMenu("&New")
        self._action(new, "&Trained digit network", lambda: self.new_network(trained=True),
                     QKeySequence.New, "The shipped digit network, trained on MNIST (99 % right)")
        self._action(new, "&Untrained digit network", lambda: self.new_network(trained=False),
                     tip="The same layers with fresh random weights, ready to train (Ctrl+T)")
        self._action(menu, "&Open network…",
                     lambda: self._with_path(self.open_network, "Open network", OPEN_FILTER),
                     QKeySequence.Open, "Load a network: a ConvScope .npz with weights, a .json "
                                        "layer spec, or an ONNX model trained elsewhere")
        self._action(menu, "&Save network…",
                     lambda: self._with_path(self.save_network, "Save network", NETWORK_FILTER,
                                             "network.npz"),
                     QKeySequence.Save, "Save the layers and weights")
        self._action(menu, "&Train the network…", self.show_training, "Ctrl+T",
                     "Train the current network on MNIST digits and watch its filters learn")
        menu.addSeparator()
        self._action(menu, "Load &image…",
                     lambda: self._with_path(self.load_image, "Load image", samples.IMAGE_FILTER),
                     "Ctrl+I", "Draw an image file (PNG, JPEG) fitted to the input: in grey, or in colour "
                     "for a network with 3 input channels")
        sample_menu = menu.addMenu("Sample &digits")
        for digit in range(10):
            self._action(sample_menu, f"Digit {digit}",
                         lambda _=False, d=digit: self.show_sample(d), f"Ctrl+{digit}")
        examples = ExamplesMenu(self.state, menu)
        examples.exampleRefused.connect(lambda reason: self.warn("Cannot open the example", reason))
        menu.addMenu(examples)
        menu.addSeparator()
        export = menu.addMenu("&Export")
        self._action(export, "&Maps as PNG…",
                     lambda: self._with_path(self.export_maps, "Export maps", "PNG images (*.png)",
                                             "maps.png"),
                     "Ctrl+E", "Save every layer's maps as one PNG")
        self._action(export, "&ONNX…",
                     lambda: self._with_path(self.export_onnx, "Export to ONNX",
                                             "ONNX models (*.onnx)", "network.onnx"),
                     tip="Write the network as an ONNX model (opset 19, any batch size) for "
                         "PyTorch, ONNX Runtime and other tools")
        self._action(export, "&PyTorch script…",
                     lambda: self._with_path(self.export_pytorch, "Export as a PyTorch script",
                                             "Python scripts (*.py)", "network.py"),
                     tip="Write a Python script with an nn.Sequential of these layers, its "
                         "weights in an .npz beside it, to train further in PyTorch")
        menu.addSeparator()
        self._action(menu, "&Quit", self.close, QKeySequence.Quit)

    def _build_edit_menu(self, menu):
        for redo in (False, True):
            menu.addAction(HistoryAction(self.state, redo, self._on_history_refused, self))
        menu.addSeparator()
        self._action(menu, "&Clear drawing", self.state.clear_image, "Ctrl+L",
                     "Clear the drawing (also Esc or Delete on the canvas)")

    def _on_history_refused(self, reason):
        self.statusBar().showMessage(reason, 15000)

    def _build_view_menu(self, menu):
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        self._centre = self._action(menu, "&Centre like MNIST", self.state.set_preprocess, tip=(
            "Crop, scale to 20×20 and centre the drawing by mass, as MNIST digits were prepared"))
        self._centre.setCheckable(True)
        self._centre.setChecked(self.state.preprocess)
        sizes = menu.addMenu("&Input size")
        self._size_group = QActionGroup(self)
        for n in INPUT_SIZES:
            action = self._action(sizes, f"{n}×{n}", lambda _=False, n=n: self.set_input_size(n))
            action.setCheckable(True)
            action.setData(n)
            self._size_group.addAction(action)
        sizes.addSeparator()
        self._action(sizes, "Other…", self._on_other_size_triggered)

    def _build_help_menu(self, menu):
        self._action(menu, "&Concepts", lambda: self.show_help(None), QKeySequence.HelpContents)
        topics = menu.addMenu("Concept")
        for anchor, title, _ in CONCEPTS:
            self._action(topics, title, lambda _=False, a=anchor: self.show_help(a))
        self._action(menu, "&Keyboard shortcuts", lambda: self.show_help("shortcuts"))
        menu.addSeparator()
        self._action(menu, "&About ConvScope", self._on_about_triggered)

    # ---------------------------------------------------------------- actions
    def open_network(self, path):
        """Load the network in ``path`` as one undoable step; returns the reason it failed or ''.

        An ONNX model opens the import dialog first (input size, normalisation)."""
        if Path(path).suffix.lower() == ".onnx":
            return self._open_onnx(path)
        try:
            network = engine.load_network(path)
        except engine.ConfigError as error:  # the message names the file
            return self.warn("Cannot open the network", str(error))
        refusal = self.state.set_network(network, f"Open {Path(path).name}")
        if not refusal:
            self.state.set_lesson(None)
        return self.warn("Cannot use the network", refusal) if refusal else ""

    def new_network(self, trained):
        """Start again from the digit network, trained or untrained (one undoable step); returns
        the reason it failed or ''."""
        if not trained:
            network = engine.default_digit_network()
        else:
            try:
                network = engine.load_network(MODEL)
            except (engine.ConfigError, OSError) as error:
                return self.warn("Cannot open the trained network", str(error))
        what = "trained" if trained else "untrained"
        refusal = self.state.set_network(network, f"New {what} digit network")
        if not refusal:
            self.state.set_lesson(None)
        return self.warn("Cannot use the network", refusal) if refusal else ""

    def _open_onnx(self, path):
        """Show the ONNX import dialog for ``path``; returns the refusal or ''."""
        from gui.onnx_import_dialog import OnnxImportDialog  # loads onnx only when needed

        try:
            dialog = OnnxImportDialog(self.state, path, self)
        except (engine.ConfigError, OSError) as error:
            return self.warn("Cannot open the model", f"{Path(path).name}: {error}")
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
        try:
            write()
        except (engine.ConfigError, OSError) as error:
            return self.warn("Cannot export the network", f"{Path(path).name}: {error}")
        self.statusBar().showMessage(f"Exported to {path}", 5000)
        return ""

    def save_network(self, path):
        """Save the current network to ``path``; returns the reason it failed or ''."""
        try:
            engine.save_network(self.state.network, path)
        except (engine.ConfigError, OSError) as error:
            return self.warn("Cannot save the network", f"{Path(path).name}: {error}")
        return ""

    def load_image(self, path):
        """Make the image file ``path`` the drawing (undoable); returns why it failed or ''."""
        try:
            image = samples.load_image(path, self.state.image_size,
                                       colour=self.state.network.input_shape[0] == 3)
        except samples.ImageError as error:
            return self.warn("Cannot load the image", str(error))
        self.state.set_image(image, f"Load {Path(path).name}")
        return ""

    def show_sample(self, digit):
        """Draw the shipped MNIST sample of ``digit`` (undoable)."""
        self.state.set_image(samples.sample_digit(digit, self.state.image_size), f"Sample {digit}")

    def export_maps(self, path):
        """Save every layer's maps (the whole scrollable page, not just the part in view) to the
        PNG ``path``; returns the reason it failed or ''."""
        if not self.maps.grab_page().save(str(path), "PNG"):
            return self.warn("Cannot export the maps", f"Could not write {path}.")
        return ""

    def set_input_size(self, size):
        """Make the model input size×size (the drawing is resampled); returns the refusal or ''."""
        channels = self.state.network.input_shape[0]
        refusal = self.state.set_input_shape((channels, size, size), f"Input size {size}×{size}")
        if refusal:
            self._on_network_changed()  # the radio item the user clicked is not the size in use
            return self.warn("Cannot change the input size", refusal)
        return ""

    def show_training(self):
        """Open the (non-modal) training window."""
        if self._training is None:
            self._training = TrainingDialog(self.state, self)
        self._training.show()
        self._training.raise_()

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
        """Show ``text`` in a window-modal box that does not block the event loop; returns it."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return text

    def _with_path(self, use, title, file_filter, save_as=None):
        """Ask for a file to open (or, with ``save_as`` as the suggested name, to save) and hand
        it to ``use``; nothing happens when the dialog is cancelled. The dialog starts in the
        folder used last (remembered between runs with the settings)."""
        folder = self.last_folder()
        if save_as is None:
            path, _ = QFileDialog.getOpenFileName(self, title, folder, file_filter)
        else:
            path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder, save_as)),
                                                  file_filter)
        if path:
            self._last_folder = str(Path(path).parent)
            if self._settings is not None:
                self._settings.setValue("lastFolder", self._last_folder)
            use(path)

    def last_folder(self):
        """The folder the Open and Save dialogs start in: the one used last, else "" (Qt's
        default, the working folder)."""
        if self._last_folder is None and self._settings is not None:
            self._last_folder = str(self._settings.value("lastFolder", "", type=str))
        return self._last_folder or ""

    def _on_other_size_triggered(self):
        size, ok = QInputDialog.getInt(self, "Input size", "Height and width of the input, pixels:",
                                       self.state.image_size[0], MIN_INPUT, MAX_INPUT)
        if ok:
            self.set_input_size(size)

    def _on_about_triggered(self):
        QMessageBox.about(self, "About ConvScope", (
            "<b>ConvScope</b> — draw a digit and watch a convolutional network think.<p>"
            "Sample digits: the MNIST database (LeCun, Cortes, Burges), CC BY-SA 3.0."))

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
        if isinstance(layout, QByteArray):
            self._layout_restored = self.restoreState(layout, _LAYOUT_VERSION)

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
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        box = QMessageBox(QMessageBox.Warning, "The network cannot be remembered", (
            f"ConvScope could not keep the current network for next time in {path.parent} "
            f"({reason}). Save it somewhere else before quitting?"), QMessageBox.NoButton, self)
        box.setObjectName("quitBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        save = box.addButton("Save elsewhere…", QMessageBox.AcceptRole)
        box.addButton("Quit without keeping it", QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(save)

        def answered(button):
            role = box.buttonRole(button)
            if role == QMessageBox.AcceptRole:
                self._with_path(self._save_and_quit, "Save network", NETWORK_FILTER, "network.npz")
            elif role == QMessageBox.DestructiveRole:
                self._quit_without_remembering = True
                self.close()
        box.buttonClicked.connect(answered)
        box.open()

    def _save_and_quit(self, path):
        if not self.save_network(path):
            self._quit_without_remembering = True
            self.close()

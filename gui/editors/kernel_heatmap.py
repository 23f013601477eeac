"""A small picture of one kernel in the maps' diverging colours, 0 at the centre of the scale."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.i18n import live
from gui.present import colormaps


class KernelHeatmap(pg.GraphicsLayoutWidget):
    """``size``-pixel square view of a (kh, kw) kernel; ``image.image`` is the array shown."""

    def __init__(self, size=112, parent=None):
        super().__init__(parent)
        self.setFixedSize(size, size)
        self.setBackground(None)
        self.ci.setContentsMargins(0, 0, 0, 0)
        live.bind_text(self, self.setToolTip, lambda self: self.tr(
            "The kernel as colours: orange for positive weights, blue for negative, dark for 0"))
        view = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.image = pg.ImageItem(lut=colormaps.DIVERGING)
        view.addItem(self.image)

    def show_kernel(self, kernel):
        self.image.setImage(np.ascontiguousarray(kernel, np.float32),
                            levels=colormaps.levels(kernel, True))

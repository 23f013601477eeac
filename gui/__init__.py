"""ConvScope's Qt widgets; ``gui.state.AppState`` owns the network, the image and the selection."""

import os

# The app's forward passes are many small matrix products, on which two OpenBLAS threads stall
# whenever the other core is busy: a training worker, another program (bench/gui_costs.py
# measures it). Training loses little with one thread. This only takes effect when gui is
# imported before numpy, as main.py and the convscope command do; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

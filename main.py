"""ConvScope: ``python main.py [--screenshot out.png [--size 1400x900]]``."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())

"""Extract one typical MNIST test digit per class as a 28×28 grayscale PNG (white ink on black).

Run from the repository root:  .venv/bin/python resources/samples/make_samples.py
The PNGs are committed; the digits are the shipped ones in resources/data.
"""

import argparse
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from engine.data import read_idx

DATA = Path(__file__).resolve().parents[1] / "data"
HERE = Path(__file__).resolve().parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    images = read_idx(args.data / "digits-8k-images-idx3-ubyte.gz")
    labels = read_idx(args.data / "digits-8k-labels-idx1-ubyte.gz")
    for digit in range(10):
        # The digit nearest its class mean: a reproducible choice that avoids odd handwriting.
        members = np.flatnonzero(labels == digit)
        flat = images[members].reshape(len(members), -1).astype(np.float32)
        index = int(members[np.argmin(((flat - flat.mean(axis=0)) ** 2).sum(axis=1))])
        pixels = np.ascontiguousarray(images[index])
        image = QImage(pixels.data, 28, 28, 28, QImage.Format_Grayscale8)
        image.save(str(HERE / f"digit_{digit}.png"))
        print(f"digit_{digit}.png <- MNIST test item {index}")


if __name__ == "__main__":
    main()

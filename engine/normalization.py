"""Input normalisation: how pixels in [0, 1] become the numbers a network was trained on.

Models trained elsewhere rarely see raw pixels: MNIST models expect (p − 0.1307) / 0.3081,
ImageNet models a mean and spread per colour channel. A Network carries its normalisation (its
file stores it) and :meth:`Normalization.apply` turns a drawing into the network's input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError


@dataclass(frozen=True)
class Normalization:
    """(p − mean) / std per channel, after p → 1 − p when ``invert`` (dark ink on light paper).

    ``mean`` and ``std`` hold one number for every channel, or one for all of them.
    """

    mean: tuple = (0.0,)
    std: tuple = (1.0,)
    invert: bool = False

    def __post_init__(self):
        for name in ("mean", "std"):
            value = getattr(self, name)
            values = tuple(np.ravel(value).tolist()) if not isinstance(value, str) else (value,)
            if not values or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                     and math.isfinite(v) for v in values):
                raise ConfigError(f"the normalisation {name} must be numbers, not {value!r}")
            object.__setattr__(self, name, tuple(float(v) for v in values))
        if min(self.std) <= 0:
            raise ConfigError(f"the normalisation std must be above 0, not {self.std}")
        if not isinstance(self.invert, bool):
            raise ConfigError(f"invert must be true or false, not {self.invert!r}")

    def check(self, channels):
        """ConfigError unless this fits an input of ``channels`` channels."""
        for name in ("mean", "std"):
            if len(getattr(self, name)) not in (1, channels):
                raise ConfigError(f"the input normalisation has {len(getattr(self, name))} "
                                  f"{name} values but the input has {channels} channel"
                                  f"{'s' if channels != 1 else ''}")

    def apply(self, pixels):
        """The network input for ``pixels`` (..., C, H, W) in [0, 1], as float32."""
        x = np.asarray(pixels, np.float32)
        if self.invert:
            x = 1.0 - x
        mean = np.asarray(self.mean, np.float32).reshape(-1, 1, 1)
        std = np.asarray(self.std, np.float32).reshape(-1, 1, 1)
        return ((x - mean) / std).astype(np.float32)

    def to_dict(self) -> dict:
        return {"mean": list(self.mean), "std": list(self.std), "invert": self.invert}

    @classmethod
    def from_dict(cls, d) -> Normalization:
        if not isinstance(d, dict) or set(d) - {"mean", "std", "invert"}:
            raise ConfigError(f'a normalisation is {{"mean": [...], "std": [...], "invert": '
                              f"false}}, not {d!r}")
        return cls(**d)


#: the choices the import dialog offers, by name ("none": raw pixels in [0, 1])
NORMALIZATIONS = {
    "none": None,
    "MNIST": Normalization((0.1307,), (0.3081,)),
    "[−1, 1]": Normalization((0.5,), (0.5,)),
    "ImageNet": Normalization((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
}

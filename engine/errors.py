"""The one exception the engine raises for configurations a learner can get wrong."""

from numbers import Integral

import numpy as np


class ConfigError(ValueError):
    """A network, layer or file that cannot work, explained in words a learner understands."""


def whole_index(value, what):
    """``value`` as an int when it is a whole number (not True, not 1.5); ConfigError otherwise."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ConfigError(f"{what} must be a whole number, not {value!r}")
    return int(value)


def real_array(x, what):
    """``x`` as an array of real numbers (bool, int or float); ConfigError for text, objects or
    complex numbers, which no layer computes with."""
    try:
        x = np.asarray(x)
    except ValueError:  # ragged nested lists
        raise ConfigError(f"{what} must be an array of numbers with one shape") from None
    if x.dtype.kind not in "biuf":
        raise ConfigError(f"{what} must hold real numbers, not {x.dtype} values")
    return x

"""Colour lookup tables and display levels for activation maps (numpy only, no Qt).

Signed maps use a diverging table centred at zero (blue < 0 < orange, near-black at 0, so a
map sits quietly on the app's dark theme and only real responses light up); non-negative maps
use the warm half of the same table stretched over all 256 entries, so a ReLU map looks like
its conv map with the blue removed, which is exactly what a ReLU does.
"""

from __future__ import annotations

import math

import numpy as np

ERROR_HEX = "#e5534b"  # refusals and warnings: reads on the light and the dark theme

# Dark-centred diverging ramp (in the spirit of matplotlib's "berlin"): lightness grows with |x|
# on both sides, so the size of a value reads the same whether it is negative or positive.
_DARK_DIVERGING = ["#b9e3ff", "#5fb0ea", "#2c73b0", "#19395c", "#17191d",
                   "#5c2414", "#a9411c", "#e8772e", "#ffc98a"]


def _ramp(colors, n=256):
    """(n, 4) uint8 RGBA table interpolating the hex ``colors`` evenly from 0 to 1."""
    rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in colors], float)
    stops, samples = np.linspace(0, 1, len(colors)), np.linspace(0, 1, n)
    table = np.full((n, 4), 255, np.uint8)
    for channel in range(3):
        table[:, channel] = np.round(np.interp(samples, stops, rgb[:, channel]))
    return table


DIVERGING = _ramp(_DARK_DIVERGING)
SEQUENTIAL = _ramp(_DARK_DIVERGING[4:])

def signed_layers(layers):
    """For each layer spec, whether its output can be negative (the input image cannot).

    Decided from each spec's ``output_sign``, not from the data, so a map keeps its colormap
    while the user draws.
    """
    signed, out = False, []
    for layer in layers:
        if layer.output_sign == "nonnegative":
            signed = False
        elif layer.output_sign != "input's":
            signed = True
        out.append(signed)
    return out


def lut(signed):
    """The 256-entry RGBA table for a signed (diverging) or non-negative (sequential) map."""
    return DIVERGING if signed else SEQUENTIAL


def stops(signed):
    """``lut(signed)`` as (positions from 0 to 1, colours): the stops of a colour bar's map
    (``pyqtgraph.ColorMap(*stops(signed))``)."""
    table = lut(signed)
    return np.linspace(0.0, 1.0, len(table)), table


def levels(data, signed):
    """Display levels (low, high) for ``data``: symmetric about 0 when ``signed``, else from 0.

    Never an empty range, so an all-zero map shows as the zero colour rather than noise. Units
    that are inf or NaN (huge weights overflow float32) do not set it: they show at its ends.
    """
    high = _extent(data, signed)
    if not math.isfinite(high):
        high = _extent(data[np.isfinite(data)], signed)
    high = high if high > 0 else 1.0
    return (-high if signed else 0.0), high


def _extent(data, signed):
    """The largest value of ``data`` (largest magnitude when ``signed``); 0 when empty."""
    if data.size == 0:
        return 0.0
    return max(-float(data.min()), float(data.max())) if signed else float(data.max())


_NICE_STEPS = np.array([1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0])


def rounded_levels(data, signed):
    """``levels`` with the high end rounded up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k.

    While the user draws, the colour scale (and the colorbar's labels) then moves in steps
    instead of on every frame; a map never uses less than 80 % of the colour range.
    """
    low, high = levels(data, signed)
    scale = 10.0 ** np.floor(np.log10(high))
    high = float(scale * _NICE_STEPS[np.searchsorted(_NICE_STEPS, high / scale * (1 - 1e-9))])
    return (-high if signed else 0.0), high


def normalize_channels(maps, signed, out):
    """Scale each channel of ``maps`` (C, ...) into ``out`` so it spans ``levels(..., signed)`` of ±1.

    Returns ``out``; with ``levels=(-1, 1)`` (signed) or ``(0, 1)`` every channel then uses the
    full colour range on its own (per-channel scaling).
    """
    flat = maps.reshape(len(maps), -1)
    high = flat.max(axis=1)
    if signed:
        np.maximum(high, -flat.min(axis=1), out=high)
    high[high <= 0] = 1.0
    np.divide(maps, high.reshape((-1,) + (1,) * (maps.ndim - 1)), out=out)
    return out

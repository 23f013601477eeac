"""Ready-made lessons: a network with hand-set weights and an input that shows one idea.

``EXAMPLES`` maps a name to an :class:`Example`; ``example.build()`` returns the network and the
image, and :func:`pin_unit` says which unit to pin once the maps are computed.

The canvas holds pixels in [0, 1]. The tutorials use other numbers (the X/O images are −1/+1,
the smoothing matrix runs 0…11); those lessons start with a 1×1 conv that turns the canvas pixel
p back into the tutorial's value (2p − 1, or 11p), so the tutorial's kernels stay exactly as
printed and every map shows the tutorial's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.layers import Conv2d, ConvTranspose2d, MaxPool2d, ReLU
from engine.network import Network
from engine.presets import preset_kernel


@dataclass(frozen=True)
class Example:
    """One lesson.

    Attributes
    ----------
    title, description : str
        Menu text and a few sentences explaining the lesson (the menu's tooltip).
    look, question : str
        Shown while the lesson is open: one or two sentences of what to look at, and a
        question to try.
    build : callable () -> (Network, (H, W) float32 in [0, 1] or None)
        None means: draw the shipped sample digit ``digit`` (decoding it needs the GUI).
    select : int
        The layer to open in the kernel editor.
    pin : (layer, channel, row, col), int or None
        The unit to pin; an int is a layer index: pin its strongest unit.
    digit : int or None
    """

    title: str
    description: str
    build: Callable[[], tuple[Network, np.ndarray | None]]
    select: int
    pin: tuple[int, int, int, int] | int | None = None
    digit: int | None = None
    look: str = ""
    question: str = ""


def pin_unit(example, activations):
    """The (layer, channel, row, col) to pin given the forward's ``activations``, or None."""
    if example.pin is None or isinstance(example.pin, tuple):
        return example.pin
    maps = activations[example.pin]  # (C, H, W)
    return (example.pin,) + tuple(int(i) for i in np.unravel_index(np.argmax(maps), maps.shape))


def _rescale(factor, bias=0.0):
    """A 1×1 conv layer and its params mapping a canvas pixel p to factor·p + bias."""
    return Conv2d(1, 1), {"weight": np.full((1, 1, 1, 1), factor, np.float32),
                          "bias": np.full(1, bias, np.float32)}


def _conv(kernels, **options):
    """A conv layer holding ``kernels`` (F, kh, kw) for a one-channel input, bias 0."""
    kernels = np.asarray(kernels, np.float32)
    layer = Conv2d(len(kernels), kernels.shape[-1], **options)
    return layer, {"weight": kernels[:, None], "bias": np.zeros(len(kernels), np.float32)}


def _network(input_hw, pairs):
    """A Network of (layer, params) ``pairs``; layers without weights pass ``{}``."""
    layers, params = zip(*pairs)
    return Network(input_hw, list(layers), params=list(params))


def _presets(*names):
    return np.stack([preset_kernel(name)[0] for name in names])


# ---------------------------------------------------------------- X and O
def _strokes(points, size=9):
    image = np.zeros((size, size), np.float32)
    rows, cols = zip(*points)
    image[list(rows), list(cols)] = 1.0
    return image


# The tutorial shows its images only as pictures: _X is its X (Brandon Rohrer's, whose feature maps
# the tutorial reproduces); _O and _X_DRAWN are drawn in the same style.
_X = _strokes([(i, i) for i in range(1, 8)] + [(i, 8 - i) for i in range(1, 8)])
_O = _strokes([(1, 3), (1, 4), (1, 5), (2, 2), (2, 6), (3, 1), (4, 1), (5, 1), (3, 7), (4, 7),
               (5, 7), (6, 2), (6, 6), (7, 3), (7, 4), (7, 5)])
# A hand-drawn X: the ╲ stroke's lower half slips one pixel right and the ╱ stroke starts a row
# low, so no 9×9 comparison with the clean X matches, yet the small features still do.
_X_DRAWN = _strokes([(1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (6, 7), (7, 8), (2, 7), (3, 6),
                     (4, 5), (5, 4), (6, 3), (7, 2), (8, 1)])

_TEMPLATES = ("x_diagonal_down", "x_diagonal_up", "x_cross")


def _template_matching(image):
    def build():
        return _network((9, 9), [
            _rescale(2.0, -1.0),
            _conv(_presets(*_TEMPLATES)),
            (ReLU(), {}),
            (MaxPool2d(2, ceil_mode=True), {}),
        ]), image.copy()
    return build


_XO_NOTE = (" Layer 1 (conv 1×1: 2·pixel − 1) turns the canvas's black 0 / white 1 into the "
            "tutorial's −1 / +1; layer 2 holds the three ±1/9 templates (╲ ╱ ╳), so each value is "
            "the mean of the nine products: 1.00 where the template matches perfectly, −1 for "
            "its exact opposite. ReLU drops the negative matches and a 2×2 max pool (ceil mode: "
            "7×7 → 4×4) keeps the best match of each patch.")

# ---------------------------------------------------------------- seeds 002 and 004
# The worked window 4·0 + 0·0 + … + (−4)·2 = −8: a bright corner, 0 → 1 → 2 to the lower right.
_CORNER = np.clip(np.minimum.outer(np.arange(8), np.arange(8)) - 2, 0, 2).astype(np.float32)
_MINUS8_KERNEL = [[4, 0, 0], [0, 0, 0], [0, 0, -4]]
_SMOOTH = np.array([[1, 0, 2, 4, 5, 3, 1], [9, 1, 1, 4, 7, 2, 1], [10, 3, 7, 3, 5, 3, 3],
                    [11, 2, 3, 3, 3, 2, 1], [7, 5, 6, 6, 7, 6, 1], [1, 4, 1, 1, 4, 9, 1],
                    [2, 8, 1, 1, 5, 1, 1]], np.float32)


def _minus8():
    return _network((8, 8), [_rescale(2.0), _conv([_MINUS8_KERNEL])]), _CORNER / 2


def _smoothing():
    return _network((7, 7), [_rescale(11.0), _conv(_presets("box_blur_3x3"))]), _SMOOTH / 11


# ---------------------------------------------------------------- digits
def _sobel():
    return _network((28, 28), [
        _conv(_presets("sobel_x", "sobel_y"), padding=1), (ReLU(), {})]), None


def _three_blurs():
    return _network((28, 28), [_conv(_presets("box_blur_3x3"), padding=1)] * 3), None


def _stride_dilation():
    return _network((28, 28), [
        _conv(_presets("box_blur_3x3"), stride=2, padding=1),
        _conv(_presets("box_blur_3x3"), dilation=2, padding=2)]), None


# ---------------------------------------------------------------- kinds of real small models
_STAMP = [[1, 2], [3, 4]]


def _upsampling():
    layer = ConvTranspose2d(1, 2, stride=2)
    params = {"weight": np.array(_STAMP, np.float32)[None, None], "bias": np.zeros(1, np.float32)}
    return _network((2, 2), [(layer, params)]), np.array([[0.25, 0.5], [0.75, 1.0]], np.float32)


def _separable():
    """Four edge maps, then a depthwise 3×3 (one filter per map) and a pointwise 1×1 mix."""
    edges = _conv(_presets("sobel_x", "sobel_y", "box_blur_3x3", "x_cross"), padding=1)
    depthwise = Conv2d(4, 3, padding=1, groups=4), {
        "weight": np.tile(preset_kernel("box_blur_3x3")[0][None, None], (4, 1, 1, 1)).astype(np.float32),
        "bias": np.zeros(4, np.float32)}
    mix = np.array([[1, 1, 0, 0], [1, -1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 1, 0],
                    [0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], [1, 0, 0, -1]], np.float32)
    pointwise = Conv2d(8, 1), {"weight": mix[:, :, None, None], "bias": np.zeros(8, np.float32)}
    return _network((28, 28), [edges, depthwise, pointwise]), None


EXAMPLES = {
    "x": Example(
        "Template matching: X", "The tutorial's 9×9 X and its three 3×3 features. The ╲ map "
        "reads 1.00 all along the ╲ stroke (the pinned unit), 7/9 ≈ 0.78 in the corners where "
        "one pixel of nine disagrees (the tutorial cuts it to 0.77, 5/9 to 0.55), −0.11 where "
        "five disagree." + _XO_NOTE, _template_matching(_X), select=1, pin=(1, 0, 1, 1),
        look=("Layer 2 has one map per template: each lights up where its stroke lies in the X, "
              "and the pinned ╲ unit reads 1.00, a perfect match."),
        question=("Which ╳ unit is brightest, and why only there? Erase one pixel of the X: which "
                  "numbers drop, and by how much?")),
    "o": Example(
        "Template matching: O", "The same network on an O. Its rounded corners are short "
        "diagonals, so ╲ and ╱ still find 1.00s there; but ╳ needs two strokes crossing and "
        "never passes 0.56: the pinned centre unit scores −0.11 here and 1.00 on the X."
        + _XO_NOTE, _template_matching(_O), select=1, pin=(1, 2, 3, 3),
        look=("The ╲ and ╱ maps still find the short diagonals in the O's corners, but the ╳ "
              "map stays low everywhere."),
        question="Where would you add pixels to make a ╳ unit reach 1.00? Draw them and check."),
    "x_drawn": Example(
        "Template matching: a hand-drawn X", "A bent X: its lower ╲ stroke slips one pixel "
        "right and the ╱ stroke starts a row low, so comparing whole images pixel by pixel "
        "fails. The small features still find their strokes (the pinned ╲ unit on the slipped "
        "half scores 1.00) and after pooling the maps still look like the clean X's."
        + _XO_NOTE, _template_matching(_X_DRAWN), select=1, pin=(1, 0, 4, 5),
        look=("After the 2×2 max pool the maps look like the clean X's, although the two images "
              "differ pixel by pixel."),
        question=("Open the clean X (File ▸ Examples) and compare the pool maps: which units "
                  "changed?")),
    "sobel": Example(
        "Edges: Sobel on a digit", "Two filters: Sobel x answers where brightness rises to the "
        "right (the left edges of the strokes), Sobel y where it rises downwards (their top "
        "edges); ReLU keeps only those, so the opposite edges go dark. The brightest edge is "
        "pinned.", _sobel, select=0, pin=1, digit=3,
        look=("Sobel x lights the left edges of the strokes, Sobel y their top edges; after "
              "ReLU the opposite edges are dark."),
        question="Press Flip 180° in the kernel editor: which edges light up now, and why?"),
    "receptive_field": Example(
        "Receptive field grows: three 3×3 convs", "Three 3×3 box blurs in a row: the pinned "
        "centre unit of the third sees a 3×3 window of the second, 5×5 of the first and 7×7 of "
        "the drawing (r = 1 + 3·(3 − 1)). Each blur spreads the digit a little more.",
        _three_blurs, select=2, pin=(2, 0, 14, 14), digit=3,
        look="Hover a unit of each layer: its window on the canvas grows from 3×3 to 5×5 to 7×7.",
        question=("How big would the window be after a fourth 3×3 conv? Add one and check the "
                  "Receptive fields tab.")),
    "stride_dilation": Example(
        "Stride, padding, dilation", "Layer 1: a 3×3 mean with stride 2 and padding 1 "
        "(28 → 14: the window jumps two pixels, the zero border keeps the edges). Layer 2: the "
        "same mean dilated by 2 (its taps one pixel apart, padding 2 keeps 14×14): the pinned "
        "unit samples a sparse 11×11 patch of the drawing. Step through both in the Sliding "
        "window tab.", _stride_dilation, select=1, pin=(1, 0, 7, 7), digit=3,
        look=("Layer 1's map is 14×14 because its window jumps two pixels; the pinned unit of "
              "layer 2 samples the dotted pixels of an 11×11 patch."),
        question=("Set layer 1's stride to 1: what happens to its map size, and to layer 2's "
                  "window?")),
    "minus_8": Example(
        "The 3×3 window that gives −8", "The worked example 4·0 + 0·0 + 0·0 + 0·0 + 0·1 + 0·1 "
        "+ 0·0 + 0·1 + (−4)·2 = −8 on a bright corner. The tutorial's pixels 0, 1, 2 are drawn "
        "as 0, ½, 1; layer 1 (conv 1×1, weight 2) gives them back, and layer 2 holds its kernel "
        "exactly. The kernel compares each pixel with the one two steps down-right: flat areas "
        "give 0, the corner's edge strongly negative.", _minus8, select=1, pin=(1, 0, 2, 2),
        look="In the Unit inspector, the pinned unit's nine products add up to −8.",
        question=("Type 0 in the kernel's −4 cell: what does the unit read now, and what does the "
                  "map show?")),
    "smoothing": Example(
        "Smoothing with a 3×3 mean", "The tutorial's 7×7 matrix (values 0…11, drawn as value/11; "
        "layer 1, conv 1×1 with weight 11, gives them back) under the 1/9 kernel: each output "
        "is the mean of a 3×3 window. The pinned unit is the tutorial's: the window around the "
        "7 averages to 3.", _smoothing, select=1, pin=(1, 0, 1, 1),
        look="Each output is the mean of the 3×3 window under it: the pinned unit reads 3.",
        question=("Set the kernel's centre to 1 and every other weight to 0: what does the map "
                  "become?")),
    "upsampling": Example(
        "Upsampling with a transposed convolution", "A 2×2 input (0.25, 0.5 / 0.75, 1) becomes "
        "4×4: a transposed conv with stride 2 lets every input pixel stamp the 2×2 kernel "
        "[1 2 / 3 4], scaled by its value, two pixels apart. The top-left pixel 0.25 writes "
        "0.25, 0.5 / 0.75, 1; the bottom-right 1 writes the kernel itself. Output size "
        "(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4. The pinned unit (row 1, col 2) is reached by "
        "one input pixel only: 0.5 (row 0, col 1) × tap 3 = 1.5. The Sliding window tab draws the same as zeros "
        "inserted between the pixels, padded by d(k − 1) − p = 1, then a stride-1 convolution "
        "with the kernel turned 180°.", _upsampling, select=0, pin=(0, 0, 1, 2),
        look=("Each input pixel stamps the 2×2 kernel, scaled by its value, two pixels apart: "
              "the 4×4 output is four stamps side by side."),
        question=("Set the stride to 1: the stamps now overlap. How big is the output, and "
                  "which units add up more than one stamp?")),
    "separable": Example(
        "Depthwise separable convolution", "Layer 1 makes four maps (Sobel x, Sobel y, blur, ╳). "
        "A full 3×3 conv from 4 to 8 maps would hold 8·4·3·3 = 288 weights and do 288·28·28 = "
        "225,792 multiply-adds. Here layer 2 filters each map on its own (groups = 4: 4·3·3 = 36 "
        "weights, 28,224 multiply-adds) and layer 3, a 1×1 conv, mixes the four into eight "
        "(8·4 = 32 weights, 25,088 multiply-adds): the same 8×28×28 output shape from 68 weights "
        "and 53,312 multiply-adds, about a quarter. The Layers table lists both counts per "
        "layer.", _separable, select=1, pin=2, digit=3,
        look=("Layer 2 filters each of the four maps on its own, and layer 3 mixes them into "
              "eight: each row's tooltip in the Layers list counts its weights."),
        question=("How many weights would layer 2 hold with groups = 1 (every filter seeing all "
                  "four maps)? Set it and compare the counts.")),
}

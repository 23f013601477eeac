"""What the Help menu says: one short explanation per concept, and the keyboard shortcuts.

Plain data (HTML fragments), no Qt, so the wording can be read and reviewed on its own; every
text is marked for Qt's lupdate, and the functions take ``translate(context, text)`` (the GUI
passes ``QCoreApplication.translate``) to make the page in the interface language.
"""

from __future__ import annotations

from functools import partial

from gui.i18n import QT_TRANSLATE_NOOP


def _untranslated(context, text):
    return text

#: (anchor, title, HTML body) in the order a course would meet them
CONCEPTS = [
    ("correlation", QT_TRANSLATE_NOOP("Concepts", "Cross-correlation vs convolution"),
     QT_TRANSLATE_NOOP("Concepts",
     "A conv layer slides its kernel over the input; at every position it multiplies each kernel "
     "weight with the pixel under it and adds the products up (plus a bias). Mathematicians call "
     "that <i>cross-correlation</i>. A true <i>convolution</i> first flips the kernel by 180°. "
     "Deep-learning libraries compute cross-correlation and call it convolution: for learned "
     "kernels the difference does not matter (training would simply learn the flipped kernel), "
     "but for a hand-made, asymmetric kernel such as a Sobel edge filter the flip swaps the sign "
     "of the answer. The kernel editor's <b>Flip 180°</b> shows this.")),
    ("kernel", QT_TRANSLATE_NOOP("Concepts", "Kernel size"),
     QT_TRANSLATE_NOOP("Concepts",
     "The kernel is the small grid of weights (3×3, 5×5, …) that slides "
     "over the input. One output "
     "unit looks at a k×k patch only. A bigger kernel sees more at once but has more weights; two "
     "stacked 3×3 layers see a 5×5 patch with 18 instead of 25 weights and "
     "an extra non-linearity.")),
    ("channels", QT_TRANSLATE_NOOP("Concepts", "Depth and channels"),
     QT_TRANSLATE_NOOP("Concepts",
     "Images have channels: 1 for gray, 3 for RGB, and every layer's output has one channel per "
     "filter. A filter always spans <i>all</i> input channels: its kernel is C×k×k, and the "
     "products of all channels are summed into one output map. A layer with F filters therefore "
     "has F·C·k·k weights plus F biases, and outputs F maps (its <i>depth</i>).")),
    ("stride", QT_TRANSLATE_NOOP("Concepts", "Stride"),
     QT_TRANSLATE_NOOP("Concepts",
     "The stride is the step between neighbouring windows. Stride 1 visits every position; stride "
     "2 skips every other one and halves the map. The output size is "
     "⌊(n + 2p − k) / s⌋ + 1 for input size n, padding p, kernel k and stride s; the layer panel "
     "shows it with your numbers filled in.")),
    ("padding", QT_TRANSLATE_NOOP("Concepts", "Padding"),
     QT_TRANSLATE_NOOP("Concepts",
     "Without padding (<i>valid</i>) a k×k window cannot centre on the border pixels, so each "
     "layer shrinks the map by k − 1. Padding adds a border first: <i>same</i> keeps the size at "
     "stride 1, <i>full</i> lets the window hang over by k − 1. The border can be filled with "
     "<b>zeros</b> (zero padding), mirrored (<b>reflect</b>), copied from the edge pixel "
     "(<b>replicate</b>) or "
     "wrapped around from the far side (<b>circular</b>). On the canvas the padded part of a "
     "receptive-field window is hatched and the mode is named.")),
    ("dilation", QT_TRANSLATE_NOOP("Concepts", "Dilation"),
     QT_TRANSLATE_NOOP("Concepts",
     "A dilated kernel spreads its taps apart: with dilation d a 3×3 kernel covers "
     "d·(3 − 1) + 1 pixels per side but still reads only 9 of them. It sees farther without more "
     "weights. The canvas marks the pixels actually read with dots.")),
    ("sharing", QT_TRANSLATE_NOOP("Concepts", "Weight sharing and local connectivity"),
     QT_TRANSLATE_NOOP("Concepts",
     "Each unit of a conv layer is connected only to a small patch of its input (<i>local "
     "connectivity</i>), and every unit of one map uses the same kernel (<i>weight sharing</i>). "
     "So a pattern is detected the same way wherever it appears, and the layer needs few weights: "
     "8 filters of 5×5 on a 28×28 image have 208 parameters, where a dense layer producing the "
     "same 8×28×28 outputs would need about 4.9 million.")),
    ("maps", QT_TRANSLATE_NOOP("Concepts", "Feature maps (activation maps)"),
     QT_TRANSLATE_NOOP("Concepts",
     "Sliding one filter over the whole input gives one map: bright where the input looks like "
     "the filter, dark where it looks like its opposite. After ReLU only the positive matches "
     "remain. Signed maps are drawn with a diverging colormap centred at zero, non-negative ones "
     "with a sequential colormap. Hover a unit to see its value and its window on the canvas; "
     "click to pin it.")),
    ("pooling", QT_TRANSLATE_NOOP("Concepts", "Pooling"),
     QT_TRANSLATE_NOOP("Concepts",
     "Pooling summarises each small window of a map: <b>max pooling</b> keeps the strongest "
     "response, <b>average pooling</b> the mean. It has no weights, makes the map smaller (2×2 "
     "with stride 2 halves it), and makes the result tolerant to small shifts of the input.")),
    ("receptive", QT_TRANSLATE_NOOP("Concepts", "Receptive field"),
     QT_TRANSLATE_NOOP("Concepts",
     "A unit's receptive field is the patch of the <i>input</i> that can influence it. It grows "
     "with every layer: r<sub>l</sub> = r<sub>l−1</sub> + (k − 1)·j<sub>l−1</sub>, where the jump "
     "j is the product of the strides so far. Deep units see large parts of the image, and "
     "pooling or striding makes the field grow faster. In practice a unit depends most on the "
     "centre of its field: the <i>effective</i> receptive field is much "
     "smaller (Luo et al., 2016).")),
    ("template", QT_TRANSLATE_NOOP("Concepts", "Template matching: X and O"),
     QT_TRANSLATE_NOOP("Concepts",
     "A kernel is a small template: the sum of products is largest where the input looks like "
     "the kernel. The classic X-versus-O example uses three 3×3 templates: the two diagonals and "
     "a small ×. On an X the diagonal maps light up along its arms; on an O they stay weak. "
     "Pooling keeps \"a diagonal was somewhere here\", and the next layers combine the parts into "
     "\"X\" or \"O\". Put a diagonal preset into a kernel and draw an X to see it.")),
    ("learned", QT_TRANSLATE_NOOP("Concepts", "Learned filters"),
     QT_TRANSLATE_NOOP("Concepts",
     "Nobody draws the kernels of a trained network: gradient descent adjusts every weight to "
     "make the predictions better. First-layer filters of a digit network turn into stroke and "
     "edge detectors at various orientations; deeper filters respond to combinations of them "
     "(corners, loops, line ends). Open the trained network and look at its kernels and maps.")),
    ("dense", QT_TRANSLATE_NOOP("Concepts", "Flatten, dense and softmax"),
     QT_TRANSLATE_NOOP("Concepts",
     "At the end the maps are flattened into one long list of numbers. A dense layer connects "
     "every one of them to every output, and softmax turns the last ten numbers into "
     "probabilities that add up to 1: the network's confidence in each digit.")),
    ("mistakes", QT_TRANSLATE_NOOP("Concepts", "Held-out digits and the confusion matrix"),
     QT_TRANSLATE_NOOP("Concepts",
     "A network is judged on digits it never trained on: the shipped model learned from 7,000 "
     "digits and 1,000 were held out. The <b>Dataset</b> dock counts, for every right answer (a "
     "row), what the network said (a column): the diagonal is right, everything else a mistake. "
     "Click a cell to see those digits and put one on the canvas: the maps, windows and the unit "
     "inspector then show how the mistake came about.")),
    ("attribution", QT_TRANSLATE_NOOP("Concepts", "Attribution: which pixels mattered"),
     QT_TRANSLATE_NOOP("Concepts",
     "The <b>Attribution</b> dock colours the canvas by how much each pixel drove one class: the "
     "gradient of its probability (saliency), that gradient times the ink (gradient × input), "
     "the drop when a patch is covered (occlusion), or Grad-CAM, which weighs a layer's feature "
     "maps by how much they raise the class score. <b>Favourite digits</b> and <b>What filters "
     "want</b> show the same from a unit's side: the digits, and the made-up input, that drive "
     "it hardest.")),
]

#: (keys, what they do)
SHORTCUTS = [
    (QT_TRANSLATE_NOOP("Shortcuts", "Left drag on the canvas"),
     QT_TRANSLATE_NOOP("Shortcuts", "draw (soft round brush)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Right drag on the canvas"),
     QT_TRANSLATE_NOOP("Shortcuts", "erase")),
    (QT_TRANSLATE_NOOP("Shortcuts", "E (canvas)"),
     QT_TRANSLATE_NOOP("Shortcuts", "toggle the eraser")),
    (QT_TRANSLATE_NOOP("Shortcuts", "[ / ] (canvas)"),
     QT_TRANSLATE_NOOP("Shortcuts", "smaller / bigger brush")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Esc (canvas)"),
     QT_TRANSLATE_NOOP("Shortcuts", "unpin the pinned unit; with nothing pinned, clear the drawing")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Delete, Backspace (canvas); Ctrl+L"),
     QT_TRANSLATE_NOOP("Shortcuts", "clear the drawing")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Z"),
     QT_TRANSLATE_NOOP("Shortcuts", "undo (whole strokes, kernel and layer edits)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Shift+Z, Ctrl+Y"),
     QT_TRANSLATE_NOOP("Shortcuts", "redo")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+0 … Ctrl+9"),
     QT_TRANSLATE_NOOP("Shortcuts", "draw a sample digit")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+N"),
     QT_TRANSLATE_NOOP("Shortcuts", "start again from the trained digit network (File ▸ New)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+O / Ctrl+S"),
     QT_TRANSLATE_NOOP("Shortcuts", "open / save a network")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+T"),
     QT_TRANSLATE_NOOP("Shortcuts", "train the network on MNIST digits")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+I"),
     QT_TRANSLATE_NOOP("Shortcuts", "load an image file (PNG/JPEG, fitted to the input size; "
                                    "colour for RGB networks)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+E"),
     QT_TRANSLATE_NOOP("Shortcuts", "export the activation maps as PNG")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Hover a map unit"),
     QT_TRANSLATE_NOOP("Shortcuts", "show its receptive-field window on the canvas")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Click a map unit, arrow keys, Esc"),
     QT_TRANSLATE_NOOP("Shortcuts", "pin it, move the pinned unit, unpin it")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Double-click a map channel"),
     QT_TRANSLATE_NOOP("Shortcuts", "enlarge it (double-click again to go back)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "R (Attribution dock)"),
     QT_TRANSLATE_NOOP("Shortcuts", "occlude the drawing again")),
    (QT_TRANSLATE_NOOP("Shortcuts", "F1"),
     QT_TRANSLATE_NOOP("Shortcuts", "explanations of the concepts")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Q"),
     QT_TRANSLATE_NOOP("Shortcuts", "quit")),
]


def concept_title(title, translate=_untranslated):
    """A concept's title (from ``CONCEPTS``), translated."""
    return translate("Concepts", title)


def concepts_html(translate=_untranslated):
    """All concepts as one HTML page with a linked table of contents, translated."""
    local = partial(translate, "Concepts")
    contents = " · ".join(f'<a href="#{anchor}">{local(title)}</a>'
                          for anchor, title, _ in CONCEPTS)
    sections = "".join(f'<h3><a name="{anchor}"></a>{local(title)}</h3><p>{local(body)}</p>'
                       for anchor, title, body in CONCEPTS)
    heading = translate("Concepts", QT_TRANSLATE_NOOP("Concepts", "Concepts"))
    return f"<h2>{heading}</h2><p>{contents}</p>{sections}"


def shortcuts_html(translate=_untranslated):
    """The shortcuts as an HTML table, translated."""
    local = partial(translate, "Shortcuts")
    rows = "".join(f"<tr><td><b>{local(keys)}</b>&nbsp;&nbsp;</td><td>{local(what)}</td></tr>"
                   for keys, what in SHORTCUTS)
    heading = translate("Shortcuts", QT_TRANSLATE_NOOP("Shortcuts", "Keyboard and mouse"))
    return (f"<h2><a name='shortcuts'></a>{heading}</h2>"
            f"<table cellspacing='4'>{rows}</table>")

"""The engine's messages in the interface language.

The engine writes plain English (it has no Qt): f-strings in its exceptions, the layers'
descriptions, and the titles and descriptions of its lessons and kernel presets. This catalogue
holds each of them as a template, ``%1``, ``%2``, … where the engine fills in a value, marked for
Qt's lupdate under the context ``engine``. ``engine_text(message)`` finds the template the
message was made from, translates it and puts the same values back, each value translated in its
turn: messages nest ("layer 3 (conv 3×3 s1): the kernel size must be …"), and some values are
words ("the stride").

Why a catalogue rather than templates offered by the engine: the engine's messages stay the
readable f-strings they are, written where the fault is found, and nothing in the engine changes
for a language (nor for the next one). tests/gui/i18n/test_translations.py reads the engine's
sources (tests/gui/i18n/engine_templates.py) and fails for any message missing here, so the
catalogue cannot silently fall behind; a message it does not know is shown in English, never lost.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from gui.i18n import fill

#: what the engine raises, as templates (tests/gui/i18n/engine_templates.py finds them)
MESSAGES = (
    QT_TRANSLATE_NOOP("engine",
        "attribution needs a network that ends in softmax over a flat vector (… → dense → "
        "softmax): it asks which pixels raised one class's probability"),
    QT_TRANSLATE_NOOP("engine", "class %1 does not exist: the network has %2 classes"),
    QT_TRANSLATE_NOOP("engine",
        "Grad-CAM needs a layer with feature maps (a conv, pooling or activation layer before "
        "the flatten)"),
    QT_TRANSLATE_NOOP("engine", "the occlusion %1 must be a whole number of pixels ≥ 1, not %2"),
    QT_TRANSLATE_NOOP("engine",
        "%1 is not an IDX file: it should start with 00 00, a type byte (08 for bytes) and the "
        "number of dimensions; it starts with %2"),
    QT_TRANSLATE_NOOP("engine", "%1: the IDX header declares %2 dimensions but is cut short"),
    QT_TRANSLATE_NOOP("engine",
        "%1: the header promises %2 values (%3 bytes of data) but the file holds %4 bytes — it "
        "is truncated or not an IDX file"),
    QT_TRANSLATE_NOOP("engine",
        "%1 should hold images (3 dimensions: count × height × width), it has %2"),
    QT_TRANSLATE_NOOP("engine", "%1 should hold one whole-number label per image"),
    QT_TRANSLATE_NOOP("engine", "there are %1 images but %2 labels"),
    QT_TRANSLATE_NOOP("engine", "%1: labels must be 0 or more, found %2"),
    QT_TRANSLATE_NOOP("engine", "cannot read %1: %2"),
    QT_TRANSLATE_NOOP("engine", "%1: expected one '*%2*idx*' file, found %3"),
    QT_TRANSLATE_NOOP("engine", "%1: no '*%2*idx*' file found"),
    QT_TRANSLATE_NOOP("engine", "%1 looks gzip-compressed but is damaged or cut short"),
    QT_TRANSLATE_NOOP("engine",
        "the effective receptive field needs the image x it is measured on"),
    QT_TRANSLATE_NOOP("engine",
        "evaluating needs a network that ends in softmax over a flat vector (… → dense → "
        "softmax): its answers are those probabilities"),
    QT_TRANSLATE_NOOP("engine",
        "there is no image to explain: pass the image x the maps came from"),
    QT_TRANSLATE_NOOP("engine", "explain looks at one image, not a batch"),
    QT_TRANSLATE_NOOP("engine", "layer %1 does not exist (the network has %2)"),
    QT_TRANSLATE_NOOP("engine", "unit %1 is outside layer %2's output of shape %3"),
    QT_TRANSLATE_NOOP("engine", "layer %1 has %2 channels, not %3"),
    QT_TRANSLATE_NOOP("engine", 'this is not a ConvScope network: a spec needs "format": "%1"'),
    QT_TRANSLATE_NOOP("engine", '"layers" must be a list of layers like {"type": "relu"}'),
    QT_TRANSLATE_NOOP("engine", "this .npz has no network spec; it was not written by ConvScope"),
    QT_TRANSLATE_NOOP("engine", "the spec entry is not text; this is not a ConvScope network"),
    QT_TRANSLATE_NOOP("engine", "the file has arrays that belong to no layer: %1"),
    QT_TRANSLATE_NOOP("engine", 'the network spec has no "%1"'),
    QT_TRANSLATE_NOOP("engine", "cannot open %1: %2"),
    QT_TRANSLATE_NOOP("engine", "cannot open the file: %1"),
    QT_TRANSLATE_NOOP("engine", "%1: %2"),
    QT_TRANSLATE_NOOP("engine", "the spec is not valid JSON (%1 at line %2, column %3)"),
    QT_TRANSLATE_NOOP("engine", "layer %1 (%2) has no %3 in the file"),
    QT_TRANSLATE_NOOP("engine", "%1 must be a whole number, not %2"),
    QT_TRANSLATE_NOOP("engine", "%1 must be at least %2, not %3"),
    QT_TRANSLATE_NOOP("engine", "%1 must be a number or a (height, width) pair, not %2"),
    QT_TRANSLATE_NOOP("engine",
        'a layer must be written as an object like {"type": "relu"}, not %1'),
    QT_TRANSLATE_NOOP("engine", "unknown layer type %1 (did you mean %2?); known types: %3"),
    QT_TRANSLATE_NOOP("engine", "unknown layer type %1; known types: %2"),
    QT_TRANSLATE_NOOP("engine", "a %1 layer needs %2"),
    QT_TRANSLATE_NOOP("engine", "%1 must be true or false, not %2"),
    QT_TRANSLATE_NOOP("engine",
        "the input is a flat list of %1 numbers, not an image; %2 needs channels × height × "
        "width (put it before flatten/dense)"),
    QT_TRANSLATE_NOOP("engine",
        "padding %1 is more than half the %2 window, so some windows would see only padding"),
    QT_TRANSLATE_NOOP("engine", "the padding mode must be one of %1, not %2"),
    QT_TRANSLATE_NOOP("engine",
        '"same" padding keeps the size only at stride 1; give the padding as a number for a '
        'strided convolution'),
    QT_TRANSLATE_NOOP("engine",
        "the input is a flat list of %1 numbers, not an image; a transposed conv needs channels "
        "× height × width"),
    QT_TRANSLATE_NOOP("engine", "the negative slope must be a number, not %1"),
    QT_TRANSLATE_NOOP("engine", "momentum must be between 0 and 1, not %1"),
    QT_TRANSLATE_NOOP("engine",
        "the input is a flat list of %1 numbers; batch norm 2d normalizes the channels of maps "
        "(put it before flatten/dense)"),
    QT_TRANSLATE_NOOP("engine",
        "a %1 layer has no setting %2 (did you mean %3?); its settings are %4"),
    QT_TRANSLATE_NOOP("engine", "a %1 layer has no setting %2 (did you mean %3?)"),
    QT_TRANSLATE_NOOP("engine", "a %1 layer has no setting %2; its settings are %3"),
    QT_TRANSLATE_NOOP("engine", "a %1 layer has no setting %2"),
    QT_TRANSLATE_NOOP("engine",
        "padding must be a number, a (rows, cols) pair or ((top, bottom), (left, right)), not "
        "%1"),
    # the first is what the second makes without padding or dilation (adjacent holes, as below)
    QT_TRANSLATE_NOOP("engine", "the input is %1×%2, smaller than the %3 (%4×%5)"),
    QT_TRANSLATE_NOOP("engine", "the input is %1×%2%3, smaller than the %4%5 (%6×%7)"),
    QT_TRANSLATE_NOOP("engine", "%1 padding of %2 needs an input at least %3 %4, but it is %5 %6"),
    QT_TRANSLATE_NOOP("engine",
        "the output padding (%1) must be smaller than the stride (%2) or the dilation (%3)"),
    QT_TRANSLATE_NOOP("engine", "%1 must be a number ≥ 0, not %2"),
    QT_TRANSLATE_NOOP("engine", "%1: needs %2, but was given %3"),
    QT_TRANSLATE_NOOP("engine",
        "the network expects images of %1×%2×%3 (channels × height × width) or a batch of them, "
        "but was given an array of shape %4"),
    QT_TRANSLATE_NOOP("engine", "layer %1 is %2, not a layer such as Conv2d(8, 3)"),
    QT_TRANSLATE_NOOP("engine",
        "%1: the %2 has shape %3 (%4) but this layer needs numbers of shape %5"),
    QT_TRANSLATE_NOOP("engine", "the seed must be a whole number ≥ 0, not %1"),
    QT_TRANSLATE_NOOP("engine", "there are weights for %1 layers but the network has %2"),
    QT_TRANSLATE_NOOP("engine",
        "predict needs a network that ends in softmax over a flat vector (… → dense → softmax)"),
    QT_TRANSLATE_NOOP("engine", "layer %1: %2"),
    QT_TRANSLATE_NOOP("engine",
        "%1 must be (channels, height, width) or a batch of those, not an array of shape %2"),
    QT_TRANSLATE_NOOP("engine", "the input is %1×%2 after padding, smaller than the %3 (%4×%5)"),
    QT_TRANSLATE_NOOP("engine",
        "the kernel must be (filters, channels, height, width), not shape %1"),
    QT_TRANSLATE_NOOP("engine", "the input has %1 channels but the kernel expects %2"),
    QT_TRANSLATE_NOOP("engine",
        "the input has %1 channels but the kernel expects %2 (%3 groups of %4)"),
    QT_TRANSLATE_NOOP("engine", "the bias needs one value per filter (%1), not shape %2"),
    QT_TRANSLATE_NOOP("engine", "groups must be a whole number ≥ 1, not %1"),
    QT_TRANSLATE_NOOP("engine", "padding and output padding cannot be negative"),
    QT_TRANSLATE_NOOP("engine",
        "the output padding (%1) must be smaller than the stride (%2) or the dilation (%3): it "
        "only chooses among the sizes that a stride-%4 convolution would shrink back to %5"),
    QT_TRANSLATE_NOOP("engine",
        "the padding (%1) crops away the whole output: (%2 − 1)·%3 − 2·%4 + %5·(%6 − 1) + %7 + "
        "1 = %8"),
    QT_TRANSLATE_NOOP("engine", "%1 must be a whole number or a (height, width) pair, not %2"),
    QT_TRANSLATE_NOOP("engine", "%1 cannot be negative, not %2"),
    QT_TRANSLATE_NOOP("engine",
        "the kernel must be (input channels, filters, height, width), not shape %1"),
    QT_TRANSLATE_NOOP("engine",
        "batch norm needs more than one value per channel while training (a batch of one 1×1 "
        "map has no spread to normalize)"),
    QT_TRANSLATE_NOOP("engine", "the dropout probability must be between 0 and 1, not %1"),
    QT_TRANSLATE_NOOP("engine", 'pooling mode must be "max" or "avg", not %1'),
    QT_TRANSLATE_NOOP("engine", "only max pooling has winner indices"),
    QT_TRANSLATE_NOOP("engine", "pool padding %1 is more than half the %2×%3 window"),
    QT_TRANSLATE_NOOP("engine",
        "the %1 %2 cannot be split into %3 equal groups (groups must divide both the input "
        "channels and the %4)"),
    QT_TRANSLATE_NOOP("engine", "the %1 needs one value per channel (%2), not shape %3"),
    QT_TRANSLATE_NOOP("engine", "batch norm outside training needs the running mean and variance"),
    QT_TRANSLATE_NOOP("engine",
        "the input is %1×%2 after padding, smaller than the %3×%4 pool window"),
    QT_TRANSLATE_NOOP("engine", "unknown optimizer %1: choose one of %2"),
    QT_TRANSLATE_NOOP("engine", "%1 must be at least 1, not %2"),
    QT_TRANSLATE_NOOP("engine",
        "kernel size, stride and dilation must be at least 1 and padding cannot be negative"),
    QT_TRANSLATE_NOOP("engine",
        "the input is %1 long after padding, shorter than the kernel (%2)"),
    QT_TRANSLATE_NOOP("engine", 'padding must be a number, "valid", "same" or "full", not %1'),
    QT_TRANSLATE_NOOP("engine", "padding cannot be negative, not %1"),
    QT_TRANSLATE_NOOP("engine", "padding mode must be one of %1, not %2"),
    QT_TRANSLATE_NOOP("engine", "%1 padding of %2×%3 needs an input larger than %4×%5"),
    QT_TRANSLATE_NOOP("engine", "cannot %1-pad an empty %2×%3 input"),
    QT_TRANSLATE_NOOP("engine", "padding must be ((top, bottom), (left, right)), not %1"),
    QT_TRANSLATE_NOOP("engine", "no preset named %1; known: %2"),
    QT_TRANSLATE_NOOP("engine", "unit (%1, %2) is outside the %3×%4 map of layer %5"),
    QT_TRANSLATE_NOOP("engine",
        "training needs a network that ends in softmax over a flat vector (… → dense → "
        "softmax): it learns by comparing those probabilities with the right answers"),
    QT_TRANSLATE_NOOP("engine",
        "the network has no conv or dense layer, so it has nothing to learn"),
    QT_TRANSLATE_NOOP("engine", "the learning rate must be a positive number, not %1"),
    QT_TRANSLATE_NOOP("engine", 'the schedule must be "one-cycle" or "constant", not %1'),
    QT_TRANSLATE_NOOP("engine", "the network takes %1×%2×%3 images but these are %4"),
    QT_TRANSLATE_NOOP("engine",
        "there are %1 images and %2 labels; training needs one label per image, and at least "
        "one image"),
    QT_TRANSLATE_NOOP("engine",
        "the labels must be whole numbers from 0 to %1 (the network has %2 outputs), but they "
        "run from %3 to %4"),
    QT_TRANSLATE_NOOP("engine", "the %1 must be a whole number ≥ 1, not %2"),
    QT_TRANSLATE_NOOP("engine", "--validation must be between 0 and %1"),
    QT_TRANSLATE_NOOP("engine",
        "training diverged in epoch %1 (the loss became %2): the learning rate %3 is too high "
        "for this network; try a smaller one"),
    QT_TRANSLATE_NOOP("engine", "%1: the data its header declares, in bytes,"),
    QT_TRANSLATE_NOOP("engine", "%1: its size in bytes"),
    QT_TRANSLATE_NOOP("engine", "%1 must hold real numbers, not %2 values"),
    QT_TRANSLATE_NOOP("engine", "%1 must be an array of numbers with one shape"),
    QT_TRANSLATE_NOOP("engine",
        "the labels run from %1 to %2 but the network has %3 outputs: end it with a dense layer "
        "of %4 followed by softmax"),
    QT_TRANSLATE_NOOP("engine",
        "the labels run from %1 to %2 but the network has %3 output%4: end it with a dense layer "
        "of %5 followed by softmax"),
    QT_TRANSLATE_NOOP("engine", "the spec holds %1; settings must be finite numbers"),
    QT_TRANSLATE_NOOP("engine",
        "not a readable ConvScope .npz file; it may be truncated or of another kind (a ConvScope "
        "network is a .npz archive or a JSON spec)"),
    # the first is what the second makes for a file from a newer ConvScope: adjacent holes
    # cannot be told apart when a message is read back
    QT_TRANSLATE_NOOP("engine",
        "this network file has version %1; this ConvScope reads version %2 (it may come from a "
        "newer ConvScope)"),
    QT_TRANSLATE_NOOP("engine",
        "this network file has version %1; this ConvScope reads version %2%3"),
    QT_TRANSLATE_NOOP("engine",
        "a .json file holds only the layer spec, not the weights; save the network as .npz to "
        "keep them"),
    QT_TRANSLATE_NOOP("engine",
        "the spec nests lists and objects more than %1 deep; a network spec never needs that"),
    QT_TRANSLATE_NOOP("engine",
        "the spec holds a whole number of %1 digits; settings have at most %2"),
    QT_TRANSLATE_NOOP("engine", "the spec holds %1, too large for a number"),
    QT_TRANSLATE_NOOP("engine", "%1 declares %2 bytes, more than it can need (%3)"),
    QT_TRANSLATE_NOOP("engine", "%1 is cut short; the file is truncated"),
    QT_TRANSLATE_NOOP("engine", "the spec is not UTF-8 text (byte %1 is 0x%2); save it as UTF-8"),
    QT_TRANSLATE_NOOP("engine", "%1 has shape %2 but the layer needs %3"),
    QT_TRANSLATE_NOOP("engine", "%1 holds %2 values, not numbers or text"),
    QT_TRANSLATE_NOOP("engine", "%1 declares %2 bytes of data, more than it can need (%3)"),
    QT_TRANSLATE_NOOP("engine", "the spec's size in bytes"),
    QT_TRANSLATE_NOOP("engine",
        "the stride must be a whole number or a (height, width) pair, not null"),
    QT_TRANSLATE_NOOP("engine", "the number of layers"),
    QT_TRANSLATE_NOOP("engine", "the input is %1×%2; ConvScope handles inputs up to %3×%4"),
    QT_TRANSLATE_NOOP("engine", "the input's size"),
    QT_TRANSLATE_NOOP("engine", "its %1 would hold %2 numbers, more than ConvScope handles (%3)"),
    QT_TRANSLATE_NOOP("engine", "the number of values in all the maps"),
    QT_TRANSLATE_NOOP("engine", "the number of weights"),
    QT_TRANSLATE_NOOP("engine", "the multiply-adds of one forward pass"),
    QT_TRANSLATE_NOOP("engine",
        "its input would be %1×%2 once padded; ConvScope handles up to %3×%4"),
    QT_TRANSLATE_NOOP("engine", "%1 would be %2, more than ConvScope handles (%3)"),
    QT_TRANSLATE_NOOP("engine",
        "the input size must be (channels, height, width) or (height, width) with every number a "
        "whole number at least 1, not %1"),
    QT_TRANSLATE_NOOP("engine",
        "%1: the %2 holds values that are not finite numbers (NaN, infinity, or beyond float32's "
        "±3.4e38)"),
    QT_TRANSLATE_NOOP("engine", "the input normalisation must be a Normalization or None, not %1"),
    QT_TRANSLATE_NOOP("engine", "the batch is empty: give at least one image"),
    QT_TRANSLATE_NOOP("engine", "the normalisation std must be above 0, not %1"),
    QT_TRANSLATE_NOOP("engine", "invert must be true or false, not %1"),
    QT_TRANSLATE_NOOP("engine",
        'a normalisation is {"mean": [...], "std": [...], "invert": false}, not %1'),
    QT_TRANSLATE_NOOP("engine", "the normalisation %1 must be numbers, not %2"),
    QT_TRANSLATE_NOOP("engine",
        "the input normalisation has %1 %2 values but the input has %3 channels"),
    QT_TRANSLATE_NOOP("engine",
        "the input normalisation has %1 %2 values but the input has %3 channel%4"),
    QT_TRANSLATE_NOOP("engine",
        "the file is %1 MB; ConvScope opens ONNX models up to %2 MB (small CNNs are a few MB at "
        "most)"),
    QT_TRANSLATE_NOOP("engine", "the model takes %1×%2 images; ConvScope shows inputs up to %3×%4"),
    QT_TRANSLATE_NOOP("engine",
        "the model uses ONNX opset %1; ConvScope reads opset %2 and newer (re-export it with a "
        "newer exporter)"),
    QT_TRANSLATE_NOOP("engine",
        "the graph has %1 inputs (%2); ConvScope follows one image through a chain of layers"),
    QT_TRANSLATE_NOOP("engine",
        "the input %1 holds %2 values; ConvScope feeds images as floating-point numbers"),
    QT_TRANSLATE_NOOP("engine",
        "the input %1 has shape %2; ConvScope needs images as (batch, channels, height, width) "
        "with a fixed channel count"),
    QT_TRANSLATE_NOOP("engine", "%1 %2"),
    QT_TRANSLATE_NOOP("engine", "not a readable ONNX model (%1: %2)"),
    QT_TRANSLATE_NOOP("engine",
        "the graph's output (%1) is not the end of the chain (%2); ConvScope shows one chain "
        "ending in the output"),
    QT_TRANSLATE_NOOP("engine", "the graph ends in a Pad; ConvScope folds Pad into the next layer"),
    QT_TRANSLATE_NOOP("engine", "%1 (%2) cannot be written as ONNX yet"),
    QT_TRANSLATE_NOOP("engine", "the model does not fit its input: %1"),
    # a note on the way in (not raised): the node's label is "node %1 (%2)"
    QT_TRANSLATE_NOOP("engine",
        "%1 is shown as a softmax: probabilities instead of their logarithms (the same "
        "prediction)"),
    QT_TRANSLATE_NOOP("engine", "node %1 (%2)"),
    # an ONNX node's refusal, "%1 %2" with the node's label first: read as one template, as
    # "%1 %2" alone would split at the first space; then one of these (onnx_io._refuse)
    QT_TRANSLATE_NOOP("engine", "node %1 (%2) %3"),
    QT_TRANSLATE_NOOP("engine", "is from the op set %1"),
    QT_TRANSLATE_NOOP("engine",
        "combines the image with another computed tensor: the graph branches (a residual Add, a "
        "Concat, or two inputs), and ConvScope shows chains of layers only"),
    QT_TRANSLATE_NOOP("engine",
        "is one of %1 nodes reading %2: the graph branches there, and ConvScope shows chains of "
        "layers only"),
    QT_TRANSLATE_NOOP("engine", "is an operation ConvScope cannot show; it reads %1"),
    QT_TRANSLATE_NOOP("engine",
        "follows a Pad, which ConvScope can only fold into the padding of the convolution or "
        "pooling right after it"),
    QT_TRANSLATE_NOOP("engine", "would build a constant of shape %1, too large"),
    QT_TRANSLATE_NOOP("engine", "could not be computed from its constants (%1)"),
    QT_TRANSLATE_NOOP("engine",
        "computes its %1 instead of storing it; ConvScope needs stored weights (initializers or "
        "Constant nodes)"),
    QT_TRANSLATE_NOOP("engine", "cannot work here: %1"),
    QT_TRANSLATE_NOOP("engine",
        "needs an image (channels × height × width), but here it gets a flat list of %1 numbers"),
    QT_TRANSLATE_NOOP("engine", "is not two-dimensional; ConvScope shows 2-D images"),
    QT_TRANSLATE_NOOP("engine", "has auto_pad %1, which ONNX does not define"),
    QT_TRANSLATE_NOOP("engine",
        "pads with zeros after a %1 Pad; ConvScope has one padding mode per layer"),
    QT_TRANSLATE_NOOP("engine", "is not a 2-D convolution; ConvScope shows 2-D images"),
    QT_TRANSLATE_NOOP("engine", "follows a Pad; ConvScope's transposed conv has no input padding"),
    QT_TRANSLATE_NOOP("engine", "is not a 2-D transposed convolution; ConvScope shows 2-D images"),
    QT_TRANSLATE_NOOP("engine", "fixes its output shape; ConvScope reads pads and output_padding"),
    QT_TRANSLATE_NOOP("engine", "has auto_pad %1; ConvScope reads explicit pads"),
    QT_TRANSLATE_NOOP("engine",
        "crops unevenly (pads %1); ConvScope's transposed conv crops both sides alike"),
    QT_TRANSLATE_NOOP("engine",
        "computes training statistics; ConvScope reads batch norm for inference (export the model"
        " in eval mode)"),
    QT_TRANSLATE_NOOP("engine", "has dilations %1; ConvScope pools neighbouring pixels only"),
    QT_TRANSLATE_NOOP("engine", "also outputs the winners' indices, which ConvScope does not keep"),
    QT_TRANSLATE_NOOP("engine",
        "max-pools after a Pad (%1); ConvScope's max pooling pads with −∞ only"),
    QT_TRANSLATE_NOOP("engine",
        "averages after a %1 Pad; ConvScope folds only zero padding into pooling"),
    QT_TRANSLATE_NOOP("engine",
        "averages after a zero Pad with padding of its own that does not count; ConvScope has one"
        " rule per layer"),
    QT_TRANSLATE_NOOP("engine",
        "reduces over axes %1; ConvScope reads it only over the height and width, keeping them "
        "(global pooling)"),
    QT_TRANSLATE_NOOP("engine",
        "pads in mode %1; ConvScope folds constant, reflect, edge and wrap padding"),
    QT_TRANSLATE_NOOP("engine",
        "pads %1; ConvScope folds non-negative padding of the height and width only"),
    QT_TRANSLATE_NOOP("engine", "pads with the value %1; ConvScope pads with zeros"),
    QT_TRANSLATE_NOOP("engine", "pads again in another mode; ConvScope has one padding per layer"),
    QT_TRANSLATE_NOOP("engine", "outputs its mask, which only exists while training"),
    QT_TRANSLATE_NOOP("engine",
        "normalises over axis %1 of a rank-%2 tensor; ConvScope's softmax runs over a flat vector"
        " or over the channels"),
    QT_TRANSLATE_NOOP("engine",
        "is not the last node; ConvScope can show log-probabilities only as the probabilities at "
        "the end"),
    QT_TRANSLATE_NOOP("engine", "flattens from axis %1; ConvScope flattens each image (axis 1)"),
    QT_TRANSLATE_NOOP("engine",
        "reshapes to %1; ConvScope reads Reshape only as flattening each image to (N, −1)"),
    QT_TRANSLATE_NOOP("engine",
        "multiplies a %1 image; ConvScope needs it flattened first (Flatten or Reshape to (N, "
        "−1))"),
    QT_TRANSLATE_NOOP("engine", "has weights of shape %1 for %2 inputs"),
    QT_TRANSLATE_NOOP("engine", "adds a bias of shape %1 to %2 outputs"),
    QT_TRANSLATE_NOOP("engine",
        "transposes its input (transA=1); ConvScope multiplies images as rows"),
    QT_TRANSLATE_NOOP("engine",
        "multiplies by a %1-D tensor; ConvScope reads MatMul as a dense layer (a 2-D weight "
        "matrix)"),
    QT_TRANSLATE_NOOP("engine",
        "adds a constant that is not the bias of a MatMul right before it; ConvScope reads Add "
        "only as MatMul + Add (a dense layer)"),
    QT_TRANSLATE_NOOP("engine", "this kind of layer cannot be written as PyTorch code yet"),
    QT_TRANSLATE_NOOP("engine",
        "PyTorch pools pad both sides alike; uneven padding works there only without ceil_mode "
        "and, for averages, counting the padding"),
    QT_TRANSLATE_NOOP("engine", "%1 (%2): %3"),
    QT_TRANSLATE_NOOP("engine",
        "the images hold values that are not numbers (NaN or infinity): the data file is damaged "
        "or not images; this is not about the learning rate"),
    QT_TRANSLATE_NOOP("engine",
        "training collapsed in epoch %1: every image now gets the same answer (the network's "
        "units stopped responding), so it cannot learn any more. The learning rate %2 is too high"
        " for this network; try %3"),
)

#: values the engine puts into its messages
WORDS = (
    QT_TRANSLATE_NOOP("engine", "the %1 of layer %2 (%3)"),
    QT_TRANSLATE_NOOP("engine", "the spec"),
    QT_TRANSLATE_NOOP("engine", "padded input"),
    QT_TRANSLATE_NOOP("engine", "output"),
    QT_TRANSLATE_NOOP("engine", "%1 array"),
    QT_TRANSLATE_NOOP("engine", "layer %1 (%2)"),
    QT_TRANSLATE_NOOP("engine", "the kernel size"),
    QT_TRANSLATE_NOOP("engine", "the pool size"),
    QT_TRANSLATE_NOOP("engine", "the stride"),
    QT_TRANSLATE_NOOP("engine", "the dilation"),
    QT_TRANSLATE_NOOP("engine", "the number of filters"),
    QT_TRANSLATE_NOOP("engine", "the number of outputs"),
    QT_TRANSLATE_NOOP("engine", "kernel size"),
    QT_TRANSLATE_NOOP("engine", "pool size"),
    QT_TRANSLATE_NOOP("engine", "stride"),
    QT_TRANSLATE_NOOP("engine", "dilation"),
    QT_TRANSLATE_NOOP("engine", "padding"),
    QT_TRANSLATE_NOOP("engine", "epochs"),
    QT_TRANSLATE_NOOP("engine", "batch size"),
    QT_TRANSLATE_NOOP("engine", "weight"),
    QT_TRANSLATE_NOOP("engine", "bias"),
    QT_TRANSLATE_NOOP("engine", "kernel"),
    QT_TRANSLATE_NOOP("engine", "pool window"),
    QT_TRANSLATE_NOOP("engine", " after padding"),
    QT_TRANSLATE_NOOP("engine", "dilated "),
    QT_TRANSLATE_NOOP("engine", "tall"),
    QT_TRANSLATE_NOOP("engine", "wide"),
    QT_TRANSLATE_NOOP("engine", "none"),
    QT_TRANSLATE_NOOP("engine", "no weights"),
    QT_TRANSLATE_NOOP("engine", "patch"),
    QT_TRANSLATE_NOOP("engine", "the input"),
    QT_TRANSLATE_NOOP("engine", "an image"),
    QT_TRANSLATE_NOOP("engine", "upto"),
    QT_TRANSLATE_NOOP("engine", "the kernel"),
    QT_TRANSLATE_NOOP("engine", "the padding"),
    QT_TRANSLATE_NOOP("engine", "the output padding"),
    QT_TRANSLATE_NOOP("engine", "output padding"),
    QT_TRANSLATE_NOOP("engine", "groups"),
    QT_TRANSLATE_NOOP("engine", "filters"),
    QT_TRANSLATE_NOOP("engine", "input channels"),
    QT_TRANSLATE_NOOP("engine", "channel"),
    QT_TRANSLATE_NOOP("engine", "weights"),
    QT_TRANSLATE_NOOP("engine", "addend"),
    QT_TRANSLATE_NOOP("engine", "target shape"),
    QT_TRANSLATE_NOOP("engine", "axes"),
    QT_TRANSLATE_NOOP("engine", "pads"),
    QT_TRANSLATE_NOOP("engine", "fill value"),
    QT_TRANSLATE_NOOP("engine", "running mean"),
    QT_TRANSLATE_NOOP("engine", "running var"),
    QT_TRANSLATE_NOOP("engine", "running variance"),
    # the input normalisation's two lists
    QT_TRANSLATE_NOOP("engine", "mean"),
    QT_TRANSLATE_NOOP("engine", "std"),
    # what onnx_io.SUPPORTED lists, in a refusal of an operation
    QT_TRANSLATE_NOOP("engine",
        "Conv (grouped too), ConvTranspose, BatchNormalization, MaxPool, AveragePool, "
        "GlobalAveragePool, GlobalMaxPool, ReduceMean and ReduceMax over height and width, Relu, "
        "LeakyRelu, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Reshape to (N, −1), Gemm, MatMul"
        " + Add, Pad, Dropout, Identity, Constant"),
)

#: layer descriptions (``Layer.describe()``): the kind's words, then the notation; the names of
#: the padding modes
DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("engine", "conv %1"),
    QT_TRANSLATE_NOOP("engine", "conv %1 flipped"),
    QT_TRANSLATE_NOOP("engine", "max pool %1"),
    QT_TRANSLATE_NOOP("engine", "avg pool %1"),
    QT_TRANSLATE_NOOP("engine", "dense %1"),
    QT_TRANSLATE_NOOP("engine", "flatten"),
    QT_TRANSLATE_NOOP("engine", "relu"),
    QT_TRANSLATE_NOOP("engine", "leaky relu"),
    QT_TRANSLATE_NOOP("engine", "sigmoid"),
    QT_TRANSLATE_NOOP("engine", "tanh"),
    QT_TRANSLATE_NOOP("engine", "softmax"),
    QT_TRANSLATE_NOOP("engine", "transposed conv %1"),
    QT_TRANSLATE_NOOP("engine", "batch norm"),
    QT_TRANSLATE_NOOP("engine", "dropout %1"),
    # padding modes
    QT_TRANSLATE_NOOP("engine", "zeros"),
    QT_TRANSLATE_NOOP("engine", "reflect"),
    QT_TRANSLATE_NOOP("engine", "replicate"),
    QT_TRANSLATE_NOOP("engine", "circular"),
)

#: the size arithmetic of the layers without a window (``Layer.formula``), in the layer editor
FORMULAS = (
    QT_TRANSLATE_NOOP("engine", "%1 = %2 numbers in one list"),
    QT_TRANSLATE_NOOP("engine", "%1 × %2 weights + %3 biases = %4 parameters"),
    QT_TRANSLATE_NOOP("engine", "%1 × %2 weights = %3 parameters"),
)

#: the layer kinds' titles and summaries, and their settings' labels and tooltips (the
#: metadata the layer form is built from)
SPECS = (
    QT_TRANSLATE_NOOP("engine", "Convolution"),
    QT_TRANSLATE_NOOP("engine",
        "Slides each filter over the input and writes one weighted sum per position: one output "
        "map per filter."),
    QT_TRANSLATE_NOOP("engine", "Stride"),
    QT_TRANSLATE_NOOP("engine", "Padding"),
    QT_TRANSLATE_NOOP("engine", "Dilation"),
    QT_TRANSLATE_NOOP("engine", "Pad with"),
    QT_TRANSLATE_NOOP("engine", "Bias"),
    QT_TRANSLATE_NOOP("engine", "Groups"),
    QT_TRANSLATE_NOOP("engine",
        "Split the channels into groups; each filter sees only its group's channels. Groups = "
        "input channels: a depthwise convolution, one filter per channel."),
    QT_TRANSLATE_NOOP("engine", "Transposed convolution"),
    QT_TRANSLATE_NOOP("engine",
        "Each input unit stamps the kernel, scaled by its value, onto the output, stride pixels "
        "apart: learned upsampling."),
    QT_TRANSLATE_NOOP("engine",
        "How many output pixels apart neighbouring input units stamp the kernel: 2 doubles the "
        "size."),
    QT_TRANSLATE_NOOP("engine", "Rows and columns cropped from every side of the stamped output."),
    QT_TRANSLATE_NOOP("engine", "Output padding"),
    QT_TRANSLATE_NOOP("engine",
        "Extra rows / columns at the bottom and right, smaller than the stride or the dilation."),
    QT_TRANSLATE_NOOP("engine", "Max pool"),
    QT_TRANSLATE_NOOP("engine",
        "Keeps the largest value of each window: smaller maps that remember whether a feature "
        "was there, not exactly where."),
    QT_TRANSLATE_NOOP("engine", "Ceil mode"),
    QT_TRANSLATE_NOOP("engine", "Average pool"),
    QT_TRANSLATE_NOOP("engine", "Replaces each window by its mean: a smaller, blurred map."),
    QT_TRANSLATE_NOOP("engine", "Batch norm"),
    QT_TRANSLATE_NOOP("engine",
        "Shifts and scales each channel to mean 0 and variance 1 (the running statistics), then "
        "by a learned γ and β."),
    QT_TRANSLATE_NOOP("engine", "Epsilon"),
    QT_TRANSLATE_NOOP("engine",
        "Added to the variance so a channel that never varies is not divided by zero."),
    QT_TRANSLATE_NOOP("engine", "Momentum"),
    QT_TRANSLATE_NOOP("engine",
        "How far each training batch moves the running mean and variance: running ← (1 − "
        "momentum)·running + momentum·batch."),
    QT_TRANSLATE_NOOP("engine", "ReLU"),
    QT_TRANSLATE_NOOP("engine", "Keeps positive values and sets negative ones to 0."),
    QT_TRANSLATE_NOOP("engine", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("engine",
        "Like ReLU, but negative values are multiplied by a small slope instead of 0."),
    QT_TRANSLATE_NOOP("engine",
        "What negative values are multiplied by (0 would be a plain ReLU)."),
    QT_TRANSLATE_NOOP("engine", "Sigmoid"),
    QT_TRANSLATE_NOOP("engine", "Squashes every value into 0…1."),
    QT_TRANSLATE_NOOP("engine", "Tanh"),
    QT_TRANSLATE_NOOP("engine", "Squashes every value into −1…1."),
    QT_TRANSLATE_NOOP("engine", "Dropout"),
    QT_TRANSLATE_NOOP("engine",
        "While training, drops random values (sets them to 0) so no unit can rely on one input; "
        "passes everything through otherwise."),
    QT_TRANSLATE_NOOP("engine", "Probability"),
    QT_TRANSLATE_NOOP("engine",
        "The chance that a value is dropped (set to 0) in each training step."),
    QT_TRANSLATE_NOOP("engine", "Flatten"),
    QT_TRANSLATE_NOOP("engine",
        "Lays the channels × height × width maps out as one long list of numbers."),
    QT_TRANSLATE_NOOP("engine", "Dense"),
    QT_TRANSLATE_NOOP("engine", "Every output is a weighted sum of all inputs (fully connected)."),
    QT_TRANSLATE_NOOP("engine", "Softmax"),
    QT_TRANSLATE_NOOP("engine", "Turns scores into probabilities that add up to 1."),
    QT_TRANSLATE_NOOP("engine", "Filters (depth)"),
    QT_TRANSLATE_NOOP("engine",
        "How many filters this layer has. Each filter makes one output map, so this is the depth "
        "(number of channels) of the output."),
    QT_TRANSLATE_NOOP("engine", "Kernel size"),
    QT_TRANSLATE_NOOP("engine",
        "Width and height of the window that slides over the input. A bigger window sees more at "
        "once but has more weights."),
    QT_TRANSLATE_NOOP("engine",
        "How many pixels the window jumps between positions. Stride 2 roughly halves the output's"
        " width and height."),
    QT_TRANSLATE_NOOP("engine",
        "A border added around the input before sliding, so the window can also sit on the edges."
        " 0 = none, same = keep the size (stride 1), full = every overlap."),
    QT_TRANSLATE_NOOP("engine",
        "Gaps between the kernel's taps. Dilation 2 spreads a 3×3 kernel over a 5×5 area: it sees"
        " further without more weights."),
    QT_TRANSLATE_NOOP("engine",
        "What the border is filled with: zeros, a mirror image of the edge (reflect), copies of "
        "the edge pixels (replicate) or the opposite edge (circular)."),
    QT_TRANSLATE_NOOP("engine", "Add a learned constant to each output, shifting it up or down."),
    QT_TRANSLATE_NOOP("engine", "Flip"),
    QT_TRANSLATE_NOOP("engine",
        "Real convolution turns the kernel 180° before sliding it. Deep-learning libraries skip "
        "the turn (cross-correlation); a learned kernel does not care."),
    QT_TRANSLATE_NOOP("engine", "Window size"),
    QT_TRANSLATE_NOOP("engine",
        "When the windows do not fit exactly, round the output size up, keeping a last partial "
        "window instead of dropping it."),
    QT_TRANSLATE_NOOP("engine", "Average"),
    QT_TRANSLATE_NOOP("engine",
        "Count the padding zeros when averaging (edges get darker) or divide only by the real "
        "pixels in the window."),
    QT_TRANSLATE_NOOP("engine", "Negative slope"),
    QT_TRANSLATE_NOOP("engine", "Outputs (units)"),
    QT_TRANSLATE_NOOP("engine",
        "How many numbers this layer outputs; each is a weighted sum of all inputs. The last "
        "dense layer needs one output per class (10 digits)."),
)

#: the lessons (engine.examples) and kernel presets (engine.presets): titles and descriptions
#: (and the lessons' look and question)
LESSONS = (
    QT_TRANSLATE_NOOP("engine", "Template matching: X"),
    QT_TRANSLATE_NOOP("engine",
        "The tutorial's 9×9 X and its three 3×3 features. The ╲ map reads 1.00 all along the ╲ "
        "stroke (the pinned unit), 7/9 ≈ 0.78 in the corners where one pixel of nine disagrees "
        "(the tutorial cuts it to 0.77, 5/9 to 0.55), −0.11 where five disagree. Layer 1 (conv "
        "1×1: 2·pixel − 1) turns the canvas's black 0 / white 1 into the tutorial's −1 / +1; "
        "layer 2 holds the three ±1/9 templates (╲ ╱ ╳), so each value is the mean of the nine "
        "products: 1.00 where the template matches perfectly, −1 for its exact opposite. ReLU "
        "drops the negative matches and a 2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best "
        "match of each patch."),
    QT_TRANSLATE_NOOP("engine", "Template matching: O"),
    QT_TRANSLATE_NOOP("engine",
        "The same network on an O. Its rounded corners are short diagonals, so ╲ and ╱ still "
        "find 1.00s there; but ╳ needs two strokes crossing and never passes 0.56: the pinned "
        "centre unit scores −0.11 here and 1.00 on the X. Layer 1 (conv 1×1: 2·pixel − 1) turns "
        "the canvas's black 0 / white 1 into the tutorial's −1 / +1; layer 2 holds the three "
        "±1/9 templates (╲ ╱ ╳), so each value is the mean of the nine products: 1.00 where the "
        "template matches perfectly, −1 for its exact opposite. ReLU drops the negative matches "
        "and a 2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best match of each patch."),
    QT_TRANSLATE_NOOP("engine", "Template matching: a hand-drawn X"),
    QT_TRANSLATE_NOOP("engine",
        "A bent X: its lower ╲ stroke slips one pixel right and the ╱ stroke starts a row low, "
        "so comparing whole images pixel by pixel fails. The small features still find their "
        "strokes (the pinned ╲ unit on the slipped half scores 1.00) and after pooling the maps "
        "still look like the clean X's. Layer 1 (conv 1×1: 2·pixel − 1) turns the canvas's "
        "black 0 / white 1 into the tutorial's −1 / +1; layer 2 holds the three ±1/9 templates "
        "(╲ ╱ ╳), so each value is the mean of the nine products: 1.00 where the template "
        "matches perfectly, −1 for its exact opposite. ReLU drops the negative matches and a "
        "2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best match of each patch."),
    QT_TRANSLATE_NOOP("engine", "Edges: Sobel on a digit"),
    QT_TRANSLATE_NOOP("engine",
        "Two filters: Sobel x answers where brightness rises to the right (the left edges of "
        "the strokes), Sobel y where it rises downwards (their top edges); ReLU keeps only "
        "those, so the opposite edges go dark. The brightest edge is pinned."),
    QT_TRANSLATE_NOOP("engine", "Receptive field grows: three 3×3 convs"),
    QT_TRANSLATE_NOOP("engine",
        "Three 3×3 box blurs in a row: the pinned centre unit of the third sees a 3×3 window of "
        "the second, 5×5 of the first and 7×7 of the drawing (r = 1 + 3·(3 − 1)). Each blur "
        "spreads the digit a little more."),
    QT_TRANSLATE_NOOP("engine", "Stride, padding, dilation"),
    QT_TRANSLATE_NOOP("engine",
        "Layer 1: a 3×3 mean with stride 2 and padding 1 (28 → 14: the window jumps two pixels, "
        "the zero border keeps the edges). Layer 2: the same mean dilated by 2 (its taps one "
        "pixel apart, padding 2 keeps 14×14): the pinned unit samples a sparse 11×11 patch of "
        "the drawing. Step through both in the Sliding window tab."),
    QT_TRANSLATE_NOOP("engine", "The 3×3 window that gives −8"),
    QT_TRANSLATE_NOOP("engine",
        "The worked example 4·0 + 0·0 + 0·0 + 0·0 + 0·1 + 0·1 + 0·0 + 0·1 + (−4)·2 = −8 on a "
        "bright corner. The tutorial's pixels 0, 1, 2 are drawn as 0, ½, 1; layer 1 (conv 1×1, "
        "weight 2) gives them back, and layer 2 holds its kernel exactly. The kernel compares "
        "each pixel with the one two steps down-right: flat areas give 0, the corner's edge "
        "strongly negative."),
    QT_TRANSLATE_NOOP("engine", "Smoothing with a 3×3 mean"),
    QT_TRANSLATE_NOOP("engine",
        "The tutorial's 7×7 matrix (values 0…11, drawn as value/11; layer 1, conv 1×1 with "
        "weight 11, gives them back) under the 1/9 kernel: each output is the mean of a 3×3 "
        "window. The pinned unit is the tutorial's: the window around the 7 averages to 3."),
    QT_TRANSLATE_NOOP("engine", "Upsampling with a transposed convolution"),
    QT_TRANSLATE_NOOP("engine",
        "A 2×2 input (0.25, 0.5 / 0.75, 1) becomes 4×4: a transposed conv with stride 2 lets "
        "every input pixel stamp the 2×2 kernel [1 2 / 3 4], scaled by its value, two pixels "
        "apart. The top-left pixel 0.25 writes 0.25, 0.5 / 0.75, 1; the bottom-right 1 writes "
        "the kernel itself. Output size (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4. The pinned "
        "unit (row 1, col 2) is reached by one input pixel only: 0.5 (row 0, col 1) × tap 3 = "
        "1.5. The Sliding window tab draws the same as zeros inserted between the pixels, "
        "padded by d(k − 1) − p = 1, then a stride-1 convolution with the kernel turned 180°."),
    QT_TRANSLATE_NOOP("engine", "Depthwise separable convolution"),
    QT_TRANSLATE_NOOP("engine",
        "Layer 1 makes four maps (Sobel x, Sobel y, blur, ╳). A full 3×3 conv from 4 to 8 maps "
        "would hold 8·4·3·3 = 288 weights and do 288·28·28 = 225,792 multiply-adds. Here layer "
        "2 filters each map on its own (groups = 4: 4·3·3 = 36 weights, 28,224 multiply-adds) "
        "and layer 3, a 1×1 conv, mixes the four into eight (8·4 = 32 weights, 25,088 "
        "multiply-adds): the same 8×28×28 output shape from 68 weights and 53,312 "
        "multiply-adds, about a quarter. The Layers table lists both counts per layer."),
    QT_TRANSLATE_NOOP("engine", "Identity"),
    QT_TRANSLATE_NOOP("engine", "Copies the input: 1 in the centre, 0 elsewhere."),
    QT_TRANSLATE_NOOP("engine", "Box blur 3×3"),
    QT_TRANSLATE_NOOP("engine", "Mean of the 3×3 neighbourhood (every weight 1/9)."),
    QT_TRANSLATE_NOOP("engine", "Box blur 5×5"),
    QT_TRANSLATE_NOOP("engine", "Mean of the 5×5 neighbourhood (every weight 1/25)."),
    QT_TRANSLATE_NOOP("engine", "Gaussian blur 5×5"),
    QT_TRANSLATE_NOOP("engine",
        "Weighted mean, heavier in the centre: the integer Gaussian matrix divided by 273."),
    QT_TRANSLATE_NOOP("engine", "Sharpen"),
    QT_TRANSLATE_NOOP("engine", "5 × the pixel minus its four neighbours: boosts edges."),
    QT_TRANSLATE_NOOP("engine", "Sobel x"),
    QT_TRANSLATE_NOOP("engine", "Brightness rising from left to right (vertical edges)."),
    QT_TRANSLATE_NOOP("engine", "Sobel y"),
    QT_TRANSLATE_NOOP("engine", "Brightness rising from top to bottom (horizontal edges)."),
    QT_TRANSLATE_NOOP("engine", "Prewitt x"),
    QT_TRANSLATE_NOOP("engine", "Like Sobel x with equal weights in every row."),
    QT_TRANSLATE_NOOP("engine", "Prewitt y"),
    QT_TRANSLATE_NOOP("engine", "Like Sobel y with equal weights in every column."),
    QT_TRANSLATE_NOOP("engine", "Laplacian"),
    QT_TRANSLATE_NOOP("engine", "Centre versus its four neighbours: edges in any direction."),
    QT_TRANSLATE_NOOP("engine", "Horizontal line"),
    QT_TRANSLATE_NOOP("engine",
        "Bright middle row between dark rows: a horizontal line one pixel thick."),
    QT_TRANSLATE_NOOP("engine", "Vertical line"),
    QT_TRANSLATE_NOOP("engine",
        "Bright middle column between dark columns: a vertical line one pixel thick."),
    QT_TRANSLATE_NOOP("engine", "X template ╲"),
    QT_TRANSLATE_NOOP("engine",
        "±1 template of the X/O example matching a ╲ stroke; divided by 9 so a perfect match "
        "scores 1."),
    QT_TRANSLATE_NOOP("engine", "X template ╱"),
    QT_TRANSLATE_NOOP("engine",
        "±1 template of the X/O example matching a ╱ stroke; divided by 9 so a perfect match "
        "scores 1."),
    QT_TRANSLATE_NOOP("engine", "X template ╳"),
    QT_TRANSLATE_NOOP("engine",
        "±1 template of the X/O example matching the crossing of an X; divided by 9 so a "
        "perfect match scores 1."),
    QT_TRANSLATE_NOOP("engine", "Curve detector 7×7"),
    QT_TRANSLATE_NOOP("engine",
        "30 along a bending stroke: responds strongly where the image has that curve, near 0 "
        "elsewhere."),
    # what to look at and a question to try, while a lesson is open
    QT_TRANSLATE_NOOP("engine",
        "Layer 2 has one map per template: each lights up where its stroke lies in the X, and the"
        " pinned ╲ unit reads 1.00, a perfect match."),
    QT_TRANSLATE_NOOP("engine",
        "Which ╳ unit is brightest, and why only there? Erase one pixel of the X: which numbers "
        "drop, and by how much?"),
    QT_TRANSLATE_NOOP("engine",
        "The ╲ and ╱ maps still find the short diagonals in the O's corners, but the ╳ map stays "
        "low everywhere."),
    QT_TRANSLATE_NOOP("engine",
        "Where would you add pixels to make a ╳ unit reach 1.00? Draw them and check."),
    QT_TRANSLATE_NOOP("engine",
        "After the 2×2 max pool the maps look like the clean X's, although the two images differ "
        "pixel by pixel."),
    QT_TRANSLATE_NOOP("engine",
        "Open the clean X (File ▸ Examples) and compare the pool maps: which units changed?"),
    QT_TRANSLATE_NOOP("engine",
        "Sobel x lights the left edges of the strokes, Sobel y their top edges; after ReLU the "
        "opposite edges are dark."),
    QT_TRANSLATE_NOOP("engine",
        "Press Flip 180° in the kernel editor: which edges light up now, and why?"),
    QT_TRANSLATE_NOOP("engine",
        "Hover a unit of each layer: its window on the canvas grows from 3×3 to 5×5 to 7×7."),
    QT_TRANSLATE_NOOP("engine",
        "How big would the window be after a fourth 3×3 conv? Add one and check the Receptive "
        "fields tab."),
    QT_TRANSLATE_NOOP("engine",
        "Layer 1's map is 14×14 because its window jumps two pixels; the pinned unit of layer 2 "
        "samples the dotted pixels of an 11×11 patch."),
    QT_TRANSLATE_NOOP("engine",
        "Set layer 1's stride to 1: what happens to its map size, and to layer 2's window?"),
    QT_TRANSLATE_NOOP("engine",
        "In the Unit inspector, the pinned unit's nine products add up to −8."),
    QT_TRANSLATE_NOOP("engine",
        "Type 0 in the kernel's −4 cell: what does the unit read now, and what does the map show?"),
    QT_TRANSLATE_NOOP("engine",
        "Each output is the mean of the 3×3 window under it: the pinned unit reads 3."),
    QT_TRANSLATE_NOOP("engine",
        "Set the kernel's centre to 1 and every other weight to 0: what does the map become?"),
    QT_TRANSLATE_NOOP("engine",
        "Each input pixel stamps the 2×2 kernel, scaled by its value, two pixels apart: the 4×4 "
        "output is four stamps side by side."),
    QT_TRANSLATE_NOOP("engine",
        "Set the stride to 1: the stamps now overlap. How big is the output, and which units add "
        "up more than one stamp?"),
    QT_TRANSLATE_NOOP("engine",
        "Layer 2 filters each of the four maps on its own, and layer 3 mixes them into eight: "
        "each row's tooltip in the Layers list counts its weights."),
    QT_TRANSLATE_NOOP("engine",
        "How many weights would layer 2 hold with groups = 1 (every filter seeing all four maps)?"
        " Set it and compare the counts."),
)

#: holes that hold names (an ONNX node's, its op type's): shown as they are, never read as the
#: catalogue's words (a node named "output", an op named "Identity")
NAMES = {"node %1 (%2)": {1, 2}, "node %1 (%2) %3": {1, 2}}

_HOLE = re.compile(r"%(\d)")
_CATALOGUE = MESSAGES + WORDS + DESCRIPTIONS + FORMULAS + SPECS + LESSONS
_EXACT = frozenset(t for t in _CATALOGUE if not _HOLE.search(t))
_TEMPLATES = tuple(t for t in _CATALOGUE if _HOLE.search(t))


@cache
def _pattern(template):
    """A regular expression matching what ``template`` formats to; group i is %i's value."""
    parts = _HOLE.split(template)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<v{part}>.*?)"
                              for i, part in enumerate(parts)), re.DOTALL)


@cache
def _parse(message):
    """(score, template, {hole: parse of its value}) for the reading of ``message`` that
    explains most of its text by catalogue entries: "layer 3 (conv 3×3): …" is "%1: %2" with
    %1 = "layer %1 (%2)", not "layer %1: %2" with %1 = "3 (conv 3×3)". None: not the engine's."""
    if message in _EXACT:
        return len(message), message, {}
    best = None
    for template in _TEMPLATES:
        match = _pattern(template).fullmatch(message)
        if match:
            values = {int(k[1:]): v for k, v in match.groupdict().items()}
            names = NAMES.get(template, ())
            parts = {hole: _parse(value) if value != message and hole not in names else None
                     for hole, value in values.items()}
            score = len(_HOLE.sub("", template)) + sum(p[0] for p in parts.values() if p)
            if best is None or score > best[0]:
                best = score, template, {h: parts[h] or values[h] for h in values}
    return best


def _render(parse):
    if isinstance(parse, str):  # a value the catalogue does not know: a number, a name
        return parse
    _, template, values = parse
    translated = QCoreApplication.translate("engine", template)
    return fill(translated, *(_render(values[h]) for h in sorted(values))) if values else translated


def engine_text(message):
    """``message`` (an engine exception's text, or a lesson's or preset's title or description)
    in the interface language; unchanged when it is not in the catalogue."""
    parse = _parse(message)
    return message if parse is None else _render(parse)


def describe(spec):
    """``spec.describe()`` ("max pool 2×2 s2") in the interface language."""
    return engine_text(spec.describe())

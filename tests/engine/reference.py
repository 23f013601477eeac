"""Plain-loop reference implementations, written for clarity rather than speed.

They share no code with engine.ops: every output value is computed by visiting its window one
pixel at a time, exactly as a textbook describes it. Arrays are batched (N, C, H, W); padding is
always the explicit ((top, bottom), (left, right)) form. Other test files reuse these.
"""

import math

import numpy as np


def padded_value(plane, row, col, mode, fill=0.0):
    """The value at (row, col) of a 2-D ``plane`` padded by ``mode`` (row/col may lie outside)."""
    height, width = plane.shape
    if 0 <= row < height and 0 <= col < width:
        return plane[row, col]
    if mode == "zeros":
        return fill
    if mode == "replicate":
        return plane[min(max(row, 0), height - 1), min(max(col, 0), width - 1)]
    if mode == "circular":
        return plane[row % height, col % width]
    if mode == "reflect":  # mirror about the edge pixel, which is not repeated
        row = -row if row < 0 else (2 * (height - 1) - row if row >= height else row)
        col = -col if col < 0 else (2 * (width - 1) - col if col >= width else col)
        return plane[row, col]
    raise ValueError(mode)


def same_padding(kernel, dilation=(1, 1)):
    """"same" at stride 1: d(k − 1) in total per axis, the odd one out at the bottom/right."""
    pads = []
    for k, d in zip(kernel, dilation):
        total = d * (k - 1)
        pads.append((total // 2, total - total // 2))
    return tuple(pads)


def full_padding(kernel, dilation=(1, 1)):
    """"full": every position where the dilated kernel overlaps the input at least once."""
    return tuple((d * (k - 1), d * (k - 1)) for k, d in zip(kernel, dilation))


def conv2d(x, weight, bias=None, stride=(1, 1), pads=((0, 0), (0, 0)), dilation=(1, 1),
           padding_mode="zeros", flip=False, groups=1):
    """Cross-correlation (N, C, H, W) × (F, C/groups, kh, kw) -> (N, F, H', W'), one sum at a
    time; filter f reads the channels of its group only."""
    n_images, _, height, width = x.shape
    filters, channels, kh, kw = weight.shape
    if flip:
        weight = weight[:, :, ::-1, ::-1]
    (top, bottom), (left, right) = pads
    span_h = dilation[0] * (kh - 1) + 1
    span_w = dilation[1] * (kw - 1) + 1
    out_rows = [r for r in range(height + top + bottom) if r * stride[0] + span_h
                <= height + top + bottom]
    out_cols = [c for c in range(width + left + right) if c * stride[1] + span_w
                <= width + left + right]
    out = np.zeros((n_images, filters, len(out_rows), len(out_cols)), dtype=np.float64)
    for n in range(n_images):
        for f in range(filters):
            for r in out_rows:
                for c in out_cols:
                    total = 0.0 if bias is None else float(bias[f])
                    first = f // (filters // groups) * channels  # the group's first channel
                    for ch in range(channels):
                        for i in range(kh):
                            for j in range(kw):
                                row = r * stride[0] + i * dilation[0] - top
                                col = c * stride[1] + j * dilation[1] - left
                                value = padded_value(x[n, first + ch], row, col, padding_mode)
                                total += float(value) * float(weight[f, ch, i, j])
                    out[n, f, r, c] = total
    return out


def pool_starts(size, kernel, stride, pads, ceil_mode):
    """Window start rows (in unpadded coordinates) along one axis, by torch's rule."""
    before, after = pads
    padded = size + before + after
    starts = []
    position = 0
    while True:
        fits = position + kernel <= padded
        # ceil mode also keeps a partial last window, if it starts inside the input or the
        # left padding
        partial = ceil_mode and position < padded - kernel + stride and position < size + before
        if not (fits or partial):
            return starts
        starts.append(position - before)
        position += stride


def pool2d(x, kernel, stride, pads=((0, 0), (0, 0)), mode="max", ceil_mode=False,
           count_include_pad=True):
    """Max or average pooling of (N, C, H, W); max also returns torch-style flat indices."""
    n_images, channels, height, width = x.shape
    row_starts = pool_starts(height, kernel[0], stride[0], pads[0], ceil_mode)
    col_starts = pool_starts(width, kernel[1], stride[1], pads[1], ceil_mode)
    shape = (n_images, channels, len(row_starts), len(col_starts))
    out = np.zeros(shape, dtype=np.float64)
    indices = np.zeros(shape, dtype=np.int64)
    for n in range(n_images):
        for ch in range(channels):
            for a, r0 in enumerate(row_starts):
                for b, c0 in enumerate(col_starts):
                    best, best_index, total, real, counted = -math.inf, None, 0.0, 0, 0
                    for row in range(r0, r0 + kernel[0]):
                        for col in range(c0, c0 + kernel[1]):
                            inside_padding = (-pads[0][0] <= row < height + pads[0][1]
                                              and -pads[1][0] <= col < width + pads[1][1])
                            counted += inside_padding
                            if not (0 <= row < height and 0 <= col < width):
                                continue
                            value = float(x[n, ch, row, col])
                            total += value
                            real += 1
                            # torch: the first maximum wins, but any NaN takes over
                            if best_index is None or value > best or math.isnan(value):
                                best, best_index = value, row * width + col
                    if mode == "max":
                        out[n, ch, a, b], indices[n, ch, a, b] = best, best_index
                    else:
                        out[n, ch, a, b] = total / (counted if count_include_pad else real)
    return (out, indices) if mode == "max" else out


def sigmoid(values):
    return np.array([1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
                     for v in np.ravel(values)]).reshape(np.shape(values))


def softmax(row):
    """Softmax of a 1-D sequence, shifted by its maximum."""
    top = max(row)
    exps = [math.exp(v - top) for v in row]
    return np.array([e / sum(exps) for e in exps])


def conv_transpose2d(x, weight, bias=None, stride=(1, 1), padding=(0, 0), output_padding=(0, 0),
                     groups=1, dilation=(1, 1)):
    """Transposed convolution by its definition: every input pixel adds its value times the
    kernel into the output, ``stride`` apart; then ``padding`` is cropped from every side.

    x (N, C, H, W), weight (C, F/groups, kh, kw) -> (N, F, H', W'), one product at a time.
    """
    n_images, channels, height, width = x.shape
    _, per_group, kh, kw = weight.shape
    out_h = (height - 1) * stride[0] - 2 * padding[0] + dilation[0] * (kh - 1) + output_padding[0] + 1
    out_w = (width - 1) * stride[1] - 2 * padding[1] + dilation[1] * (kw - 1) + output_padding[1] + 1
    out = np.zeros((n_images, per_group * groups, out_h, out_w), dtype=np.float64)
    in_per_group = channels // groups
    for n in range(n_images):
        for ch in range(channels):
            group = ch // in_per_group
            for f in range(per_group):
                for r in range(height):
                    for c in range(width):
                        for i in range(kh):
                            for j in range(kw):
                                row = r * stride[0] + i * dilation[0] - padding[0]
                                col = c * stride[1] + j * dilation[1] - padding[1]
                                if 0 <= row < out_h and 0 <= col < out_w:
                                    out[n, group * per_group + f, row, col] += (
                                        float(x[n, ch, r, c]) * float(weight[ch, f, i, j]))
    if bias is not None:
        for f in range(out.shape[1]):
            out[:, f] += float(bias[f])
    return out


def batch_norm2d(x, mean, var, weight, bias, eps):
    """(x − mean) / √(var + eps) · weight + bias, one value at a time, per channel."""
    out = np.zeros(x.shape, dtype=np.float64)
    n_images, channels, height, width = x.shape
    for n in range(n_images):
        for ch in range(channels):
            for r in range(height):
                for c in range(width):
                    normalized = (float(x[n, ch, r, c]) - mean[ch]) / math.sqrt(var[ch] + eps)
                    out[n, ch, r, c] = normalized * weight[ch] + bias[ch]
    return out


def channel_statistics(x):
    """Per channel: mean and biased variance over (N, H, W), by summing one value at a time."""
    means, variances = [], []
    for ch in range(x.shape[1]):
        values = [float(v) for v in x[:, ch].ravel()]
        mean = sum(values) / len(values)
        means.append(mean)
        variances.append(sum((v - mean) ** 2 for v in values) / len(values))
    return np.array(means), np.array(variances)

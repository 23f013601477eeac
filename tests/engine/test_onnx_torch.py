"""Models exported by PyTorch's two ONNX exporters open in ConvScope and compute the same."""

import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")
from torch import nn  # noqa: E402

import engine  # noqa: E402


def models():
    torch.manual_seed(0)
    return {
        "digits": (nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3, padding=1, padding_mode="reflect"), nn.LeakyReLU(0.2),
            nn.AvgPool2d(2, count_include_pad=False), nn.Dropout(0.3), nn.Flatten(),
            nn.Linear(6 * 7 * 7, 10), nn.Softmax(dim=1)), (1, 28, 28)),
        "colour": (nn.Sequential(
            nn.Conv2d(3, 5, 5, stride=2, padding=2, padding_mode="replicate"), nn.Tanh(),
            nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.Conv2d(5, 4, 3, dilation=2),
            nn.Sigmoid(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 3),
            nn.LogSoftmax(dim=1)), (3, 32, 32)),
        "upsampling": (nn.Sequential(
            nn.Conv2d(3, 6, 3, padding=1, groups=3), nn.BatchNorm2d(6), nn.ReLU(),
            nn.Dropout(0.2), nn.ConvTranspose2d(6, 4, 3, stride=2, padding=1, output_padding=1,
                                                groups=2),
            nn.Sigmoid()), (3, 8, 8)),
    }


def export(model, shape, path, dynamo):
    example = torch.rand((1,) + shape)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if dynamo:
            torch.onnx.export(model, (example,), path, dynamo=True, verbose=False,
                              input_names=["input"],
                              dynamic_shapes=({0: torch.export.Dim("batch")},))
        else:
            # no constant folding: batch norm stays a node instead of joining the conv before it
            torch.onnx.export(model, (example,), path, dynamo=False, input_names=["input"],
                              dynamic_axes={"input": {0: "batch"}}, do_constant_folding=False)


@pytest.mark.parametrize("name", models())
@pytest.mark.parametrize("dynamo", [False, True], ids=["legacy", "dynamo"])
def test_torch_exports_open_and_agree(name, dynamo, tmp_path):
    if dynamo:
        pytest.importorskip("onnxscript")  # the dynamo exporter's own dependency
    model, shape = models()[name]
    for module in model:  # batch norm with statistics of its own, not the identity
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.uniform_(-1, 1)
            module.running_var.uniform_(0.5, 2)
            module.weight.data.uniform_(0.5, 2)
    model.eval()
    export(model, shape, tmp_path / "m.onnx", dynamo)
    net = engine.load_network(tmp_path / "m.onnx")
    assert net.input_shape == shape
    if name == "upsampling":
        kinds = [spec.kind for spec in net.layers]
        assert "conv_transpose2d" in kinds and net.layers[0].groups == 3
        assert dynamo or "batchnorm2d" in kinds  # the dynamo exporter folds it into the conv
    x = np.random.default_rng(1).random((4,) + shape).astype(np.float32)
    with torch.no_grad():
        want = model(torch.from_numpy(x)).numpy()
    got = net.forward(x)[-1]
    if isinstance(model[-1], nn.LogSoftmax):
        want = np.exp(want)
    np.testing.assert_allclose(got, want, atol=1e-5)

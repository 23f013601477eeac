"""The PyTorch script export: readable code, weights beside it, and torch computes the same."""

import runpy
import subprocess
import sys

import numpy as np
import pytest

import engine
from engine import ConfigError, Network
from tests.engine.export_cases import UnknownKind, export_networks


def test_the_script_mirrors_the_layer_list(tmp_path):
    engine.export_pytorch(engine.default_digit_network(), tmp_path / "digits.py")
    text = (tmp_path / "digits.py").read_text()
    assert '("conv1", nn.Conv2d(1, 8, kernel_size=5, padding=2)),' in text
    assert '("pool1", nn.MaxPool2d(kernel_size=2, stride=2)),' in text
    assert '("dense1", nn.Linear(784, 64)),' in text
    assert '("softmax1", nn.Softmax(dim=-1)),' in text
    compile(text, "digits.py", "exec")
    with np.load(tmp_path / "digits.npz") as arrays:
        assert {"conv1.weight", "conv1.bias", "dense2.bias", "sample"} <= set(arrays.files)


def test_through_a_symbolic_link_the_weights_go_beside_the_script(tmp_path):
    """The script loads the .npz beside the file it runs as: the link's target."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "actual.py").write_text("")
    (tmp_path / "model.py").symlink_to(tmp_path / "real" / "actual.py")
    engine.export_pytorch(engine.default_digit_network(), tmp_path / "model.py")
    assert (tmp_path / "real" / "actual.npz").is_file()
    assert "actual.npz" in (tmp_path / "model.py").read_text()


def test_uneven_padding_that_torch_cannot_pool_is_refused(tmp_path):
    net = Network((1, 8, 8), [engine.AvgPool2d(2, padding=((1, 0), (0, 0)),
                                               count_include_pad=False)])
    with pytest.raises(ConfigError, match=r"pool1 \(avg pool .*\): PyTorch pools pad both sides"):
        engine.export_pytorch(net, tmp_path / "x.py")


@pytest.mark.parametrize("name", export_networks())
def test_torch_runs_the_script_and_computes_the_same(name, tmp_path):
    torch = pytest.importorskip("torch")
    net = export_networks()[name]
    x = np.random.default_rng(0).random((3,) + net.input_shape).astype(np.float32)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    engine.export_pytorch(net, folder / "model.py", sample=x[0])
    namespace = runpy.run_path(str(folder / "model.py"))  # not as __main__: defines model only
    model = namespace["model"]
    assert not model.training
    with torch.no_grad():
        got = model(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, net.forward(x)[-1], atol=1e-5)
    pixels = torch.rand((2,) + net.input_shape)
    np.testing.assert_allclose(namespace["normalize"](pixels).numpy(),
                               net.network_input(pixels.numpy()), atol=1e-6)
    # run as a program from another directory: it finds its weights beside itself
    run = subprocess.run([sys.executable, str(folder / "model.py")], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Sequential(")
    expected = int(net.forward(x[0])[-1].argmax())
    assert f"prediction: {expected}\n" in run.stdout


def test_a_kind_the_exporter_does_not_know_is_refused_by_name(tmp_path):
    net = Network((1, 4, 4), [engine.ReLU(), UnknownKind()])
    with pytest.raises(ConfigError, match=r"relu2 \(unknown\): this kind of layer cannot be "):
        engine.export_pytorch(net, tmp_path / "x.py")
    assert list(tmp_path.iterdir()) == []

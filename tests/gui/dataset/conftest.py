"""The shipped network and its state, for the views that read the shipped digits."""

import pytest

import engine
from gui.app import MODEL
from gui.dataset.dataset_model import DatasetModel
from gui.state import AppState


@pytest.fixture
def trained_state(qapp):
    state = AppState(engine.load_network(MODEL))
    yield state
    state.deleteLater()


@pytest.fixture
def dataset(qtbot, trained_state):
    """A DatasetModel over the shipped digits whose first evaluation has arrived."""
    model = DatasetModel(trained_state)
    qtbot.waitUntil(lambda: model.evaluation is not None, timeout=10000)
    yield model
    model.deleteLater()

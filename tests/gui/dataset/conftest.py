"""A DatasetModel over the shipped digits, for the views that read them."""

import pytest

from gui.dataset.dataset_model import DatasetModel


@pytest.fixture
def dataset(qtbot, trained_state):
    """A DatasetModel over the shipped digits whose first evaluation has arrived."""
    model = DatasetModel(trained_state)
    qtbot.waitUntil(lambda: model.evaluation is not None, timeout=10000)
    yield model
    model.deleteLater()

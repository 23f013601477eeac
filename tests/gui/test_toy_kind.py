"""The layer panel's half of the toy-kind acceptance test (see tests/engine/test_toy_kind.py):
a registered kind is offered by the Add layer menu and edited through a form built from its
fields' metadata, with no GUI file touched."""

import engine
from gui.editors.layer_panel import LayerPanel
from gui.state import AppState
from tests.engine.test_toy_kind import Power, power  # noqa: F401 (the fixture registers Power)
from tests.gui.keyboard import type_and_enter


def test_the_layer_panel_offers_and_edits_the_toy_kind(qtbot, power, shown):  # noqa: F811
    state = AppState(engine.Network((1, 8, 8), [engine.Conv2d(2, 3, padding=1)]))
    panel = shown(LayerPanel(state), 420, 760)
    state.select_layer(0)
    action = next(a for a in panel.add_menu.actions() if a.text() == "Power")
    assert action.toolTip() == "Raises every value to a power."
    action.trigger()
    assert state.network.layers[1] == Power(2) and state.selected_layer == 1
    editor = panel.editor
    spin = editor.fields["exponent"]
    assert spin.isVisible() and editor.form.labelForField(spin).text() == "Exponent"
    assert spin.toolTip() == "The power every value is raised to." and spin.maximum() == 5
    assert editor.help.text() == "Raises every value to a power."
    type_and_enter(qtbot, spin, "3")
    assert state.network.layers[1] == Power(3)
    state.recompute()
    assert abs(state.activations[1] - state.activations[0] ** 3).max() < 1e-5

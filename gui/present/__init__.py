"""Qt-free helpers for what the widgets show: numbers and formulas, colours, help texts."""

"""The message templates in the engine's sources, as gui.i18n.engine_messages keys them: every
string an engine ``raise`` carries, with ``%1``, ``%2``, … where an f-string interpolates."""

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[3] / "engine"


HOLE = "\0"  # an interpolated value, numbered once the whole message is assembled


def _shapes(node):
    """The messages ``node`` (an exception's argument) can produce, values as HOLE."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _shapes(node.body) + _shapes(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _shapes(node.left) for b in _shapes(node.right)]
    raise ValueError(f"cannot read the message at line {node.lineno}: {ast.dump(node)[:80]}")


def _numbered(shape):
    parts = shape.split(HOLE)
    return parts[0] + "".join(f"%{i}{part}" for i, part in enumerate(parts[1:], 1))


def engine_templates():
    """{template: 'file:line'} for every message an engine exception is raised with."""
    found = {}
    for path in sorted(ENGINE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                    and node.exc.args):
                for template in map(_numbered, _shapes(node.exc.args[0])):
                    found.setdefault(template, f"{path.name}:{node.lineno}")
    return found

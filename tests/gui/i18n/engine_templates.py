"""The message templates in the engine's sources, as gui.i18n.engine_messages keys them: every
string an engine ``raise`` carries, with ``%1``, ``%2``, … where an f-string interpolates.

A message can also reach a ``raise`` through a helper: ``_refuse(self, why)`` raises
``f"{self.label} {why}"``, so every ``why`` a caller passes is a message of its own (the catalogue
translates it inside "%1 %2"), and so is every ``what`` passed to a helper that hands it on in a
message (``_constant(name, what)`` refuses with ``f"computes its {what} …"``). Such helpers are
found by their bodies, not by name, so a new one cannot slip by. What a caller writes as text
(a string, an f-string) is read; a variable or a call it passes is a value (a file name, a
number), and a value that is words (onnx_io.SUPPORTED) is kept in the catalogue's WORDS by hand.
"""

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


def _called(call):
    """The name a call goes by: ``f`` for ``f(…)``, ``self.f(…)`` and ``module.f(…)``."""
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _params(function):
    """The parameter names of ``function`` a caller fills positionally (no self or cls)."""
    names = [a.arg for a in function.args.posonlyargs + function.args.args]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _pieces(message):
    """The names a message is built from as text: the whole of it, or an f-string's ``{name}``
    (not ``{name!r}`` nor ``{name.attr}``, which are values such as a file name)."""
    if isinstance(message, ast.Name):
        return {message.id}
    return {v.value.id for v in ast.walk(message) if isinstance(v, ast.FormattedValue)
            and isinstance(v.value, ast.Name) and v.conversion == -1 and v.format_spec is None}


def _is_text(node):
    """Whether ``node`` is a message written in the source (not a value computed at run time)."""
    if isinstance(node, (ast.IfExp, ast.BinOp)):
        return any(_is_text(part) for part in ast.iter_child_nodes(node))
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant)
                                               and isinstance(node.value, str))


def _argument(call, function, param):
    """The expression ``call`` passes for ``function``'s parameter ``param``, or None."""
    for keyword in call.keywords:
        if keyword.arg == param:
            return keyword.value
    index = _params(function).index(param) if param in _params(function) else None
    return call.args[index] if index is not None and index < len(call.args) else None


def _message_sites(function, helpers):
    """(expression, line, raised) of every message ``function`` raises (raised True) or hands
    to a helper (False: a name there is a value, a file name or a forwarded parameter)."""
    for node in ast.walk(function):
        if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                and node.exc.args):
            yield node.exc.args[0], node.lineno, True
        elif isinstance(node, ast.Call) and _called(node) in helpers:
            name = _called(node)
            for param in helpers[name][1]:
                argument = _argument(node, helpers[name][0], param)
                if argument is not None and (_is_text(argument) or isinstance(argument, ast.Name)):
                    yield argument, node.lineno, False


def _helpers(functions):
    """{name: (definition, {parameters that become (part of) a raised message})}, grown until
    nothing changes: a function handing a parameter to a helper's message is a helper too.
    Functions of one name (methods of several classes) share one entry."""
    helpers = {}
    changed = True
    while changed:
        changed = False
        for function in functions:
            used = set().union(*(_pieces(e) for e, _, _ in _message_sites(function, helpers)))
            found = set(_params(function)) & used
            known = helpers.get(function.name, (function, set()))[1]
            if not found <= known:
                helpers[function.name] = (function, known | found)
                changed = True
    return helpers


def engine_templates():
    """{template: 'file:line'} for every message an engine exception is raised with, directly
    or through a helper."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted(ENGINE.rglob("*.py"))}
    functions = {path: [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
                 for path, tree in trees.items()}
    helpers = _helpers([f for fs in functions.values() for f in fs])
    found = {}
    for path, tree in trees.items():
        for expression, line, raised in _message_sites(tree, helpers):
            if isinstance(expression, ast.Name) and (not raised or expression.id in _forwarded(
                    functions[path], line, helpers)):
                continue  # a value, or a helper's parameter: its callers' texts are read
            for template in map(_numbered, _shapes(expression)):
                found.setdefault(template, f"{path.name}:{line}")
    return found


def _forwarded(functions, line, helpers):
    """The message parameters of the innermost helper around ``line`` (empty if none)."""
    around = [f for f in functions if f.lineno <= line <= f.end_lineno]
    if not around:
        return set()
    innermost = min(around, key=lambda f: f.end_lineno - f.lineno)
    return helpers.get(innermost.name, (None, set()))[1]

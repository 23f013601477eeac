"""Undo entries that know their size, array patches that keep them small, and a memory budget.

A stroke changes a few hundred pixels and a typed weight one number: their entries keep only the
box that changed (``Patch``), not two whole images or weight arrays. The history is bounded by
memory, not by a count: ``trim`` drops the oldest entries once they add up to more than a budget.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QUndoCommand

#: bytes the undo history may hold; beyond it the oldest steps are dropped (and the user told)
UNDO_BUDGET = 256 * 1024 * 1024


class Command(QUndoCommand):
    """An undo entry that applies one of two states through the same setter.

    ``cost`` is the bytes it keeps alive (its arrays); ``changes_network`` says whether it
    edits the network (layers or weights) rather than only the drawing; ``copy`` makes an equal
    entry whose first redo does nothing (for re-pushing an entry whose effect is already in place).

    An exception raised while a side is applied would abort Qt, which calls ``redo``/``undo``:
    instead the other side is applied again (the state the step started from), the entry
    leaves the history (obsolete: a push drops it) and the exception goes to ``sys.excepthook``
    (the app's error dialog, gui.error_dialog).
    """

    def __init__(self, text, apply, before, after, cost=0, changes_network=False):
        super().__init__(text)
        self._apply, self._before, self._after = apply, before, after
        self.cost = cost
        self.changes_network = changes_network
        self._applied = False

    def redo(self):
        if self._applied:
            self._applied = False
            return
        self._apply_or_restore(self._after, self._before)

    def undo(self):
        self._apply_or_restore(self._before, self._after)

    def _apply_or_restore(self, side, start):
        try:
            self._apply(side)
        except Exception:  # noqa: BLE001 - any fault: the step is dropped, the app goes on
            fault = sys.exc_info()
            self.setObsolete(True)
            try:
                self._apply(start)
            except Exception:  # noqa: BLE001 - the same fault again: the state never changed
                pass
            sys.excepthook(*fault)

    def copy(self):
        twin = Command(self.text(), self._apply, self._before, self._after, self.cost,
                       self.changes_network)
        twin._applied = True
        return twin


class _Steps(QUndoCommand):
    """A copy of an undo macro: its entries (copies, owned here) redone in order, undone in
    reverse; its first redo does nothing, like ``Command.copy``'s."""

    def __init__(self, text, steps):
        super().__init__(text)
        self.steps = steps
        self.cost = sum(step.cost for step in steps)
        self.changes_network = any(step.changes_network for step in steps)
        self._applied = True

    def redo(self):
        if self._applied:
            self._applied = False
            return
        for step in self.steps:
            step.redo()

    def undo(self):
        for step in reversed(self.steps):
            step.undo()


@dataclass(frozen=True)
class Patch:
    """The part of an array one side of an edit changed: ``values`` at ``box`` (a tuple of
    slices), or the whole array when ``box`` is None (the shape changed)."""

    box: tuple | None
    values: np.ndarray

    def apply_to(self, array):
        """``array`` with the patch written in (a new array; ``array`` is not changed)."""
        if self.box is None:
            return self.values.copy()
        out = array.copy()
        out[self.box] = self.values
        return out

    def write_into(self, array):
        """Write the patch into ``array`` in place (same shape)."""
        array[... if self.box is None else self.box] = self.values


def patches(before, after):
    """(before patch, after patch) covering the bounding box of where ``before`` and ``after``
    (arrays) differ; whole copies when their shapes differ."""
    if before.shape != after.shape:
        return Patch(None, before.copy()), Patch(None, after.copy())
    changed = before != after
    box = []
    for axis in range(changed.ndim):
        hits = np.flatnonzero(changed.any(axis=tuple(a for a in range(changed.ndim) if a != axis)))
        box.append(slice(int(hits[0]), int(hits[-1]) + 1) if hits.size else slice(0, 0))
    box = tuple(box)
    return Patch(box, before[box].copy()), Patch(box, after[box].copy())


def patch_cost(*sides):
    return sum(side.values.nbytes for side in sides)


def command_cost(command):
    """Bytes an entry (or a macro of entries) keeps."""
    if isinstance(command, (Command, _Steps)):
        return command.cost
    return sum(command_cost(command.child(i)) for i in range(command.childCount()))


def changes_network(command):
    """Whether an entry (or a macro of entries) edits the network."""
    if isinstance(command, (Command, _Steps)):
        return command.changes_network
    return any(changes_network(command.child(i)) for i in range(command.childCount()))


def _copy(command):
    """An entry equal to ``command`` (an entry or a macro) whose first redo does nothing."""
    if isinstance(command, Command):
        return command.copy()
    if isinstance(command, _Steps):
        return _Steps(command.text(), [_first_redo_again(_copy(step)) for step in command.steps])
    steps = [_first_redo_again(_copy(command.child(i))) for i in range(command.childCount())]
    return _Steps(command.text(), steps)


def _first_redo_again(step):
    """A step inside a _Steps: the _Steps skips its first redo as a whole, the step never does."""
    step._applied = False
    return step


def trim(stack, budget=UNDO_BUDGET):
    """Drop the oldest entries of ``stack`` (a QUndoStack at its top, as after a push) until the
    rest fit in ``budget`` bytes; the newest entry is always kept. Returns how many were dropped.

    QUndoStack cannot drop from the bottom, so the kept entries are pushed again as copies
    whose first redo does nothing: the state is not touched.
    """
    costs = [command_cost(stack.command(i)) for i in range(stack.count())]
    if sum(costs) <= budget or stack.index() != stack.count():
        return 0
    kept, total = 0, 0
    for cost in reversed(costs):
        if kept and total + cost > budget:
            break
        kept, total = kept + 1, total + cost
    copies = [_copy(stack.command(i)) for i in range(stack.count() - kept, stack.count())]
    dropped = stack.count() - kept
    stack.clear()
    for command in copies:
        stack.push(command)
    return dropped

"""Callbacks that an object owned by a widget keeps, without keeping the widget alive.

A helper parented to a widget (a language watcher, a lazy redraw filter) lives as long as the
widget; if it held the widget, through a bound method or a lambda using ``self``, the two would
form a reference cycle. A widget that Python no longer holds would then live on, shown and
painted by Qt, until Python's cycle collector runs and tears its wrappers apart at any moment,
even in the middle of a paint (a pyqtgraph ImageItem then drew from a freed buffer and crashed).
So these callbacks take the widget as an argument instead of holding it.
"""

from __future__ import annotations


def detached(owner, callback):
    """``callback`` as a function called as ``f(owner, *args)`` that holds no reference to
    ``owner``: a bound method of ``owner`` (e.g. ``self._redraw``, ``self.setToolTip``) becomes
    its unbound form, a bound method of anything else (a child's ``button.setText``) is called
    as it is, and a plain function must already take the owner first (``lambda self: ...``)."""
    bound_to = getattr(callback, "__self__", None)
    if bound_to is owner:
        name = callback.__name__  # a Qt method has no __func__: looked up again on the owner
        return getattr(callback, "__func__", None) or (lambda o, *args: getattr(o, name)(*args))
    if bound_to is not None:
        return lambda _owner, *args: callback(*args)
    if any(_content(cell) is owner for cell in callback.__closure__ or ()):
        raise TypeError(f"{callback!r} holds the {type(owner).__name__} it is kept by: take it "
                        "as the first argument instead (a reference cycle would keep it alive)")
    return callback


def _content(cell):
    try:
        return cell.cell_contents
    except ValueError:  # a cell not yet filled
        return None

"""A stopgap for PySide6 6.12.0 on Python 3.11: its void methods release a reference to None.

Every call of a method that returns nothing (``QRect.setWidth``, ``QPainter.setPen``, …)
takes one reference from ``None`` (and some from ``True``/``False``) without having given it:
the wheels are built for Python 3.12+, where these objects are immortal. After a few thousand
calls CPython 3.11 aborts with "none_dealloc: deallocating None". The wall paints on every
keystroke, so it reaches that within a minute.

The real fix is a PySide6 build without the bug (6.11.x, or Python 3.12+). Until then, when
the leak is detected, give these three objects enough spare references for days of painting.
They are never freed anyway. Does nothing on Python 3.12+ or when PySide6 behaves.
"""

from __future__ import annotations

import ctypes
import sys

SPARE_REFERENCES = 1 << 40

_done = False


def leaks_none() -> bool:
    from PySide6.QtCore import QRect

    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(8):
        rect.setWidth(1)
    return sys.getrefcount(None) < before


def protect() -> bool:
    """Top up the reference counts once if this PySide6 leaks them; True when it did."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    _done = True
    if not leaks_none():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += SPARE_REFERENCES
    return True

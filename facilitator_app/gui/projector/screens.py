"""Choosing the wall's screen and a free place on a single screen (by screen names)."""

from __future__ import annotations

from PySide6.QtCore import QRect


def choose_screen(
    names: list[str], facilitator: str | None, remembered: str | None, insist: bool = False
) -> str | None:
    """The screen the wall goes full screen on, or None with fewer than two screens.

    The remembered screen wins while it is there, unless the facilitator's window is on it
    (then another one is taken) — except right after the facilitator chose it (``insist``).
    """
    if len(names) < 2:
        return None
    if remembered in names and (insist or remembered != facilitator):
        return remembered
    others = [name for name in names if name != facilitator]
    return others[0] if others else names[-1]


def free_place(available: QRect, occupied: QRect, aspect: float = 16 / 9) -> QRect | None:
    """The largest rectangle of ``aspect`` in ``available`` beside ``occupied``; None if tiny."""
    left, top = available.left(), available.top()
    right, bottom = available.right(), available.bottom()
    bands = [
        QRect(left, top, occupied.left() - left, available.height()),
        QRect(occupied.right() + 1, top, right - occupied.right(), available.height()),
        QRect(left, top, available.width(), occupied.top() - top),
        QRect(left, occupied.bottom() + 1, available.width(), bottom - occupied.bottom()),
    ]
    best: QRect | None = None
    for band in bands:
        band = band.intersected(available)
        if band.width() <= 0 or band.height() <= 0:
            continue
        width = min(band.width(), round(band.height() * aspect))
        height = round(width / aspect)
        if best is None or width * height > best.width() * best.height():
            best = QRect(band.left(), band.top(), width, height)
            best.moveCenter(band.center())
    if best is None or best.width() < 320:
        return None
    return best


def default_window_rect(available: QRect, aspect: float = 16 / 9) -> QRect:
    """A window half the screen's width in its lower right corner."""
    width = max(320, available.width() // 2)
    height = round(width / aspect)
    rect = QRect(0, 0, width, height)
    rect.moveBottomRight(available.bottomRight())
    return rect

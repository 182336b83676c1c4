"""Choosing the wall's screen and a free place on a single screen (by screen names), and
naming screens as a person knows them: "Built-in screen 1366×768", "Projector (EB-W06)
1920×1080 on the right" (the system's names, such as "HDMI-1" or "screen", say little)."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QScreen

# Connector names of a laptop's own panel (eDP-1, LVDS-1, DSI-1), and what macOS and the
# tests call it.
BUILT_IN = re.compile(r"^(edp|lvds|dsi)|built-?in|internal|laptop", re.IGNORECASE)
# Makers that make projectors and no monitors, and the word itself.
PROJECTOR = re.compile(r"projector|beamer|epson|optoma|infocus|vivitek|casio", re.IGNORECASE)
GENERIC_NAMES = {"", "screen", "default", "offscreen"}


class ScreenFacts(NamedTuple):
    """What a screen says about itself (QScreen, or made up in tests)."""

    name: str
    geometry: QRect
    model: str = ""
    manufacturer: str = ""

    @classmethod
    def of(cls, screen: QScreen) -> ScreenFacts:
        return cls(screen.name(), screen.geometry(), screen.model(), screen.manufacturer())


def screen_kind(facts: ScreenFacts) -> str:
    """ "built-in", "projector" or "screen"."""
    said = " ".join((facts.name, facts.model, facts.manufacturer))
    if BUILT_IN.search(facts.name) or BUILT_IN.search(facts.model):
        return "built-in"
    if PROJECTOR.search(said):
        return "projector"
    return "screen"


def screen_label(facts: ScreenFacts, reference: ScreenFacts | None = None) -> str:
    """The screen as the facilitator knows it, and where it is from ``reference`` (the
    screen of the facilitator's window; None: one screen, nowhere to say)."""
    translate = QCoreApplication.translate  # literal calls: lupdate finds them
    kind = screen_kind(facts)
    word = {
        "built-in": translate("ScreenNames", "Built-in screen"),
        "projector": translate("ScreenNames", "Projector"),
        "screen": translate("ScreenNames", "Screen"),
    }[kind]
    detail = facts.model.strip() or facts.manufacturer.strip()
    if not detail and kind == "screen" and facts.name.strip().lower() not in GENERIC_NAMES:
        detail = facts.name.strip().lstrip("\\.")  # "HDMI-1"; Windows: \\.\DISPLAY2
    size = facts.geometry.size()
    text = f"{word} ({detail})" if detail else word
    text = f"{text} {size.width()}×{size.height()}"
    if reference is None:
        return text
    if facts == reference:
        return translate("ScreenNames", "%1 (this window's)").replace("%1", text)
    here, there = reference.geometry.center(), facts.geometry.center()
    dx, dy = there.x() - here.x(), there.y() - here.y()
    if dx == dy == 0:
        return text
    if abs(dx) >= abs(dy):
        if dx > 0:
            where = translate("ScreenNames", "%1 on the right")
        else:
            where = translate("ScreenNames", "%1 on the left")
    elif dy > 0:
        where = translate("ScreenNames", "%1 below")
    else:
        where = translate("ScreenNames", "%1 above")
    return where.replace("%1", text)


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

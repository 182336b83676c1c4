"""The wall's look: readable sizes, margins, palettes, text styles and the clock's size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# Readable from the back of the room: the smallest capitals (cap height, in pixels at 1080
# lines), and the largest font size worth using (pixels at 1080 lines).
MIN_CAP_AT_1080 = 32
MAX_PX_AT_1080 = 72
SMALLEST_PX = 9  # whatever the window: below this a wall shows nothing useful
LINE_SPACING = 1.12
MARGIN_X = 0.05  # of the width: projectors often cut the edges
MARGIN_Y = 0.055  # of the height
LAYOUT_CACHE_SIZE = 6000
EXTENT_CACHE_SIZE = 50000
MARK_SPACE = 0.4  # between a sheet's text and its "▼ 2/3" mark, in base sizes
KEEP_WITH_NEXT = frozenset({"heading", "block", "page", "cell"})  # never alone at a sheet's foot
# Czech typography: a one-letter preposition or conjunction never ends a line.
SINGLE_LETTER = re.compile(r"(?<!\w)([KkSsVvZzOoUuAaIi]) ")
WORDS = re.compile(r"\S+|\s+")
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Sans Serif"]


@dataclass(frozen=True)
class WallPalette:
    """The wall's colours, chosen by contrast (WCAG 2), since a projector in a lit room washes
    pale tints out: every text colour on the background at least 4.5:1, every highlight on
    the background at least 3:1, and the text on a highlight at least 4.5:1 on it."""

    name: str
    background: str
    text: str
    muted: str
    heading: str
    accent: str  # outline markers, and the bar beside the current item
    current: str  # the current item's background…
    on_current: str  # …and its text
    changed: str  # what a publish changed (fading out)…
    on_changed: str  # …and its text
    bar: str  # the ranking's bars
    warning: str  # the agenda clock in the last two minutes
    over: str  # the agenda clock past the planned time


# Which colours are text on the background, which mark something on it, and the text on each
# highlight (the contrast test reads these).
TEXT_ROLES = ("text", "muted", "heading", "accent", "warning", "over")
HIGHLIGHT_ROLES = ("current", "changed", "accent", "bar")
ON_HIGHLIGHT = {"current": "on_current", "changed": "on_changed"}

PALETTES = {
    "light": WallPalette(
        "light", "#ffffff", "#1b1b1b", "#555b61", "#0b3d91", "#1a5fb4",
        current="#1a5fb4", on_current="#ffffff", changed="#c47f00", on_changed="#1b1b1b",
        bar="#1a5fb4", warning="#b35300", over="#c01c28",
    ),
    "dark": WallPalette(
        "dark", "#121417", "#f1f1f1", "#a9b0b8", "#ffd27a", "#ffc861",
        current="#8ab4f8", on_current="#121417", changed="#ffb347", on_changed="#121417",
        bar="#5fa8ff", warning="#ff9f43", over="#ff5c5c",
    ),
    "contrast": WallPalette(
        "contrast", "#000000", "#ffffff", "#ffffff", "#ffff00", "#ffff00",
        current="#ffff00", on_current="#000000", changed="#00ffff", on_changed="#000000",
        bar="#ffff00", warning="#ff9900", over="#ff3030",
    ),
}  # fmt: skip


class Style(NamedTuple):
    scale: float  # of the base size
    bold: bool
    role: str  # the palette colour of its text
    space: float  # before the block, in base sizes (not before the first on screen)
    center: bool = False
    width: float = 1.0  # of the text column (bars leave room for the bar)
    indent: float = 0.0  # in base sizes, besides the outline depth


STYLES = {
    "title": Style(1.7, True, "heading", 0.0, center=True),
    "subtitle": Style(0.8, False, "muted", 0.7, center=True),
    "heading": Style(1.15, True, "heading", 0.9),
    "page": Style(0.75, True, "muted", 0.0),
    "body": Style(1.0, False, "text", 0.55),
    "block": Style(1.05, True, "heading", 0.8),
    "item": Style(1.0, False, "text", 0.28),
    "cell": Style(1.05, True, "heading", 0.0),  # a SWOT quadrant's label atop its cell
    "meta": Style(0.72, False, "muted", 0.12),
    "message": Style(0.9, False, "muted", 0.0, center=True),
    "bar": Style(0.9, False, "text", 0.38, width=0.55, indent=1.7),
}
OUTLINE_INDENT = 1.3  # base sizes per outline level
MARKERS = {1: "•", 2: "–"}
DEEP_MARKER = "·"
COLLAPSED_MARKER = "▸"

# The agenda clock, in the bottom right corner while an item runs: its digits' size at 1080
# lines, its distance from the bottom edge (of the height: inside what projectors show), and
# the widest text its box is made for (wider ones widen it).
CLOCK_PX_AT_1080 = 50

# The SWOT grid: the space between its columns and between its rows (in base sizes; the
# current item's band and bar stay clear of the dividing lines drawn in the middle).
GRID_COLUMN_GAP = 1.8
GRID_ROW_GAP = 1.1
CLOCK_EDGE = 0.03
CLOCK_TEMPLATE = "+88:88"

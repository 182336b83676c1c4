"""Laying out and painting the wall: one painter used by the wall window and by its preview.

A mode turns a ``WallState`` into a ``Page``: a sequence of text blocks (headings, paragraphs,
outline items, bars). The layout finds the largest font size at which the page fits the
window, by measuring each block with ``QTextLayout`` and word wrap. The smallest size is the
one readable from the back of the room: capitals 32 px tall at 1080 lines (the font's cap
height, scaled with the wall's height and zoom). A page that does not fit at that size is cut
into sheets, between blocks or, for a block taller than a sheet, between its lines; the wall
shows one sheet with a "▼ 2/3" mark, follows the current item to its sheet, and pages on
Page Down and Page Up. Nothing is ever cut off: the sheets together show every line once.

Laid-out blocks are cached by (text, style, size, width): after a keystroke only the block
that changed is measured again, and the preview reuses the wall's layout, scaled. Sheets need
every block's height; a single line of Latin text is measured by its advance alone (no
``QTextLayout``), and after a keystroke only the blocks that changed are measured again and the
sheets are cut again from the one that changed, until they fall in with the old ones.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
)

from facilitator_app.gui.projector.grid import GridLayouter
from facilitator_app.gui.projector.layout import Layouter
from facilitator_app.gui.projector.look import PALETTES
from facilitator_app.gui.projector.measure import Laid, Measurer, PageLayout, Paging
from facilitator_app.gui.projector.pages import Page, PageMaker
from facilitator_app.gui.projector.paint import WallPaint
from facilitator_app.gui.projector.state import Mode


class WallRenderer(WallPaint, Layouter, GridLayouter, Measurer, PageMaker, QObject):
    """Lays out a state's page for a size and paints it; keeps what it measured.

    Its parts are in their modules: ``pages`` (the modes' pages), ``measure`` (fonts and
    text), ``layout`` (fitting, sheets), ``grid`` (the SWOT's 2×2 cells) and ``paint``;
    the caches they share are made here.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.palette = PALETTES["light"]
        self.zoom = 1.0
        self._laid: OrderedDict[tuple[object, ...], Laid] = OrderedDict()
        self._fonts: dict[tuple[int, bool], QFont] = {}
        self._pages: dict[tuple[object, ...], Page] = {}
        self._layouts: dict[tuple[object, ...], PageLayout] = {}
        self._sizes: dict[tuple[object, ...], int] = {}  # last fitted size per mode and window
        self._font_metrics: dict[tuple[int, bool], QFontMetricsF] = {}
        self._floors: dict[int, int] = {}  # readable floor per cap height (in 1/64 px)
        self._line_heights: dict[tuple[int, bool], float] = {}
        self._extents: dict[tuple[object, ...], tuple[float, float]] = {}
        self._paging: dict[Mode, Paging] = {}  # each mode's sheets as last cut
        # A sheet turned to with Page Down/Up, and the current item's key then: the wall stays
        # on it until the facilitator moves to another item.
        self._turned: dict[Mode, tuple[Hashable, int]] = {}
        self._last_sheet: dict[Mode, int] = {}
        self.czech = True  # the workshop's language: keep one-letter words with the next
        self.clock_room = False  # an agenda item runs: the page leaves the clock's corner free

    # --- settings ---------------------------------------------------------------------------

    def set_palette(self, name: str) -> None:
        self.palette = PALETTES.get(name, PALETTES["light"])
        self._laid.clear()  # suffix colours are part of the layouts
        self._layouts.clear()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._layouts.clear()
        self._turned.clear()  # the sheets are cut anew

    def set_clock_room(self, on: bool) -> None:
        """Make room for the agenda clock below the page (while an item runs), or give it back."""
        if on != self.clock_room:
            self.clock_room = on
            self._layouts.clear()

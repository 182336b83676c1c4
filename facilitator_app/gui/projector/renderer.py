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

import math
import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QDate, QLocale, QObject, QPointF, QRectF, QSizeF, Qt, QTime
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from facilitator_app.gui.projector.state import Blanking, Mode, Outline, WallState
from facilitator_app.minutes.phrases import Phrases, phrases_for
from facilitator_app.textdiff import (
    common_ends,
    diff_text,
    inserted_ranges,
    utf16_length,
    utf16_offset,
)

if TYPE_CHECKING:
    from facilitator_app.gui.sections.agenda.clock import Countdown

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
KEEP_WITH_NEXT = frozenset({"heading", "block", "page"})  # never alone at a sheet's foot
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
CLOCK_EDGE = 0.03
CLOCK_TEMPLATE = "+88:88"


class Block(NamedTuple):
    key: Hashable  # what it shows, for highlights: ("node", id), ("para", theme id, n), …
    text: str
    style: str
    depth: int = 0  # outline levels of indent
    marker: str = ""  # drawn in the margin before the text (bullet, rank)
    suffix: str = ""  # after the text, in the muted colour (votes, a collapsed count)
    value: float = 0.0  # a bar's length, 0…1
    label: str = ""  # a bar's number


class OutlineBlocks(Sequence[Block]):
    """The visible rows of an outline as blocks, made when asked (5,000 rows stay cheap)."""

    def __init__(self, outline: Outline, votes_text: Callable[[int], str]) -> None:
        self.outline = outline
        self.visible = outline.visible
        self.votes_text = votes_text

    def __len__(self) -> int:
        return len(self.visible)

    def __getitem__(self, index: int) -> Block:  # type: ignore[override]
        row = self.outline.rows[self.visible[index]]
        if row.is_block:
            return Block(("node", row.id), row.text, "block")
        level = row.depth - 1
        marker = COLLAPSED_MARKER if row.collapsed else MARKERS.get(level, DEEP_MARKER)
        suffix = ""
        if row.votes:
            suffix += "\u00a0\u00a0" + self.votes_text(row.votes)
        if row.collapsed:
            suffix += f"\u00a0\u00a0(+{row.hidden_count})"
        return Block(("node", row.id), row.text, "item", level, marker, suffix)

    def index_of(self, key: Hashable) -> int | None:
        if isinstance(key, tuple) and len(key) == 2 and key[0] == "node":
            return self.outline.visible_position(key[1])  # type: ignore[arg-type]
        return None

    def tokens(self) -> Sequence[object]:
        """One value per block that changes when its block does: the visible rows."""
        rows, visible = self.outline.rows, self.visible
        return rows if len(visible) == len(rows) else tuple(rows[p] for p in visible)


@dataclass
class Page:
    blocks: Sequence[Block]
    current: int | None = None  # the block the facilitator works on
    center: bool = False  # vertically centred (the title page, a message)
    max_scale: float = 1.0  # of the largest size

    def index_of(self, key: Hashable) -> int | None:
        finder = getattr(self.blocks, "index_of", None)
        if finder is not None:
            found: int | None = finder(key)
            return found
        for index, block in enumerate(self.blocks):
            if block.key == key:
                return index
        return None

    def tokens(self) -> Sequence[object]:
        """One value per block, equal while the block is the same (to measure only changes)."""
        finder = getattr(self.blocks, "tokens", None)
        if finder is not None:
            found: Sequence[object] = finder()
            return found
        return tuple(self.blocks)

    @property
    def current_key(self) -> Hashable:
        return self.blocks[self.current].key if self.current is not None else None


class Laid(NamedTuple):
    layout: QTextLayout
    height: float
    width: float  # the widest line
    first_line: float  # the first line's height


class Placed(NamedTuple):
    index: int
    block: Block
    rect: QRectF  # where its shown lines lie
    laid: Laid
    size: int  # its font's pixel size
    first_line: int = 0  # a block cut between sheets: the first of its lines shown here…
    lines: int | None = None  # …and how many (None: all of them)
    offset: float = 0.0  # the first shown line's top in the block's layout


class Sheet(NamedTuple):
    """Where a sheet of a long page begins: a block, and its first line there."""

    block: int
    line: int = 0


# A block's height, the space before it (not at a sheet's top), whether it stays with the
# next block, and its first line's height.
Extent = tuple[float, float, bool, float]


@dataclass
class _Paging:
    """A page's sheets as last cut, and what they were cut from (to cut again from a change)."""

    key: tuple[object, ...]
    tokens: Sequence[object]
    extents: list[Extent]
    starts: list[Sheet]


@dataclass
class PageLayout:
    size: QSizeF
    content: QRectF
    base: int  # the base pixel size chosen
    fits: bool  # False: the page is cut into sheets at the minimum readable size
    placed: list[Placed] = field(default_factory=list)
    current: int | None = None
    sheet: int = 0  # the sheet shown…
    sheets: int = 1  # …of this many
    mark: str = ""  # "▼ 2/3" on a sheet of several
    mark_rect: QRectF = field(default_factory=QRectF)

    @property
    def more_above(self) -> bool:
        return self.sheet > 0

    @property
    def more_below(self) -> bool:
        return self.sheet < self.sheets - 1


@lru_cache(maxsize=256)
def changed_spans(old: str, new: str) -> list[tuple[int, int]] | None:
    """The stretches of ``new`` (UTF-16 offsets) that differ from ``old``, word by word.

    None when most of it changed, or only something was taken out: then the whole block is
    highlighted.
    """
    spans = [
        (utf16_offset(new, start), utf16_offset(new, stop))
        for start, stop in inserted_ranges(diff_text(old, new, WORDS))
    ]
    changed = sum(stop - start for start, stop in spans)
    if not spans or changed > 0.6 * utf16_length(new):
        return None
    return spans


def _mixed(full: QColor, none: QColor, strength: float) -> QColor:
    """``full`` at ``strength`` 1, ``none`` at 0, between them in between (a highlight that
    fades takes its text colour back with it)."""
    if strength >= 1.0:
        return QColor(full)
    return QColor.fromRgbF(
        none.redF() + (full.redF() - none.redF()) * strength,
        none.greenF() + (full.greenF() - none.greenF()) * strength,
        none.blueF() + (full.blueF() - none.blueF()) * strength,
    )


class WallRenderer(QObject):
    """Lays out a state's page for a size and paints it; keeps what it measured."""

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
        self._paging: dict[Mode, _Paging] = {}  # each mode's sheets as last cut
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

    # --- pages ------------------------------------------------------------------------------

    def page(self, state: WallState | None, mode: Mode) -> Page:
        if state is None or mode is Mode.BLANK:
            return Page([])
        self.czech = state.title.language == "cs"
        key = (mode, state.revision)
        page = self._pages.get(key)
        if page is None:
            if len(self._pages) > 16:
                self._pages.clear()
            page = self._make_page(state, mode)
            self._pages[key] = page
        return page

    def _make_page(self, state: WallState, mode: Mode) -> Page:
        if mode is Mode.TITLE:
            return self._title_page(state)
        if mode is Mode.VISION:
            return self._vision_page(state, state.themes)
        if mode is Mode.THEME:
            theme = state.current_theme
            return self._vision_page(state, (theme,) if theme is not None else ())
        if mode is Mode.ACTIVITIES:
            if not state.outline.rows:
                return self._message(self._phrases(state).no_activities_yet)
            blocks = OutlineBlocks(state.outline, self._votes_text)
            return Page(blocks, current=state.outline.visible_position(state.focus.node_id))
        if mode is Mode.REMARKS:
            return self._remarks_page(state)
        if mode is Mode.RANKING:
            return self._ranking_page(state)
        if mode is Mode.TASKS:
            return self._tasks_page(state)
        return Page([])

    @staticmethod
    def _phrases(state: WallState) -> Phrases:
        """The room reads the workshop's language, whatever the facilitator's UI speaks."""
        return phrases_for(state.title.language or "cs")

    def _votes_text(self, votes: int) -> str:
        return f"●\u00a0{votes}"

    def _message(self, text: str) -> Page:
        return Page([Block(("message",), text, "message")], center=True)

    def _title_page(self, state: WallState) -> Page:
        info = state.title
        blocks = [Block(("title",), info.title, "title")]
        when = self._when(state)
        if when:
            blocks.append(Block(("date",), when, "subtitle"))
        if info.place:
            blocks.append(Block(("date",), info.place, "subtitle"))
        if info.head_count:
            label = self._phrases(state).participants_label
            blocks.append(Block(("heads",), f"{label}: {info.head_count}", "subtitle"))
        return Page(blocks, center=True, max_scale=1.3)

    @staticmethod
    def _locale(state: WallState) -> QLocale:
        """Dates and times as the workshop's language writes them (English as the minutes
        write it: British)."""
        return QLocale({"en": "en_GB"}.get(state.title.language, state.title.language or "cs"))

    def _date_text(self, state: WallState, day: date) -> str:
        """``úterý 26. května 2026`` / ``Tuesday, 26 May 2026``."""
        return self._locale(state).toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )

    def _when(self, state: WallState) -> str:
        info = state.title
        if info.starts_at is None:
            return ""
        locale = self._locale(state)
        start = info.starts_at
        text = self._date_text(state, start)
        time = locale.toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)
        if info.ends_at is not None:
            end = info.ends_at
            end_time = locale.toString(QTime(end.hour, end.minute), QLocale.FormatType.ShortFormat)
            time = f"{time}–{end_time}"
        return f"{text}, {time}"

    def _vision_page(self, state: WallState, themes: Sequence[object]) -> Page:
        from facilitator_app.gui.projector.state import ThemeView

        blocks: list[Block] = []
        current: int | None = None
        focus = state.focus
        for theme in themes:
            assert isinstance(theme, ThemeView)
            if current is None and focus.theme_id == theme.id and focus.paragraph is None:
                current = len(blocks) if len(themes) > 1 else None
            blocks.append(Block(("theme", theme.id), theme.name, "heading"))
            if not theme.paragraphs:
                no_vision = self._phrases(state).no_vision_yet
                blocks.append(Block(("para", theme.id, 0), no_vision, "meta"))
            for number, paragraph in enumerate(theme.paragraphs):
                if focus.theme_id == theme.id and focus.paragraph == number:
                    current = len(blocks)
                blocks.append(Block(("para", theme.id, number), paragraph, "body"))
        if not blocks:
            return self._message(self._phrases(state).no_themes_yet)
        return Page(blocks, current=current)

    def _remarks_page(self, state: WallState) -> Page:
        theme = state.current_theme
        phrases = self._phrases(state)
        if theme is None:
            return self._message(phrases.no_themes_yet)
        heading = f"{phrases.remarks_heading}: {theme.name}"
        blocks = [Block(("theme", theme.id), heading, "heading")]
        # The room sees the settled states; an open remark carries no label.
        statuses = {s.value: text for s, text in phrases.statuses.items() if s.value != "pending"}
        for remark in theme.remarks:
            blocks.append(Block(("remark", remark.id), remark.text, "body"))
            meta = [part for part in (statuses.get(remark.status, ""), remark.organization) if part]
            if remark.response:
                meta.append("→ " + remark.response)
            if meta:
                blocks.append(Block(("remark", remark.id), " · ".join(meta), "meta"))
        if len(blocks) == 1:
            blocks.append(Block(("message",), phrases.no_remarks_yet, "meta"))
        return Page(blocks)

    def _tasks_page(self, state: WallState) -> Page:
        """Every task agreed, in the Tasks tab's order: its text, then a line with its due
        date and a done mark. Who does it is a person's name: the state does not even hold it."""
        phrases = self._phrases(state)
        if not state.tasks:
            return self._message(phrases.no_tasks_yet)
        blocks = [Block(("tasks",), phrases.agreed_tasks_heading, "heading")]
        for task in state.tasks:
            blocks.append(Block(("task", task.id), task.text, "body"))
            meta = []
            if task.due is not None:
                meta.append(f"{phrases.due_label}: {self._date_text(state, task.due)}")
            if task.done:
                meta.append(f"{phrases.done_mark}\u00a0{phrases.task_done}")
            if meta:
                blocks.append(Block(("task", task.id, "meta"), " · ".join(meta), "meta"))
        return Page(blocks)

    def _ranking_page(self, state: WallState) -> Page:
        outline = state.outline
        ranking = outline.ranking
        if not ranking:
            return self._message(self._phrases(state).no_votes_yet)
        rows = outline.rows
        most = rows[ranking[0]].votes
        blocks = [Block(("ranking",), self._phrases(state).ranking_heading, "page")]
        current: int | None = None
        rank, previous = 0, None
        for place, position in enumerate(ranking, 1):
            row = rows[position]
            if row.votes != previous:
                rank, previous = place, row.votes
            if row.id == state.focus.node_id:
                current = len(blocks)
            blocks.append(
                Block(
                    ("node", row.id),
                    row.text,
                    "bar",
                    marker=f"{rank}.",
                    value=row.votes / most,
                    label=str(row.votes),
                )
            )
        return Page(blocks, current=current)

    # --- measuring --------------------------------------------------------------------------

    def font(self, pixels: int, bold: bool = False) -> QFont:
        key = (pixels, bold)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setPixelSize(max(1, pixels))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[key] = font
        return font

    def _metrics(self, pixels: int, bold: bool) -> QFontMetricsF:
        key = (pixels, bold)
        metrics = self._font_metrics.get(key)
        if metrics is None:
            metrics = self._font_metrics[key] = QFontMetricsF(self.font(pixels, bold))
        return metrics

    def cap_height(self, pixels: int, bold: bool = False) -> float:
        """How tall the font's capitals are at ``pixels``."""
        return self._metrics(pixels, bold).capHeight()

    def floor_px(self, height: float) -> int:
        """The smallest font size whose capitals are readable on a wall ``height`` tall:
        ``MIN_CAP_AT_1080`` at 1080 lines, scaled with the height and the zoom."""
        target = MIN_CAP_AT_1080 * height / 1080 * self.zoom
        key = round(target * 64)
        pixels = self._floors.get(key)
        if pixels is None:
            # Qt rounds a size's cap height to the pixel: take the ratio from a large size.
            ratio = self.cap_height(1000) / 1000 or 0.7
            pixels = max(SMALLEST_PX, math.ceil(target / ratio - 1e-9))
            while self.cap_height(pixels) < target - 1e-6:
                pixels += 1
            self._floors[key] = pixels
        return pixels

    def lay(self, text: str, suffix: str, style: Style, pixels: int, width: float) -> Laid:
        """The text laid out in lines of at most ``width`` (cached)."""
        key = (text, suffix, style, pixels, int(width), self.czech)
        laid = self._laid.get(key)
        if laid is not None:
            self._laid.move_to_end(key)
            return laid
        font = self.font(pixels, style.bold)
        shown = (text + suffix).replace("\r\n", "\n").replace("\n", "\u2028")
        if self.czech:
            shown = SINGLE_LETTER.sub("\\1\u00a0", shown)
        layout = QTextLayout(shown, font)
        option = QTextOption(
            Qt.AlignmentFlag.AlignHCenter if style.center else Qt.AlignmentFlag.AlignLeft
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if suffix:
            muted = QTextCharFormat()
            muted.setForeground(QColor(self.palette.muted))
            muted.setFontWeight(QFont.Weight.Normal)
            muted_range = QTextLayout.FormatRange()
            muted_range.start = utf16_length(text)
            muted_range.length = utf16_length(suffix)
            muted_range.format = muted
            layout.setFormats([muted_range])
        layout.setCacheEnabled(True)
        leading = QFontMetricsF(font).lineSpacing() * (LINE_SPACING - 1)
        y = widest = first = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            if not first:
                first = line.height()
            y += line.height() + leading
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
        laid = Laid(layout, max(y - leading, first), widest, first)
        self._laid[key] = laid
        if len(self._laid) > LAYOUT_CACHE_SIZE:
            self._laid.popitem(last=False)
        return laid

    @staticmethod
    def line_spans(laid: Laid) -> list[tuple[float, float]]:
        """The top and bottom of each of a block's lines, in its layout."""
        layout = laid.layout
        spans = []
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            spans.append((line.y(), line.y() + line.height()))
        return spans or [(0.0, laid.height)]

    def _px(self, style: Style, base: int, floor: int) -> int:
        """A style's font size: its share of the base size, never below the readable floor."""
        return max(floor, round(base * style.scale))

    def _text_box(self, block: Block, base: int, width: float) -> tuple[float, float, Style]:
        """(left offset, text width, style) of a block in a column ``width`` wide."""
        style = STYLES[block.style]
        indent = (block.depth * OUTLINE_INDENT + style.indent) * base
        return indent, max(base, (width - indent) * style.width), style

    def measure(self, block: Block, base: int, width: float, floor: int = 0) -> Laid:
        _, text_width, style = self._text_box(block, base, width)
        pixels = self._px(style, base, floor)
        return self.lay(block.text, block.suffix, style, pixels, text_width)

    def _one_line(self, pixels: int, bold: bool) -> float:
        """The height of a single line of text at this size (as ``lay`` makes it)."""
        key = (pixels, bold)
        height = self._line_heights.get(key)
        if height is None:
            style = STYLES["block" if bold else "item"]
            height = self._line_heights[key] = self.lay("X", "", style, pixels, 1e6).first_line
        return height

    def extent(self, block: Block, base: int, width: float, floor: int) -> Extent:
        """A block's height for cutting sheets, without laying it out when it is one line of
        Latin text (the advance says so: 5,000 activities are measured in a fraction of the
        time their layouts take)."""
        _, text_width, style = self._text_box(block, base, width)
        pixels = self._px(style, base, floor)
        key = (block.text, block.suffix, block.style, pixels, int(text_width), self.czech)
        found = self._extents.get(key)
        if found is None:
            text = block.text + block.suffix
            single = not text or (
                "\n" not in text
                and "\r" not in text
                and max(text) < "\u0250"  # one font has these: its line height holds
                and not (block.suffix and style.bold)
                and self._metrics(pixels, style.bold).horizontalAdvance(text) <= text_width - 1
            )
            if single:
                height = self._one_line(pixels, style.bold)
                found = (height, height)
            else:
                laid = self.lay(block.text, block.suffix, style, pixels, text_width)
                found = (laid.height, laid.first_line)
            if len(self._extents) > EXTENT_CACHE_SIZE:
                self._extents.clear()
            self._extents[key] = found
        return (found[0], style.space * base, block.style in KEEP_WITH_NEXT, found[1])

    def _gap(self, block: Block, base: int) -> float:
        return STYLES[block.style].space * base

    def _fits(self, page: Page, base: int, floor: int, width: float, height: float) -> bool:
        total = 0.0
        blocks = page.blocks
        for index in range(len(blocks)):
            block = blocks[index]
            total += self.measure(block, base, width, floor).height
            if index:
                total += self._gap(block, base)
            if total > height:
                return False
        return True

    def _largest_fitting(
        self, page: Page, low: int, high: int, floor: int, w: float, h: float
    ) -> int | None:
        if not self._fits(page, low, floor, w, h):
            return None
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(page, middle, floor, w, h):
                low = middle
            else:
                high = middle - 1
        return low

    def _fit(
        self, key: tuple[object, ...], page: Page, low: int, high: int, w: float, h: float
    ) -> int | None:
        """The largest base size in [low, high] at which the page fits; None when none does
        (``low`` is the readable floor).

        Starts from the size chosen last time: typing changes it by a step at most, so two
        measurements (mostly from the cache) usually settle it.
        """
        floor = low
        hint = self._sizes.get(key)
        if hint is not None and low <= hint <= high:
            if self._fits(page, hint, floor, w, h):
                if hint == high or not self._fits(page, hint + 1, floor, w, h):
                    return hint
                return self._largest_fitting(page, hint + 1, high, floor, w, h)
            if hint == low:
                return None
            if self._fits(page, hint - 1, floor, w, h):
                return hint - 1
            if hint - 2 < low:
                return None
            return self._largest_fitting(page, low, hint - 2, floor, w, h)
        return self._largest_fitting(page, low, high, floor, w, h)

    # --- layout -----------------------------------------------------------------------------

    def size_limits(self, height: float, page: Page) -> tuple[int, int]:
        """The smallest (readable from the back) and the largest base size for the height."""
        low = self.floor_px(height)
        high = max(low, round(MAX_PX_AT_1080 * height / 1080 * self.zoom * page.max_scale))
        return low, high

    def content_rect(self, size: QSizeF) -> QRectF:
        margin_x = round(size.width() * MARGIN_X)
        margin_y = round(size.height() * MARGIN_Y)
        rect = QRectF(margin_x, margin_y, size.width() - 2 * margin_x, size.height() - 2 * margin_y)
        if self.clock_room:
            # The page ends above the clock's strip, so the clock never covers a line.
            rect.setBottom(
                min(rect.bottom(), self.clock_box(size).top() - self._clock_px(size) * 0.5)
            )
        return rect

    def layout(self, state: WallState | None, mode: Mode, size: QSizeF) -> PageLayout:
        revision = state.revision if state is not None else -1
        size_key = (round(size.width()), round(size.height()))
        turned = self._turned.get(mode)
        key = (mode, revision, *size_key, self.zoom, self.clock_room, turned)
        found = self._layouts.get(key)
        if found is not None:
            return found
        page = self.page(state, mode)
        result = self._lay_out_page(page, mode, size)
        if len(self._layouts) > 8:
            self._layouts.clear()
        self._layouts[key] = result
        return result

    def turn_page(self, state: WallState | None, mode: Mode, size: QSizeF, step: int) -> bool:
        """Show the next (``step`` 1) or previous (-1) sheet; False when there is none.

        The wall stays on the sheet turned to while the current item stays the same; once
        the facilitator moves on, it follows the current item to its sheet again."""
        shown = self.layout(state, mode, size)
        number = max(0, min(shown.sheet + step, shown.sheets - 1))
        if number == shown.sheet:
            return False
        self._turned[mode] = (self.page(state, mode).current_key, number)
        return True

    def sheet_layout(
        self, state: WallState | None, mode: Mode, size: QSizeF, number: int
    ) -> PageLayout:
        """Sheet ``number`` of the page, as the wall would show it after paging to it."""
        self._turned[mode] = (self.page(state, mode).current_key, number)
        return self.layout(state, mode, size)

    def _lay_out_page(self, page: Page, mode: Mode, size: QSizeF) -> PageLayout:
        content = self.content_rect(size)
        width, height = content.width(), content.height()
        low, high = self.size_limits(size.height(), page)
        fit_key = (mode, round(width), round(height), self.zoom)
        base = self._fit(fit_key, page, low, high, width, height) if len(page.blocks) else low
        fits = base is not None
        if base is None:
            base = low
        self._sizes[fit_key] = base
        result = PageLayout(size, content, base, fits, current=page.current)
        blocks = page.blocks
        if not blocks:
            return result
        if fits:
            y = content.top()
            if page.center:
                total = sum(self.measure(b, base, width, low).height for b in blocks)
                total += sum(self._gap(b, base) for b in list(blocks)[1:])
                y += (height - total) / 2
            self._place(result, page, Sheet(0), Sheet(len(blocks)), base, low, y)
            return result
        # Too long at the readable size: one sheet of several, with a mark saying so.
        mark_font = self._metrics(low, False)
        mark_height = self._one_line(low, False)
        room = height - mark_height - base * MARK_SPACE
        starts = self._sheets(mode, page, base, low, width, room)
        number = self._choose_sheet(mode, page, starts)
        end = starts[number + 1] if number + 1 < len(starts) else Sheet(len(blocks))
        self._place(result, page, starts[number], end, base, low, content.top())
        result.sheet, result.sheets = number, len(starts)
        more = number < len(starts) - 1
        result.mark = f"{'▼ ' if more else ''}{number + 1}/{len(starts)}"
        # Centred below the text: clear of the agenda clock's corner.
        mark_width = mark_font.horizontalAdvance(result.mark) + low
        result.mark_rect = QRectF(
            content.center().x() - mark_width / 2,
            content.bottom() - mark_height,
            mark_width,
            mark_height,
        )
        return result

    def _place(
        self,
        result: PageLayout,
        page: Page,
        begin: Sheet,
        end: Sheet,
        base: int,
        floor: int,
        y: float,
    ) -> None:
        """Place the blocks from ``begin`` up to ``end`` (a sheet's) from ``y`` down."""
        content = result.content
        blocks = page.blocks
        width = content.width()
        for index in range(begin.block, min(end.block + 1, len(blocks))):
            if index == end.block and end.line == 0:
                break
            block = blocks[index]
            first_line = begin.line if index == begin.block else 0
            stop_line = end.line if index == end.block else None
            if index > begin.block:
                y += self._gap(block, base)
            left, text_width, style = self._text_box(block, base, width)
            laid = self.measure(block, base, width, floor)
            offset, shown, lines = 0.0, laid.height, None
            if first_line or stop_line is not None:
                spans = self.line_spans(laid)
                last = (stop_line if stop_line is not None else len(spans)) - 1
                offset, shown = spans[first_line][0], spans[last][1] - spans[first_line][0]
                lines = last - first_line + 1
            rect = QRectF(content.left() + left, y, text_width, shown)
            size = self._px(style, base, floor)
            result.placed.append(Placed(index, block, rect, laid, size, first_line, lines, offset))
            y += shown

    # --- sheets -----------------------------------------------------------------------------

    def _sheets(
        self, mode: Mode, page: Page, base: int, floor: int, width: float, room: float
    ) -> list[Sheet]:
        """Where each sheet of a page begins, when ``room`` is a sheet's height.

        Against the last cut of the same mode: only the blocks between the unchanged start and
        end of the page are measured, and nothing is cut again unless their heights changed.
        """
        key = (base, floor, round(width), round(room), self.czech)
        tokens = page.tokens()
        blocks = page.blocks
        old = self._paging.get(mode)
        if old is None or old.key != key:
            extents = [self.extent(blocks[i], base, width, floor) for i in range(len(blocks))]
            starts = self._cut(page, extents, room, base, floor, width, Sheet(0))
        else:
            prefix, suffix = common_ends(old.tokens, tokens)
            stop, old_stop = len(tokens) - suffix, len(old.tokens) - suffix
            middle = [self.extent(blocks[i], base, width, floor) for i in range(prefix, stop)]
            extents = old.extents[:prefix] + middle + old.extents[old_stop:]
            if stop == old_stop and middle == old.extents[prefix:old_stop]:
                starts = old.starts
            else:
                # From the sheet holding the block before the change (a heading there stays
                # with what follows it), until a sheet begins where an old one began.
                again = bisect_right(old.starts, Sheet(prefix - 1, 1 << 30)) - 1 if prefix else 0
                shift = stop - old_stop
                known = {start: n for n, start in enumerate(old.starts) if start.block >= old_stop}

                def rejoin(start: Sheet) -> list[Sheet] | None:
                    if start.block < stop:
                        return None
                    found = known.get(Sheet(start.block - shift, start.line))
                    if found is None:
                        return None
                    return [Sheet(s.block + shift, s.line) for s in old.starts[found:]]

                cut = self._cut(page, extents, room, base, floor, width, old.starts[again], rejoin)
                starts = old.starts[:again] + cut
        self._paging[mode] = _Paging(key, tokens, extents, starts)
        return starts

    def _cut(
        self,
        page: Page,
        extents: list[Extent],
        room: float,
        base: int,
        floor: int,
        width: float,
        begin: Sheet,
        rejoin: Callable[[Sheet], list[Sheet] | None] | None = None,
    ) -> list[Sheet]:
        """The sheets from ``begin`` on: a block goes whole to the next sheet when it does not
        fit on this one; one taller than a sheet is cut between lines (at least two on a sheet
        it starts on partly filled); a heading never stays alone at a sheet's foot.
        ``rejoin`` may give the rest of the sheets once one begins at a known place."""
        starts = [begin]
        count = len(extents)
        index, y = begin.block, 0.0
        first_line = begin.line

        def new_sheet(start: Sheet) -> list[Sheet] | None:
            rest = rejoin(start) if rejoin is not None else None
            if rest is not None:
                starts.extend(rest)
                return starts
            starts.append(start)
            return None

        while index < count:
            height, gap, keep, _ = extents[index]
            if first_line == 0:
                need = height if y == 0.0 else y + gap + height
                if need <= room:
                    if keep and y > 0.0 and index + 1 < count:
                        # What follows must come too: all of it when it moves whole to the
                        # next sheet, else its first two lines.
                        after, after_gap, _, after_first = extents[index + 1]
                        if after > room:
                            after = min(after, after_first * 2 * LINE_SPACING)
                        if need + after_gap + after > room:
                            if new_sheet(Sheet(index)) is not None:
                                return starts
                            y = 0.0
                            continue
                    y = need
                    index += 1
                    continue
                if y > 0.0 and height <= room:
                    if new_sheet(Sheet(index)) is not None:
                        return starts
                    y = 0.0
                    continue
            # Taller than a sheet (or its rest): cut between its lines.
            spans = self.line_spans(self.measure(page.blocks[index], base, width, floor))
            line = first_line
            top = y + gap if y > 0.0 and line == 0 else 0.0
            while True:
                origin = spans[line][0]
                last = line
                while last < len(spans) and top + spans[last][1] - origin <= room:
                    last += 1
                partly = top > 0.0
                if last == line and not partly:
                    last = line + 1  # a line taller than a sheet: alone on one
                if partly and ((last - line < 2 and len(spans) > 1) or last == line):
                    last = line  # too little of it here: it starts on the next sheet
                if last >= len(spans):
                    y = top + spans[-1][1] - origin
                    break
                if new_sheet(Sheet(index, last)) is not None:
                    return starts
                line, top = last, 0.0
            first_line = 0
            index += 1
        return starts

    def _choose_sheet(self, mode: Mode, page: Page, starts: list[Sheet]) -> int:
        """The sheet turned to while the current item stays; else the current item's sheet;
        without a current item, the sheet shown last."""
        key = page.current_key
        turned = self._turned.get(mode)
        if turned is not None and turned[0] == key:
            number = turned[1]
        else:
            self._turned.pop(mode, None)
            if page.current is not None:
                number = bisect_right(starts, Sheet(page.current, 0)) - 1
            else:
                number = self._last_sheet.get(mode, 0)
        number = max(0, min(number, len(starts) - 1))
        self._last_sheet[mode] = number
        return number

    # --- painting ---------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        size: QSizeF,
        state: WallState | None,
        mode: Mode,
        blanking: Blanking = Blanking.NONE,
        highlights: dict[Hashable, float] | None = None,
        previous: dict[Hashable, str] | None = None,
        clock: Countdown | None = None,
    ) -> PageLayout | None:
        """Paint the wall at ``size`` (logical pixels of the wall; scale the painter to shrink).

        ``clock``: the running agenda item's countdown, in the bottom right corner (make room
        for it with ``set_clock_room``)."""
        whole = QRectF(0, 0, size.width(), size.height())
        if blanking is not Blanking.NONE:
            black = blanking is Blanking.BLACK
            painter.fillRect(whole, QColor("#000000" if black else "#ffffff"))
            return None
        palette = self.palette
        painter.fillRect(whole, QColor(palette.background))
        layout = self.layout(state, mode, size)
        if layout.placed:
            self._paint_page(painter, layout, highlights, previous)
        if clock is not None:
            self.paint_clock(painter, size, clock, title=True)
        return layout

    def _paint_page(
        self,
        painter: QPainter,
        layout: PageLayout,
        highlights: dict[Hashable, float] | None,
        previous: dict[Hashable, str] | None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        pad = layout.base * 0.3
        for placed in layout.placed:
            self._paint_block(painter, layout, placed, pad, highlights, previous)
        if layout.mark:
            painter.setFont(self.font(self._one_line_floor(layout)))
            painter.setPen(QColor(self.palette.muted))
            painter.drawText(
                layout.mark_rect,
                int(Qt.AlignmentFlag.AlignCenter),
                layout.mark,
            )

    def _one_line_floor(self, layout: PageLayout) -> int:
        """The mark's size: the readable floor of the wall's height."""
        return self.floor_px(layout.size.height())

    @staticmethod
    def _shown_lines(placed: Placed) -> range:
        count = placed.laid.layout.lineCount()
        stop = count if placed.lines is None else placed.first_line + placed.lines
        return range(placed.first_line, min(stop, count))

    def _span_rects(self, placed: Placed, spans: list[tuple[int, int]]) -> list[QRectF]:
        """Where the characters ``spans`` of a block lie, line by line (its shown lines)."""
        layout = placed.laid.layout
        origin = placed.rect.topLeft() - QPointF(0, placed.offset)
        rects = []
        for number in self._shown_lines(placed):
            line = layout.lineAt(number)
            first, end = line.textStart(), line.textStart() + line.textLength()
            for start, stop in spans:
                start, stop = max(start, first), min(stop, end)
                if start >= stop:
                    continue
                left = line.cursorToX(start)[0]
                right = line.cursorToX(stop)[0]
                rects.append(
                    QRectF(
                        origin.x() + min(left, right),
                        origin.y() + line.y(),
                        abs(right - left),
                        line.height(),
                    )
                )
        return rects

    @staticmethod
    def _recoloured(layout: QTextLayout, colour: QColor, start: int = 0, stop: int = -1) -> Any:
        """A selection that draws characters ``start``…``stop`` (UTF-16) in ``colour``."""
        text = layout.text()
        end = utf16_length(text)
        selection = QTextLayout.FormatRange()
        selection.start = start
        selection.length = (end if stop < 0 else stop) - start
        recoloured = QTextCharFormat()
        recoloured.setForeground(colour)
        selection.format = recoloured
        return selection

    def _paint_block(
        self,
        painter: QPainter,
        layout: PageLayout,
        placed: Placed,
        pad: float,
        highlights: dict[Hashable, float] | None,
        previous: dict[Hashable, str] | None = None,
    ) -> None:
        palette = self.palette
        block, rect, laid = placed.block, placed.rect, placed.laid
        style = STYLES[block.style]
        text_rect = QRectF(rect)
        if block.style == "bar":
            text_rect.setWidth(layout.content.right() - rect.left())
        if style.center:
            text_rect = QRectF(
                layout.content.left(), rect.top(), layout.content.width(), rect.height()
            )
        marker = block.marker if placed.first_line == 0 else ""
        marker_room = 0.0
        if marker:  # the band takes in the marker, however wide ("10.")
            width = self._metrics(placed.size, block.style == "bar").horizontalAdvance(marker)
            marker_room = layout.base * 0.35 + max(width, layout.base * 0.95)
        bar_width = max(3.0, layout.base * 0.14)
        box = text_rect.adjusted(-pad - marker_room, -pad * 0.5, pad, pad * 0.5)
        box.setLeft(max(box.left(), layout.content.left() - pad * 1.5 + bar_width * 2))
        colour = QColor(getattr(palette, style.role))
        selections = []
        current = placed.index == layout.current
        if current:
            # A solid band (not a pale tint a lit room washes out), its text in the colour
            # made for it, and the accent bar beside it.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.current))
            painter.drawRoundedRect(box, pad, pad)
            bar = QRectF(box.left() - bar_width * 2, box.top(), bar_width, box.height())
            painter.fillRect(bar, QColor(palette.accent))
            colour = QColor(palette.on_current)
            if block.suffix:  # muted in the layout: on the band in the band's text colour
                end = utf16_length(laid.layout.text())
                start = end - utf16_length(block.suffix)
                selections.append(self._recoloured(laid.layout, colour, start, end))
        marker_colour = colour if current else QColor(palette.accent)
        if block.style == "bar" and not current:
            marker_colour = QColor(palette.muted)
        strength = highlights.get(block.key, 0.0) if highlights else 0.0
        if strength > 0:
            strength = min(1.0, strength)
            changed = QColor(palette.changed)
            changed.setAlphaF(strength)
            on_changed = _mixed(QColor(palette.on_changed), colour, strength)
            before = previous.get(block.key) if previous else None
            spans = changed_spans(before, block.text) if before is not None else None
            if spans:
                for span in self._span_rects(placed, spans):
                    painter.fillRect(span.adjusted(-pad * 0.2, 0, pad * 0.2, 0), changed)
                selections += [self._recoloured(laid.layout, on_changed, *s) for s in spans]
            else:
                painter.fillRect(box, changed)
                selections = [self._recoloured(laid.layout, on_changed)]
                colour = marker_colour = on_changed
        if marker:
            painter.setFont(self.font(placed.size, block.style == "bar"))
            painter.setPen(marker_colour)
            marker_rect = QRectF(
                rect.left() - layout.base * 1.3, rect.top(), layout.base * 0.95, laid.first_line
            )
            painter.drawText(
                marker_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                marker,
            )
        if block.style == "bar":
            self._paint_bar(painter, layout, placed, colour if current else None)
        painter.setPen(colour)
        origin = QPointF(rect.left(), rect.top() - placed.offset)
        if placed.lines is None:
            laid.layout.draw(painter, origin, selections)
            return
        # A block cut between sheets: its lines on this sheet only.
        painter.save()
        painter.setClipRect(
            QRectF(0, rect.top(), layout.size.width(), rect.height()),
            Qt.ClipOperation.IntersectClip,
        )
        laid.layout.draw(painter, origin, selections)
        painter.restore()

    def _paint_bar(
        self, painter: QPainter, layout: PageLayout, placed: Placed, on: QColor | None
    ) -> None:
        """A ranking's bar and its number (``on``: their colour on the current item's band)."""
        palette = self.palette
        content = layout.content
        rect, laid, block = placed.rect, placed.laid, placed.block
        label_font = self.font(placed.size, True)
        label_width = QFontMetricsF(label_font).horizontalAdvance("0000")
        left = rect.right() + layout.base * 0.6
        room = max(0.0, content.right() - left - label_width)
        height = laid.first_line * 0.72
        top = rect.top() + (laid.first_line - height) / 2
        bar = QRectF(left, top, max(height * 0.3, room * block.value), height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(on if on is not None else QColor(palette.bar))
        painter.drawRoundedRect(bar, height * 0.2, height * 0.2)
        painter.setFont(label_font)
        painter.setPen(on if on is not None else QColor(palette.text))
        painter.drawText(
            QRectF(bar.right() + layout.base * 0.3, rect.top(), label_width, laid.first_line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            block.label,
        )

    # --- the agenda clock ---------------------------------------------------------------------

    @staticmethod
    def _clock_px(size: QSizeF) -> int:
        return max(SMALLEST_PX, round(CLOCK_PX_AT_1080 * size.height() / 1080))

    def clock_box(self, size: QSizeF, text: str = "") -> QRectF:
        """Where the clock lies: in the bottom right corner, as wide as ``CLOCK_TEMPLATE`` (or
        ``text`` when that is wider). Its repaints touch nothing outside this box."""
        pixels = self._clock_px(size)
        metrics = QFontMetricsF(self.font(pixels, True))
        width = max(metrics.horizontalAdvance(CLOCK_TEMPLATE), metrics.horizontalAdvance(text))
        width += pixels * 0.9
        height = metrics.height() + pixels * 0.3
        right = size.width() - round(size.width() * MARGIN_X)
        bottom = size.height() - round(size.height() * CLOCK_EDGE)
        return QRectF(right - width, bottom - height, width, height)

    def clock_area(self, size: QSizeF, text: str = "") -> QRectF:
        """The clock's box with a margin: what a repaint of the clock alone covers."""
        margin = self._clock_px(size) * 0.15
        return self.clock_box(size, text).adjusted(-margin, -margin, margin, margin)

    def clock_colour(self, clock: Countdown) -> QColor:
        if clock.phase == "over":
            return QColor(self.palette.over)
        if clock.phase == "warning":
            return QColor(self.palette.warning)
        return QColor(self.palette.text)

    def paint_clock(
        self, painter: QPainter, size: QSizeF, clock: Countdown, title: bool = False
    ) -> QRectF:
        """Paint the clock's box (its background too: a repaint of the box alone is whole);
        ``title``: the item's title beside it, as a full repaint does. Returns the box."""
        palette = self.palette
        box = self.clock_box(size, clock.text)
        pixels = self._clock_px(size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # The background of the whole area, to the device's pixel (the preview paints scaled).
        area = painter.worldTransform().mapRect(self.clock_area(size, clock.text))
        painter.save()
        painter.resetTransform()
        painter.fillRect(area.toAlignedRect(), QColor(palette.background))
        painter.restore()
        colour = self.clock_colour(clock)
        line = max(1.5, pixels * 0.06)
        frame = box.adjusted(line / 2, line / 2, -line / 2, -line / 2)
        radius = frame.height() * 0.22
        over = clock.phase == "over"
        painter.setPen(QPen(colour, line))
        painter.setBrush(colour if over else QColor(palette.background))
        painter.drawRoundedRect(frame, radius, radius)
        painter.setFont(self.font(pixels, True))
        painter.setPen(QColor(palette.background) if over else colour)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), clock.text)
        if title and clock.title:
            font = self.font(round(pixels * 0.62))
            left = round(size.width() * MARGIN_X)
            room = box.left() - pixels * 0.5 - left
            if room > pixels:
                shown = QFontMetricsF(font).elidedText(
                    clock.title, Qt.TextElideMode.ElideRight, room
                )
                painter.setFont(font)
                painter.setPen(QColor(palette.muted))
                painter.drawText(
                    QRectF(left, box.top(), room, box.height()),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    shown,
                )
        painter.restore()
        return box

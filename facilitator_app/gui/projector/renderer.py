"""Laying out and painting the wall: one painter used by the wall window and by its preview.

A mode turns a ``WallState`` into a ``Page``: a sequence of text blocks (headings, paragraphs,
outline items, bars). The layout finds the largest font size at which the page fits the
window, by measuring each block with ``QTextLayout`` and word wrap; below the minimum readable
size (28 px at 1080 lines, scaled with the height, times the wall's zoom) it keeps that size and
scrolls instead, so that the current item stays in view. Only what is on screen is laid out
then, so 5,000 activities cost as much as 30.

Laid-out blocks are cached by (text, style, size, width): after a keystroke only the block
that changed is measured again, and the preview reuses the wall's layout, scaled.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QDate, QLocale, QObject, QPointF, QRectF, QSizeF, Qt, QTime
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from ...minutes.phrases import Phrases, phrases_for
from .state import Blanking, Mode, Outline, WallState

if TYPE_CHECKING:
    from ..agenda_clock import Countdown

# Readable from the back of the room: the minimum text size, and the largest worth using.
MIN_PX_AT_1080 = 28
MAX_PX_AT_1080 = 72
SMALLEST_PX = 9  # whatever the window: below this a wall shows nothing useful
LINE_SPACING = 1.12
MARGIN_X = 0.05  # of the width: projectors often cut the edges
MARGIN_Y = 0.055  # of the height
CURRENT_AT = 0.3  # scrolling up, the current item lands this far down the window
CURRENT_AHEAD = 0.25  # scrolling down, this much of the window stays for what follows it
LAYOUT_CACHE_SIZE = 6000
# Czech typography: a one-letter preposition or conjunction never ends a line.
SINGLE_LETTER = re.compile(r"(?<!\w)([KkSsVvZzOoUuAaIi]) ")
WORDS = re.compile(r"\S+|\s+")
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Sans Serif"]


@dataclass(frozen=True)
class WallPalette:
    name: str
    background: str
    text: str
    muted: str
    heading: str
    accent: str
    current: str  # the current item's background
    changed: str  # what a publish changed, fading out
    bar: str
    outline_current: bool = False  # high contrast: a frame, not only a tint
    warning: str = "#c65d00"  # the agenda clock in the last two minutes
    over: str = "#c01c28"  # the agenda clock past the planned time


PALETTES = {
    "light": WallPalette(
        "light", "#ffffff", "#1b1b1b", "#555b61", "#0b3d91", "#1a5fb4", "#fff1a8", "#b9f0c0",
        "#1a5fb4", warning="#c65d00", over="#c01c28",
    ),
    "dark": WallPalette(
        "dark", "#121417", "#f1f1f1", "#a9b0b8", "#ffd27a", "#ffc861", "#3b3318", "#1d5a31",
        "#5fa8ff", warning="#ff9f43", over="#ff5c5c",
    ),
    "contrast": WallPalette(
        "contrast", "#000000", "#ffffff", "#ffffff", "#ffff00", "#ffff00", "#262600", "#004f4f",
        "#ffff00", outline_current=True, warning="#ff9900", over="#ff3030",
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


class Laid(NamedTuple):
    layout: QTextLayout
    height: float
    width: float  # the widest line
    first_line: float  # the first line's height


class Placed(NamedTuple):
    index: int
    block: Block
    rect: QRectF  # where its text lies
    laid: Laid
    size: int  # its font's pixel size


@dataclass
class PageLayout:
    size: QSizeF
    content: QRectF
    base: int  # the base pixel size chosen
    fits: bool  # False: the page scrolls at the minimum readable size
    placed: list[Placed] = field(default_factory=list)
    current: int | None = None
    more_above: bool = False
    more_below: bool = False


@lru_cache(maxsize=256)
def changed_spans(old: str, new: str) -> list[tuple[int, int]] | None:
    """The stretches of ``new`` (UTF-16 offsets) that differ from ``old``, word by word.

    None when most of it changed, or only something was taken out: then the whole block is
    highlighted.
    """
    old_words = [m.group() for m in WORDS.finditer(old)]
    new_matches = list(WORDS.finditer(new))
    new_words = [m.group() for m in new_matches]
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    spans: list[tuple[int, int]] = []
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag in ("replace", "insert") and first < last:
            start, stop = new_matches[first].start(), new_matches[last - 1].end()
            while start < stop and new[start].isspace():
                start += 1
            while stop > start and new[stop - 1].isspace():
                stop -= 1
            if start < stop:
                spans.append((_utf16(new, start), _utf16(new, stop)))
    changed = sum(stop - start for start, stop in spans)
    if not spans or changed > 0.6 * _utf16(new, len(new)):
        return None
    return spans


def _utf16(text: str, index: int) -> int:
    """A Python string index as a UTF-16 offset (QTextLayout's unit)."""
    prefix = text[:index]
    return index + sum(1 for char in prefix if ord(char) > 0xFFFF)


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
        self._tops: dict[Mode, Hashable] = {}  # scrolled pages: the key of the top block
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
        from .state import ThemeView

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
            muted_range.start = len(text.encode("utf-16-le")) // 2
            muted_range.length = len(suffix.encode("utf-16-le")) // 2
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

    def _text_box(self, block: Block, base: int, width: float) -> tuple[float, float, Style]:
        """(left offset, text width, style) of a block in a column ``width`` wide."""
        style = STYLES[block.style]
        indent = (block.depth * OUTLINE_INDENT + style.indent) * base
        return indent, max(base, (width - indent) * style.width), style

    def measure(self, block: Block, base: int, width: float) -> Laid:
        _, text_width, style = self._text_box(block, base, width)
        return self.lay(block.text, block.suffix, style, round(base * style.scale), text_width)

    def _gap(self, block: Block, base: int) -> float:
        return STYLES[block.style].space * base

    def _fits(self, page: Page, base: int, width: float, height: float) -> bool:
        total = 0.0
        blocks = page.blocks
        for index in range(len(blocks)):
            block = blocks[index]
            total += self.measure(block, base, width).height
            if index:
                total += self._gap(block, base)
            if total > height:
                return False
        return True

    def _largest_fitting(self, page: Page, low: int, high: int, w: float, h: float) -> int | None:
        if not self._fits(page, low, w, h):
            return None
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(page, middle, w, h):
                low = middle
            else:
                high = middle - 1
        return low

    def _fit(
        self, key: tuple[object, ...], page: Page, low: int, high: int, w: float, h: float
    ) -> int | None:
        """The largest base size in [low, high] at which the page fits; None when none does.

        Starts from the size chosen last time: typing changes it by a step at most, so two
        measurements (mostly from the cache) usually settle it.
        """
        hint = self._sizes.get(key)
        if hint is not None and low <= hint <= high:
            if self._fits(page, hint, w, h):
                if hint == high or not self._fits(page, hint + 1, w, h):
                    return hint
                return self._largest_fitting(page, hint + 1, high, w, h)
            if hint == low:
                return None
            if self._fits(page, hint - 1, w, h):
                return hint - 1
            return self._largest_fitting(page, low, hint - 2, w, h) if hint - 2 >= low else None
        return self._largest_fitting(page, low, high, w, h)

    # --- layout -----------------------------------------------------------------------------

    def size_limits(self, height: float, page: Page) -> tuple[int, int]:
        scale = height / 1080 * self.zoom
        low = max(SMALLEST_PX, round(MIN_PX_AT_1080 * scale))
        high = max(low, round(MAX_PX_AT_1080 * scale * page.max_scale))
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
        key = (mode, revision, *size_key, self.zoom, self.clock_room)
        found = self._layouts.get(key)
        if found is not None:
            return found
        page = self.page(state, mode)
        result = self._lay_out_page(page, mode, size)
        if len(self._layouts) > 8:
            self._layouts.clear()
        self._layouts[key] = result
        return result

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
        top = 0 if fits else self._scroll_top(mode, page, base, width, height)
        y = content.top()
        if fits and page.center:
            total = sum(self.measure(b, base, width).height for b in blocks)
            total += sum(self._gap(b, base) for b in list(blocks)[1:])
            y += (height - total) / 2
        bottom = content.bottom()
        index = top
        while index < len(blocks):
            block = blocks[index]
            if index > top:
                y += self._gap(block, base)
            if y >= bottom:
                break
            left, text_width, style = self._text_box(block, base, width)
            laid = self.measure(block, base, width)
            rect = QRectF(content.left() + left, y, text_width, laid.height)
            result.placed.append(Placed(index, block, rect, laid, round(base * style.scale)))
            y += laid.height
            index += 1
        result.more_above = top > 0
        result.more_below = index < len(blocks) or y > bottom + 0.5
        return result

    def _scroll_top(self, mode: Mode, page: Page, base: int, width: float, height: float) -> int:
        """The first block on screen, so that the current block is in view."""
        blocks = page.blocks
        count = len(blocks)

        def extent(index: int) -> float:
            gap = self._gap(blocks[index], base) if index else 0.0
            return self.measure(blocks[index], base, width).height + gap

        saved = self._tops.get(mode)
        top = page.index_of(saved) if saved is not None else None
        top = min(top or 0, count - 1)
        current = page.current
        if current is not None:
            # In view: below the top, and above the fade at the bottom unless it is the last.
            room = height if current == count - 1 else height - base * 1.6
            in_view = current >= top
            if in_view:
                used = 0.0
                for index in range(top, current + 1):
                    used += extent(index)
                    if used > room:
                        in_view = False
                        break
            if not in_view and current < top:
                # Going up: the current block lands a third of the way down.
                top, above = current, 0.0
                while top > 0 and above + extent(top - 1) <= height * CURRENT_AT:
                    above += extent(top - 1)
                    top -= 1
            elif not in_view:
                # Going down: scroll just enough, keeping a quarter of the window for what follows.
                limit = height if current == count - 1 else height * (1 - CURRENT_AHEAD)
                top, used = current, extent(current)
                while top > 0 and used + extent(top - 1) <= limit:
                    used += extent(top - 1)
                    top -= 1
        # Leave no empty space below while there is more above.
        used, index = 0.0, top
        while index < count and used <= height:
            used += extent(index)
            index += 1
        while index >= count and top > 0 and used + extent(top - 1) <= height:
            used += extent(top - 1)
            top -= 1
        self._tops[mode] = blocks[top].key
        return top

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
            self._paint_page(painter, layout, whole, highlights, previous)
        if clock is not None:
            self.paint_clock(painter, size, clock, title=True)
        return layout

    def _paint_page(
        self,
        painter: QPainter,
        layout: PageLayout,
        whole: QRectF,
        highlights: dict[Hashable, float] | None,
        previous: dict[Hashable, str] | None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        scrolled = layout.more_above or layout.more_below
        if scrolled:
            painter.save()
            painter.setClipRect(whole.adjusted(0, layout.content.top() * 0.5, 0, 0))
        base = layout.base
        pad = base * 0.3
        bottom = layout.content.bottom()
        for placed in layout.placed:
            if placed.rect.bottom() > bottom + 0.5:
                # The last block goes on below: show its whole lines only.
                painter.save()
                cut = self._last_whole_line(placed, bottom)
                painter.setClipRect(
                    QRectF(0, 0, whole.width(), cut), Qt.ClipOperation.IntersectClip
                )
                self._paint_block(painter, layout, placed, pad, highlights, previous)
                painter.restore()
            else:
                self._paint_block(painter, layout, placed, pad, highlights, previous)
        if scrolled:
            painter.restore()
            self._paint_fades(painter, layout)

    @staticmethod
    def _span_rects(placed: Placed, spans: list[tuple[int, int]]) -> list[QRectF]:
        """Where the characters ``spans`` of a block lie, line by line."""
        layout, origin = placed.laid.layout, placed.rect.topLeft()
        rects = []
        for number in range(layout.lineCount()):
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
    def _last_whole_line(placed: Placed, bottom: float) -> float:
        """The y below the last line of a block that ends above ``bottom``."""
        layout = placed.laid.layout
        cut = placed.rect.top()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            end = placed.rect.top() + line.y() + line.height()
            if end > bottom:
                break
            cut = end
        return cut

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
        text_rect = QRectF(rect.left(), rect.top(), rect.width(), laid.height)
        if block.style == "bar":
            text_rect.setWidth(layout.content.right() - rect.left())
        if style.center:
            text_rect = QRectF(
                layout.content.left(), rect.top(), layout.content.width(), laid.height
            )
        marker_room = layout.base * 1.3 if block.marker else 0.0
        bar_width = max(3.0, layout.base * 0.14)
        box = text_rect.adjusted(-pad - bar_width - marker_room, -pad * 0.5, pad, pad * 0.5)
        box.setLeft(max(box.left(), layout.content.left() - pad * 1.5))
        if placed.index == layout.current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.current))
            painter.drawRoundedRect(box, pad, pad)
            bar = QRectF(box.left(), box.top(), bar_width, box.height())
            painter.fillRect(bar, QColor(palette.accent))
            if palette.outline_current:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor(palette.accent), max(2.0, layout.base * 0.08)))
                painter.drawRoundedRect(box, pad, pad)
        strength = highlights.get(block.key, 0.0) if highlights else 0.0
        if strength > 0:
            changed = QColor(palette.changed)
            changed.setAlphaF(min(1.0, strength))
            before = previous.get(block.key) if previous else None
            spans = changed_spans(before, block.text) if before is not None else None
            if spans:
                for span in self._span_rects(placed, spans):
                    painter.fillRect(span.adjusted(-pad * 0.2, 0, pad * 0.2, 0), changed)
            else:
                painter.fillRect(box.adjusted(bar_width, 0, 0, 0), changed)
        if block.marker:
            painter.setFont(self.font(placed.size, block.style == "bar"))
            painter.setPen(QColor(palette.accent if block.style != "bar" else palette.muted))
            marker_rect = QRectF(
                rect.left() - layout.base * 1.3, rect.top(), layout.base * 0.95, laid.first_line
            )
            painter.drawText(
                marker_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                block.marker,
            )
        if block.style == "bar":
            self._paint_bar(painter, layout, placed)
        painter.setPen(QColor(getattr(palette, style.role)))
        laid.layout.draw(painter, rect.topLeft())

    def _paint_bar(self, painter: QPainter, layout: PageLayout, placed: Placed) -> None:
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
        painter.setBrush(QColor(palette.bar))
        painter.drawRoundedRect(bar, height * 0.2, height * 0.2)
        painter.setFont(label_font)
        painter.setPen(QColor(palette.text))
        painter.drawText(
            QRectF(bar.right() + layout.base * 0.3, rect.top(), label_width, laid.first_line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            block.label,
        )

    def _paint_fades(self, painter: QPainter, layout: PageLayout) -> None:
        """Fade the edges where the page goes on, so a cut line reads as 'more'."""
        background = QColor(self.palette.background)
        clear = QColor(background)
        clear.setAlpha(0)
        content = layout.content
        depth = layout.base * 1.6
        width = layout.size.width()
        if layout.more_above:
            top = content.top() * 0.5
            gradient = QLinearGradient(0, top, 0, top + depth)
            gradient.setColorAt(0, background)
            gradient.setColorAt(1, clear)
            painter.fillRect(QRectF(0, top, width, depth), QBrush(gradient))
        if layout.more_below:
            bottom = content.bottom()
            gradient = QLinearGradient(0, bottom - depth, 0, bottom)
            gradient.setColorAt(0, clear)
            gradient.setColorAt(1, background)
            painter.fillRect(QRectF(0, bottom - depth, width, depth), QBrush(gradient))
            painter.fillRect(QRectF(0, bottom, width, layout.size.height() - bottom), background)

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

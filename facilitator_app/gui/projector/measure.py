"""Measuring text for the wall: fonts, font metrics, and blocks laid out with ``QTextLayout``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from facilitator_app.gui.projector.look import (
    EXTENT_CACHE_SIZE,
    FONT_FAMILIES,
    KEEP_WITH_NEXT,
    LAYOUT_CACHE_SIZE,
    LINE_SPACING,
    MIN_CAP_AT_1080,
    OUTLINE_INDENT,
    SINGLE_LETTER,
    SMALLEST_PX,
    STYLES,
    Style,
)
from facilitator_app.gui.projector.pages import Block, Page
from facilitator_app.textdiff import utf16_length


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
class Paging:
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
    cells: list[QRectF] = field(default_factory=list)  # a grid's cells (the SWOT), else none

    @property
    def more_above(self) -> bool:
        return self.sheet > 0

    @property
    def more_below(self) -> bool:
        return self.sheet < self.sheets - 1


class Measurer:
    """Fonts and text measured at a size, cached (``WallRenderer``'s measuring part)."""

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

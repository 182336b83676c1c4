"""Laying a page out on the wall: the largest size that fits, sheets, the clock's corner."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import (
    QFontMetricsF,
)

from facilitator_app.gui.projector.look import (
    CLOCK_EDGE,
    CLOCK_PX_AT_1080,
    CLOCK_TEMPLATE,
    LINE_SPACING,
    MARGIN_X,
    MARGIN_Y,
    MARK_SPACE,
    MAX_PX_AT_1080,
    SMALLEST_PX,
    STYLES,
)
from facilitator_app.gui.projector.measure import (
    Extent,
    PageLayout,
    Paging,
    Placed,
    Sheet,
)
from facilitator_app.gui.projector.pages import Page
from facilitator_app.gui.projector.state import Mode, WallState
from facilitator_app.textdiff import common_ends


class Layouter:
    """Fits a page to the wall and cuts it into sheets (``WallRenderer``'s layout part)."""

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
        if page.cells:
            grid = PageLayout(size, content, low, False, current=page.current)
            if self._lay_out_grid(page, content, low, high, grid):  # type: ignore[attr-defined]
                return grid
            # Even the floor overflows a cell: one column of the quadrants, in sheets.
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
        top = content.top()
        label_room = 0.0
        if page.cells:
            # A grid in one column: each sheet opens with its quadrant's label, so the room
            # knows whose items it reads on the fifth sheet too.
            label_room = self._one_line(self._px(STYLES["cell"], base, low), True)
            label_room += self._gap(blocks[page.cells[0][0] + 1], base)
            room -= label_room
        starts = self._sheets(mode, page, base, low, width, room)
        number = self._choose_sheet(mode, page, starts)
        end = starts[number + 1] if number + 1 < len(starts) else Sheet(len(blocks))
        if label_room:
            begin = starts[number]
            cell = next((c for c in page.cells if c[0] <= begin.block < c[1]), None)
            if cell is not None and (begin.block, begin.line) != (cell[0], 0):
                self._place(result, page, Sheet(cell[0]), Sheet(cell[0] + 1), base, low, top)
                top += label_room
        self._place(result, page, starts[number], end, base, low, top)
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
        column: QRectF | None = None,
    ) -> None:
        """Place the blocks from ``begin`` up to ``end`` (a sheet's) from ``y`` down, in the
        page's content or in ``column`` (a grid's cell)."""
        content = column if column is not None else result.content
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
        self._paging[mode] = Paging(key, tokens, extents, starts)
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

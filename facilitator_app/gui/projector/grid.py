"""Laying out a grid page (the SWOT's 2×2): the heading above, each cell a column of its own.

One base size for the whole grid, the largest at which every cell holds its items: the four
quadrants read alike. When even the readable floor does not fit the cells, the grid gives way
to one column of the same blocks (the quadrants one after another, each under its label),
cut into sheets like any long page: the text never shrinks below the floor.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from facilitator_app.gui.projector.look import GRID_COLUMN_GAP, GRID_ROW_GAP
from facilitator_app.gui.projector.measure import PageLayout, Sheet
from facilitator_app.gui.projector.pages import Page

HEADING_GAP = 0.6  # between the heading and the grid, in base sizes


class GridLayouter:
    """The grid part of ``WallRenderer``'s layout."""

    def _grid_cells(self, page: Page, base: int, floor: int, content: QRectF) -> list[QRectF]:
        """The cells' rectangles at ``base``, below the page's heading blocks."""
        top = content.top()
        head = page.cells[0][0]
        for index in range(head):
            block = page.blocks[index]
            if index:
                top += self._gap(block, base)  # type: ignore[attr-defined]
            top += self.measure(block, base, content.width(), floor).height  # type: ignore[attr-defined]
        if head:
            top += HEADING_GAP * base
        column_gap, row_gap = GRID_COLUMN_GAP * base, GRID_ROW_GAP * base
        width = (content.width() - column_gap) / 2
        height = (content.bottom() - top - row_gap) / 2
        rows = (len(page.cells) + 1) // 2
        return [
            QRectF(
                content.left() + (number % 2) * (width + column_gap),
                top + (number // 2) * (height + row_gap),
                width,
                height if rows == 2 else content.bottom() - top,
            )
            for number in range(len(page.cells))
        ]

    def _cell_height(self, page: Page, cell: int, base: int, floor: int, width: float) -> float:
        start, stop = page.cells[cell]
        total = 0.0
        for index in range(start, stop):
            block = page.blocks[index]
            height, gap, _, _ = self.extent(block, base, width, floor)  # type: ignore[attr-defined]
            total += height + (gap if index > start else 0.0)
        return total

    def _grid_fits(self, page: Page, base: int, floor: int, content: QRectF) -> bool:
        rects = self._grid_cells(page, base, floor, content)
        return all(
            rect.height() > 0
            and self._cell_height(page, cell, base, floor, rect.width()) <= rect.height()
            for cell, rect in enumerate(rects)
        )

    def _lay_out_grid(
        self, page: Page, content: QRectF, low: int, high: int, result: PageLayout
    ) -> bool:
        """Place the page as its grid at the largest size that fits; False when none does."""
        floor = low
        if not self._grid_fits(page, low, floor, content):
            return False
        while low < high:  # the largest size whose cells hold their items
            middle = (low + high + 1) // 2
            if self._grid_fits(page, middle, floor, content):
                low = middle
            else:
                high = middle - 1
        base = low
        result.base, result.fits = base, True
        rects = self._grid_cells(page, base, floor, content)
        result.cells = rects
        head = page.cells[0][0]
        if head:
            self._place(result, page, Sheet(0), Sheet(head), base, floor, content.top())  # type: ignore[attr-defined]
        for (start, stop), rect in zip(page.cells, rects, strict=True):
            self._place(  # type: ignore[attr-defined]
                result, page, Sheet(start), Sheet(stop), base, floor, rect.top(), rect
            )
        return True

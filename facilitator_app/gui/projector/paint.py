"""Painting a laid-out page, the agenda clock and the room link's join sign, with what changed
highlighted."""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
)

from facilitator_app.gui.projector.look import MARGIN_X, STYLES, WORDS
from facilitator_app.gui.projector.measure import PageLayout, Placed
from facilitator_app.gui.projector.state import Blanking, Mode, WallState
from facilitator_app.room.view import JoinSign
from facilitator_app.textdiff import diff_text, inserted_ranges, utf16_length, utf16_offset

if TYPE_CHECKING:
    from facilitator_app.gui.sections.agenda.clock import Countdown


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


class WallPaint:
    """Paints layouts (``WallRenderer``'s painting part)."""

    join_sign: JoinSign | None = None  # the room link's way in (gui/room/), over the page

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
        if self.join_sign is not None:
            self.paint_join_sign(painter, size, self.join_sign)
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
        if layout.cells:
            self._paint_grid_lines(painter, layout)
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

    def _paint_grid_lines(self, painter: QPainter, layout: PageLayout) -> None:
        """The cross between a grid's cells, in the middle of the gaps between them."""
        cells = layout.cells
        painter.setPen(QPen(QColor(self.palette.muted), max(2.0, layout.base * 0.06)))
        first = cells[0]
        if len(cells) > 1:
            x = (first.right() + cells[1].left()) / 2
            painter.drawLine(QPointF(x, first.top()), QPointF(x, cells[-1].bottom()))
        if len(cells) > 2:
            y = (first.bottom() + cells[2].top()) / 2
            painter.drawLine(QPointF(first.left(), y), QPointF(cells[1].right(), y))

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

    def paint_join_sign(self, painter: QPainter, size: QSizeF, sign: JoinSign) -> QRectF:
        """The room link's QR code, URL and code: a panel in the middle of the wall (large),
        or in its top right corner for late comers. Not on a blanked wall (never called)."""
        modules = sign.modules
        count = len(modules) + 8  # four modules of quiet zone on each side
        height = size.height()
        qr_side = height * (0.5 if sign.large else 0.2)
        module = max(1.0, qr_side / count)
        qr_side = module * count
        code_px = max(12, round(height * (0.07 if sign.large else 0.035)))
        url_px = max(10, round(height * (0.035 if sign.large else 0.018)))
        code_font = self.font(code_px, True)
        url_font = self.font(url_px)
        code_metrics, url_metrics = QFontMetricsF(code_font), QFontMetricsF(url_font)
        spaced = " ".join(sign.code)
        url = sign.url.removesuffix("/")
        pad = module * 2
        width = max(
            qr_side, code_metrics.horizontalAdvance(spaced), url_metrics.horizontalAdvance(url)
        )
        width += 2 * pad
        total = qr_side + code_metrics.height() + url_metrics.height() + 3 * pad
        if sign.large:
            left, top = (size.width() - width) / 2, (height - total) / 2
        else:
            edge = height * 0.03
            left, top = size.width() - width - edge, edge
        panel = QRectF(left, top, width, total)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(panel, QColor("#ffffff"))
        painter.setPen(QPen(QColor("#000000"), max(1.0, module * 0.3)))
        painter.drawRect(panel)
        painter.setPen(Qt.PenStyle.NoPen)
        black = QColor("#000000")
        x0 = left + (width - qr_side) / 2 + 4 * module
        y0 = top + pad + 4 * module
        for y, row in enumerate(modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRectF(x0 + x * module, y0 + y * module, module, module), black
                    )
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setPen(black)
        text_top = top + pad + qr_side
        painter.setFont(code_font)
        code_box = QRectF(left, text_top, width, code_metrics.height() + pad)
        painter.drawText(code_box, int(Qt.AlignmentFlag.AlignCenter), spaced)
        painter.setFont(url_font)
        url_box = QRectF(left, code_box.bottom(), width, url_metrics.height() + pad)
        painter.drawText(url_box, int(Qt.AlignmentFlag.AlignCenter), url)
        painter.restore()
        return panel

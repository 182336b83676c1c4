"""The minutes as PDF, laid out by Qt (QTextDocument printed through QPdfWriter); no office suite.

Only ``write_pdf`` imports PySide6, and only when called: the CLI converts to .docx and .md
without loading Qt. The HTML it lays out is built here without Qt (``render_html``).
"""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path
from typing import Any

import facilitator_app.minutes.content as content
from facilitator_app.atomic import atomic_path
from facilitator_app.minutes.options import MinutesError

# Tried in order; Qt takes the first one installed (Carlito and Liberation Sans are the free
# metric twins of Calibri and Arial, DejaVu Sans is on nearly every Linux system).
FONT_FAMILIES = ["Calibri", "Carlito", "Arial", "Liberation Sans", "DejaVu Sans"]
MARGIN_MM = 20
_LIST_STYLES = ("disc", "circle", "square")  # the bullets of the .docx: • ◦ ▪
_HEADING_STYLES = {
    0: "font-size:20pt; font-weight:normal; color:#17365d; margin-bottom:16px;",
    1: "font-size:14pt; font-weight:bold; color:#365f91; margin-top:20px; margin-bottom:4px;",
    2: "font-size:12pt; font-weight:bold; color:#4f81bd; margin-top:10px; margin-bottom:2px;",
}
_app: Any = None  # the QGuiApplication made here, kept alive for the rest of the process


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>").replace("\t", " ")


def _spans(spans: tuple[content.Span, ...]) -> str:
    out = []
    for span in spans:
        text = _text(span.text)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _table(table: content.Table) -> str:
    total = sum(table.widths) or 1
    header = "".join(
        f'<th width="{100 * width // total}%" align="left">{_text(cell)}</th>'
        for cell, width in zip(table.header, table.widths, strict=True)
    )
    # Qt ignores a cell's height; padding makes the room for a signature.
    padding = table.row_height_mm
    cell_style = f' style="padding-top:{padding}px; padding-bottom:{padding}px;"' if padding else ""
    rows = "".join(
        f"<tr>{''.join(f'<td{cell_style}>{_text(cell)}</td>' for cell in row)}</tr>"
        for row in table.rows
    )
    # No margin below: where a table's margin runs over a page break, Qt counts the pages
    # one ahead and lays the line under the table across the next page break (and a block
    # under a table has no top margin in Qt: the line follows the table straight away).
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse:collapse; border-color:#000000;">'
        f"<thead><tr>{header}</tr></thead>{rows}</table>"
    )


def _block(block: content.Block) -> str:
    if isinstance(block, content.ListItem):
        # Qt's own HTML writes each list level as a flat list with an indent: no nesting, so
        # any depth lays out without recursion.
        style = _LIST_STYLES[block.level % len(_LIST_STYLES)]
        code = f"{_text(block.code)} " if block.code else ""  # numbered: the code as text
        return (
            f'<ul style="margin-top:0; margin-bottom:0; -qt-list-indent:{block.level + 1}; '
            f'list-style-type:{style};"><li>{code}{_spans(block.spans)}</li></ul>'
        )
    if isinstance(block, content.Paragraph):
        return f'<p style="margin-top:0; margin-bottom:8px;">{_spans(block.spans)}</p>'
    if isinstance(block, content.Heading):
        tag = f"h{block.level + 1}"
        style = _HEADING_STYLES[min(block.level, 2)]
        if block.new_page:
            style += " page-break-before:always;"
        return f'<{tag} style="{style}">{_text(block.text)}</{tag}>'
    if isinstance(block, content.Grid):
        return _grid(block)
    return _table(block)


def _grid(grid: content.Grid) -> str:
    """Cells in rows, each its heading in bold over its items as a bullet list."""
    width = 100 // grid.columns
    rows = []
    for start in range(0, len(grid.cells), grid.columns):
        cells = []
        for cell in grid.cells[start : start + grid.columns]:
            items = "".join(f"<li>{_spans(spans)}</li>" for spans in cell.items)
            listed = f'<ul style="margin-top:2px; margin-bottom:0;">{items}</ul>' if items else ""
            cells.append(
                f'<td width="{width}%" valign="top"><p style="margin:0;"><b>'
                f"{_text(cell.heading)}</b></p>{listed}</td>"
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    # No margin below, as under a table (see _table).
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse; border-color:#000000;">{"".join(rows)}</table>'
    )


def render_html(minutes: content.Minutes) -> str:
    """The minutes as the subset of HTML that QTextDocument understands."""
    body = "".join(_block(block) for block in minutes.blocks)
    return (
        f'<html lang="{minutes.phrases.docx_language}"><head><meta charset="utf-8"/>'
        f"<title>{_text(minutes.title)}</title></head>"
        f'<body style="font-size:11pt;">{body}</body></html>'
    )


def _gui_application() -> Any:
    """The running QGuiApplication, or one made now (headless on Linux: it never shows)."""
    global _app
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise MinutesError("PDF export needs a Qt GUI application, not a console one")
        return existing
    arguments = [sys.argv[0] if sys.argv and sys.argv[0] else "facilitator-app"]
    # On Linux a display may be missing or unreachable (ssh, CI), and Qt would abort the
    # process; laying out a PDF needs none. Windows and macOS always have their platform.
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        if "QT_QPA_PLATFORM" not in os.environ:
            arguments += ["-platform", "offscreen"]
    _app = QGuiApplication(arguments)
    return _app


def _page_breaks(document: Any, page_height: float) -> tuple[list[int], list[int]]:
    """Where the layout of ``document`` puts a line on two pages.

    The positions of the lines that open a page inside a block, and of the blocks whose
    first line runs over a page's foot.
    """
    layout = document.documentLayout()
    splits: list[int] = []
    cut: list[int] = []
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        top = layout.blockBoundingRect(block).top()
        page = None
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            line_top = top + line.y()
            line_page = int(line_top // page_height)
            bottom_page = int((line_top + line.height() - 0.01) // page_height)
            # A line taller than a page is cut wherever it goes.
            across = bottom_page != line_page and line.height() < page_height
            if index == 0 and across:
                cut.append(block.position())
            elif index and (line_page != page or across):
                splits.append(block.position() + line.textStart())
            page = line_page
        block = block.next()
    return splits, cut


def _one_page_per_block(document: Any, page_height: float) -> None:
    """Lay ``document`` out so that each line is drawn on one page only, whole.

    Qt paints a page by drawing each block that reaches into it, clipped to the page, and
    QTextLayout.draw also draws the line just above its clip (its search for the first line
    stops one line early). Clipped, that line is invisible, but its text is still written:
    copying, searching and screen readers would get the last line of a page twice. So every
    block that runs over a page break is split there: the second part starts where Qt put the
    line that opens the page, at the block's indentation, without its bullet, first-line
    indent, top margin or page break, and nothing shows the split.

    Qt lays a long document out in steps, and where a step resumes it now and then leaves the
    first line of a block across a page's foot, cut in two by the pages' clips; laid out
    again, the block moves to the next page as it should.
    """
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    document.pageCount()  # lay the whole document out
    for _ in range(8):  # one pass does it; a change may move a later page break once
        splits, cut = _page_breaks(document, page_height)
        if not splits and not cut:
            return
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one layout for all the changes, not one per change
        for position in cut:
            block = document.findBlock(position)
            document.markContentsDirty(position, block.length())
        # From the end, so the positions before each split stay where they were.
        for position in reversed(splits):
            cursor.setPosition(position)
            block = cursor.block()
            if document.characterAt(position - 1) == "\u2028":
                # The page breaks after a <br/>: the new block takes the line break's place
                # (kept, it would add an empty last line that no longer fits the page).
                cursor.setPosition(position - 1)
                cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            rest = QTextBlockFormat(block.blockFormat())
            text_list = block.textList()
            if text_list is not None:  # the item's indentation, without its bullet
                rest.setObjectIndex(-1)
                rest.setIndent(rest.indent() + text_list.format().indent())
            rest.setTextIndent(0)
            rest.setTopMargin(0)
            rest.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
            cursor.insertBlock(rest, cursor.charFormat())
        cursor.endEditBlock()
        document.pageCount()


def write_pdf(minutes: content.Minutes, target: Path) -> None:
    """Lay ``minutes`` out on A4 pages numbered at the foot and write them to ``target``."""
    _gui_application()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    with atomic_path(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(minutes.title)
        writer.setCreator("facilitator-app")
        if hasattr(writer, "setAuthor"):  # Qt 6.8 and later
            writer.setAuthor(minutes.author)

        document = QTextDocument()
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSizeF(11)
        document.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long words
        document.setDefaultTextOption(option)
        document.setIndentWidth(28)  # px per list level (Qt's 40 leaves wide gaps)
        document.setHtml(render_html(minutes))
        layout = document.documentLayout()
        # Lay out for the PDF's resolution: point sizes and pixel lengths scale to it.
        layout.setPaintDevice(writer)
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        footer = writer.resolution() * 10 // 25.4 * 1.2  # 12 mm for the page number
        page = QSizeF(area.width(), area.height() - footer)
        document.setPageSize(page)
        _one_page_per_block(document, page.height())

        painter = QPainter()
        if not painter.begin(writer):
            raise MinutesError(f"{target}: the PDF cannot be written")
        try:
            pages = document.pageCount()
            painter.setFont(font)
            for number in range(pages):
                if number:
                    writer.newPage()
                painter.save()
                painter.translate(0, -number * page.height())
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = QRectF(0, number * page.height(), page.width(), page.height())
                painter.setClipRect(context.clip)
                layout.draw(painter, context)
                painter.restore()
                painter.drawText(
                    QRectF(0, page.height(), page.width(), footer),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    str(number + 1),
                )
        finally:
            painter.end()

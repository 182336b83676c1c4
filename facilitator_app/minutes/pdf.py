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

from facilitator_app.atomic import atomic_path

from .content import Block, Heading, ListItem, Minutes, Paragraph, Span, Table
from .options import MinutesError

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


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = _text(span.text)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _table(table: Table) -> str:
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
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse:collapse; border-color:#000000; margin-bottom:6px;">'
        f"<thead><tr>{header}</tr></thead>{rows}</table>"
    )


def _block(block: Block) -> str:
    if isinstance(block, ListItem):
        # Qt's own HTML writes each list level as a flat list with an indent: no nesting, so
        # any depth lays out without recursion.
        style = _LIST_STYLES[block.level % len(_LIST_STYLES)]
        return (
            f'<ul style="margin-top:0; margin-bottom:0; -qt-list-indent:{block.level + 1}; '
            f'list-style-type:{style};"><li>{_spans(block.spans)}</li></ul>'
        )
    if isinstance(block, Paragraph):
        return f'<p style="margin-top:0; margin-bottom:8px;">{_spans(block.spans)}</p>'
    if isinstance(block, Heading):
        tag = f"h{block.level + 1}"
        style = _HEADING_STYLES[min(block.level, 2)]
        if block.new_page:
            style += " page-break-before:always;"
        return f'<{tag} style="{style}">{_text(block.text)}</{tag}>'
    return _table(block)


def render_html(minutes: Minutes) -> str:
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


def write_pdf(minutes: Minutes, target: Path) -> None:
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

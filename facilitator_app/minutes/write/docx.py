"""The minutes as a Word document (python-docx), the form the office edits and publishes.

The body is written as WordprocessingML text and parsed once: building thousands of list
paragraphs through python-docx's API (a style lookup by name that scans every style, then a
proxy object per paragraph) costs more than the rest of the export together. Styles are
resolved once, by name, to their ids.

The activity tree is one multi-level bullet list: one ``w:abstractNum`` with nine levels and
one ``w:num``, referenced by ``w:numPr`` (``w:ilvl`` = depth) from every item, so that Word and
LibreOffice show the hierarchy and Tab / Shift+Tab continue it. Numbered minutes in the tree's
order (``Minutes.counted``) make each block's activities a decimal list of its own instead,
whose levels print the block's number first (``3.1.2``, see ``add_numbered_lists``); an item
deeper than Word's nine levels, and every item of minutes ordered by votes (whose codes are
the tree's, not the order printed), carries its code as text.

This module writes the body and the footer; ``docx_package`` makes the base document (fresh
or a template's, made current for Word) and sets its page and properties, ``docx_styles`` its
styles, language, fonts and the list's numbering.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document
from docx.oxml import parse_xml

import facilitator_app.minutes.content as content
from facilitator_app.atomic import atomic_path
from facilitator_app.minutes.redline import ParagraphKind, TrackedParagraph
from facilitator_app.minutes.write.docx_package import (
    W_NS,
    clear_body,
    fresh_document,
    insert_body,
    make_current,
    open_template,
    set_properties,
    set_up_page,
    text_width,
)
from facilitator_app.minutes.write.docx_styles import (
    LIST_LEVELS,
    StyleIds,
    add_bullet_list,
    add_numbered_lists,
    apply_own_look,
    numbered_indent,
    resolve_styles,
    set_language,
)
from facilitator_app.textdiff import Change

_CELL_MARGIN = 108  # twips (0.19 cm), left and right in a table cell: Word's default
_DEEPEST = 18  # numbered activities deeper than this level share its indent (A4's width)


def write_docx(minutes: content.Minutes, target: Path, template: Path | None = None) -> None:
    """Write ``minutes`` to ``target`` (atomically), on ``template`` if given."""
    document = open_template(template) if template is not None else fresh_document()
    make_current(document)
    styles = resolve_styles(document)
    if template is None:
        set_up_page(document)
        apply_own_look(document, styles)
    set_language(document, minutes.phrases.docx_language)
    num_id = add_bullet_list(document)
    numbered: dict[int, int] = {}
    if minutes.counted:
        blocks = {_block_number(b.code) for b in minutes.blocks if isinstance(b, content.ListItem)}
        numbered = add_numbered_lists(document, sorted(blocks - {0}))
    clear_body(document)
    writer = _BodyWriter(styles, num_id, text_width(document), numbered)
    body_xml = writer.write(minutes.blocks)
    insert_body(document, body_xml)
    _add_page_number(document, styles)
    set_properties(document, minutes)
    with atomic_path(target) as temporary:
        document.save(str(temporary))


# -- the body ---------------------------------------------------------------------------------


def _text_xml(text: str) -> str:
    """The content of one run: ``w:t`` pieces with ``w:br`` for ``\\n`` and ``w:tab`` for tabs."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    pieces = []
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            pieces.append("<w:br/>")
        for tab_number, piece in enumerate(line.split("\t")):
            if tab_number:
                pieces.append("<w:tab/>")
            if piece:
                pieces.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(pieces)


def _runs_xml(spans: tuple[content.Span, ...], bold: bool = False) -> str:
    runs = []
    for span in spans:
        look = ("<w:b/><w:bCs/>" if span.bold or bold else "") + (
            "<w:i/><w:iCs/>" if span.italic else ""
        )
        properties = f"<w:rPr>{look}</w:rPr>" if look else ""
        runs.append(f"<w:r>{properties}{_text_xml(span.text)}</w:r>")
    return "".join(runs)


def _block_number(code: str) -> int:
    """The block's number a code starts with (0 for no code)."""
    head = code.partition(".")[0]
    return int(head) if head.isdigit() else 0


def _style_xml(style_id: str | None) -> str:
    return f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""


class _BodyWriter:
    """Turns blocks into the XML of the document's body."""

    def __init__(
        self, styles: StyleIds, num_id: int, text_width: int, numbered: dict[int, int]
    ) -> None:
        self.styles = styles
        self.text_width = text_width
        self.list_style = list_style = _style_xml(styles.list_paragraph)
        # One pPr per list level, built once: list items are most of a large document.
        self.list_properties = self.levels(num_id)
        # Numbered minutes: each block's list (by the block's number), its levels' pPr.
        self.numbered = {block: self.levels(num) for block, num in numbered.items()}
        # Deeper than the ninth level: no number of Word's (it would count on at the ninth
        # level) but the code as text, one step further in per level down to _DEEPEST (so a
        # reader still tells the levels apart), deeper ones there too.
        ninth = numbered_indent(LIST_LEVELS - 1)[0]
        self.too_deep = [
            f'<w:pPr>{list_style}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
            f'<w:ind w:left="{ninth + 360 * steps}" w:hanging="0"/></w:pPr>'
            for steps in range(1, _DEEPEST - LIST_LEVELS + 2)
        ]
        self.heading_styles = {
            0: styles.title,
            1: styles.heading1,
            2: styles.heading2,
        }
        self.revision_id = 0  # w:id of the tracked changes, unique in the document

    def levels(self, num_id: int) -> list[str]:
        return [
            f'<w:pPr>{self.list_style}<w:numPr><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            for level in range(LIST_LEVELS)
        ]

    def list_item(self, block: content.ListItem) -> str:
        level, code = block.level, block.code
        numbered = self.numbered.get(_block_number(code)) if code else None
        if numbered is not None and level < LIST_LEVELS:
            return f"<w:p>{numbered[level]}{_runs_xml(block.spans)}</w:p>"
        if numbered is not None:
            properties = self.too_deep[min(level - LIST_LEVELS, len(self.too_deep) - 1)]
        else:
            properties = self.list_properties[min(level, LIST_LEVELS - 1)]
        spans = (content.Span(f"{code} "), *block.spans) if code else block.spans
        return f"<w:p>{properties}{_runs_xml(spans)}</w:p>"

    def write(self, blocks: list[content.Block]) -> str:
        out: list[str] = []
        after_table = False
        for block in blocks:
            if isinstance(block, content.ListItem):
                out.append(self.list_item(block))
            elif isinstance(block, TrackedParagraph):
                out.append(self.tracked_paragraph(block))
            elif isinstance(block, content.Paragraph):
                out.append(self.paragraph(block, after_table))
            elif isinstance(block, content.Heading):
                out.append(self.heading(block))
            elif isinstance(block, content.Grid):
                out.append(self.grid(block))
            else:
                out.append(self.table(block))
            after_table = isinstance(block, content.Table | content.Grid)
        return "".join(out)

    def paragraph(self, block: content.Paragraph, after_table: bool = False) -> str:
        keep = "<w:keepNext/>" if block.keep_with_next else ""
        # A table has no spacing of its own: the text after it would touch its border.
        space = '<w:spacing w:before="160"/>' if after_table else ""
        style = _style_xml(self.styles.normal)
        properties = f"<w:pPr>{style}{keep}{space}</w:pPr>" if style or keep or space else ""
        return f"<w:p>{properties}{_runs_xml(block.spans)}</w:p>"

    # -- the vision's redline (--redline): Word tracked changes -----------------------------

    def revision(self, tag: str, block: TrackedParagraph, inner: str = "") -> str:
        """A ``w:ins`` or ``w:del`` by the block's author at its date, around ``inner``."""
        self.revision_id += 1
        attributes = (
            f'w:id="{self.revision_id}" w:author={quoteattr(block.author)} '
            f"w:date={quoteattr(block.date)}"
        )
        return f"<{tag} {attributes}>{inner}</{tag}>" if inner else f"<{tag} {attributes}/>"

    def tracked_paragraph(self, block: TrackedParagraph) -> str:
        """A paragraph whose change from the draft Word can accept or reject piece by piece.

        A paragraph added or removed as a whole has its paragraph mark marked too, so that
        rejecting (or accepting) it leaves no empty paragraph behind.
        """
        kind = block.diff.kind
        mark = ""
        if kind in (ParagraphKind.INSERTED, ParagraphKind.DELETED):
            tag = "w:ins" if kind is ParagraphKind.INSERTED else "w:del"
            mark = f"<w:rPr>{self.revision(tag, block)}</w:rPr>"
        style = _style_xml(self.styles.normal)
        properties = f"<w:pPr>{style}{mark}</w:pPr>" if style or mark else ""
        runs = []
        for segment in block.diff.segments:
            if segment.kind is Change.EQUAL:
                runs.append(f"<w:r>{_text_xml(segment.text)}</w:r>")
            elif segment.kind is Change.INSERT:
                runs.append(self.revision("w:ins", block, f"<w:r>{_text_xml(segment.text)}</w:r>"))
            else:
                deleted = _text_xml(segment.text).replace("<w:t ", "<w:delText ")
                deleted = deleted.replace("</w:t>", "</w:delText>")
                runs.append(self.revision("w:del", block, f"<w:r>{deleted}</w:r>"))
        return f"<w:p>{properties}{''.join(runs)}</w:p>"

    def heading(self, block: content.Heading) -> str:
        style = _style_xml(self.heading_styles[min(block.level, 2)])
        page_break = "<w:pageBreakBefore/>" if block.new_page else ""
        return (
            f"<w:p><w:pPr>{style}{page_break}</w:pPr>{_runs_xml((content.Span(block.text),))}</w:p>"
        )

    def table(self, block: content.Table) -> str:
        total = sum(block.widths) or 1
        widths = [self.text_width * w // total for w in block.widths]
        rows = [self.row(block.header, widths, header=True, height_mm=0)]
        rows += [
            self.row(row, widths, header=False, height_mm=block.row_height_mm) for row in block.rows
        ]
        return self.table_xml(widths, rows, header_row=True)

    def grid(self, block: content.Grid) -> str:
        """Cells side by side, each its heading in bold and its items as a bullet list."""
        width = self.text_width // block.columns
        # The list's own indent is for the page: in a half-width cell the bullet hangs closer.
        bullet = self.list_properties[0].replace(
            "</w:numPr>", '</w:numPr><w:ind w:left="284" w:hanging="284"/>'
        )
        style = _style_xml(self.styles.normal)
        rows = []
        for start in range(0, len(block.cells), block.columns):
            cells = []
            for cell in block.cells[start : start + block.columns]:
                heading = (
                    f"<w:p><w:pPr>{style}<w:keepNext/></w:pPr>"
                    f"{_runs_xml((content.Span(cell.heading),), bold=True)}</w:p>"
                )
                items = "".join(f"<w:p>{bullet}{_runs_xml(spans)}</w:p>" for spans in cell.items)
                cells.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                    f"{heading}{items}</w:tc>"
                )
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        return self.table_xml([width] * block.columns, rows, header_row=False)

    def table_xml(self, widths: list[int], rows: list[str], *, header_row: bool) -> str:
        style = f"<w:tblStyle w:val={quoteattr(self.styles.table)}/>" if self.styles.table else ""
        borders = "" if self.styles.table else _BORDERS
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        first_row = "1" if header_row else "0"
        look = "04A0" if header_row else "0480"
        # The cell text lines up with the text around the table, the borders stand out into
        # the margin by the cell margin: how Word placed tables before its 2013 mode placed
        # the border on the margin. The side margins are set here, so the indent matches them.
        return (
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{-_CELL_MARGIN}" w:type="dxa"/>{borders}'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
            f'<w:left w:w="{_CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
            f'<w:right w:w="{_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="{look}" w:firstRow="{first_row}" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def row(
        self, cells: tuple[str, ...], widths: list[int], *, header: bool, height_mm: int
    ) -> str:
        properties = ""
        if header:
            properties = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"  # repeats on each page
        elif height_mm:
            twips = height_mm * 1440 * 10 // 254
            properties = f'<w:trPr><w:cantSplit/><w:trHeight w:val="{twips}"/></w:trPr>'
        out = []
        for text, width in zip(cells, widths, strict=True):
            paragraph = f"<w:p>{_runs_xml((content.Span(text),), bold=header)}</w:p>"
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f"</w:tcPr>{paragraph}</w:tc>"
            )
        return f"<w:tr>{properties}{''.join(out)}</w:tr>"


_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


# -- footer and properties --------------------------------------------------------------------


def _add_page_number(document: Document, styles: StyleIds) -> None:
    """A centred page number in the footer, unless the template brings a footer of its own."""
    section = document.sections[-1]
    footer = section.footer
    if not footer.is_linked_to_previous:
        return
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]._p  # a new footer holds one empty paragraph
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.append(
        parse_xml(
            f'<w:pPr xmlns:w="{W_NS}">{_style_xml(styles.footer)}<w:jc w:val="center"/></w:pPr>'
        )
    )
    paragraph.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )

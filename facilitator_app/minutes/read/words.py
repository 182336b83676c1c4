"""The body as paragraphs (the text of their runs, italic or not, and their depth) and tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from facilitator_app.minutes.read.styles import (
    Indent,
    Numbering,
    Styles,
    in_twips,
    indent_of,
    int_or_none,
    numbering_of,
    toggle,
)
from facilitator_app.minutes.read.wordml import (
    BR,
    CR,
    CUSTOMXML,
    DEFAULTTABSTOP,
    DEL,
    DELTEXT,
    INS,
    ITALIC,
    MOVEFROM,
    MOVETO,
    NOBREAKHYPHEN,
    OUTLINELVL,
    PPR,
    PSTYLE,
    PTAB,
    RPR,
    RSTYLE,
    SDT,
    SDTCONTENT,
    TAB,
    TBL,
    TC,
    TR,
    VAL,
    Element,
    P,
    R,
    T,
    W,
)

_TAB_STOP = 720  # twips; Word's default tab stop when the document sets none
_SPACES_PER_TAB = 8  # a leading space moves the text by 1/8 tab stop (two spaces are a level)


@dataclass
class Paragraph:
    pieces: list[tuple[str, bool]]  # text pieces, each italic or not; "\n" is a line break
    draft: str  # the text before its tracked changes (the same when it has none)
    heading: int | None  # 0 title, N heading N
    listed: bool  # a numbered or bulleted paragraph (Word's numbering)
    ilvl: int
    indent: int  # twips: where its first line starts (the number, or the text), with tabs
    left: int  # twips: where its text goes on (after the number, on the lines below)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass
class Table:
    rows: list[list[str]]  # each cell's paragraphs' texts, one per line
    cells: list[list[list[Paragraph]]]  # each row's cells' paragraphs (lists in cells)


Item = Paragraph | Table

_INLINE_CONTAINERS = frozenset(
    f"{W}{tag}"
    for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
)


@dataclass(frozen=True)
class _ResolvedStyle:
    heading: int | None
    italic: bool
    num_id: str | None
    ilvl: int | None
    name_level: int
    indent: Indent


class Body:
    """Turns the document's body into Paragraph and Table items."""

    def __init__(self, document: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.styles = Styles(document.styles.element)
        try:
            numbering = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):
            numbering = None
        self.numbering = Numbering(numbering, self.styles)
        settings = document.settings.element
        stop = settings.find(DEFAULTTABSTOP) if settings is not None else None
        self.tab_stop = (in_twips(stop.get(VAL)) if stop is not None else None) or _TAB_STOP
        self.body = document.element.body
        self.resolved: dict[str | None, _ResolvedStyle] = {}

    def _resolved(self, style_id: str | None) -> _ResolvedStyle:
        """What a paragraph takes from its style, looked up once per style."""
        found = self.resolved.get(style_id)
        if found is None:
            styles = self.styles
            num_id, ilvl = styles.numbering(style_id)
            found = _ResolvedStyle(
                heading=styles.heading_level(style_id),
                italic=bool(styles.italic(style_id)),
                num_id=num_id,
                ilvl=ilvl,
                name_level=styles.list_name_level(style_id),
                indent=styles.indent(style_id),
            )
            self.resolved[style_id] = found
        return found

    def items(self) -> Iterator[Item]:
        yield from self._blocks(self.body)

    def _blocks(self, parent: Element) -> Iterator[Item]:
        for child in parent:
            tag = child.tag
            if tag == P:
                yield self.paragraph(child)
            elif tag == TBL:
                yield self.table(child)
            elif tag == SDT:
                content = child.find(SDTCONTENT)
                if content is not None:
                    yield from self._blocks(content)
            elif tag in (CUSTOMXML, INS, MOVETO):
                yield from self._blocks(child)

    def table(self, table: Element) -> Table:
        cells = [
            [[self.paragraph(p) for p in cell.iterfind(P)] for cell in row.iterfind(TC)]
            for row in table.iterfind(TR)
        ]
        rows = [
            ["\n".join(p.text for p in cell if p.text.strip()).strip() for cell in row]
            for row in cells
        ]
        return Table(rows, cells)

    def paragraph(self, element: Element) -> Paragraph:
        ppr = element.find(PPR)
        style_element = ppr.find(PSTYLE) if ppr is not None else None
        style_id = (
            style_element.get(VAL) if style_element is not None else None
        ) or self.styles.default_paragraph
        style = self._resolved(style_id)
        heading = style.heading
        outline = ppr.find(OUTLINELVL) if ppr is not None else None
        if outline is not None:
            level = int_or_none(outline.get(VAL))
            heading = level + 1 if level is not None and 0 <= level < 9 else heading

        base_italic = style.italic
        pieces: list[tuple[str, bool]] = []
        self._inline(element, pieces, base_italic, final=True)
        has_changes = any(True for _ in element.iter(INS, DEL, MOVEFROM))
        if has_changes:
            draft_pieces: list[tuple[str, bool]] = []
            self._inline(element, draft_pieces, base_italic, final=False)
            draft = "".join(text for text, _ in draft_pieces)
        else:
            draft = "".join(text for text, _ in pieces)

        # Numbering: direct w:numPr, else the style's; numId 0 switches it off.
        style_num, style_ilvl = style.num_id, style.ilvl
        direct_num, direct_ilvl = numbering_of(ppr)
        num_id = direct_num if direct_num is not None else style_num
        num_level = direct_ilvl if direct_ilvl is not None else (style_ilvl or 0)
        num_level = min(max(num_level, 0), 8)
        listed = (
            heading is None
            and num_id is not None
            and num_id != "0"
            and self.numbering.exists(num_id)
        )
        # "List Bullet 2" with a numbering of its own at level 0 is still the second level.
        ilvl = max(num_level, style.name_level)

        # The visible indentation, its left indent and its first line's each: direct, else
        # the numbering level's when numbered directly, else the style's, else the style's
        # numbering level's.
        level_indent: Indent = (None, None)
        if listed and num_id is not None:
            level = self.numbering.level(num_id, num_level)
            level_indent = indent_of(level.find(PPR)) if level is not None else (None, None)
        sources = [indent_of(ppr), *([level_indent] if direct_num is not None else [])]
        sources += [style.indent, level_indent]
        left = next((source[0] for source in sources if source[0] is not None), 0)
        first = next((source[1] for source in sources if source[1] is not None), 0)
        start = left + first
        if not listed:
            # Without a number the first line is what shows (its left indent only on the
            # lines it wraps to), moved by the tabs and spaces that open it.
            text = "".join(t for t, _ in pieces)
            for character in text[: len(text) - len(text.lstrip("\t "))]:
                if character == "\t":  # to the next tab stop, or to a hanging indent
                    stop = (start // self.tab_stop + 1) * self.tab_stop
                    start = min(stop, left) if left > start else stop
                else:
                    start += self.tab_stop // _SPACES_PER_TAB
            left = start
        return Paragraph(
            pieces=pieces,
            draft=draft,
            heading=heading,
            listed=listed,
            ilvl=ilvl,
            indent=start,
            left=left,
        )

    def _inline(
        self, parent: Element, out: list[tuple[str, bool]], base_italic: bool, *, final: bool
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self._run(child, out, base_italic)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, out, base_italic, final=final)
            elif tag == SDT:
                content = child.find(SDTCONTENT)
                if content is not None:
                    self._inline(content, out, base_italic, final=final)
            elif tag in (INS, MOVETO):
                if final:
                    self._inline(child, out, base_italic, final=final)
            elif tag in (DEL, MOVEFROM) and not final:
                self._inline(child, out, base_italic, final=final)

    def _run(self, run: Element, out: list[tuple[str, bool]], base_italic: bool) -> None:
        rpr = run.find(RPR)
        italic = toggle(rpr.find(ITALIC)) if rpr is not None else None
        if italic is None and rpr is not None:
            run_style = rpr.find(RSTYLE)
            if run_style is not None:
                italic = self.styles.italic(run_style.get(VAL))
        if italic is None:
            italic = base_italic
        for child in run:
            tag = child.tag
            if tag in (T, DELTEXT):
                if child.text:
                    out.append((child.text, italic))
            elif tag in (TAB, PTAB):
                out.append(("\t", italic))
            elif tag in (BR, CR):
                out.append(("\n", italic))
            elif tag == NOBREAKHYPHEN:
                out.append(("-", italic))

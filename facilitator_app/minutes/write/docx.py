"""The minutes as a Word document (python-docx), the form the office edits and publishes.

The body is written as WordprocessingML text and parsed once: building thousands of list
paragraphs through python-docx's API (a style lookup by name that scans every style, then a
proxy object per paragraph) costs more than the rest of the export together. Styles are
resolved once, by name, to their ids.

The activity tree is one multi-level bullet list: one ``w:abstractNum`` with nine levels and
one ``w:num``, referenced by ``w:numPr`` (``w:ilvl`` = depth) from every item, so that Word and
LibreOffice show the hierarchy and Tab / Shift+Tab continue it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.shared import Cm, Mm, Pt

from facilitator_app.atomic import atomic_path
from facilitator_app.minutes.content import (
    Block,
    Heading,
    ListItem,
    Minutes,
    Paragraph,
    Span,
    Table,
)
from facilitator_app.minutes.options import MinutesError
from facilitator_app.minutes.redline import Change, ParagraphKind, TrackedParagraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

# Calibri: Word's default body font since 2007, on every Windows and Mac with Office; it has
# every Czech letter and the three bullet glyphs (all in WGL4). LibreOffice substitutes the
# metric-compatible Carlito where installed, so lines break the same, and otherwise any sans
# font with Czech (DejaVu Sans on most Linux systems).
FONT = "Calibri"
LIST_LEVELS = 9  # Word's maximum; deeper activities stay at the ninth level
BULLETS = ("•", "◦", "▪")
_INDENT_STEP = 360  # twips (0.635 cm), Word's own step for bullet lists
_CELL_MARGIN = 108  # twips (0.19 cm), left and right in a table cell: Word's default
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEXT_WIDTH_FALLBACK = 9360  # twips, used when a template's page has no usable size
# Word 2013 and later (Word 365 too) write 15; a lower mode, or none (taken as 12), opens
# the document in "[Compatibility Mode]".
COMPATIBILITY_MODE = 15
_WORD_URI = "http://schemas.microsoft.com/office/word"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def write_docx(minutes: Minutes, target: Path, template: Path | None = None) -> None:
    """Write ``minutes`` to ``target`` (atomically), on ``template`` if given."""
    document = _open_template(template) if template is not None else _fresh_document()
    _make_current(document)
    styles = _resolve_styles(document)
    if template is None:
        _set_up_page(document)
        _apply_own_look(document, styles)
    _set_language(document, minutes.phrases.docx_language)
    num_id = _add_bullet_list(document)
    _clear_body(document)
    body_xml = _BodyWriter(styles, num_id, _text_width(document)).write(minutes.blocks)
    _insert_body(document, body_xml)
    _add_page_number(document, styles)
    _set_properties(document, minutes)
    with atomic_path(target) as temporary:
        document.save(str(temporary))


# -- the base document ------------------------------------------------------------------------


def _fresh_document() -> Document:
    document = docx.Document()
    # python-docx's template is a 2013 Mac Word document: its extended properties name that
    # application and its thumbnail shows a blank page. Neither describes the minutes.
    _drop_package_parts(document, RT.EXTENDED_PROPERTIES, RT.THUMBNAIL)
    return document


def _drop_package_parts(document: Document, *reltypes: str) -> None:
    """Leave out the package's parts of these relationship types when saving."""
    _drop_relationships(document.part.package.rels, reltypes)


def _drop_relationships(rels: Any, reltypes: tuple[str, ...]) -> None:
    # python-docx saves only the parts it reaches through relationships, and lists in
    # [Content_Types].xml only the parts it saves: without its relationship a part is gone.
    for r_id, rel in list(rels.items()):
        if rel.reltype in reltypes:
            del rels[r_id]


def _make_current(document: Document) -> None:
    """Make the settings those of a current Word document, whatever the base was written by.

    python-docx's template, and a template from Word 2007 or 2010, would open in Word 365 as
    "[Compatibility Mode]", with the features of newer Word turned off.
    """
    # Word 2010 reads its styles from stylesWithEffects.xml when there is one; the styles
    # this export adds or changes go only to styles.xml, so the copy would be stale. Word 2013
    # and later neither need nor write it.
    _drop_relationships(document.part.rels, (_STYLES_WITH_EFFECTS,))
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = parse_xml(f'<w:compat xmlns:w="{W_NS}"/>')
        after = next((c for c in settings if _follows_compat(c)), None)
        if after is not None:
            after.addprevious(compat)
        else:
            settings.append(compat)
    modes = [
        setting
        for setting in compat.findall(qn("w:compatSetting"))
        if setting.get(qn("w:name")) == "compatibilityMode"
        and setting.get(qn("w:uri")) == _WORD_URI
    ]
    if not modes:  # without it Word takes the document for a Word 2007 one (mode 12)
        modes.append(
            parse_xml(
                f'<w:compatSetting xmlns:w="{W_NS}" w:name="compatibilityMode" '
                f'w:uri="{_WORD_URI}" w:val="{COMPATIBILITY_MODE}"/>'
            )
        )
        compat.append(modes[0])  # the compatSetting list ends w:compat
    for mode in modes:
        mode.set(qn("w:val"), str(COMPATIBILITY_MODE))
    # The schema requires the percentage; python-docx's template has only w:val="bestFit".
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


# The children of w:settings that come after w:compat in the schema's sequence; elements of
# Word's extension namespaces (w14:docId, w15:…) come after all of these.
_SETTINGS_AFTER_COMPAT = frozenset(
    qn(tag)
    for tag in (
        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
        "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
        "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
        "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
        "w:listSeparator",
    )
)  # fmt: skip


def _follows_compat(element: Any) -> bool:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return False
    return tag in _SETTINGS_AFTER_COMPAT or not tag.startswith(f"{{{W_NS}}}")


def _open_template(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MinutesError(f"{path}: no such template file") from None
    except IsADirectoryError:
        raise MinutesError(f"{path}: is a folder, not a template file") from None
    except OSError as error:
        raise MinutesError(f"{path}: the template cannot be read ({error.strerror})") from None
    try:
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    # A broken file can fail anywhere inside python-docx or lxml; whatever it is, the user
    # needs to hear which file is wrong, not a traceback.
    except Exception:
        raise MinutesError(
            f"{path}: not a Word document (.docx or .dotx); choose another template"
        ) from None
    _drop_package_parts(document, RT.THUMBNAIL)  # it would show the template's own page
    return document


def _as_document_package(data: bytes) -> bytes:
    """A Word template (.dotx) differs from a document only in its main part's content type."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content_types = archive.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in content_types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                payload = archive.read(item)
                if item.filename == "[Content_Types].xml":
                    payload = content_types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                copy.writestr(item, payload)
    return output.getvalue()


def _set_up_page(document: Document) -> None:
    """A4 portrait with 2.5 cm margins, as Czech offices print."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)


def _text_width(document: Document) -> int:
    """The width between the margins, in twips (table grids are given in twips)."""
    section = document.sections[-1] if len(document.sections) else None
    if section is None:
        return _TEXT_WIDTH_FALLBACK
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return _TEXT_WIDTH_FALLBACK
    return int((width - left - right) / 635)  # EMU to twips


def _clear_body(document: Document) -> None:
    """Remove a template's content but keep its final section (page setup, header, footer)."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final:
            body.remove(child)
    if final is None:
        body.append(parse_xml(f'<w:sectPr xmlns:w="{W_NS}"/>'))
        _set_up_page(document)


def _insert_body(document: Document, body_xml: str) -> None:
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{body_xml}</w:body>')
    body.remove(section)
    body.extend(list(fragment))
    body.append(section)


# -- styles, language and fonts ----------------------------------------------------------------


@dataclass(frozen=True)
class _StyleIds:
    normal: str | None
    title: str
    heading1: str
    heading2: str
    list_paragraph: str
    table: str | None
    footer: str | None


# name: (size in half-points, bold, outline level or None, space before, space after)
_FALLBACK_LOOKS: dict[str, tuple[int, bool, int | None, int, int]] = {
    "Title": (52, False, None, 0, 300),
    "Heading 1": (28, True, 0, 480, 120),
    "Heading 2": (26, True, 1, 200, 60),
}


def _resolve_styles(document: Document) -> _StyleIds:
    """Style ids by name, read in one pass; a style the template lacks is added."""
    styles = document.styles
    ids: dict[tuple[Any, str], str] = {}
    for style in styles:
        if style.name is not None:
            ids.setdefault((style.type, style.name.lower()), style.style_id)
    paragraph = WD_STYLE_TYPE.PARAGRAPH

    def find(name: str, kind: Any = paragraph) -> str | None:
        return ids.get((kind, name.lower()))

    normal = find("Normal")
    taken = set(ids.values())

    def ensure(name: str) -> str:
        found = find(name)
        if found is not None:
            return found
        style_id = _free_style_id(name.replace(" ", ""), taken)
        styles.element.append(parse_xml(_fallback_style_xml(name, style_id, normal)))
        return style_id

    return _StyleIds(
        normal=normal,
        title=ensure("Title"),
        heading1=ensure("Heading 1"),
        heading2=ensure("Heading 2"),
        list_paragraph=ensure("List Paragraph"),
        table=find("Table Grid", WD_STYLE_TYPE.TABLE),
        footer=find("Footer"),
    )


def _free_style_id(wanted: str, taken: set[str]) -> str:
    style_id, number = wanted, 1
    while style_id in taken:
        number += 1
        style_id = f"{wanted}{number}"
    taken.add(style_id)
    return style_id


def _fallback_style_xml(name: str, style_id: str, normal: str | None) -> str:
    based = (
        f"<w:basedOn w:val={quoteattr(normal)}/><w:next w:val={quoteattr(normal)}/>"
        if normal
        else ""
    )
    internal = name.lower() if name.startswith("Heading") else name  # Word's built-in names
    if name == "List Paragraph":
        ppr, rpr = '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>', ""
    else:
        size, bold, outline, before, after = _FALLBACK_LOOKS[name]
        keep = "<w:keepNext/><w:keepLines/>" if outline is not None else ""
        level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        ppr = f'<w:pPr>{keep}<w:spacing w:before="{before}" w:after="{after}"/>{level}</w:pPr>'
        weight = "<w:b/><w:bCs/>" if bold else ""
        rpr = f'<w:rPr>{weight}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId={quoteattr(style_id)}>'
        f'<w:name w:val="{internal}"/>{based}<w:qFormat/>{ppr}{rpr}</w:style>'
    )


def _child(parent: Any, tag: str, before: tuple[str, ...] = ()) -> Any:
    """``parent``'s child ``tag``, created when missing (before the first of ``before``)."""
    found = parent.find(qn(tag))
    if found is None:
        found = parse_xml(f'<{tag} xmlns:w="{W_NS}"/>')
        successor = next((e for t in before if (e := parent.find(qn(t))) is not None), None)
        if successor is not None:
            successor.addprevious(found)
        else:
            parent.append(found)
    return found


def _set_language(document: Document, language: str) -> None:
    """The text's language (spelling, hyphenation) as the default of every run."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", before=("w:latentStyles", "w:style"))
    run_defaults = _child(defaults, "w:rPrDefault", before=("w:pPrDefault",))
    lang = _child(
        _child(run_defaults, "w:rPr"),
        "w:lang",
        before=("w:eastAsianLayout", "w:specVanish", "w:oMath"),
    )
    lang.set(qn("w:val"), language)


def _apply_own_look(document: Document, styles: _StyleIds) -> None:
    """Without a template: Calibri throughout and a title that fits on two lines."""
    element = document.styles.element
    run = element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_font(_child(run, "w:rFonts", before=tuple(f"w:{t}" for t in _RPR_AFTER_FONTS)))
    # python-docx's headings name the theme's fonts: make them explicit too. Styles that name
    # a font of their own (a monospaced one for code) keep it.
    for style in element.findall(qn("w:style")):
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and any(qn(f"w:{a}") in fonts.attrib for a in _THEME_FONTS):
            _set_font(fonts)
    title = document.styles.get_by_id(styles.title, WD_STYLE_TYPE.PARAGRAPH)
    title.font.size = Pt(20)


# rPr children that follow w:rFonts in the schema's sequence
_RPR_AFTER_FONTS = (
    "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
    "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip


_THEME_FONTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _set_font(fonts: Any) -> None:
    # A theme attribute wins over the explicit name, so the theme ones must go.
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)


# -- numbering --------------------------------------------------------------------------------


def _numbering_element(document: Document) -> Any:
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        # python-docx cannot create a numbering part itself (NumberingPart.new is a stub).
        package = part.package
        assert package is not None
        numbering = NumberingPart(
            package.next_partname("/word/numbering%d.xml")
            if any(p.partname == "/word/numbering.xml" for p in package.iter_parts())
            else PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>'),
            package,
        )
        part.relate_to(numbering, RT.NUMBERING)
        return numbering.element


def _bullet_levels() -> str:
    levels = []
    for level in range(LIST_LEVELS):
        left = _INDENT_STEP * (level + 2)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{BULLETS[level % len(BULLETS)]}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{_INDENT_STEP}"/></w:pPr></w:lvl>'
        )
    return "".join(levels)


def _add_bullet_list(document: Document) -> int:
    """Define the nine-level bullet list; returns the ``w:numId`` its items refer to."""
    numbering = _numbering_element(document)
    abstract_ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    num_ids = [int(v) for v in numbering.xpath("./w:num/@w:numId")]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x46410000 + abstract_id:08X}"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{_bullet_levels()}</w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    # The schema wants every abstractNum before the first num.
    anchors = numbering.xpath("./w:abstractNum | ./w:numPicBullet")
    if anchors:
        anchors[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    nums = numbering.xpath("./w:num")
    (nums[-1] if nums else abstract).addnext(num)
    return num_id


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


def _runs_xml(spans: tuple[Span, ...], bold: bool = False) -> str:
    runs = []
    for span in spans:
        look = ("<w:b/><w:bCs/>" if span.bold or bold else "") + (
            "<w:i/><w:iCs/>" if span.italic else ""
        )
        properties = f"<w:rPr>{look}</w:rPr>" if look else ""
        runs.append(f"<w:r>{properties}{_text_xml(span.text)}</w:r>")
    return "".join(runs)


def _style_xml(style_id: str | None) -> str:
    return f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""


class _BodyWriter:
    """Turns blocks into the XML of the document's body."""

    def __init__(self, styles: _StyleIds, num_id: int, text_width: int) -> None:
        self.styles = styles
        self.text_width = text_width
        list_style = _style_xml(styles.list_paragraph)
        # One pPr per list level, built once: list items are most of a large document.
        self.list_properties = [
            f'<w:pPr>{list_style}<w:numPr><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            for level in range(LIST_LEVELS)
        ]
        self.heading_styles = {
            0: styles.title,
            1: styles.heading1,
            2: styles.heading2,
        }
        self.revision_id = 0  # w:id of the tracked changes, unique in the document

    def write(self, blocks: list[Block]) -> str:
        out: list[str] = []
        last_level = LIST_LEVELS - 1
        after_table = False
        for block in blocks:
            if isinstance(block, ListItem):
                properties = self.list_properties[min(block.level, last_level)]
                out.append(f"<w:p>{properties}{_runs_xml(block.spans)}</w:p>")
            elif isinstance(block, TrackedParagraph):
                out.append(self.tracked_paragraph(block))
            elif isinstance(block, Paragraph):
                out.append(self.paragraph(block, after_table))
            elif isinstance(block, Heading):
                out.append(self.heading(block))
            else:
                out.append(self.table(block))
            after_table = isinstance(block, Table)
        return "".join(out)

    def paragraph(self, block: Paragraph, after_table: bool = False) -> str:
        keep = "<w:keepNext/>" if block.keep_with_next else ""
        # A table has no spacing of its own: the text after it would touch its border.
        space = '<w:spacing w:before="160"/>' if after_table else ""
        style = _style_xml(self.styles.normal)
        properties = f"<w:pPr>{style}{keep}{space}</w:pPr>" if style or keep or space else ""
        return f"<w:p>{properties}{_runs_xml(block.spans)}</w:p>"

    # -- the vision's redline (--redline): Word tracked changes -----------------------------

    def revision(self, tag: str, block: TrackedParagraph, content: str = "") -> str:
        """A ``w:ins`` or ``w:del`` by the block's author at its date, around ``content``."""
        self.revision_id += 1
        attributes = (
            f'w:id="{self.revision_id}" w:author={quoteattr(block.author)} '
            f"w:date={quoteattr(block.date)}"
        )
        return f"<{tag} {attributes}>{content}</{tag}>" if content else f"<{tag} {attributes}/>"

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

    def heading(self, block: Heading) -> str:
        style = _style_xml(self.heading_styles[min(block.level, 2)])
        page_break = "<w:pageBreakBefore/>" if block.new_page else ""
        return f"<w:p><w:pPr>{style}{page_break}</w:pPr>{_runs_xml((Span(block.text),))}</w:p>"

    def table(self, block: Table) -> str:
        total = sum(block.widths) or 1
        widths = [self.text_width * w // total for w in block.widths]
        style = f"<w:tblStyle w:val={quoteattr(self.styles.table)}/>" if self.styles.table else ""
        borders = "" if self.styles.table else _BORDERS
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        rows = [self.row(block.header, widths, header=True, height_mm=0)]
        rows += [
            self.row(row, widths, header=False, height_mm=block.row_height_mm) for row in block.rows
        ]
        # The cell text lines up with the text around the table, the borders stand out into
        # the margin by the cell margin: how Word placed tables before its 2013 mode placed
        # the border on the margin. The side margins are set here, so the indent matches them.
        return (
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{-_CELL_MARGIN}" w:type="dxa"/>{borders}'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
            f'<w:left w:w="{_CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
            f'<w:right w:w="{_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
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
            paragraph = f"<w:p>{_runs_xml((Span(text),), bold=header)}</w:p>"
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


def _add_page_number(document: Document, styles: _StyleIds) -> None:
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


def _set_properties(document: Document, minutes: Minutes) -> None:
    """Title, author and dates of these minutes; nothing left over from a template."""
    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)  # python-docx writes the time as UTC
    properties.title = minutes.title[:255]  # the limit of a core property
    properties.author = properties.last_modified_by = minutes.author[:255]
    properties.created = properties.modified = now
    properties.language = minutes.phrases.docx_language
    properties.revision = 1
    for name in ("comments", "keywords", "subject", "category", "content_status",
                 "identifier", "version"):  # fmt: skip
        setattr(properties, name, "")
    settings = document.settings.element
    proof_state = settings.find(qn("w:proofState"))
    if proof_state is not None:  # "spelling checked and clean": not true of the new text
        settings.remove(proof_state)
    # python-docx cannot unset the date of the last printing; drop it from the XML.
    core = document.part.package.core_properties._element
    for element in core.findall(f"{{{_CORE_NS}}}lastPrinted"):
        core.remove(element)

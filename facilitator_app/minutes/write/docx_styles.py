"""The .docx's styles (resolved once to their ids), language, fonts, and the numbering of the
bullet list and of numbered activities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.shared import Pt

from facilitator_app.minutes.write.docx_package import W_NS

# Calibri: Word's default body font since 2007, on every Windows and Mac with Office; it has
# every Czech letter and the three bullet glyphs (all in WGL4). LibreOffice substitutes the
# metric-compatible Carlito where installed, so lines break the same, and otherwise any sans
# font with Czech (DejaVu Sans on most Linux systems).
FONT = "Calibri"
LIST_LEVELS = 9  # Word's maximum; deeper activities stay at the ninth level
BULLETS = ("•", "◦", "▪")
_INDENT_STEP = 360  # twips (0.635 cm), Word's own step for bullet lists


@dataclass(frozen=True)
class StyleIds:
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


def resolve_styles(document: Document) -> StyleIds:
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

    return StyleIds(
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


def set_language(document: Document, language: str) -> None:
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


def apply_own_look(document: Document, styles: StyleIds) -> None:
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


def numbered_indent(level: int) -> tuple[int, int]:
    """(left, hanging) of a numbered activity at ``level``, twips: its number starts where a
    bullet would (one step deeper per level), and the hanging indent widens with the code."""
    hanging = _CODE_START + _CODE_PART * level
    return _INDENT_STEP * (level + 1) + hanging, hanging


_CODE_START = 567  # twips (1 cm): the hanging indent for "12.10", a block's activity
_CODE_PART = 170  # twips: about one ".1" more of a code at 11 pt


def _numbered_levels(block_number: int) -> str:
    # The block's number is literal text before the counters: "3.%1", "3.%1.%2"…
    levels = []
    for level in range(LIST_LEVELS):
        left, hanging = numbered_indent(level)
        text = ".".join([str(block_number), *(f"%{n}" for n in range(1, level + 2))])
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        )
    return "".join(levels)


def add_bullet_list(document: Document) -> int:
    """Define the nine-level bullet list; returns the ``w:numId`` its items refer to."""
    return _add_list(document, "hybridMultilevel", _bullet_levels())


def add_numbered_lists(document: Document, block_numbers: Iterable[int]) -> dict[int, int]:
    """Define one nine-level decimal list per block, numbering its activities ``3.1``,
    ``3.1.2``…; returns the ``w:numId`` of each block's list by the block's number.

    The block's number is written into each level's text rather than counted by a level of
    its own: a list whose first level never appears would leave it to Word and LibreOffice
    to agree on what that level's counter shows (and on a ``w:startOverride`` for it), and
    the activities keep all nine levels, as in the bullet list. Each block's list is its own,
    so every block counts from 1.
    """
    return {
        number: _add_list(document, "multilevel", _numbered_levels(number))
        for number in block_numbers
    }


def _add_list(document: Document, kind: str, levels: str) -> int:
    """Add a list (an ``w:abstractNum`` and a ``w:num`` for it); returns its ``w:numId``."""
    numbering = _numbering_element(document)
    abstract_ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    num_ids = [int(v) for v in numbering.xpath("./w:num/@w:numId")]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x46410000 + abstract_id:08X}"/>'
        f'<w:multiLevelType w:val="{kind}"/>{levels}</w:abstractNum>'
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

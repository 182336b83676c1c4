"""Word's styles and numbering: the heading level, list level, indentation and italics they give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from facilitator_app.minutes.read.wordml import (
    ABSTRACTNUM,
    ABSTRACTNUMID,
    BASEDON,
    DEFAULT,
    FIRSTLINE,
    FIRSTLINECHARS,
    HANGING,
    HANGINGCHARS,
    ILVL,
    IND,
    ITALIC,
    LEFT,
    LEFTCHARS,
    LVL,
    LVLOVERRIDE,
    NAME,
    NUM,
    NUMID,
    NUMPR,
    NUMSTYLELINK,
    OUTLINELVL,
    PPR,
    RPR,
    START,
    STARTCHARS,
    STYLE,
    STYLEID,
    TYPE,
    VAL,
    Element,
)

_CHARACTER = 210  # twips; a character of Word's default East Asian font (10.5 pt), the unit of
# the *Chars indents: only how items compare counts, and they use one unit throughout


def in_twips(value: str | None) -> int | None:
    """A Word measure in twips: ``720``, or a universal measure such as ``1.27cm``."""
    if not value:
        return None
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*", value)
    if match is None:
        return None
    number = float(match[1])
    factor = {None: 1.0, "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0,
              "pc": 240.0, "pi": 240.0}[match[2]]  # fmt: skip
    return round(number * factor)


Indent = tuple[int | None, int | None]  # (left, first line), twips; None where not set


def indent_of(properties: Element | None) -> Indent:
    """(left, first line) as a pPr sets them: the left indent, and the first line's offset
    from it (negative for a hanging indent); None for what it leaves to its style."""
    ind = properties.find(IND) if properties is not None else None
    if ind is None:
        return None, None

    def measure(twips: str, characters: str) -> int | None:
        count = int_or_none(ind.get(characters))  # hundredths of a character; wins over twips
        if count:
            return count * _CHARACTER // 100
        return in_twips(ind.get(twips))

    left = measure(LEFT, LEFTCHARS)
    if left is None:
        left = measure(START, STARTCHARS)
    hanging = measure(HANGING, HANGINGCHARS)  # a hanging indent wins over a first-line one
    return left, -hanging if hanging is not None else measure(FIRSTLINE, FIRSTLINECHARS)


def toggle(element: Element | None) -> bool | None:
    """A toggle such as ``w:i``: None when absent."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def int_or_none(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def numbering_of(properties: Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) as a pPr's ``w:numPr`` sets them; None for what it does not set."""
    num_pr = properties.find(NUMPR) if properties is not None else None
    if num_pr is None:
        return None, None
    num_element, ilvl_element = num_pr.find(NUMID), num_pr.find(ILVL)
    num_id = num_element.get(VAL) if num_element is not None else None
    return num_id, int_or_none(ilvl_element.get(VAL)) if ilvl_element is not None else None


@dataclass
class _Style:
    name: str  # lower-case
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    indent: Indent
    outline: int | None
    italic: bool | None


_HEADING_NAME = re.compile(r"^(?:heading|nadpis)\s*(\d)$")
_LIST_STYLE_NAME = re.compile(r"^list (?:bullet|number|continue)\s*(\d)$|^list\s*(\d)$")


class Styles:
    """The document's styles, each property looked up through its basedOn chain."""

    def __init__(self, element: Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if element is None:
            return
        for style in element.iterfind(STYLE):
            style_id = style.get(STYLEID)
            if not style_id:
                continue
            name_element = style.find(NAME)
            name = (name_element.get(VAL, "") if name_element is not None else "").lower()
            based = style.find(BASEDON)
            ppr = style.find(PPR)
            num_id, ilvl = numbering_of(ppr)
            outline = ppr.find(OUTLINELVL) if ppr is not None else None
            rpr = style.find(RPR)
            self.styles[style_id] = _Style(
                name=name,
                based_on=based.get(VAL) if based is not None else None,
                num_id=num_id,
                ilvl=ilvl,
                indent=indent_of(ppr),
                outline=int_or_none(outline.get(VAL)) if outline is not None else None,
                italic=toggle(rpr.find(ITALIC)) if rpr is not None else None,
            )
            default = style.get(DEFAULT, "").lower() in ("1", "true", "on")
            if default and style.get(TYPE) == "paragraph":
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """0 for a title, N for Heading N (or an outline level N - 1), None otherwise."""
        if style_id is not None and style_id not in self.styles:
            # A style the document uses but does not define: its id still says what it is
            # ("Heading2" from English Word, "Nadpis2" from Czech Word).
            match = re.fullmatch(r"(?:heading|nadpis)\s*(\d)", style_id.lower())
            if match:
                return int(match[1])
            return 0 if style_id.lower() in ("title", "nazev", "název") else None
        for style in self.chain(style_id):
            if style.name in ("title", "název"):
                return 0
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match[1])
            if style.outline is not None and 0 <= style.outline < 9:
                return style.outline + 1
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        for style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def indent(self, style_id: str | None) -> Indent:
        """(left, first line) from the style's chain: each from the nearest style that sets it."""
        chain = list(self.chain(style_id))
        return (
            next((s.indent[0] for s in chain if s.indent[0] is not None), None),
            next((s.indent[1] for s in chain if s.indent[1] is not None), None),
        )

    def italic(self, style_id: str | None) -> bool | None:
        return next((s.italic for s in self.chain(style_id) if s.italic is not None), None)

    def list_name_level(self, style_id: str | None) -> int:
        """1 for "List Bullet 2", 2 for "List Number 3"… (0 otherwise)."""
        for style in self.chain(style_id):
            match = _LIST_STYLE_NAME.match(style.name)
            if match:
                return max(int(match[1] or match[2]) - 1, 0)
        return 0


class Numbering:
    """numId -> its levels' format and indentation (numbering.xml)."""

    def __init__(self, element: Element | None, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Element]] = {}
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style id (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, Element]]] = {}
        self.styles = styles
        if element is None:
            return
        for abstract in element.iterfind(ABSTRACTNUM):
            abstract_id = abstract.get(ABSTRACTNUMID, "")
            levels = {}
            for level in abstract.iterfind(LVL):
                number = int_or_none(level.get(ILVL))
                if number is not None:
                    levels[number] = level
            self.abstract[abstract_id] = levels
            link = abstract.find(NUMSTYLELINK)
            if link is not None and link.get(VAL):
                self.links[abstract_id] = link.get(VAL)
        for num in element.iterfind(NUM):
            abstract_element = num.find(ABSTRACTNUMID)
            if abstract_element is None:
                continue
            overrides = {}
            for override in num.iterfind(LVLOVERRIDE):
                level = override.find(LVL)
                number = int_or_none(override.get(ILVL))
                if level is not None and number is not None:
                    overrides[number] = level
            self.nums[num.get(NUMID, "")] = (abstract_element.get(VAL, ""), overrides)

    def level(self, num_id: str, ilvl: int) -> Element | None:
        seen: set[str] = set()
        while num_id in self.nums and num_id not in seen:
            seen.add(num_id)
            abstract_id, overrides = self.nums[num_id]
            if ilvl in overrides:
                return overrides[ilvl]
            if abstract_id in self.links:  # the levels live in a numbering style's list
                linked, _ = self.styles.numbering(self.links[abstract_id])
                if linked is not None and linked != num_id:
                    num_id = linked
                    continue
            return self.abstract.get(abstract_id, {}).get(ilvl)
        return None

    def exists(self, num_id: str) -> bool:
        return num_id in self.nums

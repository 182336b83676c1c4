"""Helpers shared by the minutes tests: the example workshop, the seed minutes, reading a .docx."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree
from openxml_audit import OpenXmlValidator, ValidationError

from facilitator_app.paths import demo_json
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import WorkshopData

REPO = Path(__file__).resolve().parents[1]
DEMO_JSON = demo_json()
# The real minutes of the meeting behind the demo workshop: what the exporters must produce.
SEED_TXT = Path(__file__).resolve().parent / "data" / "minutes-2026-05-19.txt"


def demo_raw() -> dict[str, Any]:
    """The example workshop as decoded JSON (a fresh copy to modify)."""
    return json.loads(DEMO_JSON.read_text(encoding="utf-8"))


def demo_workshop() -> WorkshopData:
    return parse_workshop(demo_raw())


def seed_lines() -> list[str]:
    """The seed minutes' non-empty lines."""
    return [line for line in SEED_TXT.read_text(encoding="utf-8").splitlines() if line.strip()]


def tree_depths(raw: dict[str, Any]) -> list[tuple[str, int]]:
    """(text, depth) of every activity of the example JSON, in document order."""
    out: list[tuple[str, int]] = []

    def walk(activities: list[dict[str, Any]], depth: int) -> None:
        for activity in activities:
            out.append((activity["text"], depth))
            walk(activity.get("children", []), depth + 1)

    for block in raw["activity_blocks"]:
        walk(block["activities"], 0)
    return out


def minimal_raw(**workshop: Any) -> dict[str, Any]:
    """A small valid workshop document; ``workshop`` overrides the details."""
    details = {"title": "Test workshop", "starts_at": "2026-05-19T13:00", "language": "cs"}
    details.update(workshop)
    return {"format": "facilitator-workshop", "version": 1, "workshop": details}


@dataclass
class Item:
    """One body element of a .docx, as a reader sees it."""

    kind: str  # "p" or "table"
    style: str
    text: str
    level: int | None = None  # w:ilvl of a list paragraph
    num_id: int | None = None
    rows: list[list[str]] | None = None
    element: Any = None


def docx_items(path: Path) -> list[Item]:
    """The body of ``path`` in order: paragraphs with style, text and list level; tables."""
    document = docx.Document(str(path))
    items: list[Item] = []
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = paragraphs[child]
            ilvl = child.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
            num = child.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            items.append(
                Item(
                    "p",
                    paragraph.style.name if paragraph.style is not None else "",
                    paragraph.text,
                    int(ilvl.get(qn("w:val"))) if ilvl is not None else None,
                    int(num.get(qn("w:val"))) if num is not None else None,
                    element=child,
                )
            )
        elif child.tag == qn("w:tbl"):
            table = tables[child]
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            style = table.style.name if table.style is not None else ""
            items.append(Item("table", style, "", rows=rows, element=child))
    return items


def texts(items: list[Item]) -> list[str]:
    return [item.text for item in items if item.kind == "p"]


def part_xml(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def all_xml_text(path: Path) -> str:
    """Every XML part of the package, concatenated (to search for a word anywhere)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


def parse_every_part(path: Path) -> None:
    """Fail unless every XML part of the package is well-formed."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))


def run_app(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The app's command line run in a process of its own, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "facilitator_app", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


# A first meeting's SWOT of the demo's first theme (Energetika): items with votes and notes
# in every quadrant, and problems pointing at them (by their places in "swot").
SWOT = [
    {"quadrant": "strengths", "text": "Rozvinutá distribuční síť", "votes": 3},
    {"quadrant": "strengths", "text": "Zkušené energetické firmy v kraji",
     "note": "hlavně na Liberecku"},
    {"quadrant": "weaknesses", "text": "Málo obnovitelných zdrojů", "votes": 5},
    {"quadrant": "weaknesses", "text": "Zastaralé kotelny; drahé teplo", "votes": 1},
    {"quadrant": "opportunities", "text": "Dotace na úspory energie", "votes": 2},
    {"quadrant": "threats", "text": "Růst cen energií", "votes": 4, "note": "po roce 2022"},
]  # fmt: skip
PROBLEMS = [
    {"text": "Vysoké ceny tepla", "votes": 6, "sources": [3, 5]},
    {"text": "Pomalé povolování zdrojů"},
]


def with_swot(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` (changed in place, and returned) as version 3, its first theme with SWOT."""
    raw["version"] = 3
    raw["themes"][0]["swot"] = [dict(item) for item in SWOT]
    raw["themes"][0]["problems"] = [dict(problem) for problem in PROBLEMS]
    return raw


# The .docx checked as the Open XML SDK checks it (openxml-audit): the minutes' and the
# summary's Word-validity tests.
THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def is_false_report(error: ValidationError) -> bool:
    """The one report of openxml-audit this project does not take.

    Its strict policy requires a theme part in every Word document. Neither ISO/IEC 29500
    nor Word does: LibreOffice writes .docx files without one and Word opens them as they
    are. A template made in LibreOffice has none, and the minutes keep the template's parts.
    """
    return error.id == "Sem_MissingRelationshipType" and THEME in error.description


def ooxml_problems(validator: OpenXmlValidator, path: Path) -> list[str]:
    """Every error and warning openxml-audit reports for ``path``, but the false one."""
    result = validator.validate(path)
    return [
        f"{error.severity.value} {error.part_uri} {error.path}: {error.description}"
        for error in result.errors
        if not is_false_report(error)
    ]

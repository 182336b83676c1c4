"""The first meeting's SWOT ANALÝZA in the minutes: a 2×2 table per theme with a real list
in each cell, the problems under it, left out when there is none (and in a later meeting),
in every format and language, and read back from the .docx."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from minutes_helpers import (
    PROBLEMS,
    SWOT,
    demo_raw,
    docx_items,
    run_app,
    seed_lines,
    texts,
    with_swot,
)

from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.content import Grid, Heading
from facilitator_app.minutes.read import read_minutes
from facilitator_app.minutes.write.markdown import render_markdown
from facilitator_app.minutes.write.pdf import render_html
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import Quadrant, WorkshopData

HEADINGS = {
    "cs": ("SWOT ANALÝZA", ["Silné stránky", "Slabé stránky", "Příležitosti", "Hrozby"]),
    "en": ("SWOT ANALYSIS", ["Strengths", "Weaknesses", "Opportunities", "Threats"]),
}


def swot_workshop(language: str = "cs") -> WorkshopData:
    raw = with_swot(demo_raw())
    raw["workshop"]["language"] = language
    return parse_workshop(raw)


def export(tmp_path: Path, data: WorkshopData, suffix: str = ".docx", **options: object) -> Path:
    target = tmp_path / f"zápis{suffix}"
    export_minutes(data, target, MinutesOptions(**options))  # type: ignore[arg-type]
    return target


def swot_table(path: Path) -> docx.table.Table:
    tables = docx.Document(str(path)).tables
    assert tables, "no table in the minutes"
    return tables[0]


def cell_paragraphs(cell: docx.table._Cell) -> list[tuple[str, bool, bool]]:
    """(text, bold, listed) of each paragraph of a cell."""
    out = []
    for paragraph in cell.paragraphs:
        num_pr = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        bold = bool(paragraph.runs) and all(run.bold for run in paragraph.runs)
        out.append((paragraph.text, bold, num_pr is not None))
    return out


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_swot_is_a_two_by_two_table_with_headed_cells_and_lists(
    tmp_path: Path, language: str
) -> None:
    target = export(tmp_path, swot_workshop(language))
    heading, quadrants = HEADINGS[language]
    body = texts(docx_items(target))
    # The section comes before the vision, the theme's name heads its table.
    vision = "VIZE" if language == "cs" else "VISION"
    assert body.index(heading) < body.index("Energetika") < body.index(vision)
    table = swot_table(target)
    assert [len(table.rows), len(table.columns)] == [2, 2]
    cells = [table.cell(row, column) for row in range(2) for column in range(2)]
    for cell, name in zip(cells, quadrants, strict=True):
        paragraphs = cell_paragraphs(cell)
        assert paragraphs[0] == (name, True, False)  # the heading: bold, not in the list
        assert all(listed for _text, _bold, listed in paragraphs[1:])
    votes = {"cs": ("3 hlasy", "5 hlasů", "1 hlas"), "en": ("3 votes", "5 votes", "1 vote")}
    three, five, one = votes[language]
    assert [text for text, *_ in cell_paragraphs(cells[0])[1:]] == [
        f"Rozvinutá distribuční síť ({three})",
        "Zkušené energetické firmy v kraji\nhlavně na Liberecku",
    ]
    assert [text for text, *_ in cell_paragraphs(cells[1])[1:]] == [
        f"Málo obnovitelných zdrojů ({five})",
        f"Zastaralé kotelny; drahé teplo ({one})",
    ]
    assert len(cell_paragraphs(cells[2])) == 2
    assert cell_paragraphs(cells[3])[1][0].startswith("Růst cen energií (")


def test_a_note_is_in_italics_on_a_line_of_its_own(tmp_path: Path) -> None:
    cell = swot_table(export(tmp_path, swot_workshop())).cell(0, 0)
    item = cell.paragraphs[2]
    assert [(run.text, bool(run.italic)) for run in item.runs if run.text] == [
        ("Zkušené energetické firmy v kraji", False),
        ("\nhlavně na Liberecku", True),
    ]


def test_the_problems_follow_the_table_with_votes_and_sources(tmp_path: Path) -> None:
    target = export(tmp_path, swot_workshop())
    body = texts(docx_items(target))
    start = body.index("Problémy")
    assert body[start + 1 : start + 3] == [
        "Vysoké ceny tepla (6 hlasů)\nvychází z: Zastaralé kotelny; drahé teplo; Růst cen energií",
        "Pomalé povolování zdrojů",
    ]
    listed = [item for item in docx_items(target) if item.text.startswith("Pomalé")]
    assert (listed[0].level, listed[0].num_id is not None) == (0, True)


def test_ordering_by_votes_orders_each_quadrant_and_the_problems(tmp_path: Path) -> None:
    raw = with_swot(demo_raw())
    raw["themes"][0]["swot"].append({"quadrant": "strengths", "text": "Nejvíc", "votes": 9})
    raw["themes"][0]["problems"].reverse()
    minutes = build_minutes(parse_workshop(raw), MinutesOptions(order_by_votes=True))
    grid = next(block for block in minutes.blocks if isinstance(block, Grid))
    strengths = [spans[0].text for spans in grid.cells[0].items]
    assert strengths == ["Nejvíc", "Rozvinutá distribuční síť", "Zkušené energetické firmy v kraji"]
    as_given = build_minutes(parse_workshop(raw), MinutesOptions())
    grid = next(block for block in as_given.blocks if isinstance(block, Grid))
    assert grid.cells[0].items[-1][0].text == "Nejvíc"


def test_without_a_swot_the_section_is_left_out_and_the_seed_is_unchanged(
    tmp_path: Path,
) -> None:
    plain = parse_workshop(demo_raw())
    minutes = build_minutes(plain, MinutesOptions())
    assert not any(isinstance(block, Grid) for block in minutes.blocks)
    assert "SWOT ANALÝZA" not in [b.text for b in minutes.blocks if isinstance(b, Heading)]
    body = [line for line in texts(docx_items(export(tmp_path, plain))) if line.strip()]
    # The seed's own lines, in order, with nothing between them (test_minutes_docx checks
    # each of them in full).
    assert not any("SWOT" in line or line == "Problémy" for line in body)
    assert body[1:5] == seed_lines()[:4]  # after the title: the date line … VIZE


def test_a_theme_without_swot_or_problems_gets_no_heading_in_the_section() -> None:
    minutes = build_minutes(swot_workshop(), MinutesOptions())
    headings = [(b.level, b.text) for b in minutes.blocks if isinstance(b, Heading)]
    start = headings.index((1, "SWOT ANALÝZA"))
    assert headings[start + 1 : start + 3] == [(2, "Energetika"), (1, "VIZE")]


def test_only_problems_give_the_section_without_a_table() -> None:
    raw = with_swot(demo_raw())
    raw["themes"][0]["swot"] = []
    for problem in raw["themes"][0]["problems"]:
        problem.pop("sources", None)
    minutes = build_minutes(parse_workshop(raw), MinutesOptions())
    assert not any(isinstance(block, Grid) for block in minutes.blocks)
    assert "Problémy" in render_markdown(minutes)


def test_a_later_meeting_names_the_previous_one_and_leaves_its_swot_out(tmp_path: Path) -> None:
    data = swot_workshop()
    data.details.previous_meeting = date(2026, 4, 21)
    body = texts(docx_items(export(tmp_path, data)))
    assert "Jednání navazuje na jednání pracovní skupiny ze dne 21. 4. 2026." in body
    assert "SWOT ANALÝZA" not in body
    again = texts(docx_items(export(tmp_path, data, reference_analysis=True)))
    assert "SWOT ANALÝZA" in again
    english = build_minutes(data, MinutesOptions(language="en"))
    assert "This meeting follows the group's meeting of 21 April 2026." in render_markdown(english)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_markdown_gives_each_quadrant_a_bold_line_and_a_list(language: str) -> None:
    markdown = render_markdown(build_minutes(swot_workshop(language), MinutesOptions()))
    heading, quadrants = HEADINGS[language]
    assert f"## {heading}\n\n### Energetika\n\n**{quadrants[0]}**\n\n- Rozvinutá" in markdown
    for name in quadrants:
        assert f"\n**{name}**\n" in markdown
    assert "- Zkušené energetické firmy v kraji\\\n  *hlavně na Liberecku*" in markdown


def test_the_pdf_lays_the_swot_out_as_a_table_of_lists() -> None:
    html = render_html(build_minutes(swot_workshop(), MinutesOptions()))
    grid = html[html.index("SWOT ANALÝZA") :]
    assert grid.index("<b>Silné stránky</b>") < grid.index("<li>Rozvinutá distribuční síť")
    assert grid.count('<td width="50%" valign="top">') >= 4


def test_the_pdf_holds_the_swot(tmp_path: Path) -> None:
    target = export(tmp_path, swot_workshop(), ".pdf")
    assert target.read_bytes().startswith(b"%PDF")


# --- read back -------------------------------------------------------------------------------


def swot_of(data: WorkshopData) -> list[tuple[str, list[tuple[Quadrant, str, str, int]], list]]:
    """Each theme's SWOT and problems, with their sources by text (ids aside)."""
    out = []
    for theme in data.themes:
        texts_by_id = {item.id: item.text for item in theme.swot}
        items = [(item.quadrant, item.text, item.note, item.votes) for item in theme.swot]
        problems = [
            (problem.text, problem.votes, [texts_by_id[i] for i in problem.sources])
            for problem in theme.problems
        ]
        out.append((theme.name, sorted(items), problems))
    return out


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("by_votes", [False, True])
def test_the_swot_and_problems_come_back_from_the_docx(
    tmp_path: Path, language: str, by_votes: bool
) -> None:
    data = swot_workshop(language)
    read = read_minutes(export(tmp_path, data, order_by_votes=by_votes))
    assert [theme.name for theme in read.themes] == [theme.name for theme in data.themes]
    expected, got = swot_of(data), swot_of(read)
    if by_votes:  # the problems come back in the order printed
        expected[0][2].sort(key=lambda problem: -problem[1])
    assert got == expected
    assert read.details.language == language


def test_a_theme_with_swot_after_one_without_keeps_the_visions_order(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["version"] = 3
    raw["themes"][2]["swot"] = copy.deepcopy(SWOT)
    raw["themes"][2]["problems"] = copy.deepcopy(PROBLEMS)
    data = parse_workshop(raw)
    read = read_minutes(export(tmp_path, data))
    assert [theme.name for theme in read.themes] == [theme.name for theme in data.themes]
    assert len(read.themes[2].swot) == len(SWOT)


def test_the_previous_meeting_comes_back(tmp_path: Path) -> None:
    data = swot_workshop("en")
    data.details.previous_meeting = date(2026, 4, 21)
    assert read_minutes(export(tmp_path, data)).details.previous_meeting == date(2026, 4, 21)


def test_a_swot_table_of_three_cells_reads_the_quadrants_it_has(tmp_path: Path) -> None:
    target = export(tmp_path, swot_workshop())
    document = docx.Document(str(target))
    row = document.tables[0].rows[1]._tr
    row.remove(row.findall(qn("w:tc"))[1])  # the threats' cell, gone
    broken = tmp_path / "upravený.docx"
    document.save(str(broken))
    read = read_minutes(broken)
    quadrants = {item.quadrant for item in read.themes[0].swot}
    assert quadrants == {Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES}
    # The problem's source among the threats is gone with its cell; the other one stays.
    assert [len(problem.sources) for problem in read.themes[0].problems] == [1, 0]


def test_the_command_line_repeats_the_reference_swot_when_asked(tmp_path: Path) -> None:
    raw = with_swot(demo_raw())
    raw["workshop"]["previous_meeting"] = "2026-04-21"
    source = tmp_path / "druhé.json"
    source.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    for flags, expected in (((), False), (("--reference-analysis",), True)):
        result = run_app("convert", source.name, "zápis.md", "--force", *flags, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, "")
        markdown = (tmp_path / "zápis.md").read_text(encoding="utf-8")
        assert ("## SWOT ANALÝZA" in markdown) is expected
        assert "ze dne 21. 4. 2026." in markdown

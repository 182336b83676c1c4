"""The region summary's workbook read back with openpyxl: every sheet's rows against the
inputs as the app reads them, real dates and numbers, frozen headers and filters, and no name
in the public version."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from summary_helpers import TOURISM, TRANSPORT, Region, write_region

from facilitator_app.summary import summarise, write_summary
from facilitator_app.workshop.model import Node, Quadrant, WorkshopData

CZECH_QUADRANTS = ("Silné stránky", "Slabé stránky", "Příležitosti", "Hrozby")
DEMO_GROUP = "Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT"


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    return write_region(tmp_path_factory.mktemp("region"))


@pytest.fixture(scope="module")
def workbook(region: Region, tmp_path_factory: pytest.TempPathFactory) -> Any:
    target = tmp_path_factory.mktemp("out") / "region.xlsx"
    write_summary(summarise(region.paths), target)
    return openpyxl.load_workbook(target)


def rows_of(sheet: Any, header_row: int = 1) -> list[tuple[Any, ...]]:
    """The rows below the header up to the first empty one."""
    rows = []
    for row in sheet.iter_rows(min_row=header_row + 1, values_only=True):
        if all(value is None for value in row):
            break
        rows.append(tuple("" if value is None else value for value in row))
    return rows


def meetings(region: Region) -> list[tuple[str, int, Path, WorkshopData]]:
    """(group, round, path, data) of every input in the summary's order: groups by title,
    meetings by date."""
    by_group: dict[str, list[tuple[Path, WorkshopData]]] = {}
    for path, data in region.data.items():
        by_group.setdefault(data.details.title, []).append((path, data))
    order = sorted(by_group, key=lambda t: t.replace("Č", "C"))  # diacritics aside
    assert order == [DEMO_GROUP, TOURISM, TRANSPORT]
    found = []
    for title in order:
        series = sorted(by_group[title], key=lambda item: item[1].details.starts_at)
        found += [(title, n, path, data) for n, (path, data) in enumerate(series, 1)]
    return found


def day(data: WorkshopData) -> datetime:
    """A meeting's date as openpyxl reads a date cell back."""
    return datetime.combine(data.details.starts_at.date(), datetime.min.time())


def test_the_sheets_in_order(workbook: Any) -> None:
    assert workbook.sheetnames == [
        "Přehled",
        "Aktivity",
        "SWOT a problémy",
        "Připomínky",
        "Účast",
        "Nejisté shody",
    ]


def test_every_sheet_opens_ready_to_filter(workbook: Any) -> None:
    for sheet in workbook:
        header_row = 2 if sheet.title == "Účast" else 1
        assert sheet.freeze_panes[-1] == str(header_row + 1), sheet.title
        assert sheet.auto_filter.ref.startswith("A" + str(header_row)), sheet.title
        widths = [sheet.column_dimensions[c].width for c in "ABC"]
        assert all(width and width >= 8 for width in widths), sheet.title
        header = next(sheet.iter_rows(min_row=header_row, max_row=header_row))
        assert all(cell.font.bold for cell in header), sheet.title
    activities = workbook["Aktivity"]
    assert activities["G2"].alignment.wrap_text  # the activity's text wraps
    last_row = activities.auto_filter.ref.split(":")[1]
    assert int(last_row[1:]) == len(rows_of(activities)) + 1


def test_the_overview_counts_each_meeting_and_each_round(region: Region, workbook: Any) -> None:
    expected = []
    first_with_swot: set[str] = set()
    for group, number, path, data in meetings(region):
        others, organisers = data.head_count()
        swot = sum(len(t.swot) for t in data.themes)
        problems = sum(len(t.problems) for t in data.themes)
        counted = group not in first_with_swot and (swot or problems)
        if counted:
            first_with_swot.add(group)
        activities = sum(1 for node in data.root.walk() if node.depth >= 2)
        expected.append(
            (
                group,
                number,
                day(data),
                path.name,
                others + organisers,
                organisers,
                sum(not a.present for a in data.attendees),
                activities,
                swot if counted else 0,
                problems if counted else 0,
                sum(len(t.remarks) for t in data.themes),
                sum(bool(t.vision.strip()) for t in data.themes),
            )
        )
    sheet = workbook["Přehled"]
    assert rows_of(sheet) == expected
    totals = rows_of(sheet, header_row=len(expected) + 2)
    assert [row[:2] for row in totals] == [
        ("Všechny skupiny", 1),
        ("Všechny skupiny", 2),
        ("Všechny skupiny", 3),
    ]
    for total in totals:
        of_round = [row for row in expected if row[1] == total[1]]
        assert total[4:] == tuple(sum(row[c] for row in of_round) for c in range(4, 12))


def walk(block: Node, code: str, path: tuple[str, ...]) -> list[tuple[str, str, Node]]:
    found = []
    for position, node in enumerate(block.children, 1):
        node_code = f"{code}.{position}"
        found.append((node_code, " › ".join(path), node))
        found += walk(node, node_code, (*path, node.text))
    return found


def test_every_activity_of_every_meeting(region: Region, workbook: Any) -> None:
    expected = []
    for group, number, _path, data in meetings(region):
        names = {theme.id: theme.name for theme in data.themes}
        for block_number, block in enumerate(data.blocks, 1):
            themes = " + ".join(names[i] for i in block.theme_ids if i in names)
            for code, path, node in walk(block, str(block_number), ()):
                expected.append(
                    (group, number, day(data), themes, code, path, node.text, node.votes, node.note)
                )
    rows = rows_of(workbook["Aktivity"])
    assert rows == expected
    assert len({row[0] for row in rows}) == 3  # the demo's second meeting and the generated
    formula_like = [row for row in rows if str(row[8]).startswith("=")]
    assert formula_like  # a note that looks like a formula is kept as its text
    assert all(isinstance(row[7], int) and isinstance(row[2], datetime) for row in rows)


def test_the_swot_and_problems_by_theme_and_group_from_the_first_meeting(
    region: Region, workbook: Any
) -> None:
    sources = {}
    for group, number, _path, data in meetings(region):
        if group not in sources and any(t.swot or t.problems for t in data.themes):
            sources[group] = (number, data)
    theme_order: list[str] = []
    for _group, _number, _path, data in meetings(region):
        theme_order += [t.name for t in data.themes if t.name not in theme_order]
    expected = []
    for theme_name in theme_order:
        for group, (number, data) in sources.items():
            for theme in (t for t in data.themes if t.name == theme_name):
                where = (theme_name, group, number, day(data))
                for quadrant, kind in zip(Quadrant, CZECH_QUADRANTS, strict=True):
                    expected += [
                        (*where, kind, item.text, item.votes, item.note)
                        for item in theme.swot
                        if item.quadrant is quadrant
                    ]
                texts = {item.id: item.text for item in theme.swot}
                for problem in theme.problems:
                    named = "; ".join(texts[i] for i in problem.sources if i in texts)
                    note = f"vychází z: {named}" if named else ""
                    expected.append((*where, "Problém", problem.text, problem.votes, note))
    rows = rows_of(workbook["SWOT a problémy"])
    assert rows == expected
    assert {row[1] for row in rows} == {DEMO_GROUP, TRANSPORT, TOURISM}


def test_the_remarks_with_how_each_was_settled(region: Region, workbook: Any) -> None:
    statuses = {"accepted": "akceptováno", "partly": "částečně akceptováno"}
    theme_order: list[str] = []
    for _group, _number, _path, data in meetings(region):
        theme_order += [t.name for t in data.themes if t.name not in theme_order]
    expected = [
        (theme_name, group, number, day(data), remark.text, remark.author,
         remark.organization, statuses[remark.status], remark.response)
        for theme_name in theme_order
        for group, number, _path, data in meetings(region)
        for theme in data.themes
        if theme.name == theme_name
        for remark in theme.remarks
    ]  # fmt: skip
    assert len(expected) == 12
    assert rows_of(workbook["Připomínky"]) == expected


def test_the_attendance_person_by_meeting(region: Region, workbook: Any) -> None:
    sheet = workbook["Účast"]
    inputs = meetings(region)
    header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert header[:3] == ("Jméno", "Organizace", "Počet účastí")
    assert header[3].startswith(DEMO_GROUP)
    assert header[3].endswith("1. setkání 21. 4. 2026")
    assert len(header) == 3 + len(inputs)
    marks: dict[tuple[str, str], dict[int, str]] = {}
    for index, (_group, _number, _path, data) in enumerate(inputs):
        for attendee in data.attendees:
            person = marks.setdefault((attendee.name, attendee.organization), {})
            person[index] = "přítomen/a" if attendee.present else "omluven/a"
    rows = rows_of(sheet, header_row=2)
    assert len(rows) == len(marks)
    for row in rows:
        cells = marks[row[0], row[1]]
        assert row[3:] == tuple(cells.get(index, "") for index in range(len(inputs)))
        assert row[2] == sum(mark == "přítomen/a" for mark in cells.values())
    head_counts = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True))
    assert head_counts[0] == "Přítomno"
    assert list(head_counts[3:]) == [sum(a.present for a in m[3].attendees) for m in inputs]
    nováková = [row for row in rows if row[0] == "Jana Nováková"]
    assert len(nováková) == 1
    assert nováková[0][2] >= 2


def test_the_uncertain_matches_are_listed(workbook: Any) -> None:
    rows = rows_of(workbook["Nejisté shody"])
    by_match: dict[int, set[tuple[str, str]]] = {}
    for row in rows:
        by_match.setdefault(row[0], set()).add((row[1], row[2]))
    assert sorted(map(sorted, by_match.values())) == [
        [("Eva Cerna", "ČSAD Liberec"), ("Eva Černá", "ČSAD Liberec")],
        [("Jan Svoboda", "Technická univerzita"), ("Jan Svoboda", "ZŠ Liberec")],
        [("Petr Dvořák", ""), ("Petr Dvořák", "Obec Albrechtice")],
    ]
    doubts = {row[1]: row[4] for row in rows}
    assert doubts["Eva Cerna"] == "jméno se liší velikostí písmen nebo diakritikou"
    assert doubts["Jan Svoboda"] == "stejné jméno, jiná organizace"
    assert doubts["Petr Dvořák"] == "stejné jméno, organizace chybí"
    assert all("Martin Král" not in row for row in rows)  # two people at one meeting


def test_dates_are_dates_and_numbers_numbers(workbook: Any) -> None:
    for sheet in workbook:
        header_row = 2 if sheet.title == "Účast" else 1
        header = [c.value for c in next(sheet.iter_rows(min_row=header_row, max_row=header_row))]
        for name in ("Datum",):
            if name in header:
                column = header.index(name)
                for row in sheet.iter_rows(min_row=header_row + 1, values_only=True):
                    assert row[column] is None or isinstance(row[column], date), sheet.title
        for name in ("Setkání", "Hlasy", "Přítomno", "Počet účastí"):
            if name in header:
                column = header.index(name)
                values = [
                    r[column] for r in sheet.iter_rows(min_row=header_row + 1, values_only=True)
                ]
                assert all(v is None or isinstance(v, int) for v in values), (sheet.title, name)
    assert workbook["Přehled"]["C2"].number_format == "d. m. yyyy"


def test_the_english_workbook(region: Region, tmp_path: Path) -> None:
    target = tmp_path / "region-en.xlsx"
    write_summary(summarise(region.paths), target, language="en")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:5] == [
        "Overview",
        "Activities",
        "SWOT and problems",
        "Remarks",
        "Attendance",
    ]
    assert {row[4] for row in rows_of(book["SWOT and problems"])} >= {"Strengths", "Problem"}


def test_the_public_workbook_names_nobody(region: Region, tmp_path: Path) -> None:
    target = tmp_path / "public.xlsx"
    write_summary(summarise(region.paths), target, public=True)
    book = openpyxl.load_workbook(target)
    names = region.names()
    assert "Olga Pokorná" in names
    assert "Jana Nováková" in names
    assert "Nejisté shody" not in book.sheetnames
    texts = [
        str(value)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    ]
    assert not [text for text in texts if any(name in text for name in names)]
    remarks = book["Připomínky"]
    assert "Kdo" not in [c.value for c in remarks[1]]
    assert "Spolek Jizera" in texts  # the organisations stay
    people = rows_of(book["Účast"], header_row=2)
    assert [row[0] for row in people[:2]] == ["Osoba 1", "Osoba 2"]

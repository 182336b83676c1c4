"""The programme (agenda with planned minutes and actual times) and the tasks in the minutes:
the format-neutral content, .docx, Markdown and PDF in Czech and English, the public version,
reading both back from .docx minutes, and `convert` with them."""

from __future__ import annotations

import copy
import json
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minutes_helpers import Item, demo_raw, docx_items, run_app, texts
from test_minutes_pdf import check_pdf

from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.content import Heading, Paragraph, Span, Table
from facilitator_app.minutes.phrases import CZECH, ENGLISH, programme_times
from facilitator_app.minutes.read import read_minutes
from facilitator_app.minutes.read.dates import programme_item
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import parse_workshop, workshop_to_json
from facilitator_app.workshop.model import AgendaItem, Task, WorkshopData

AGENDA: list[dict[str, Any]] = [
    {
        "title": "Zahájení a představení",
        "planned_minutes": 10,
        "started_at": "2026-05-19T13:00",
        "ended_at": "2026-05-19T13:12",
    },
    {
        "title": "Vize: připomínky",
        "planned_minutes": 45,
        "started_at": "2026-05-19T13:12",
        "ended_at": "2026-05-19T14:05",
    },
    {"title": "Přestávka", "planned_minutes": 15, "started_at": "2026-05-19T14:05"},
    {"title": "Návrhy aktivit", "planned_minutes": 80},
    {"title": "Závěr", "planned_minutes": 0},
]
TASKS: list[dict[str, Any]] = [
    {"text": "Rozeslat zápis účastníkům", "owner": "Jana Nováková", "due": "2026-05-26"},
    {"text": "Doplnit data o vodních zdrojích", "owner": "Povodí Labe", "done": True},
    {"text": "Svolat další jednání", "due": "2026-06-30"},
]
CS_PROGRAMME = [
    "13:00–13:12 Zahájení a představení (plánováno 10 min)",
    "13:12–14:05 Vize: připomínky (plánováno 45 min)",
    "14:05 Přestávka (plánováno 15 min)",
    "Návrhy aktivit (80 min)",
    "Závěr",
]
EN_PROGRAMME = [
    "1:00–1:12 pm Zahájení a představení (planned 10 min)",
    "1:12–2:05 pm Vize: připomínky (planned 45 min)",
    "2:05 pm Přestávka (planned 15 min)",
    "Návrhy aktivit (80 min)",
    "Závěr",
]
CS_TASKS = [
    ["Úkol", "Kdo", "Termín", "Splněno"],
    ["Rozeslat zápis účastníkům", "Jana Nováková", "26. 5. 2026", ""],
    ["Doplnit data o vodních zdrojích", "Povodí Labe", "", "✓"],
    ["Svolat další jednání", "", "30. 6. 2026", ""],
]
EN_TASKS = [
    ["Task", "Who", "By when", "Done"],
    ["Rozeslat zápis účastníkům", "Jana Nováková", "26 May 2026", ""],
    ["Doplnit data o vodních zdrojích", "Povodí Labe", "", "✓"],
    ["Svolat další jednání", "", "30 June 2026", ""],
]
PROGRAMME = {"cs": CS_PROGRAMME, "en": EN_PROGRAMME}
TASK_ROWS = {"cs": CS_TASKS, "en": EN_TASKS}
HEADINGS = {"cs": ("PROGRAM", "ÚKOLY"), "en": ("PROGRAMME", "TASKS")}


def raw_v2(language: str = "cs") -> dict[str, Any]:
    raw = demo_raw()
    raw["version"] = 2
    raw["workshop"]["language"] = language
    raw["agenda"] = copy.deepcopy(AGENDA)
    raw["tasks"] = copy.deepcopy(TASKS)
    return raw


def workshop(language: str = "cs") -> WorkshopData:
    return parse_workshop(raw_v2(language))


def plain_texts(blocks: list[Any]) -> list[str]:
    return ["".join(span.text for span in b.spans) for b in blocks if isinstance(b, Paragraph)]


# --- the wording -------------------------------------------------------------------------------

D = datetime


@pytest.mark.parametrize(
    ("start", "end", "czech", "english"),
    [
        (D(2026, 5, 19, 13), D(2026, 5, 19, 13, 25), "13:00–13:25", "1:00–1:25 pm"),
        (D(2026, 5, 19, 9, 5), D(2026, 5, 19, 9, 50), "9:05–9:50", "9:05–9:50 am"),
        (D(2026, 5, 19, 11, 30), D(2026, 5, 19, 12, 10), "11:30–12:10", "11:30 am–12:10 pm"),
        (D(2026, 5, 19, 12), D(2026, 5, 19, 12, 45), "12:00–12:45", "12:00–12:45 pm"),
        (D(2026, 5, 19, 0, 15), D(2026, 5, 19, 0, 40), "0:15–0:40", "12:15–12:40 am"),
        (D(2026, 5, 19, 23, 30), D(2026, 5, 20, 0, 10), "23:30–0:10", "11:30 pm–12:10 am"),
        (D(2026, 5, 19, 1), D(2026, 5, 19, 13, 30), "1:00–13:30", "1:00 am–1:30 pm"),
        (D(2026, 5, 19, 8), D(2026, 5, 20, 8, 30), "8:00–8:30", "8:00 am–8:30 am"),
        (D(2026, 5, 19, 13, 0, 59), None, "13:00", "1:00 pm"),  # still running; no seconds
        (D(2026, 5, 19, 13), D(2026, 5, 19, 13), "13:00–13:00", "1:00–1:00 pm"),
        (D(2026, 5, 19, 13), D(2026, 5, 19, 12), "", ""),  # an end before the start
        (None, D(2026, 5, 19, 12), "", ""),
        (None, None, "", ""),
    ],
)
def test_programme_times(
    start: datetime | None, end: datetime | None, czech: str, english: str
) -> None:
    assert programme_times(start, end, "cs") == czech
    assert programme_times(start, end, "en") == english


@pytest.mark.parametrize(
    ("item", "czech", "english"),
    [
        (
            AgendaItem(1, "Vize", 20, D(2026, 5, 19, 13), D(2026, 5, 19, 13, 25)),
            "13:00–13:25 Vize (plánováno 20 min)",
            "1:00–1:25 pm Vize (planned 20 min)",
        ),
        (AgendaItem(1, "Vize", 20), "Vize (20 min)", "Vize (20 min)"),
        (AgendaItem(1, "Vize"), "Vize", "Vize"),
        (
            AgendaItem(1, "Vize", 0, D(2026, 5, 19, 13), D(2026, 5, 19, 13, 25)),
            "13:00–13:25 Vize",
            "1:00–1:25 pm Vize",
        ),
        (
            AgendaItem(1, "Vize", 5, D(2026, 5, 19, 13), D(2026, 5, 19, 12)),
            "Vize (5 min)",
            "Vize (5 min)",
        ),
    ],
)
def test_programme_lines(item: AgendaItem, czech: str, english: str) -> None:
    assert CZECH.programme_line(item) == czech
    assert ENGLISH.programme_line(item) == english


def test_due_dates() -> None:
    assert CZECH.date_text(date(2026, 5, 6)) == "6. 5. 2026"
    assert ENGLISH.date_text(date(2026, 5, 6)) == "6 May 2026"


# --- the content ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_programme_follows_the_header_lines(language: str) -> None:
    blocks = build_minutes(workshop(language), MinutesOptions()).blocks
    programme, _tasks = HEADINGS[language]
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[0] == programme
    start = blocks.index(Heading(1, programme))
    assert all(isinstance(b, Paragraph) for b in blocks[1:start])  # the header lines
    lines = blocks[start + 1 : start + 1 + len(AGENDA)]
    assert plain_texts(lines) == PROGRAMME[language]
    assert isinstance(blocks[start + 1 + len(AGENDA)], Heading)  # then VIZE / VISION


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("attendance", [False, True])
def test_the_tasks_come_last_before_the_attendance_list(language: str, attendance: bool) -> None:
    blocks = build_minutes(workshop(language), MinutesOptions(attendance=attendance)).blocks
    _programme, tasks = HEADINGS[language]
    position = blocks.index(Heading(1, tasks))
    table = blocks[position + 1]
    assert isinstance(table, Table)
    assert [list(table.header), *map(list, table.rows)] == TASK_ROWS[language]
    rest = blocks[position + 2 :]
    if attendance:
        assert isinstance(rest[0], Heading)
        assert rest[0].new_page
    else:
        assert rest == []


def test_public_minutes_leave_the_owners_out() -> None:
    blocks = build_minutes(workshop(), MinutesOptions(public=True, attendance=True)).blocks
    table = blocks[blocks.index(Heading(1, "ÚKOLY")) + 1]
    assert isinstance(table, Table)
    assert table.header == ("Úkol", "Termín", "Splněno")
    assert [list(row) for row in table.rows] == [[row[0], row[2], row[3]] for row in CS_TASKS[1:]]
    assert len(table.widths) == 3
    everything = repr(blocks)
    assert "Jana Nováková" not in everything
    assert "Povodí Labe" not in everything


def test_no_sections_without_agenda_or_tasks() -> None:
    blocks = build_minutes(parse_workshop(demo_raw()), MinutesOptions(attendance=True)).blocks
    headings = {b.text for b in blocks if isinstance(b, Heading)}
    assert not headings & {"PROGRAM", "ÚKOLY"}


def test_text_is_cleaned() -> None:
    data = workshop()
    data.agenda = [AgendaItem(1, "Řádek\njedna\x00 dva", 5)]
    data.tasks = [Task(1, "a\x0bb", "Jan\nNovák")]
    blocks = build_minutes(data, MinutesOptions()).blocks
    assert Paragraph((Span("Řádek jedna dva (5 min)"),)) in blocks
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows == (("a\nb", "Jan Novák", "", ""),)


# --- the writers ----------------------------------------------------------------------------------


def export(tmp_path: Path, data: WorkshopData, name: str = "minutes.docx", **options: Any) -> Path:
    target = tmp_path / name
    export_minutes(data, target, MinutesOptions(**options))
    return target


@pytest.mark.parametrize("language", ["cs", "en"])
def test_docx(tmp_path: Path, language: str) -> None:
    items = docx_items(export(tmp_path, workshop(language), attendance=True))
    programme, tasks = HEADINGS[language]
    heading = next(i for i in items if i.text == programme)
    assert heading.style == "Heading 1"
    start = items.index(heading)
    lines = items[start + 1 : start + 1 + len(AGENDA)]
    assert [(i.kind, i.text, i.level) for i in lines] == [
        ("p", line, None) for line in PROGRAMME[language]
    ]
    assert items[start + 1 + len(AGENDA)].style == "Heading 1"
    heading = next(i for i in items if i.text == tasks)
    assert heading.style == "Heading 1"
    table: Item = items[items.index(heading) + 1]
    assert table.kind == "table"
    assert table.rows == TASK_ROWS[language]
    after = items[items.index(heading) + 2]
    assert after.style == "Heading 1"  # the attendance list follows
    assert texts(items).index(tasks) > texts(items).index(
        "NÁVRHY AKTIVIT" if language == "cs" else "PROPOSED ACTIVITIES"
    )


MARKDOWN_TASKS = {
    "cs": """## ÚKOLY

| Úkol | Kdo | Termín | Splněno |
| --- | --- | --- | --- |
| Rozeslat zápis účastníkům | Jana Nováková | 26\\. 5. 2026 |  |
| Doplnit data o vodních zdrojích | Povodí Labe |  | ✓ |
| Svolat další jednání |  | 30\\. 6. 2026 |  |
""",
    "en": """## TASKS

| Task | Who | By when | Done |
| --- | --- | --- | --- |
| Rozeslat zápis účastníkům | Jana Nováková | 26 May 2026 |  |
| Doplnit data o vodních zdrojích | Povodí Labe |  | ✓ |
| Svolat další jednání |  | 30 June 2026 |  |
""",
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_markdown(tmp_path: Path, language: str) -> None:
    text = export(tmp_path, workshop(language), "minutes.md").read_text(encoding="utf-8")
    programme, _tasks = HEADINGS[language]
    assert "\n\n".join([f"## {programme}", *PROGRAMME[language]]) in text
    assert text.index(f"## {programme}") < text.index("## VIZE" if language == "cs" else "## VIS")
    assert text.endswith(MARKDOWN_TASKS[language])


def test_markdown_public(tmp_path: Path) -> None:
    text = export(tmp_path, workshop(), "minutes.md", public=True).read_text(encoding="utf-8")
    assert "| Úkol | Termín | Splněno |" in text
    assert "Jana Nováková" not in text


@pytest.mark.parametrize("language", ["cs", "en"])
def test_pdf(tmp_path: Path, qapp: object, language: str) -> None:
    target = export(tmp_path, workshop(language), "minutes.pdf")
    programme, tasks = HEADINGS[language]
    check_pdf(target, [programme, *PROGRAMME[language][:2], tasks, "Rozeslat zápis"], pages=None)


# --- reading the minutes back ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["cs", "en"])
def test_programme_and_tasks_come_back(tmp_path: Path, language: str) -> None:
    original = workshop(language)
    back = read_minutes(export(tmp_path, original, attendance=True))
    assert back.agenda == original.agenda
    assert back.tasks == original.tasks
    assert back.details.language == language
    # Everything read back stores and exports as JSON that imports again.
    Document.create(tmp_path / "back.workshop", back).close()
    assert parse_workshop(workshop_to_json(back)).agenda == original.agenda


def test_public_minutes_give_tasks_without_owners(tmp_path: Path) -> None:
    back = read_minutes(export(tmp_path, workshop(), public=True))
    assert [(t.text, t.owner, t.due, t.done) for t in back.tasks] == [
        (t["text"], "", date.fromisoformat(t["due"]) if "due" in t else None, t.get("done", False))
        for t in TASKS
    ]


def test_seconds_are_not_in_the_minutes(tmp_path: Path) -> None:
    data = workshop()
    data.agenda[0].ended_at = datetime(2026, 5, 19, 13, 12, 40)
    back = read_minutes(export(tmp_path, data))
    assert back.agenda[0].ended_at == datetime(2026, 5, 19, 13, 12)


def test_an_item_past_midnight(tmp_path: Path) -> None:
    data = workshop("en")
    data.agenda = [
        AgendaItem(1, "Late", 30, datetime(2026, 5, 19, 23, 40), datetime(2026, 5, 20, 0, 5))
    ]
    back = read_minutes(export(tmp_path, data))
    assert back.agenda == data.agenda


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13:00–13:25 Zahájení (plánováno 20 min)", ("Zahájení", 20, "13:00", "13:25")),
        ("13:00 - 13:25 Zahájení", ("Zahájení", 0, "13:00", "13:25")),
        ("9.00–9.30 Úvod (20 minut)", ("Úvod", 20, "09:00", "09:30")),
        ("1:00–1:25 pm Opening (planned 20 min)", ("Opening", 20, "13:00", "13:25")),
        ("11:30 am–12:10 pm Lunch (planned: 40 min.)", ("Lunch", 40, "11:30", "12:10")),
        ("2:05 pm Break (planned 15 min)", ("Break", 15, "14:05", None)),
        ("Diskuse (30 min)", ("Diskuse", 30, None, None)),
        ("Diskuse", ("Diskuse", 0, None, None)),
        ("Oběd (plánováno 9999 min)", ("Oběd", 1440, None, None)),
        ("25:00 Something", ("25:00 Something", 0, None, None)),
        ("13:00–", None),
        ("(20 min)", None),
    ],
)
def test_programme_lines_written_by_hand(
    line: str, expected: tuple[str, int, str | None, str | None] | None
) -> None:
    item = programme_item(line, date(2026, 5, 19), 1)
    if expected is None:
        assert item is None
        return
    assert item is not None
    title, minutes, start, end = expected
    assert (item.title, item.planned_minutes) == (title, minutes)
    assert (item.started_at.strftime("%H:%M") if item.started_at else None) == start
    assert (item.ended_at.strftime("%H:%M") if item.ended_at else None) == end


def test_a_hand_written_programme_and_table_of_tasks(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Pracovní skupina Doprava", 0)
    document.add_paragraph("Datum: 3. 6. 2026 od 9 do 12 hodin")
    document.add_heading("Program", 1)
    for line in ("9:00–9:20 Úvod", "9:20–10:40 Vize (60 min)", "Diskuse (30 min)"):
        document.add_paragraph(line, style="List Bullet")
    document.add_heading("Vize", 1)
    document.add_heading("Doprava", 2)
    document.add_paragraph("Doprava je dostupná.")
    document.add_heading("Návrhy aktivit", 1)
    document.add_paragraph("Cyklostezky", style="List Bullet")
    document.add_heading("Úkoly", 1)
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ("Úkol", "Odpovídá", "Do kdy", "Hotovo"),
            ("Zjistit náklady", "Petr", "15.6.2026", "ano"),
            ("Oslovit obce", "", "", ""),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "ručně.docx"
    document.save(str(path))
    data = read_minutes(path)
    assert data.agenda == [
        AgendaItem(1, "Úvod", 0, datetime(2026, 6, 3, 9), datetime(2026, 6, 3, 9, 20)),
        AgendaItem(2, "Vize", 60, datetime(2026, 6, 3, 9, 20), datetime(2026, 6, 3, 10, 40)),
        AgendaItem(3, "Diskuse", 30),
    ]
    assert data.tasks == [
        Task(1, "Zjistit náklady", "Petr", date(2026, 6, 15), True),
        Task(2, "Oslovit obce"),
    ]
    assert [t.name for t in data.themes] == ["Doprava"]
    assert [n.text for n in data.blocks[0].children] == ["Cyklostezky"]  # not the programme


any_text = st.text(st.characters(codec="utf-8"), max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(any_text, max_size=3),
    tasks=st.lists(st.tuples(any_text, any_text), max_size=3),
    minutes=st.integers(0, 1440),
)
def test_any_text_reads_back_into_a_valid_workshop(
    titles: list[str], tasks: list[tuple[str, str]], minutes: int
) -> None:
    data = workshop()
    data.agenda = [
        AgendaItem(i, title or "x", minutes, datetime(2026, 5, 19, 13, i))
        for i, title in enumerate(titles, start=1)
    ]
    data.tasks = [Task(i, text or "x", owner) for i, (text, owner) in enumerate(tasks, start=1)]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "minutes.docx"
        export_minutes(data, target, MinutesOptions())
        back = read_minutes(target)
        Document.create(Path(folder) / "back.workshop", back).close()
    parse_workshop(json.loads(json.dumps(workshop_to_json(back))))
    assert len(back.tasks) <= len(data.tasks)


# --- convert --------------------------------------------------------------------------------------


def test_convert_json_v2_to_minutes_and_back(tmp_path: Path) -> None:
    source = tmp_path / "v2.json"
    source.write_text(json.dumps(raw_v2(), ensure_ascii=False), encoding="utf-8")
    for output in ("zápis.docx", "zápis.md"):
        result = run_app("convert", source.name, output, "--lang", "en", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, "")
    markdown = (tmp_path / "zápis.md").read_text(encoding="utf-8")
    assert "## PROGRAMME\n\n1:00–1:12 pm Zahájení a představení (planned 10 min)" in markdown
    assert "| Task | Who | By when | Done |" in markdown
    result = run_app("convert", "zápis.docx", "next.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    back = json.loads((tmp_path / "next.json").read_text(encoding="utf-8"))
    expected = workshop_to_json(parse_workshop(raw_v2()))
    assert back["version"] == 3  # read from a version 2 file, written as the current version
    assert back["agenda"] == expected["agenda"]
    assert back["tasks"] == expected["tasks"]

"""JSON interchange v3 (and v1 and v2, which it still reads): the demo workshop (version 1),
an example of version 2 (the demo with a programme and tasks), one of version 3 (with a SWOT
and problems too) and generated workshops survive JSON → workshop → JSON, in memory, through
a .workshop file and through `convert`."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from child_processes import run_command_line
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workshop_state import as_exported

from facilitator_app.paths import demo_json
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.interchange import (
    dumps,
    parse_workshop,
    read_json_file,
    workshop_to_json,
)
from facilitator_app.workshop.model import Quadrant
from facilitator_app.workshop.store.storage import Storage

DEMO = demo_json()

# The demo workshop as version 2, with its programme as it ran and the tasks agreed.
AGENDA = [
    {
        "title": "Zahájení a představení",
        "planned_minutes": 10,
        "started_at": "2026-05-19T13:00",
        "ended_at": "2026-05-19T13:12:30",
    },
    {
        "title": "Vize: připomínky",
        "planned_minutes": 45,
        "started_at": "2026-05-19T13:12:30",
        "ended_at": "2026-05-19T14:05",
    },
    {"title": "Přestávka", "planned_minutes": 15, "started_at": "2026-05-19T14:05"},
    {"title": "Návrhy aktivit", "planned_minutes": 80},
    {"title": "Závěr", "planned_minutes": 0},
]
TASKS = [
    {
        "text": "Rozeslat zápis účastníkům",
        "owner": "Jana Nováková",
        "due": "2026-05-26",
        "done": False,
    },
    {"text": "Doplnit data o vodních zdrojích", "owner": "Povodí Labe", "done": True},
    {"text": "Svolat další jednání", "due": "2026-06-30", "done": False},
    {"text": "Ověřit rozpočet", "done": False},
]


def demo_v1() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    return loaded


# The first theme's SWOT and the problems the group found in it (version 3).
SWOT = [
    {"quadrant": "strengths", "text": "Spolehlivá přenosová soustava", "votes": 3},
    {"quadrant": "weaknesses", "text": "Zastaralé trafostanice", "note": "sever", "votes": 5},
    {"quadrant": "opportunities", "text": "Dotace na komunitní energetiku", "votes": 0},
    {"quadrant": "strengths", "text": "Zkušení montéři", "votes": 1},
    {"quadrant": "threats", "text": "Extrémní počasí", "votes": 4},
]
PROBLEMS = [
    {"text": "Síť nezvládne výkyvy počasí", "votes": 6, "sources": [4, 1]},
    {"text": "Chybí lidé", "votes": 0, "sources": []},
]


def example_v2() -> dict[str, Any]:
    document = demo_v1()
    document["version"] = 2
    document["agenda"] = copy.deepcopy(AGENDA)
    document["tasks"] = copy.deepcopy(TASKS)
    return document


def example_v3() -> dict[str, Any]:
    """The current version: the demo with a programme, tasks, a SWOT with problems and the
    date of the previous meeting."""
    document = as_exported(example_v2())
    document["workshop"]["previous_meeting"] = "2026-03-03"
    document["themes"][0]["swot"] = copy.deepcopy(SWOT)
    document["themes"][0]["problems"] = copy.deepcopy(PROBLEMS)
    return document


def convert(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_command_line("convert", *arguments, cwd=cwd)


# --- the demo workshop --------------------------------------------------------------------


def test_the_demo_stays_version_1() -> None:
    assert demo_v1()["version"] == 1


def test_demo_round_trip_in_memory() -> None:
    original = as_exported(demo_v1())
    assert workshop_to_json(read_json_file(DEMO)) == original
    # The keys keep their order: version 2 adds its lists at the end.
    assert list(workshop_to_json(read_json_file(DEMO))) == list(original)


def test_example_v2_reads_as_before() -> None:
    original = example_v2()
    assert workshop_to_json(parse_workshop(copy.deepcopy(original))) == as_exported(original)
    data = parse_workshop(copy.deepcopy(original))
    assert [item.planned_minutes for item in data.agenda] == [10, 45, 15, 80, 0]
    assert data.agenda[0].ended_at == datetime(2026, 5, 19, 13, 12, 30)
    assert data.agenda[3].started_at is None
    assert [task.done for task in data.tasks] == [False, True, False, False]
    assert str(data.tasks[0].due) == "2026-05-26"
    assert all(not t.swot and not t.problems for t in data.themes)
    assert data.details.previous_meeting is None


def test_example_v3_round_trip_in_memory() -> None:
    original = example_v3()
    assert workshop_to_json(parse_workshop(copy.deepcopy(original))) == original
    data = parse_workshop(copy.deepcopy(original))
    energy = data.themes[0]
    assert [(i.id, i.quadrant.value, i.votes) for i in energy.swot][:2] == [
        (1, "strengths", 3),
        (2, "weaknesses", 5),
    ]
    assert [i.text for i in energy.quadrant_items(Quadrant.STRENGTHS)] == [
        "Spolehlivá přenosová soustava",
        "Zkušení montéři",
    ]
    # A problem names its SWOT items by their places in the theme's list; in memory, by id.
    assert energy.problems[0].sources == [5, 2]
    assert data.details.previous_meeting == date(2026, 3, 3)


def test_example_v3_round_trip_through_a_workshop_file(tmp_path: Path) -> None:
    original = example_v3()
    Document.create(tmp_path / "v3.workshop", parse_workshop(copy.deepcopy(original))).close()
    assert workshop_to_json(Storage.read(tmp_path / "v3.workshop")) == original


def test_example_v3_round_trip_through_convert(tmp_path: Path) -> None:
    source = tmp_path / "v3.json"
    source.write_text(json.dumps(example_v3(), ensure_ascii=False, indent=2), encoding="utf-8")
    first = convert(source, "v3.workshop", cwd=tmp_path)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    second = convert("v3.workshop", "back.json", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
    back_text = (tmp_path / "back.json").read_text(encoding="utf-8")
    assert json.loads(back_text) == example_v3()
    assert back_text == dumps(read_json_file(source))
    # And once more: what the app wrote converts back to the same workshop.
    third = convert("back.json", "again.workshop", cwd=tmp_path)
    assert (third.returncode, third.stdout, third.stderr) == (0, "", "")
    assert workshop_to_json(Storage.read(tmp_path / "again.workshop")) == example_v3()


def test_demo_round_trip_through_a_workshop_file(tmp_path: Path) -> None:
    original = as_exported(demo_v1())
    Document.create(tmp_path / "demo.workshop", read_json_file(DEMO)).close()
    assert workshop_to_json(Storage.read(tmp_path / "demo.workshop")) == original
    document = Document.open(tmp_path / "demo.workshop")
    try:
        assert workshop_to_json(document.data) == original
    finally:
        document.close()


def test_demo_round_trip_through_convert(tmp_path: Path) -> None:
    first = convert(DEMO, "demo.workshop", cwd=tmp_path)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    second = convert("demo.workshop", "back.json", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
    original = as_exported(demo_v1())
    back_text = (tmp_path / "back.json").read_text(encoding="utf-8")
    assert json.loads(back_text) == original
    assert back_text == dumps(read_json_file(DEMO))
    # Reading the .workshop left nothing beside it and no temporary files anywhere.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["back.json", "demo.workshop"]


# --- generated workshops ------------------------------------------------------------------

PHRASES = [
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Vodní hospodářství",
    "ČŘŠŽÝÁÍÉŮÚĚŤĎŇ",
    "🎉",
    "👩‍👩‍👧",
    "🇨🇿",
    "„uvozovky“ – pomlčka…",
    "naïve café",
    "\n\n",
    "\n",
    " ",
    "\t",
    "a\u00a0b",
    "\u200b",
    "\x00",
    "\r\n",
]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.lists(st.sampled_from(PHRASES), max_size=4).map("".join),
)
NONEMPTY = TEXT.filter(bool)
DAYS = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))
VOTES = st.one_of(st.integers(0, 20), st.integers(0, 2**63 - 1))
# The years a workshop holds (others are refused on import).
MOMENTS = st.datetimes(
    min_value=datetime(MIN_YEAR, 1, 1), max_value=datetime(MAX_YEAR, 12, 31)
).map(lambda moment: moment.replace(microsecond=0))


@st.composite
def local_times(draw: st.DrawFn) -> str:
    moment = draw(MOMENTS)
    if moment.second or draw(st.booleans()):
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return moment.strftime("%Y-%m-%dT%H:%M")


LEAF_ACTIVITY = st.fixed_dictionaries({"text": NONEMPTY}, optional={"note": TEXT, "votes": VOTES})
ACTIVITIES = st.lists(
    st.recursive(
        LEAF_ACTIVITY,
        lambda children: st.builds(
            lambda base, kids: {**base, "children": kids}, LEAF_ACTIVITY, st.lists(children)
        ),
        max_leaves=12,
    ),
    max_size=4,
)
REMARK = st.fixed_dictionaries(
    {"text": NONEMPTY},
    optional={
        "author": TEXT,
        "organization": TEXT,
        "status": st.sampled_from(["pending", "accepted", "partly", "rejected", "noted"]),
        "response": TEXT,
    },
)
AGENDA_ITEM = st.fixed_dictionaries(
    {"title": NONEMPTY},
    optional={
        "planned_minutes": st.integers(0, 24 * 60),
        "started_at": st.none() | local_times(),
        "ended_at": st.none() | local_times(),
    },
)
TASK = st.fixed_dictionaries(
    {"text": NONEMPTY},
    optional={
        "owner": TEXT,
        "due": st.none() | DAYS.map(lambda day: day.isoformat()),
        "done": st.booleans(),
    },
)
ATTENDEE = st.fixed_dictionaries(
    {"name": NONEMPTY},
    optional={
        "organization": TEXT,
        "role": st.sampled_from(["participant", "organizer", "guest"]),
        "present": st.booleans(),
        "note": TEXT,
    },
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    workshop = draw(
        st.fixed_dictionaries(
            {"title": NONEMPTY, "starts_at": local_times()},
            optional={
                "ends_at": local_times(),
                "place": TEXT,
                "facilitator": TEXT,
                "organizer_label": TEXT,
                "language": st.sampled_from(["cs", "en"]),
                "vision_intro": TEXT,
            },
        )
    )
    names = draw(st.lists(NONEMPTY, max_size=5, unique=True))
    block_themes = st.lists(st.sampled_from(names), unique=True) if names else st.just([])
    themes = []
    for name in names:
        theme = draw(
            st.fixed_dictionaries(
                {"name": st.just(name)},
                optional={"vision": TEXT, "draft": TEXT, "comments": st.lists(REMARK, max_size=3)},
            )
        )
        themes.append(theme)
    blocks = draw(
        st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "themes": block_themes,
                    "activities": ACTIVITIES,
                },
            ),
            max_size=3,
        )
    )
    version = draw(st.sampled_from([1, 2]))
    document: dict[str, Any] = {"format": "facilitator-workshop", "version": version}
    document["workshop"] = workshop
    optional = {"attendees": st.lists(ATTENDEE, max_size=5)}
    if version >= 2:
        optional["agenda"] = st.lists(AGENDA_ITEM, max_size=5)
        optional["tasks"] = st.lists(TASK, max_size=5)
    for key, strategy in optional.items():
        if draw(st.booleans()):
            document[key] = draw(strategy)
    if themes or draw(st.booleans()):
        document["themes"] = themes
    if blocks or draw(st.booleans()):
        document["activity_blocks"] = blocks
    return document


def normalized(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every optional key filled in by its default, dates as datetimes."""
    w = document["workshop"]

    def moment(value: str | None) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)

    def activity(a: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": a["text"],
            "note": a.get("note", ""),
            "votes": a.get("votes", 0),
            "children": [activity(c) for c in a.get("children", [])],
        }

    return {
        "workshop": {
            "title": w["title"],
            "starts_at": datetime.fromisoformat(w["starts_at"]),
            "ends_at": datetime.fromisoformat(w["ends_at"]) if "ends_at" in w else None,
            "place": w.get("place", ""),
            "facilitator": w.get("facilitator", ""),
            "organizer_label": w.get("organizer_label", "ORK"),
            "language": w.get("language", "cs"),
            "vision_intro": w.get("vision_intro"),
        },
        "attendees": [
            {
                "name": a["name"],
                "organization": a.get("organization", ""),
                "role": a.get("role", "participant"),
                "present": a.get("present", True),
                "note": a.get("note", ""),
            }
            for a in document.get("attendees", [])
        ],
        "themes": [
            {
                "name": t["name"],
                "vision": t.get("vision", ""),
                "draft": t.get("draft"),
                "comments": [
                    {
                        "text": r["text"],
                        "author": r.get("author", ""),
                        "organization": r.get("organization", ""),
                        "status": r.get("status", "pending"),
                        "response": r.get("response", ""),
                    }
                    for r in t.get("comments", [])
                ],
            }
            for t in document.get("themes", [])
        ],
        "blocks": [
            {
                "themes": b.get("themes", []),
                "activities": [activity(a) for a in b.get("activities", [])],
            }
            for b in document.get("activity_blocks", [])
        ],
        "agenda": [
            {
                "title": a["title"],
                "planned_minutes": a.get("planned_minutes", 0),
                "started_at": moment(a.get("started_at")),
                "ended_at": moment(a.get("ended_at")),
            }
            for a in document.get("agenda", [])
        ],
        "tasks": [
            {
                "text": t["text"],
                "owner": t.get("owner", ""),
                "due": t.get("due"),
                "done": t.get("done", False),
            }
            for t in document.get("tasks", [])
        ],
    }


GENERATED = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@given(documents())
def test_generated_round_trip_in_memory(document: dict[str, Any]) -> None:
    exported = workshop_to_json(parse_workshop(json.loads(json.dumps(document))))
    assert normalized(exported) == normalized(document)
    # What the app writes it reads back exactly, keys in the same order.
    again = workshop_to_json(parse_workshop(exported))
    assert json.dumps(again, ensure_ascii=False) == json.dumps(exported, ensure_ascii=False)


@GENERATED
@given(documents())
def test_generated_round_trip_through_a_workshop_file(document: dict[str, Any]) -> None:
    text = json.dumps(document, ensure_ascii=bool(len(document["workshop"]["title"]) % 2))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.json"
        source.write_text(text, encoding="utf-8")
        data = read_json_file(source)
        Document.create(Path(folder) / "out.workshop", data).close()
        read_back = Storage.read(Path(folder) / "out.workshop")
    assert workshop_to_json(read_back) == workshop_to_json(data)
    assert normalized(workshop_to_json(read_back)) == normalized(document)


# --- details of the format ----------------------------------------------------------------


def minimal(version: int = 1, **workshop: Any) -> dict[str, Any]:
    return {
        "format": "facilitator-workshop",
        "version": version,
        "workshop": {"title": "T", "starts_at": "2026-05-19T13:00", **workshop},
    }


@pytest.mark.parametrize("version", [1, 2, 3])
def test_minimal_document_gets_its_defaults(version: int) -> None:
    exported = workshop_to_json(parse_workshop(minimal(version)))
    assert exported == {
        "format": "facilitator-workshop",
        "version": 3,
        "workshop": {
            "title": "T",
            "starts_at": "2026-05-19T13:00",
            "organizer_label": "ORK",
            "language": "cs",
        },
        "attendees": [],
        "themes": [],
        "activity_blocks": [],
        "agenda": [],
        "tasks": [],
    }


def test_swot_and_problems_get_their_defaults() -> None:
    document = {
        **minimal(3),
        "themes": [
            {
                "name": "A",
                "swot": [{"quadrant": "threats", "text": "Sucho"}],
                "problems": [{"text": "Voda"}],
            }
        ],
    }
    exported = workshop_to_json(parse_workshop(document))
    assert exported["themes"] == [
        {
            "name": "A",
            "vision": "",
            "comments": [],
            "swot": [{"quadrant": "threats", "text": "Sucho", "votes": 0}],
            "problems": [{"text": "Voda", "votes": 0, "sources": []}],
        }
    ]


def one_theme(version: int = 3, **keys: Any) -> dict[str, Any]:
    """A change to ``minimal()``: one theme with ``keys``."""
    return {"version": version, "themes": [{"name": "A", **keys}]}


def previous(version: int, value: str) -> dict[str, Any]:
    """A change to ``minimal()``: the date of the previous meeting."""
    details = {"title": "T", "starts_at": "2026-05-19T13:00", "previous_meeting": value}
    return {"version": version, "workshop": details}


THREAT = {"quadrant": "threats", "text": "x"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            previous(2, "2026-03-03"),
            "workshop.previous_meeting: unknown key in format version 2 (it needs version 3)",
        ),
        (
            {"version": 2, "themes": [{"name": "A"}, {"name": "B", "swot": []}]},
            "themes[1].swot: unknown key in format version 2 (it needs version 3)",
        ),
        (
            one_theme(1, problems=[]),
            "themes[0].problems: unknown key in format version 1 (it needs version 3)",
        ),
        (
            previous(3, "3. 3. 2026"),
            "workshop.previous_meeting: expected a date like 2026-05-26, got '3. 3. 2026'",
        ),
        (previous(3, "1850-03-03"), "workshop.previous_meeting: the year 1850 is not between"),
        (one_theme(swot=[{"text": "x"}]), "themes[0].swot[0].quadrant: required key is missing"),
        (
            one_theme(swot=[{**THREAT, "quadrant": "inside"}]),
            "themes[0].swot[0].quadrant: expected one of 'strengths', 'weaknesses'",
        ),
        (
            one_theme(swot=[{**THREAT, "text": ""}]),
            "themes[0].swot[0].text: expected a non-empty string",
        ),
        (
            one_theme(swot=[{**THREAT, "votes": -1}]),
            "themes[0].swot[0].votes: expected an integer of 0 or more",
        ),
        (one_theme(swot=[{**THREAT, "weight": 1}]), "themes[0].swot[0].weight: unknown key"),
        (
            one_theme(problems=[{"text": ""}]),
            "themes[0].problems[0].text: expected a non-empty string",
        ),
        (
            one_theme(problems=[{"text": "p", "votes": 1.5}]),
            "themes[0].problems[0].votes: expected an integer",
        ),
        (
            one_theme(problems=[{"text": "p", "sources": 0}]),
            "themes[0].problems[0].sources: expected a list",
        ),
        (
            one_theme(problems=[{"text": "p", "sources": [-1]}]),
            "themes[0].problems[0].sources[0]: expected an integer of 0 or more",
        ),
        (
            one_theme(swot=[THREAT], problems=[{"text": "p", "sources": [0, 1]}]),
            "themes[0].problems[0].sources[1]: the theme has no SWOT item 1 (its swot holds 1, "
            "counted from 0)",
        ),
        (
            one_theme(swot=[THREAT], problems=[{"text": "p", "sources": [0, 0]}]),
            "themes[0].problems[0].sources[1]: the SWOT item 0 is named twice",
        ),
    ],
)
def test_bad_swot_and_problems_name_the_place(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}"):
        parse_workshop({**minimal(), **change})


def test_agenda_and_tasks_get_their_defaults() -> None:
    document = {
        **minimal(2),
        "agenda": [{"title": "Úvod"}, {"title": "Vize", "started_at": None, "ended_at": None}],
        "tasks": [{"text": "Zápis"}, {"text": "Pozvánka", "owner": "", "due": None}],
    }
    exported = workshop_to_json(parse_workshop(document))
    assert exported["agenda"] == [
        {"title": "Úvod", "planned_minutes": 0},
        {"title": "Vize", "planned_minutes": 0},
    ]
    assert exported["tasks"] == [
        {"text": "Zápis", "done": False},
        {"text": "Pozvánka", "done": False},
    ]


def test_agenda_times_keep_their_seconds() -> None:
    document = {
        **minimal(2),
        "agenda": [
            {"title": "A", "started_at": "2026-05-19T13:00:00", "ended_at": "2026-05-19T13:20:05"}
        ],
    }
    item = workshop_to_json(parse_workshop(document))["agenda"][0]
    assert (item["started_at"], item["ended_at"]) == ("2026-05-19T13:00", "2026-05-19T13:20:05")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2026-05-19T13:00", "2026-05-19T13:00"),
        ("2026-05-19T13:00:00", "2026-05-19T13:00"),
        ("2026-05-19T13:00:59", "2026-05-19T13:00:59"),
    ],
)
def test_dates_keep_their_seconds(written: str, read: str) -> None:
    data = parse_workshop(minimal(starts_at=written, ends_at=written))
    assert workshop_to_json(data)["workshop"]["starts_at"] == read
    assert workshop_to_json(data)["workshop"]["ends_at"] == read


def test_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    source = tmp_path / "surrogate.json"
    text = json.dumps(minimal(title="x\ud800y", place="\udc00"))
    assert "\\ud800" in text
    source.write_text(text, encoding="utf-8")
    data = read_json_file(source)
    assert (data.details.title, data.details.place) == ("x\ufffdy", "\ufffd")
    Document.create(tmp_path / "ok.workshop", data).close()
    assert Storage.read(tmp_path / "ok.workshop").details.title == "x\ufffdy"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(minimal()).encode())
    assert read_json_file(source).details.title == "T"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "other"}, "format: expected 'facilitator-workshop'"),
        (
            {"version": 4},
            "version: this file is format version 4; this app reads up to version 3: update",
        ),
        ({"agenda": []}, "agenda: unknown key in format version 1 (it needs version 2)"),
        ({"tasks": [{"text": "a"}]}, "tasks: unknown key in format version 1"),
        ({"version": 2, "agenda": [{"planned_minutes": 5}]}, "agenda[0].title: required key"),
        ({"version": 2, "agenda": [{"title": ""}]}, "agenda[0].title: expected a non-empty"),
        (
            {"version": 2, "agenda": [{"title": "a", "planned_minutes": 1441}]},
            "agenda[0].planned_minutes: expected an integer of at most 1440",
        ),
        (
            {"version": 2, "agenda": [{"title": "a", "planned_minutes": True}]},
            "agenda[0].planned_minutes: expected an integer",
        ),
        (
            {"version": 2, "agenda": [{"title": "a"}, {"title": "b", "started_at": "13:00"}]},
            "agenda[1].started_at: expected a local date and time",
        ),
        (
            {"version": 2, "agenda": [{"title": "a", "ended_at": "2026-02-30T13:00"}]},
            "agenda[0].ended_at: '2026-02-30T13:00' is not a valid date and time",
        ),
        ({"version": 2, "agenda": [{"title": "a", "colour": 1}]}, "agenda[0].colour: unknown key"),
        ({"version": 2, "agenda": {"title": "a"}}, "agenda: expected a list"),
        ({"version": 2, "tasks": [{"text": "a", "done": "yes"}]}, "tasks[0].done: expected true"),
        ({"version": 2, "tasks": [{"text": "a", "owner": 5}]}, "tasks[0].owner: expected a string"),
        (
            {"version": 2, "tasks": [{"text": "a", "due": "2026-05-26T10:00"}]},
            "tasks[0].due: expected a date like 2026-05-26, got '2026-05-26T10:00'",
        ),
        (
            {"version": 2, "tasks": [{"text": "a", "due": "2026-02-30"}]},
            "tasks[0].due: '2026-02-30' is not a valid date",
        ),
        (
            {"version": 2, "tasks": [{"text": "a", "due": "5202-05-19"}]},
            "tasks[0].due: the year 5202 is not between 1900 and 2100",
        ),
        (
            {"version": 2, "agenda": [{"title": "a", "started_at": "1899-12-31T13:00"}]},
            "agenda[0].started_at: the year 1899 is not between 1900 and 2100",
        ),
        (
            {"workshop": {"title": "T", "starts_at": "5202-12-19T06:13"}},
            "workshop.starts_at: the year 5202 is not between 1900 and 2100",
        ),
        ({"version": "1"}, "version: expected an integer"),
        ({"version": 0}, "version: 0 is not a valid format version"),
        ({"workshop": {"title": "", "starts_at": "2026-05-19T13:00"}}, "workshop.title: expected"),
        ({"workshop": {"title": "T"}}, "workshop.starts_at: required key is missing"),
        ({"attendees": [{"name": "A", "present": 1}]}, "attendees[0].present: expected true"),
        ({"attendees": {"name": "A"}}, "attendees: expected a list"),
        ({"themes": [{"name": "A", "comments": [{"text": ""}]}]}, "themes[0].comments[0].text"),
        (
            {"activity_blocks": [{"activities": [{"text": "a", "votes": -1}]}]},
            "activity_blocks[0].activities[0].votes: expected an integer of 0 or more",
        ),
        (
            {"activity_blocks": [{"activities": [{"text": "a", "votes": 2**63}]}]},
            "activity_blocks[0].activities[0].votes: expected an integer of at most",
        ),
        (
            {"activity_blocks": [{"activities": [{"text": "a", "votes": 1.5}]}]},
            "activity_blocks[0].activities[0].votes: expected an integer",
        ),
        ({"activity_blocks": [{"themes": ["X"]}]}, "activity_blocks[0].themes[0]: no theme"),
        ({"extra": 1}, "extra: unknown key"),
        ({"\n": 1}, '["\\n"]: unknown key'),
        ({"attendees": [{"name": "a", "e\u0301 x": 1}]}, 'attendees[0]["e\\u0301 x"]: unknown key'),
    ],
)
def test_messages_name_the_place(change: dict[str, Any], message: str) -> None:
    document = {**minimal(), **change}
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        parse_workshop(document)


def test_not_an_object(tmp_path: Path) -> None:
    source = tmp_path / "list.json"
    source.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BadInputError, match="expected a JSON object"):
        read_json_file(source)


def test_moderate_nesting_round_trips(tmp_path: Path) -> None:
    activity: dict[str, Any] = {"text": "leaf"}
    for depth in range(150):
        activity = {"text": f"level {depth}", "children": [activity]}
    document = {**minimal(), "activity_blocks": [{"activities": [activity]}]}
    data = parse_workshop(document)
    Document.create(tmp_path / "deep.workshop", data).close()
    assert workshop_to_json(Storage.read(tmp_path / "deep.workshop")) == workshop_to_json(data)


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    text = json.dumps(minimal())[:-1] + ', "activity_blocks": [{"activities": ['
    source.write_text(text + '{"text": "x", "children": [' * 20000 + "]}" * 20000 + "]}]}")
    with pytest.raises(BadInputError, match="nested too deeply"):
        read_json_file(source)

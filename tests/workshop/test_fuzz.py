"""Fuzzing with hypothesis: random and mutated JSON documents into the importer, random bytes
into the JSON reader, random text (control characters and lone surrogates included) into every
exporter. The importer either refuses cleanly (one line naming the place) or returns a workshop
that the file stores, the JSON export writes, and the importer reads back unchanged; every
exporter writes a valid file.
"""

from __future__ import annotations

import copy
import itertools
import json
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_interchange import example_v2
from workshop_state import SAMPLE, full_state

from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.paths import demo_json
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.interchange import dumps, parse_workshop, read_json_file
from facilitator_app.workshop.model import (
    AgendaItem,
    Problem,
    Quadrant,
    SwotItem,
    Task,
    WorkshopData,
    storable_text,
)
from facilitator_app.workshop.store.storage import Storage

DEMO: dict[str, Any] = json.loads(demo_json().read_text(encoding="utf-8"))
DEMO_V2 = example_v2()  # version 2: the demo with a programme and tasks
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Text as hostile as it gets: every category, control characters and lone surrogates included.
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)
KEYS = (
    st.sampled_from(
        [
            "format",
            "version",
            "workshop",
            "title",
            "starts_at",
            "ends_at",
            "attendees",
            "name",
            "role",
            "present",
            "themes",
            "vision",
            "draft",
            "comments",
            "text",
            "status",
            "activity_blocks",
            "activities",
            "children",
            "votes",
            "note",
            "agenda",
            "planned_minutes",
            "started_at",
            "ended_at",
            "tasks",
            "owner",
            "due",
            "done",
        ]
    )
    | ANY_TEXT
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | ANY_TEXT
    | st.sampled_from(
        [
            "",
            "2026-05-19T13:00",
            "2026-02-30T10:00",
            "2026-05-26",
            "participant",
            "cs",
            "facilitator-workshop",
        ]
    )
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


def check_refusal(error: Exception) -> None:
    message = str(error)
    assert message.strip(), "an empty message"
    assert "\n" not in message, f"not one line: {message!r}"
    assert "Traceback" not in message


def check_accepted(data: WorkshopData, *, store: bool) -> None:
    """What the importer accepts, the JSON export writes and the importer reads back."""
    text = dumps(data)
    text.encode("utf-8")  # writable as UTF-8: no lone surrogate
    again = parse_workshop(json.loads(text))
    assert full_state(again) == full_state(data)
    if store:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.workshop"
            Document.create(path, data).close()
            assert full_state(Storage.read(path)) == full_state(data)


def import_or_refuse(raw: Any, *, store: bool = False) -> WorkshopData | None:
    try:
        data = parse_workshop(raw)
    except ValueError as error:
        check_refusal(error)
        return None
    check_accepted(data, store=store)
    return data


# --- the importer -------------------------------------------------------------------------------


@FUZZ
@given(JSON_VALUES)
def test_random_json_is_refused_cleanly(raw: Any) -> None:
    import_or_refuse(raw)


@FUZZ
@given(st.dictionaries(KEYS, JSON_VALUES, max_size=6), st.sampled_from([1, 2]))
def test_random_documents_with_the_right_header_are_refused_cleanly(
    body: dict[str, Any], version: int
) -> None:
    import_or_refuse({**body, "format": "facilitator-workshop", "version": version})


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a decoded JSON document, as a path of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The example workshop (or the test sample) with a few random changes anywhere in it."""
    document = copy.deepcopy(draw(st.sampled_from([DEMO, SAMPLE, DEMO_V2])))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        places = paths(document)
        place = draw(st.sampled_from(places[1:]))
        parent: Any = document
        for step in place[:-1]:
            parent = parent[step]
        last = place[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "duplicate", "text"]))
        if action == "replace":
            parent[last] = draw(JSON_VALUES)
        elif action == "text":
            parent[last] = draw(ANY_TEXT)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(KEYS)] = draw(JSON_VALUES)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
    return document


@FUZZ
@given(mutated_documents())
def test_mutated_documents_are_refused_cleanly_or_round_trip(document: dict[str, Any]) -> None:
    import_or_refuse(document)


@settings(FUZZ, max_examples=30)
@given(mutated_documents())
def test_what_the_importer_accepts_the_file_stores(document: dict[str, Any]) -> None:
    import_or_refuse(document, store=True)


@settings(FUZZ, max_examples=100)
@given(
    st.binary(max_size=300)
    | JSON_VALUES.map(lambda v: json.dumps(v).encode())
    | mutated_documents().map(lambda d: json.dumps(d, ensure_ascii=False).encode(errors="replace"))
)
def test_random_bytes_into_the_json_reader(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_bytes(content)
        try:
            data = read_json_file(path)
        except BadInputError as error:
            check_refusal(error)
            check_names_the_file(error, path)
            return
        check_accepted(data, store=False)


def check_names_the_file(error: BadInputError, path: Path) -> None:
    assert str(error).startswith(f"{path}: ")


# --- the exporters --------------------------------------------------------------------------------


@st.composite
def workshops_with_random_text(draw: st.DrawFn) -> WorkshopData:
    """The sample workshop with random text in every text field (required ones non-empty)."""
    data = parse_workshop(copy.deepcopy(SAMPLE))
    required = ANY_TEXT.filter(bool)
    details = data.details
    details.title = draw(required)
    details.place, details.facilitator, details.organizer_label = (
        draw(ANY_TEXT),
        draw(ANY_TEXT),
        draw(ANY_TEXT),
    )
    details.vision_intro = draw(st.none() | ANY_TEXT)
    for attendee in data.attendees:
        attendee.name = draw(required)
        attendee.organization, attendee.note = draw(ANY_TEXT), draw(ANY_TEXT)
    names: set[str] = set()
    earliest, latest = datetime(MIN_YEAR, 1, 1), datetime(MAX_YEAR, 12, 31, 23, 59)
    swot_ids, problem_ids = itertools.count(1), itertools.count(1)
    for theme in data.themes:
        theme.name = draw(required.filter(lambda name: storable_text(name) not in names))
        names.add(storable_text(theme.name))
        theme.vision = draw(ANY_TEXT)
        theme.draft = draw(st.none() | ANY_TEXT)
        for remark in theme.remarks:
            remark.text = draw(required)
            remark.author, remark.organization = draw(ANY_TEXT), draw(ANY_TEXT)
            remark.response = draw(ANY_TEXT)
        # A first meeting's SWOT and problems, in any quadrant, with random text and votes
        # (ids unique in the workshop, as the document's are).
        theme.swot = [
            SwotItem(
                next(swot_ids),
                draw(required),
                draw(st.sampled_from(list(Quadrant))),
                draw(ANY_TEXT),
                draw(st.integers(0, 99)),
            )
            for _ in range(draw(st.integers(0, 4)))
        ]
        ids = [item.id for item in theme.swot]
        theme.problems = [
            Problem(
                next(problem_ids),
                draw(required),
                draw(st.integers(0, 99)),
                draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [],
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    details.previous_meeting = draw(st.none() | st.dates(earliest.date(), latest.date()))
    for node in data.root.walk():
        if node.parent is not None and not node.is_block:
            node.text, node.note = draw(required), draw(ANY_TEXT)
    moments = st.none() | st.datetimes(earliest, latest).map(
        lambda moment: moment.replace(microsecond=0)
    )
    data.agenda = [
        AgendaItem(
            number, draw(required), draw(st.integers(0, 24 * 60)), draw(moments), draw(moments)
        )
        for number in range(1, draw(st.integers(0, 3)) + 1)
    ]
    data.tasks = [
        Task(
            number,
            draw(required),
            draw(ANY_TEXT),
            draw(st.none() | st.dates(earliest.date(), latest.date())),
            draw(st.booleans()),
        )
        for number in range(1, draw(st.integers(0, 3)) + 1)
    ]
    return data


def check_minutes(data: WorkshopData, suffix: str, options: MinutesOptions) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"minutes{suffix}"
        export_minutes(data, target, options)
        if suffix == ".docx":
            with zipfile.ZipFile(target) as package:
                assert package.testzip() is None
            docx.Document(str(target))  # parses every part's XML
        elif suffix == ".md":
            text = target.read_text(encoding="utf-8")  # strict UTF-8: no lone surrogate
            assert text.strip()
        else:
            assert target.read_bytes().startswith(b"%PDF")


OPTIONS = st.builds(
    MinutesOptions,
    public=st.booleans(),
    attendance=st.booleans(),
    language=st.sampled_from([None, "cs", "en"]),
    order_by_votes=st.booleans(),
)


@settings(FUZZ, max_examples=40)
@given(workshops_with_random_text(), OPTIONS)
def test_random_text_into_the_docx_minutes(data: WorkshopData, options: MinutesOptions) -> None:
    check_minutes(data, ".docx", options)


@settings(FUZZ, max_examples=60)
@given(workshops_with_random_text(), OPTIONS)
def test_random_text_into_the_markdown_minutes(data: WorkshopData, options: MinutesOptions) -> None:
    check_minutes(data, ".md", options)


@settings(FUZZ, max_examples=8)
@given(workshops_with_random_text(), OPTIONS)
def test_random_text_into_the_pdf_minutes(
    qapp: object, data: WorkshopData, options: MinutesOptions
) -> None:
    check_minutes(data, ".pdf", options)


@settings(FUZZ, max_examples=60)
@given(workshops_with_random_text())
def test_random_text_into_the_json_export(data: WorkshopData) -> None:
    text = dumps(data)
    encoded = text.encode("utf-8")  # a file can hold it
    again = read_back(encoded)
    # What comes back is what the file would have stored: lone surrogates became U+FFFD.
    assert [a.name for a in again.attendees] == [storable_text(a.name) for a in data.attendees]
    assert [t.vision for t in again.themes] == [storable_text(t.vision) for t in data.themes]
    assert [n.text for n in again.root.walk()] == [storable_text(n.text) for n in data.root.walk()]
    assert [a.title for a in again.agenda] == [storable_text(a.title) for a in data.agenda]
    assert [t.owner for t in again.tasks] == [storable_text(t.owner) for t in data.tasks]
    assert [(t.due, t.done) for t in again.tasks] == [(t.due, t.done) for t in data.tasks]


def read_back(content: bytes) -> WorkshopData:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.json"
        path.write_bytes(content)
        return read_json_file(path)


@settings(FUZZ, max_examples=25)
@given(workshops_with_random_text())
def test_random_text_into_the_file(data: WorkshopData) -> None:
    """The .workshop file takes any text too (and gives back what it can store)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.workshop"
        Document.create(path, data).close()
        stored = Storage.read(path)
        assert [a.name for a in stored.attendees] == [storable_text(a.name) for a in data.attendees]
        assert [a.title for a in stored.agenda] == [storable_text(a.title) for a in data.agenda]
        assert [(a.started_at, a.ended_at) for a in stored.agenda] == [
            (a.started_at, a.ended_at) for a in data.agenda
        ]
        assert [t.text for t in stored.tasks] == [storable_text(t.text) for t in data.tasks]
        assert [(t.owner, t.due) for t in stored.tasks] == [
            (storable_text(t.owner), t.due) for t in data.tasks
        ]

"""Hostile input everywhere.

- Every way the window opens or imports a file shows, in a dialog, the very message
  ``convert`` prints for the same file (and opens nothing).
- Text pasted or typed into the activities, the vision and the attendees — control characters,
  a megabyte, emoji, right-to-left text, lone surrogates, a staircase of indentation — never
  crashes the window, reaches the file, and every export (docx, Markdown, PDF, JSON) stays
  valid: the .docx opens again in python-docx and the JSON imports again.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_bad_input import JSON_CASES, WORKSHOP_CASES, write_json_case
from workshop_state import full_state

from facilitator_app import cli
from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.paths import demo_json
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import dumps, parse_workshop, read_json_file
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.store.storage import Storage

DEMO = demo_json()

CONTROL = "a\x00b\x01c\x07d\x08e\x0bf\x0cg\x1bh\x7fi\x85j\u2028k\u2029l\ufeffm\ufffen\uffffo"
EMOJI = "👩‍👩‍👧‍👦 🇨🇿 🌲🔥 🏳️‍🌈 é = e\u0301"
RTL = "مرحبا بالعالم — עברית \u202eoiduA\u202c \u200f(RTL)\u200e"
SURROGATES = "lone \ud800 high, lone \udfff low, pair as two \ud83d\ude00, reversed \ude00\ud83d"
MEGABYTE = ("Kraj 🌲 " * 8 + "\n") * 12_000  # about 1 MB, in 12,000 lines
HOSTILE = {
    "control": CONTROL,
    "emoji": EMOJI,
    "rtl": RTL,
    "surrogates": SURROGATES,
    "megabyte": MEGABYTE,
}


pytestmark = pytest.mark.usefixtures("data_dir")  # the app's data folder of the test's own


@pytest.fixture
def window(window_factory):
    return window_factory(size=(1200, 800))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages of the warning dialogs shown (none is really shown)."""
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: messages.append(args[2]))
    return messages


def convert_message(source: Path, output: str) -> str:
    """What ``convert`` prints for ``source``, without its "facilitator-app: " prefix."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = cli.convert([str(source), str(source.parent / output)])
    assert status == 2
    [line] = stderr.getvalue().splitlines()
    return line.removeprefix("facilitator-app: ")


def page(window, name: str):
    index = {"details": 0, "attendees": 1, "vision": 2, "activities": 3}[name]
    window.sections.setCurrentIndex(index)
    return window.page(name) if hasattr(window, "page") else window.pages[name]


# --- opening and importing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [pytest.param(content, id=case) for case, content, _ in JSON_CASES]
)
def test_opening_bad_json_shows_converts_message(
    window, shown, tmp_path: Path, content: Any, monkeypatch
) -> None:
    source = write_json_case(tmp_path, content)
    expected = convert_message(source, "out.workshop")
    before = sorted(p.name for p in tmp_path.iterdir())
    # File ▸ Import JSON… and File ▸ Open… both come to the same place.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(source), ""))
    window.actionImportJson.trigger()
    window.actionOpen.trigger()
    assert shown == [expected, expected]
    assert window.session is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("make", [pytest.param(make, id=case) for case, make, _ in WORKSHOP_CASES])
def test_opening_a_bad_workshop_shows_converts_message(
    window, shown, tmp_path: Path, good_workshop: Path, make, monkeypatch
) -> None:
    source = make(good_workshop, tmp_path)
    expected = convert_message(source, "out.json")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(source), ""))
    window.actionOpen.trigger()
    assert shown == [expected]
    assert window.session is None
    # Nothing beside it (no lock file, no -wal), the file untouched.
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("name", ["missing.workshop", "missing.json", "notes.txt", "folder.json"])
def test_other_bad_paths_show_converts_message(window, shown, tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    if name == "notes.txt":
        source.write_text("just notes", encoding="utf-8")
    if name == "folder.json":
        source.mkdir()
    expected = convert_message(source, "out.workshop")
    assert not window.open_path(source)
    assert shown == [expected]


@pytest.mark.parametrize(
    "content", [b"", b"PK\x03\x04 not really a zip", b"\x00" * 100, b"<p>html</p>"]
)
def test_importing_bad_minutes_shows_converts_message(
    window, shown, tmp_path: Path, content: bytes, monkeypatch
) -> None:
    source = tmp_path / "minutes.docx"
    source.write_bytes(content)
    expected = convert_message(source, "out.workshop")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(source), ""))
    window.import_minutes()
    assert shown == [expected]
    assert window.session is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"]


def test_a_recent_file_that_went_bad_shows_converts_message(
    window, shown, tmp_path: Path, good_workshop: Path
) -> None:
    from PySide6.QtCore import Qt

    path = tmp_path / "recent.workshop"
    path.write_bytes(good_workshop.read_bytes())
    assert window.open_path(path)
    window.close_workshop()
    path.write_bytes(b"garbage" * 100)
    expected = convert_message(path, "out.json")
    item = window.recent_list.item(0)
    assert Path(item.data(Qt.ItemDataRole.UserRole)) == path.resolve()
    window.recent_list.itemActivated.emit(item)
    assert shown == [expected.replace(str(path), str(path.resolve()))]


def test_the_command_line_file_gets_converts_message(tmp_path: Path) -> None:
    from facilitator_app.gui.app import check_file_argument

    source = tmp_path / "in.json"
    source.write_bytes(b'{"format": "facilitator-workshop", "version": 1, "workshop": []}')
    assert check_file_argument(source) == convert_message(source, "out.workshop")


def test_a_hostile_attendee_file_gets_a_message(window, shown, tmp_path, good_workshop) -> None:
    path = tmp_path / "w.workshop"
    path.write_bytes(good_workshop.read_bytes())
    assert window.open_path(path)
    attendees = page(window, "attendees")
    for content in (b"\x00\xff\xfe" * 1000, b"Name;Role\n;boss\n", b"Name\tRole\nJan\tboss\n"):
        csv = tmp_path / "people.csv"
        csv.write_bytes(content)
        assert attendees.import_csv(csv) == []
    assert len(shown) == 3
    assert all(message.strip() for message in shown)


# --- pasted and typed text -------------------------------------------------------------------


def check_exports(data: WorkshopData, folder: Path, *, pdf: bool = True) -> None:
    """Every export of ``data`` is valid: docx opens, Markdown is text, PDF is a PDF, JSON
    imports again with the same content."""
    folder.mkdir(exist_ok=True)
    suffixes = [".docx", ".md", *([".pdf"] if pdf else [])]
    for suffix in suffixes:
        target = folder / f"minutes{suffix}"
        export_minutes(data, target, MinutesOptions(attendance=True))
        if suffix == ".docx":
            with zipfile.ZipFile(target) as package:
                assert package.testzip() is None
            document = docx.Document(str(target))
            assert document.paragraphs
        elif suffix == ".md":
            assert target.read_text(encoding="utf-8").strip()
        else:
            assert target.read_bytes().startswith(b"%PDF")
    text = dumps(data)
    again = parse_workshop(json.loads(text))
    assert full_state(again)["themes"] == full_state(data)["themes"]
    assert [n.text for n in again.root.walk()] == [n.text for n in data.root.walk()]
    assert [a.name for a in again.attendees] == [a.name for a in data.attendees]


@pytest.fixture
def opened(window, tmp_path: Path, good_workshop: Path):
    path = tmp_path / "w.workshop"
    path.write_bytes(good_workshop.read_bytes())
    assert window.open_path(path)
    return window


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_pasted_into_activities(opened, tmp_path: Path, kind: str) -> None:
    window = opened
    activities = page(window, "activities")
    text = HOSTILE[kind]
    QGuiApplication.clipboard().setText(text)
    before = sum(1 for _ in window.session.document.data.root.walk())
    activities.paste()
    document = window.session.document
    after = sum(1 for _ in document.data.root.walk())
    assert after > before
    # Undo and redo of a long paste are one step each, and quick (one change for the views).
    window.undo_action.trigger()
    assert sum(1 for _ in document.data.root.walk()) == before
    window.redo_action.trigger()
    assert sum(1 for _ in document.data.root.walk()) == after
    assert document.flush()
    assert full_state(Storage.read(document.path)) == full_state(document.data)
    check_exports(document.data, tmp_path / "out", pdf=kind != "megabyte")


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_typed_and_pasted_into_the_vision(
    qtbot, opened, tmp_path: Path, kind: str
) -> None:
    from facilitator_app.gui.sections.vision.text_editors import type_vision

    window = opened
    vision = page(window, "vision")
    session = window.session
    text = HOSTILE[kind]
    # Pasted into the editor (Qt's own path: the clipboard, the editor, the binding)…
    vision.visionEdit.setFocus()
    vision.visionEdit.insertPlainText(text)
    # …and the same text sent straight as typing, as any future editor might.
    theme = session.document.theme(vision.theme_id)
    assert type_vision(session, theme.id, theme.vision + text, "Edit")
    qtbot.waitUntil(lambda: session.document.is_saved, timeout=3000)
    stored = Storage.read(session.path)
    assert full_state(stored) == full_state(session.document.data)
    assert "\ud800" not in stored.themes[0].vision  # lone halves became U+FFFD
    check_exports(session.document.data, tmp_path / "out", pdf=kind != "megabyte")


@pytest.mark.parametrize("kind", ["control", "emoji", "rtl", "surrogates"])
def test_hostile_rows_pasted_into_the_attendees(opened, shown, tmp_path: Path, kind: str) -> None:
    window = opened
    attendees = page(window, "attendees")
    text = HOSTILE[kind]
    rows = "\n".join(f"{text} {n}\t{text}\tparticipant" for n in range(3))
    attendees.paste(rows)
    document = window.session.document
    assert document.flush()
    assert full_state(Storage.read(document.path)) == full_state(document.data)
    check_exports(document.data, tmp_path / "out")


def test_a_staircase_of_indentation_pasted_as_activities(opened, tmp_path: Path) -> None:
    window = opened
    activities = page(window, "activities")
    document = window.session.document
    refusals: list[str] = []
    window.session.refused.connect(refusals.append)
    # Deeper than Python's recursion limit: refused as a whole, with a reason.
    before = full_state(document.data)
    QGuiApplication.clipboard().setText("\n".join(" " * n + f"level {n}" for n in range(1500)))
    activities.paste()
    assert refusals == ["activities can be nested at most 199 levels deep"]
    assert full_state(document.data) == before
    # As deep as the app goes: kept, and every export (JSON too) is valid.
    QGuiApplication.clipboard().setText("\n".join(" " * n + f"level {n}" for n in range(190)))
    activities.paste()
    assert max(node.depth for node in document.data.root.walk()) >= 190
    assert document.flush()
    assert full_state(Storage.read(document.path)) == full_state(document.data)
    check_exports(document.data, tmp_path / "out", pdf=False)


def test_the_tree_stops_at_its_depth_whichever_way_it_grows(tmp_path: Path) -> None:
    from facilitator_app.workshop.errors import InvalidOperationError
    from facilitator_app.workshop.model import MAX_DEPTH
    from facilitator_app.workshop.operations import Indent, InsertNodes, MoveNodes, new_activity

    document = Document.create(tmp_path / "deep.workshop", read_json_file(DEMO))
    try:
        block = document.data.blocks[0]
        chain = new_activity(document, "level 2")
        node = chain
        for level in range(3, MAX_DEPTH + 1):
            child = new_activity(document, f"level {level}")
            child.parent, child.position = node, 0
            node.children.append(child)
            node = child
        document.apply(InsertNodes(block.id, 0, (chain,)))
        deepest = document.node(node.id)
        assert deepest.depth == MAX_DEPTH
        with pytest.raises(InvalidOperationError, match="at most 199 levels"):
            document.apply(InsertNodes(deepest.id, 0, (new_activity(document, "one more"),)))
        sibling = new_activity(document, "sibling")
        document.apply(InsertNodes(deepest.parent.id, 1, (sibling,)))
        before = full_state(document.data)
        with pytest.raises(InvalidOperationError, match="at most 199 levels"):
            document.apply(Indent((sibling.id,)))  # under "deepest": one level too deep
        with pytest.raises(InvalidOperationError, match="at most 199 levels"):
            document.apply(MoveNodes((chain.id,), block.children[1].id, 0))  # a level deeper
        assert full_state(document.data) == before
        assert document.flush()
        assert full_state(Storage.read(document.path)) == before
        again = parse_workshop(json.loads(dumps(document.data)))
        assert max(n.depth for n in again.root.walk()) == MAX_DEPTH
        too_deep = json.loads(dumps(document.data))
        leaf = too_deep["activity_blocks"][0]["activities"][0]
        while leaf.get("children"):
            leaf = leaf["children"][0]
        leaf["children"] = [{"text": "one more"}]
        with pytest.raises(ValueError, match="nested too deeply"):
            parse_workshop(too_deep)
    finally:
        document.close()


def test_a_megabyte_in_the_details(opened, tmp_path: Path) -> None:
    window = opened
    session = window.session
    session.set_text(Kind.DETAILS, 0, "place", MEGABYTE + SURROGATES + CONTROL, "Edit place")
    assert session.flush()
    assert Storage.read(session.path).details.place.startswith(MEGABYTE)
    check_exports(session.document.data, tmp_path / "out", pdf=False)

"""Bad input to `facilitator-app convert`, each run as a separate process: exit status 2, one
line on stderr that names the file (and the place, for JSON), no traceback, nothing written,
the input untouched."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from child_processes import run_command_line
from workshop_state import as_exported, with_sql

from facilitator_app.paths import demo_json

DEMO = demo_json()
DEMO_DOC: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
# The demo (format version 1) as the app writes it: the current version, every list written.
DEMO_EXPORTED: dict[str, Any] = as_exported(DEMO_DOC)


run = partial(run_command_line, errors="replace")  # convert's refusals, whatever their bytes


def demo_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    document = copy.deepcopy(DEMO_DOC)
    change(document)
    return document


def activity(document: dict[str, Any], *path: int) -> dict[str, Any]:
    """activity_blocks[0].activities[path[0]].children[path[1]]…"""
    node: dict[str, Any] = document["activity_blocks"][0]["activities"][path[0]]
    for index in path[1:]:
        node = node.setdefault("children", [{"text": "x"}])[index]
    return node


def set_in(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change setting the value at a dotted path such as ``attendees[1].present``."""

    def change(document: dict[str, Any]) -> None:
        parts = path.replace("[", ".").replace("]", "").split(".")
        target: Any = document
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return change


def without(path: str, key: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for part in path.split("."):
            target = target[part]
        del target[key]

    return change


def child_text(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        activity(document, 1, 0)["text"] = value

    return change


# (case id, the JSON document or raw bytes, what the message must say)
JSON_CASES: list[tuple[str, Any, str]] = [
    ("not-json", b'{"format": "facilitator-workshop", ', "not valid JSON"),
    ("not-json-text", b"hello", "not valid JSON"),
    ("not-utf8", b'{"format": "\xff"}', "not UTF-8"),
    ("utf8-encoded-surrogate", b'{"format": "\xed\xa0\x80"}', "not UTF-8"),
    ("empty-json", b"", "not valid JSON"),
    ("top-level-list", b"[]", "expected a JSON object"),
    ("wrong-format", demo_with(set_in("format", "facilitator-minutes")), "format: expected"),
    ("missing-format", demo_with(lambda d: d.pop("format")), "format"),
    ("newer-version", demo_with(set_in("version", 4)), "version: this file is format version 4"),
    (
        "version-1-with-agenda",
        demo_with(set_in("agenda", [{"title": "Úvod", "planned_minutes": 10}])),
        "agenda: unknown key in format version 1",
    ),
    (
        "planned-minutes-negative",
        demo_with(lambda d: d.update(version=2, agenda=[{"title": "Úvod", "planned_minutes": -5}])),
        "agenda[0].planned_minutes: expected an integer of 0 or more",
    ),
    (
        "task-due-czech",
        demo_with(lambda d: d.update(version=2, tasks=[{"text": "Zápis", "due": "26. 5. 2026"}])),
        "tasks[0].due: expected a date like 2026-05-26",
    ),
    ("version-as-text", demo_with(set_in("version", "1")), "version: expected an integer"),
    (
        "title-wrong-type",
        demo_with(set_in("workshop.title", 5)),
        "workshop.title: expected a string",
    ),
    (
        "title-empty",
        demo_with(set_in("workshop.title", "")),
        "workshop.title: expected a non-empty",
    ),
    ("starts-missing", demo_with(without("workshop", "starts_at")), "workshop.starts_at: required"),
    (
        "present-not-bool",
        demo_with(set_in("attendees[1].present", "yes")),
        "attendees[1].present: expected true or false",
    ),
    (
        "attendee-name-empty",
        demo_with(set_in("attendees[0].name", "")),
        "attendees[0].name: expected a non-empty string",
    ),
    (
        "attendee-role",
        demo_with(set_in("attendees[2].role", "boss")),
        "attendees[2].role: expected one of",
    ),
    (
        "theme-name-null",
        demo_with(set_in("themes[2].name", None)),
        "themes[2].name: expected a string",
    ),
    (
        "theme-name-empty",
        demo_with(set_in("themes[1].name", "")),
        "themes[1].name: expected a non-empty string",
    ),
    (
        "remark-text-empty",
        demo_with(set_in("themes[0].comments", [{"text": ""}])),
        "themes[0].comments[0].text: expected a non-empty string",
    ),
    (
        "remark-status",
        demo_with(set_in("themes[0].comments", [{"text": "a", "status": "done"}])),
        "themes[0].comments[0].status: expected one of",
    ),
    (
        "child-text-empty",
        demo_with(child_text("")),
        "activity_blocks[0].activities[1].children[0].text: expected a non-empty string",
    ),
    (
        "child-text-number",
        demo_with(child_text(7)),
        "activity_blocks[0].activities[1].children[0].text: expected a string",
    ),
    (
        "votes-text",
        demo_with(lambda d: activity(d, 0, 2).update(votes="3")),
        "activity_blocks[0].activities[0].children[2].votes: expected an integer",
    ),
    (
        "votes-negative",
        demo_with(lambda d: activity(d, 3).update(votes=-1)),
        "activity_blocks[0].activities[3].votes: expected an integer of 0 or more",
    ),
    (
        "votes-huge",
        demo_with(lambda d: activity(d, 3).update(votes=2**64)),
        "activity_blocks[0].activities[3].votes: expected an integer of at most",
    ),
    (
        "activities-not-list",
        demo_with(set_in("activity_blocks[0].activities", "x")),
        "activity_blocks[0].activities: expected a list",
    ),
    (
        "block-theme-empty",
        demo_with(set_in("activity_blocks[0].themes[0]", "")),
        "activity_blocks[0].themes[0]: expected a non-empty string",
    ),
    ("unknown-key-top", demo_with(set_in("extra", True)), "extra: unknown key"),
    (
        "unknown-key-workshop",
        demo_with(set_in("workshop.titel", "x")),
        "workshop.titel: unknown key",
    ),
    (
        "unknown-key-activity",
        demo_with(lambda d: activity(d, 0, 1).update(colour="red")),
        "activity_blocks[0].activities[0].children[1].colour: unknown key",
    ),
    (
        "unknown-theme",
        demo_with(set_in("activity_blocks[0].themes[1]", "Doprava")),
        "activity_blocks[0].themes[1]: no theme is named 'Doprava'",
    ),
    (
        "theme-twice-in-block",
        demo_with(set_in("activity_blocks[0].themes[1]", "Bezpečnost")),
        "activity_blocks[0].themes[1]: the theme 'Bezpečnost' is named twice",
    ),
    (
        "duplicate-theme",
        demo_with(set_in("themes[3].name", "Energetika")),
        "themes[3].name: the theme 'Energetika' is named twice",
    ),
    (
        "date-czech",
        demo_with(set_in("workshop.starts_at", "19. 5. 2026 13:00")),
        "workshop.starts_at: expected a local date and time",
    ),
    (
        "date-only",
        demo_with(set_in("workshop.starts_at", "2026-05-19")),
        "workshop.starts_at: expected a local date and time",
    ),
    (
        "date-with-zone",
        demo_with(set_in("workshop.starts_at", "2026-05-19T13:00+02:00")),
        "workshop.starts_at: expected a local date and time",
    ),
    (
        "date-impossible",
        demo_with(set_in("workshop.starts_at", "2026-02-30T13:00")),
        "workshop.starts_at: '2026-02-30T13:00' is not a valid date",
    ),
    (
        "end-date-empty",
        demo_with(set_in("workshop.ends_at", "")),
        "workshop.ends_at: expected a local date and time",
    ),
    (
        "end-date-number",
        demo_with(set_in("workshop.ends_at", 1716116400)),
        "workshop.ends_at: expected a string",
    ),
    (
        "language",
        demo_with(set_in("workshop.language", "de")),
        "workshop.language: expected one of",
    ),
    (
        "nested-too-deeply",
        b'{"format": "facilitator-workshop", "version": 1, "workshop": {"title": "T", '
        b'"starts_at": "2026-05-19T13:00"}, "activity_blocks": [{"activities": ['
        + b'{"text": "x", "children": [' * 3000
        + b"]}" * 3000
        + b"]}]}",
        "nested too deeply",
    ),
]


def write_json_case(folder: Path, content: Any) -> Path:
    path = folder / "in.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _written(folder: Path, content: bytes) -> Path:
    """The input file of a case, ``in.workshop`` in ``folder``, holding ``content``."""
    target = folder / "in.workshop"
    target.write_bytes(content)
    return target


def _copy(good: Path, folder: Path) -> Path:
    return _written(folder, good.read_bytes())


def empty_file(good: Path, folder: Path) -> Path:
    return _written(folder, b"")


def truncated(good: Path, folder: Path) -> Path:
    return _written(folder, good.read_bytes()[: good.stat().st_size // 2])


def truncated_header(good: Path, folder: Path) -> Path:
    return _written(folder, good.read_bytes()[:60])


def not_sqlite(good: Path, folder: Path) -> Path:
    return _written(folder, "Zápis z pracovní skupiny\n".encode())


def json_named_workshop(good: Path, folder: Path) -> Path:
    return _written(folder, DEMO.read_bytes())


def foreign_sqlite(good: Path, folder: Path) -> Path:
    return with_sql(
        folder / "in.workshop",
        "CREATE TABLE bookmark (url TEXT)",
        "INSERT INTO bookmark VALUES ('https://example.org')",
    )


def foreign_sqlite_with_our_tables(good: Path, folder: Path) -> Path:
    """Our tables but not our application_id: still not ours."""
    return with_sql(_copy(good, folder), "PRAGMA application_id = 1234")


def newer_schema(good: Path, folder: Path) -> Path:
    return with_sql(_copy(good, folder), "PRAGMA user_version = 99")


def damaged_pages(good: Path, folder: Path) -> Path:
    target = _copy(good, folder)
    content = bytearray(target.read_bytes())
    page = 4096
    content[page : len(content)] = b"\xa5" * (len(content) - page)
    target.write_bytes(bytes(content))
    return target


def no_workshop_row(good: Path, folder: Path) -> Path:
    target = _copy(good, folder)
    with sqlite3.connect(target) as connection:
        connection.execute("DELETE FROM workshop")
    connection.close()
    return target


WORKSHOP_CASES: list[tuple[str, Callable[[Path, Path], Path], str]] = [
    ("empty", empty_file, "the file is empty"),
    ("truncated", truncated, "the file is truncated"),
    ("truncated-header", truncated_header, "the file is truncated"),
    ("not-sqlite", not_sqlite, "not a workshop file (it is not an SQLite database)"),
    ("json-named-workshop", json_named_workshop, "not a workshop file"),
    ("other-application", foreign_sqlite, "an SQLite database of another application"),
    ("other-application-id", foreign_sqlite_with_our_tables, "of another application"),
    ("newer-schema", newer_schema, "made by a newer version of the app (file version 99"),
    ("damaged", damaged_pages, "damaged"),
    ("no-details", no_workshop_row, "damaged"),
]


def folder_input(folder: Path, suffix: str) -> Path:
    target = folder / f"in{suffix}"
    target.mkdir()
    (target / "inside.txt").write_text("x", encoding="utf-8")
    return target


def fingerprint(path: Path) -> Any:
    if path.is_dir():
        return sorted((p.name, p.read_bytes()) for p in path.iterdir())
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_refused(folder: Path, source: Path, output: str, *expected: str) -> str:
    """Run convert SOURCE OUTPUT in ``folder`` and check every promise of a refusal."""
    before_listing = sorted(p.name for p in folder.iterdir())
    before = fingerprint(source)
    result = run("convert", source.name, output, cwd=folder)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    [line] = lines
    assert line.startswith("facilitator-app: "), line
    assert source.name in line, line
    for text in expected:
        assert text in line, line
    assert not (folder / output).exists()
    assert sorted(p.name for p in folder.iterdir()) == before_listing  # no temporary files
    assert fingerprint(source) == before
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{source}{suffix}").exists()
    return line


@pytest.mark.parametrize(
    ("content", "expected"),
    [pytest.param(content, expected, id=case) for case, content, expected in JSON_CASES],
)
def test_bad_json(tmp_path: Path, content: Any, expected: str) -> None:
    source = write_json_case(tmp_path, content)
    check_refused(tmp_path, source, "out.workshop", "in.json: ", expected)


@pytest.mark.parametrize(
    ("make", "expected"),
    [pytest.param(make, expected, id=case) for case, make, expected in WORKSHOP_CASES],
)
def test_bad_workshop(
    tmp_path: Path, good_workshop: Path, make: Callable[[Path, Path], Path], expected: str
) -> None:
    source = make(good_workshop, tmp_path)
    check_refused(tmp_path, source, "out.json", "in.workshop: ", expected)


@pytest.mark.parametrize("suffix", [".json", ".workshop", ""])
def test_a_folder(tmp_path: Path, suffix: str) -> None:
    source = folder_input(tmp_path, suffix)
    check_refused(tmp_path, source, "out.json" if suffix == ".workshop" else "out.workshop")


@pytest.mark.parametrize("name", ["missing.json", "missing.workshop"])
def test_a_missing_file(tmp_path: Path, name: str) -> None:
    line = check_refused(tmp_path, tmp_path / name, "out.md" if name.endswith("n") else "o.json")
    assert "no such file" in line


def test_an_unknown_input_suffix(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    shutil.copyfile(DEMO, source)
    check_refused(tmp_path, source, "out.workshop", "cannot read .txt")


@pytest.mark.parametrize("output", ["out.txt", "out", "missing-folder/out.workshop"])
def test_an_output_that_cannot_be_written(tmp_path: Path, output: str) -> None:
    source = tmp_path / "in.json"
    shutil.copyfile(DEMO, source)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("convert", "in.json", output, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert output in line
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d\\ud83d"])
def test_a_lone_surrogate_is_replaced_or_refused(tmp_path: Path, escape: str) -> None:
    text = json.dumps(DEMO_DOC).replace('"title": "', f'"title": "{escape}', 1)
    assert escape in text
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    result = run("convert", "in.json", "out.workshop", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        back = run("convert", "out.workshop", "back.json", cwd=tmp_path)
        assert back.returncode == 0, back.stderr
        title = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))["workshop"][
            "title"
        ]
        inserted = "".join(
            "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in json.loads(f'"{escape}"')
        )
        assert title == inserted + DEMO_DOC["workshop"]["title"]
    else:
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1
        assert not (tmp_path / "out.workshop").exists()


# --- overwriting, --version, imports ------------------------------------------------------


@pytest.mark.parametrize("output", ["out.workshop", "out.json"])
def test_refuses_to_overwrite_without_force(tmp_path: Path, output: str) -> None:
    source = tmp_path / "in.json"
    shutil.copyfile(DEMO, source)
    existing = tmp_path / output
    existing.write_bytes(b"precious")
    result = run("convert", "in.json", output, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert output in line
    assert "--force" in line
    assert existing.read_bytes() == b"precious"

    forced = run("convert", "in.json", output, "--force", cwd=tmp_path)
    assert (forced.returncode, forced.stderr) == (0, "")
    assert existing.read_bytes() != b"precious"
    back = run("convert", output, "back.json", cwd=tmp_path) if output.endswith("p") else None
    if back is not None:
        assert back.returncode == 0
        assert json.loads((tmp_path / "back.json").read_text(encoding="utf-8")) == DEMO_EXPORTED
    else:
        assert json.loads(existing.read_text(encoding="utf-8")) == DEMO_EXPORTED
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"in.json", output} | ({"back.json"} if back is not None else set())
    )


def test_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    shutil.copyfile(DEMO, source)
    result = run("convert", "in.json", "in.json", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert "is the input file" in result.stderr
    assert source.read_bytes() == DEMO.read_bytes()


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("facilitator-app ")
    assert result.stdout.split()[1][0].isdigit()


@pytest.mark.parametrize(
    ("source", "output"), [("in.json", "out.workshop"), ("in.workshop", "out.json")]
)
def test_convert_never_imports_qt(
    tmp_path: Path, good_workshop: Path, source: str, output: str
) -> None:
    shutil.copyfile(DEMO, tmp_path / "in.json")
    shutil.copyfile(good_workshop, tmp_path / "in.workshop")
    result = run("convert", source, output, cwd=tmp_path, flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    assert "import time:" in result.stderr
    imported = [
        line for line in result.stderr.splitlines() if "PySide6" in line or "shiboken" in line
    ]
    assert imported == []


def test_a_refusal_never_imports_qt(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text("{", encoding="utf-8")
    result = run("convert", "in.json", "out.workshop", cwd=tmp_path, flags=("-X", "importtime"))
    assert result.returncode == 2
    assert "PySide6" not in result.stderr

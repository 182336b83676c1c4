"""Big imports: progress reports, cancelling without leftovers, the limits of what the app
holds, and the imported data kept as the open workshop (no second copy read back)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from workshop_state import SAMPLE, full_state

from facilitator_app import cli
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.interchange import (
    parse_workshop,
    parsing,
    read_json_file,
    reading,
    workshop_to_json,
)
from facilitator_app.workshop.progress import STEPS, Cancelled, Split
from facilitator_app.workshop.store.storage import Storage


def many_activities(count: int, *, per_parent: int = 10) -> dict[str, Any]:
    """A workshop of ``count`` activities in one block, ``per_parent`` children each."""
    activities: list[dict[str, Any]] = []
    parents: list[list[dict[str, Any]]] = [activities]
    made = 0
    while made < count:
        siblings = parents.pop(0)
        for _ in range(per_parent):
            if made == count:
                break
            activity: dict[str, Any] = {"text": f"Aktivita {made}", "votes": made % 4}
            made += 1
            siblings.append(activity)
            activity["children"] = []
            parents.append(activity["children"])
    return {
        "format": "facilitator-workshop",
        "version": 2,
        "workshop": {"title": "Velký", "starts_at": "2026-05-19T13:00"},
        "activity_blocks": [{"activities": activities}],
    }


def write_json(path: Path, document: dict[str, Any], *, ascii_only: bool = False) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=ascii_only), encoding="utf-8")
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- progress ------------------------------------------------------------------------------


def test_reading_reports_growing_progress_to_the_end(tmp_path: Path) -> None:
    source = write_json(tmp_path / "in.json", many_activities(20_000))
    reports: list[tuple[int, int]] = []
    data = read_json_file(source, lambda done, total: reports.append((done, total)))
    assert sum(1 for _ in data.root.walk()) == 20_000 + 2  # the root, one block
    values = [done for done, _ in reports]
    assert values == sorted(values)
    assert len(set(values)) > 5
    assert {total for _, total in reports} == {STEPS}
    assert reports[-1] == (STEPS, STEPS)


def test_writing_reports_every_row_up_to_the_total(tmp_path: Path) -> None:
    data = parse_workshop(many_activities(10_000))
    reports: list[tuple[int, int]] = []
    Document.write_new(tmp_path / "out.workshop", data, lambda *report: reports.append(report))
    values = [done for done, _ in reports]
    assert values == sorted(values)
    assert len(values) > 1
    assert reports[-1] == (10_001, 10_001)  # a row for the block and one for each activity


def test_split_moves_through_each_part_in_turn_never_back() -> None:
    reports: list[int] = []
    split = Split(lambda done, total: reports.append(done), (1, 3))
    first, second = split.part(0), split.part(1)
    first(1, 2)
    first(2, 2)
    second(0, 10)  # the start of the second part: where the first ended, so nothing new
    second(5, 10)
    first(1, 2)  # an earlier part again never moves the bar back
    second(10, 10)
    assert reports == [125, 250, 625, 1000]


# --- cancelling ----------------------------------------------------------------------------


def cancel_after(calls: int):
    """A progress callback that cancels at its ``calls``-th report."""
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) >= calls:
            raise Cancelled

    return progress


def test_cancelling_while_writing_leaves_nothing_behind(tmp_path: Path) -> None:
    data = parse_workshop(many_activities(20_000))
    target = tmp_path / "out.workshop"
    with pytest.raises(Cancelled):
        Document.write_new(target, data, cancel_after(2))  # rows half written
    assert files_in(tmp_path) == []  # no workshop, no temporary file, no -wal, no -shm


def test_cancelling_leaves_a_file_it_would_replace_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.workshop"
    Document.create(target, parse_workshop(copy.deepcopy(SAMPLE))).close()
    before = target.read_bytes()
    with pytest.raises(Cancelled):
        Document.write_new(target, parse_workshop(many_activities(20_000)), cancel_after(2))
    assert files_in(tmp_path) == ["out.workshop"]
    assert target.read_bytes() == before


def test_cancelling_an_import_stops_it_while_reading(tmp_path: Path) -> None:
    source = write_json(tmp_path / "in.json", many_activities(20_000))
    progress = cancel_after(3)
    with pytest.raises(Cancelled):
        Document.create_from(tmp_path / "out.workshop", read_json_file(source, progress))
    assert files_in(tmp_path) == ["in.json"]


# --- the limits ----------------------------------------------------------------------------


def test_more_activities_than_the_app_holds_are_refused_before_any_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "MAX_ACTIVITIES", 1000)
    document = many_activities(1001)
    document["activity_blocks"][0]["activities"][-1]["votes"] = -1  # never looked at
    source = write_json(tmp_path / "in.json", document)
    with pytest.raises(BadInputError) as refused:
        read_json_file(source)
    assert str(refused.value) == (
        f"{source}: holds 1 001 activities; the app holds at most 1 000 activities"
    )
    assert len(read_json_file(write_json(source, many_activities(1000))).blocks[0].children) == 10


def test_a_file_bigger_than_the_app_imports_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 2_000_000)
    source = tmp_path / "in.json"
    source.write_bytes(b"not JSON at all" + b" " * 2_500_000)
    with pytest.raises(BadInputError) as refused:
        read_json_file(source)
    assert str(refused.value) == f"{source}: is 3 MB; the app imports JSON files of at most 2 MB"


def test_convert_refuses_too_many_activities_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(parsing, "MAX_ACTIVITIES", 100)
    source = write_json(tmp_path / "in.json", many_activities(101))
    assert cli.main(["convert", str(source), str(tmp_path / "out.workshop")]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"facilitator-app: {source}: holds 101 activities; the app holds at most 100 activities\n",
    )
    assert files_in(tmp_path) == ["in.json"]


def test_convert_refuses_a_file_over_the_size_limit_at_once(tmp_path: Path) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:  # sparse: nothing of it is on the disk
        handle.truncate(reading.MAX_FILE_BYTES + 1)
    result = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "convert", "huge.json", "out.workshop"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    limit = f"{reading.MAX_FILE_BYTES // 1_000_000:,}".replace(",", " ")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"facilitator-app: huge.json: is 251 MB; the app imports JSON files of at most {limit} MB\n"
    )
    assert files_in(tmp_path) == ["huge.json"]


# --- the imported data is the open workshop ------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        SAMPLE,
        many_activities(500, per_parent=3),
        {**SAMPLE, "workshop": {**SAMPLE["workshop"], "title": "x\ud800y \U0001f3af"}},
    ],
    ids=["sample", "deep", "escaped-surrogates"],
)
def test_an_import_keeps_what_a_fresh_open_of_its_file_reads(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    source = write_json(tmp_path / "in.json", document, ascii_only=True)
    imported = Document.create_from(tmp_path / "out.workshop", read_json_file(source))
    try:
        assert imported.just_created
        assert full_state(imported.data) == full_state(Storage.read(imported.path))
        assert workshop_to_json(imported.data) == workshop_to_json(Storage.read(imported.path))
    finally:
        imported.close()
    assert files_in(tmp_path) == ["in.json", "out.workshop"]  # closed: no -wal, no -shm

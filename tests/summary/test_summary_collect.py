"""Reading a region's files: groups by title, rounds by date, bad files skipped with their
reasons, progress and cancelling; persons matched by name and organisation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from summary_helpers import TRANSPORT, write_region

from facilitator_app.summary import Doubt, summarise
from facilitator_app.summary.people import match_people
from facilitator_app.workshop.model import Attendee
from facilitator_app.workshop.progress import Cancelled


@pytest.fixture(scope="module")
def region_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_region(tmp_path_factory.mktemp("region")).paths


def test_groups_by_title_and_rounds_by_date(region_paths: list[Path]) -> None:
    summary = summarise(list(reversed(region_paths)))  # the order given does not matter
    assert summary.errors == ()
    transport = next(group for group in summary.groups if group.title == TRANSPORT)
    assert [(m.round, m.path.name) for m in transport.meetings] == [
        (1, "transport-1.json"),
        (2, "transport-2.workshop"),
        (3, "transport-3.docx"),  # minutes read back
    ]
    assert [m.index for m in summary.meetings] == list(range(len(region_paths)))


def test_a_bad_file_is_skipped_with_its_reason(region_paths: list[Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    not_minutes = tmp_path / "notes.docx"
    not_minutes.write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "a.txt").write_text("notes", encoding="utf-8")
    paths = [broken, *region_paths, tmp_path / "missing.workshop", not_minutes, tmp_path / "a.txt"]
    summary = summarise(paths)
    reasons = {error.path.name: error.reason for error in summary.errors}
    assert set(reasons) == {"broken.json", "missing.workshop", "notes.docx", "a.txt"}
    assert reasons["missing.workshop"] == "no such file"
    assert "cannot read .txt" in reasons["a.txt"]
    assert all(reason for reason in reasons.values())
    assert len(summary.meetings) == len(region_paths)  # the rest is summarised


def test_a_file_given_twice_and_a_second_file_of_the_same_day(
    region_paths: list[Path], tmp_path: Path
) -> None:
    copy = tmp_path / "transport-1-copy.json"
    shutil.copyfile(region_paths[2], copy)
    summary = summarise([*region_paths, region_paths[0], copy])
    assert [(e.path, e.template) for e in summary.errors] == [
        (region_paths[0], "is given more than once"),
        (copy, "is the same group's meeting of the same day as %1"),
    ]
    assert summary.errors[1].values == (region_paths[2],)
    assert len(summary.meetings) == len(region_paths)


def test_progress_hears_every_file_and_cancel_stops(region_paths: list[Path]) -> None:
    heard: list[tuple[int, int, Path]] = []
    summarise(region_paths, progress=lambda done, total, path: heard.append((done, total, path)))
    total = len(region_paths)
    assert heard == [(n, total, path) for n, path in enumerate(region_paths, 1)]
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        summarise(region_paths, cancelled=cancelled)
    assert len(asked) == 3


def roster(*people: tuple[str, str]) -> list[Attendee]:
    return [Attendee(n, name, organisation) for n, (name, organisation) in enumerate(people, 1)]


def test_persons_match_by_name_and_organisation_exactly() -> None:
    people = match_people(
        [
            roster(("Jana  Nováková", "Krajský úřad"), ("Karel Malý", "")),
            roster(("Jana Nováková", "Krajský úřad"), ("Karel Malý", "")),
            # "e" and a combining caron: the same name as "ě" once composed
            roster(("Jana Nováková", "Krajský úřad "), ("Zdene\u030ck Horák", "Obec")),
            roster(("Zdeněk Horák", "Obec")),
        ]
    )
    assert [(p.name, sorted(p.attendance)) for p in people.persons] == [
        ("Jana Nováková", [0, 1, 2]),
        ("Karel Malý", [0, 1]),
        ("Zdeněk Horák", [2, 3]),
    ]
    assert people.uncertain == ()


def test_uncertain_matches_are_listed_not_guessed() -> None:
    people = match_people(
        [
            roster(("Eva Černá", "ČSAD"), ("Jan Svoboda", "ZŠ"), ("Petr Dvořák", "Obec")),
            roster(("EVA ČERNÁ", "ČSAD"), ("Jan Svoboda", "TUL"), ("Petr Dvořák", "")),
            roster(("Martin Král", "A"), ("Martin Král", "B")),  # two people at one meeting
        ]
    )
    assert len(people.persons) == 8  # nobody merged
    found = {
        tuple(sorted((p.name, p.organisation) for p in match.persons)): match.doubts
        for match in people.uncertain
    }
    assert found == {
        (("EVA ČERNÁ", "ČSAD"), ("Eva Černá", "ČSAD")): {Doubt.SPELLING},
        (("Jan Svoboda", "TUL"), ("Jan Svoboda", "ZŠ")): {Doubt.ORGANISATION},
        (("Petr Dvořák", ""), ("Petr Dvořák", "Obec")): {Doubt.NO_ORGANISATION},
    }

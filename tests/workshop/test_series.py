"""The next meeting of a group, made from this one: what is carried over and what is not."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from minutes_helpers import demo_raw, with_swot
from test_interchange import example_v2

from facilitator_app.workshop.interchange import dumps, parse_workshop
from facilitator_app.workshop.model import WorkshopData, snapshot
from facilitator_app.workshop.series import next_meeting, proposed_start
from facilitator_app.workshop.store.files import write_new
from facilitator_app.workshop.store.storage import Storage

NEXT = datetime(2026, 6, 2, 13, 0)


def first_meeting() -> WorkshopData:
    raw = with_swot(example_v2())
    raw["themes"][0]["comments"] = [{"text": "Doplnit vodík", "status": "accepted"}]
    raw["workshop"]["ends_at"] = "2026-05-19T16:30"
    raw["activity_blocks"][0]["activities"][0]["votes"] = 4
    return parse_workshop(raw)


def test_the_details_carry_over_with_the_new_date_and_the_previous_one() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    assert made.details.title == data.details.title
    assert (made.details.place, made.details.facilitator) == (
        data.details.place,
        data.details.facilitator,
    )
    assert made.details.language == data.details.language
    assert made.details.starts_at == NEXT
    assert made.details.ends_at == datetime(2026, 6, 2, 16, 30)  # as long as the first one
    assert made.details.previous_meeting == date(2026, 5, 19)


def test_attendees_come_as_not_present_yet_with_their_roles() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    assert [(a.name, a.organization, a.role) for a in made.attendees] == [
        (a.name, a.organization, a.role) for a in data.attendees
    ]
    assert not any(attendee.present for attendee in made.attendees)
    assert any(attendee.present for attendee in data.attendees)  # the original untouched


def test_the_final_vision_becomes_the_draft_and_remarks_stay_behind() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    for old, new in zip(data.themes, made.themes, strict=True):
        assert (new.id, new.name, new.vision, new.draft) == (
            old.id,
            old.name,
            old.vision,
            old.vision,
        )
        assert new.remarks == []
    assert data.themes[0].remarks  # still in the first meeting


def test_the_swot_and_problems_are_kept_as_copies() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    assert made.themes[0].swot == data.themes[0].swot
    assert made.themes[0].problems == data.themes[0].problems
    made.themes[0].swot[0].text = "změněno"
    made.themes[0].problems[0].sources.append(99)
    assert data.themes[0].swot[0].text != "změněno"
    assert 99 not in data.themes[0].problems[0].sources


def test_the_activities_come_without_votes() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    old = [(n.id, n.text, n.note, n.theme_ids) for n in data.root.walk()]
    assert [(n.id, n.text, n.note, n.theme_ids) for n in made.root.walk()] == old
    assert any(node.votes for node in data.root.walk())
    assert not any(node.votes for node in made.root.walk())
    assert all(child.parent is node for node in made.root.walk() for child in node.children)


def test_the_programme_is_new_and_only_open_tasks_carry_over() -> None:
    data = first_meeting()
    made = next_meeting(data, NEXT)
    assert data.agenda
    assert made.agenda == []
    assert [task.text for task in made.tasks] == [t.text for t in data.tasks if not t.done]
    assert any(task.done for task in data.tasks)


def test_the_next_meeting_is_proposed_two_weeks_on_at_the_same_time() -> None:
    assert proposed_start(first_meeting()) == datetime(2026, 6, 2, 13, 0)


def test_the_next_meeting_is_a_valid_workshop_in_json_and_in_its_file(tmp_path: Path) -> None:
    made = next_meeting(first_meeting(), NEXT)
    again = parse_workshop(json.loads(dumps(made)))
    assert snapshot(again) == snapshot(made)
    target = tmp_path / "druhé jednání.workshop"
    write_new(target, made)
    assert snapshot(Storage.read(target)) == snapshot(made)


def test_a_series_of_three_keeps_the_first_meetings_swot_and_the_latest_date() -> None:
    second = next_meeting(parse_workshop(with_swot(demo_raw())), NEXT)
    third = next_meeting(second, datetime(2026, 6, 16, 13, 0))
    assert third.details.previous_meeting == date(2026, 6, 2)
    assert third.themes[0].swot == second.themes[0].swot

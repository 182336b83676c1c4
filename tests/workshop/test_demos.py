"""The demo workshops: one working group's first meeting (problems and SWOT) and the one after
(vision and activities), both read without a complaint and shipped with the app."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator_app.cli import gui_parser
from facilitator_app.paths import DEFAULT_DEMO, DEMOS, demo_json
from facilitator_app.workshop.interchange import read_json_file
from facilitator_app.workshop.model import Quadrant


@pytest.mark.parametrize("name", list(DEMOS))
def test_every_demo_reads(name: str) -> None:
    data = read_json_file(demo_json(name))
    assert data.themes
    assert data.details.title == read_json_file(demo_json()).details.title  # one group


def test_the_first_meeting_has_a_swot_and_problems_in_every_theme() -> None:
    data = read_json_file(demo_json("first-meeting"))
    assert data.details.starts_at.date() == date(2026, 4, 21)
    assert data.details.previous_meeting is None
    for theme in data.themes:
        assert {item.quadrant for item in theme.swot} == set(Quadrant), theme.name
        assert theme.problems, theme.name
        assert all(problem.sources for problem in theme.problems), theme.name
        assert any(item.votes for item in theme.swot)
        assert any(item.note for theme in data.themes for item in theme.swot)
    assert not data.blocks  # the activities come two meetings later
    assert [t.name for t in data.themes] == [t.name for t in read_json_file(demo_json()).themes]


def test_the_demo_option_names_a_demo_or_takes_the_default() -> None:
    parser = gui_parser()
    assert parser.parse_args(["--demo"]).demo == DEFAULT_DEMO
    assert parser.parse_args(["--demo", "first-meeting"]).demo == "first-meeting"
    assert parser.parse_args([]).demo is None
    with pytest.raises(SystemExit):
        parser.parse_args(["--demo", "nonsense"])

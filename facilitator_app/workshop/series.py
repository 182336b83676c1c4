"""One group's meetings as a series: the next meeting's workshop, made from this one.

A working group meets three times: the problems and the SWOT, then the vision, then the
activities. Each meeting starts from what the last one left, so ``next_meeting`` carries over:

- the title, place, facilitator, organisers' label, language and the vision's own intro;
- the attendees, each marked not present yet (the facilitator ticks who comes); roles,
  organisations and notes kept;
- every theme, its final vision becoming both the new draft and the text the group starts
  from, so the new meeting's redline shows what it changed;
- the SWOT and problems, for reference (the Analysis section shows them read-only);
- the activity tree, without its votes (they were that meeting's dot votes);
- the tasks not done yet.

It leaves behind the remarks (they were settled at that meeting, and the minutes recorded
them), the programme (a meeting has its own) and the tasks done. The new workshop records the
date it came from in ``previous_meeting``; its minutes name it.

Qt-free, and the original is never changed: everything is copied.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime, timedelta

from facilitator_app.workshop.model import (
    Node,
    Theme,
    WorkshopData,
    detached_copy,
    renumber_children,
)

# The next meeting is proposed at the same weekday and time, this many days later.
DAYS_TO_NEXT_MEETING = 14


def proposed_start(data: WorkshopData) -> datetime:
    """When the next meeting is proposed to start: the same time, two weeks on."""
    return data.details.starts_at + timedelta(days=DAYS_TO_NEXT_MEETING)


def next_meeting(data: WorkshopData, starts_at: datetime) -> WorkshopData:
    """The next meeting of the group that met in ``data``, starting at ``starts_at``."""
    details = data.details
    ends_at = (
        starts_at + (details.ends_at - details.starts_at) if details.ends_at is not None else None
    )
    return WorkshopData(
        details=replace(
            details,
            starts_at=starts_at,
            ends_at=ends_at,
            previous_meeting=details.starts_at.date(),
        ),
        attendees=[replace(attendee, present=False) for attendee in data.attendees],
        themes=[_carried_theme(theme) for theme in data.themes],
        root=_tree_without_votes(data.root),
        agenda=[],
        tasks=[
            replace(task, id=number)
            for number, task in enumerate((t for t in data.tasks if not t.done), start=1)
        ],
    )


def _carried_theme(theme: Theme) -> Theme:
    return Theme(
        theme.id,
        theme.name,
        vision=theme.vision,
        draft=theme.vision,
        remarks=[],
        swot=[replace(item) for item in theme.swot],
        problems=[copy.deepcopy(problem) for problem in theme.problems],
    )


def _tree_without_votes(root: Node) -> Node:
    tree = detached_copy(root)
    for node in tree.walk():
        node.votes = 0
        renumber_children(node)
    return tree

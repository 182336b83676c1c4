"""The meeting's programme while it runs: which item is on, starting and ending items (no Qt).

The facilitator starts an agenda item when the room turns to it; the app records the actual
times (``started_at``, ``ended_at``: local time, to the second) and counts the planned minutes
down. Every helper here builds an operation for ``Document.apply`` (one undo step each) from
the document as it is now, and changes nothing itself; ``now`` is always passed in, so that
the clock is the caller's (and the tests').

At most one item runs at a time: starting one ends the one that was running, at the same
moment. Starting an item again (one that ran before, or the one running) restarts it: its
start becomes ``now`` and its end is cleared.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import AgendaItem, WorkshopData
from facilitator_app.workshop.operations import Batch, InsertRecord, Operation, SetFields

if TYPE_CHECKING:
    from facilitator_app.workshop.document import Document


def is_running(item: AgendaItem) -> bool:
    """Started and not yet ended."""
    return item.started_at is not None and item.ended_at is None


def current_item(data: WorkshopData) -> AgendaItem | None:
    """The item that is running (started, not ended); None when none is.

    Should more than one be running (their times edited by hand), the one started last wins,
    and of those started at the same moment, the later one in the programme.
    """
    running = [item for item in data.agenda if is_running(item)]
    if not running:
        return None
    return max(reversed(running), key=lambda item: item.started_at or datetime.min)


def elapsed_seconds(item: AgendaItem, now: datetime) -> float:
    """How long the item has run: until its end when it ended, until ``now`` while it runs,
    0 when it has not started (never negative)."""
    if item.started_at is None:
        return 0.0
    end = item.ended_at if item.ended_at is not None else now
    return max(0.0, (end - item.started_at).total_seconds())


def remaining_seconds(item: AgendaItem, now: datetime) -> float:
    """Planned minus elapsed time, in seconds; negative when the item runs over.

    An item not started yet has its whole planned time left; an ended item keeps what was left
    when it ended (negative: how much it ran over).
    """
    return item.planned_minutes * 60 - elapsed_seconds(item, now)


def _end_running(data: WorkshopData, now: datetime, keep: int | None = None) -> list[Operation]:
    """Operations that end every running item (but ``keep``) at ``now``."""
    steps: list[Operation] = []
    for item in data.agenda:
        if is_running(item) and item.id != keep:
            assert item.started_at is not None
            # A clock set back while the item ran must not end it before it started.
            steps.append(SetFields(Kind.AGENDA, item.id, {"ended_at": max(now, item.started_at)}))
    return steps


def start_item(doc: Document, item_id: int, now: datetime) -> Operation:
    """Start ``item_id`` at ``now``, ending the item that runs (at ``now``); one undo step.

    An item that ran before, or runs now, starts again: its start is ``now``, its end cleared.
    """
    item = doc.agenda_item(item_id)  # InvalidOperationError for an unknown id
    steps = _end_running(doc.data, now, keep=item_id)
    values: dict[str, Any] = {"started_at": now}
    if item.ended_at is not None:
        values["ended_at"] = None
    steps.append(SetFields(Kind.AGENDA, item_id, values))
    return Batch(tuple(steps))


def stop_current(doc: Document, now: datetime) -> Operation | None:
    """End the running item at ``now``; None when no item runs."""
    steps = _end_running(doc.data, now)
    return Batch(tuple(steps)) if steps else None


def following_item(data: WorkshopData) -> AgendaItem | None:
    """The item ``next_item`` would start: the one after the running item, or, with none
    running, the first that has not started yet; None when there is none."""
    current = current_item(data)
    if current is not None:
        position = data.agenda.index(current)
        return data.agenda[position + 1] if position + 1 < len(data.agenda) else None
    return next((item for item in data.agenda if item.started_at is None), None)


def next_item(doc: Document, now: datetime) -> Operation | None:
    """End the running item and start the one after it, both at ``now``; one undo step.

    With no item running, the first item not started yet starts. After the last item, this
    only ends it. None when there is nothing to end and nothing to start.
    """
    following = following_item(doc.data)
    if following is None:
        return stop_current(doc, now)
    return start_item(doc, following.id, now)


def new_agenda_item(doc: Document, title: str, planned_minutes: int = 0) -> AgendaItem:
    """A detached agenda item with a fresh id, ready for ``InsertRecord``."""
    return AgendaItem(doc.new_id(Kind.AGENDA), title, planned_minutes)


def insert_agenda_items(
    doc: Document, items: Sequence[tuple[str, int]], position: int | None = None
) -> Operation:
    """Insert items given as (title, planned minutes) at ``position`` (default: the end), in
    order; one undo step."""
    start = len(doc.data.agenda) if position is None else position
    if not 0 <= start <= len(doc.data.agenda):
        raise InvalidOperationError(f"position {start} is outside the programme")
    return Batch(
        tuple(
            InsertRecord(Kind.AGENDA, 0, start + offset, new_agenda_item(doc, title, minutes))
            for offset, (title, minutes) in enumerate(items)
        )
    )

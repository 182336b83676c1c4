"""The tables of minutes, known by their header rows: remarks, tasks and the attendance list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator_app.minutes.read.dates import dates_in
from facilitator_app.minutes.read.vocabulary import (
    ATTENDANCE_COLUMNS,
    DONE,
    EXCUSED,
    REMARK_COLUMNS,
    STATUSES,
    TASK_COLUMNS,
    word_key,
)
from facilitator_app.minutes.read.words import Table
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.model import Attendee, Remark, RemarkStatus, Role, Task

Cells = dict[str, str]  # a row's cells by what their column means ("text", "who"…)
# Tried in this order: the meaning a table must have a column for, with one more at least.
_KINDS = (
    ("remarks", REMARK_COLUMNS, "text"),
    ("tasks", TASK_COLUMNS, "text"),
    ("attendance", ATTENDANCE_COLUMNS, "name"),
)


def _columns(header: list[str], words: dict[str, tuple[str, ...]]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = word_key(cell)
        for meaning, names in words.items():
            if key in names and meaning not in columns:
                columns[meaning] = index
    return columns


def read_table(table: Table) -> tuple[str, list[Cells]] | None:
    """("remarks", "tasks" or "attendance", the rows below the header); None for any other
    table."""
    if not table.rows:
        return None
    header, rows = table.rows[0], table.rows[1:]
    for kind, words, needed in _KINDS:
        columns = _columns(header, words)
        if needed in columns and len(columns) >= 2:
            return kind, [
                {meaning: row[i] if i < len(row) else "" for meaning, i in columns.items()}
                for row in rows
            ]
    return None


def task_from(cells: Cells, task_id: int) -> Task | None:
    """The task of a row of the tasks table; None for a row without its text."""
    text = clean_text(cells["text"].strip())
    if not text:
        return None
    days = dates_in(cells.get("due", ""))
    return Task(
        task_id,
        text,
        one_line(cells.get("owner", "")),
        days[0][2] if days else None,
        word_key(cells.get("done", "")) in DONE,
    )


def attendee_from(cells: Cells, attendee_id: int) -> Attendee | None:
    """The attendee of a row of the attendance list; None for a row without a name."""
    name = one_line(cells["name"])
    if not name:
        return None
    return Attendee(
        id=attendee_id,
        name=name,
        organization=one_line(cells.get("organization", "")),
        present=not word_key(cells.get("present", "")).startswith(EXCUSED),
    )


def remark_from(cells: Cells, remark_id: int, attendees: Sequence[Attendee]) -> Remark:
    """The remark of a row of the remarks table (one with its text)."""
    author, organization = split_who(one_line(cells.get("who", "")), attendees)
    return Remark(
        remark_id,
        clean_text(cells.get("text", "").strip()),
        author.strip(),
        organization.strip(),
        STATUSES.get(word_key(cells.get("status", "")), RemarkStatus.PENDING),
        clean_text(cells.get("response", "").strip()),
    )


def split_who(who: str, attendees: Sequence[Attendee]) -> tuple[str, str]:
    """(author, organisation) from ``Jan Novák, KÚLK``, ``Jan Novák`` or ``KÚLK``.

    A single value is the author unless it is only known as an organisation in the
    attendance list (public minutes print the organisation alone).
    """
    author, _, organization = who.partition(", ")
    if not organization:
        names = {attendee.name for attendee in attendees}
        organizations = {attendee.organization for attendee in attendees}
        if author in organizations and author not in names:
            return "", author
    return author.strip(), organization.strip()


def mark_organizers(attendees: Sequence[Attendee], count: int, label: str) -> None:
    """Mark the organisers the head count tells of (``8 (+1 ORK)``), when the attendance
    list shows exactly that many present people with the label in their name or
    organisation; otherwise everyone stays a participant (the list has no roles)."""
    if not count or not label.strip():
        return
    pattern = re.compile(rf"(?<!\w){re.escape(label.strip())}(?!\w)", re.IGNORECASE)
    marked = [
        attendee
        for attendee in attendees
        if attendee.present and pattern.search(f"{attendee.name} {attendee.organization}")
    ]
    if len(marked) == count:
        for attendee in marked:
            attendee.role = Role.ORGANIZER

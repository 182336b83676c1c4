"""Taking people's names out of a workshop (no Qt).

``remove_names`` builds one operation (one undo step, one transaction) that replaces every
attendee's name by a numbered placeholder ("Participant 1", …: the format requires a name) and
clears the authors of remarks and the owners of tasks (who does a task is a person's name
too). Roles, presence, organisations and everything else stay, so the head count and the
minutes' numbers do not change.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.operations import Batch, Operation, SetFields


def default_placeholder(number: int) -> str:
    return f"Participant {number}"


def remove_names(
    data: WorkshopData, placeholder: Callable[[int], str] = default_placeholder
) -> Operation | None:
    """The operation that drops every name; None when there is no name left to drop."""
    changes: list[Operation] = []
    for number, attendee in enumerate(data.attendees, start=1):
        name = placeholder(number)
        if attendee.name != name:
            changes.append(SetFields(Kind.ATTENDEE, attendee.id, {"name": name}))
    for theme in data.themes:
        for remark in theme.remarks:
            if remark.author:
                changes.append(SetFields(Kind.REMARK, remark.id, {"author": ""}))
    for task in data.tasks:
        if task.owner:
            changes.append(SetFields(Kind.TASK, task.id, {"owner": ""}))
    return Batch(tuple(changes)) if changes else None


def has_names(data: WorkshopData, placeholder: Callable[[int], str] = default_placeholder) -> bool:
    return remove_names(data, placeholder) is not None

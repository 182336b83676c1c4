"""The format declared as pydantic models, and a validation error as a one-line message.

The message names the place of the first bad value, e.g. ``activity_blocks[0].activities[3].text:
expected a non-empty string``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

FORMAT_NAME = "facilitator-workshop"
FORMAT_VERSION = 3  # what the app writes; it reads every version from 1 to this one
# Top-level keys each version added (a file of an older version that has them is refused).
ADDED_IN = {"agenda": 2, "tasks": 2}
# Likewise the keys each version added inside the workshop's details and inside each theme.
ADDED_IN_DETAILS = {"previous_meeting": 3}
ADDED_IN_THEMES = {"swot": 3, "problems": 3}

NonEmpty = Annotated[StrictStr, Field(min_length=1)]
MAX_VOTES = 2**63 - 1  # SQLite's largest integer
MAX_PLANNED_MINUTES = 24 * 60  # as the document allows
Votes = Annotated[StrictInt, Field(ge=0, le=MAX_VOTES)]  # a dot-voting tally


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _Details(_Strict):
    title: NonEmpty
    starts_at: StrictStr
    ends_at: StrictStr | None = None
    place: StrictStr = ""
    facilitator: StrictStr = ""
    organizer_label: StrictStr = "ORK"
    language: Literal["cs", "en"] = "cs"
    vision_intro: StrictStr | None = None
    previous_meeting: StrictStr | None = None  # version 3


class _Attendee(_Strict):
    name: NonEmpty
    organization: StrictStr = ""
    role: Literal["participant", "organizer", "guest"] = "participant"
    present: StrictBool = True
    note: StrictStr = ""


class _Remark(_Strict):
    text: NonEmpty
    author: StrictStr = ""
    organization: StrictStr = ""
    status: Literal["pending", "accepted", "partly", "rejected", "noted"] = "pending"
    response: StrictStr = ""


class _SwotItem(_Strict):
    quadrant: Literal["strengths", "weaknesses", "opportunities", "threats"]
    text: NonEmpty
    note: StrictStr = ""
    votes: Votes = 0


class _Problem(_Strict):
    text: NonEmpty
    votes: Votes = 0
    sources: list[Annotated[StrictInt, Field(ge=0)]] = []  # places in the theme's ``swot``


class _Theme(_Strict):
    name: NonEmpty
    vision: StrictStr = ""
    draft: StrictStr | None = None
    comments: list[_Remark] = []
    swot: list[_SwotItem] = []  # version 3
    problems: list[_Problem] = []  # version 3


class ActivitySchema(_Strict):
    """One activity; its children are checked one by one as the tree is built (interchange.tree),
    not by one recursive model: a file may hold a million of them."""

    text: NonEmpty
    note: StrictStr = ""
    votes: Votes = 0
    children: list[Any] = []


class _Block(_Strict):
    themes: list[NonEmpty] = []
    activities: list[Any] = []  # ActivitySchema, each checked as the tree is built


class _AgendaItem(_Strict):
    title: NonEmpty
    planned_minutes: Annotated[StrictInt, Field(ge=0, le=MAX_PLANNED_MINUTES)] = 0
    started_at: StrictStr | None = None
    ended_at: StrictStr | None = None


class _Task(_Strict):
    text: NonEmpty
    owner: StrictStr = ""
    due: StrictStr | None = None
    done: StrictBool = False


class DocumentSchema(_Strict):
    format: StrictStr
    version: StrictInt
    workshop: _Details
    attendees: list[_Attendee] = []
    themes: list[_Theme] = []
    activity_blocks: list[_Block] = []
    agenda: list[_AgendaItem] = []  # version 2
    tasks: list[_Task] = []  # version 2


_EXPECTATIONS = {
    "string_type": "expected a string",
    "string_too_short": "expected a non-empty string",
    "bool_type": "expected true or false",
    "int_type": "expected an integer",
    "greater_than_equal": "expected an integer of 0 or more",
    "less_than_equal": "expected an integer of at most {le}",
    "list_type": "expected a list",
    "model_type": "expected an object",
    "dict_type": "expected an object",
    "missing": "required key is missing",
    "extra_forbidden": "unknown key",
    "literal_error": "expected one of {expected}",
}


def where(location: tuple[int | str, ...]) -> str:
    """Where in the document, e.g. ``activity_blocks[0].activities[2].text``.

    A key that is not a plain name (a line break, a space, a lone surrogate) is written as a
    JSON string, so the message stays one readable, printable line.
    """
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.isidentifier():
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part)}]"
    return text or "document"


def describe(error: ValidationError, prefix: tuple[int | str, ...] = ()) -> str:
    """The first complaint as one line; ``prefix`` is where the validated part is."""
    first = error.errors(include_url=False)[0]
    location = prefix + tuple(first["loc"])
    # A nullable field reports its error under a synthetic tag ('str'); drop such tags.
    location = tuple(p for p in location if p not in ("str", "none", "function-after[…]"))
    template = _EXPECTATIONS.get(first["type"], first["msg"])
    context = first.get("ctx", {})
    message = template.format(expected=context.get("expected", ""), le=context.get("le", ""))
    return f"{where(location)}: {message}"

"""The checks and conversions a field value passes before it enters a workshop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR, year_in_range
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Quadrant, RemarkStatus, Role, storable_text
from facilitator_app.workshop.store.schema import EDITABLE_FIELDS

# An agenda item's planned length: a whole number of minutes, at most a day.
MAX_PLANNED_MINUTES = 24 * 60

# The texts the interchange format requires, and what an empty one is told.
EMPTY_REFUSALS = {
    (Kind.DETAILS, "title"): QT_TRANSLATE_NOOP("Refusal", "the workshop's title cannot be empty"),
    (Kind.ATTENDEE, "name"): QT_TRANSLATE_NOOP("Refusal", "the attendee's name cannot be empty"),
    (Kind.THEME, "name"): QT_TRANSLATE_NOOP("Refusal", "the theme's name cannot be empty"),
    (Kind.REMARK, "text"): QT_TRANSLATE_NOOP("Refusal", "the remark's text cannot be empty"),
    (Kind.NODE, "text"): QT_TRANSLATE_NOOP("Refusal", "the activity's text cannot be empty"),
    (Kind.AGENDA, "title"): QT_TRANSLATE_NOOP(
        "Refusal", "the programme item's title cannot be empty"
    ),
    (Kind.TASK, "text"): QT_TRANSLATE_NOOP("Refusal", "the task's text cannot be empty"),
    (Kind.SWOT, "text"): QT_TRANSLATE_NOOP("Refusal", "the SWOT item's text cannot be empty"),
    (Kind.PROBLEM, "text"): QT_TRANSLATE_NOOP("Refusal", "the problem's text cannot be empty"),
}
# The kinds whose inserted records have every field checked and converted.
_FULLY_CHECKED = (Kind.AGENDA, Kind.TASK, Kind.SWOT, Kind.PROBLEM)
REQUIRED_TEXT = set(EMPTY_REFUSALS)


def checked_fields(kind: Kind, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (of fields a ``kind`` has) converted as its fields hold them; refuses what
    the file format would refuse (a role, status or date that does not parse, too)."""
    with _refused_unless_parsed():
        return {name: _checked(kind, name, value) for name, value in values.items()}


def check_record_fields(kind: Kind, record: Any) -> None:
    """Check the fields of a record about to be inserted.

    The fields of an agenda item, task, SWOT item and problem are all checked and converted in
    place (an ISO date string becomes a date); the others' required text is checked.
    """
    with _refused_unless_parsed():
        if kind in _FULLY_CHECKED:
            for name in EDITABLE_FIELDS[kind]:
                setattr(record, name, _checked(kind, name, getattr(record, name)))
        else:
            required = "text" if kind is Kind.REMARK else "name"
            _checked(kind, required, getattr(record, required))


def make_storable(record: Any) -> None:
    """Make every text field of an inserted record storable, in place (a theme's records too)."""
    for name, value in vars(record).items():
        if isinstance(value, str):
            setattr(record, name, storable_text(value))
        elif isinstance(value, list) and name != "sources":
            for inner in value:
                make_storable(inner)


@contextmanager
def _refused_unless_parsed() -> Iterator[None]:
    """A value that does not parse (a role, a status, a date) is refused like any other."""
    try:
        yield
    except ValueError as error:
        raise InvalidOperationError(str(error)) from None


def _checked(kind: Kind, name: str, value: Any) -> Any:
    """Check and convert a field value, refusing what the file format would refuse."""
    if kind is Kind.AGENDA and name != "title":
        return _checked_agenda(name, value)
    if kind is Kind.TASK and name in ("due", "done"):
        return _checked_task(name, value)
    if name == "previous_meeting":
        return _checked_date(
            name, value, QT_TRANSLATE_NOOP("Refusal", "the previous meeting's date must be a date")
        )
    if name == "quadrant":
        return Quadrant(value)
    if name == "sources":
        return _checked_sources(value)
    if name in ("starts_at", "ends_at"):
        if value is None and name == "ends_at":
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if not isinstance(value, datetime):
            raise InvalidOperationError(f"{name} must be a date and time")
        return _in_years(name, value.replace(microsecond=0, tzinfo=None))
    if name == "role":
        return Role(value)
    if name == "status":
        return RemarkStatus(value)
    if name == "present":
        return bool(value)
    if name == "votes":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "votes must be a whole number of 0 or more")
            )
        return value
    if name == "language" and value not in ("cs", "en"):
        raise InvalidOperationError("the minutes' language is cs or en")
    if name in ("vision_intro", "draft") and value is None:
        return None
    if not isinstance(value, str):
        raise InvalidOperationError(f"{name} must be text")
    value = storable_text(value)
    if (kind, name) in REQUIRED_TEXT and not value:
        # The interchange format requires these: an empty one would make an export unreadable.
        raise InvalidOperationError(EMPTY_REFUSALS[kind, name])
    return value


def _checked_agenda(name: str, value: Any) -> Any:
    """An agenda item's planned minutes (0 to a day) or its actual start or end (or None)."""
    if name == "planned_minutes":
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not 0 <= value <= MAX_PLANNED_MINUTES
        ):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "planned minutes must be a whole number from 0 to %1"),
                MAX_PLANNED_MINUTES,
            )
        return value
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise InvalidOperationError(f"{name} must be a date and time")
    if value.tzinfo is not None:  # the file keeps local time, without a zone
        value = value.astimezone().replace(tzinfo=None)
    return _in_years(name, value.replace(microsecond=0))


def _checked_task(name: str, value: Any) -> Any:
    """A task's due date (a date, an ISO ``YYYY-MM-DD`` string, or None) or its done flag."""
    if name == "done":
        if not isinstance(value, bool | int) or value not in (0, 1):
            raise InvalidOperationError("done must be true or false")
        return bool(value)
    return _checked_date(name, value, QT_TRANSLATE_NOOP("Refusal", "the due date must be a date"))


def _checked_date(name: str, value: Any, refusal: str) -> date | None:
    """A date (an ISO ``YYYY-MM-DD`` string too) or None: a task's due date, the date of the
    previous meeting."""
    if value is None:
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value.strip())
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidOperationError(refusal)
    return _in_years(name, value)


def _checked_sources(value: Any) -> list[int]:
    """A problem's sources: a list of ids (whether they name SWOT items is rules.py's)."""
    if not isinstance(value, list | tuple) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        raise InvalidOperationError("a problem's sources must be a list of SWOT item ids")
    return list(value)


DateT = TypeVar("DateT", date, datetime)


def _in_years(name: str, value: DateT) -> DateT:
    """``value`` unless its year is outside the years a workshop holds (1900-2100)."""
    if not year_in_range(value.year):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "%1: the year %2 is not between %3 and %4"),
            name,
            value.year,
            MIN_YEAR,
            MAX_YEAR,
        )
    return value

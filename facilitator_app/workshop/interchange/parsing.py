"""A decoded JSON document made into a WorkshopData: its version, the app's limits, its parts."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import ValidationError

from facilitator_app.messages import QT_TRANSLATE_NOOP, fill
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR, year_in_range
from facilitator_app.workshop.interchange.schema import (
    ADDED_IN,
    ADDED_IN_DETAILS,
    ADDED_IN_THEMES,
    FORMAT_NAME,
    FORMAT_VERSION,
    DocumentSchema,
    describe,
)
from facilitator_app.workshop.interchange.tree import TreeBuilder, count_activities
from facilitator_app.workshop.model import (
    AgendaItem,
    Attendee,
    Node,
    Problem,
    Quadrant,
    Remark,
    RemarkStatus,
    Role,
    SwotItem,
    Task,
    Theme,
    WorkshopData,
    WorkshopDetails,
)
from facilitator_app.workshop.progress import Progress, no_progress

# What the app holds. An imported workshop is kept in memory whole, and the window mirrors each
# activity in its tree as well: about 2 KB an activity in all, so a million fit a laptop's
# memory (README, "Big workshops"). Beyond that the import is refused before it begins.
MAX_ACTIVITIES = 1_000_000

_LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_datetime(value: str, place: str) -> datetime:
    if not _LOCAL_DATETIME.match(value):
        raise ValueError(
            f"{place}: expected a local date and time like 2026-05-19T13:00, got {value!r}"
        )
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{place}: {value!r} is not a valid date and time") from None
    return _in_years(parsed, place)


def _parse_optional_datetime(value: str | None, place: str) -> datetime | None:
    return None if value is None else _parse_datetime(value, place)


def _parse_date(value: str, place: str) -> date:
    if not _DATE.match(value):
        raise ValueError(f"{place}: expected a date like 2026-05-26, got {value!r}")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{place}: {value!r} is not a valid date") from None
    return _in_years(parsed, place)


DateT = TypeVar("DateT", date, datetime)


def _in_years(value: DateT, place: str) -> DateT:
    if not year_in_range(value.year):
        raise ValueError(f"{place}: the year {value.year} is not between {MIN_YEAR} and {MAX_YEAR}")
    return value


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def replace_lone_surrogates(value: Any) -> Any:
    """JSON may escape half of a UTF-16 pair (``"\\ud800"``); such text cannot be stored."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [replace_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {replace_lone_surrogates(k): replace_lone_surrogates(v) for k, v in value.items()}
    return value


def parse_workshop(raw: Any, progress: Progress = no_progress) -> WorkshopData:
    """Validate a decoded JSON document; raises ValueError with a one-line message.

    ``raw`` is left as it is. ``progress`` hears how many activities are built, and may stop
    the work by raising Cancelled.
    """
    try:
        return parse_document(replace_lone_surrogates(raw), progress)
    except RecursionError:
        raise ValueError("the document is nested too deeply") from None


class TooBigError(ValueError):
    """A document beyond what the app holds; the wording has places to translate."""

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(fill(template, *values))


def parse_document(raw: Any, progress: Progress) -> WorkshopData:
    """Validate ``raw`` and build the workshop from it, taking ``raw`` apart on the way.

    The activities are most of a big file: each one's JSON object is let go as soon as its
    node is made, so the decoded JSON and the workshop are not both held whole.
    """
    if not isinstance(raw, dict):
        raise ValueError("expected a JSON object at the top level")
    if raw.get("format") != FORMAT_NAME:
        raise ValueError(f"format: expected {FORMAT_NAME!r}, got {raw.get('format')!r}")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("version: expected an integer")
    if version > FORMAT_VERSION:
        raise ValueError(
            f"version: this file is format version {version}; this app reads up to "
            f"version {FORMAT_VERSION}: update the app to open it"
        )
    if version < 1:
        raise ValueError(f"version: {version} is not a valid format version")
    _refuse_newer_keys(raw, version)
    activities = count_activities(raw)
    if activities > MAX_ACTIVITIES:
        raise TooBigError(
            QT_TRANSLATE_NOOP(
                "Refusal", "holds %1 activities; the app holds at most %2 activities"
            ),
            count_text(activities),
            count_text(MAX_ACTIVITIES),
        )
    try:
        document = DocumentSchema.model_validate(raw)
    except ValidationError as error:
        raise ValueError(describe(error)) from None
    # The validated blocks hold the activities' lists now; let go of everything else.
    raw.clear()
    return _to_model(document, TreeBuilder(activities, progress))


def _refuse_newer_keys(raw: dict[str, Any], version: int) -> None:
    """Refuse a key a later version added (so that a file claiming an older version never
    carries data an older app would refuse), naming its place."""
    places: list[tuple[str, dict[Any, Any], dict[str, int]]] = [("", raw, ADDED_IN)]
    if isinstance(raw.get("workshop"), dict):
        places.append(("workshop.", raw["workshop"], ADDED_IN_DETAILS))
    if isinstance(raw.get("themes"), list):
        places.extend(
            (f"themes[{index}].", theme, ADDED_IN_THEMES)
            for index, theme in enumerate(raw["themes"])
            if isinstance(theme, dict)
        )
    for prefix, part, added in places:
        for key, added_in in added.items():
            if key in part and version < added_in:
                raise ValueError(
                    f"{prefix}{key}: unknown key in format version {version} "
                    f"(it needs version {added_in})"
                )


def count_text(number: int) -> str:
    """1 000 000: grouped by spaces, which read the same in Czech and in English."""
    return f"{number:,}".replace(",", " ")


def _sources(places: list[int], swot: list[SwotItem], where: str) -> list[int]:
    """The ids of the SWOT items a problem names by their places in its theme's ``swot``."""
    for position, place in enumerate(places):
        if place >= len(swot):
            raise ValueError(
                f"{where}[{position}]: the theme has no SWOT item {place} "
                f"(its swot holds {len(swot)}, counted from 0)"
            )
        if place in places[:position]:
            raise ValueError(f"{where}[{position}]: the SWOT item {place} is named twice")
    return [swot[place].id for place in places]


def _to_model(document: DocumentSchema, tree: TreeBuilder) -> WorkshopData:
    details = document.workshop
    data = WorkshopData(
        details=WorkshopDetails(
            title=details.title,
            starts_at=_parse_datetime(details.starts_at, "workshop.starts_at"),
            ends_at=(
                _parse_datetime(details.ends_at, "workshop.ends_at")
                if details.ends_at is not None
                else None
            ),
            place=details.place,
            facilitator=details.facilitator,
            organizer_label=details.organizer_label,
            language=details.language,
            vision_intro=details.vision_intro,
            previous_meeting=(
                _parse_date(details.previous_meeting, "workshop.previous_meeting")
                if details.previous_meeting is not None
                else None
            ),
        )
    )
    data.attendees = [
        Attendee(i, a.name, a.organization, Role(a.role), a.present, a.note)
        for i, a in enumerate(document.attendees, start=1)
    ]
    theme_ids: dict[str, int] = {}
    remark_id = 0
    swot_ids = itertools.count(1)
    problem_ids = itertools.count(1)
    for index, theme in enumerate(document.themes):
        if theme.name in theme_ids:
            raise ValueError(f"themes[{index}].name: the theme {theme.name!r} is named twice")
        theme_ids[theme.name] = index + 1
        remarks = []
        for remark in theme.comments:
            remark_id += 1
            remarks.append(
                Remark(
                    remark_id,
                    remark.text,
                    remark.author,
                    remark.organization,
                    RemarkStatus(remark.status),
                    remark.response,
                )
            )
        swot = [
            SwotItem(next(swot_ids), item.text, Quadrant(item.quadrant), item.note, item.votes)
            for item in theme.swot
        ]
        problems = [
            Problem(
                next(problem_ids),
                problem.text,
                problem.votes,
                _sources(problem.sources, swot, f"themes[{index}].problems[{place}].sources"),
            )
            for place, problem in enumerate(theme.problems)
        ]
        data.themes.append(
            Theme(index + 1, theme.name, theme.vision, theme.draft, remarks, swot, problems)
        )

    for index, block in enumerate(document.activity_blocks):
        themes = []
        for position, name in enumerate(block.themes):
            if name not in theme_ids:
                raise ValueError(
                    f"activity_blocks[{index}].themes[{position}]: no theme is named {name!r}"
                )
            if theme_ids[name] in themes:
                raise ValueError(
                    f"activity_blocks[{index}].themes[{position}]: the theme {name!r} is "
                    "named twice in this block"
                )
            themes.append(theme_ids[name])
        node = Node(tree.new_id(), theme_ids=themes, parent=data.root, position=index)
        data.root.children.append(node)
        tree.build(node, index, block.activities)
    data.agenda = [
        AgendaItem(
            index + 1,
            item.title,
            item.planned_minutes,
            _parse_optional_datetime(item.started_at, f"agenda[{index}].started_at"),
            _parse_optional_datetime(item.ended_at, f"agenda[{index}].ended_at"),
        )
        for index, item in enumerate(document.agenda)
    ]
    data.tasks = [
        Task(
            index + 1,
            task.text,
            task.owner,
            _parse_date(task.due, f"tasks[{index}].due") if task.due is not None else None,
            task.done,
        )
        for index, task in enumerate(document.tasks)
    ]
    return data

"""JSON interchange format, version 2 (see docs/workshop-json.md): import and export.

Version 2 adds the meeting's programme (``agenda``) and its tasks (``tasks``) to version 1.
Both versions are read; version 2 is written, always with both lists (empty when there is
nothing), as every list of the format is written.

The format is declared once as pydantic models; validation errors are turned into one-line
messages that name the place, e.g. ``activity_blocks[0].activities[3].text: expected a
non-empty string``.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from facilitator_app.messages import QT_TRANSLATE_NOOP, fill
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR, year_in_range
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.model import (
    MAX_DEPTH,
    AgendaItem,
    Attendee,
    Node,
    Remark,
    RemarkStatus,
    Role,
    Task,
    Theme,
    WorkshopData,
    WorkshopDetails,
    storable_text,
)
from facilitator_app.workshop.progress import Progress, Split, no_progress

FORMAT_NAME = "facilitator-workshop"
FORMAT_VERSION = 2  # what the app writes; it reads every version from 1 to this one
# Top-level keys each version added (a file of an older version that has them is refused).
_ADDED_IN = {"agenda": 2, "tasks": 2}

NonEmpty = Annotated[StrictStr, Field(min_length=1)]
MAX_VOTES = 2**63 - 1  # SQLite's largest integer
MAX_PLANNED_MINUTES = 24 * 60  # as the document allows
_LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# What the app holds. An imported workshop is kept in memory whole, and the window mirrors each
# activity in its tree as well: about 2 KB an activity in all, so a million fit a laptop's
# memory (README, "Big workshops"). Beyond that the import is refused before it begins.
MAX_ACTIVITIES = 1_000_000
MAX_FILE_BYTES = 250_000_000  # a million activities of 200 characters with their keys
_READ_PIECE = 4 * 2**20
_REPORT_EVERY = 2048  # activities built between two reports of progress
# The parts of an import (reading the file, decoding the JSON, checking and building the
# workshop), by their share of its time.
_IMPORT_SHARES = (0.05, 0.3, 0.65)


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


class _Theme(_Strict):
    name: NonEmpty
    vision: StrictStr = ""
    draft: StrictStr | None = None
    comments: list[_Remark] = []


class _Activity(_Strict):
    """One activity; its children are checked one by one as the tree is built (_build_tree),
    not by one recursive model: a file may hold a million of them."""

    text: NonEmpty
    note: StrictStr = ""
    votes: Annotated[StrictInt, Field(ge=0, le=MAX_VOTES)] = 0
    children: list[Any] = []


class _Block(_Strict):
    themes: list[NonEmpty] = []
    activities: list[Any] = []  # _Activity, each checked as the tree is built


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


class _Document(_Strict):
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


def _place(location: tuple[int | str, ...]) -> str:
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


def _describe(error: ValidationError, prefix: tuple[int | str, ...] = ()) -> str:
    """The first complaint as one line; ``prefix`` is where the validated part is."""
    first = error.errors(include_url=False)[0]
    location = prefix + tuple(first["loc"])
    # A nullable field reports its error under a synthetic tag ('str'); drop such tags.
    location = tuple(p for p in location if p not in ("str", "none", "function-after[…]"))
    template = _EXPECTATIONS.get(first["type"], first["msg"])
    context = first.get("ctx", {})
    message = template.format(expected=context.get("expected", ""), le=context.get("le", ""))
    return f"{_place(location)}: {message}"


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


def _replace_lone_surrogates(value: Any) -> Any:
    """JSON may escape half of a UTF-16 pair (``"\\ud800"``); such text cannot be stored."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_replace_lone_surrogates(k): _replace_lone_surrogates(v) for k, v in value.items()}
    return value


def parse_workshop(raw: Any, progress: Progress = no_progress) -> WorkshopData:
    """Validate a decoded JSON document; raises ValueError with a one-line message.

    ``raw`` is left as it is. ``progress`` hears how many activities are built, and may stop
    the work by raising Cancelled.
    """
    try:
        return _parse_workshop(_replace_lone_surrogates(raw), progress)
    except RecursionError:
        raise ValueError("the document is nested too deeply") from None


class _TooBigError(ValueError):
    """A document beyond what the app holds; the wording has places to translate."""

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(fill(template, *values))


def _parse_workshop(raw: Any, progress: Progress) -> WorkshopData:
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
    for key, added_in in _ADDED_IN.items():
        if key in raw and version < added_in:
            raise ValueError(
                f"{key}: unknown key in format version {version} (it needs version {added_in})"
            )
    activities = _check_tree(raw)
    if activities > MAX_ACTIVITIES:
        raise _TooBigError(
            QT_TRANSLATE_NOOP(
                "Refusal", "holds %1 activities; the app holds at most %2 activities"
            ),
            _count_text(activities),
            _count_text(MAX_ACTIVITIES),
        )
    try:
        document = _Document.model_validate(raw)
    except ValidationError as error:
        raise ValueError(_describe(error)) from None
    # The validated blocks hold the activities' lists now; let go of everything else.
    raw.clear()
    return _to_model(document, _TreeBuilder(activities, progress))


def _count_text(number: int) -> str:
    """1 000 000: grouped by spaces, which read the same in Czech and in English."""
    return f"{number:,}".replace(",", " ")


def _check_tree(raw: dict[str, Any]) -> int:
    """Count the activities, and refuse any nested deeper than the app keeps.

    Runs before anything is validated or built: a file beyond the app's limits is refused
    at once, and no validation recurses into a tree that is too deep.
    """
    blocks = raw.get("activity_blocks")
    if not isinstance(blocks, list):
        return 0
    count = 0
    for index, block in enumerate(blocks):
        activities = block.get("activities") if isinstance(block, dict) else None
        if not isinstance(activities, list):
            continue
        # [a list of activities, the position of the next one] for each level down to here.
        levels: list[list[Any]] = [[activities, 0]]
        while levels:
            level = levels[-1]
            items, position = level
            if position == len(items):
                levels.pop()
                continue
            level[1] = position + 1
            count += 1
            activity = items[position]
            children = activity.get("children") if isinstance(activity, dict) else None
            if isinstance(children, list) and children:
                if len(levels) + 2 > MAX_DEPTH:  # the children's Node.depth
                    place = _place(_activity_location(index, [*levels, [children, 1]]))
                    raise ValueError(
                        f"{place}: activities are nested too deeply "
                        f"(at most {MAX_DEPTH - 1} levels)"
                    )
                levels.append([children, 0])
    return count


def _activity_location(block: int, levels: list[list[Any]]) -> tuple[int | str, ...]:
    """Where the activity being looked at is: each level's last position taken."""
    location: tuple[int | str, ...] = ("activity_blocks", block, "activities")
    for depth, level in enumerate(levels):
        location += (level[-1] - 1,) if depth == 0 else ("children", level[-1] - 1)
    return location


_ACTIVITY_KEYS = frozenset(_Activity.model_fields)
_NO_CHILDREN: list[Any] = []  # never changed: only read


def _activity_fields(raw: Any, location: Callable[[], tuple[int | str, ...]]) -> _Fields:
    """An activity's text, note, votes and children.

    Checked here when plainly right (nearly always, and three times faster than the model);
    anything else goes to the model, which decides and names the place of its first complaint.
    """
    if type(raw) is dict and raw.keys() <= _ACTIVITY_KEYS:
        text = raw.get("text")
        note = raw.get("note", "")
        votes = raw.get("votes", 0)
        children = raw.get("children", _NO_CHILDREN)
        if (
            type(text) is str
            and text
            and type(note) is str
            and type(votes) is int
            and 0 <= votes <= MAX_VOTES
            and type(children) is list
        ):
            return text, note, votes, children
    try:
        activity = _Activity.model_validate(raw)
    except ValidationError as error:
        raise ValueError(_describe(error, location())) from None
    return activity.text, activity.note, activity.votes, activity.children


_Fields = tuple[str, str, int, list[Any]]


class _TreeBuilder:
    """Builds the activities' nodes from their JSON objects, checking each on the way.

    Ids are given in document order (a block, then its activities depth first), as the file
    lists them.
    """

    def __init__(self, total: int, progress: Progress) -> None:
        self.next_id = 1
        self.built = 0
        self.total = total
        self.progress = progress

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def build(self, block: Node, block_index: int, activities: list[Any]) -> None:
        """Build ``activities`` under ``block``, dropping each JSON object from its list
        as its node is made (iterative: the tree may be 199 levels deep)."""
        # [the parent node, its children's JSON list, the position of the next one] for each
        # level down to the activity being built.
        levels: list[list[Any]] = [[block, activities, 0]]
        progress, total = self.progress, self.total

        def location() -> tuple[int | str, ...]:
            return _activity_location(block_index, [level[1:] for level in levels])

        while levels:
            level = levels[-1]
            parent, items, position = level
            if position == len(items):
                levels.pop()
                continue
            level[2] = position + 1
            raw = items[position]
            items[position] = None
            text, note, votes, children = _activity_fields(raw, location)
            node = Node(self.next_id, text, note, votes, parent=parent, position=position)
            self.next_id += 1
            parent.children.append(node)
            self.built += 1
            if not self.built % _REPORT_EVERY:
                progress(self.built, total)
            if children:
                levels.append([node, children, 0])
        progress(self.built, total)


def _to_model(document: _Document, tree: _TreeBuilder) -> WorkshopData:
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
        )
    )
    data.attendees = [
        Attendee(i, a.name, a.organization, Role(a.role), a.present, a.note)
        for i, a in enumerate(document.attendees, start=1)
    ]
    theme_ids: dict[str, int] = {}
    remark_id = 0
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
        data.themes.append(Theme(index + 1, theme.name, theme.vision, theme.draft, remarks))

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


def _format_datetime(value: datetime) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def workshop_to_json(data: WorkshopData) -> dict[str, Any]:
    """The workshop as a version 2 JSON document (a dict ready for ``json.dumps``)."""
    details = data.details
    workshop: dict[str, Any] = {
        "title": details.title,
        "starts_at": _format_datetime(details.starts_at),
    }
    if details.ends_at is not None:
        workshop["ends_at"] = _format_datetime(details.ends_at)
    if details.place:
        workshop["place"] = details.place
    if details.facilitator:
        workshop["facilitator"] = details.facilitator
    workshop["organizer_label"] = details.organizer_label
    workshop["language"] = details.language
    if details.vision_intro is not None:
        workshop["vision_intro"] = details.vision_intro

    def attendee(a: Attendee) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": a.name,
            "organization": a.organization,
            "role": a.role.value,
            "present": a.present,
        }
        if a.note:
            out["note"] = a.note
        return out

    def remark(r: Remark) -> dict[str, Any]:
        out: dict[str, Any] = {"text": r.text}
        for key in ("author", "organization"):
            if getattr(r, key):
                out[key] = getattr(r, key)
        out["status"] = r.status.value
        if r.response:
            out["response"] = r.response
        return out

    def theme(t: Theme) -> dict[str, Any]:
        out: dict[str, Any] = {"name": t.name, "vision": t.vision}
        if t.draft is not None:
            out["draft"] = t.draft
        out["comments"] = [remark(r) for r in t.remarks]
        return out

    def activity(top: Node) -> dict[str, Any]:
        # Iterative: a tree indented deeper than Python's recursion limit must still export.
        def record(node: Node) -> dict[str, Any]:
            out: dict[str, Any] = {"text": node.text}
            if node.note:
                out["note"] = node.note
            if node.votes:
                out["votes"] = node.votes
            return out

        root = record(top)
        stack = [(top, root)]
        while stack:
            node, out = stack.pop()
            if node.children:
                out["children"] = [record(child) for child in node.children]
                stack.extend(zip(node.children, out["children"], strict=True))
        return root

    def agenda_item(a: AgendaItem) -> dict[str, Any]:
        out: dict[str, Any] = {"title": a.title, "planned_minutes": a.planned_minutes}
        if a.started_at is not None:
            out["started_at"] = _format_datetime(a.started_at)
        if a.ended_at is not None:
            out["ended_at"] = _format_datetime(a.ended_at)
        return out

    def task(t: Task) -> dict[str, Any]:
        out: dict[str, Any] = {"text": t.text}
        if t.owner:
            out["owner"] = t.owner
        if t.due is not None:
            out["due"] = t.due.isoformat()
        out["done"] = t.done
        return out

    names = {t.id: t.name for t in data.themes}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "workshop": workshop,
        "attendees": [attendee(a) for a in data.attendees],
        "themes": [theme(t) for t in data.themes],
        "activity_blocks": [
            {
                "themes": [names[i] for i in block.theme_ids if i in names],
                "activities": [activity(child) for child in block.children],
            }
            for block in data.blocks
        ],
        "agenda": [agenda_item(a) for a in data.agenda],
        "tasks": [task(t) for t in data.tasks],
    }


def read_json_file(path: Path, progress: Progress = no_progress) -> WorkshopData:
    """Read and validate a JSON workshop file; every problem becomes a BadInputError.

    A file beyond what the app holds (MAX_FILE_BYTES, MAX_ACTIVITIES) is refused before the
    work on it begins. ``progress`` hears how far the import has got, and may stop it by
    raising Cancelled.
    """
    with _collector_paused():
        return _read_json_file(path, progress)


def _read_json_file(path: Path, progress: Progress) -> WorkshopData:
    parts = Split(progress, _IMPORT_SHARES)
    raw, escapes_surrogates = _read_json(path, parts.part(0), parts.part(1))
    try:
        if escapes_surrogates:  # rare: only then can the text hold halves of a pair
            raw = _replace_lone_surrogates(raw)
        return _parse_workshop(raw, parts.part(2))
    except RecursionError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "activities are nested too deeply")
        ) from None
    except _TooBigError as error:
        raise BadInputError(path, error.template, *error.values) from None
    except ValueError as error:
        raise BadInputError(path, str(error)) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a big file becomes a workshop.

    The import makes millions of objects and frees few: the collector would go through all
    those made so far again and again (almost half of the time of a million activities) and
    find nothing to collect. Reference counting frees everything as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Half of a UTF-16 pair can only come from a JSON escape, \\ud800 to \\udfff.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _read_json(path: Path, reading: Progress, decoding: Progress) -> tuple[Any, bool]:
    """The decoded JSON of a file, and whether its text escapes any surrogates."""
    text = _read_text(path, reading)
    escapes_surrogates = _ESCAPED_SURROGATE.search(text) is not None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP("Refusal", "not valid JSON: %1 at line %2, column %3"),
            error.msg,
            error.lineno,
            error.colno,
        ) from None
    except RecursionError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "not valid JSON: nested too deeply")
        ) from None
    decoding(1, 1)
    return raw, escapes_surrogates


def _read_text(path: Path, progress: Progress) -> str:
    """A file's text, read in pieces (each reported); one bigger than MAX_FILE_BYTES is refused
    unread."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise BadInputError(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Refusal", "is %1 MB; the app imports JSON files of at most %2 MB"
                    ),
                    _count_text(-(-size // 1_000_000)),
                    _count_text(MAX_FILE_BYTES // 1_000_000),
                )
            # One buffer of the file's size, filled in place: no pieces to join afterwards.
            buffer = bytearray(size)
            with memoryview(buffer) as view:
                done = 0
                while done < size:
                    got = handle.readinto(view[done : done + _READ_PIECE])
                    if not got:
                        break
                    done += got
                    progress(done, size)
            del buffer[done:]  # the file was shorter than it said
    except FileNotFoundError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file")) from None
    except IsADirectoryError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a file")) from None
    except OSError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror
        ) from None
    try:
        return buffer.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "not UTF-8 text (byte %1)"), error.start
        ) from None


def dumps(data: WorkshopData) -> str:
    """The workshop as JSON text, ready to be written as UTF-8.

    Text that UTF-8 cannot hold (half of a surrogate pair) is written as U+FFFD, as the
    importer and the file store it.
    """
    text = json.dumps(workshop_to_json(data), ensure_ascii=False, indent=2) + "\n"
    return storable_text(text)

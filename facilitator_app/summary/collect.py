"""Reading a region's minutes into groups and meetings, and the summary they make (no Qt).

Each file is one group's meeting, in any format ``formats.read_workshop`` reads (.workshop,
.json, .docx minutes). Groups are told apart by their workshop's title (spaces tidied, case
aside); a group's meetings are its *rounds* in the order of their dates: the earliest file of
a group is its round 1, the next its round 2, and so on (a missing file moves the later ones
up). A file that cannot be read, one given twice, and a second file of the same group on the
same day are skipped, each with its reason; the rest is summarised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from facilitator_app.formats import read_workshop
from facilitator_app.messages import QT_TRANSLATE_NOOP, fill
from facilitator_app.summary.people import People, loose, match_people, tidy
from facilitator_app.workshop.errors import BadInputError, WorkshopError
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.progress import Cancelled

# progress(done, total, path): ``done`` of ``total`` files read, ``path`` the last one.
FileProgress = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class FileError:
    """A file left out of the summary and why; ``template`` and ``values`` let a window
    translate the reason (marked for the "Refusal" context, ``%1``… filled from ``values``)."""

    path: Path
    reason: str
    template: str = ""
    values: tuple[object, ...] = ()

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Meeting:
    """One file: a group's meeting, ``round`` its place in the group's series (1 for the
    first); ``index`` its place in ``Summary.meetings``."""

    index: int
    group: str
    round: int
    path: Path
    data: WorkshopData

    @property
    def day(self) -> date:
        return self.data.details.starts_at.date()


@dataclass(frozen=True)
class Group:
    title: str
    meetings: tuple[Meeting, ...]  # by date: round 1 first


@dataclass(frozen=True)
class Summary:
    """The region: its groups (by title) and their meetings, the persons matched across
    them, and the files left out."""

    groups: tuple[Group, ...]
    people: People
    errors: tuple[FileError, ...]

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every meeting, group by group and round by round (``Meeting.index`` order)."""
        return tuple(meeting for group in self.groups for meeting in group.meetings)


def _error(path: Path, template: str, *values: object) -> FileError:
    return FileError(path, fill(template, *values), template, values)


def _read(path: Path) -> WorkshopData | FileError:
    try:
        return read_workshop(path)
    except BadInputError as error:
        return FileError(path, error.problem, error.template, error.values)
    except WorkshopError as error:
        return FileError(path, str(error))
    except OSError as error:
        return _error(path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror)
    # One broken file must not cost the summary of the others: whatever a reader raises on
    # it, the file is skipped with the reason.
    except Exception as error:
        return _error(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read as a workshop (%1)"), error
        )


def read_meetings(
    paths: Sequence[Path],
    progress: FileProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[tuple[Path, WorkshopData]], list[FileError]]:
    """Every file read, in the given order, and the errors of those that could not be.

    ``cancelled()`` is asked before each file; when it says so, ``Cancelled`` is raised.
    """
    read: list[tuple[Path, WorkshopData]] = []
    errors: list[FileError] = []
    seen: set[Path] = set()
    for done, path in enumerate(paths, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        identity = path.resolve()
        if identity in seen:
            errors.append(_error(path, QT_TRANSLATE_NOOP("Refusal", "is given more than once")))
        else:
            seen.add(identity)
            result = _read(path)
            if isinstance(result, FileError):
                errors.append(result)
            else:
                read.append((path, result))
        if progress is not None:
            progress(done, len(paths), path)
    return read, errors


def group_key(title: str) -> str:
    return tidy(title).casefold()


def make_groups(
    read: Iterable[tuple[Path, WorkshopData]],
) -> tuple[list[Group], list[FileError]]:
    """The groups by title (an untitled file is a group of its own, named by the file), each
    meeting numbered by date; a second file of a group's day is an error."""
    by_group: dict[str, list[tuple[Path, WorkshopData]]] = {}
    for path, data in read:
        title = tidy(data.details.title)
        key = group_key(title) if title else f"\0{path}"
        by_group.setdefault(key, []).append((path, data))
    errors: list[FileError] = []
    kept: list[tuple[str, list[tuple[Path, WorkshopData]]]] = []
    for files in by_group.values():
        files.sort(key=lambda file: file[1].details.starts_at)  # stable: ties keep their order
        meetings: list[tuple[Path, WorkshopData]] = []
        for path, data in files:
            day = data.details.starts_at.date()
            same_day = next((p for p, d in meetings if d.details.starts_at.date() == day), None)
            if same_day is not None:
                errors.append(
                    _error(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Refusal", "is the same group's meeting of the same day as %1"
                        ),
                        same_day,
                    )
                )
            else:
                meetings.append((path, data))
        first = meetings[0]
        kept.append((tidy(first[1].details.title) or first[0].stem, meetings))
    kept.sort(key=lambda group: (loose(group[0]), group[0]))
    groups: list[Group] = []
    index = 0
    for title, meetings in kept:
        numbered = []
        for number, (path, data) in enumerate(meetings, start=1):
            numbered.append(Meeting(index, title, number, path, data))
            index += 1
        groups.append(Group(title, tuple(numbered)))
    return groups, errors


def summarise(
    paths: Sequence[Path],
    progress: FileProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Summary:
    """Read ``paths`` (each a group's meeting) into a summary; never raises for a bad file.

    ``progress(done, total, path)`` hears of each file read; ``cancelled()`` is asked before
    each, and when it returns True the work stops with ``workshop.progress.Cancelled``.
    """
    read, errors = read_meetings(paths, progress, cancelled)
    groups, duplicates = make_groups(read)
    meetings = [meeting for group in groups for meeting in group.meetings]
    people = match_people([meeting.data.attendees for meeting in meetings])
    return Summary(tuple(groups), people, tuple(errors + duplicates))

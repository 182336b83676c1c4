"""Backups of open workshops in the user's data folder, and restoring one (no Qt).

Each workshop has its own folder, ``<data>/backups/<stem>-<hash of its absolute path>/``,
holding up to ``KEEP`` copies named by the UTC time they were made
(``20260519T130501Z.workshop``) and ``origin.json`` naming the workshop they belong to. A copy
is made with SQLite's backup API, which gives a consistent file even while the workshop is open
and being written. Everything is readable by its owner only: the copies hold people's names.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.paths import private_folder, same_file, user_data_dir
from facilitator_app.workshop.errors import BadInputError, StorageError
from facilitator_app.workshop.store.files import (
    FILE_MODE,
    SUFFIX,
    check_workshop_file,
    copy_database,
    read_only_uri,
    remove_database_files,
    removed_on_failure,
)
from facilitator_app.workshop.store.storage import Storage

if TYPE_CHECKING:
    from facilitator_app.workshop.document import Document

KEEP = 20
INTERVAL_SECONDS = 5 * 60  # while the workshop changes, one backup every five minutes
ORIGIN = "origin.json"
_NAME = re.compile(r"^(\d{8}T\d{6})Z(?:-(\d+))?\.workshop$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup, for the restore list."""

    path: Path
    made_at: datetime  # aware, UTC: shown in local time
    size: int  # bytes
    attendees: int | None = None  # None: the copy cannot be read
    themes: int | None = None
    activities: int | None = None
    title: str = ""
    problem: str = ""  # why the copy cannot be read ("" when it can)


def backups_root() -> Path:
    return user_data_dir() / "backups"


def backup_dir(workshop: Path) -> Path:
    """The folder of one workshop's backups (named by its file name and absolute path)."""
    absolute = Path(os.path.abspath(workshop))
    digest = hashlib.sha256(str(absolute).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = absolute.stem[:60] or "workshop"
    return backups_root() / f"{stem}-{digest}"


def _write_origin(folder: Path, workshop: Path) -> None:
    origin = folder / ORIGIN
    record = {"path": os.path.abspath(workshop)}
    text = json.dumps(record, ensure_ascii=False)
    try:
        if origin.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    descriptor = os.open(origin, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(descriptor, text.encode("utf-8", "replace"))
    finally:
        os.close(descriptor)


def _new_name(folder: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = folder / f"{stamp}{SUFFIX}"
    number = 1
    while candidate.exists():
        candidate = folder / f"{stamp}-{number}{SUFFIX}"
        number += 1
    return candidate


def make_backup(document: Document, *, now: datetime | None = None) -> Path | None:
    """Back up an open workshop; return the new copy, or None when it equals the newest one.

    A workshop whose file is up to date is copied from its file (``back_up_file``). One with
    edits the file does not have yet (a failing medium) is written from memory instead, so
    the backup holds everything the facilitator has typed. Raises StorageError when the copy
    cannot be made.
    """
    if document.is_saved:
        return back_up_file(document.path, now=now)
    return _store_copy(
        document.path, now, lambda temporary: Storage.create(temporary, document.data).close()
    )


def back_up_file(
    workshop: Path, *, now: datetime | None = None, cancelled: Callable[[], bool] = lambda: False
) -> Path | None:
    """Back up what is in a workshop's file, read through a connection of its own.

    Opened for reading only (the workshop may be open for writing: the copy is consistent all
    the same), so it may run in any thread. ``cancelled`` is asked as the copy goes on: when
    it says so, what was begun is removed and Cancelled is raised.
    """

    def copy_file(temporary: Path) -> None:
        source = sqlite3.connect(read_only_uri(workshop), uri=True)
        try:
            copy_database(source, temporary, cancelled)
        finally:
            source.close()

    return _store_copy(workshop, now, copy_file)


def _store_copy(workshop: Path, now: datetime | None, write: Callable[[Path], None]) -> Path | None:
    """Have ``write`` make a copy under a temporary name in the workshop's backup folder, and
    keep it under its own name, unless it equals the newest copy. Old copies beyond ``KEEP``
    are removed. A copy that fails or is cancelled leaves nothing behind."""
    folder = backup_dir(workshop)
    made_at = now or datetime.now(UTC)
    temporary: Path | None = None
    try:
        private_folder(folder)
        _write_origin(folder, workshop)
        target = _new_name(folder, made_at)
        # Named by thread as well: a copy from memory may be written while one from the file
        # is being stopped.
        temporary = folder / f".{target.stem}.{os.getpid()}.{threading.get_ident()}.part"
        remove_database_files(temporary)
        write(temporary)
        os.chmod(temporary, FILE_MODE)
        newest = _newest(folder)
        if newest is not None and _same_content(newest, temporary):
            remove_database_files(temporary)
            return None
        os.replace(temporary, target)
    except (OSError, sqlite3.Error, StorageError) as error:
        if temporary is not None:
            remove_database_files(temporary)
        reason = getattr(error, "strerror", None) or str(error)
        raise StorageError(f"{folder}: cannot make a backup ({reason})") from None
    except BaseException:  # Cancelled among them
        if temporary is not None:
            remove_database_files(temporary)
        raise
    prune(folder)
    return target


def _same_content(first: Path, second: Path) -> bool:
    try:
        if first.stat().st_size != second.stat().st_size:
            return False
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False


def _copies(folder: Path) -> list[Path]:
    """The backups in a folder, oldest first."""
    try:
        names = [p for p in folder.iterdir() if _NAME.match(p.name)]
    except OSError:
        return []
    return sorted(names, key=_sort_key)


def _sort_key(path: Path) -> tuple[str, int]:
    match = _NAME.match(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 0)


def _newest(folder: Path) -> Path | None:
    copies = _copies(folder)
    return copies[-1] if copies else None


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` backups in a folder; return the removed ones."""
    copies = _copies(folder)
    removed = copies[: max(0, len(copies) - keep)]
    for path in removed:
        remove_database_files(path)
    return removed


def _made_at(path: Path) -> datetime:
    match = _NAME.match(path.name)
    assert match is not None
    return datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)


def describe(path: Path) -> BackupInfo:
    """A backup with its time, size and what it holds (counted by SQL, writing nothing)."""
    made_at = _made_at(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        check_workshop_file(path)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:

            def count(sql: str) -> int:
                row = connection.execute(sql).fetchone()
                return int(row[0]) if row else 0

            title_row = connection.execute("SELECT title FROM workshop").fetchone()
            if title_row is None:
                raise BadInputError(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Refusal", "the file is damaged (it has no workshop details)"
                    ),
                )
            return BackupInfo(
                path,
                made_at,
                size,
                attendees=count("SELECT count(*) FROM attendee"),
                themes=count("SELECT count(*) FROM theme"),
                activities=count("SELECT count(*) FROM node WHERE parent_id IS NOT NULL"),
                title=str(title_row[0]),
            )
        finally:
            connection.close()
    except BadInputError as error:
        return BackupInfo(path, made_at, size, problem=error.problem)
    except (sqlite3.Error, OSError) as error:
        return BackupInfo(path, made_at, size, problem=f"the file is damaged ({error})")


def list_backups(workshop: Path) -> list[BackupInfo]:
    """The backups of one workshop, newest first."""
    return [describe(path) for path in reversed(_copies(backup_dir(workshop)))]


@dataclass(frozen=True)
class BackupSet:
    """The backups of one workshop, for choosing when no workshop is open."""

    folder: Path
    workshop: Path | None  # where the workshop was when backed up (None: unknown)
    count: int
    newest: datetime


def list_backup_sets() -> list[BackupSet]:
    """Every workshop that has backups, most recently backed up first."""
    sets = []
    try:
        folders = [p for p in backups_root().iterdir() if p.is_dir()]
    except OSError:
        return []
    for folder in folders:
        copies = _copies(folder)
        if not copies:
            continue
        workshop: Path | None = None
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            workshop = Path(json.loads((folder / ORIGIN).read_text(encoding="utf-8"))["path"])
        sets.append(BackupSet(folder, workshop, len(copies), _made_at(copies[-1])))
    return sorted(sets, key=lambda s: s.newest, reverse=True)


def list_folder(folder: Path) -> list[BackupInfo]:
    """The backups in one backup folder, newest first."""
    return [describe(path) for path in reversed(_copies(folder))]


def restore_backup(backup: Path, target: Path, *, current: Path | None = None) -> None:
    """Copy a backup into a new workshop file ``target`` (atomically; never over ``current``).

    Raises BadInputError when the backup is not a readable workshop, and StorageError when the
    target cannot be written or is the workshop that is open.
    """
    backup, target = Path(backup), Path(target)
    if current is not None and same_file(target, current):
        raise StorageError(
            f"{target}: is the open workshop; a backup is restored into a new file, never over it"
        )
    check_workshop_file(backup)
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with removed_on_failure(temporary):
            result = source.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise BadInputError(
                    backup,
                    QT_TRANSLATE_NOOP("Refusal", "the backup is damaged (%1)"),
                    result[0] if result else "?",
                )
            remove_database_files(temporary)
            copy_database(source, temporary)
            os.replace(temporary, target)
    except sqlite3.DatabaseError as error:
        raise BadInputError(
            backup, QT_TRANSLATE_NOOP("Refusal", "the backup is damaged (%1)"), error
        ) from None
    except OSError as error:
        raise StorageError(f"{target}: cannot be written ({error.strerror})") from None
    finally:
        source.close()

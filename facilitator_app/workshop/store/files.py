"""The workshop file on disk: checking its header, connecting (pragmas, modes), writing a new
one atomically, and removing one with SQLite's companions of it."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import BadInputError, StorageError
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.progress import Cancelled, Progress, no_progress
from facilitator_app.workshop.store import journal, schema
from facilitator_app.workshop.store.migrations import migrate
from facilitator_app.workshop.store.rows import write_workshop

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".workshop"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    # Deleted text (e.g. names removed for privacy) is overwritten, not left in free pages.
    "secure_delete": 1,
    # The app checkpoints itself (JournalGuard.after_commit): the first transaction after a full
    # checkpoint starts a new generation of the journal, which its guard row must record.
    "wal_autocheckpoint": 0,
}
log = logging.getLogger(__name__)
FILE_MODE = 0o600  # workshops hold personal names: readable by their owner only


def file_identity(path: Path) -> tuple[int, int]:
    """(device, inode) of a file: what says that a path still leads to the same file."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def check_workshop_file(path: Path) -> int:
    """Refuse a file that is not a workshop of a version we read; return its schema version.

    Reads only the 100-byte SQLite header, so nothing is written to a foreign file.
    """
    if not path.exists():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file"))
    if path.is_dir():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a workshop file"))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror
        ) from None
    if size == 0:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "the file is empty"))
    if not header.startswith(SQLITE_MAGIC):
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "not a workshop file (it is not an SQLite database)")
        )
    if len(header) < 100:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "the file is truncated (shorter than its header)")
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != schema.APPLICATION_ID:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal", "not a workshop file (an SQLite database of another application)"
            ),
        )
    if valid_for == change_counter and size < page_size * page_count:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP("Refusal", "the file is truncated (%1 bytes of %2)"),
            size,
            page_size * page_count,
        )
    if user_version > schema.SCHEMA_VERSION:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "made by a newer version of the app (file version %1, this app reads up to %2):"
                " update the app to open it",
            ),
            user_version,
            schema.SCHEMA_VERSION,
        )
    return user_version


def stat_key(path: Path) -> tuple[int, int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def set_aside_foreign_journal(path: Path) -> Path | None:
    """Before opening for writing: rename a journal that is not this file's own (so that SQLite
    never applies it); return its new name."""
    if not journal.journal_is_foreign(path):
        return None
    try:
        return journal.set_aside(path)
    except OSError as error:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the journal beside it (%1) was written for another copy of the workshop, and"
                " it cannot be set aside (%2)",
            ),
            journal.wal_path(path).name,
            error.strerror or str(error),
        ) from None


def ignore_foreign_journal(path: Path) -> bool:
    """Before reading: True when the journal beside the file is not its own (then the file is
    read alone, the journal left as it is)."""
    if not journal.journal_is_foreign(path):
        return False
    log.warning(
        "%s: left out %s beside it: it was written for another copy of the workshop",
        path,
        journal.wal_path(path).name,
    )
    return True


def connect(path: Path) -> pw.SqliteDatabase:
    # Never connected again behind the storage's back: after the file is found gone, only
    # reattach may connect, once it has checked the file now at the path.
    db = pw.SqliteDatabase(None, autoconnect=False)
    db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    old_umask = os.umask(0o077)  # the file and its WAL are created for the owner only
    try:
        return _connected(db, path)
    finally:
        os.umask(old_umask)


def _connected(db: pw.SqliteDatabase, path: Path) -> pw.SqliteDatabase:
    try:
        db.connect()
    except (sqlite3.DatabaseError, pw.DatabaseError) as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be opened (%1)"), error
        ) from None
    return db


def read_only_uri(path: Path, *, alone: bool = False) -> str:
    """The URI that opens a workshop file for reading only, writing nothing beside it when it
    can; ``alone``: without the journal beside it (it is not the file's own)."""
    # Without a WAL beside it the file is complete and closed: read it as immutable, which
    # creates no -wal/-shm files. With one, it is open elsewhere: read it through the WAL.
    has_wal = not alone and journal.wal_path(path).exists()
    mode = "mode=ro" if has_wal else "immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


def connect_read_only(path: Path, *, alone: bool = False) -> pw.SqliteDatabase:
    """A connection that writes nothing, not even SQLite's shared-memory index when it can."""
    db = pw.SqliteDatabase(None)
    db.init(read_only_uri(path, alone=alone), uri=True, check_same_thread=False)
    return _connected(db, path)


# Pages copied per step of SQLite's backup API: between steps a copy can be stopped.
COPY_STEP_PAGES = 256


def copy_database(
    source: sqlite3.Connection, target: Path, cancelled: Callable[[], bool] = lambda: False
) -> None:
    """Copy an open database into a new file ``target`` (private to its owner) with SQLite's
    backup API: consistent even while the database is being written.

    ``cancelled`` is asked between steps; when it says so, Cancelled is raised (the caller
    removes what was begun).
    """

    def step(_status: int, _remaining: int, _total: int) -> None:
        if cancelled():
            raise Cancelled

    old_umask = os.umask(0o077)
    try:
        destination = sqlite3.connect(target)
    finally:
        os.umask(old_umask)
    try:
        source.backup(destination, pages=COPY_STEP_PAGES, progress=step)
    finally:
        destination.close()
    os.chmod(target, FILE_MODE)


def write_new(path: Path, data: WorkshopData, progress: Progress = no_progress) -> None:
    """Write ``data`` as a new workshop file, atomically: a complete file or none at all.

    The file is written as a temporary one beside ``path`` and renamed into place once it is
    complete. When anything goes wrong, or ``progress`` stops the work by raising Cancelled,
    the temporary file goes (with its -wal and -shm, if any) and ``path`` is left as it was.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with removed_on_failure(temporary):
            remove_database_files(temporary)
            db = connect(temporary)
            try:
                # A file nobody else sees yet needs no journal: if writing fails, it is deleted.
                # That spares writing everything twice (into the WAL, then into the file).
                db.execute_sql("PRAGMA journal_mode = OFF")
                db.execute_sql("PRAGMA synchronous = OFF")
                migrate(db, 0)
                with db.atomic():
                    write_workshop(db.connection(), data, progress)
                    for sql in journal.GUARD_OF_NEW_FILE:
                        db.execute_sql(sql)
                db.execute_sql("PRAGMA journal_mode = WAL")  # how every workshop is opened
            finally:
                db.close()
            _sync(temporary)  # everything on the disk before the rename makes it the workshop
            os.chmod(temporary, FILE_MODE)
            os.replace(temporary, path)
    except (sqlite3.Error, pw.PeeweeException) as error:
        raise StorageError(f"{path}: cannot be written ({error})") from None
    except OSError as error:
        raise StorageError(f"{path}: cannot be written ({error.strerror})") from None
    remove_database_files(temporary)


@contextlib.contextmanager
def removed_on_failure(temporary: Path) -> Iterator[None]:
    """Remove the file being written under ``temporary`` (with its -wal, -shm) on any failure."""
    try:
        yield
    except BaseException:
        remove_database_files(temporary)
        raise


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_workshop_files(path: Path) -> None:
    """Delete a workshop file and SQLite's companions of it (an import that was cancelled)."""
    remove_database_files(Path(path))


def remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")

"""The .workshop file: validation before opening, creation, migrations, loading and writing.

The file is checked from its header before SQLite touches it, so that a file that is not ours
is never modified (switching a foreign file to WAL would already change it). Writes are queued
as SQL statements and committed together in one transaction by ``flush``; when a commit fails
(read-only medium, disk full, medium gone) the queue is kept and the next flush retries it, so
nothing that is in memory is lost. ``last_fault`` then says what kind of failure it was.

A file that is deleted, moved away or whose drive is pulled while it is open would let SQLite
go on writing into a file nobody can reach; every flush therefore checks first that the path
still leads to the file that was opened (same device and inode), and treats anything else as
the medium being gone.

The journal (``NAME-wal``, with its index ``NAME-shm``) is only valid with the file it was
written for, yet SQLite applies whatever journal it finds beside a file. So:

- when the file is found gone, the connection folds its journal into its own file (wherever
  that is now: it still has it open), closes, and removes its journal from the path. Nothing
  of it is left to pair with a file put there later, and the file, if it was only moved, is
  complete on its own;
- writing goes on at the path (``reattach``) only after the file there, read without writing
  anything beside it, proves to be this workshop as last written;
- every file the app writes carries a guard row that ties its journal to it
  (``journal.py``); a journal that is not the file's own is set aside when the file is opened
  for writing, and left out when it is read, and the user is told.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import peewee as pw

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import BadInputError, StorageError, WorkshopError
from facilitator_app.workshop.model import (
    ROOT_ID,
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
    renumber_children,
    storable_text,
)
from facilitator_app.workshop.progress import Progress, no_progress
from facilitator_app.workshop.store import journal
from facilitator_app.workshop.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    TABLES,
    V1_TABLES,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
# Held while peewee's models are bound to one database (creating or migrating tables).
_MODEL_BINDING = threading.Lock()
SUFFIX = ".workshop"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    # Deleted text (e.g. names removed for privacy) is overwritten, not left in free pages.
    "secure_delete": 1,
    # The app checkpoints itself (Storage._after_commit): the first transaction after a full
    # checkpoint starts a new generation of the journal, which its guard row must record.
    "wal_autocheckpoint": 0,
}
# About SQLite's own automatic checkpoint (1000 pages of 4 KiB): fold the journal beyond this.
CHECKPOINT_BYTES = 4 * 1024 * 1024
log = logging.getLogger(__name__)
FILE_MODE = 0o600  # workshops hold personal names: readable by their owner only

Statement = tuple[str, Sequence[Any]]


class Fault(StrEnum):
    """Why the file could not be written, in the words a user needs."""

    FULL = "full"  # the disk (or the file's size limit) is full
    READ_ONLY = "read-only"  # the file, its folder or the whole medium refuses writes
    GONE = "gone"  # the file was deleted or moved, or its drive was removed
    IO = "io"  # the drive does not answer (input/output error)
    OTHER = "other"


FAULT_TEXT = {
    Fault.FULL: "the disk is full",
    Fault.READ_ONLY: "the file or its folder cannot be written (read-only)",
    Fault.GONE: "the file is gone (deleted, moved, or its drive was removed)",
    Fault.IO: "the drive does not respond (input/output error)",
    Fault.OTHER: "the file cannot be written",
}


class FileGoneError(OSError):
    """The path no longer leads to the file that was opened."""


_SQLITE_FAULTS = {
    13: Fault.FULL,  # SQLITE_FULL
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    3: Fault.READ_ONLY,  # SQLITE_PERM
    23: Fault.READ_ONLY,  # SQLITE_AUTH
    10: Fault.IO,  # SQLITE_IOERR
    14: Fault.GONE,  # SQLITE_CANTOPEN
    26: Fault.GONE,  # SQLITE_NOTADB: something else is at the path now
    11: Fault.IO,  # SQLITE_CORRUPT: the medium returns garbage
}
_ERRNO_FAULTS = {
    getattr(errno, name): fault
    for name, fault in (
        ("ENOSPC", Fault.FULL),
        ("EDQUOT", Fault.FULL),
        ("EFBIG", Fault.FULL),
        ("EROFS", Fault.READ_ONLY),
        ("EACCES", Fault.READ_ONLY),
        ("EPERM", Fault.READ_ONLY),
        ("ENOENT", Fault.GONE),
        ("ENODEV", Fault.GONE),
        ("ENXIO", Fault.GONE),
        ("ESTALE", Fault.GONE),
        ("EIO", Fault.IO),
    )
    if hasattr(errno, name)
}


def classify(error: BaseException) -> Fault:
    """The kind of a failed write, from SQLite's result code or the system's error number."""
    if isinstance(error, FileGoneError):
        return Fault.GONE
    if isinstance(error, OSError):
        return _ERRNO_FAULTS.get(error.errno or 0, Fault.OTHER)
    original = getattr(error, "orig", None) or error  # peewee wraps sqlite3's exceptions
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_FAULTS:
        return _SQLITE_FAULTS[code & 0xFF]
    text = str(original).lower()
    for words, fault in (
        ("full", Fault.FULL),
        ("readonly", Fault.READ_ONLY),
        ("read-only", Fault.READ_ONLY),
        ("i/o", Fault.IO),
        ("unable to open", Fault.GONE),
    ):
        if words in text:
            return fault
    return Fault.OTHER


def write_refusal(path: Path) -> Fault | None:
    """READ_ONLY when the system refuses to let the workshop's files be written, else None.

    SQLite reports a write that the system refused on a file it already has open (the file
    made immutable, its medium gone read-only) as a plain input/output error, the same as a
    drive that does not answer; its result codes do not carry the system's error number. So
    after such an error the files are opened for writing (nothing is written), and the
    system's answer tells the two apart.
    """
    with contextlib.suppress(OSError, AttributeError):  # statvfs: not on every system
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return Fault.READ_ONLY
    for candidate in (journal.wal_path(path), path, journal.shm_path(path)):
        try:
            handle = os.open(candidate, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        except OSError as error:
            if _ERRNO_FAULTS.get(error.errno or 0) is Fault.READ_ONLY:
                return Fault.READ_ONLY
            continue
        os.close(handle)
    return None


def _fault_of(error: BaseException, path: Path) -> Fault:
    fault = classify(error)
    if fault in (Fault.IO, Fault.OTHER) and not isinstance(error, ValueError | OverflowError):
        return write_refusal(path) or fault
    return fault


def file_identity(path: Path) -> tuple[int, int]:
    """(device, inode) of a file: what says that a path still leads to the same file."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _create_tables(db: pw.SqliteDatabase) -> None:
    """Version 0 (a new, empty file) to 1: the workshop, attendees, themes, remarks, the tree."""
    db.create_tables(V1_TABLES)


def _add_agenda_and_tasks(db: pw.SqliteDatabase) -> None:
    """Version 1 to 2: the meeting's programme (agenda items) and its tasks.

    Written out as SQL rather than from the models, so that this step stays what it was when
    a later version changes the tables again.
    """
    db.execute_sql(
        'CREATE TABLE "agenda_item" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"position" INTEGER NOT NULL, "title" TEXT NOT NULL, '
        '"planned_minutes" INTEGER NOT NULL DEFAULT 0, "started_at" TEXT, "ended_at" TEXT)'
    )
    db.execute_sql(
        'CREATE TABLE "task" ("id" INTEGER NOT NULL PRIMARY KEY, "position" INTEGER NOT NULL, '
        '"text" TEXT NOT NULL, "owner" TEXT NOT NULL DEFAULT \'\', "due" TEXT, '
        '"done" INTEGER NOT NULL DEFAULT 0)'
    )


# One ordered list of migration steps: MIGRATIONS[n] takes a file from version n to n + 1.
# Storage.open backs the file up (NAME.workshop.vN.bak) before running the steps it needs, all
# in one transaction.
MIGRATIONS: list[Callable[[pw.SqliteDatabase], None]] = [_create_tables, _add_agenda_and_tasks]


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
    if application_id != APPLICATION_ID:
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
    if user_version > SCHEMA_VERSION:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "made by a newer version of the app (file version %1, this app reads up to %2):"
                " update the app to open it",
            ),
            user_version,
            SCHEMA_VERSION,
        )
    return user_version


class Storage:
    """One open .workshop file."""

    def __init__(self, path: Path, db: pw.SqliteDatabase) -> None:
        self.path = path
        self.db = db
        self._pending: list[Statement] = []
        self.last_error: str | None = None
        self.last_fault: Fault | None = None
        self.read_only = False
        # The file that was opened; flush checks that the path still leads to it.
        self._identity: tuple[int, int] | None = None
        # A file found at the path that reattach refused: (device, inode, size, mtime).
        self._refused: tuple[int, int, int, int] | None = None
        # The file was found gone: the connection is closed until reattach accepts a file.
        self._detached = False
        # (device, inode) of this connection's own -wal and -shm, to remove only those.
        self._journal_ids: dict[str, tuple[int, int]] = {}
        # The file has its journal guard row; the next commit starts a new journal generation.
        self._guarded = False
        self._new_generation = True
        # The guard's token after this storage's last commit: it names the file as last written.
        self._token: bytes | None = None
        # Opening for writing set a journal that was not the file's own aside, under this name.
        self.journal_set_aside: Path | None = None
        # Reading left out a journal that was not the file's own.
        self.journal_ignored = False

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Storage:
        """Open an existing workshop file, migrating it (after a backup) when it is older."""
        path = Path(path)
        version = check_workshop_file(path)
        set_aside = _set_aside_foreign_journal(path)
        storage = cls(path, _connect(path))
        storage.journal_set_aside = set_aside
        try:
            storage._identity = file_identity(path)
            result = storage.db.execute_sql("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise BadInputError(
                    path,
                    QT_TRANSLATE_NOOP("Refusal", "the file is damaged (%1)"),
                    result[0] if result else "?",
                )
            if version < SCHEMA_VERSION:
                storage.backup_to(path.with_name(f"{path.name}.v{version}.bak"))
                storage._migrate(version)
            storage._start_journal()
        except (sqlite3.DatabaseError, pw.DatabaseError) as error:
            storage.db.close()
            raise BadInputError(
                path, QT_TRANSLATE_NOOP("Refusal", "the file is damaged (%1)"), error
            ) from None
        except OSError as error:
            storage.db.close()
            raise BadInputError(
                path, QT_TRANSLATE_NOOP("Refusal", "cannot be opened (%1)"), error.strerror
            ) from None
        except BaseException:
            storage.db.close()
            raise
        return storage

    @classmethod
    def open_read_only(cls, path: Path) -> Storage:
        """Open a workshop for reading only (it is open for writing elsewhere).

        Nothing is written: no migration, no checkpoint. A file of an older version is refused,
        since reading it needs the migration that only the writer may make.
        """
        path = Path(path)
        version = check_workshop_file(path)
        if version < SCHEMA_VERSION:
            raise BadInputError(
                path,
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "made by an older version of the app (file version %1): it can only be"
                    " opened read-only once it has been opened for editing",
                ),
                version,
            )
        ignored = _ignore_foreign_journal(path)
        storage = cls(path, _connect_read_only(path, alone=ignored))
        storage.read_only = True
        storage.journal_ignored = ignored
        return storage

    @classmethod
    def read(cls, path: Path) -> WorkshopData:
        """Read a workshop without writing anything, not even SQLite's shared-memory index."""
        path = Path(path)
        check_workshop_file(path)
        db = _connect_read_only(path, alone=_ignore_foreign_journal(path))
        try:
            return cls(path, db).load()
        finally:
            db.close()

    @classmethod
    def create(cls, path: Path, data: WorkshopData, progress: Progress = no_progress) -> Storage:
        """Write ``data`` as a new workshop file (see ``write_new``) and open it."""
        path = Path(path)
        write_new(path, data, progress)
        return cls.open_new(path)

    @classmethod
    def open_new(cls, path: Path) -> Storage:
        """Open a file that ``write_new`` has just written (no quick_check of a file this
        fresh: it would read all of a big one again)."""
        storage = cls(path, _connect(path))
        try:
            storage._identity = file_identity(path)
            storage._start_journal()  # its guard row and its own journal, as any opened file's
        except OSError as error:
            storage.db.close()
            raise StorageError(f"{path}: cannot be opened ({error.strerror})") from None
        return storage

    def _migrate(self, from_version: int) -> None:
        with self.db.atomic():
            self.db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            for version in range(from_version, SCHEMA_VERSION):
                # Peewee binds the models process-wide: one thread at a time.
                with _MODEL_BINDING, self.db.bind_ctx(TABLES):
                    MIGRATIONS[version](self.db)
                self.db.execute_sql(f"PRAGMA user_version = {version + 1}")

    # --- reading -------------------------------------------------------------------------

    def load(self) -> WorkshopData:
        try:
            return self._load()
        except (sqlite3.DatabaseError, pw.DatabaseError, ValueError, KeyError) as error:
            raise BadInputError(
                self.path, QT_TRANSLATE_NOOP("Refusal", "the file is damaged (%1)"), error
            ) from None

    def _load(self) -> WorkshopData:
        # Plain SQL on this storage's own connection, not peewee's models: the models are bound
        # to one database at a time for the whole process, and files are read from worker
        # threads too (backups, the restore list), where that binding would be another file's.
        row = self.db.execute_sql(
            "SELECT title, starts_at, ends_at, place, facilitator, organizer_label, language, "
            "vision_intro FROM workshop LIMIT 1"
        ).fetchone()
        if row is None:
            raise ValueError("it has no workshop details")
        title, starts_at, ends_at, place, facilitator, organizer_label, language, intro = row
        details = WorkshopDetails(
            title=title,
            starts_at=datetime.fromisoformat(starts_at),
            ends_at=datetime.fromisoformat(ends_at) if ends_at else None,
            place=place,
            facilitator=facilitator,
            organizer_label=organizer_label,
            language=language,
            vision_intro=intro,
        )
        data = WorkshopData(details=details)
        data.attendees = [
            Attendee(attendee_id, name, organization, Role(role), bool(present), note)
            for attendee_id, name, organization, role, present, note in self.db.execute_sql(
                "SELECT id, name, organization, role, present, note FROM attendee "
                "ORDER BY position, id"
            )
        ]
        themes = {
            theme_id: Theme(theme_id, name, vision, draft)
            for theme_id, name, vision, draft in self.db.execute_sql(
                "SELECT id, name, vision, draft FROM theme ORDER BY position, id"
            )
        }
        data.themes = list(themes.values())
        remark_rows = self.db.execute_sql(
            "SELECT theme_id, id, text, author, organization, status, response FROM remark "
            "ORDER BY position, id"
        )
        for theme_id, remark_id, text, author, organization, status, response in remark_rows:
            themes[theme_id].remarks.append(
                Remark(remark_id, text, author, organization, RemarkStatus(status), response)
            )
        nodes: dict[int, Node] = {ROOT_ID: data.root}
        rows = self.db.execute_sql(
            "SELECT id, parent_id, text, note, votes FROM node ORDER BY position, id"
        ).fetchall()
        for node_id, _parent, text, note, votes in rows:
            nodes[node_id] = Node(node_id, text, note, votes)
        for node_id, parent_id, *_ in rows:
            parent = nodes[parent_id if parent_id is not None else ROOT_ID]
            node = nodes[node_id]
            node.parent = parent
            parent.children.append(node)
        for node in nodes.values():
            renumber_children(node)
        for block_id, theme_id in self.db.execute_sql(
            "SELECT block_id, theme_id FROM block_theme ORDER BY position"
        ):
            nodes[block_id].theme_ids.append(theme_id)
        # A file of version 1 (read without migrating it: Storage.read) has no programme and
        # no tasks yet.
        (version,) = self.db.execute_sql("PRAGMA user_version").fetchone()
        if version >= 2:
            data.agenda = [
                AgendaItem(
                    item_id,
                    title,
                    int(minutes),
                    datetime.fromisoformat(started) if started else None,
                    datetime.fromisoformat(ended) if ended else None,
                )
                for item_id, title, minutes, started, ended in self.db.execute_sql(
                    "SELECT id, title, planned_minutes, started_at, ended_at FROM agenda_item "
                    "ORDER BY position, id"
                )
            ]
            data.tasks = [
                Task(task_id, text, owner, date.fromisoformat(due) if due else None, bool(done))
                for task_id, text, owner, due, done in self.db.execute_sql(
                    "SELECT id, text, owner, due, done FROM task ORDER BY position, id"
                )
            ]
        return data

    # --- writing -------------------------------------------------------------------------

    def write_all(self, data: WorkshopData, progress: Progress = no_progress) -> None:
        """Replace the whole content of the file by ``data`` in one transaction.

        The rows stream from ``data`` into SQLite, none kept as a list. ``progress`` hears how
        many are written, and may stop the work by raising Cancelled: nothing is then written.
        """
        details = data.details
        rows = _RowCount(progress, _row_total(data))
        with self.db.atomic():
            for table in reversed(TABLES):
                self.db.execute_sql(f'DELETE FROM "{table._meta.table_name}"')
            self.db.execute_sql(
                "INSERT INTO workshop (id, title, starts_at, ends_at, place, facilitator, "
                "organizer_label, language, vision_intro) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    storable_text(details.title),
                    iso(details.starts_at),
                    iso(details.ends_at),
                    storable_text(details.place),
                    storable_text(details.facilitator),
                    storable_text(details.organizer_label),
                    details.language,
                    _storable_or_none(details.vision_intro),
                ),
            )
            self._executemany(
                "INSERT INTO attendee (id, position, name, organization, role, present, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows.counted(attendee_values(a, i) for i, a in enumerate(data.attendees)),
            )
            self._executemany(
                "INSERT INTO theme (id, position, name, vision, draft) VALUES (?, ?, ?, ?, ?)",
                rows.counted(theme_values(t, i) for i, t in enumerate(data.themes)),
            )
            self._executemany(
                INSERT_REMARK,
                rows.counted(
                    remark_values(r, t.id, i) for t in data.themes for i, r in enumerate(t.remarks)
                ),
            )
            for block in data.blocks:
                self._executemany(INSERT_NODE, rows.counted(subtree_values(block)))
                self._executemany(INSERT_BLOCK_THEME, block_theme_values(block))
            self._executemany(
                INSERT_AGENDA_ITEM,
                rows.counted(agenda_values(a, i) for i, a in enumerate(data.agenda)),
            )
            self._executemany(
                INSERT_TASK, rows.counted(task_values(t, i) for i, t in enumerate(data.tasks))
            )
            for sql in self._guard_statements():
                self.db.execute_sql(sql)
            rows.report()
        self._after_commit()

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.connection().executemany(sql, rows)

    def queue(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Queue one statement for the next flush.

        A statement that sets the same columns of the same row (``… WHERE id = ?``) as the one
        queued just before it replaces it: typing queues one update per keystroke, the file
        needs only the last. Relative updates (``position = position + 1 WHERE …``) add up,
        so they are always kept.
        """
        if (
            self._pending
            and self._pending[-1][0] == sql
            and sql.startswith("UPDATE")
            and sql.endswith("WHERE id = ?")
            and "= position" not in sql
            and self._pending[-1][1][-1:] == tuple(params)[-1:]
        ):
            self._pending[-1] = (sql, params)
            return
        self._pending.append((sql, params))

    def queue_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._pending.extend((sql, tuple(row)) for row in rows)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Commit every queued statement in one transaction; False (queue kept) on failure.

        On failure ``last_error`` holds the system's words and ``last_fault`` the kind.
        """
        if not self._pending:
            return True
        try:
            self.check_in_place()
            self._commit(self._pending)
        except (sqlite3.Error, pw.PeeweeException, OSError, ValueError, OverflowError) as error:
            # ValueError and OverflowError: a value SQLite cannot store. Documents refuse those
            # before they are queued; should one slip through, it is reported, not raised.
            self.last_fault = _fault_of(error, self.path)
            self.last_error = str(error) or FAULT_TEXT[self.last_fault]
            return False
        self._pending.clear()
        self.last_error = None
        self.last_fault = None
        self._after_commit()
        return True

    def _commit(self, statements: Sequence[Statement]) -> None:
        """Run the statements in one transaction; on any failure, none of them is applied.

        Managed here rather than by peewee: when SQLite rolls a transaction back by itself
        (a full disk does that), peewee's own rollback fails with "no transaction is active"
        and that message would hide the real one.
        """
        connection = self.db.connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                connection.execute(sql, params)
            for sql in self._guard_statements():
                connection.execute(sql)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise

    # --- the journal -----------------------------------------------------------------------

    def _guard_statements(self) -> tuple[str, ...]:
        """What each transaction writes into the guard row (see journal.py)."""
        if not self._guarded:  # a file the guard could not be added to when it was opened
            return (journal.CREATE_GUARD, journal.INSERT_GUARD, journal.NEW_GENERATION)
        return (journal.NEW_GENERATION,) if self._new_generation else (journal.NEXT_TOKEN,)

    def _after_commit(self) -> None:
        self._guarded = True
        self._new_generation = False
        self._token = self._read_token(self.db.connection())
        self._remember_journal()
        try:
            size = journal.wal_path(self.path).stat().st_size
        except OSError:
            return
        if size >= CHECKPOINT_BYTES:
            # Not waiting for readers: a checkpoint they hold up is tried again next time.
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
                self._checkpoint(wait=False)

    def _checkpoint(self, *, wait: bool = True) -> bool:
        """Copy the whole journal into the file and empty it; True when all of it is there.

        Only then may the next transaction start a new generation of the journal: after a
        partial checkpoint, the file holds part of the current generation.
        """
        connection = self.db.connection()
        if not wait:
            connection.execute("PRAGMA busy_timeout = 0")
        try:
            busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            if not wait:
                connection.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")
        complete = busy == 0 and frames == copied
        if complete:
            self._new_generation = True
        return bool(complete)

    def _start_journal(self) -> None:
        """After connecting for writing: fold what the journal holds into the file, and give
        the file its guard row when it has none (a file made by an older version).

        A file that refuses writes is opened all the same: flush will say what is wrong.
        """
        with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
            self._checkpoint()
        self._guarded = self._has_guard()
        if not self._guarded:
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
                self._commit([])  # creates the guard row
                self._guarded = True
                self._checkpoint()
        self._token = self._read_token(self.db.connection())
        self._remember_journal()

    @staticmethod
    def _read_token(connection: sqlite3.Connection) -> bytes | None:
        try:
            row = connection.execute(
                f'SELECT token FROM "{journal.GUARD_TABLE}" WHERE id = 1'
            ).fetchone()
        except sqlite3.OperationalError:  # no guard table
            return None
        return None if row is None else bytes(row[0])

    def _has_guard(self) -> bool:
        row = self.db.execute_sql(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (journal.GUARD_TABLE,)
        ).fetchone()
        return row is not None

    def _remember_journal(self) -> None:
        """Note which -wal and -shm files are this connection's (SQLite keeps them while the
        connection is open)."""
        for side in (journal.wal_path(self.path), journal.shm_path(self.path)):
            suffix = side.name[len(self.path.name) :]
            if suffix not in self._journal_ids:
                with contextlib.suppress(OSError):
                    self._journal_ids[suffix] = file_identity(side)

    def _detach(self) -> None:
        """The file is gone from its path: fold the journal into it, close, and remove the
        journal from the path, so that it can never pair with another file put there.

        The checkpoint writes through the connection's open handles, into this workshop's own
        file wherever it is now (moved, deleted, or on a drive that no longer answers, where
        it fails harmlessly), never into a file now at the path.
        """
        if self._detached:
            return
        self._detached = True
        if not self.db.is_closed():
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException, OSError):
                self.db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException, OSError):
                self.db.close()
        for suffix, identity in self._journal_ids.items():
            side = Path(f"{self.path}{suffix}")
            with contextlib.suppress(OSError):
                if file_identity(side) == identity:  # only this connection's own
                    side.unlink()
        self._journal_ids = {}

    # --- the file's place ------------------------------------------------------------------

    def reattach(self, expected: Callable[[WorkshopData], bool]) -> bool:
        """Go on in the file now at this path, when it is the workshop as this storage left it.

        After a USB stick is pulled and plugged in again, the path leads to a file again, but
        not to the one that was opened (another device, another inode), so ``flush`` refuses
        it. The file found there is read without writing anything, not even beside it (with
        its journal only when that is its own), the waiting statements are applied to a copy
        of it in memory, and only when ``expected`` accepts the result (it equals the
        workshop in memory) is the file opened for writing and the statements committed.
        Anything else (another workshop, an older copy, a file beside a journal that is not
        its own) is left untouched, and not examined again while it stays as it is.
        """
        try:
            status = os.stat(self.path)
        except OSError:
            return False
        key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
        if key == self._refused:
            return False
        self._detach()  # nothing of the old connection may be used with the new file
        try:
            if check_workshop_file(self.path) != SCHEMA_VERSION:
                raise BadInputError(self.path, "another version")
            if journal.journal_is_foreign(self.path):
                raise BadInputError(self.path, "beside a journal that is not its own")
            token, found = self._read_with_pending()
            # The guard's token is new with every commit: only the file as this storage last
            # wrote it (or a copy of it) holds the last one. Content alone is not enough: an
            # older copy plus the waiting statements may happen to equal what is in memory.
            accepted = (self._token is None or token == self._token) and expected(found)
        except (sqlite3.Error, pw.PeeweeException, OSError, WorkshopError, ValueError):
            accepted = False
        if not accepted or _stat_key(self.path) != key:
            self._refused = key
            return False
        old_umask = os.umask(0o077)  # a new -wal and -shm are for the owner only
        try:
            self.db.connect()
        except (sqlite3.Error, pw.PeeweeException, OSError) as error:
            self.last_fault = _fault_of(error, self.path)
            self.last_error = str(error)
            return False
        finally:
            os.umask(old_umask)
        try:
            self._start_journal()
            self._commit(self._pending)
        except (sqlite3.Error, pw.PeeweeException, OSError, ValueError, OverflowError) as error:
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException, OSError):
                self.db.close()
            self.last_fault = _fault_of(error, self.path)
            self.last_error = str(error)
            return False
        self._identity = file_identity(self.path)
        self._detached = False
        self._refused = None
        self._pending.clear()
        self.last_error = None
        self.last_fault = None
        self._after_commit()
        return True

    def _read_with_pending(self) -> tuple[bytes | None, WorkshopData]:
        """The file's guard token, and its content with the waiting statements applied (in
        memory only)."""
        source = _connect_read_only(self.path)
        memory = pw.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1}, autoconnect=False)
        memory.connect()
        try:
            try:
                source.connection().backup(memory.connection())
            finally:
                source.close()
            connection = memory.connection()
            token = self._read_token(connection)
            for sql, params in self._pending:
                connection.execute(sql, params)
            return token, Storage(self.path, memory).load()
        finally:
            memory.close()

    def check_in_place(self) -> None:
        """Raise FileGoneError when the path no longer leads to the file that was opened.

        The first time, the storage lets go of the file and its journal (``_detach``).
        """
        if self._identity is None:
            return
        try:
            identity = file_identity(self.path)
        except FileNotFoundError:
            problem = f"the file is no longer at {self.path}"
        else:
            if identity == self._identity and not self._detached:
                return
            # Once detached, the same inode proves nothing: the file's inode was freed when
            # the connection let go of it, and a file put there since may have been given it.
            # Whatever is there now is another file until reattach has checked it.
            problem = f"another file is now at {self.path}"
        self._detach()
        raise FileGoneError(errno.ENOENT, problem, str(self.path))

    def connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection (for SQLite's backup API)."""
        if self._detached:
            raise FileGoneError(
                errno.ENOENT, f"the file is no longer at {self.path}", str(self.path)
            )
        return self.db.connection()

    def backup_to(self, target: Path) -> None:
        """Copy the file with SQLite's backup API (consistent even while it is open)."""
        with sqlite3.connect(target) as destination:
            self.connection().backup(destination)
        destination.close()
        os.chmod(target, FILE_MODE)

    def close(self) -> None:
        if self._detached or self.db.is_closed():
            return
        # A checkpoint is an optimisation; the WAL stays valid without it. A read-only
        # connection writes nothing, and a file that is gone cannot be checkpointed.
        if not self.read_only:
            try:
                self.check_in_place()
            except FileGoneError:
                return  # let go of, with its journal folded in and removed from the path
            except OSError:
                pass
            else:
                with contextlib.suppress(sqlite3.Error, pw.PeeweeException, OSError):
                    self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
            self.db.close()


def _stat_key(path: Path) -> tuple[int, int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def _set_aside_foreign_journal(path: Path) -> Path | None:
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


def _ignore_foreign_journal(path: Path) -> bool:
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


def _connect(path: Path) -> pw.SqliteDatabase:
    # Never connected again behind the storage's back: after the file is found gone, only
    # reattach may connect, once it has checked the file now at the path.
    db = pw.SqliteDatabase(None, autoconnect=False)
    db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    old_umask = os.umask(0o077)  # the file and its WAL are created for the owner only
    try:
        db.connect()
    except (sqlite3.DatabaseError, pw.DatabaseError) as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be opened (%1)"), error
        ) from None
    finally:
        os.umask(old_umask)
    return db


def _connect_read_only(path: Path, *, alone: bool = False) -> pw.SqliteDatabase:
    """A connection that writes nothing, not even SQLite's shared-memory index when it can.

    ``alone``: read the file without the journal beside it (it is not the file's own).
    """
    # Without a WAL beside it the file is complete and closed: read it as immutable, which
    # creates no -wal/-shm files. With one, it is open elsewhere: read it through the WAL.
    has_wal = not alone and journal.wal_path(path).exists()
    mode = "mode=ro" if has_wal else "immutable=1"
    db = pw.SqliteDatabase(None)
    db.init(f"{path.resolve().as_uri()}?{mode}", uri=True, check_same_thread=False)
    try:
        db.connect()
    except (sqlite3.DatabaseError, pw.DatabaseError) as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be opened (%1)"), error
        ) from None
    return db


def write_new(path: Path, data: WorkshopData, progress: Progress = no_progress) -> None:
    """Write ``data`` as a new workshop file, atomically: a complete file or none at all.

    The file is written as a temporary one beside ``path`` and renamed into place once it is
    complete. When anything goes wrong, or ``progress`` stops the work by raising Cancelled,
    the temporary file goes (with its -wal and -shm, if any) and ``path`` is left as it was.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        _remove_database_files(temporary)
        db = _connect(temporary)
        try:
            # A file nobody else sees yet needs no journal: if writing fails, it is deleted.
            # That spares writing everything twice (into the WAL, then into the file).
            db.execute_sql("PRAGMA journal_mode = OFF")
            db.execute_sql("PRAGMA synchronous = OFF")
            storage = Storage(temporary, db)
            storage._migrate(0)
            storage.write_all(data, progress)
            db.execute_sql("PRAGMA journal_mode = WAL")  # how every workshop is opened
        finally:
            db.close()
        _sync(temporary)  # everything on the disk before the rename makes it the workshop
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except (sqlite3.Error, pw.PeeweeException) as error:
        _remove_database_files(temporary)
        raise StorageError(f"{path}: cannot be written ({error})") from None
    except OSError as error:
        _remove_database_files(temporary)
        raise StorageError(f"{path}: cannot be written ({error.strerror})") from None
    except BaseException:
        _remove_database_files(temporary)
        raise
    _remove_database_files(temporary)


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_workshop_files(path: Path) -> None:
    """Delete a workshop file and SQLite's companions of it (an import that was cancelled)."""
    _remove_database_files(Path(path))


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


_Row = TypeVar("_Row")


class _RowCount:
    """Counts the rows that stream into the file, telling ``progress`` every so often."""

    EVERY = 4096

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def counted(self, rows: Iterable[_Row]) -> Iterator[_Row]:
        for row in rows:
            yield row
            self.done += 1
            if not self.done % self.EVERY:
                self.progress(self.done, self.total)

    def report(self) -> None:
        self.progress(self.done, self.total)


def _row_total(data: WorkshopData) -> int:
    """How many rows ``write_all`` writes (except the themes of blocks)."""
    nodes = sum(1 for _ in data.root.walk()) - 1
    remarks = sum(len(theme.remarks) for theme in data.themes)
    others = len(data.attendees) + len(data.themes) + len(data.agenda) + len(data.tasks)
    return nodes + remarks + others


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


INSERT_NODE = (
    "INSERT INTO node (id, parent_id, position, text, note, votes) VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_BLOCK_THEME = "INSERT INTO block_theme (block_id, theme_id, position) VALUES (?, ?, ?)"
INSERT_REMARK = (
    "INSERT INTO remark (id, theme_id, position, text, author, organization, status, response) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_AGENDA_ITEM = (
    "INSERT INTO agenda_item (id, position, title, planned_minutes, started_at, ended_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_TASK = "INSERT INTO task (id, position, text, owner, due, done) VALUES (?, ?, ?, ?, ?, ?)"


def parent_column(parent_id: int) -> int | None:
    return None if parent_id == ROOT_ID else parent_id


def _storable_or_none(text: str | None) -> str | None:
    return None if text is None else storable_text(text)


# The rows below hold text as the file can store it (storable_text): one lone surrogate, which
# UTF-8 cannot encode, would otherwise fail the whole transaction.


def subtree_values(top: Node) -> Iterator[tuple[Any, ...]]:
    """Rows for ``top`` and all its descendants, parents before children (one by one: a
    block may hold a million)."""
    return (
        (
            n.id,
            parent_column(n.parent.id if n.parent else ROOT_ID),
            n.position,
            storable_text(n.text),
            storable_text(n.note),
            n.votes,
        )
        for n in top.walk()
    )


def block_theme_values(top: Node) -> list[tuple[int, int, int]]:
    """The themes of ``top`` when it is a block (nothing below a block is one)."""
    return (
        [(top.id, theme_id, i) for i, theme_id in enumerate(top.theme_ids)] if top.is_block else []
    )


def attendee_values(a: Attendee, position: int) -> tuple[Any, ...]:
    text = storable_text
    return (
        a.id,
        position,
        text(a.name),
        text(a.organization),
        a.role.value,
        a.present,
        text(a.note),
    )


def theme_values(t: Theme, position: int) -> tuple[Any, ...]:
    return (
        t.id,
        position,
        storable_text(t.name),
        storable_text(t.vision),
        _storable_or_none(t.draft),
    )


def remark_values(r: Remark, theme_id: int, position: int) -> tuple[Any, ...]:
    text = storable_text
    return (
        r.id,
        theme_id,
        position,
        text(r.text),
        text(r.author),
        text(r.organization),
        r.status.value,
        text(r.response),
    )


def agenda_values(a: AgendaItem, position: int) -> tuple[Any, ...]:
    return (
        a.id,
        position,
        storable_text(a.title),
        a.planned_minutes,
        iso(a.started_at),
        iso(a.ended_at),
    )


def task_values(t: Task, position: int) -> tuple[Any, ...]:
    return (
        t.id,
        position,
        storable_text(t.text),
        storable_text(t.owner),
        iso_date(t.due),
        t.done,
    )

"""One open .workshop file (``Storage``): opening it, loading it, and queueing and flushing writes.

The other modules of this package do the parts: files.py checks and connects to the file and
writes new ones, migrations.py brings an older file up to date, rows.py turns rows into objects
and back, changes.py names the changes a document queues, guard.py keeps the journal guard,
faults.py says why a write failed.

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
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import peewee as pw

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import BadInputError, StorageError, WorkshopError
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.progress import Progress, no_progress
from facilitator_app.workshop.store import journal, schema
from facilitator_app.workshop.store.changes import Changes
from facilitator_app.workshop.store.faults import FAULT_TEXT, Fault, FileGoneError, fault_of
from facilitator_app.workshop.store.files import (
    check_workshop_file,
    connect,
    connect_read_only,
    copy_database,
    file_identity,
    ignore_foreign_journal,
    set_aside_foreign_journal,
    stat_key,
    write_new,
)
from facilitator_app.workshop.store.guard import JournalGuard, read_token
from facilitator_app.workshop.store.migrations import migrate
from facilitator_app.workshop.store.rows import read_workshop, write_workshop
from facilitator_app.workshop.store.schema import TABLES, table_name

Statement = tuple[str, Sequence[Any]]


class Storage(Changes):
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
        self.journal = JournalGuard(path)
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
        set_aside = set_aside_foreign_journal(path)
        storage = cls(path, connect(path))
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
            if version < schema.SCHEMA_VERSION:
                storage.backup_to(path.with_name(f"{path.name}.v{version}.bak"))
                migrate(storage.db, version)
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
        if version < schema.SCHEMA_VERSION:
            raise BadInputError(
                path,
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "made by an older version of the app (file version %1): it can only be"
                    " opened read-only once it has been opened for editing",
                ),
                version,
            )
        ignored = ignore_foreign_journal(path)
        storage = cls(path, connect_read_only(path, alone=ignored))
        storage.read_only = True
        storage.journal_ignored = ignored
        return storage

    @classmethod
    def read(cls, path: Path) -> WorkshopData:
        """Read a workshop without writing anything, not even SQLite's shared-memory index."""
        path = Path(path)
        check_workshop_file(path)
        db = connect_read_only(path, alone=ignore_foreign_journal(path))
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
        storage = cls(path, connect(path))
        try:
            storage._identity = file_identity(path)
            storage._start_journal()  # its guard row and its own journal, as any opened file's
        except OSError as error:
            storage.db.close()
            raise StorageError(f"{path}: cannot be opened ({error.strerror})") from None
        return storage

    # --- reading -------------------------------------------------------------------------

    def load(self) -> WorkshopData:
        try:
            return read_workshop(self.db.connection())
        except (sqlite3.DatabaseError, pw.DatabaseError, ValueError, KeyError) as error:
            raise BadInputError(
                self.path, QT_TRANSLATE_NOOP("Refusal", "the file is damaged (%1)"), error
            ) from None

    # --- writing -------------------------------------------------------------------------

    def write_all(self, data: WorkshopData, progress: Progress = no_progress) -> None:
        """Replace the whole content of the file by ``data`` in one transaction.

        ``progress`` hears how many rows are written, and may stop the work by raising
        Cancelled: nothing is then written.
        """
        with self.db.atomic():
            for table in reversed(TABLES):
                self.db.execute_sql(f'DELETE FROM "{table_name(table)}"')
            write_workshop(self.db.connection(), data, progress)
            for sql in self.journal.statements():
                self.db.execute_sql(sql)
        self._after_commit()

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
            self.last_fault = fault_of(error, self.path)
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
            for sql in self.journal.statements():
                connection.execute(sql)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise

    # --- the journal ---------------------------------------------------------------------

    def _after_commit(self) -> None:
        self.journal.after_commit(self.db.connection())

    def _start_journal(self) -> None:
        """After connecting for writing: the file's guard row and its own journal."""
        self.journal.start(self.db.connection(), lambda: self._commit([]))

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
        self.journal.remove_own_journal()

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
            if check_workshop_file(self.path) != schema.SCHEMA_VERSION:
                raise BadInputError(self.path, "another version")
            if journal.journal_is_foreign(self.path):
                raise BadInputError(self.path, "beside a journal that is not its own")
            token, found = self._read_with_pending()
            # The guard's token is new with every commit: only the file as this storage last
            # wrote it (or a copy of it) holds the last one. Content alone is not enough: an
            # older copy plus the waiting statements may happen to equal what is in memory.
            last = self.journal.token
            accepted = (last is None or token == last) and expected(found)
        except (sqlite3.Error, pw.PeeweeException, OSError, WorkshopError, ValueError):
            accepted = False
        if not accepted or stat_key(self.path) != key:
            self._refused = key
            return False
        old_umask = os.umask(0o077)  # a new -wal and -shm are for the owner only
        try:
            self.db.connect()
        except (sqlite3.Error, pw.PeeweeException, OSError) as error:
            self.last_fault = fault_of(error, self.path)
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
            self.last_fault = fault_of(error, self.path)
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
        source = connect_read_only(self.path)
        memory = pw.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1}, autoconnect=False)
        memory.connect()
        try:
            try:
                source.connection().backup(memory.connection())
            finally:
                source.close()
            connection = memory.connection()
            token = read_token(connection)
            for sql, params in self._pending:
                connection.execute(sql, params)
            return token, read_workshop(connection)
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
        copy_database(self.connection(), target)

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

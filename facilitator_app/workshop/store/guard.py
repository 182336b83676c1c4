"""The journal guard of an open workshop: what each transaction writes into the guard row,
the checkpoints that start a new generation of the journal, and which -wal and -shm files
are this connection's own (journal.py says why the guard exists)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from facilitator_app.workshop.store import journal
from facilitator_app.workshop.store.files import PRAGMAS, file_identity

# About SQLite's own automatic checkpoint (1000 pages of 4 KiB): fold the journal beyond this.
CHECKPOINT_BYTES = 4 * 1024 * 1024


class JournalGuard:
    """The guard row and the journal of one workshop file, as its writing connection sees them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # The file has its journal guard row; the next commit starts a new journal generation.
        self.guarded = False
        self.new_generation = True
        # The guard's token after the last commit: it names the file as last written.
        self.token: bytes | None = None
        # (device, inode) of this connection's own -wal and -shm, to remove only those.
        self._journal_ids: dict[str, tuple[int, int]] = {}

    def statements(self) -> tuple[str, ...]:
        """What the next transaction writes into the guard row."""
        if not self.guarded:  # a file the guard could not be added to when it was opened
            return journal.GUARD_OF_NEW_FILE
        return (journal.NEW_GENERATION,) if self.new_generation else (journal.NEXT_TOKEN,)

    def start(self, connection: sqlite3.Connection, commit_nothing: Callable[[], None]) -> None:
        """After connecting for writing: fold what the journal holds into the file, and give
        the file its guard row when it has none (a file made by an older version), by
        ``commit_nothing`` (a transaction of the guard's statements alone).

        A file that refuses writes is opened all the same: flush will say what is wrong.
        """
        with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
            self.checkpoint(connection)
        self.guarded = _has_guard(connection)
        if not self.guarded:
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
                commit_nothing()  # creates the guard row
                self.guarded = True
                self.checkpoint(connection)
        self.token = read_token(connection)
        self.remember_journal()

    def after_commit(self, connection: sqlite3.Connection) -> None:
        self.guarded = True
        self.new_generation = False
        self.token = read_token(connection)
        self.remember_journal()
        try:
            size = journal.wal_path(self.path).stat().st_size
        except OSError:
            return
        if size >= CHECKPOINT_BYTES:
            # Not waiting for readers: a checkpoint they hold up is tried again next time.
            with contextlib.suppress(sqlite3.Error, pw.PeeweeException):
                self.checkpoint(connection, wait=False)

    def checkpoint(self, connection: sqlite3.Connection, *, wait: bool = True) -> bool:
        """Copy the whole journal into the file and empty it; True when all of it is there.

        Only then may the next transaction start a new generation of the journal: after a
        partial checkpoint, the file holds part of the current generation.
        """
        if not wait:
            connection.execute("PRAGMA busy_timeout = 0")
        try:
            busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            if not wait:
                connection.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")
        complete = busy == 0 and frames == copied
        if complete:
            self.new_generation = True
        return bool(complete)

    def remember_journal(self) -> None:
        """Note which -wal and -shm files are this connection's (SQLite keeps them while the
        connection is open)."""
        for side in (journal.wal_path(self.path), journal.shm_path(self.path)):
            suffix = side.name[len(self.path.name) :]
            if suffix not in self._journal_ids:
                with contextlib.suppress(OSError):
                    self._journal_ids[suffix] = file_identity(side)

    def remove_own_journal(self) -> None:
        """Remove this connection's -wal and -shm from the path (once it has let go of them),
        never a journal another file put there."""
        for suffix, identity in self._journal_ids.items():
            side = Path(f"{self.path}{suffix}")
            with contextlib.suppress(OSError):
                if file_identity(side) == identity:  # only this connection's own
                    side.unlink()
        self._journal_ids = {}


def read_token(connection: sqlite3.Connection) -> bytes | None:
    """The guard row's token (None when the file has no guard table)."""
    try:
        row = connection.execute(
            f'SELECT token FROM "{journal.GUARD_TABLE}" WHERE id = 1'
        ).fetchone()
    except sqlite3.OperationalError:  # no guard table
        return None
    return None if row is None else bytes(row[0])


def _has_guard(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (journal.GUARD_TABLE,)
    ).fetchone()
    return row is not None

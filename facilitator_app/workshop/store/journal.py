"""Telling whether the ``-wal`` beside a workshop file is that file's own journal.

SQLite applies every committed frame of ``NAME-wal`` on top of ``NAME`` when it opens it, and
nothing in either file says that they belong together: an older copy put back beside a journal
written for the newer file is read as a mix of both (new pages over old ones), which may even
pass ``PRAGMA integrity_check``. SQLite cannot tell, so the app records it in the file itself.

Each workshop holds one row, ``journal_guard(generation, base, token)``:

- every transaction the app commits gives ``token`` a new random value, so the row's page is in
  every transaction of a journal the app writes;
- the app checkpoints its journal itself (SQLite's automatic checkpoints are off), and the first
  transaction after a complete checkpoint starts a new *generation* of the journal: it sets
  ``generation`` to a new random value and ``base`` to the token the file held until then, the
  token that is now in the main file.

A journal belongs to the file beside it when the file, read alone, holds the token the journal's
generation started from (``base``), or already holds a row of that same generation (a checkpoint
that had copied part of the journal into the file when it was interrupted). An older copy of the
workshop, another workshop, or a copy that was edited elsewhere holds neither, since the values
are random. A journal that commits nothing never mixes; a file without the row (made by an older
version of the app) cannot be checked and is read as SQLite reads it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

GUARD_TABLE = "journal_guard"
CREATE_GUARD = (
    f'CREATE TABLE IF NOT EXISTS "{GUARD_TABLE}" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),'
    ' "generation" BLOB NOT NULL, "base" BLOB, "token" BLOB NOT NULL)'
)
INSERT_GUARD = (
    f'INSERT OR IGNORE INTO "{GUARD_TABLE}" (id, generation, base, token) '
    "VALUES (1, randomblob(16), NULL, randomblob(16))"
)
# In an UPDATE every expression reads the row as it was: ``base`` takes the previous token.
NEW_GENERATION = (
    f'UPDATE "{GUARD_TABLE}" SET generation = randomblob(16), base = token, '
    "token = randomblob(16) WHERE id = 1"
)
NEXT_TOKEN = f'UPDATE "{GUARD_TABLE}" SET token = randomblob(16) WHERE id = 1'
# What the first transaction into a file without the guard row writes (a new file, or one made
# by an older version of the app).
GUARD_OF_NEW_FILE = (CREATE_GUARD, INSERT_GUARD, NEW_GENERATION)

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24


@dataclass(frozen=True)
class Guard:
    page: int  # the guard table's page in the file
    generation: bytes
    base: bytes | None
    token: bytes


def wal_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def shm_path(path: Path) -> Path:
    return Path(f"{path}-shm")


def _wal_header(wal: Path) -> bytes | None:
    try:
        with wal.open("rb") as handle:
            header = handle.read(_WAL_HEADER)
    except OSError:
        return None
    return header if len(header) == _WAL_HEADER else None


def committed_pages(wal: Path) -> set[int]:
    """The pages that the journal's committed frames hold (empty when it commits nothing).

    Frames belong to the journal's current generation when they carry its header's salts; a
    transaction is committed when its last frame records the database's size. Checksums are not
    verified: a torn last frame only makes a page count that SQLite would skip.
    """
    pages: set[int] = set()
    try:
        with wal.open("rb") as handle:
            header = handle.read(_WAL_HEADER)
            if len(header) < _WAL_HEADER:
                return pages
            magic, _version, page_size = struct.unpack(">III", header[:12])
            if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
                return pages
            salts = header[16:24]
            transaction: set[int] = set()
            offset = _WAL_HEADER
            while True:
                handle.seek(offset)
                frame = handle.read(_FRAME_HEADER)
                if len(frame) < _FRAME_HEADER or frame[8:16] != salts:
                    break
                page, size_after_commit = struct.unpack(">II", frame[:8])
                transaction.add(page)
                if size_after_commit:
                    pages |= transaction
                    transaction = set()
                offset += _FRAME_HEADER + page_size
    except OSError:
        return set()
    return pages


def _read_guard(path: Path, *, through_journal: bool) -> Guard | None:
    """The guard row of the file alone (immutable: no journal, nothing written) or as SQLite
    reads it through its journal. None when the file has no guard row."""
    mode = "mode=ro" if through_journal else "immutable=1"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    try:
        row = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?", (GUARD_TABLE,)
        ).fetchone()
        if row is None:
            return None
        guard = connection.execute(
            f'SELECT generation, base, token FROM "{GUARD_TABLE}" WHERE id = 1'
        ).fetchone()
        if guard is None:
            return None
        return Guard(int(row[0]), *guard)
    finally:
        connection.close()


def _belongs(path: Path, wal: Path) -> bool:
    pages = committed_pages(wal)
    if not pages:
        return True  # nothing committed: SQLite applies nothing
    try:
        alone = _read_guard(path, through_journal=False)
    except sqlite3.Error:
        return True  # the file itself cannot be read: opening it will say so
    if alone is None:
        return True  # made by an older version: nothing to check against
    if alone.page not in pages:
        return False  # the app's every transaction writes the guard's page
    try:
        seen = _read_guard(path, through_journal=True)
    except sqlite3.Error:
        return False  # the journal's pages do not even fit this file
    if seen is None:
        return False
    return alone.token == seen.base or alone.generation == seen.generation


def journal_is_foreign(path: Path) -> bool:
    """True when ``NAME-wal`` beside ``path`` commits changes that were not made to this file.

    Read without writing to either file. A writer that checkpoints while this reads changes the
    journal's header; then it is read again.
    """
    wal = wal_path(path)
    for _ in range(3):
        before = _wal_header(wal)
        if before is None:
            return False  # no journal, or an empty one
        belongs = _belongs(path, wal)
        if _wal_header(wal) == before:
            return not belongs
    return not belongs


def set_aside(path: Path) -> Path:
    """Rename a foreign journal so that SQLite never applies it; remove its shared-memory index.

    The journal is kept (renamed, not deleted): whatever it holds may still matter to someone
    who has the file it was written for. Raises OSError when the folder refuses.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}-wal.{stamp}.not-its-own")
    wal_path(path).rename(target)
    # The index describes the journal that was set aside; a new connection must build its own.
    with contextlib.suppress(FileNotFoundError):
        shm_path(path).unlink()
    return target

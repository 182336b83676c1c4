"""Why a write to a workshop file failed: SQLite's and the system's errors, in a user's words."""

from __future__ import annotations

import contextlib
import errno
import os
from enum import StrEnum
from pathlib import Path

from facilitator_app.workshop.store import journal


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


# What the message of an error without a result code says, by the words in it.
_WORDS = {
    "full": Fault.FULL,
    "readonly": Fault.READ_ONLY,
    "read-only": Fault.READ_ONLY,
    "i/o": Fault.IO,
    "unable to open": Fault.GONE,
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
    return next((fault for words, fault in _WORDS.items() if words in text), Fault.OTHER)


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


def fault_of(error: BaseException, path: Path) -> Fault:
    """The kind of a failed write of the file at ``path``, asking the system when SQLite's
    answer does not tell (see ``write_refusal``)."""
    fault = classify(error)
    if fault in (Fault.IO, Fault.OTHER) and not isinstance(error, ValueError | OverflowError):
        return write_refusal(path) or fault
    return fault

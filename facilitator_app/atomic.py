"""Atomic file writes: a temporary file in the target's folder, renamed into place when complete.

A reader never sees a half-written file, and a failed write leaves the old file untouched.
Files are written readable by their owner only (most of what the app writes holds people's
names); ``follow_umask`` opens up one that names nobody, as any other program's file would be.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    The temporary file is created 0600 (``mkstemp``), so nobody else can read it at any moment.
    """
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path(".")
    )
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        with open(temporary_path, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary_path.unlink()
        raise


def write_bytes_atomically(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)  # truncates the 0600 file: its permissions stay


def write_text_atomically(target: Path, text: str) -> None:
    write_bytes_atomically(target, text.encode("utf-8"))


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as status,
    ):
        found = re.search(r"^Umask:\s*([0-7]+)$", status.read(), re.MULTILINE)
        if found:
            return int(found.group(1), 8)
    mask = os.umask(0o077)  # elsewhere the only way to read it is to set it for a moment
    os.umask(mask)
    return mask


def follow_umask(path: Path) -> None:
    """Give a written file the permissions a new file gets from the umask (it names nobody)."""
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~current_umask())

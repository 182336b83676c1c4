"""Atomic file writes: a temporary file in the target's folder, renamed into place when complete.

A reader never sees a half-written file, and a failed write leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path, *, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically."""
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path(".")
    )
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        os.chmod(temporary_path, mode)
        with open(temporary_path, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary_path.unlink()
        raise


def write_bytes_atomically(target: Path, data: bytes, *, mode: int = 0o644) -> None:
    with atomic_path(target, mode=mode) as temporary:
        temporary.write_bytes(data)


def write_text_atomically(target: Path, text: str, *, mode: int = 0o644) -> None:
    write_bytes_atomically(target, text.encode("utf-8"), mode=mode)

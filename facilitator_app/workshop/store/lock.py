"""One writer per workshop: a lock file beside the open .workshop file (no Qt).

``acquire(path)`` creates ``NAME.workshop.lock`` atomically (``O_CREAT | O_EXCL``) holding who
has the workshop open: host, process id, user and since when, as JSON. A second instance gets a
``LockedError`` carrying that information, so the GUI can say who has it open and offer to open
it read-only. A lock whose process is gone (the app crashed or was killed, or the machine was
restarted since) is stale and is taken over. A lock from another host cannot be checked: the
user decides (``take_over``).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator_app.workshop.errors import WorkshopError

LOCK_SUFFIX = ".lock"
LOCK_MODE = 0o600  # it names a user and a host: readable by its owner only
# An unreadable lock younger than this may be one being written right now.
UNREADABLE_GRACE_SECONDS = 10.0


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock."""

    host: str
    pid: int
    user: str
    since: datetime
    boot_id: str = ""  # Linux: the boot the process belongs to (a restart frees every lock)
    started: str = ""  # Linux: when the process started (a reused process id is another one)

    def to_json(self) -> str:
        record: dict[str, Any] = asdict(self)
        record["since"] = self.since.isoformat(timespec="seconds")
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> LockInfo:
        """Parse a lock file's content; ValueError when it is not one."""
        try:
            record = json.loads(text)
            if not isinstance(record, dict):
                raise ValueError("not an object")
            pid = record["pid"]
            if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
                raise ValueError("bad pid")
            return cls(
                host=str(record["host"]),
                pid=pid,
                user=str(record.get("user", "")),
                since=datetime.fromisoformat(str(record["since"])),
                boot_id=str(record.get("boot_id", "")),
                started=str(record.get("started", "")),
            )
        except (KeyError, TypeError, json.JSONDecodeError) as error:
            raise ValueError(f"not a lock file ({error})") from None

    @property
    def is_this_host(self) -> bool:
        return self.host == this_host()


class LockedError(WorkshopError):
    """The workshop is open elsewhere (``info``; None when the lock file cannot be read)."""

    def __init__(self, path: Path, info: LockInfo | None) -> None:
        self.path = path
        self.info = info
        self.other_host = info is not None and not info.is_this_host
        if info is None:
            who = "another instance of the app (its lock file cannot be read)"
        else:
            who = (
                f"user {info.user or '?'} on {info.host}, process {info.pid}, since "
                f"{info.since:%Y-%m-%d %H:%M}"
            )
        super().__init__(f"{path}: already open by {who}")


def lock_path(workshop: Path) -> Path:
    """The lock file of a workshop: ``NAME.workshop.lock`` beside it."""
    workshop = Path(workshop)
    return workshop.with_name(workshop.name + LOCK_SUFFIX)


def this_host() -> str:
    return socket.gethostname() or "localhost"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _process_started(pid: int) -> str:
    """When process ``pid`` started, in clock ticks since boot (Linux; "" elsewhere)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # The command name (field 2) is in parentheses and may contain spaces: split after it.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to someone else
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def current_info() -> LockInfo:
    pid = os.getpid()
    return LockInfo(
        host=this_host(),
        pid=pid,
        user=_user(),
        since=datetime.now().replace(microsecond=0),
        boot_id=_boot_id(),
        started=_process_started(pid),
    )


def is_stale(info: LockInfo) -> bool:
    """Whether a lock of this host belongs to a process that no longer runs.

    A lock of another host is never called stale: its process cannot be checked from here.
    """
    if not info.is_this_host:
        return False
    if info.boot_id and _boot_id() and info.boot_id != _boot_id():
        return True  # the machine was restarted since
    if not _pid_alive(info.pid):
        return True
    # The id is in use, but by a process that started at another time: the id was reused.
    started = _process_started(info.pid)
    return bool(info.started and started and info.started != started)


def read_lock(workshop: Path) -> LockInfo | None:
    """The lock of a workshop: its holder, or None when there is no lock file.

    Raises ValueError when a lock file exists but cannot be read as one.
    """
    try:
        text = lock_path(workshop).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ValueError(f"cannot be read ({error.strerror})") from None
    return LockInfo.from_json(text)


class Lock:
    """A held lock; ``release`` removes the file (only while it is still ours)."""

    def __init__(self, workshop: Path, info: LockInfo, *, took_over: LockInfo | None = None):
        self.workshop = Path(workshop)
        self.path = lock_path(self.workshop)
        self.info = info
        self.took_over = took_over  # the stale lock this one replaced, if any
        self.released = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        try:
            current = read_lock(self.workshop)
        except ValueError:
            return
        if current == self.info:  # never remove a lock someone else took over since
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _create(workshop: Path, info: LockInfo) -> None:
    """Create the lock file, complete or not at all; FileExistsError when one exists.

    The content is written to a file of our own first and then hard-linked to the lock's name
    (atomic, and it never replaces a lock). Where hard links are not possible (FAT on a USB
    stick), the lock is created with O_EXCL and written: a crash in between leaves an empty
    lock, which ``acquire`` treats as unreadable.
    """
    path = lock_path(workshop)
    data = info.to_json().encode("utf-8")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        _write_new(temporary, data, exclusive=False)
        try:
            os.link(temporary, path)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _write_new(path, data, exclusive=True)


def _write_new(path: Path, data: bytes, *, exclusive: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(path, flags, LOCK_MODE)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    with contextlib.suppress(OSError):
        os.chmod(path, LOCK_MODE)  # O_CREAT's mode is filtered by the umask


def acquire(workshop: Path) -> Lock:
    """Lock a workshop for this process, taking over a stale lock.

    Raises LockedError when it is open elsewhere (a live process on this host, any process on
    another host, or a lock file that cannot be read yet). OSError when the folder does not
    take a new file (e.g. read-only): the caller decides whether to go on without a lock.
    """
    workshop = Path(workshop)
    info = current_info()
    for _attempt in range(3):
        try:
            _create(workshop, info)
        except FileExistsError:
            pass
        else:
            return Lock(workshop, info)
        try:
            holder = read_lock(workshop)
        except ValueError:
            if _age(lock_path(workshop)) < UNREADABLE_GRACE_SECONDS:
                raise LockedError(workshop, None) from None
            holder = None  # an unreadable old lock: left behind half-written by a crash
        if holder is None and lock_path(workshop).exists():
            _remove_if_unchanged(workshop, None)
            continue
        if holder is None:
            continue  # removed meanwhile: try again
        if not is_stale(holder):
            raise LockedError(workshop, holder)
        if _remove_if_unchanged(workshop, holder):
            try:
                _create(workshop, info)
            except FileExistsError:
                continue
            return Lock(workshop, info, took_over=holder)
    raise LockedError(workshop, _read_or_none(workshop))


def take_over(workshop: Path) -> Lock:
    """Replace whatever lock the workshop has with this process's (the user decided so)."""
    workshop = Path(workshop)
    previous = _read_or_none(workshop)
    info = current_info()
    temporary = lock_path(workshop).with_name(f".{lock_path(workshop).name}.{os.getpid()}")
    _write_new(temporary, info.to_json().encode("utf-8"), exclusive=False)
    os.replace(temporary, lock_path(workshop))
    return Lock(workshop, info, took_over=previous)


def _read_or_none(workshop: Path) -> LockInfo | None:
    try:
        return read_lock(workshop)
    except ValueError:
        return None


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _remove_if_unchanged(workshop: Path, expected: LockInfo | None) -> bool:
    """Remove a stale lock, unless another instance replaced it meanwhile.

    The lock is first renamed to a name of our own (only one instance's rename can take that
    file); if what was renamed is not the stale lock we judged, it goes back (without
    overwriting) and False is returned.
    """
    path = lock_path(workshop)
    aside = path.with_name(f".{path.name}.{os.getpid()}.stale")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return True  # someone else removed it: the next create decides
    except OSError:
        return False
    try:
        moved = LockInfo.from_json(aside.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        moved = None
    if moved != expected:
        with contextlib.suppress(OSError):
            os.link(aside, path)  # put it back, unless a new lock is there already
        with contextlib.suppress(OSError):
            aside.unlink()
        return False
    with contextlib.suppress(OSError):
        aside.unlink()
    return True

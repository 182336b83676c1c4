"""Where the app finds its resources and keeps its own data (no Qt: the CLI uses it too)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

PRIVATE_FOLDER_MODE = 0o700  # the app's own folders list workshops by name: for their owner only


def resources_dir() -> Path:
    """The app's own files (the demo, the icon, the compiled translations): the package's
    resources/ folder, found through importlib.resources.

    The one place read at run time, alike in a source tree (the build puts the .qm there),
    an installed wheel and the PyInstaller folder (which lays the package's data out as files).
    """
    from importlib.resources import files  # costs ~4 ms: only when a resource is wanted

    folder = files(__package__ or "facilitator_app") / "resources"
    if not isinstance(folder, Path):
        # Qt opens the translations and the icon by file name, so a zipped package will not do.
        raise RuntimeError(f"facilitator-app must be installed as files, not in {folder}")
    return folder


# The demo workshops: one working group's meetings (``--demo NAME``). The first is the demo.
DEMOS = {
    "vision-and-activities": "liberec-2026-05-19.json",  # its second and third meeting
    "first-meeting": "liberec-2026-04-21.json",  # its first: the problems and the SWOT
}
DEFAULT_DEMO = "vision-and-activities"


def demo_json(name: str = DEFAULT_DEMO) -> Path:
    return resources_dir() / "demo" / DEMOS[name]


def icon_svg() -> Path:
    return resources_dir() / "icons" / "facilitator-app.svg"


def translations_dir() -> Path:
    """The compiled translations (.qm), built from resources/translations/*.ts."""
    return resources_dir() / "translations"


def user_data_dir() -> Path:
    """The user's data folder for this app (backups, the demo's working copy)."""
    override = os.environ.get("FACILITATOR_APP_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "facilitator-app"


def user_cache_dir() -> Path:
    """The user's cache folder for this app (things that can be made again, e.g. icons)."""
    override = os.environ.get("FACILITATOR_APP_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return (
            Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
            / ("facilitator-app")
            / "cache"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "facilitator-app"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "facilitator-app"


def private_folder(folder: Path) -> Path:
    """Make ``folder`` (and its missing parents) readable by its owner only, whatever the umask.

    For the app's own folders (the demo's working copy, backups): their file names already
    tell whose workshops they are.
    """
    old_umask = os.umask(0o077)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    finally:
        os.umask(old_umask)
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_FOLDER_MODE)
    return folder


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (links followed); paths to nothing yet compare as
    resolved paths."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        try:
            return first.resolve() == second.resolve()
        except OSError:
            return False

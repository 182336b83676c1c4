"""The app's settings file (QSettings): every key it holds, with its type, and its privacy.

Each setting is a ``Setting``: its key, its default and how a stored value is read back.
``read(setting)`` gives a value of the setting's type, the default for a key never written or
holding something else (an older version's value, a hand-edited file): a settings file never
stops the app. ``write(setting, value)`` stores it.

The file lists recent workshops by path, which says whose meetings these are. Qt writes it
through QSaveFile, which keeps the permissions of the file it replaces: so creating it 0600 once
(and its folder 0700, where the folder is the app's own) keeps it private from then on.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSettings

from facilitator_app.paths import private_folder

SETTINGS_FILE_MODE = 0o600

T = TypeVar("T")


def _as_it_is(value: object) -> object:
    return value


class Setting(Generic[T]):
    """One key of the settings file; ``parse`` turns a stored value into a ``T`` or raises
    ValueError/TypeError for one it cannot use; ``stored`` gives what is written for a ``T``.

    (A plain class, not a dataclass: the window imports this before its first frame, and
    the dataclasses module would be loaded for it alone.)
    """

    __slots__ = ("default", "key", "parse", "stored")

    def __init__(
        self,
        key: str,
        default: T,
        parse: Callable[[object], T],
        stored: Callable[[T], object] = _as_it_is,
    ) -> None:
        self.key = key
        self.default = default
        self.parse = parse
        self.stored = stored

    def __repr__(self) -> str:
        return f"Setting({self.key!r})"


def read(setting: Setting[T], store: QSettings | None = None) -> T:
    """The setting's value in ``store`` (the app's settings file by default), else its default."""
    value = (store if store is not None else QSettings()).value(setting.key)
    try:
        if value is not None:
            return setting.parse(value)
    except (TypeError, ValueError):
        pass
    return copy.copy(setting.default)  # a list the caller may change


def write(setting: Setting[T], value: T, store: QSettings | None = None) -> None:
    (store if store is not None else QSettings()).setValue(setting.key, setting.stored(value))


# --- how stored values read back ---------------------------------------------------------


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional_text(value: object) -> str | None:
    return _text(value) or None


def _whole_number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    return int(value)  # an INI file gives "3"


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"  # an INI file gives "true"
    raise TypeError(value)


def _paths(value: object) -> list[Path]:
    # An INI file gives a single path as a string, none as an empty list or nothing.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise TypeError(value)
    return [Path(item) for item in items if isinstance(item, str) and item]


def _bytes(value: object) -> QByteArray | None:
    if not isinstance(value, QByteArray):
        raise TypeError(value)
    return None if value.isEmpty() else value


def _rect(value: object) -> QRect | None:
    if not isinstance(value, QRect):
        raise TypeError(value)
    return value if value.isValid() else None


# --- the keys ------------------------------------------------------------------------------

RECENT_FILES = Setting[list[Path]](
    "files/recent", [], _paths, lambda paths: [str(path) for path in paths]
)
WINDOW_GEOMETRY = Setting[QByteArray | None]("window/geometry", None, _bytes)
# "" follows the system's language.
LANGUAGE = Setting[str]("ui/language", "", _text)
# The projector: the screen the wall goes full screen on (its name), the wall's palette, its
# zoom in steps, what it shows (a projector Mode's value), and the wall's place as a window.
PROJECTOR_SCREEN = Setting[str | None]("projector/screen", None, _optional_text, lambda n: n or "")
PROJECTOR_THEME = Setting[str]("projector/theme", "light", _text)
PROJECTOR_ZOOM = Setting[int]("projector/zoom", 0, _whole_number)
PROJECTOR_MODE = Setting[str]("projector/mode", "activities", _text)
PROJECTOR_WINDOW = Setting[QRect | None]("projector/window", None, _rect)
# View ▸ Show activity codes: the tree and the wall number the activities (3.1.2).
SHOW_ACTIVITY_CODES = Setting[bool]("activities/codes", False, _flag)


def make_settings_private() -> None:
    settings = QSettings()
    if sys.platform == "win32" and settings.format() == QSettings.Format.NativeFormat:
        return  # the registry, under the user's own key
    path = Path(settings.fileName())
    with contextlib.suppress(OSError):
        if path.parent.name == QCoreApplication.organizationName():  # not ~/Library/Preferences
            private_folder(path.parent)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, SETTINGS_FILE_MODE))
        os.chmod(path, SETTINGS_FILE_MODE)

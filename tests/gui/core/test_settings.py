"""The settings file: every key reads back what was written; garbage reads as the default."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings

from facilitator_app.gui.core import settings
from facilitator_app.gui.core.settings import Setting

ROUND_TRIPS: list[tuple[Setting[object], object]] = [
    (settings.RECENT_FILES, [Path("/a/one.workshop"), Path("/b/two.workshop")]),
    (settings.RECENT_FILES, [Path("/a/only.workshop")]),  # an INI file keeps one as a string
    (settings.WINDOW_GEOMETRY, QByteArray(b"\x01\xd9\xd0\xcb\x00\x03")),
    (settings.LANGUAGE, "cs"),
    (settings.PROJECTOR_SCREEN, "HDMI-1"),
    (settings.PROJECTOR_THEME, "dark"),
    (settings.PROJECTOR_ZOOM, -3),
    (settings.PROJECTOR_MODE, "vision"),
    (settings.PROJECTOR_WINDOW, QRect(10, 20, 640, 360)),
]
EVERY_SETTING = list(dict.fromkeys(setting for setting, _ in ROUND_TRIPS))


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.mark.parametrize(("setting", "value"), ROUND_TRIPS, ids=lambda v: getattr(v, "key", ""))
def test_every_key_reads_back_what_was_written(tmp_path: Path, setting, value) -> None:
    settings.write(setting, value, ini(tmp_path / "s.ini"))
    assert settings.read(setting, ini(tmp_path / "s.ini")) == value


def test_the_app_settings_file_is_the_default_store() -> None:
    settings.write(settings.LANGUAGE, "cs")
    assert QSettings().value("ui/language") == "cs"
    assert settings.read(settings.LANGUAGE) == "cs"


@pytest.mark.parametrize("setting", EVERY_SETTING, ids=lambda s: s.key)
def test_a_key_never_written_reads_as_its_default(tmp_path: Path, setting) -> None:
    assert settings.read(setting, ini(tmp_path / "s.ini")) == setting.default


GARBAGE = [
    "lots",
    "@Rect(1 2 3 4)",
    "@ByteArray(\\x1)",
    "@Point(",
    "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x5)",
    "@Invalid()",
    "true",
    "1, 2, 3",
    "",
]


OF_ITS_TYPE = {
    "files/recent": lambda v: isinstance(v, list) and all(isinstance(p, Path) for p in v),
    "window/geometry": lambda v: v is None or isinstance(v, QByteArray),
    "ui/language": lambda v: isinstance(v, str),
    "projector/screen": lambda v: v is None or isinstance(v, str),
    "projector/theme": lambda v: isinstance(v, str),
    "projector/zoom": lambda v: type(v) is int,
    "projector/mode": lambda v: isinstance(v, str),
    "projector/window": lambda v: v is None or (isinstance(v, QRect) and v.isValid()),
}
# Text is text: its reader checks that it names a language, a screen, a palette or a mode.
TEXT_KEYS = {"files/recent", "ui/language", "projector/screen", "projector/theme", "projector/mode"}


def test_every_key_has_a_type_check() -> None:
    assert set(OF_ITS_TYPE) == {setting.key for setting in EVERY_SETTING}


@pytest.mark.parametrize("garbage", GARBAGE)
def test_garbage_in_the_file_reads_as_the_default_and_never_raises(
    tmp_path: Path, garbage: str
) -> None:
    path = tmp_path / "s.ini"
    lines = {}
    for setting in EVERY_SETTING:
        group, key = setting.key.split("/")
        lines.setdefault(group, []).append(f"{key}={garbage}")
    path.write_text("".join(f"[{g}]\n" + "\n".join(k) + "\n" for g, k in lines.items()))
    for setting in EVERY_SETTING:
        value = settings.read(setting, ini(path))
        assert OF_ITS_TYPE[setting.key](value), (setting.key, value)
        if garbage == "lots" and setting.key not in TEXT_KEYS:
            assert value == setting.default, (setting.key, value)


def test_the_default_list_is_not_shared(tmp_path: Path) -> None:
    first = settings.read(settings.RECENT_FILES, ini(tmp_path / "s.ini"))
    first.append(Path("x"))
    assert settings.read(settings.RECENT_FILES, ini(tmp_path / "s.ini")) == []

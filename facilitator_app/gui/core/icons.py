"""Icons by meaning, all from one qtawesome set (Material Design Icons 6).

qtawesome draws each icon from its icon font. Importing it costs more than the rest of the
window's start-up (it loads qtpy and its font maps), so the pixmaps it draws are kept in the
user's cache folder and later starts build the icons from those files without importing it.
The cache is per qtawesome version, device pixel ratio and text colour, so an upgrade or a dark
palette draws afresh. Call only after the QApplication exists.
"""

from __future__ import annotations

import importlib.util
import zlib
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from facilitator_app.paths import user_cache_dir

SIZES = (16, 24, 32, 48)

_NAMES = {
    "new": "mdi6.file-plus-outline",
    "open": "mdi6.folder-open-outline",
    "save-copy": "mdi6.content-save-move-outline",
    "import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "restore": "mdi6.backup-restore",
    "close": "mdi6.close-box-outline",
    "quit": "mdi6.exit-to-app",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "preferences": "mdi6.cog-outline",
    "add": "mdi6.plus",
    "add-child": "mdi6.subdirectory-arrow-right",
    "remove": "mdi6.delete-outline",
    "indent": "mdi6.format-indent-increase",
    "outdent": "mdi6.format-indent-decrease",
    "up": "mdi6.arrow-up",
    "down": "mdi6.arrow-down",
    "copy": "mdi6.content-copy",
    "paste": "mdi6.content-paste",
    "expand": "mdi6.arrow-expand-vertical",
    "collapse": "mdi6.arrow-collapse-vertical",
    "vote-up": "mdi6.plus-circle-outline",
    "vote-down": "mdi6.minus-circle-outline",
    "block": "mdi6.folder-plus-outline",
    "themes": "mdi6.tag-multiple-outline",
    "present": "mdi6.projector-screen-outline",
    "blank": "mdi6.monitor-off",
    "freeze": "mdi6.snowflake",
    "keyboard": "mdi6.keyboard-outline",
    "about": "mdi6.information-outline",
    "details": "mdi6.card-text-outline",
    "attendees": "mdi6.account-group-outline",
    "vision": "mdi6.eye-outline",
    "activities": "mdi6.file-tree-outline",
    "analysis": "mdi6.view-grid-outline",
    "problem": "mdi6.alert-circle-outline",
    "note": "mdi6.note-edit-outline",
    "sources": "mdi6.link-variant",
    "quadrant": "mdi6.arrow-decision-outline",
    "saved": "mdi6.check-circle-outline",
    "unsaved": "mdi6.progress-clock",
    "warning": "mdi6.alert-outline",
    "demo": "mdi6.presentation",
    "recent": "mdi6.history",
    "remark": "mdi6.comment-text-outline",
    "presence": "mdi6.account-check-outline",
    "role": "mdi6.account-cog-outline",
    "sort": "mdi6.sort-alphabetical-ascending",
    "rename": "mdi6.pencil-outline",
    "ranking": "mdi6.chart-bar",
    "empty": "mdi6.checkbox-blank-outline",
    "white": "mdi6.white-balance-sunny",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    # the agenda and its clock, the tasks
    "agenda": "mdi6.clipboard-text-clock-outline",
    "start": "mdi6.play-circle-outline",
    "next": "mdi6.skip-next-circle-outline",
    "stop": "mdi6.stop-circle-outline",
    "tasks": "mdi6.clipboard-check-outline",
    "done": "mdi6.checkbox-marked-outline",
}


@cache
def _cache_folder() -> Path:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication), "icons need the QApplication"
    colour = app.palette().color(QPalette.ColorRole.Text).name()
    # The installed qtawesome, told by its file's place and time: reading its version from the
    # package metadata would cost more than the cache saves.
    spec = importlib.util.find_spec("qtawesome")
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    installed = f"{origin}:{origin.stat().st_mtime_ns}" if origin and origin.exists() else "?"
    key = f"{installed}-{app.devicePixelRatio():g}-{colour}"
    return user_cache_dir() / "icons" / f"{zlib.crc32(key.encode()):08x}"  # not hashlib: 3 ms


def _files(name: str) -> list[Path]:
    return [_cache_folder() / f"{name}-{size}.png" for size in SIZES]


@cache
def icon(meaning: str) -> QIcon:
    """The icon for a meaning (KeyError for an unknown one)."""
    name = _NAMES[meaning]
    files = _files(name)
    if all(path.exists() for path in files):
        cached = QIcon()
        for path, size in zip(files, SIZES, strict=True):
            cached.addFile(str(path), QSize(size, size))
        return cached
    import qtawesome  # only on a first start, or after an upgrade

    drawn: QIcon = qtawesome.icon(name)
    try:
        files[0].parent.mkdir(parents=True, exist_ok=True)
        for path, size in zip(files, SIZES, strict=True):
            # Written beside and renamed: a start that reads the cache never sees half a file.
            partial = path.with_suffix(".part.png")
            if drawn.pixmap(size, size).save(str(partial), "PNG"):
                partial.replace(path)
    except OSError:
        pass  # no cache (read-only home): the next start draws the icons again
    return drawn

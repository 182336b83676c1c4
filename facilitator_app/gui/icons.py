"""Icons by meaning, all from one qtawesome set (Material Design Icons 6).

Call only after the QApplication exists (qtawesome loads its fonts then).
"""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon

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
}


def icon(meaning: str) -> QIcon:
    return qtawesome.icon(_NAMES[meaning])

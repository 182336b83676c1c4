"""The app's settings file (QSettings), kept readable by its owner only.

It lists recent workshops by path, which says whose meetings these are. Qt writes it through
QSaveFile, which keeps the permissions of the file it replaces: so creating it 0600 once (and
its folder 0700, where the folder is the app's own) keeps it private from then on.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from facilitator_app.paths import private_folder

SETTINGS_FILE_MODE = 0o600


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

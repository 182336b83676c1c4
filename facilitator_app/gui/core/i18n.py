"""Translations: the app's own (.qm built from resources/translations/*.ts) and Qt's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from facilitator_app.gui.core import settings
from facilitator_app.paths import translations_dir

LANGUAGES = {"en": "English", "cs": "Čeština"}


def chosen_language() -> str:
    """The language set in Preferences, else the system's when we have it, else English."""
    chosen = settings.read(settings.LANGUAGE)
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language``; keep the returned list alive.

    English has the app's plural forms only ("1 remark", "3 remarks"); Czech has the app's
    translation and Qt's own (its dialogs' buttons).
    """
    installed: list[QTranslator] = []
    files = [(f"facilitator_app_{language}", str(translations_dir()))]
    if language != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append((f"qtbase_{language}", qt_folder))
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    if language != "en":
        QLocale.setDefault(QLocale(language))
    elif QLocale.system().language() == QLocale.Language.C:
        # A bare "C" locale writes dates as "19 05 2026": use British English instead.
        QLocale.setDefault(QLocale("en_GB"))
    return installed

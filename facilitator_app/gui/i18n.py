"""Translations: the app's own (.qm built from resources/translations/*.ts) and Qt's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..paths import resources_dir

LANGUAGES = {"en": "English", "cs": "Čeština"}
SETTING = "ui/language"


def chosen_language() -> str:
    """The language set in Preferences, else the system's when we have it, else English."""
    chosen = str(QSettings().value(SETTING, "") or "")
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language``; keep the returned list alive."""
    installed: list[QTranslator] = []
    if language == "en":
        if QLocale.system().language() == QLocale.Language.C:
            # A bare "C" locale writes dates as "19 05 2026": use British English instead.
            QLocale.setDefault(QLocale("en_GB"))
        return installed
    for name, folder in (
        (f"facilitator_app_{language}", str(resources_dir() / "translations")),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return installed

"""Starting the GUI: the application object, translations, the window, and ``--smoke``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTranslator
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from facilitator_app import EXIT_BAD_INPUT
from facilitator_app.gui.core.first_frame import FirstPaint
from facilitator_app.gui.core.i18n import chosen_language, install_translators
from facilitator_app.paths import icon_svg, translations_dir

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("facilitator-app")
    app.setApplicationName("facilitator-app")
    app.setApplicationDisplayName("facilitator-app")
    app.setDesktopFileName("facilitator-app")
    from facilitator_app.gui.core.settings import make_settings_private

    make_settings_private()
    icon_path = icon_svg()
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))
    return app


class FileOpenHandler(QObject):
    """Opens the files macOS hands over when a .workshop is double-clicked (QFileOpenEvent)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.window.open_path(Path(event.file()))
            return True
        return False


def describe_windows() -> list[dict[str, object]]:
    """One record per visible top-level window, as ``--smoke`` prints them."""
    records = []
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or not widget.isWindow():
            continue
        if widget.windowType().name in ("Popup", "ToolTip"):
            continue
        screen = widget.screen()
        geometry = widget.geometry()
        records.append(
            {
                "window": widget.objectName() or type(widget).__name__,
                "screen": screen.name() if screen else "",
                "fullscreen": widget.isFullScreen(),
                "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            }
        )
    return records


def open_initial(window: MainWindow, options: argparse.Namespace) -> bool:
    if options.file is not None:
        return window.open_path(Path(options.file))
    if options.demo:
        return window.open_demo(options.demo)
    return True


def check_file_argument(path: Path | None) -> str | None:
    """The one-line message for a FILE that cannot be opened, as ``convert`` would print it."""
    if path is None:
        return None
    from facilitator_app.formats import read_workshop
    from facilitator_app.workshop.errors import WorkshopError

    try:
        read_workshop(path)
    except WorkshopError as error:
        return str(error)
    return None


def check_translations(language: str, translators: list[QTranslator]) -> str | None:
    """For --smoke: the app's own translation must have loaded (a build that skipped the .qm
    shows English, or "1 remarks"). Says on stderr which ones did."""
    loaded = [Path(translator.filePath()).name for translator in translators]
    own = f"facilitator_app_{language}.qm"
    if own not in loaded:
        return f"{translations_dir() / own}: missing (the build makes it from the .ts sources)"
    print(f"facilitator-app: translations {', '.join(loaded)}", file=sys.stderr, flush=True)
    return None


def run_gui(options: argparse.Namespace) -> int:
    # --smoke refuses a bad FILE before any window, with convert's line and exit code; the
    # window shows the same message in a dialog instead.
    problem = check_file_argument(options.file) if options.smoke else None
    if problem is not None:
        print(f"facilitator-app: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    app = make_application()
    language = chosen_language()
    translators = install_translators(app, language)  # kept alive (children of the app)
    unattended = None
    if options.smoke:
        from facilitator_app.gui.core.unattended import Unattended

        unattended = Unattended(app)
        problem = check_translations(language, translators)
        if problem is not None:
            print(f"facilitator-app: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
    from facilitator_app.gui.main_window import MainWindow

    window = MainWindow()
    window.unattended = unattended
    file_opener = FileOpenHandler(window)
    app.installEventFilter(file_opener)
    opening = Path(options.file) if options.file is not None else None
    if opening is not None or options.demo:
        window.show_opening(opening)
    window.show()

    def start() -> None:
        """The window is on screen: open the workshop (the workshop layer loads only now)."""
        if options.smoke:
            print("facilitator-app: first frame painted", file=sys.stderr, flush=True)
        opened = open_initial(window, options)
        if unattended is not None and (not opened or unattended.refused):
            app.exit(EXIT_BAD_INPUT)
            return
        if not opened:
            window.show_start_page()
        if options.present:
            window.start_presenting()
        room_link = getattr(options, "room_link", None)
        if room_link is not None and window.session is not None:
            if window.room.open_room(room_link or None) and options.smoke:
                # The page from the server, as a phone asks for it: bundled and served.
                from urllib.request import urlopen

                with urlopen(window.room.url, timeout=10) as page:
                    size = len(page.read())
                print(
                    f"facilitator-app: room link at {window.room.url} ({size} bytes page)",
                    file=sys.stderr,
                    flush=True,
                )
            if unattended is not None and unattended.refused:
                app.exit(EXIT_BAD_INPUT)
                return
        if options.smoke:

            def report() -> None:
                for record in describe_windows():
                    print(json.dumps(record, ensure_ascii=False), flush=True)
                window.close()
                app.quit()

            FirstPaint(window, report)  # the workshop on screen
            window.update()

    window.after_first_frame(start)
    exit_code = app.exec()
    return EXIT_BAD_INPUT if unattended is not None and unattended.refused else exit_code

"""Shared fixtures. GUI tests run offscreen; every test gets fresh files in tmp_path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from facilitator_app import paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# CI runs the property tests with fixed seeds, so that a submission passes or fails the same
# way on every run; a developer's `make test` explores new examples each time.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
# Settings (recent files, the wall's screen and size) go to a folder of the test run's own, so
# tests neither read the user's settings nor leave theirs behind. Child processes inherit it.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="facilitator-tests-config-")
os.environ["FACILITATOR_APP_DATA"] = tempfile.mkdtemp(prefix="facilitator-tests-data-")
os.environ["FACILITATOR_APP_CACHE"] = tempfile.mkdtemp(prefix="facilitator-tests-cache-")

REPO = Path(__file__).resolve().parents[1]
DEMO_JSON = paths.demo_json()  # where the app itself reads it


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test reads and writes settings of its own (QSettings' defaults are process-wide, and
    what one test's window left there, a geometry or a hidden dock, must not reach the next)."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # a test that never needs Qt
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def nothing_left_behind() -> Iterator[None]:
    """Delete at once the widgets a test's qtbot closed (Qt only deletes them in a later event
    loop, in the next test): a window left alive keeps its timers, and a progress dialog that
    shows itself 600 ms after it was made would take the active window from the next test's."""
    yield
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
    except ImportError:  # a test that never needs Qt
        return
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data folder (the demo's working copy, backups, journals) of the test's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_APP_DATA", str(folder))
    return folder


@pytest.fixture
def demo_json() -> Path:
    return DEMO_JSON


@pytest.fixture(scope="module")
def good_workshop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as a .workshop file, made once for a test module (which copies it, or reads)."""
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.interchange import read_json_file

    path = tmp_path_factory.mktemp("good") / "good.workshop"
    Document.create(path, read_json_file(DEMO_JSON)).close()
    return path


@pytest.fixture
def demo_document(tmp_path: Path) -> Iterator[object]:
    """The demo workshop as a fresh .workshop file, opened."""
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.interchange import read_json_file

    document = Document.create(tmp_path / "demo.workshop", read_json_file(DEMO_JSON))
    yield document
    if not document.storage.db.is_closed():
        document.close()


@pytest.fixture
def session(qtbot: object, demo_document: object) -> Iterator[object]:
    from facilitator_app.gui.core.session import WorkshopSession

    workshop_session = WorkshopSession(demo_document)  # type: ignore[arg-type]
    yield workshop_session
    workshop_session.undo_stack.clear()


# --- the facilitator's window ---------------------------------------------------------------------


@pytest.fixture
def window_factory(qtbot: Any, data_dir: Path) -> Iterator[Callable[..., Any]]:
    """Opens facilitator's windows, shown (their first frame painted), closed afterwards.

    ``open_window(workshop=None, *, size=None, at=None, wall=False, wall_mode=None,
    active=False, shown=True)``: ``workshop`` is an opened Document or a file's path (None: the
    start page); ``size`` and ``at`` place it; ``wall`` makes the projector before the window
    shows (and has qtbot close the wall), ``wall_mode`` sets the wall's mode too; ``active``
    waits until the window is the active one; ``shown=False`` leaves showing it to the test.
    """
    opened: list[Any] = []

    def open_window(
        workshop: object = None,
        *,
        size: tuple[int, int] | None = None,
        at: tuple[int, int] | None = None,
        wall: bool = False,
        wall_mode: object = None,
        active: bool = False,
        shown: bool = True,
    ) -> Any:
        from facilitator_app.gui.main_window import MainWindow

        main = MainWindow()
        qtbot.addWidget(main)
        opened.append((main, wall or wall_mode is not None))
        if wall or wall_mode is not None:
            qtbot.addWidget(main.projector.wall)
            if wall_mode is not None:
                main.projector.set_mode(wall_mode)
        if at is not None:
            main.setGeometry(*at, *(size or (main.width(), main.height())))
        elif size is not None:
            main.resize(*size)
        if shown:
            with qtbot.waitSignal(main.first_frame_shown):
                main.show()
        if isinstance(workshop, Path):
            assert main.open_path(workshop)
        elif workshop is not None:
            main.open_document(workshop)
        if active:
            main.activateWindow()
            qtbot.waitActive(main)
        return main

    yield open_window
    for main, with_wall in reversed(opened):
        if with_wall:
            main.projector.stop_presenting()
        main.close_workshop()


@pytest.fixture
def window(window_factory: Callable[..., Any], demo_document: object) -> Any:
    """The window with the demo workshop opened, and the wall made (in its default mode)."""
    from gui_helpers import WINDOW_SIZE

    return window_factory(demo_document, size=WINDOW_SIZE, wall=True)


@pytest.fixture
def projector(window: Any) -> Any:
    """The window's projector controller (the wall, its preview dock and its keys)."""
    return window.projector


@pytest.fixture
def czech(qapp: Any) -> Iterator[list[object]]:
    """The app's and Qt's Czech translators, removed again afterwards (they are global)."""
    from gui_helpers import translated
    from packaging_scripts import compile_translations

    from facilitator_app.paths import translations_dir

    source = REPO / "resources" / "translations" / "facilitator_app_cs.ts"
    built = translations_dir() / "facilitator_app_cs.qm"  # what the build makes of it
    if not built.exists() or built.stat().st_mtime < source.stat().st_mtime:
        compile_translations()
    with translated(qapp, "cs") as translators:
        yield translators

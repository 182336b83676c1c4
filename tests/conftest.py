"""Shared fixtures. GUI tests run offscreen; every test gets fresh files in tmp_path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def demo_json() -> Path:
    return DEMO_JSON


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

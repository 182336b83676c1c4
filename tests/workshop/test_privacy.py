"""Privacy: Workshop ▸ Remove attendee names keeps the counts and drops the names as one undoable
step; what was removed does not linger in the file; everything the app writes about a workshop
(the file, its lock, its backups, exports that hold names, the settings with their recent paths,
the app's own folders) is readable by its owner only, whatever the umask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from workshop_state import SAMPLE, full_state, make_workshop, mode

from facilitator_app.atomic import write_text_atomically
from facilitator_app.cli import main as cli
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.privacy import remove_names
from facilitator_app.workshop.store import backups, lock
from facilitator_app.workshop.store.storage import Storage

NAMES = [a["name"] for a in SAMPLE["attendees"]]
AUTHORS = ["Petr"]


pytestmark = pytest.mark.usefixtures("data_dir")  # the app's data folder of the test's own


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return make_workshop(tmp_path)


def test_names_become_numbers_and_everything_else_stays(workshop: Path) -> None:
    document = Document.open(workshop)
    try:
        before = full_state(document.data)
        head_count = document.data.head_count()
        operation = remove_names(document.data)
        assert operation is not None
        inverse = document.apply(operation)
        attendees = document.data.attendees
        assert [a.name for a in attendees] == ["Participant 1", "Participant 2", "Participant 3"]
        assert [a.role for a in attendees] == [a["role"] for a in before["attendees"]]
        assert [a.present for a in attendees] == [a["present"] for a in before["attendees"]]
        assert [a.organization for a in attendees] == [
            a["organization"] for a in before["attendees"]
        ]
        assert document.data.head_count() == head_count
        assert all(r.author == "" for t in document.data.themes for r in t.remarks)
        assert remove_names(document.data) is None  # nothing left to remove
        stored = Storage.read(workshop)
        assert [a.name for a in stored.attendees] == [a.name for a in attendees]
        document.apply(inverse)  # one undo brings every name back
        assert full_state(document.data) == before
        assert full_state(Storage.read(workshop)) == before
    finally:
        document.close()


def test_removed_names_do_not_linger_in_the_file(workshop: Path) -> None:
    document = Document.open(workshop)
    try:
        operation = remove_names(document.data)
        assert operation is not None
        document.apply(operation)
    finally:
        document.close()
    raw = workshop.read_bytes()
    for name in [*NAMES, *AUTHORS]:
        assert name.encode() not in raw, name
    assert not Path(f"{workshop}-wal").exists()


def test_the_file_its_lock_and_its_backups_are_private(workshop: Path, data_dir: Path) -> None:
    document = Document.open(workshop)
    document.lock = lock.acquire(workshop)
    try:
        assert mode(workshop) == 0o600
        assert mode(lock.lock_path(workshop)) == 0o600
        made = backups.make_backup(document)
        assert made is not None
        assert mode(made) == 0o600
        for folder in (made.parent, data_dir / "backups"):
            assert mode(folder) == 0o700, folder
        for sidecar in made.parent.iterdir():
            assert mode(sidecar) == 0o600, sidecar
    finally:
        document.close()


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Umask 000: what is private must not depend on the user's umask."""
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.mark.parametrize("suffix", [".json", ".md", ".docx", ".pdf"])
def test_exports_with_names_are_private(
    qapp, workshop: Path, tmp_path: Path, open_umask, suffix
) -> None:
    target = tmp_path / f"out{suffix}"
    assert cli(["convert", str(workshop), str(target)]) == 0
    assert mode(target) == 0o600


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf"])
def test_the_public_minutes_follow_the_umask(qapp, workshop: Path, tmp_path: Path, suffix) -> None:
    old = os.umask(0o027)
    try:
        target = tmp_path / f"out{suffix}"
        assert cli(["convert", str(workshop), str(target), "--public"]) == 0
    finally:
        os.umask(old)
    assert mode(target) == 0o640


def test_a_file_replaced_atomically_is_private_from_its_first_byte(tmp_path, open_umask) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    os.chmod(target, 0o666)
    write_text_atomically(target, "new")
    assert mode(target) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_settings_and_the_data_folder_are_private(tmp_path: Path) -> None:
    """The app started on the demo under umask 000: recent paths and the demo stay private."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        FACILITATOR_APP_DATA=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "--smoke", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["window"] == "facilitatorWindow"
    settings = tmp_path / "config" / "facilitator-app" / "facilitator-app.conf"
    assert settings.read_text(encoding="utf-8")  # written by the app (where its window was)
    assert mode(settings) == 0o600
    assert mode(settings.parent) == 0o700
    demo = tmp_path / "data" / "demo"
    assert mode(demo) == 0o700
    for path in demo.iterdir():
        assert mode(path) == 0o600, path


# --- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory):
    return window_factory()  # the start page


def test_workshop_menu_removes_names_in_one_undoable_step(window, workshop: Path) -> None:
    action = window.actionRemoveAttendeeNames
    assert action in window.menuWorkshop.actions()
    assert not action.isEnabled()  # no workshop yet
    assert window.open_path(workshop)
    assert action.isEnabled()
    session = window.session
    steps = session.undo_stack.count()
    head_count = window.head_count_label.text()
    action.trigger()
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Remove attendee names"
    assert [a.name for a in Storage.read(workshop).attendees] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
    ]
    assert window.head_count_label.text() == head_count
    assert "Undo brings the names back" in window.statusbar.currentMessage()
    action.trigger()  # again: nothing to do, no new step
    assert session.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert [a.name for a in Storage.read(workshop).attendees] == NAMES
    window.redo_action.trigger()
    window.close_workshop()  # the undo stack, and with it the names, end with the session
    assert window.open_path(workshop)
    assert window.session.undo_stack.count() == 0
    assert window.session.document.data.attendees[0].name == "Participant 1"


def test_the_minutes_after_removing_names_name_nobody(window, workshop: Path, tmp_path) -> None:
    from facilitator_app.minutes import MinutesOptions, export_minutes

    assert window.open_path(workshop)
    window.actionRemoveAttendeeNames.trigger()
    target = tmp_path / "minutes.md"
    export_minutes(window.session.document.data, target, MinutesOptions(attendance=True))
    text = target.read_text(encoding="utf-8")
    for name in [*NAMES, *AUTHORS]:
        assert name not in text
    assert "Participant 1" in text

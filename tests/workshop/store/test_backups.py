"""Backups in the user's data folder: made with SQLite's backup API on opening and every five
minutes while the workshop changes, the last 20 kept, readable by their owner only, listed with
their times and contents, and restored into a new file (never over the open workshop)."""

from __future__ import annotations

import copy
import os
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from workshop_state import SAMPLE, find, full_state, make_workshop, mode

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError, StorageError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import backups
from facilitator_app.workshop.store.storage import Storage

T0 = datetime(2026, 5, 19, 11, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("data_dir")  # the app's data folder of the test's own


@pytest.fixture
def document(tmp_path: Path):
    folder = tmp_path / "workshops"
    folder.mkdir()
    data = parse_workshop(copy.deepcopy(SAMPLE))
    opened = Document.create(folder / "Liberec 2026.workshop", data)
    yield opened
    if not opened.storage.db.is_closed():
        opened.close()


def edit(document: Document, text: str) -> None:
    node = document.data.blocks[0].children[0]
    document.apply(SetFields(Kind.NODE, node.id, {"text": text}))


def test_a_backup_is_a_private_consistent_copy_in_the_data_folder(
    document: Document, data_dir: Path
) -> None:
    made = backups.make_backup(document, now=T0)
    assert made is not None
    folder = made.parent
    assert folder.parent == data_dir / "backups"
    assert folder.name.startswith("Liberec 2026-")
    assert made.name == "20260519T110000Z.workshop"
    assert mode(made) == 0o600
    assert mode(folder) == 0o700
    assert mode(folder / "origin.json") == 0o600
    with sqlite3.connect(f"{made.resolve().as_uri()}?immutable=1", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    assert full_state(Storage.read(made)) == full_state(document.data)
    assert sorted(p.name for p in folder.iterdir()) == [made.name, "origin.json"]


def test_same_named_workshops_in_different_folders_keep_separate_backups(
    tmp_path: Path,
) -> None:
    first = backups.backup_dir(tmp_path / "a" / "w.workshop")
    second = backups.backup_dir(tmp_path / "b" / "w.workshop")
    assert first != second
    assert first.name.startswith("w-")
    assert second.name.startswith("w-")


def test_an_unchanged_workshop_makes_no_second_copy(document: Document) -> None:
    first = backups.make_backup(document, now=T0)
    assert backups.make_backup(document, now=T0 + timedelta(minutes=5)) is None
    edit(document, "changed")
    second = backups.make_backup(document, now=T0 + timedelta(minutes=10))
    assert second is not None
    assert [b.path for b in backups.list_backups(document.path)] == [second, first]


def test_the_last_twenty_are_kept(document: Document) -> None:
    for minute in range(25):
        edit(document, f"version {minute}")
        backups.make_backup(document, now=T0 + timedelta(minutes=5 * minute))
    kept = backups.list_backups(document.path)
    assert len(kept) == backups.KEEP == 20
    assert kept[0].made_at == T0 + timedelta(minutes=5 * 24)
    assert kept[-1].made_at == T0 + timedelta(minutes=5 * 5)
    newest = Storage.read(kept[0].path)
    assert newest.blocks[0].children[0].text == "version 24"


def test_copies_made_in_the_same_second_are_all_kept_in_order(document: Document) -> None:
    made = []
    for number in range(3):
        edit(document, f"quick {number}")
        made.append(backups.make_backup(document, now=T0))
    assert [b.path for b in backups.list_backups(document.path)] == list(reversed(made))


def test_edits_the_file_could_not_take_are_in_the_backup(document: Document) -> None:
    db = document.storage.db
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")  # the file may not grow: "disk full"
    edit(document, "typed while the disk was full " + "x" * 100_000)
    assert not document.is_saved
    made = backups.make_backup(document, now=T0)
    assert made is not None
    assert find(Storage.read(made), "typed while the disk was full " + "x" * 100_000)
    assert mode(made) == 0o600


def test_the_list_says_when_and_what(document: Document) -> None:
    backups.make_backup(document, now=T0)
    document.apply(
        SetFields(Kind.ATTENDEE, document.data.attendees[0].id, {"name": "Someone else"})
    )
    backups.make_backup(document, now=T0 + timedelta(minutes=5))
    listed = backups.list_backups(document.path)
    assert [b.made_at for b in listed] == [T0 + timedelta(minutes=5), T0]
    for info in listed:
        assert info.size == info.path.stat().st_size > 0
        assert info.attendees == 3
        assert info.themes == 3
        assert info.activities == 11
        assert info.title == SAMPLE["workshop"]["title"]
        assert info.problem == ""


def test_a_damaged_backup_is_listed_as_such_and_not_restored(
    document: Document, tmp_path: Path
) -> None:
    made = backups.make_backup(document, now=T0)
    assert made is not None
    made.write_bytes(made.read_bytes()[:1000])  # truncated
    listed = backups.list_backups(document.path)
    assert listed[0].problem
    assert listed[0].attendees is None
    with pytest.raises(BadInputError, match="truncated"):
        backups.restore_backup(made, tmp_path / "restored.workshop")
    assert not (tmp_path / "restored.workshop").exists()


def test_restoring_writes_a_new_file_and_never_the_open_one(
    document: Document, tmp_path: Path
) -> None:
    made = backups.make_backup(document, now=T0)
    assert made is not None
    expected = full_state(document.data)
    edit(document, "after the backup")
    with pytest.raises(StorageError, match="never over it"):
        backups.restore_backup(made, document.path, current=document.path)
    assert find(Storage.read(document.path), "after the backup")
    target = tmp_path / "restored.workshop"
    backups.restore_backup(made, target, current=document.path)
    assert mode(target) == 0o600
    assert full_state(Storage.read(target)) == expected
    restored = Document.open(target)
    try:
        edit(restored, "the restored copy goes on")
    finally:
        restored.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("restored")) == [
        "restored.workshop"
    ]


def test_backup_sets_name_their_workshop(document: Document) -> None:
    backups.make_backup(document, now=T0)
    (found,) = backups.list_backup_sets()
    assert found.workshop == Path(os.path.abspath(document.path))
    assert found.count == 1
    assert found.newest == T0


# --- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory):
    return window_factory()  # the start page, on screen before a workshop is opened


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return make_workshop(tmp_path, "Liberec.workshop")


def test_opening_makes_a_backup_and_the_timer_one_every_five_minutes_of_change(
    qtbot, window, workshop: Path
) -> None:
    assert window.open_path(workshop)
    timer = window.safety.backup_timer
    with qtbot.waitSignal(timer.made):
        pass
    assert len(backups.list_backups(workshop)) == 1
    assert timer.timer.isActive()
    assert timer.timer.interval() == 5 * 60 * 1000
    timer.timer.timeout.emit()  # five minutes without a change: no copy
    assert timer.copy is None
    assert len(backups.list_backups(workshop)) == 1
    session = window.session
    node = find(session.document.data, "B")
    session.set_text(Kind.NODE, node.id, "text", "typed in the first five minutes", "Edit")
    with qtbot.waitSignal(timer.made):
        timer.timer.timeout.emit()
    listed = backups.list_backups(workshop)
    assert len(listed) == 2
    assert find(Storage.read(listed[0].path), "typed in the first five minutes")
    window.close_workshop()
    assert window.safety.backup_timer is None


def test_a_workshop_opened_with_the_app_is_backed_up_just_after_the_first_frame(
    qtbot, tmp_path: Path, workshop: Path, monkeypatch
) -> None:
    """As ``facilitator-app FILE`` does: the window shows first, the copy follows at once."""
    from facilitator_app.gui.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(workshop)
    assert backups.list_backups(workshop) == []  # the window's first frame comes first
    with qtbot.waitSignal(main.safety.backup_timer.made), qtbot.waitSignal(main.first_frame_shown):
        pass
    assert len(backups.list_backups(workshop)) == 1
    assert main.safety.backup_timer.timer.isActive()
    main.close_workshop()


def test_restore_lists_the_backups_and_opens_the_restored_copy(
    qtbot, window, workshop: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from facilitator_app.gui.dialogs.restore import RestoreDialog

    assert window.open_path(workshop)  # backup 1: as opened
    timer = window.safety.backup_timer
    with qtbot.waitSignal(timer.made):
        pass
    session = window.session
    node = find(session.document.data, "B")
    session.push(SetFields(Kind.NODE, node.id, {"text": "B later"}), "Edit")
    with qtbot.waitSignal(timer.made):
        timer.timer.timeout.emit()  # backup 2

    shown = {}

    def exec_(dialog: RestoreDialog) -> int:
        shown["rows"] = [
            [dialog.list.topLevelItem(r).text(c) for c in range(3)]
            for r in range(dialog.list.topLevelItemCount())
        ]
        dialog.list.setCurrentItem(dialog.list.topLevelItem(1))  # the older one
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    target = tmp_path / "restored.workshop"
    suggested = []

    def save_name(parent, title, suggestion, filter_):
        suggested.append(suggestion)
        return str(target), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.actionRestoreBackup.trigger()
    assert len(shown["rows"]) == 2
    for made, size, holds in shown["rows"]:
        assert made
        assert size
        assert holds == "attendees: 3, themes: 3, activities: 11"
    assert "Liberec (restored " in suggested[0]
    assert window.session.path == target
    assert find(window.session.document.data, "B").text == "B"  # the older backup
    assert find(Storage.read(workshop), "B later")  # the workshop itself is untouched


def test_restore_refuses_to_write_over_the_open_workshop(
    qtbot, window, workshop: Path, monkeypatch
):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from facilitator_app.gui.dialogs.restore import RestoreDialog

    assert window.open_path(workshop)
    with qtbot.waitSignal(window.safety.backup_timer.made):
        pass
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(workshop), args[-1]))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.safety.restore_backup()
    assert "never over it" in shown[0]
    assert window.session.path == workshop


def test_restore_without_an_open_workshop_chooses_among_workshops(
    qtbot, window, workshop: Path
) -> None:
    from facilitator_app.gui.dialogs.restore import RestoreDialog

    assert window.open_path(workshop)
    with qtbot.waitSignal(window.safety.backup_timer.made):
        pass
    window.close_workshop()
    dialog = RestoreDialog(None, window)
    assert dialog.sets.count() == 1
    assert dialog.sets.itemText(0) == str(Path(os.path.abspath(workshop)))
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.chosen() is not None
    assert dialog.restore_button.isEnabled()


def test_a_cancelled_copy_of_the_file_leaves_nothing(document: Document, monkeypatch) -> None:
    from facilitator_app.workshop.progress import Cancelled
    from facilitator_app.workshop.store import files

    monkeypatch.setattr(files, "COPY_STEP_PAGES", 1)
    with pytest.raises(Cancelled):
        backups.back_up_file(document.path, now=T0, cancelled=lambda: True)
    assert [p.name for p in backups.backup_dir(document.path).iterdir()] == [backups.ORIGIN]


def test_the_window_copies_the_file_in_another_thread(qtbot, window, workshop: Path, monkeypatch):
    """The window goes on while the copy is made: ``back_up`` returns before the copy ends."""
    real = backups.back_up_file
    window_thread = threading.get_ident()
    may_finish = threading.Event()
    threads = []

    def held_back(path: Path, **options) -> Path | None:
        threads.append(threading.get_ident())
        assert may_finish.wait(5), "the window's thread waited for the copy"
        return real(path, **options)

    monkeypatch.setattr(backups, "back_up_file", held_back)
    assert window.open_path(workshop)
    timer = window.safety.backup_timer
    with qtbot.waitSignal(timer.made) as made:
        assert timer.copy is not None  # the copy made on opening is under way
        may_finish.set()
    assert threads
    assert window_thread not in threads
    assert Storage.read(made.args[0]).details.title == SAMPLE["workshop"]["title"]


def test_closing_during_a_copy_stops_it_at_once_and_leaves_no_part(
    qtbot, window, workshop: Path, monkeypatch
) -> None:
    from facilitator_app.workshop.store import files

    monkeypatch.setattr(files, "COPY_STEP_PAGES", 1)  # a copy of many steps
    real = backups.back_up_file
    copying = threading.Event()

    def slow(path: Path, *, now=None, cancelled) -> Path | None:
        stopped = cancelled.__self__  # the copy's stop event

        def asked() -> bool:
            copying.set()
            stopped.wait(5)  # each step waits until the window stops the copy
            return cancelled()

        return real(path, now=now, cancelled=asked)

    monkeypatch.setattr(backups, "back_up_file", slow)
    assert window.open_path(workshop)
    timer = window.safety.backup_timer
    assert copying.wait(5)  # the copy has begun writing its temporary file
    made = []
    timer.made.connect(made.append)
    start = time.monotonic()
    assert window.close_workshop()
    assert time.monotonic() - start < 2
    qtbot.wait(0)  # anything still queued from the copy is delivered (and must be ignored)
    assert made == []
    folder = backups.backup_dir(workshop)
    assert sorted(p.name for p in folder.iterdir()) == [backups.ORIGIN]
    assert not Path(f"{workshop}-wal").exists()

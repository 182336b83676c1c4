"""The file stops taking writes while the workshop is open: the disk fills, the file or its
folder refuses writes, the medium disappears. Each fault is provoked for real where a test can
(SQLite's own limits and refusals, deleting or moving the file and its folder, and, where the
test may mount one, a small filesystem that fills or is pulled away), and each test checks that
nothing typed is lost: the edits stay in memory, the window says so until it is resolved,
retries, and Save a copy as… writes everything elsewhere and goes on there.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from workshop_state import find, make_workshop, open_document

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import backups, lock
from facilitator_app.workshop.store.faults import Fault
from facilitator_app.workshop.store.storage import Storage

BIG = "Vize kraje 🌲 " * 20_000  # 280 kB: more than the file may grow by


pytestmark = pytest.mark.usefixtures("data_dir")  # the app's data folder of the test's own


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return make_workshop(tmp_path / "stick")


def vision_in_file(path: Path, theme_index: int = 0) -> str:
    return Storage.read(path).themes[theme_index].vision


def limit_growth(document: Document) -> None:
    """Let the file grow no more: SQLite reports SQLITE_FULL, as on a full disk."""
    db = document.storage.db
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")


def free_growth(document: Document) -> None:
    document.storage.db.execute_sql("PRAGMA max_page_count = 1073741823")


def type_into_vision(document: Document, theme_id: int, text: str) -> None:
    """Typing as the vision page sends it: one edit per character, written by flush."""
    for char in text:
        theme = document.theme(theme_id)
        document.apply(
            SetFields(Kind.THEME, theme_id, {"vision": theme.vision + char}), defer_write=True
        )


# --- the document layer ----------------------------------------------------------------------


def test_disk_full_keeps_everything_in_memory_until_there_is_space(workshop: Path) -> None:
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        saved_before = theme.vision
        limit_growth(document)
        type_into_vision(document, theme.id, BIG[:2000])
        document.apply(SetFields(Kind.THEME, theme.id, {"vision": theme.vision + BIG}))
        assert not document.flush()
        assert document.fault is Fault.FULL
        assert "full" in (document.storage.last_error or "")
        type_into_vision(document, theme.id, " dopsáno při plném disku")
        assert vision_in_file(workshop) == saved_before
        free_growth(document)
        assert document.flush()
        assert document.fault is None
        assert vision_in_file(workshop) == theme.vision
        assert theme.vision.endswith(BIG + " dopsáno při plném disku")


def test_a_file_that_refuses_writes_keeps_the_edits_until_it_takes_them(workshop: Path) -> None:
    with open_document(workshop) as document:
        theme = document.data.themes[1]
        document.storage.db.execute_sql("PRAGMA query_only = 1")  # SQLite: read-only database
        type_into_vision(document, theme.id, " psáno, když soubor nešel zapsat")
        node = find(document.data, "B")
        document.apply(SetFields(Kind.NODE, node.id, {"text": "B offline"}))
        assert not document.is_saved
        assert document.fault is Fault.READ_ONLY
        document.storage.db.execute_sql("PRAGMA query_only = 0")
        assert document.flush()
        data = Storage.read(workshop)
        assert data.themes[1].vision == theme.vision
        assert theme.vision.endswith(" psáno, když soubor nešel zapsat")
        assert find(data, "B offline").id == node.id


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_workshop_that_is_read_only_on_disk_reports_read_only(workshop: Path) -> None:
    os.chmod(workshop, 0o400)
    with open_document(workshop) as document:
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "jinde"}))
        assert document.fault is Fault.READ_ONLY
        assert document.data.details.place == "jinde"
        os.chmod(workshop, 0o600)


def test_a_deleted_folder_is_detected_and_save_as_goes_on_elsewhere(
    workshop: Path, tmp_path: Path
) -> None:
    document = Document.open(workshop)
    document.lock = lock.acquire(workshop)
    try:
        theme = document.data.themes[0]
        type_into_vision(document, theme.id, " před")
        assert document.flush()
        shutil.rmtree(workshop.parent)  # the stick is gone (SQLite would write on, unseen)
        type_into_vision(document, theme.id, " po vytažení")
        assert not document.flush()
        assert document.fault is Fault.GONE
        assert "no longer at" in (document.storage.last_error or "")
        type_into_vision(document, theme.id, " a ještě")
        target = tmp_path / "laptop" / "w (copy).workshop"
        target.parent.mkdir()
        document.save_as(target)
        assert document.path == target
        assert document.is_saved
        assert vision_in_file(target) == theme.vision
        assert theme.vision.endswith(" před po vytažení a ještě")
        assert lock.read_lock(target) == document.lock.info
        type_into_vision(document, theme.id, " na novém místě")
        assert document.flush()
        assert vision_in_file(target).endswith(" a ještě na novém místě")
    finally:
        document.close()
    assert not lock.lock_path(target).exists()


def test_a_file_moved_away_and_back_takes_the_waiting_edits(workshop: Path) -> None:
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        moved = workshop.with_name("moved.workshop")
        workshop.rename(moved)
        type_into_vision(document, theme.id, " mezitím")
        assert not document.flush()
        assert document.fault is Fault.GONE
        moved.rename(workshop)
        assert document.flush()
        assert vision_in_file(workshop).endswith(" mezitím")


def checkpoint(document: Document) -> None:
    """Fold the WAL into the file, so that a copy of the file alone is complete."""
    document.storage.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def test_the_same_workshop_back_at_its_place_takes_the_waiting_edits(workshop: Path) -> None:
    """A stick pulled and plugged in again: the file is back, as another file (inode)."""
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        type_into_vision(document, theme.id, " zapsáno")
        assert document.flush()
        checkpoint(document)
        moved = workshop.with_name("away.workshop")
        workshop.rename(moved)
        type_into_vision(document, theme.id, " bez disku")
        assert not document.flush()
        assert document.fault is Fault.GONE
        shutil.copy2(moved, workshop)  # the same content, another file
        assert document.flush()
        assert document.fault is None
        assert vision_in_file(workshop).endswith(" zapsáno bez disku")
        type_into_vision(document, theme.id, " a dál")
        assert document.flush()
        assert vision_in_file(workshop).endswith(" zapsáno bez disku a dál")
        assert stat.S_IMODE(workshop.stat().st_mode) == 0o600


def test_an_older_copy_back_at_its_place_is_never_written(workshop: Path) -> None:
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        checkpoint(document)
        older = workshop.with_name("older.workshop")
        shutil.copy2(workshop, older)
        node = find(document.data, "B")
        document.apply(SetFields(Kind.NODE, node.id, {"text": "B after the copy"}))  # not in it
        assert document.flush()
        for suffix in ("", "-wal", "-shm"):  # gone, with the WAL that held the last change
            Path(f"{workshop}{suffix}").unlink()
        type_into_vision(document, theme.id, " bez disku")
        assert not document.flush()
        shutil.copy2(older, workshop)
        before = workshop.read_bytes()
        assert not document.flush()  # examined, refused, rolled back
        assert not document.flush()  # not examined again while it stays as it is
        assert document.fault is Fault.GONE
        assert workshop.read_bytes() == before
        assert find(Storage.read(workshop), "B").id == node.id


def test_another_file_at_the_same_place_is_never_written(workshop: Path, tmp_path: Path) -> None:
    other = make_workshop(tmp_path / "other", "w.workshop")
    changed = Document.open(other)
    changed.apply(SetFields(Kind.DETAILS, 0, {"title": "Another workshop"}))
    changed.close()
    other_bytes = other.read_bytes()
    with open_document(workshop) as document:
        workshop.unlink()
        shutil.copy(other, workshop)  # a different workshop now has the name
        copied = workshop.read_bytes()
        type_into_vision(document, document.data.themes[0].id, " jen v paměti")
        assert not document.flush()
        assert document.fault is Fault.GONE
        assert "another file" in (document.storage.last_error or "")
    assert workshop.read_bytes() == copied == other_bytes


# --- a real small filesystem (where the test may mount one) ---------------------------------


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs of its own: a disk that really fills, a medium that can be pulled."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip("mounting a filesystem is not permitted here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill_up(folder: Path) -> Path:
    """Fill a filesystem to its last few kilobytes; return the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\1" * 4096)
        except OSError:
            pass
    return filler


def test_a_really_full_disk(small_filesystem: Path) -> None:
    workshop = make_workshop(small_filesystem)
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        filler = fill_up(small_filesystem)
        type_into_vision(document, theme.id, " text")
        document.apply(SetFields(Kind.THEME, theme.id, {"vision": theme.vision + BIG}))
        assert not document.flush()
        assert document.fault is Fault.FULL, document.storage.last_error
        filler.unlink()
        assert document.flush()
        assert vision_in_file(workshop) == theme.vision


def test_a_stick_really_pulled_and_plugged_in_again(small_filesystem: Path, tmp_path: Path) -> None:
    workshop = make_workshop(small_filesystem)
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        type_into_vision(document, theme.id, " na flešce")
        assert document.flush()
        checkpoint(document)
        saved = tmp_path / "as-on-the-stick.workshop"
        shutil.copy2(workshop, saved)
        subprocess.run(["umount", "-l", str(small_filesystem)], check=True)
        type_into_vision(document, theme.id, " po vytažení")
        assert not document.flush()
        assert document.fault is Fault.GONE
        # Plugged in again: another filesystem at the same place, with the same file.
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(small_filesystem)], check=True
        )
        shutil.copy2(saved, workshop)
        assert document.flush()
        assert vision_in_file(workshop).endswith(" na flešce po vytažení")


def test_a_really_pulled_medium(small_filesystem: Path, tmp_path: Path) -> None:
    workshop = make_workshop(small_filesystem)
    with open_document(workshop) as document:
        theme = document.data.themes[0]
        subprocess.run(["umount", "-l", str(small_filesystem)], check=True)
        type_into_vision(document, theme.id, " po vytažení")
        assert not document.flush()
        assert document.fault is Fault.GONE
        target = tmp_path / "rescued.workshop"
        document.save_as(target)
        assert vision_in_file(target).endswith(" po vytažení")


# --- the window --------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory, monkeypatch):
    from facilitator_app.gui.core import session as session_module

    monkeypatch.setattr(session_module, "RETRY_DELAY_MS", 200)  # retry sooner than every 3 s
    yield window_factory(size=(1200, 800))
    from facilitator_app.gui.files import storage_warning

    monkeypatch.setattr(
        storage_warning, "ask_about_unsaved", lambda *args: storage_warning.UnsavedChoice.DISCARD
    )  # before the factory closes the window's workshop


def vision_page(window):
    window.sections.setCurrentIndex(2)
    page = window.page("vision") if hasattr(window, "page") else window.pages["vision"]
    page.visionEdit.setFocus()
    page.visionEdit.moveCursor(page.visionEdit.textCursor().MoveOperation.End)
    return page


def test_the_warning_stays_until_the_disk_has_space_and_nothing_typed_is_lost(
    qtbot, window, workshop: Path
) -> None:
    assert window.open_path(workshop)
    session = window.session
    document = session.document
    bar = window.safety.storage_bar
    page = vision_page(window)
    theme = document.theme(page.theme_id)
    assert not bar.isVisible()
    limit_growth(document)
    session.set_text(Kind.THEME, theme.id, "vision", theme.vision + BIG, "Paste")
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert "disk is full" in bar.text.text()
    assert "Nothing is lost" in bar.text.text()
    assert bar.retry_button.isVisible()
    assert bar.save_copy_button.isVisible()
    assert "Not saved" in window.saved_label.text()
    qtbot.keyClicks(page.visionEdit, " typed during the fault")
    qtbot.wait(600)  # retries fail; the warning stays
    assert bar.isVisible()
    assert document.fault is Fault.FULL
    # A copy of everything in memory went to the backups when the fault began.
    newest = backups.list_backups(workshop)[0]
    assert Storage.read(newest.path).themes[0].vision.endswith(BIG)
    free_growth(document)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)  # the retry succeeded
    assert document.is_saved
    assert "Saved again" in window.statusbar.currentMessage()
    assert vision_in_file(workshop).endswith(BIG + " typed during the fault")


def test_retry_writes_at_once(qtbot, window, workshop: Path) -> None:
    assert window.open_path(workshop)
    document = window.session.document
    bar = window.safety.storage_bar
    document.storage.db.execute_sql("PRAGMA query_only = 1")
    window.session.push(SetFields(Kind.DETAILS, 0, {"place": "Jablonec"}), "Edit place")
    assert bar.isVisible()
    assert "read-only" in bar.text.text()
    document.storage.db.execute_sql("PRAGMA query_only = 0")
    bar.retry_button.click()
    assert not bar.isVisible()
    assert Storage.read(workshop).details.place == "Jablonec"


def test_a_pulled_stick_is_rescued_by_save_a_copy_as(
    qtbot, window, workshop: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    assert window.open_path(workshop)
    session = window.session
    bar = window.safety.storage_bar
    page = vision_page(window)
    qtbot.keyClicks(page.visionEdit, " before")
    assert session.flush()
    shutil.rmtree(workshop.parent)
    qtbot.keyClicks(page.visionEdit, " after the stick was pulled")
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert "gone" in bar.text.text()
    target = tmp_path / "laptop" / "rescued.workshop"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), args[-1]))
    bar.save_copy_button.click()
    assert not bar.isVisible()
    assert session.path == target
    assert window.windowTitle().startswith("rescued.workshop")
    assert lock.read_lock(target).pid == os.getpid()
    qtbot.keyClicks(page.visionEdit, " and on")
    assert session.flush()
    assert vision_in_file(target, 0).endswith(" before after the stick was pulled and on")


def paste_into_a_full_file(window, workshop: Path) -> None:
    """``workshop`` opened in ``window``, its file full, a big paste into the first vision
    waiting in memory."""
    assert window.open_path(workshop)
    document = window.session.document
    limit_growth(document)
    theme = document.data.themes[0]
    window.session.push(SetFields(Kind.THEME, theme.id, {"vision": BIG}), "Paste")


def test_file_save_a_copy_as_during_a_fault_goes_on_in_the_copy(
    window, workshop: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    paste_into_a_full_file(window, workshop)
    target = tmp_path / "copy.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), args[-1]))
    window.actionSaveCopyAs.trigger()
    assert window.session.path == target
    assert vision_in_file(target) == BIG


def test_closing_with_edits_the_file_lacks_asks_first(
    qtbot, window, workshop: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from facilitator_app.gui.files import storage_warning

    paste_into_a_full_file(window, workshop)
    answers = [storage_warning.UnsavedChoice.CANCEL]
    asked = []

    def ask(parent, name, detail):
        asked.append((name, detail))
        return answers.pop(0)

    monkeypatch.setattr(storage_warning, "ask_about_unsaved", ask)
    assert not window.close_workshop()
    assert window.session is not None
    assert asked == [("w.workshop", "database or disk is full")]
    # Closing the window is refused the same way.
    answers.append(storage_warning.UnsavedChoice.CANCEL)
    assert not window.close()
    assert window.isVisible()
    # Save a copy as… keeps everything, then the workshop closes.
    target = tmp_path / "kept.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), args[-1]))
    answers.append(storage_warning.UnsavedChoice.SAVE_COPY)
    assert window.close_workshop()
    assert window.session is None
    assert vision_in_file(target) == BIG


def test_retrying_is_not_held_back_by_typing(qtbot, window, workshop: Path) -> None:
    """Every keystroke reports the standing error; the retry must come all the same."""
    assert window.open_path(workshop)
    session = window.session
    document = session.document
    page = vision_page(window)
    document.storage.db.execute_sql("PRAGMA query_only = 1")
    qtbot.keyClicks(page.visionEdit, "a")
    qtbot.waitUntil(lambda: document.fault is not None, timeout=2000)
    QTimer.singleShot(300, lambda: document.storage.db.execute_sql("PRAGMA query_only = 0"))
    for _ in range(20):  # typing on, faster than the retry interval
        qtbot.keyClicks(page.visionEdit, "b")
        qtbot.wait(50)
    qtbot.waitUntil(lambda: document.is_saved, timeout=2000)
    assert vision_in_file(workshop).endswith("a" + "b" * 20)


# --- read-only storage is not an unresponsive drive ---------------------------------------------


def disk_io_error() -> sqlite3.OperationalError:
    """What SQLite raises when the system refuses a write on a file it has open."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("refusal", "fault"),
    [
        (errno.EPERM, Fault.READ_ONLY),  # the file made immutable
        (errno.EACCES, Fault.READ_ONLY),
        (errno.EROFS, Fault.READ_ONLY),  # the medium remounted read-only
        (errno.EIO, Fault.IO),  # the drive does not answer
        (None, Fault.IO),  # the files can be opened for writing: the drive is at fault
    ],
)
def test_an_io_error_is_told_apart_by_what_the_system_says_about_writing(
    workshop: Path, monkeypatch: pytest.MonkeyPatch, refusal: int | None, fault: Fault
) -> None:
    from facilitator_app.workshop.store import faults

    document = Document.open(workshop)
    try:

        def commit(statements: object) -> None:
            raise disk_io_error()

        real_open = os.open

        def open_for_writing(path: object, flags: int, *args: object) -> int:
            if refusal is not None and flags & os.O_WRONLY:
                raise OSError(refusal, os.strerror(refusal), str(path))
            return real_open(path, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(document.storage, "_commit", commit)
        monkeypatch.setattr(faults.os, "open", open_for_writing)
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "jinde"}))
        assert document.fault is fault
        assert document.storage.last_error == "disk I/O error"
    finally:
        monkeypatch.undo()
        document.close()


def chattr(flag: str, *paths: Path) -> bool:
    result = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, check=False)
    return result.returncode == 0


def test_a_really_immutable_folder_and_file_report_read_only(workshop: Path) -> None:
    """``chattr +i`` (root, on a filesystem that supports it): SQLite says "disk I/O error"."""
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("making files immutable needs chattr and root")
    document = Document.open(workshop)
    wal = Path(f"{workshop}-wal")
    # Not the -shm: SQLite has it mapped, and writing to a mapped immutable file kills the
    # process (SIGBUS).
    frozen = [workshop.parent, workshop, wal]
    try:
        theme = document.data.themes[0]
        type_into_vision(document, theme.id, " před")
        assert document.flush()
        if not chattr("+i", *frozen):
            pytest.skip("this filesystem cannot make files immutable")
        type_into_vision(document, theme.id, " nezapsatelné")
        assert not document.flush()
        assert document.fault is Fault.READ_ONLY, document.storage.last_error
        chattr("-i", *frozen)
        assert document.flush()
        assert document.fault is None
        assert vision_in_file(workshop).endswith(" před nezapsatelné")
    finally:
        chattr("-i", *frozen)
        document.close()

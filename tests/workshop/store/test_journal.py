"""A workshop file is never read together with a journal (``NAME-wal``) that is not its own.

The fault trials behind these tests: the ``.workshop`` of an open workshop is deleted (a USB
stick pulled, a sync client replacing it), the facilitator types on, and an *older* copy is put
back at the same place while the app's own journal is still in the folder. SQLite would read
the older copy's pages with the journal's newer ones, a mix that passes its integrity check.
Each case is tried in a short session (the journal still holds every change since the file was
opened) and in a long one (after a checkpoint, the journal holds only the latest changes).
"""

from __future__ import annotations

import copy
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from workshop_state import SAMPLE, find, full_state, make_workshop

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import journal
from facilitator_app.workshop.store.faults import Fault
from facilitator_app.workshop.store.storage import Storage

pytestmark = pytest.mark.usefixtures("data_dir")  # the app's data folder of the test's own


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return make_workshop(tmp_path / "stick")


def beside(path: Path) -> list[str]:
    """What SQLite would read with the file: its journal and index, where they exist."""
    return [suffix for suffix in ("-wal", "-shm") if Path(f"{path}{suffix}").exists()]


def read_state(path: Path) -> dict[str, Any]:
    return full_state(Storage.read(path))


def edit(document: Document, label: str) -> None:
    """The first edits: an attendee (written at once) and typing (written by flush); the
    second: an activity. Each lands on pages of its own tables."""
    if label == "first":
        attendee = document.data.attendees[0]
        document.apply(SetFields(Kind.ATTENDEE, attendee.id, {"name": f"{attendee.name} 1"}))
        theme = document.data.themes[0]
        for char in " first":
            theme = document.theme(theme.id)
            document.apply(
                SetFields(Kind.THEME, theme.id, {"vision": theme.vision + char}),
                defer_write=True,
            )
    else:
        node = find(document.data, "B")
        document.apply(SetFields(Kind.NODE, node.id, {"text": f"{node.text} {label}"}))
    assert document.flush()


def keep_pristine(path: Path, folder: Path) -> Path:
    """A copy of the file as it is now, in a folder of its own (the older copy's twin)."""
    folder.mkdir()
    pristine = folder / path.name
    shutil.copy2(path, pristine)
    return pristine


@pytest.mark.parametrize("session", ["short", "long"])
@pytest.mark.parametrize("how", ["opened", "just created"])
def test_an_older_copy_put_back_beside_the_apps_journal_is_refused_and_read_alone(
    workshop: Path, tmp_path: Path, session: str, how: str
) -> None:
    if how == "just created":  # an import or a new workshop, open as it is written
        workshop.unlink()
        document = Document.create(workshop, parse_workshop(copy.deepcopy(SAMPLE)))
    older = keep_pristine(workshop, tmp_path / "older")
    pristine = keep_pristine(workshop, tmp_path / "pristine")
    if how == "opened":
        document = Document.open(workshop)
    try:
        edit(document, "first")
        if session == "long":
            # What SQLite's automatic checkpoint does: the file takes the journal's pages,
            # and the journal starts again with only the changes made after it.
            document.storage.db.execute_sql("PRAGMA wal_checkpoint")
            edit(document, "second")
        assert Path(f"{workshop}-wal").stat().st_size > 0  # the journal holds changes
        workshop.unlink()  # the file is gone; its journal and index stay in the folder
        theme = document.data.themes[0]
        document.apply(SetFields(Kind.THEME, theme.id, {"vision": "typed while it was gone"}))
        assert document.fault is Fault.GONE
        assert beside(workshop) == []  # the app took its journal away with the file
        shutil.copy2(older, workshop)  # an older copy is put back at the same place
        put_back = workshop.read_bytes()
        assert not document.flush()
        assert document.fault is Fault.GONE
        assert "another file" in (document.storage.last_error or "")
        assert workshop.read_bytes() == put_back
        assert beside(workshop) == []
    finally:
        document.close()
    assert workshop.read_bytes() == put_back
    assert beside(workshop) == []
    # A later convert, or the app itself, reads exactly the older copy.
    assert read_state(workshop) == read_state(pristine)
    reopened = Document.open(workshop)
    try:
        assert full_state(reopened.data) == read_state(pristine)
        assert reopened.storage.journal_set_aside is None
    finally:
        reopened.close()


def test_a_file_moved_away_keeps_every_change_without_its_journal(
    workshop: Path, tmp_path: Path
) -> None:
    """The journal is folded into the file before it leaves the path: the moved file is
    complete on its own."""
    document = Document.open(workshop)
    try:
        edit(document, "first")
        expected = full_state(document.data)
        moved = tmp_path / "elsewhere.workshop"
        workshop.rename(moved)
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "jinde"}))
        assert document.fault is Fault.GONE
        assert beside(moved) == []
        assert beside(workshop) == []
        assert read_state(moved) == expected
    finally:
        document.close()


# --- a journal left behind by a crash --------------------------------------------------------


def crash_image(document: Document, folder: Path) -> Path:
    """The workshop's files as a crash at this moment leaves them: the file and its journal."""
    folder.mkdir()
    target = folder / document.path.name
    shutil.copy2(document.path, target)
    shutil.copy2(f"{document.path}-wal", f"{target}-wal")
    return target


@pytest.fixture
def crashed(
    workshop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, dict[str, Any], Path]:
    """A crash image whose journal holds edits the file alone lacks, the state it holds, and
    a copy of the file from before those edits."""
    from facilitator_app.workshop.store import guard as journal_guard

    pristine = keep_pristine(workshop, tmp_path / "pristine")
    document = Document.open(workshop)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(journal_guard, "CHECKPOINT_BYTES", 0)  # the app checkpoints after each
            edit(document, "first")
        edit(document, "second")
        image = crash_image(document, tmp_path / "crashed")
        state = full_state(document.data)
    finally:
        document.close()
    return image, state, pristine


def test_a_journal_left_by_a_crash_is_read_with_its_own_file(crashed) -> None:
    image, state, _ = crashed
    assert not journal.journal_is_foreign(image)
    assert read_state(image) == state
    document = Document.open(image)
    try:
        assert document.storage.journal_set_aside is None
        assert full_state(document.data) == state
    finally:
        document.close()


def test_a_journal_left_by_a_crash_beside_an_older_copy_is_left_out_and_set_aside(
    crashed, caplog: pytest.LogCaptureFixture
) -> None:
    image, _, pristine = crashed
    wal = Path(f"{image}-wal")
    journal_bytes = wal.read_bytes()
    shutil.copy2(pristine, image)  # a sync client brings back an older version
    older = image.read_bytes()
    assert journal.journal_is_foreign(image)
    # Reading (convert, a read-only window) leaves it out, says so, and writes nothing.
    with caplog.at_level(logging.WARNING):
        assert read_state(image) == read_state(pristine)
    assert "w.workshop-wal" in caplog.text
    assert "another copy" in caplog.text
    assert wal.read_bytes() == journal_bytes
    read_only = Document.open(image, read_only=True)
    try:
        assert read_only.storage.journal_ignored
        assert full_state(read_only.data) == read_state(pristine)
    finally:
        read_only.close()
    assert image.read_bytes() == older
    # Opening for writing sets it aside, kept under another name SQLite never reads.
    document = Document.open(image)
    try:
        kept = document.storage.journal_set_aside
        assert kept is not None
        assert kept.parent == image.parent
        assert kept.name.startswith("w.workshop-wal.")
        assert kept.read_bytes() == journal_bytes
        assert full_state(document.data) == read_state(pristine)
    finally:
        document.close()
    assert read_state(image) == read_state(pristine)


def test_the_journal_of_another_workshop_is_foreign(crashed, tmp_path: Path) -> None:
    image, _, _ = crashed
    other = tmp_path / "other" / "o.workshop"
    other.parent.mkdir()
    Document.create(other, parse_workshop(copy.deepcopy(SAMPLE))).close()
    shutil.copy2(f"{image}-wal", f"{other}-wal")
    assert journal.journal_is_foreign(other)


def test_a_copy_edited_elsewhere_does_not_take_the_journal(workshop: Path, tmp_path: Path) -> None:
    """Two copies of one workshop that went separate ways: neither's journal fits the other."""
    branch = keep_pristine(workshop, tmp_path / "branch")
    edited = Document.open(branch)
    edited.apply(SetFields(Kind.DETAILS, 0, {"place": "jinde"}))
    edited.close()
    document = Document.open(workshop)
    try:
        edit(document, "first")
        image = crash_image(document, tmp_path / "crashed")
    finally:
        document.close()
    assert not journal.journal_is_foreign(image)
    shutil.copy2(branch, image)
    assert journal.journal_is_foreign(image)


def test_a_copy_taken_while_the_journal_still_holds_everything_fits_it(
    workshop: Path, tmp_path: Path
) -> None:
    """A copy of the file made since the last checkpoint is the same file, page for page: with
    the journal it is the workshop as last written, so it is not refused as foreign."""
    document = Document.open(workshop)
    try:
        copied = keep_pristine(workshop, tmp_path / "copied")
        edit(document, "first")
        image = crash_image(document, tmp_path / "crashed")
        state = full_state(document.data)
    finally:
        document.close()
    shutil.copy2(copied, image)
    assert not journal.journal_is_foreign(image)
    assert read_state(image) == state


# --- the guard row -----------------------------------------------------------------------------


def guard(path: Path) -> tuple[bytes, bytes | None, bytes]:
    found = journal._read_guard(path, through_journal=True)
    assert found is not None
    return found.generation, found.base, found.token


def test_every_commit_renews_the_token_and_a_checkpoint_starts_a_generation(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator_app.workshop.store import guard as journal_guard

    document = Document.open(workshop)
    try:
        generation, _, token = guard(workshop)
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "A"}))
        first_generation, base, first = guard(workshop)
        assert first != token
        assert base == token
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "B"}))
        same_generation, same_base, second = guard(workshop)
        assert (same_generation, same_base) == (first_generation, base)
        assert second != first
        # The app checkpoints after this one:
        monkeypatch.setattr(journal_guard, "CHECKPOINT_BYTES", 0)
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "C"}))
        assert Path(f"{workshop}-wal").stat().st_size == 0
        _, _, folded = guard(workshop)
        document.apply(SetFields(Kind.DETAILS, 0, {"place": "D"}))
        new_generation, new_base, _ = guard(workshop)
        assert new_generation != first_generation
        assert new_base == folded
    finally:
        document.close()
    assert generation


def test_a_file_without_the_guard_gets_it_when_opened(workshop: Path) -> None:
    import sqlite3

    with sqlite3.connect(workshop) as connection:
        connection.execute(f"DROP TABLE {journal.GUARD_TABLE}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert journal._read_guard(workshop, through_journal=False) is None
    Document.open(workshop).close()
    assert journal._read_guard(workshop, through_journal=False) is not None


# --- the window ----------------------------------------------------------------------------------


def test_the_window_says_when_it_set_a_journal_aside(qtbot, crashed, tmp_path: Path) -> None:

    from facilitator_app.gui.main_window import MainWindow

    image, _, pristine = crashed
    shutil.copy2(pristine, image)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(image)
        message = window.statusbar.currentMessage()
        assert "w.workshop" in message
        assert "another copy" in message
        assert window.session.document.storage.journal_set_aside.name in message
        assert full_state(window.session.document.data) == read_state(pristine)
    finally:
        window.close_workshop()

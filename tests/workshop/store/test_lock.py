"""One writer per workshop: the lock file beside it, stale locks taken over, read-only opening,
and what the window says and does when a workshop is open elsewhere."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from workshop_state import find, make_workshop

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import lock
from facilitator_app.workshop.store.lock import LockedError, LockInfo
from facilitator_app.workshop.store.storage import Storage


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return make_workshop(tmp_path)


def dead_pid() -> int:
    """The id of a process that has ended (and whose id is not reused this instant)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def write_lock(workshop: Path, **changes: object) -> LockInfo:
    info = LockInfo(
        host=lock.this_host(),
        pid=os.getpid(),
        user="jana",
        since=datetime(2026, 5, 19, 13, 5),
    )
    info = LockInfo(**{**info.__dict__, **changes})  # type: ignore[arg-type]
    lock.lock_path(workshop).write_text(info.to_json(), encoding="utf-8")
    return info


# --- the lock file ---------------------------------------------------------------------------


def test_a_lock_names_host_process_user_and_time_and_is_private(workshop: Path) -> None:
    held = lock.acquire(workshop)
    path = workshop.with_name("w.workshop.lock")
    assert held.path == path
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["host"] == lock.this_host()
    assert record["pid"] == os.getpid()
    assert "user" in record
    assert datetime.fromisoformat(record["since"]) <= datetime.now()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    held.release()
    assert not path.exists()


def test_a_live_lock_refuses_a_second_writer_and_says_who(workshop: Path) -> None:
    held = lock.acquire(workshop)
    try:
        with pytest.raises(LockedError) as refused:
            lock.acquire(workshop)
        assert refused.value.info == held.info
        assert not refused.value.other_host
        message = str(refused.value)
        assert lock.this_host() in message
        assert str(os.getpid()) in message
        assert f"{held.info.since:%Y-%m-%d %H:%M}" in message
    finally:
        held.release()


def test_a_lock_of_a_live_process_written_by_hand_is_respected(workshop: Path) -> None:
    info = write_lock(workshop)  # this test process: alive
    assert not lock.is_stale(info)
    with pytest.raises(LockedError) as refused:
        lock.acquire(workshop)
    assert refused.value.info == info
    assert lock.read_lock(workshop) == info  # untouched


def test_a_lock_left_by_a_dead_process_is_taken_over(workshop: Path) -> None:
    stale = write_lock(workshop, pid=dead_pid(), boot_id="", started="")
    assert lock.is_stale(stale)
    held = lock.acquire(workshop)
    assert held.took_over == stale
    assert lock.read_lock(workshop) == held.info
    held.release()


def test_a_lock_from_before_a_restart_is_stale(workshop: Path) -> None:
    if not lock.current_info().boot_id:
        pytest.skip("no boot id on this system")
    stale = write_lock(workshop, boot_id="another-boot")
    assert lock.is_stale(stale)
    lock.acquire(workshop).release()


def test_a_reused_process_id_is_stale(workshop: Path) -> None:
    if not lock.current_info().started:
        pytest.skip("process start times are known on Linux only")
    stale = write_lock(workshop, started="1")  # this pid, but a process started at another time
    assert lock.is_stale(stale)


def test_a_lock_from_another_host_cannot_be_judged_and_may_be_taken_over(workshop: Path) -> None:
    info = write_lock(workshop, host="laptop-of-someone-else", pid=dead_pid())
    assert not lock.is_stale(info)  # its process cannot be checked from here
    with pytest.raises(LockedError) as refused:
        lock.acquire(workshop)
    assert refused.value.other_host
    assert "laptop-of-someone-else" in str(refused.value)
    held = lock.take_over(workshop)
    assert held.took_over == info
    assert lock.read_lock(workshop) == held.info
    held.release()


def test_an_unreadable_lock_is_respected_while_young_and_taken_over_when_old(
    workshop: Path,
) -> None:
    path = lock.lock_path(workshop)
    path.write_text('{"host": "half', encoding="utf-8")  # a crash while it was written
    with pytest.raises(LockedError) as refused:
        lock.acquire(workshop)
    assert refused.value.info is None
    old = path.stat().st_mtime - 3600
    os.utime(path, (old, old))
    lock.acquire(workshop).release()
    assert not path.exists()


def test_release_leaves_a_lock_someone_else_took_over(workshop: Path) -> None:
    held = lock.acquire(workshop)
    other = write_lock(workshop, host="another-host")
    held.release()
    assert lock.read_lock(workshop) == other


def test_a_folder_that_takes_no_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        lock.acquire(tmp_path / "missing-folder" / "w.workshop")


# --- documents and their locks -----------------------------------------------------------------


def test_closing_a_document_releases_its_lock(workshop: Path) -> None:
    document = Document.open(workshop)
    document.lock = lock.acquire(workshop)
    assert lock.lock_path(workshop).exists()
    document.close()
    assert not lock.lock_path(workshop).exists()


def test_read_only_opening_reads_the_writers_changes_and_writes_nothing(workshop: Path) -> None:
    writer = Document.open(workshop)
    try:
        node = find(writer.data, "B")
        writer.apply(SetFields(Kind.NODE, node.id, {"text": "B from the writer"}))
        files_before = {p.name: p.stat().st_mtime_ns for p in workshop.parent.iterdir()}
        reader = Document.open(workshop, read_only=True)
        try:
            assert reader.read_only
            assert find(reader.data, "B from the writer").id == node.id
            with pytest.raises(InvalidOperationError, match="read-only"):
                reader.apply(SetFields(Kind.NODE, node.id, {"text": "from the reader"}))
        finally:
            reader.close()
        main_file = workshop.name
        assert workshop.stat().st_mtime_ns == files_before[main_file]
        # The writer goes on as before.
        writer.apply(SetFields(Kind.NODE, node.id, {"text": "B again"}))
        assert find(Storage.read(workshop), "B again").id == node.id
    finally:
        writer.close()


def test_save_as_moves_the_lock_to_the_new_file(workshop: Path, tmp_path: Path) -> None:
    document = Document.open(workshop)
    document.lock = lock.acquire(workshop)
    target = tmp_path / "elsewhere.workshop"
    document.save_as(target)
    try:
        assert not lock.lock_path(workshop).exists()
        assert lock.read_lock(target) == document.lock.info
    finally:
        document.close()
    assert not lock.lock_path(target).exists()


# --- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory):
    return window_factory()  # the start page


def answer_lock_question(monkeypatch, choice_name: str) -> list[tuple]:
    from facilitator_app.gui.files import storage_warning

    asked: list[tuple] = []

    def ask(parent, name, info, *, other_host):
        asked.append((name, info, other_host))
        return storage_warning.LockChoice[choice_name]

    monkeypatch.setattr(storage_warning, "ask_about_lock", ask)
    return asked


def test_the_window_locks_what_it_opens_and_unlocks_on_close(window, workshop: Path) -> None:
    assert window.open_path(workshop)
    assert lock.read_lock(workshop).pid == os.getpid()
    assert window.open_path(workshop)  # open already: nothing asked, nothing changed
    window.close_workshop()
    assert not lock.lock_path(workshop).exists()


def test_open_elsewhere_asks_and_opens_read_only(window, workshop: Path, monkeypatch) -> None:
    holder = write_lock(workshop, user="petr")  # a live process on this host
    asked = answer_lock_question(monkeypatch, "READ_ONLY")
    assert window.open_path(workshop)
    assert asked == [("w.workshop", holder, False)]
    session = window.session
    assert session.document.read_only
    assert "read-only" in window.windowTitle()
    assert window.saved_label.text() == "Read-only"
    bar = window.safety.read_only_bar
    assert bar.isVisible()
    assert "petr" in bar.text.text()
    assert lock.this_host() in bar.text.text()
    assert str(os.getpid()) in bar.text.text()
    refusals = []
    session.refused.connect(refusals.append)
    node = find(session.document.data, "B")
    assert not session.push(SetFields(Kind.NODE, node.id, {"text": "x"}), "Edit")
    assert refusals
    assert "read-only" in refusals[0]
    assert not window.actionRemoveAttendeeNames.isEnabled()
    window.close_workshop()
    assert lock.read_lock(workshop) == holder  # the other instance's lock stays
    assert find(Storage.read(workshop), "B").text == "B"


def test_the_question_names_the_holder(window, workshop: Path) -> None:
    from facilitator_app.gui.files.storage_warning import LockQuestion

    info = write_lock(workshop, user="petr", pid=4242, host="laptop-7")
    question = LockQuestion(window, "w.workshop", info, other_host=True)
    text = question.text()
    assert "w.workshop" in text
    assert "petr" in text
    assert "laptop-7" in text
    assert "4242" in text
    assert question.take_over_button is not None
    same_host = LockQuestion(window, "w.workshop", info, other_host=False)
    assert same_host.take_over_button is None  # a live local process is never taken over


def test_cancel_leaves_everything_as_it_was(window, workshop: Path, monkeypatch) -> None:
    holder = write_lock(workshop)
    answer_lock_question(monkeypatch, "CANCEL")
    assert not window.open_path(workshop)
    assert window.session is None
    assert lock.read_lock(workshop) == holder


def test_a_stale_lock_is_taken_over_without_a_question(window, workshop: Path, monkeypatch) -> None:
    write_lock(workshop, pid=dead_pid(), boot_id="", started="")
    asked = answer_lock_question(monkeypatch, "CANCEL")
    assert window.open_path(workshop)
    assert asked == []
    assert not window.session.document.read_only
    assert lock.read_lock(workshop).pid == os.getpid()
    assert "no longer running" in window.statusbar.currentMessage()


def test_the_take_over_message_takes_the_file_labels_place(window, workshop: Path, qtbot) -> None:
    """Not drawn over the file's path: the label is hidden while the message shows."""
    from PySide6.QtWidgets import QApplication

    write_lock(workshop, pid=dead_pid(), boot_id="", started="")
    assert window.open_path(workshop)
    # Once the workshop is on screen the agenda clock joins the status bar, which lays out its
    # widgets again (and shows, queued, every one not hidden explicitly).
    qtbot.waitUntil(lambda: getattr(window, "status_clock", None) is not None)
    QApplication.processEvents()
    assert "no longer running" in window.statusbar.currentMessage()
    assert not window.file_label.isVisible()
    window.statusbar.clearMessage()
    assert window.file_label.isVisible()
    assert window.file_label.text() == str(workshop)


def test_another_hosts_lock_can_be_taken_over(window, workshop: Path, monkeypatch) -> None:
    write_lock(workshop, host="laptop-7")
    asked = answer_lock_question(monkeypatch, "TAKE_OVER")
    assert window.open_path(workshop)
    assert asked[0][2] is True  # other host
    assert not window.session.document.read_only
    assert lock.read_lock(workshop).pid == os.getpid()
    assert lock.read_lock(workshop).host == lock.this_host()


def test_open_again_from_read_only_when_the_other_closed(
    window, workshop: Path, monkeypatch
) -> None:
    write_lock(workshop)
    answer_lock_question(monkeypatch, "READ_ONLY")
    assert window.open_path(workshop)
    lock.lock_path(workshop).unlink()  # the other instance closed it
    window.safety.read_only_bar.reopen_button.click()
    assert not window.session.document.read_only
    assert not window.safety.read_only_bar.isVisible()
    assert "read-only" not in window.windowTitle()


def test_convert_never_overwrites_a_workshop_open_in_the_app(tmp_path, demo_json) -> None:
    """`convert --force` onto an open workshop is refused: the app would keep writing it."""
    import subprocess
    import sys

    from facilitator_app.workshop.store import lock

    target = tmp_path / "open.workshop"
    subprocess.run(
        [sys.executable, "-m", "facilitator_app", "convert", str(demo_json), str(target)],
        check=True,
    )
    before = target.read_bytes()
    with lock.acquire(target):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "facilitator_app",
                "convert",
                str(demo_json),
                str(target),
                "--force",
            ],
            capture_output=True,
            text=True,
        )
    assert result.returncode == 2
    assert "already open by" in result.stderr
    assert target.read_bytes() == before

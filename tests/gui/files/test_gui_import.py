"""Importing a file in the window: a progress dialog with Cancel, nothing left behind when
cancelled, the limit refused with a message, and no backup copy of a file just imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from child_processes import run_script
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from test_big_imports import files_in, many_activities, write_json

from facilitator_app.gui.files import import_progress
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parsing
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.progress import STEPS
from facilitator_app.workshop.store import backups


@pytest.fixture
def window(window_factory):
    return window_factory()  # the start page


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "files"
    path.mkdir()
    return path


def test_an_import_shows_its_progress_and_opens_the_workshop(
    qtbot, window, folder, monkeypatch
) -> None:
    monkeypatch.setattr(import_progress, "SHOW_AFTER_MS", 0)
    source = write_json(folder / "big.json", many_activities(20_000))
    values: list[int] = []
    shown: list[bool] = []

    def watch(task: import_progress.ImportTask) -> None:
        task.progressed.connect(values.append)
        task.progressed.connect(lambda _: shown.append(task.dialog.isVisible()))

    window.import_started.connect(watch)
    assert window.open_path(source)
    assert values == sorted(values)
    assert values[-1] == STEPS
    assert any(shown)
    assert window.session is not None
    assert window.session.path == folder / "big.workshop"
    assert not any(dialog.isVisible() for dialog in window.findChildren(QProgressDialog))


def test_cancel_in_the_dialog_leaves_nothing_behind(qtbot, window, folder, monkeypatch) -> None:
    monkeypatch.setattr(import_progress, "SHOW_AFTER_MS", 0)
    source = write_json(folder / "big.json", many_activities(100_000))
    clicked: list[int] = []

    def cancel_while_writing(task: import_progress.ImportTask) -> None:
        def progressed(value: int) -> None:
            # Past the reading: the new file is being written when Cancel is clicked.
            if not clicked and value >= import_progress.READ_SHARE * STEPS:
                assert task.dialog.isVisible()
                clicked.append(value)
                button = task.dialog.findChild(QPushButton)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        task.progressed.connect(progressed)

    window.import_started.connect(cancel_while_writing)
    assert not window.open_path(source)
    assert clicked
    # No workshop, no temporary file, no -wal or -shm, no lock; no backup either.
    assert files_in(folder) == ["big.json"]
    assert not backups.backups_root().exists() or not any(backups.backups_root().iterdir())
    assert window.session is None
    assert window.stack.currentWidget() is window.startPage
    assert window.import_task is None
    # The same file imports fine afterwards.
    assert window.open_path(source)


def test_closing_the_window_cancels_the_import_then_closes(qtbot, window, folder) -> None:
    source = write_json(folder / "big.json", many_activities(20_000))
    window.import_started.connect(
        lambda task: task.progressed.connect(lambda _: window.isVisible() and window.close())
    )
    assert not window.open_path(source)
    assert files_in(folder) == ["big.json"]
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_limit_is_refused_with_a_message_and_nothing_written(
    window, folder, monkeypatch
) -> None:
    monkeypatch.setattr(parsing, "MAX_ACTIVITIES", 100)
    source = write_json(folder / "big.json", many_activities(101))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.open_path(source)
    assert shown == [f"{source}: holds 101 activities; the app holds at most 100 activities"]
    assert files_in(folder) == ["big.json"]
    assert window.stack.currentWidget() is window.startPage


def test_a_file_just_imported_is_not_copied_at_once_but_after_its_first_change(
    qtbot, window, folder
) -> None:
    source = folder / "in.json"
    source.write_text(json.dumps(many_activities(50)), encoding="utf-8")
    assert window.open_path(source)
    timer = window.safety.backup_timer
    assert timer is not None
    timer.start()  # what the window does after its first frame
    target = folder / "in.workshop"
    assert not backups.backup_dir(target).exists()
    window.session.push(SetFields(Kind.DETAILS, 0, {"place": "Liberec"}), "Place")
    with qtbot.waitSignal(timer.made) as made:
        timer.back_up_if_changed()
    assert made.args[0].parent == backups.backup_dir(target)


def test_the_worker_thread_loads_no_module(tmp_path: Path) -> None:
    """The window loads pydantic only on the first import. Loaded in the worker thread while
    the window's thread runs, PySide's import hook now and then trips over it (a circular
    import): the worker must find everything it needs loaded. A fresh process proves it."""
    source = write_json(tmp_path / "in.json", many_activities(10))
    script = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from facilitator_app.gui.app import make_application\n"
        "from facilitator_app.gui.main_window import MainWindow\n"
        "app = make_application()\n"
        "window = MainWindow()\n"
        "assert 'pydantic' not in sys.modules\n"
        "elsewhere = []\n"
        "def audit(event, arguments):\n"
        "    if event == 'import' and threading.current_thread() is not threading.main_thread():\n"
        "        elsewhere.append(arguments[0])\n"
        "sys.addaudithook(audit)\n"
        "opened = window.open_path(Path(sys.argv[1]))\n"
        "window.close()\n"
        "print('loaded in another thread:', sorted(set(elsewhere)))\n"
        "sys.exit(0 if opened else 1)\n"
    )
    result = run_script(script, str(source), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "loaded in another thread: []"

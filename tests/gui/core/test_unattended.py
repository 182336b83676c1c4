"""--smoke never waits on a dialog: whatever would ask or warn says one line on stderr and the
app exits with status 2. Each dialog on the way from the command line to the painted window is
provoked here: the demo missing, the file or the demo open elsewhere, a missing translation,
changes the file lacks at closing, and any other dialog that opens all the same."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from child_processes import run_script
from PySide6.QtWidgets import QMessageBox

from facilitator_app.paths import demo_json
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import read_json_file
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import lock

DEMO_COPY = Path("demo") / "liberec-2026-05-19.workshop"  # in the data folder


def run_smoke(
    tmp_path: Path, *arguments: str, before: str = ""
) -> subprocess.CompletedProcess[str]:
    """``facilitator-app --smoke ARGUMENTS`` in a fresh process; ``before`` runs first (to break
    something the way a broken install would). A run that hangs fails on the timeout."""
    script = (
        f"import sys\n{before}\n"
        "from facilitator_app.cli import main\n"
        f"sys.exit(main(['--smoke', *{list(arguments)!r}]))\n"
    )
    return run_script(script, tmp_path=tmp_path, cwd=tmp_path)


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    return lines[-1] if lines else ""


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert last_line(result) == f"facilitator-app: {message}", result.stderr
    assert result.stdout == ""  # no window was reported: the run stopped there
    assert "Traceback" not in result.stderr


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "w.workshop"
    Document.create(path, read_json_file(demo_json())).close()
    return path


def test_smoke_with_the_demo_missing_exits_2_with_one_line(tmp_path: Path) -> None:
    """A broken install without the demo used to hang on "Cannot open the demo workshop"."""
    missing = tmp_path / "not-installed" / "liberec-2026-05-19.json"
    result = run_smoke(
        tmp_path,
        "--demo",
        before=(
            "from pathlib import Path\n"
            "import facilitator_app.gui.files.opening as opening\n"
            f"opening.demo_json = lambda name: Path({str(missing)!r})\n"
        ),
    )
    refused(result, f"{missing}: no such file")


def test_smoke_with_a_file_open_elsewhere_exits_2_and_leaves_its_lock(
    tmp_path: Path, workshop: Path
) -> None:
    held = lock.acquire(workshop)  # this test's process: alive, on this host
    try:
        before = workshop.read_bytes()
        result = run_smoke(tmp_path, str(workshop))
        assert last_line(result).startswith(f"facilitator-app: {workshop}: already open by user")
        refused(result, last_line(result).removeprefix("facilitator-app: "))
        assert lock.read_lock(workshop) == held.info
        assert workshop.read_bytes() == before
    finally:
        held.release()


def test_smoke_with_the_demo_open_elsewhere_exits_2_and_keeps_the_demo(tmp_path: Path) -> None:
    """The demo's working copy, open in another window: not damaged, so not moved aside."""
    copy = tmp_path / "d" / DEMO_COPY
    copy.parent.mkdir(parents=True)
    Document.create(copy, read_json_file(demo_json())).close()
    held = lock.acquire(copy)
    try:
        result = run_smoke(tmp_path, "--demo")
        assert ": already open by user" in last_line(result)
        refused(result, last_line(result).removeprefix("facilitator-app: "))
        assert sorted(p.name for p in copy.parent.iterdir()) == [
            copy.name,
            f"{copy.name}.lock",
        ]
    finally:
        held.release()


def test_smoke_without_the_compiled_translation_exits_2(tmp_path: Path) -> None:
    """A build that skipped the .qm would show English (and "1 remarks"): --smoke says so."""
    empty = tmp_path / "no-translations"
    empty.mkdir()
    result = run_smoke(
        tmp_path,
        "--demo",
        before=(
            "from pathlib import Path\n"
            "import facilitator_app.gui.core.i18n as i18n\n"
            f"i18n.translations_dir = lambda: Path({str(empty)!r})\n"
            "import facilitator_app.gui.app as app\n"
            f"app.translations_dir = lambda: Path({str(empty)!r})\n"
            "i18n.chosen_language = app.chosen_language = lambda: 'cs'\n"
        ),
    )
    refused(
        result,
        f"{empty / 'facilitator_app_cs.qm'}: missing (the build makes it from the .ts sources)",
    )


def test_smoke_says_which_translations_it_loaded(tmp_path: Path) -> None:
    result = run_smoke(
        tmp_path,
        "--demo",
        before="import facilitator_app.gui.app as app\napp.chosen_language = lambda: 'cs'\n",
    )
    assert result.returncode == 0, result.stderr
    assert "facilitator-app: translations facilitator_app_cs.qm, qtbase_cs.qm" in (
        result.stderr.splitlines()
    )


# --- in the window: what the dialogs become when nobody is there ------------------------------


@pytest.fixture
def unattended_window(qtbot, tmp_path, monkeypatch, qapp):

    from facilitator_app.gui.core.unattended import Unattended
    from facilitator_app.gui.main_window import MainWindow

    monkeypatch.setenv("FACILITATOR_APP_DATA", str(tmp_path / "data"))

    def no_dialog(*args: object) -> None:
        raise AssertionError(f"a dialog would wait: {args[1:]}")

    monkeypatch.setattr(QMessageBox, "warning", no_dialog)
    unattended = Unattended(qapp)
    main = MainWindow()
    main.unattended = unattended
    qtbot.addWidget(main)
    main.show()
    yield main
    qapp.removeEventFilter(unattended)
    unattended.deleteLater()
    main.close_workshop()


def test_an_error_is_said_on_stderr_not_in_a_dialog(unattended_window, tmp_path, capsys) -> None:
    missing = tmp_path / "gone.workshop"
    assert not unattended_window.open_path(missing)
    assert capsys.readouterr().err == f"facilitator-app: {missing}: no such file\n"
    assert unattended_window.unattended.refused


def test_closing_with_changes_the_file_lacks_says_so_and_closes(
    unattended_window, workshop, capsys, monkeypatch
) -> None:
    from facilitator_app.gui.files import storage_warning

    def ask(*args: object) -> None:
        raise AssertionError("asked about the unsaved changes")

    monkeypatch.setattr(storage_warning, "ask_about_unsaved", ask)
    assert unattended_window.open_path(workshop)
    session = unattended_window.session
    session.document.storage.db.execute_sql("PRAGMA query_only = 1")  # the file takes no writes
    theme = session.document.data.themes[0]
    session.push(SetFields(Kind.THEME, theme.id, {"vision": "changed"}), "Type")
    assert session.document.fault is not None
    assert unattended_window.close_workshop()
    err = capsys.readouterr().err
    assert err.startswith(f"facilitator-app: {workshop}: the latest changes are not in the file")
    assert err.endswith("; closed without them\n")
    assert err.count("\n") == 1
    assert unattended_window.unattended.refused


def test_any_other_dialog_is_closed_at_once_and_said(qapp, capsys) -> None:
    from facilitator_app.gui.core.unattended import Unattended

    unattended = Unattended(qapp)
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "Title", "Go on?")
        box.setInformativeText("Really,\nreally?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.exec()  # returns: the dialog is rejected from inside its own event loop
    finally:
        qapp.removeEventFilter(unattended)
        unattended.deleteLater()
    assert box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes)
    assert capsys.readouterr().err == "facilitator-app: Go on? Really, really?\n"
    assert unattended.refused

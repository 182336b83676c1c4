"""The facilitator's window: start page, opening files, saving, undo, smoke mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from child_processes import run_app, run_script
from PySide6.QtWidgets import QMessageBox
from repo_paths import REPO

from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.paths import demo_json
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields


@pytest.fixture
def window(window_factory):
    return window_factory()  # the start page


def read_in_other_process(path: Path) -> dict:
    """The workshop as JSON, read by a separate process: proves the change is committed."""
    script = (
        "import json,sys; from pathlib import Path;"
        "from facilitator_app.workshop.store.storage import Storage;"
        "from facilitator_app.workshop.interchange import workshop_to_json;"
        "print(json.dumps(workshop_to_json(Storage.read(Path(sys.argv[1])))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_starts_on_the_start_page_and_opens_the_demo(window) -> None:
    assert window.stack.currentWidget() is window.startPage
    assert window.open_demo()
    assert window.stack.currentWidget() is window.workshopPage
    assert window.windowTitle().startswith("liberec-2026-05-19.workshop")
    assert window.head_count_label.text().endswith("8 (+1 ORK)")


def test_every_change_reaches_the_file_and_undo_too(qtbot, window) -> None:
    window.open_demo()
    session = window.session
    activities = window.page("activities")
    assert isinstance(activities, ActivitiesPage)
    first = session.document.data.blocks[0].children[0]
    session.push(SetFields(Kind.NODE, first.id, {"text": "Bezpečí"}), "Edit")
    saved = read_in_other_process(session.path)
    assert saved["activity_blocks"][0]["activities"][0]["text"] == "Bezpečí"
    window.undo_action.trigger()
    assert window.undo_action.isEnabled() is False
    saved = read_in_other_process(session.path)
    assert saved["activity_blocks"][0]["activities"][0]["text"] == "Přátelský a bezpečný prostor"


def test_typing_reaches_the_file_within_a_second(qtbot, window) -> None:
    window.open_demo()
    session = window.session
    session.set_text(Kind.DETAILS, 0, "place", "Krajský úřad", "Edit place")
    assert not session.document.is_saved
    with qtbot.waitSignal(session.save_state_changed, timeout=1000):
        pass
    assert session.document.is_saved
    assert read_in_other_process(session.path)["workshop"]["place"] == "Krajský úřad"


def test_undo_action_names_the_step(window) -> None:
    window.open_demo()
    node = window.session.document.data.blocks[0].children[0]
    window.session.push(SetFields(Kind.NODE, node.id, {"votes": 3}), "Set votes")
    assert window.undo_action.text() == "Undo Set votes"


def test_a_bad_file_gets_a_message_and_is_untouched(window, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.workshop"
    bad.write_bytes(b"not a database at all")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.open_path(bad)
    assert shown == [f"{bad}: not a workshop file (it is not an SQLite database)"]
    assert bad.read_bytes() == b"not a database at all"
    assert window.stack.currentWidget() is window.startPage


def test_shortcuts_dialog_lists_the_outliner_keys(window) -> None:
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

    window.open_demo()
    dialog = ShortcutsDialog(window)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Activities ▸ Indent"] == "Tab"
    assert rows["Activities ▸ Add block…"] == "Ctrl+B"
    assert "Ctrl+Z" in rows["Edit ▸ Undo"]


def test_smoke_prints_the_window_and_exits(tmp_path) -> None:
    result = run_app("--smoke", "--demo", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "facilitator-app: first frame painted" in result.stderr.splitlines()
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    windows = {line["window"]: line for line in lines}
    assert windows["facilitatorWindow"]["fullscreen"] is False
    assert len(windows["facilitatorWindow"]["geometry"]) == 4


def test_the_first_frame_comes_before_the_workshop_layer_loads(tmp_path) -> None:
    """Start-up: the window (sections, menus, "Opening …") paints before peewee, SQLite and
    the document are imported; the workshop opens right after that frame."""
    script = (
        "import sys\n"
        "from facilitator_app.gui.app import make_application\n"
        "from facilitator_app.gui.main_window import MainWindow\n"
        "app = make_application()\n"
        "window = MainWindow()\n"
        "window.show_opening(None)\n"
        "window.show()\n"
        "from facilitator_app.gui.sections.registry import SECTIONS\n"
        "heavy = ('peewee', 'sqlite3', 'facilitator_app.workshop.document',\n"
        "         'facilitator_app.gui.core.session',\n"
        "         *(section.module for section in SECTIONS))\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print('loaded before the first frame:', heavy)\n"
        "print('status:', window.statusbar.currentMessage())\n"
        "window.after_first_frame(window.open_demo)\n"
        "window.first_frame_shown.connect(lambda: (print('title:', window.windowTitle()),\n"
        "    print('status after:', repr(window.statusbar.currentMessage())), app.quit()))\n"
        "app.exec()\n"
    )
    result = run_script(script, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "loaded before the first frame: []"
    assert lines[1] == "status: Opening the demo workshop…"
    assert lines[2] == "title: liberec-2026-05-19.workshop — facilitator-app"
    assert lines[3] == "status after: ''"


def test_smoke_with_a_bad_file_exits_2_with_one_line(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "facilitator-workshop", "version": 7}')
    result = run_app("--smoke", str(bad), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"facilitator-app: {bad}: version: this file is format version 7; this app reads up to "
        "version 3: update the app to open it"
    ]
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_compiled_forms_are_current() -> None:
    """Generated code is built, not committed: the source tree's package holds every form and
    translation the build makes, none older than its source, and git tracks none of them."""
    from packaging_scripts import build_resources

    generated = build_resources.generated_files()
    forms = sorted(build_resources.FORMS.glob("*.ui"))
    translations = sorted(build_resources.TRANSLATION_SOURCES.glob("*.ts"))
    assert len(generated) == len(forms) + len(translations) >= 5
    for source, built in zip([*forms, *translations], generated, strict=True):
        assert built.exists(), f"{built.name} missing: run make"
        assert built.stat().st_mtime >= source.stat().st_mtime, f"{built.name} is stale"
    assert all(built.is_relative_to(build_resources.PACKAGE) for built in generated)
    tracked = subprocess.run(
        ["git", "ls-files", "--", *(str(path) for path in generated)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tracked.stdout == "", f"generated files are committed: {tracked.stdout}"


def test_compiled_forms_import_only_the_qt_names_they_use() -> None:
    """Each imported PySide class costs start-up time: the forms import what they use."""
    import ast

    from packaging_scripts import build_resources

    only_used_imports = build_resources.only_used_imports
    assert only_used_imports(
        "from PySide6.QtGui import (QAction, QGradient,\n    QPalette)\n"
        "from PySide6.QtCore import QUrl\n"
        "x = QAction()\n"
    ) == ("from PySide6.QtGui import QAction\nx = QAction()\n")
    for generated in (build_resources.PACKAGE / build_resources.FORMS_IN_PACKAGE).glob("ui_*.py"):
        tree = ast.parse(generated.read_text(encoding="utf-8"))
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        imported = {
            alias.name
            for statement in tree.body
            if isinstance(statement, ast.ImportFrom)
            for alias in statement.names
        }
        assert imported <= used, f"{generated.name} imports {sorted(imported - used)}"


def test_a_file_handed_over_by_the_desktop_is_opened(window, tmp_path, qapp) -> None:
    """macOS sends a double-clicked .workshop as a QFileOpenEvent, not as an argument."""
    from PySide6.QtGui import QFileOpenEvent

    from facilitator_app.gui.app import FileOpenHandler
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.interchange import read_json_file

    path = tmp_path / "handed.workshop"
    Document.create(path, read_json_file(demo_json())).close()
    handler = FileOpenHandler(window)
    qapp.installEventFilter(handler)
    try:
        qapp.sendEvent(qapp, QFileOpenEvent(str(path)))
    finally:
        qapp.removeEventFilter(handler)
    assert window.session is not None
    assert window.session.path == path


def test_every_section_of_the_registry_is_in_the_window_in_its_order(window) -> None:
    """The registry names the form's tab, View action and menu of each section, in tab order;
    each page is built into its tab, its actions in its menu."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from facilitator_app.gui.sections.registry import SECTIONS

    assert window.sections.count() == len(SECTIONS)
    for index, section in enumerate(SECTIONS):
        assert window.sections.widget(index).objectName() == section.container
        assert window.findChild(QAction, section.show_action) is not None
        assert section.menu is None or window.findChild(QMenu, section.menu) is not None
    assert window.open_demo()
    for index, section in enumerate(SECTIONS):
        page = window.page(section.name)
        assert type(page).__name__ == section.page_class_name
        assert page.parent() is window.sections.widget(index)
        assert isinstance(section.main_widget_of(page), QWidget), section.name
        if section.menu is not None:
            menu = window.findChild(QMenu, section.menu)
            assert menu.actions() == section.actions_of(page) != []

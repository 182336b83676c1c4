"""File ▸ Region summary…: the meetings listed, the summary written off the window's thread,
the files left out and the uncertain matches reported, nothing written when cancelled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator_app import paths
from facilitator_app.gui.files import region_summary
from facilitator_app.gui.files.region_summary import SummaryDialog


@pytest.fixture
def meetings(tmp_path: Path) -> list[Path]:
    """The demo group's two meetings as JSON, and a file that is no meeting at all."""
    copies = []
    for name in ("first-meeting", "vision-and-activities"):
        source = paths.demo_json(name)
        copies.append(Path(shutil.copy(source, tmp_path / source.name)))
    bad = tmp_path / "rozbitý.json"
    bad.write_text("{ not json", encoding="utf-8")
    return [*copies, bad]


def answer(monkeypatch, files: list[Path], target: Path, *, public: bool = False) -> list:
    """The dialogs answered: these files, this target; the result shown kept in a list."""

    def choices(dialog: SummaryDialog) -> bool:
        monkeypatch.setattr(dialog, "ask_files", lambda: files)
        dialog.add_files()
        dialog.public.setChecked(public)
        return True

    shown: list = []
    monkeypatch.setattr(region_summary, "ask_choices", choices)
    monkeypatch.setattr(region_summary, "ask_target", lambda window, suggestion: target)
    monkeypatch.setattr(
        region_summary, "show_result", lambda window, path, summary: shown.append(summary)
    )
    return shown


def test_the_summary_is_written_and_the_bad_file_reported(
    qtbot, window_factory, meetings, tmp_path, monkeypatch
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    window = window_factory()  # the start page: no workshop needs to be open
    assert window.actionRegionSummary.isEnabled()
    assert window.actionRegionSummary in window.menuFile.actions()
    target = tmp_path / "souhrn.xlsx"
    shown = answer(monkeypatch, meetings, target)
    assert region_summary.make_region_summary(window) == target
    (summary,) = shown
    assert len(summary.meetings) == 2
    assert [error.path.name for error in summary.errors] == ["rozbitý.json"]
    assert "rozbitý.json" in region_summary.result_details(summary)
    book = openpyxl.load_workbook(target, read_only=True)
    assert len(book.sheetnames) >= 5


def test_the_public_document_names_nobody(
    qtbot, window_factory, meetings, tmp_path, monkeypatch
) -> None:
    from docx import Document as WordDocument

    from facilitator_app.workshop.interchange import read_json_file

    window = window_factory()
    target = tmp_path / "souhrn.docx"
    answer(monkeypatch, meetings[:2], target, public=True)
    assert region_summary.make_region_summary(window) == target
    text = "\n".join(p.text for p in WordDocument(str(target)).paragraphs)
    names = {a.name for m in meetings[:2] for a in read_json_file(m).attendees}
    assert names
    assert not any(name in text for name in names)


def test_a_cancelled_summary_writes_nothing(
    qtbot, window_factory, meetings, tmp_path, monkeypatch
) -> None:
    window = window_factory()
    target = tmp_path / "souhrn.xlsx"
    shown = answer(monkeypatch, meetings, target)
    started = region_summary.SummaryWorker.start

    def cancelled_at_once(worker: region_summary.SummaryWorker) -> None:
        worker.cancel()
        started(worker)

    monkeypatch.setattr(region_summary.SummaryWorker, "start", cancelled_at_once)
    assert region_summary.make_region_summary(window) is None
    assert not target.exists()
    assert shown == []


def test_the_dialog_lists_the_open_workshop_and_removes_files(qtbot, tmp_path) -> None:
    first, second = tmp_path / "a.workshop", tmp_path / "b.json"
    dialog = SummaryDialog([first], "en", None)
    qtbot.addWidget(dialog)
    assert dialog.paths() == [first]
    assert dialog.language.currentData() == "en"
    dialog.ask_files = lambda: [second, first]  # a file listed once
    dialog.add_files()
    assert dialog.paths() == [first, second]
    dialog.files.item(0).setSelected(True)
    dialog.remove_selected()
    assert dialog.paths() == [second]
    dialog.remove_selected()  # nothing selected: nothing goes
    assert dialog.paths() == [second]
    for widget in (dialog.files, dialog.language, dialog.public, dialog.add_button):
        assert widget.accessibleName()

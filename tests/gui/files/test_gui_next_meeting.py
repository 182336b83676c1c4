"""File ▸ Next meeting of this group…: the next meeting's workshop, made and opened in one step."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from facilitator_app.gui.files import next_meeting
from facilitator_app.gui.files.next_meeting import StartDialog, suggested_path
from facilitator_app.workshop.model import Quadrant, SwotItem

STARTS = datetime(2026, 6, 2, 13, 0)


@pytest.fixture
def first(window_factory: Any, demo_document: Any) -> Any:
    """The demo with a SWOT item, as a first meeting would leave it."""
    demo_document.data.themes[0].swot.append(SwotItem(1, "Silná síť", Quadrant.STRENGTHS))
    return window_factory(demo_document)


def answer(monkeypatch: pytest.MonkeyPatch, start: datetime | None, target: Path | None) -> None:
    monkeypatch.setattr(next_meeting, "ask_start", lambda window, proposed: start)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args: (str(target) if target else "", "")),
    )


def test_the_next_meeting_opens_in_the_window(first, monkeypatch, tmp_path) -> None:
    old_path = first.session.path
    target = tmp_path / "druhé jednání.workshop"
    answer(monkeypatch, STARTS, target)
    first.actionNextMeeting.trigger()
    session = first.session
    assert session.path == target
    data = session.document.data
    assert data.details.starts_at == STARTS
    assert data.details.previous_meeting == date(2026, 5, 19)
    assert data.attendees
    assert not any(attendee.present for attendee in data.attendees)
    assert [item.text for item in data.themes[0].swot] == ["Silná síť"]
    assert data.themes[0].draft == data.themes[0].vision
    assert old_path.exists()  # the first meeting's file stays as it was
    assert "druhé jednání.workshop" in first.statusbar.currentMessage()


def test_cancelling_either_question_changes_nothing(first, monkeypatch, tmp_path) -> None:
    path = first.session.path
    for start, target in ((None, tmp_path / "x.workshop"), (STARTS, None)):
        answer(monkeypatch, start, target)
        first.actionNextMeeting.trigger()
        assert first.session.path == path
    assert list(tmp_path.glob("x*.workshop")) == []


def test_the_open_file_is_refused_as_the_target(first, monkeypatch) -> None:
    path = first.session.path
    answer(monkeypatch, STARTS, path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    first.actionNextMeeting.trigger()
    assert first.session.path == path
    assert shown == [
        f"{path.name} is this meeting's own file: choose another name for the next one."
    ]


def test_an_unwritable_target_gets_a_message(first, monkeypatch, tmp_path) -> None:
    answer(monkeypatch, STARTS, tmp_path / "nowhere" / "next.workshop")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(title))
    first.actionNextMeeting.trigger()
    assert shown == ["Cannot create the next meeting"]
    assert first.session.path.name == "demo.workshop"


def test_the_action_needs_an_open_workshop(window_factory) -> None:
    start = window_factory()
    assert not start.actionNextMeeting.isEnabled()
    assert start.actionNextMeeting in start.menuFile.actions()


def test_the_file_is_named_after_the_new_date() -> None:
    assert suggested_path(Path("a/liberec-2026-05-19.workshop"), STARTS) == Path(
        "a/liberec-2026-06-02.workshop"
    )
    assert suggested_path(Path("a/skupina.workshop"), STARTS) == Path(
        "a/skupina-2026-06-02.workshop"
    )


def test_the_dialog_proposes_a_start_and_reads_the_typed_one(qtbot) -> None:
    dialog = StartDialog(STARTS)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == STARTS
    assert dialog.starts.accessibleName() == "The next meeting starts"
    dialog.starts.setDateTime(QDateTime(datetime(2026, 6, 9, 9, 30)))
    assert dialog.chosen() == datetime(2026, 6, 9, 9, 30)


def test_ask_start_returns_none_when_cancelled(qtbot, first) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StartDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert next_meeting.ask_start(first, STARTS) is None


def test_the_first_meetings_demo_opens_from_the_start_page(window_factory, qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    start = window_factory()
    button = start.startPage.findChild(QPushButton, "startFirstMeetingDemo")
    assert button.accessibleName() == "Open the first meeting's demo (SWOT)"
    button.click()
    data = start.session.document.data
    assert start.session.path.name == "liberec-2026-04-21.workshop"
    assert all(theme.swot for theme in data.themes)

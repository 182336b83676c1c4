"""The Workshop details section: title, times, place, people, the minutes' language and intro.

Every edit goes through the session: typing merges into one undo step per pause
(``WorkshopSession.set_text``), a date, a choice or a tick is one step (``push``). The widgets
only *show* the document: they are refreshed from its change events (undo and redo included)
without creating commands, and a widget whose text already matches is left alone so that the
cursor stays where the facilitator is typing. Ctrl+Z in these fields undoes the workshop's
steps, not the field's private history, so that the Edit menu and the keys agree.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QObject, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.forms.ui_details_page import Ui_DetailsPage
from facilitator_app.gui.widgets.section_page import SectionPage
from facilitator_app.minutes.phrases import phrases_for
from facilitator_app.workshop.events import Event, FieldsChanged, Kind, Reset
from facilitator_app.workshop.model import WorkshopDetails
from facilitator_app.workshop.operations import SetFields

DETAILS_ID = 0
LANGUAGES = ("cs", "en")
DEFAULT_LENGTH = timedelta(hours=3)  # offered as the end when the facilitator ticks "Ends at"


def intro_value(text: str) -> str | None:
    """The stored vision intro for a field's text: None (generated) when it holds no words."""
    return text if text.strip() else None


class WorkshopUndoKeys(QObject):
    """Lets Undo/Redo keys reach the workshop's undo stack instead of a field's own history.

    Also tells the session that the facilitator is working on the details.
    """

    def __init__(self, page: DetailsPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if is_undo_key(event):
                event.ignore()  # not claimed by the field: the window's Undo/Redo action runs
                return True
        elif event.type() == QEvent.Type.FocusIn:
            self.page.session.set_focus(Focus("details"))
        return False


def is_undo_key(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()
    )


class DetailsPage(SectionPage, Ui_DetailsPage):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setupUi(self)
        self.setObjectName("detailsPage")
        self._updating = False
        # The line edits typed into, with the field each one edits and its undo text.
        self.line_edits: dict[str, tuple[QLineEdit, str]] = {
            "title": (self.titleEdit, self.tr("Edit title")),
            "place": (self.placeEdit, self.tr("Edit place")),
            "facilitator": (self.facilitatorEdit, self.tr("Edit facilitator")),
            "organizer_label": (self.organizerEdit, self.tr("Edit organiser label")),
        }
        self._set_up_widgets()
        self._connect()
        self.refresh()

    # --- construction --------------------------------------------------------------------

    def _set_up_widgets(self) -> None:
        # The start and end read whole typed texts in the UI's language (see date_fields);
        # a text that is no date or time is explained beside its field.
        for field, message in (
            (self.startsEdit, self.startsMessage),
            (self.endsEdit, self.endsMessage),
        ):
            message.setStyleSheet("color: #a4262c;")
            message.setWordWrap(True)  # a long typed text must not widen the page
            message.hide()
            field.refused.connect(lambda text, label=message: self._show_refusal(label, text))
        # Endonyms: each language is offered in its own name, whatever the interface language.
        self.languageCombo.addItem(self.tr("Čeština", "the Czech language, in Czech"), "cs")
        self.languageCombo.addItem(self.tr("English", "the English language, in English"), "en")
        for hint in (self.organizerHint, self.visionIntroHint, self.endsHint):
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.visionIntroEdit.setUndoRedoEnabled(False)  # the workshop's undo stack does it
        self.visionIntroEdit.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        keys = WorkshopUndoKeys(self)
        for widget in (
            *(edit for edit, _ in self.line_edits.values()),
            self.startsEdit,
            self.endsCheck,
            self.endsEdit,
            self.languageCombo,
            self.visionIntroEdit,
        ):
            widget.installEventFilter(keys)

    def _connect(self) -> None:
        for field, (edit, undo_text) in self.line_edits.items():
            # textEdited, unlike textChanged, is the user's typing only: no feedback loop.
            edit.textEdited.connect(
                lambda text, f=field, t=undo_text: self._text_edited(f, text, t)
            )
        self.titleEdit.editingFinished.connect(self._title_finished)
        self.startsEdit.dateTimeChanged.connect(self._starts_edited)
        self.endsCheck.clicked.connect(self._ends_ticked)
        self.endsEdit.timeChanged.connect(self._end_time_edited)
        self.languageCombo.activated.connect(self._language_chosen)
        self.visionIntroEdit.textChanged.connect(self._intro_edited)
        self.connections = Connections(self)
        self.connections.connect(self.session.changed, self._document_changed)

    # --- from the widgets to the document ------------------------------------------------

    @property
    def details(self) -> WorkshopDetails:
        details: WorkshopDetails = self.document.data.details
        return details

    def _set(self, values: dict[str, Any], undo_text: str) -> bool:
        return self.session.push(SetFields(Kind.DETAILS, DETAILS_ID, values), undo_text)

    def _text_edited(self, field: str, text: str, undo_text: str) -> None:
        if field == "title" and not text.strip():
            # The file format needs a title: keep the last one until a new one is typed.
            self.session.refused.emit(self.tr("A workshop needs a title."))
            return
        if text != getattr(self.details, field):
            self.session.set_text(Kind.DETAILS, DETAILS_ID, field, text, undo_text)

    def _title_finished(self) -> None:
        if not self.titleEdit.text().strip():
            self._show_line(self.titleEdit, self.details.title)

    @staticmethod
    def _show_refusal(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _starts_edited(self, value: QDateTime) -> None:
        if self._updating:
            return
        details = self.details
        starts_at = value.toPython().replace(second=0, microsecond=0)
        if starts_at == details.starts_at:
            return  # (a refused text shows the old value again: its message stays)
        self.startsMessage.hide()
        values: dict[str, Any] = {"starts_at": starts_at}
        if details.ends_at is not None:
            # The end keeps its time and moves with the date (a start an hour later does not
            # make the workshop end an hour later; a start a week later does).
            values["ends_at"] = details.ends_at + (starts_at.date() - details.starts_at.date())
        self._set(values, self.tr("Change start"))

    def _end_at(self, clock: QTime) -> datetime:
        """The end at ``clock`` on the end's day (the start's day unless it already differs)."""
        details = self.details
        days = (details.ends_at.date() - details.starts_at.date()) if details.ends_at else None
        day = details.starts_at.date() + (days or timedelta(0))
        return datetime.combine(day, time(clock.hour(), clock.minute()))

    def _ends_ticked(self, checked: bool) -> None:
        if checked:
            self._set({"ends_at": self._end_at(self.endsEdit.time())}, self.tr("Set end time"))
        else:
            self._set({"ends_at": None}, self.tr("Remove end time"))

    def _end_time_edited(self, clock: QTime) -> None:
        if self._updating or not self.endsCheck.isChecked():
            return
        ends_at = self._end_at(clock)
        if ends_at != self.details.ends_at:
            self.endsMessage.hide()
            self._set({"ends_at": ends_at}, self.tr("Change end time"))

    def _language_chosen(self, index: int) -> None:
        language = self.languageCombo.itemData(index)
        if language != self.details.language:
            self._set({"language": language}, self.tr("Change minutes language"))

    def _intro_edited(self) -> None:
        if self._updating:
            return
        value = intro_value(self.visionIntroEdit.toPlainText())
        if value != self.details.vision_intro:
            self.session.set_text(
                Kind.DETAILS, DETAILS_ID, "vision_intro", value, self.tr("Edit vision intro")
            )

    # --- from the document to the widgets --------------------------------------------------

    def _document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            self.refresh()
        elif isinstance(event, FieldsChanged) and event.kind is Kind.DETAILS:
            self.refresh(event.fields)
        else:
            # Attendees and remarks change the head count example and the generated intro.
            self._refresh_hints()

    def refresh(self, fields: frozenset[str] | None = None) -> None:
        """Show the document's values (of ``fields``, or all) without making any command."""
        details = self.details
        self._updating = True
        try:
            for field, (edit, _) in self.line_edits.items():
                if fields is None or field in fields:
                    self._show_line(edit, getattr(details, field))
            if fields is None or fields & {"starts_at", "ends_at"}:
                self._show_times(details)
            if fields is None or "language" in fields:
                self.languageCombo.setCurrentIndex(max(0, LANGUAGES.index(details.language)))
            if fields is None or "vision_intro" in fields:
                self._show_intro(details.vision_intro)
        finally:
            self._updating = False
        self._refresh_hints()

    @staticmethod
    def _show_line(edit: QLineEdit, value: str) -> None:
        if edit.text() == value:
            return  # unchanged: leave the cursor and selection alone
        cursor = edit.cursorPosition()
        edit.setText(value)
        edit.setCursorPosition(min(cursor, len(value)))

    def _show_intro(self, value: str | None) -> None:
        edit: QPlainTextEdit = self.visionIntroEdit
        if intro_value(edit.toPlainText()) == value:
            return
        text = value or ""
        cursor = edit.textCursor()
        position = min(cursor.position(), len(text))
        edit.setPlainText(text)
        cursor = edit.textCursor()
        cursor.setPosition(position)
        edit.setTextCursor(cursor)

    def _show_times(self, details: WorkshopDetails) -> None:
        starts = QDateTime(details.starts_at)
        if self.startsEdit.dateTime() != starts:
            self.startsEdit.setDateTime(starts)
        has_end = details.ends_at is not None
        self.endsCheck.setChecked(has_end)
        self.endsEdit.setEnabled(has_end)
        if details.ends_at is not None:
            end = details.ends_at
        else:
            # What ticking the box will offer: three hours on, within the same day.
            end = min(
                details.starts_at + DEFAULT_LENGTH,
                datetime.combine(details.starts_at.date(), time(23, 59)),
            )
        clock = QTime(end.hour, end.minute)
        if self.endsEdit.time() != clock:
            self.endsEdit.setTime(clock)

    def _refresh_hints(self) -> None:
        data = self.document.data
        details = data.details
        label: QLabel = self.organizerHint
        label.setText(self.tr("The head count reads: %s") % data.head_count_text())
        if details.ends_at is not None and details.ends_at <= details.starts_at:
            self.endsHint.setText(self.tr("⚠ Not after the start: the minutes leave the end out."))
        else:
            self.endsHint.clear()
        phrases = phrases_for(details.language)
        has_remarks = any(theme.remarks for theme in data.themes)
        generated = phrases.remarks_intro if has_remarks else phrases.no_remarks
        self.visionIntroEdit.setPlaceholderText(
            self.tr("Empty: the minutes open with “%s”") % generated
        )

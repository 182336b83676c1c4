"""Date and time editors that read what is typed the way people write it, in the UI's language.

A plain QDateTimeEdit types into its sections: "19.5.2026 13:00" typed over "2. 1. 2026 9:00"
ends up as 19. 12. 5202 6:13. These editors take the whole text instead and read it with
``workshop.dates`` (Czech: 19.5.2026, 19. 5. 2026, 19.5., 13, 13:00, 13.00; English: 19/05/2026,
19 May 2026, 2026-05-19, 1 pm). Arrows, the calendar and the sections still work on the text
they show. A text that is no date (31.2., a year 5202) is refused: ``refused`` carries a
one-line message for the label beside the field when editing ends, and the field shows its
last value again.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget

from facilitator_app.workshop.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateError,
    Reason,
    parse_date,
    parse_datetime,
    parse_time,
)

# The forms each language shows (and reads back): unambiguous whatever the system locale says.
DATE_FORMATS = {"cs": "d. M. yyyy", "en": "d MMM yyyy"}
TIME_FORMAT = "H:mm"
STEP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def typing_language() -> str:
    """The language dates are typed in: the UI's (its locale is the default one)."""
    return "cs" if QLocale().language() == QLocale.Language.Czech else "en"


def refusal_text(error: DateError) -> str:
    """What the field beside says about ``error``, in the UI's language."""
    translate = QCoreApplication.translate
    messages = {
        Reason.FORMAT: translate(
            "DateFields",
            "“%1” is not a date or time: type e.g. 19 May 2026 1 pm or 19/05/2026 13:00",
        ),
        Reason.DAY: translate("DateFields", "“%1”: there is no such day"),
        Reason.YEAR: translate("DateFields", "“%1”: the year must be from %2 to %3"),
        Reason.TIME: translate("DateFields", "“%1”: there is no such time of day"),
    }
    typed = error.text.strip()
    if len(typed) > 30:
        typed = typed[:29] + "…"
    return (
        messages[error.reason]
        .replace("%1", typed)
        .replace("%2", str(MIN_YEAR))
        .replace("%3", str(MAX_YEAR))
    )


class TypedDateTimeMixin:
    """The reading of typed text shared by the date, time and date-and-time fields."""

    language: str

    def setup_typing(self: QDateTimeEdit, language: str | None = None) -> None:  # type: ignore[misc]
        self.language = language or typing_language()
        # The value changes when editing ends, not with each keystroke: "19.5" on the way to
        # "19.5.2026" is a date too, and a refused text must not leave one of those behind.
        self.setKeyboardTracking(False)
        self.unread: DateError | None = None  # why the text typed last is no date, unsaid
        self.rejected = False  # the text typed last was refused (and said so)
        self.lineEdit().textEdited.connect(self._typed)
        self.editingFinished.connect(self.report_unread)
        if self.language == "en":
            self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        else:
            self.setLocale(QLocale(QLocale.Language.Czech))
        sections = self.displayedSections()
        formats = []
        if sections & QDateTimeEdit.Section.DateSections_Mask:
            formats.append(DATE_FORMATS[self.language])
        if sections & QDateTimeEdit.Section.TimeSections_Mask:
            formats.append(TIME_FORMAT)
        self.setDisplayFormat(" ".join(formats))
        self.setDateTimeRange(
            QDateTime(QDate(MIN_YEAR, 1, 1), QTime(0, 0)),
            QDateTime(QDate(MAX_YEAR, 12, 31), QTime(23, 59)),
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        # Coming in, the whole text is selected (after the click's own placing of the
        # cursor): what is typed replaces it, instead of landing in one of its sections.
        # (The line edit's select-all: it leaves the cursor at the end, where the spin box's
        # own leaves it at the start and its first section then takes the typing.)
        QTimer.singleShot(0, self, self._select_text)  # type: ignore[call-overload]

    def _select_text(self) -> None:
        self.lineEdit().selectAll()  # type: ignore[attr-defined]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self._select_text()
            return
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if plain and text and text.isprintable():
            # Typed text goes into the text as in any line edit: the sections' own typing
            # (a dot jumps to the next section, digits overwrite) is what garbled dates.
            self.lineEdit().insert(text)  # type: ignore[attr-defined]
            return
        if event.key() in STEP_KEYS:
            # Stepping starts from the value shown: nothing to refuse.
            self.unread, self.rejected = None, False
        super().keyPressEvent(event)  # type: ignore[misc]

    def read(self: QDateTimeEdit, text: str) -> datetime:  # type: ignore[misc]
        """The moment ``text`` means; the parts it does not name stay as the field has them."""
        current = self.dateTime().toPython()
        sections = self.displayedSections()
        has_date = bool(sections & QDateTimeEdit.Section.DateSections_Mask)
        has_time = bool(sections & QDateTimeEdit.Section.TimeSections_Mask)
        language: str = self.language  # type: ignore[attr-defined]
        today = date.today()
        if has_date and has_time:
            return parse_datetime(text, language, today, current.time().replace(second=0))
        if has_date:
            return datetime.combine(parse_date(text, language, today), current.time())
        return datetime.combine(current.date(), parse_time(text, language))

    def validate(self, text: str, position: int) -> object:  # type: ignore[override]
        # Never Invalid: every keystroke is let in, and only the whole text is judged.
        try:
            self.read(text)  # type: ignore[misc]
        except DateError:
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Acceptable, text, position

    def _typed(self, text: str) -> None:
        self.rejected = False
        try:
            self.read(text)  # type: ignore[misc]
        except DateError as error:
            self.unread = error
        else:
            self.unread = None

    def report_unread(self) -> bool:
        """Editing ended: if the text typed last is no date, say why (the field reverts).

        Called when editing finishes, and by a delegate before it commits (it takes Enter
        before the field sees it; the field may have finished first). Says it once; True
        while the text typed last was refused, so that nothing is committed.
        """
        error, self.unread = self.unread, None
        if error is not None:
            self.rejected = True
            self.refused.emit(refusal_text(error))  # type: ignore[attr-defined]
        return self.rejected

    def dateTimeFromText(self, text: str) -> QDateTime:  # type: ignore[override]
        try:
            return QDateTime(self.read(text))  # type: ignore[misc]
        except DateError:
            return self.dateTime()  # type: ignore[attr-defined]


class DateTimeField(TypedDateTimeMixin, QDateTimeEdit):
    """A date and time typed as a whole ("19.5.2026 13:00")."""

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_typing()


class DateField(TypedDateTimeMixin, QDateEdit):
    """A date typed as a whole ("19.5.", "19 May 2026")."""

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_typing()


class TimeField(TypedDateTimeMixin, QTimeEdit):
    """A time of day typed as a whole ("13", "13.00", "1 pm")."""

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_typing()

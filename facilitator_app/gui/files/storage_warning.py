"""What the window says when the workshop file is in trouble.

- ``StorageWarningBar``: the file cannot be written (disk full, read-only, drive gone). It stays
  above the sections until the file has everything again, says in plain words what happened
  and that nothing is lost, and offers Retry and Save a copy as….
- ``ReadOnlyBar``: the workshop is open read-only, because another instance has it open.
- ``ask_about_lock``: the question asked when a workshop is open elsewhere.
- ``ask_about_unsaved``: the question asked when a workshop with unwritten edits is closed.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.text import arg
from facilitator_app.workshop.store.faults import Fault
from facilitator_app.workshop.store.lock import LockInfo

WARNING_STYLE = "#storageWarning { background: #fff3cd; border: 1px solid #e0a800; }"
READ_ONLY_STYLE = "#readOnlyBar { background: #e7f1ff; border: 1px solid #6ea8fe; }"


def local_time(moment: datetime) -> str:
    """A date and time in the user's locale (short format)."""
    value = QDateTime(moment.date(), moment.time()) if moment.tzinfo is None else None
    if value is None:
        value = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


class _Bar(QFrame):
    def __init__(self, name: str, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(style)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(10, 6, 10, 6)
        self.icon_label = QLabel(self)
        self.layout_.addWidget(self.icon_label)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layout_.addWidget(self.text, 1)
        self.hide()

    def _describe(self, spoken: str, meaning: str, text_spoken: str) -> None:
        """The bar's accessible name, its icon, and the accessible name of its text."""
        self.setAccessibleName(spoken)
        self.icon_label.setPixmap(icon(meaning).pixmap(24, 24))
        self.text.setAccessibleName(text_spoken)

    def _button(self, text: str, meaning: str, name: str) -> QPushButton:
        button = QPushButton(icon(meaning), text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.layout_.addWidget(button)
        return button


class StorageWarningBar(_Bar):
    """Stays while the file misses edits; Retry and Save a copy as… are the ways out."""

    retry_requested = Signal()
    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("storageWarning", WARNING_STYLE, parent)
        self._describe(self.tr("Saving problem"), "warning", self.tr("What went wrong"))
        self.retry_button = self._button(self.tr("&Retry"), "redo", "storageRetry")
        self.save_copy_button = self._button(
            self.tr("Save a cop&y as…"), "save-copy", "storageSaveCopy"
        )
        self.retry_button.clicked.connect(self.retry_requested)
        self.save_copy_button.clicked.connect(self.save_copy_requested)
        self.since: datetime | None = None

    def explain(self, fault: Fault | None) -> str:
        """The first sentence: what happened, in plain words."""
        texts = {
            Fault.FULL: self.tr("The workshop cannot be saved: the disk is full."),
            Fault.READ_ONLY: self.tr(
                "The workshop cannot be saved: its file or folder has become read-only."
            ),
            Fault.GONE: self.tr(
                "The workshop file is gone: it was deleted or moved, or its drive was removed."
            ),
            Fault.IO: self.tr("The workshop cannot be saved: the drive does not respond."),
        }
        return texts.get(fault, self.tr("The workshop cannot be saved.")) if fault else ""

    def advice(self, fault: Fault | None) -> str:
        texts = {
            Fault.FULL: self.tr("Free some space on the disk, or save a copy elsewhere."),
            Fault.READ_ONLY: self.tr("Make the folder writable again, or save a copy elsewhere."),
            Fault.GONE: self.tr(
                "Put the drive back (then Retry), or save a copy elsewhere and go on there."
            ),
            Fault.IO: self.tr("Check the drive, or save a copy elsewhere."),
        }
        return texts.get(fault, self.tr("Save a copy elsewhere to keep working safely."))

    def show_problem(self, fault: Fault | None, detail: str) -> None:
        if self.since is None:
            self.since = datetime.now()
        since = local_time(self.since)
        self.text.setText(
            "<b>{}</b> {} {}<br><small>{}</small>".format(
                _escape(self.explain(fault) or self.tr("The workshop cannot be saved.")),
                _escape(
                    self.tr(
                        "Nothing is lost: every change is kept in this window, and the app "
                        "tries again every few seconds."
                    )
                ),
                _escape(self.advice(fault)),
                _escape(arg(self.tr("Not saved since %1. The system says: %2"), since, detail)),
            )
        )
        self.setAccessibleDescription(self.text.text())
        self.show()

    def resolve(self) -> None:
        self.since = None
        self.hide()


class ReadOnlyBar(_Bar):
    """Says that this window shows the workshop read-only, and who has it open."""

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("readOnlyBar", READ_ONLY_STYLE, parent)
        self._describe(self.tr("Read-only"), "about", self.tr("Why it is read-only"))
        self.reopen_button = self._button(self.tr("Open a&gain"), "open", "readOnlyReopen")
        self.reopen_button.clicked.connect(self.reopen_requested)

    def show_holder(self, info: LockInfo | None) -> None:
        who = holder_text(info)
        self.text.setText(
            "<b>{}</b> {}".format(
                _escape(self.tr("Read-only.")),
                _escape(
                    arg(
                        self.tr(
                            "This workshop is open in another instance of the app (%1); "
                            "changes cannot be made here, and changes made there appear here "
                            "when you open it again."
                        ),
                        who,
                    )
                ),
            )
        )
        self.setAccessibleDescription(self.text.text())
        self.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LockWords(QObject):
    """Words about a lock's holder (a QObject for its translation context)."""

    def holder(self, info: LockInfo | None) -> str:
        """Who has a workshop open, e.g. "jana on laptop-3, process 4242, since 19/05/26 13:05"."""
        if info is None:
            return self.tr("its lock file cannot be read")
        return arg(
            self.tr("%1 on %2, process %3, since %4"),
            info.user or "?",
            info.host,
            info.pid,
            local_time(info.since),
        )


def holder_text(info: LockInfo | None) -> str:
    return LockWords().holder(info)


class LockChoice(Enum):
    READ_ONLY = "read-only"
    TAKE_OVER = "take-over"
    CANCEL = "cancel"


class _Question(QMessageBox):
    """A warning that asks what to do: its answers' buttons, then Cancel (also Escape)."""

    def __init__(self, parent: QWidget | None, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are not markup
        self.setIcon(QMessageBox.Icon.Warning)

    def _answer(self, text: str, spoken: str, role: QMessageBox.ButtonRole) -> QPushButton:
        """A button for an answer; ``spoken``: its accessible name (the text without "&")."""
        button = self.addButton(text, role)
        button.setAccessibleName(spoken)
        return button

    def _end_with_cancel(self, default: QPushButton) -> None:
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(default)
        self.setEscapeButton(self.cancel_button)


class LockQuestion(_Question):
    """What to do with a workshop that is open elsewhere: read-only, take over, or cancel."""

    def __init__(
        self, parent: QWidget | None, name: str, info: LockInfo | None, *, other_host: bool
    ) -> None:
        super().__init__(parent, "lockQuestion")
        self.setWindowTitle(self.tr("The workshop is open elsewhere"))
        self.setText(arg(self.tr("“%1” is already open: %2."), name, holder_text(info)))
        can_take_over = other_host or info is None
        if can_take_over:
            self.setInformativeText(
                self.tr(
                    "The app cannot check whether it is still open there. Take it over only if "
                    "you are sure it is not: two instances writing the same workshop lose each "
                    "other's changes."
                )
            )
        else:
            self.setInformativeText(
                self.tr("You can open it read-only here, or close it there first and try again.")
            )
        self.read_only_button = self._answer(
            self.tr("Open &read-only"),
            self.tr("Open read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.take_over_button: QAbstractButton | None = None
        if can_take_over:
            self.take_over_button = self._answer(
                self.tr("&Take over"), self.tr("Take over"), QMessageBox.ButtonRole.DestructiveRole
            )
        self._end_with_cancel(self.read_only_button)

    def choice(self) -> LockChoice:
        clicked = self.clickedButton()
        if clicked is self.read_only_button:
            return LockChoice.READ_ONLY
        if self.take_over_button is not None and clicked is self.take_over_button:
            return LockChoice.TAKE_OVER
        return LockChoice.CANCEL


def ask_about_lock(
    parent: QWidget, name: str, info: LockInfo | None, *, other_host: bool
) -> LockChoice:
    """Ask what to do with a workshop that is open elsewhere (tests replace this function)."""
    question = LockQuestion(parent, name, info, other_host=other_host)
    question.exec()
    return question.choice()


class UnsavedChoice(Enum):
    SAVE_COPY = "save-copy"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedQuestion(_Question):
    """Before closing a workshop whose file misses edits: save a copy, lose them, or stay."""

    def __init__(self, parent: QWidget | None, name: str, detail: str) -> None:
        super().__init__(parent, "unsavedQuestion")
        self.setWindowTitle(self.tr("Changes not saved"))
        self.setText(
            arg(self.tr("The latest changes to “%1” are not in its file: %2"), name, detail)
        )
        self.setInformativeText(
            self.tr("Save a copy elsewhere to keep them. Closing now loses them.")
        )
        self.save_button = self._answer(
            self.tr("Save a cop&y as…"),
            self.tr("Save a copy as"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.discard_button = self._answer(
            self.tr("Close and &lose them"),
            self.tr("Close and lose them"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self._end_with_cancel(self.save_button)

    def choice(self) -> UnsavedChoice:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return UnsavedChoice.SAVE_COPY
        if clicked is self.discard_button:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL


def ask_about_unsaved(parent: QWidget, name: str, detail: str) -> UnsavedChoice:
    """Ask before closing a workshop whose file misses edits (tests replace this function)."""
    question = UnsavedQuestion(parent, name, detail)
    question.exec()
    return question.choice()

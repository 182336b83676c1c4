"""The Vision section's Changes tab: the draft and the current wording compared word by word.

Inserted words are underlined in green, deleted ones struck through in red, as in a Word
document with tracked changes (and as ``convert … --redline`` writes them into the minutes). The
comparison follows the wording live: every edit of the vision or of the draft redraws it while
the tab is on screen, and once when it is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.minutes.redline import (
    Change,
    ParagraphDiff,
    count_words,
    diff_paragraphs,
    has_changes,
)
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Event, FieldsChanged, Kind, Reset

INSERTED_COLOR = QColor("#116329")
INSERTED_BACKGROUND = QColor("#dafbe1")
DELETED_COLOR = QColor("#a40e26")
DELETED_BACKGROUND = QColor("#ffebe9")


def change_format(color: QColor, background: QColor, *, struck_out: bool) -> QTextCharFormat:
    """The look of changed words: inserted ones underlined, deleted ones struck out."""
    look = QTextCharFormat()
    if struck_out:
        look.setFontStrikeOut(True)
    else:
        look.setFontUnderline(True)
    look.setForeground(color)
    look.setBackground(background)
    return look


def inserted_format() -> QTextCharFormat:
    return change_format(INSERTED_COLOR, INSERTED_BACKGROUND, struck_out=False)


def deleted_format() -> QTextCharFormat:
    return change_format(DELETED_COLOR, DELETED_BACKGROUND, struck_out=True)


class CompareView(QWidget):
    """The current theme's draft compared with its wording; ``set_theme`` picks the theme."""

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.session = session
        self.document = session.document
        self.theme_id: int | None = None
        self.diffs: list[ParagraphDiff] = []
        self._stale = True
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.summary.setAccessibleName(self.tr("Summary of the changes"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel(self)
        self.legend.setAccessibleName(self.tr("How the changes are marked"))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(
            self.tr(
                "<span style='color:{inserted}; text-decoration: underline'>Inserted words</span> "
                "are underlined in green, <span style='color:{deleted}; text-decoration: "
                "line-through'>deleted words</span> struck through in red. File ▸ Export minutes "
                "can put the same changes into the Word minutes as tracked changes."
            ).format(inserted=INSERTED_COLOR.name(), deleted=DELETED_COLOR.name())
        )
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.text = QTextBrowser(self)
        self.text.setObjectName("compareText")
        self.text.setAccessibleName(self.tr("Changes from the draft to the wording"))
        self.text.setAccessibleDescription(
            self.tr("The wording with inserted words underlined and deleted words struck through.")
        )
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(14)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.legend)
        self.connections = Connections(self)
        self.connections.connect(session.changed, self._document_changed)

    # --- following the theme and the document ----------------------------------------------

    def set_theme(self, theme_id: int | None) -> None:
        if theme_id != self.theme_id:
            self.text.verticalScrollBar().setValue(0)
        self.theme_id = theme_id
        self.refresh()

    def _document_changed(self, event: Event) -> None:
        if isinstance(event, Reset) or (
            isinstance(event, FieldsChanged)
            and event.kind is Kind.THEME
            and event.id == self.theme_id
            and event.fields & {"vision", "draft"}
        ):
            self.refresh()

    def refresh(self) -> None:
        """Compare again now if on screen, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._redraw()

    # --- drawing ---------------------------------------------------------------------------

    def _theme(self) -> tuple[str, str | None] | None:
        if self.theme_id is None:
            return None
        try:
            theme = self.document.theme(self.theme_id)
        except InvalidOperationError:  # removed: the page picks another theme right after
            return None
        return theme.vision, theme.draft

    def _redraw(self) -> None:
        self._stale = False
        found = self._theme()
        scroll = self.text.verticalScrollBar().value()
        self.text.clear()
        if found is None:
            self.diffs = []
            self.summary.setText("")
            return
        vision, draft = found
        if draft is None:
            self.diffs = []
            self.summary.setText(
                self.tr(
                    "No draft kept yet: the draft is kept when you start editing the wording, "
                    "and the changes from it show here."
                )
            )
            self._write(diff_paragraphs(vision, vision))
            return
        self.diffs = diff_paragraphs(draft, vision)
        if has_changes(self.diffs):
            counts = count_words(self.diffs)
            self.summary.setText(
                self.tr("Since the draft: %s, %s.")
                % (
                    self.tr("%n words inserted", "", counts.inserted)
                    if counts.inserted != 1
                    else self.tr("1 word inserted"),
                    self.tr("%n words deleted", "", counts.deleted)
                    if counts.deleted != 1
                    else self.tr("1 word deleted"),
                )
            )
        else:
            self.summary.setText(self.tr("The wording is the same as the draft."))
        self._write(self.diffs)
        self.text.verticalScrollBar().setValue(scroll)

    def _write(self, diffs: list[ParagraphDiff]) -> None:
        document = self.text.document()
        document.clear()
        cursor = QTextCursor(document)
        plain = QTextCharFormat()
        plain.setFont(QFont(self.text.font()))
        looks = {
            Change.EQUAL: plain,
            Change.INSERT: inserted_format(),
            Change.DELETE: deleted_format(),
        }
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(self.fontMetrics().height() * 0.8)
        for number, diff in enumerate(diffs):
            if number:
                cursor.insertBlock(spacing)
            else:
                cursor.setBlockFormat(spacing)
            for segment in diff.segments:
                cursor.insertText(segment.text.replace("\n", "\u2028"), looks[segment.kind])
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

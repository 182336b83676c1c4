"""Plain-text editors bound to a theme's text field, and the typing step that keeps the draft.

An editor shows the document's value and sends every change through the session as typing.
When the document changes under it (undo, redo, another window), only the part that differs
is replaced, so the cursor stays where the facilitator was and the editor creates no command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.textdiff import changed_span, utf16_length
from facilitator_app.workshop.events import Kind


def editor_text(editor: QPlainTextEdit) -> str:
    """The editor's text as stored: lines joined by "\\n", non-breaking spaces kept.

    (``toPlainText`` would turn the non-breaking spaces Czech typography uses into spaces.)
    """
    raw = editor.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


def paragraph_at_line(text: str, line: int) -> int:
    """Index of the blank-line-separated paragraph at ``line`` (0-based) of ``text``.

    On a blank line the paragraph just above counts (the one the facilitator just finished);
    above the first paragraph, or in an empty text, it is 0.
    """
    lines = text.split("\n")
    index = -1
    inside = False
    for number, content in enumerate(lines):
        if content.strip():
            if not inside:
                index += 1
                inside = True
        else:
            inside = False
        if number >= line:
            break
    return max(index, 0)


class TextFieldEditor(QObject):
    """Keeps a QPlainTextEdit and one text field of the current theme in step.

    ``on_edit(theme_id, text)`` is called when the facilitator changes the text; updates
    from the document arrive through ``refresh()``. Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y in the
    editor go to the workshop's undo stack (the editor keeps no undo history of its own).
    """

    def __init__(
        self,
        editor: QPlainTextEdit,
        session: WorkshopSession,
        field: str,
        on_edit: Callable[[int, str], None],
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.session = session
        self.field = field
        self.on_edit = on_edit
        self.theme_id: int | None = None
        self._loading = False
        self._sent: str | None = None  # the text this editor last gave the document
        self._positions: dict[int, tuple[int, int]] = {}  # theme id → (anchor, position)
        editor.setUndoRedoEnabled(False)
        editor.installEventFilter(self)
        editor.textChanged.connect(self._text_changed)

    def value(self) -> str:
        if self.theme_id is None:
            return ""
        value = getattr(self.session.document.theme(self.theme_id), self.field)
        return value or ""

    def set_theme(self, theme_id: int | None) -> None:
        """Show another theme's text; the cursor returns to where it was in that theme."""
        if self.theme_id is not None:
            cursor = self.editor.textCursor()
            self._positions[self.theme_id] = (cursor.anchor(), cursor.position())
        self.theme_id = theme_id
        self._loading = True
        try:
            self.editor.setPlainText(self.value())
        finally:
            self._loading = False
        anchor, position = self._positions.get(theme_id, (0, 0)) if theme_id is not None else (0, 0)
        self._set_cursor(anchor, position)

    def _set_cursor(self, anchor: int, position: int) -> None:
        last = max(self.editor.document().characterCount() - 1, 0)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(max(anchor, 0), last))
        cursor.setPosition(min(max(position, 0), last), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def refresh(self) -> None:
        """The document's value changed: show it without creating a command.

        Typing comes back here from this editor (the session says so), stored as it was sent:
        nothing happens, and the editor's text is not even read. Otherwise (undo, redo, a
        value the document stored otherwise) only the differing span is replaced and the
        cursor ends after it.
        """
        if self.theme_id is None:
            return
        new = self.value()
        if self.session.change_origin is self and new == self._sent:
            return
        old = editor_text(self.editor)
        if old == new:
            return
        start, end, replacement = changed_span(old, new)
        begin = utf16_length(old[:start])
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(begin)
        cursor.setPosition(begin + utf16_length(old[start:end]), QTextCursor.MoveMode.KeepAnchor)
        self._loading = True
        try:
            cursor.insertText(replacement)
        finally:
            self._loading = False
        if editor_text(self.editor) != new:  # the editor normalised something: start afresh
            position = self.editor.textCursor().position()
            self._loading = True
            try:
                self.editor.setPlainText(new)
            finally:
                self._loading = False
            self._set_cursor(position, position)
            return
        end_position = begin + utf16_length(replacement)
        self._set_cursor(end_position, end_position)

    def _text_changed(self) -> None:
        if self._loading or self.theme_id is None:
            return
        text = editor_text(self.editor)
        if text != self.value():
            self._sent = text
            with self.session.edits_from(self):
                self.on_edit(self.theme_id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            assert isinstance(event, QKeyEvent)
            stack = self.session.undo_stack
            is_undo = event.matches(QKeySequence.StandardKey.Undo)
            is_redo = event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() in (
                QKeySequence("Ctrl+Y")[0],
                QKeySequence("Ctrl+Shift+Z")[0],
            )
            if is_undo or is_redo:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    (stack.undo if is_undo else stack.redo)()
                return True
        return super().eventFilter(watched, event)


def type_vision(session: WorkshopSession, theme_id: int, text: str, undo_text: str) -> bool:
    """Typing into a theme's vision, keeping a draft to compare the wording with.

    A theme without a draft keeps the wording it had as its draft when editing begins. A theme
    with neither (its first vision typed from empty) gets that first wording as its draft: the
    draft follows the typing until the first pause (the end of that undo step), and from the
    next step on the wording changes while the draft stays.
    """
    theme = session.document.theme(theme_id)
    if (not theme.vision and not theme.draft) or follows_draft(session, theme_id):
        return session.set_text(Kind.THEME, theme_id, "vision", text, undo_text, follow=("draft",))
    if theme.draft:
        return session.set_text(Kind.THEME, theme_id, "vision", text, undo_text)
    also = {"draft": theme.vision}
    return session.set_text(Kind.THEME, theme_id, "vision", text, undo_text, also=also)


def follows_draft(session: WorkshopSession, theme_id: int) -> bool:
    """Whether the step being typed is a theme's first wording, which its draft follows."""
    theme = session.document.theme(theme_id)
    if not theme.vision or theme.draft != theme.vision:
        return False
    return session.typing_continues((Kind.THEME, theme_id, "vision"), ("draft",))

"""One list of the Analysis section (a SWOT quadrant, the problems): its label, its items and
the line under them where the next item is typed.

The line writes as it is typed, like every editor of the window: the first letter adds the
item (on the wall at once), the next ones edit it, merged into that step per pause, so a
killed app loses nothing. Enter finishes the item and leaves the line empty for the next;
Esc takes the item back as if it had never been typed; Up goes to the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.session import LiveTyping, WorkshopSession
from facilitator_app.gui.sections.analysis.models import MirroredRows
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import InsertRecord, SetFields

# What adds the record typed: (the insert, its undo step's name), or None (no theme shown).
NewRecord = Callable[[str], tuple[InsertRecord, str] | None]


class LiveEntry(QObject):
    """The typing line of a list (see the module); ``new_record`` makes the insert."""

    finished = Signal(int)  # the id of the record Enter finished
    typing_changed = Signal(object)  # the id of the record being typed, or None

    def __init__(
        self, line: QLineEdit, session: WorkshopSession, kind: Kind, new_record: NewRecord
    ) -> None:
        super().__init__(line)
        self.line = line
        self.session = session
        self.kind = kind
        self.new_record = new_record
        self.record_id: int | None = None
        self.group = LiveTyping()
        self._busy = False
        line.textEdited.connect(self._typed)
        line.installEventFilter(self)
        session.changed.connect(self._document_changed)

    def _exists(self, record_id: int | None) -> bool:
        if record_id is None:
            return False
        try:
            self.session.document.in_theme(self.kind, record_id)
        except InvalidOperationError:
            return False
        return True

    def _typed(self, text: str) -> None:
        tidy = " ".join(text.split())
        with self.session.typing(self.group):
            if self.record_id is not None:
                if tidy:  # an emptied line keeps the last letter until Enter or Esc
                    self.session.push(
                        SetFields(self.kind, self.record_id, {"text": tidy}), self._step_name
                    )
                return
            made = self.new_record(tidy) if tidy else None
            if made is None:
                return
            operation, name = made
            self._step_name = name
            if self.session.push(operation, name):
                self.record_id = operation.record.id
                self.typing_changed.emit(self.record_id)

    _step_name = ""

    def finish(self) -> int | None:
        """The item typed is done (Enter, leaving the line, another theme): its id, or None."""
        record_id = self.record_id
        if record_id is not None and not " ".join(self.line.text().split()):
            self.cancel()  # emptied: as if never typed
            return None
        if record_id is not None and not self.session.document.is_saved:
            self.session.flush()
        self._reset()
        return record_id

    def cancel(self) -> None:
        """Take the item being typed back out of the document and the undo stack (Esc)."""
        if self.record_id is not None:
            self.session.cancel_typing(self.group)
        self._reset()

    def _reset(self) -> None:
        had = self.record_id is not None
        self.record_id = None
        self.group = LiveTyping()
        self._busy = True
        try:
            self.line.clear()
        finally:
            self._busy = False
        if had:
            self.typing_changed.emit(None)

    def _document_changed(self, _event: object) -> None:
        # Undone from the menu meanwhile: the line starts afresh.
        if self.record_id is not None and not self._exists(self.record_id):
            self._reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                record_id = self.finish()
                if record_id is not None:
                    self.finished.emit(record_id)
                return True
            if key == Qt.Key.Key_Escape and self.record_id is not None:
                self.cancel()
                return True
        elif watched is self.line and event.type() == QEvent.Type.FocusOut:
            self.finish()
        return False


class CaptureList(QWidget):
    """A label, a list of items and the line to type the next one (``entry``)."""

    def __init__(
        self,
        title: str,
        placeholder: tuple[str, str],
        model: MirroredRows,
        session: WorkshopSession,
        new_record: NewRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.label = QLabel(title, self)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.view = QListView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(title.replace("&", ""))
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)  # an item's lines wrap whole
        # A list of wrapped items lays itself out again at every change of one: in batches,
        # the keystroke's frame lays out one (125 items a quadrant: 2 ms, not 7-12 ms).
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(40)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setItemDelegate(LiveTextDelegate(session, self.view))
        # Enter on an item edits it (F2 too); the line below adds the next.
        self.view.activated.connect(self.view.edit)
        self.line = QLineEdit(self)
        # A short placeholder (the lists are narrow), the whole of it for screen readers.
        self.line.setPlaceholderText(placeholder[0])
        self.line.setAccessibleName(placeholder[1])
        self.line.setToolTip(placeholder[1])
        self.label.setBuddy(self.line)  # its mnemonic goes to the typing line
        self.entry = LiveEntry(self.line, session, model.kind, new_record)
        self.line.installEventFilter(self)
        for widget in (self.label, self.view, self.line):
            layout.addWidget(widget)

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_id(self) -> int | None:
        record = self.model.record_for(self.view.currentIndex())
        return None if record is None else int(record.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up from the line goes to the list's last item (Down from it comes back: Tab).
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Up and self.model.rowCount():
                self.entry.finish()
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1))
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

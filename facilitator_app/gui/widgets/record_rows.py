"""A table model of one kind of record (attendees, agenda items, tasks), with a *new row*.

``RecordRowsModel`` shows the records a row each and ends with a row to type the next one
in; it follows the document's inserts, removals, moves and field changes of its kind, and
its rows can be dragged to another place (one undo step). The pages' delegates and keys are
in capture_table.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.mime import RECORD_IDS, IdsMime
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
)
from facilitator_app.workshop.operations import (
    Batch,
    InsertRecord,
    Operation,
    SetFields,
    moves_for_drop,
)

# The document's events about one kind of record in a list.
RECORD_EVENTS = (RecordsInserted, RecordsRemoved, RecordMoved, FieldsChanged)


def changes_kind(event: Event, kind: Kind) -> bool:
    """Whether ``event`` changes the records (or their fields) of ``kind``."""
    return isinstance(event, RECORD_EVENTS) and event.kind is kind


class Record(Protocol):
    """What the model needs of a record: its id."""

    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Record)


def drop_moves(
    kind: Kind, order: list[int], dragged: list[int], row: int, parent: ModelIndex
) -> list[Operation]:
    """The moves for a drop of ``dragged`` (ids in list order) on a list view: onto a row puts
    them before it, between rows before the next one, past the last at the end; together, in
    their order, before the first record there that is not dragged itself."""
    if parent.isValid():
        row = parent.row()
    before = len(order) if row < 0 else min(row, len(order))
    anchor = next((i for i in order[before:] if i not in dragged), None)
    return moves_for_drop(kind, order, dragged, anchor)


class ReorderDrops:
    """Dragging a list model's rows to another place (a mixin before the Qt model class).

    The drag carries the rows' ids under ``ids_mime``; a drop moves them, in the list's order
    (``drag_order``), before the row dropped on, as one undo step named by ``drop_text``. The
    drop returns False: the document's events move the rows, and True would let the view
    remove them again. With ``drop_needs_all_known`` a drop carrying any id not in the list
    (from another workshop) is refused; otherwise only the ids in the list move.
    """

    ids_mime: IdsMime
    record_kind: Kind
    drop_needs_all_known = False
    session: WorkshopSession

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.ids_mime.mime_type]

    def drag_order(self) -> list[int]:
        """The list's ids in order."""
        raise NotImplementedError

    def drop_text(self, ids: list[int]) -> str:
        """The undo step's name for moving ``ids`` by mouse."""
        raise NotImplementedError

    def dragged_ids(self, data: QMimeData) -> list[int]:
        """The ids a drag carries, in the list's order ([] for a drop from elsewhere)."""
        ids = self.ids_mime.decode(data)
        if ids is None:
            return []
        order = self.drag_order()
        if self.drop_needs_all_known and not set(ids) <= set(order):
            return []
        return [i for i in order if i in ids]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        return bool(self.dragged_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        """Move the dragged rows before the row dropped on (or between): one undo step."""
        dragged = self.dragged_ids(data)
        if not dragged:
            return False
        moves = drop_moves(self.record_kind, self.drag_order(), dragged, row, parent)
        if moves:
            operation = moves[0] if len(moves) == 1 else Batch(tuple(moves))
            self.session.push(operation, self.drop_text(dragged))
        return False


def begin_row_move(model: QAbstractItemModel, event: RecordMoved) -> None:
    """Tell ``model``'s views that a row of its list moves (``beginMoveRows`` counts the
    destination before the move)."""
    old, new = event.old_position, event.new_position
    model.beginMoveRows(QModelIndex(), old, old, QModelIndex(), new + 1 if new > old else new)


def styled_font(*, bold: bool = False, italic: bool = False, struck: bool = False) -> QFont:
    """The application's font, bold, italic or struck out (for a model's FontRole). Only what
    is asked for is set: the rest stays the view's."""
    font = QFont()
    if bold:
        font.setBold(True)
    if italic:
        font.setItalic(True)
    if struck:
        font.setStrikeOut(True)
    return font


RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a record row's data: the record's id
# The roles a cell answers with the text it shows: seen and read out (SHOWN_ROLES), and for a
# cell typed into as it reads, edited too (TEXT_ROLES).
SHOWN_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
TEXT_ROLES = (*SHOWN_ROLES, Qt.ItemDataRole.EditRole)


class RecordRowsModel(ReorderDrops, QAbstractTableModel, Generic[R]):
    """A table model of one kind of record, a row each, and a last *new row* for typing in
    the next one: it follows the document's inserts, removals, moves and field changes of
    ``record_kind``, and resets with it.

    The model listens to its session's ``document``; it has a ``column_count``, the column typed
    into on the new row (``new_row_column``), the column of a check box (``check_column``, if
    any, showing the field ``check_field``), and says in ``header_labels`` and
    ``new_row_texts`` the texts (they stay in its own class for translation) and in
    ``record_data`` a record's cells. A record's cells are editable (the check column
    checkable) unless ``record_flags`` says otherwise; ``add_record`` (with ``new_record``
    and ``added_text``), ``set_field`` and ``set_record_data`` make the edits.

    Typed live into the new row (inside ``session.typing()``), the record added takes the new
    row's place: the view is told a row was inserted *below* it (the row above still showing
    the new row meanwhile, a *ghost*), then that the row above changed, so the open editor
    stays where it is and now edits the record. Taken back while that editor is open, the
    record's row turns into the new row again the other way round (``typed_record``).
    """

    record_kind: Kind
    ids_mime = RECORD_IDS
    new_row_column = 0
    check_column: int | None = None
    check_field = ""  # the record's field the check box shows
    column_count: int
    reorderable = False  # rows can be dragged to another place
    typed_record: int | None = None  # the record added by typing in the open new-row editor
    _adding_typed = False
    _ghost: int | None = None  # a row showing the new row while it turns into a record or back

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self._italic = styled_font(italic=True)  # the new row's placeholder
        self.connections = listen(self.document, self)

    # --- rows ------------------------------------------------------------------------------

    @property
    def records(self) -> list[R]:
        records: list[R] = self.document.records(self.record_kind)
        return records

    @property
    def new_row(self) -> int:
        """The row where the next record is typed in (after the last one)."""
        return len(self.records)

    def record_at(self, row: int) -> R | None:
        records = self.records
        return records[row] if 0 <= row < len(records) and row != self._ghost else None

    def row_of(self, record_id: int | None) -> int:
        for row, record in enumerate(self.records):
            if record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.column_count

    # --- what the model says ---------------------------------------------------------------

    def header_labels(self) -> tuple[str, ...]:
        raise NotImplementedError

    def new_row_texts(self) -> tuple[str, str]:
        """The new row's placeholder and its accessible name."""
        raise NotImplementedError

    def record_data(self, record: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def record_flags(self, record: R, column: int, base: Qt.ItemFlag) -> Qt.ItemFlag:
        if column == self.check_column:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # --- data ------------------------------------------------------------------------------

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record_at(index.row())
        column = index.column()
        if record is None:
            return self._new_row_data(column, role)
        if role == RECORD_ID_ROLE:
            return record.id
        return self.record_data(record, column, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        record = self.record_at(index.row())
        column = index.column()
        if record is None:  # the new row: typing its first cell adds a record
            if column == self.new_row_column and role == Qt.ItemDataRole.EditRole:
                self._adding_typed = self.session.is_typing
                try:
                    return self.add_record(str(value)) is not None
                finally:
                    self._adding_typed = False
            return False
        if column == self.check_column:
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
            elif role == Qt.ItemDataRole.EditRole:
                checked = bool(value)
            else:
                return False
            return self.set_field(record, self.check_field, checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_record_data(record, column, value)

    def add_record(self, text: str) -> int | None:
        """Add a record at the end whose first cell is ``text`` (its spaces tidied); its id, or
        None when nothing was typed or it was refused. One undo step, named by
        ``added_text`` (anew as typing merges into it)."""
        text = " ".join(text.split())
        if not text:
            return None
        record = self.new_record(text)

        def step_text() -> str:
            current = next((r for r in self.records if r.id == record.id), record)
            return self.added_text(current)

        operation = InsertRecord(self.record_kind, 0, len(self.records), record)
        return record.id if self.session.push(operation, step_text) else None

    def new_record(self, text: str) -> R:
        """A new record (its id from the document) whose first cell is ``text``."""
        raise NotImplementedError

    def added_text(self, record: R) -> str:
        """The undo step's name for adding ``record``."""
        raise NotImplementedError

    def set_field(self, record: R, field: str, value: Any) -> bool:
        """Change one field of a record as one undo step (named by ``field_text``); False when
        nothing changed."""
        if getattr(record, field) == value:  # the field's name comes from the column
            return False
        operation = SetFields(self.record_kind, record.id, {field: value})
        return self.session.push(operation, self.field_text(field, value))

    def field_text(self, field: str, value: Any) -> str:
        """The undo step's name for setting a record's ``field`` to ``value``."""
        raise NotImplementedError

    def set_record_data(self, record: R, column: int, value: Any) -> bool:
        """An edit of a record's cell (not the check box), as the delegate hands it over."""
        raise NotImplementedError

    def _new_row_data(self, column: int, role: int) -> Any:
        if column != self.new_row_column:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.new_row_texts()[0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.new_row_texts()[1]
        if role == Qt.ItemDataRole.EditRole:
            return ""
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            labels = self.header_labels()
            return labels[section] if 0 <= section < len(labels) else None
        # Row numbers help counting; the new row is marked instead.
        return "+" if section in (self.new_row, self._ghost) else str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        drop = Qt.ItemFlag.ItemIsDropEnabled if self.reorderable else Qt.ItemFlag.NoItemFlags
        if not index.isValid():
            return drop  # between rows
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | drop
        record = self.record_at(index.row())
        column = index.column()
        if record is None:
            # Only the first cell is typed here; the others open once the record exists.
            return base | Qt.ItemFlag.ItemIsEditable if column == self.new_row_column else base
        if self.reorderable:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return self.record_flags(record, column, base)

    # --- dragging rows to another place (``reorderable`` models) ----------------------------

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [record.id for record in map(self.record_at, rows) if record is not None]
        return RECORD_IDS.encode(ids)

    def drag_order(self) -> list[int]:
        return [record.id for record in self.records]

    def dragged_ids(self, data: QMimeData) -> list[int]:
        return super().dragged_ids(data) if self.reorderable else []

    def drop_text(self, ids: list[int]) -> str:
        return self.moved_text([record for record in self.records if record.id in ids])

    def moved_text(self, records: list[R]) -> str:
        """The undo step's name for moving ``records`` by mouse."""
        raise NotImplementedError

    # --- the document's changes ------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        if isinstance(event, Reset):
            self.beginResetModel()
            return
        if not changes_kind(event, self.record_kind):
            return
        if isinstance(event, RecordsInserted):
            first, last = event.position, event.position + event.count - 1
            if self._adding_typed and event.count == 1 and event.position == self.new_row:
                # The new row becomes the record: a new one is inserted below it.
                self._ghost = event.position
                first = last = event.position + 1
            self.beginInsertRows(QModelIndex(), first, last)
        elif isinstance(event, RecordsRemoved):
            first, last = event.position, event.position + event.count - 1
            records = self.records
            if (
                event.count == 1
                and self.typed_record is not None
                and event.position == len(records) - 1
                and records[event.position].id == self.typed_record
            ):
                # The record turns back into the new row, and the row below it goes.
                self._ghost = event.position
                self._row_turned(event.position)
                first = last = event.position + 1
            self.beginRemoveRows(QModelIndex(), first, last)
        elif isinstance(event, RecordMoved):
            begin_row_move(self, event)

    def document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            self.endResetModel()
            return
        if not changes_kind(event, self.record_kind):
            return
        if isinstance(event, RecordsInserted):
            self.endInsertRows()
            if self._ghost is not None:
                self._ghost = None
                self.typed_record = self.records[event.position].id
                self._row_turned(event.position)
        elif isinstance(event, RecordsRemoved):
            self.endRemoveRows()
            if self._ghost is not None:
                self._ghost = None
                self.typed_record = None
        elif isinstance(event, RecordMoved):
            self.endMoveRows()
        elif isinstance(event, FieldsChanged):
            row = self.row_of(event.id)
            if row >= 0:
                self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _row_turned(self, row: int) -> None:
        """The row turned from the new row into a record or back: its cells and its "+"."""
        self._row_changed(row)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

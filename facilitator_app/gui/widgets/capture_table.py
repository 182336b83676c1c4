"""What the sections' pages share: their actions, and the table that ends with a "type to add" row.

``make_action`` makes a page's action (its icon, its keys only while one widget has focus, a
tooltip naming the keys, in the page's list for the context menu and on its toolbar).

The Attendees, Agenda and Tasks tables end with a *new row*: typing in its first cell adds a
record (one undo step), and Tab, Backtab or Enter move on from the record's row (Tab to its
second column, Enter to the next new row); an empty first cell adds nothing. The cells are
live editors (gui/live_edit.py): the first keystroke adds the record, so that a half-typed
name is in the file too, and the record takes the new row's place under the open editor
while a new row opens below; Esc takes it away again. ``CaptureDelegate`` hands the record
(or, when typing could not add it, the first cell's text) to the page with the key that ended
it, and ``CaptureTablePage`` does the rest. The user-visible strings stay in the pages' own
classes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.messages import fill
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
)
from facilitator_app.workshop.operations import Batch, InsertRecord, Operation, moves_for_drop

ModelIndex = QModelIndex | QPersistentModelIndex

ENDING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def make_action(
    owner: QObject,
    text: str,
    meaning: str,
    slot: Callable[[], object],
    shortcuts: Sequence[str | QKeySequence.StandardKey] = (),
    *,
    widget: QWidget,
    actions: list[QAction],
    toolbar: QToolBar | None = None,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
    tooltip: bool = True,
) -> QAction:
    """An action of ``owner`` whose keys work while ``widget`` has focus (``context``).

    It goes in ``actions`` (the page's menu) and, given one, on ``toolbar``; with ``tooltip``
    its tooltip names its keys ("Remove (Del)").
    """
    action = QAction(icon(meaning), text, owner)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Only while the widget has focus: an open editor keeps its Enter, Space and Delete.
        action.setShortcutContext(context)
        if tooltip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    actions.append(action)
    if toolbar is not None:
        toolbar.addAction(action)
    return action


class CaptureDelegate(LiveTextDelegate):
    """A live delegate of a table with a new row: the new row's first-cell editor, once marked
    by ``mark_new_row``, does not commit through the view on Tab, Backtab or Enter. The editor
    closes and ``first_cell_typed`` hands the record its typing added (or None, and the text
    to add) to the page, which moves on from *its* row (a commit through the view would
    leave the cursor on the row below).
    """

    first_cell_typed = Signal(str, int, object)  # the text, the key that ended it, record id
    new_row_property = "newRow"  # the property marking the new row's editor

    def __init__(self, model: Any, parent: QObject | None = None) -> None:
        super().__init__(model.session, parent)
        self.model = model

    def mark_new_row(self, editor: QLineEdit) -> None:
        editor.setProperty(self.new_row_property, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
            and watched.property(self.new_row_property)
            and event.key() in ENDING_KEYS
        ):
            text = watched.text()
            self.settle(watched)  # a refused text takes its record back
            record_id = self.edited_index(watched).data(RECORD_ID_ROLE)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.first_cell_typed.emit(text, event.key(), record_id)
            return True
        return super().eventFilter(watched, event)

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        self.model.typed_record = None  # the new row's editor is gone: its record is settled
        super().destroyEditor(editor, index)


class CaptureTablePage:
    """A mixin for a page (a QWidget) whose table ends with a new row.

    The page sets ``capture_table`` (before making its actions), ``first_column`` and
    ``second_column``, has a ``model`` (a RecordRowsModel), a list ``actions_`` and a
    ``toolbar``.
    """

    capture_table: QTableView
    first_column = 0
    second_column = 1
    model: Any
    actions_: list[QAction]
    toolbar: QToolBar

    def _lay_out_capture(
        self,
        layout: QBoxLayout,
        tools: str,
        list_label: str,
        counter: tuple[str, str],
        hint: str,
        hint_label: str,
    ) -> None:
        """Toolbar, a heading (the table's label, a counter at the right), the table, a hint.

        The page passes its own translated texts; ``counter`` is (object name, accessible
        name) of the counter label. Makes ``toolbar`` (with the page's actions),
        ``list_label``, ``counter_label`` and ``hint_label``.
        """
        page: Any = self  # the page is a QWidget
        self.toolbar = QToolBar(tools, page)
        self.toolbar.setAccessibleName(tools)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        page._make_actions()
        heading = QHBoxLayout()
        self.list_label = QLabel(list_label, page)
        self.list_label.setBuddy(self.capture_table)
        heading.addWidget(self.list_label)
        heading.addStretch(1)
        self.counter_label = QLabel(page)
        self.counter_label.setObjectName(counter[0])
        self.counter_label.setAccessibleName(counter[1])
        heading.addWidget(self.counter_label)
        layout.addWidget(self.toolbar)
        layout.addLayout(heading)
        layout.addWidget(self.capture_table, 1)
        self.hint_label = QLabel(hint, page)
        self.hint_label.setAccessibleName(hint_label)
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)

    def _action(
        self,
        text: str,
        meaning: str,
        slot: Callable[[], object],
        shortcuts: Sequence[str | QKeySequence.StandardKey] = (),
        toolbar: bool = True,
    ) -> QAction:
        return make_action(
            self,  # type: ignore[arg-type]  # the page is a QWidget
            text,
            meaning,
            slot,
            shortcuts,
            widget=self.capture_table,
            actions=self.actions_,
            toolbar=self.toolbar if toolbar else None,
        )

    def _set_up_capture(self, delegate: CaptureDelegate) -> None:
        """Give the table its delegate, and the page the delegate's endings and the menu."""
        table = self.capture_table
        table.setItemDelegate(delegate)
        # Connected after the view's own slot: Enter has committed and closed the editor.
        delegate.closeEditor.connect(self._editor_closed)
        delegate.first_cell_typed.connect(self._first_cell_typed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)  # type: ignore[call-overload]  # the page is a QWidget
        menu.addActions(self.actions_)
        menu.exec(self.capture_table.viewport().mapToGlobal(position))

    def record_from_cells(self, cells: list[str]) -> Any:
        """The record (with a new id) of one pasted line, given its cells; None leaves the
        line out. A ValueError's message says what is wrong with the line."""
        raise NotImplementedError

    def paste_rows(
        self, text: str | None, undo_text: Callable[[int], str], refusal: str
    ) -> list[int]:
        """Ctrl+V: each pasted line (cells split at tabs) becomes a record after the current
        row (else at the end), all in one undo step; return the new ids.

        ``undo_text`` names the step for a count; ``refusal`` ("… line %1: %2") says which
        line is wrong and why, and then nothing is pasted."""
        page: Any = self  # the page is a QWidget with a ``message`` signal and a ``session``
        if text is None:
            text = QGuiApplication.clipboard().text()
        records = []
        for number, cells in enumerate(pasted_lines(text), 1):
            try:
                record = self.record_from_cells(cells)
            except ValueError as error:
                page.message.emit(fill(refusal, number, error))
                return []
            if record is not None:
                records.append(record)
        if not records:
            return []
        current = self.capture_table.currentIndex()
        position = self.model.new_row
        if current.isValid() and current.row() < self.model.new_row:
            position = current.row() + 1
        kind = self.model.record_kind
        inserts = tuple(
            InsertRecord(kind, 0, position + offset, record)
            for offset, record in enumerate(records)
        )
        if not page.session.push(Batch(inserts), undo_text(len(records))):
            return []
        table = self.capture_table
        table.clearSelection()
        table.setCurrentIndex(self.model.index(position, self.first_column))
        for row in range(position, position + len(records)):
            table.selectionModel().select(
                self.model.index(row, self.first_column),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        return [record.id for record in records]

    def start_next_row(self) -> None:
        """Go to the new row and start typing in its first cell."""
        index = self.model.index(self.model.new_row, self.first_column)
        self.capture_table.setCurrentIndex(index)
        self.capture_table.scrollTo(index)
        self.capture_table.edit(index)

    def advance(self) -> None:
        """Enter: down one row; below the last record, start the next one."""
        current = self.capture_table.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.new_row
        if row >= self.model.new_row:
            self.start_next_row()
        else:
            self.capture_table.setCurrentIndex(self.model.index(row, max(0, current.column())))

    def _editor_closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # The delegate ends an edit by Enter with SubmitModelCache (Tab and Escape differ).
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.advance()

    def _first_cell_typed(self, text: str, key: int, record_id: int | None) -> None:
        """The new row's first cell ended by Tab or Enter: the record is added, move on."""
        if record_id is None:  # typing added none (refused, say read-only): as a commit did
            record_id = self.model.add_record(text)
        if record_id is None:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.start_next_row()  # nothing typed: still ready for the next one
            return
        row = self.model.row_of(record_id)
        table = self.capture_table
        if key == Qt.Key.Key_Tab:
            table.setCurrentIndex(self.model.index(row, self.second_column))
            table.edit(table.currentIndex())
        elif key == Qt.Key.Key_Backtab:
            table.setCurrentIndex(self.model.index(row, self.first_column))
        else:
            self.start_next_row()


def pasted_lines(text: str) -> list[list[str]]:
    """Pasted text as rows of cells: a line each, cells split at tabs (as spreadsheets copy
    them), each cell's spaces collapsed; blank lines left out."""
    return [
        [" ".join(cell.split()) for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip()
    ]


def set_up_capture_view(table: QTableView) -> None:
    """The view settings of a capture table built in code (the Attendees' come from its form)."""
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    # Rows are dragged to another place (a reorderable model says where they may land).
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDragDropOverwriteMode(False)  # the indicator goes between rows
    table.setDropIndicatorShown(True)


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


RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a record row's data: the record's id
RECORD_IDS_MIME = "application/x-facilitator-record-ids"


class RecordRowsModel:
    """A mixin for a table model (before QAbstractTableModel) of one kind of record, a row
    each, and a last *new row* for typing in the next one: it follows the document's inserts,
    removals, moves and field changes of ``record_kind``, and resets with it.

    The model has a ``document``, names its records' list in the document's data
    (``records_field``), has a ``column_count``, the column typed into on the new row
    (``new_row_column``), the column of a check box (``check_column``, if any, showing the
    field ``check_field``) and an italic ``_italic`` font, and says in ``header_labels`` and
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
    records_field: str
    new_row_column = 0
    check_column: int | None = None
    check_field = ""  # the record's field the check box shows
    column_count: int
    reorderable = False  # rows can be dragged to another place
    document: Any
    session: Any
    _italic: QFont
    typed_record: int | None = None  # the record added by typing in the open new-row editor
    _adding_typed = False
    _ghost: int | None = None  # a row showing the new row while it turns into a record or back

    # --- rows ------------------------------------------------------------------------------

    @property
    def records(self) -> list[Any]:
        records: list[Any] = getattr(self.document.data, self.records_field)
        return records

    @property
    def new_row(self) -> int:
        """The row where the next record is typed in (after the last one)."""
        return len(self.records)

    def record_at(self, row: int) -> Any:
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

    def record_data(self, record: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def record_flags(self, record: Any, column: int, base: Qt.ItemFlag) -> Qt.ItemFlag:
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

    def new_record(self, text: str) -> Any:
        """A new record (its id from the document) whose first cell is ``text``."""
        raise NotImplementedError

    def added_text(self, record: Any) -> str:
        """The undo step's name for adding ``record``."""
        raise NotImplementedError

    def set_field(self, record: Any, field: str, value: Any) -> bool:
        """Change one field of a record as one undo step; False when nothing changed."""
        raise NotImplementedError

    def set_record_data(self, record: Any, column: int, value: Any) -> bool:
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

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [RECORD_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [record.id for record in map(self.record_at, rows) if record is not None]
        mime = QMimeData()
        mime.setData(RECORD_IDS_MIME, QByteArray(json.dumps(ids).encode()))
        return mime

    def _dragged(self, data: QMimeData) -> list[Any]:
        """The records a drag carries, in the list's order (none from elsewhere)."""
        if not self.reorderable or not data.hasFormat(RECORD_IDS_MIME):
            return []
        try:
            ids = json.loads(bytes(data.data(RECORD_IDS_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return []
        if not isinstance(ids, list):
            return []
        return [record for record in self.records if record.id in ids]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        return bool(self._dragged(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        """Move the dragged records before the row dropped on (or between): one undo step."""
        moving = self._dragged(data)
        if not moving:
            return False
        order = [record.id for record in self.records]
        moves = drop_moves(self.record_kind, order, [r.id for r in moving], row, parent)
        if moves:
            self.session.push(Batch(tuple(moves)), self.moved_text(moving))
        return False  # the document's events moved the rows; True would remove them again

    def moved_text(self, records: list[Any]) -> str:
        """The undo step's name for moving ``records`` by mouse."""
        raise NotImplementedError

    # --- the document's changes ------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        model: Any = self
        if isinstance(event, Reset):
            model.beginResetModel()
            return
        if getattr(event, "kind", None) is not self.record_kind:
            return
        if isinstance(event, RecordsInserted):
            first, last = event.position, event.position + event.count - 1
            if self._adding_typed and event.count == 1 and event.position == self.new_row:
                # The new row becomes the record: a new one is inserted below it.
                self._ghost = event.position
                first = last = event.position + 1
            model.beginInsertRows(QModelIndex(), first, last)
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
            model.beginRemoveRows(QModelIndex(), first, last)
        elif isinstance(event, RecordMoved):
            destination = event.new_position
            if event.new_position > event.old_position:
                destination += 1  # Qt counts the destination before the move
            model.beginMoveRows(
                QModelIndex(), event.old_position, event.old_position, QModelIndex(), destination
            )

    def document_changed(self, event: Event) -> None:
        model: Any = self
        if isinstance(event, Reset):
            model.endResetModel()
            return
        if getattr(event, "kind", None) is not self.record_kind:
            return
        if isinstance(event, RecordsInserted):
            model.endInsertRows()
            if self._ghost is not None:
                self._ghost = None
                self.typed_record = self.records[event.position].id
                self._row_turned(event.position)
        elif isinstance(event, RecordsRemoved):
            model.endRemoveRows()
            if self._ghost is not None:
                self._ghost = None
                self.typed_record = None
        elif isinstance(event, RecordMoved):
            model.endMoveRows()
        elif isinstance(event, FieldsChanged):
            row = model.row_of(event.id)
            if row >= 0:
                self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        model: Any = self
        model.dataChanged.emit(model.index(row, 0), model.index(row, model.columnCount() - 1))

    def _row_turned(self, row: int) -> None:
        """The row turned from the new row into a record or back: its cells and its "+"."""
        self._row_changed(row)
        model: Any = self
        model.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

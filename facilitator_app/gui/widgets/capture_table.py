"""The record pages' table that ends with a "type to add" row, its delegate and its keys.

The Attendees, Agenda and Tasks tables end with a *new row*: typing in its first cell adds a
record (one undo step), and Tab, Backtab or Enter move on from the record's row (Tab to its
second column, Enter to the next new row); an empty first cell adds nothing. The cells are
live editors (gui/widgets/live_edit.py): the first keystroke adds the record, so that a half-typed
name is in the file too, and the record takes the new row's place under the open editor
while a new row opens below; Esc takes it away again. ``CaptureDelegate`` hands the record
(or, when typing could not add it, the first cell's text) to the page with the key that ended
it, and ``CaptureTablePage`` does the rest: the toolbar and the actions every record page
has (add, next row, remove, paste, move), the selection, pasting rows. The user-visible
strings stay in the pages' own classes. The table's model is record_rows.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.gui.widgets.record_rows import RECORD_ID_ROLE, RecordRowsModel
from facilitator_app.gui.widgets.section_page import SectionPage
from facilitator_app.messages import fill
from facilitator_app.workshop.operations import Batch, InsertRecord, MoveRecord, RemoveRecord

ENDING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
MOVE_UP_KEYS = ("Alt+Up", "Ctrl+Shift+Up")
MOVE_DOWN_KEYS = ("Alt+Down", "Ctrl+Shift+Down")


@dataclass(frozen=True)
class PasteTexts:
    """A page's texts for pasting rows (they stay in the page's class for translation)."""

    undo: Callable[[int], str]  # names the undo step for a count
    done: Callable[[int], str]  # the message after pasting a count
    refusal: str  # "… line %1: %2": which line is wrong and why


class CaptureDelegate(LiveTextDelegate):
    """A live delegate of a table with a new row: the new row's first-cell editor, once marked
    by ``mark_new_row``, does not commit through the view on Tab, Backtab or Enter. The editor
    closes and ``first_cell_typed`` hands the record its typing added (or None, and the text
    to add) to the page, which moves on from *its* row (a commit through the view would
    leave the cursor on the row below).
    """

    first_cell_typed = Signal(str, int, object)  # the text, the key that ended it, record id
    new_row_property = "newRow"  # the property marking the new row's editor

    def __init__(self, model: RecordRowsModel[Any], parent: QObject | None = None) -> None:
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


class CaptureTablePage(SectionPage):
    """A page whose table ends with a new row: the Attendees, the Agenda, the Tasks.

    The page sets ``model`` (a RecordRowsModel) and ``capture_table`` (before making its
    actions), ``first_column`` and ``second_column``; ``_make_toolbar`` gives it ``toolbar``
    and the list ``actions_`` its actions go in (the context menu). Messages for the status
    bar or the page's footer go out by ``message``.
    """

    message = Signal(str)
    capture_table: QTableView
    first_column = 0
    second_column = 1
    model: RecordRowsModel[Any]

    # --- building ------------------------------------------------------------------------

    def _make_actions(self) -> None:
        """Make the page's actions (``_make_record_actions`` first)."""
        raise NotImplementedError

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
        self._make_toolbar(tools)
        self._make_actions()
        heading = QHBoxLayout()
        self.list_label = QLabel(list_label, self)
        self.list_label.setBuddy(self.capture_table)
        heading.addWidget(self.list_label)
        heading.addStretch(1)
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName(counter[0])
        self.counter_label.setAccessibleName(counter[1])
        heading.addWidget(self.counter_label)
        layout.addWidget(self.toolbar)
        layout.addLayout(heading)
        layout.addWidget(self.capture_table, 1)
        self.hint_label = QLabel(hint, self)
        self.hint_label.setAccessibleName(hint_label)
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)

    def _keys_widget(self) -> QWidget:
        return self.capture_table

    def _make_record_actions(self, add: str, next_row: str, remove: str) -> None:
        """The actions every record page starts with: ``add_action`` (Insert: the new row),
        ``next_row_action`` (Enter: a key of the table, not a menu entry) and
        ``remove_action`` (Delete); the texts are the page's."""
        self.add_action = self._action(add, "add", self.start_next_row, ["Insert"])
        self.next_row_action = self._action(
            next_row, "down", self.advance, ["Return", "Enter"], toolbar=False
        )
        self.actions_.remove(self.next_row_action)
        self.remove_action = self._action(
            remove, "remove", self.remove_selected, [QKeySequence.StandardKey.Delete]
        )

    def _make_paste_action(self, text: str, toolbar: bool) -> None:
        """``paste_action`` (Ctrl+V): the page's ``paste``."""
        self.paste_action = self._action(
            text, "paste", self.paste, [QKeySequence.StandardKey.Paste], toolbar=toolbar
        )

    def _make_move_actions(self, up: str, down: str) -> None:
        """``move_up_action`` and ``move_down_action`` (Alt+Up / Alt+Down): ``move_record``."""
        self.move_up_action = self._action(up, "up", lambda: self.move_record(-1), MOVE_UP_KEYS)
        self.move_down_action = self._action(
            down, "down", lambda: self.move_record(1), MOVE_DOWN_KEYS
        )

    def _make_capture_table(
        self, name: str, accessible_name: str, description: str, delegate: type[CaptureDelegate]
    ) -> QTableView:
        """The page's table built in code (``capture_table``), typed into through a new
        ``delegate`` (the page's ``delegate``); its last column does not stretch."""
        table = self.capture_table = QTableView(self)
        table.setObjectName(name)
        table.setAccessibleName(accessible_name)
        table.setAccessibleDescription(description)
        table.setModel(self.model)
        set_up_capture_view(table)
        self.delegate = delegate(self.model, self)
        self._set_up_capture(self.delegate)
        table.horizontalHeader().setStretchLastSection(False)
        return table

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
        menu = QMenu(self)
        menu.addActions(self.actions_)
        menu.exec(self.capture_table.viewport().mapToGlobal(position))

    # --- the rows --------------------------------------------------------------------------

    def selected_records(self) -> list[Any]:
        """The selected records in list order (the current one when nothing is selected)."""
        table = self.capture_table
        rows = {index.row() for index in table.selectionModel().selectedIndexes()}
        if not rows and table.currentIndex().isValid():
            rows = {table.currentIndex().row()}
        records = [self.model.record_at(row) for row in sorted(rows)]
        return [record for record in records if record is not None]

    def select_id(self, record_id: int, column: int | None = None) -> None:
        """Make the record current (in ``column``, else the first) and show it."""
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row, self.first_column if column is None else column)
            self.capture_table.clearSelection()
            self.capture_table.setCurrentIndex(index)
            self.capture_table.scrollTo(index)

    def _paste_position(self) -> int:
        """Where pasted rows go: after the current row, else at the end."""
        current = self.capture_table.currentIndex()
        if current.isValid() and current.row() < self.model.new_row:
            return current.row() + 1
        return self.model.new_row

    def _update_move_actions(self) -> None:
        row = self.capture_table.currentIndex().row()
        current = self.model.record_at(row)
        self.move_up_action.setEnabled(current is not None and row > 0)
        self.move_down_action.setEnabled(current is not None and row < self.model.new_row - 1)

    # --- editing ---------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Delete: remove the selected records (``removed_text`` names the step)."""
        records = self.selected_records()
        if not records:
            return
        first_row = self.model.row_of(records[0].id)
        column = self.removal_column()
        kind = self.model.record_kind
        operation = Batch(tuple(RemoveRecord(kind, record.id) for record in records))
        if self.session.push(operation, self.removed_text(records)):
            # The record that took the place of the first one removed (or the new row).
            self.capture_table.clearSelection()
            self.capture_table.setCurrentIndex(
                self.model.index(min(first_row, self.model.new_row), column)
            )
            self._update_actions()

    def removal_column(self) -> int:
        """The column the cursor stays in after a removal: the current one."""
        return max(0, self.capture_table.currentIndex().column())

    def removed_text(self, records: list[Any]) -> str:
        """The undo step's name for removing ``records``."""
        raise NotImplementedError

    def move_record(self, step: int) -> None:
        """Move the current record up (-1) or down (1) by one place (``moved_text``)."""
        index = self.capture_table.currentIndex()
        record = self.model.record_at(index.row())
        if record is None:
            return
        position = index.row() + step
        if not 0 <= position < len(self.model.records):
            return
        operation = MoveRecord(self.model.record_kind, record.id, position)
        if self.session.push(operation, self.moved_text(record, step)):
            self.select_id(record.id, max(0, index.column()))
            self._update_actions()

    def moved_text(self, record: Any, step: int) -> str:
        """The undo step's name for moving ``record`` up (-1) or down (1)."""
        raise NotImplementedError

    def _update_actions(self) -> None:
        """Enable the actions for the current row and the selection."""

    # --- pasting ---------------------------------------------------------------------------

    def paste_texts(self) -> PasteTexts:
        raise NotImplementedError

    def record_from_cells(self, cells: list[str]) -> Any:
        """The record (with a new id) of one pasted line, given its cells; None leaves the
        line out. A ValueError's message says what is wrong with the line."""
        raise NotImplementedError

    def paste(self, text: str | None = None) -> list[int]:
        """Ctrl+V: rows copied from a spreadsheet or a text (the clipboard's when ``text`` is
        None) become records after the current row; return the new ids."""
        texts = self.paste_texts()
        ids = self.paste_rows(text, texts.undo, texts.refusal)
        if ids:
            self.message.emit(texts.done(len(ids)))
        return ids

    def paste_rows(
        self, text: str | None, undo_text: Callable[[int], str], refusal: str
    ) -> list[int]:
        """Each pasted line (cells split at tabs) becomes a record after the current row
        (else at the end), all in one undo step; return the new ids.

        ``undo_text`` names the step for a count; ``refusal`` ("… line %1: %2") says which
        line is wrong and why, and then nothing is pasted."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        records = []
        for number, cells in enumerate(pasted_lines(text), 1):
            try:
                record = self.record_from_cells(cells)
            except ValueError as error:
                self.message.emit(fill(refusal, number, error))
                return []
            if record is not None:
                records.append(record)
        if not records:
            return []
        position = self._paste_position()
        kind = self.model.record_kind
        inserts = tuple(
            InsertRecord(kind, 0, position + offset, record)
            for offset, record in enumerate(records)
        )
        if not self.session.push(Batch(inserts), undo_text(len(records))):
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

    # --- capture by keyboard ---------------------------------------------------------------

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


# What opens the editor of a cell typed into: typing in it, a double click, F2.
TYPING_TRIGGERS = (
    QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
)


def select_rows_to_type(table: QTableView, triggers: QAbstractItemView.EditTrigger) -> None:
    """Whole rows selected, several at once; a cell's editor opened by ``triggers``."""
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(triggers)


def set_up_capture_view(table: QTableView) -> None:
    """The view settings of a capture table built in code (the Attendees' come from its form)."""
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    select_rows_to_type(table, TYPING_TRIGGERS | QAbstractItemView.EditTrigger.SelectedClicked)
    # Rows are dragged to another place (a reorderable model says where they may land).
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDragDropOverwriteMode(False)  # the indicator goes between rows
    table.setDropIndicatorShown(True)

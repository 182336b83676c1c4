"""Item models of the Analysis section: one quadrant of a theme's SWOT, its problems, and the
themes a SWOT item can be dragged to.

As everywhere in the window, the models never change their rows themselves: edits and drops
become operations pushed on the session's undo stack, and the document's events bring the
rows up to date. A quadrant's items are scattered through the theme's one SWOT list (see
``model.Theme``), so a document event does not say which row of which quadrant changed; each
model keeps its own copy of its rows and, after a change of its kind, tells its views the one
insert, removal or move that makes the copy the document's again (a reset only when more
changed at once), so that the selection and an open editor stay where they are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.mime import PROBLEM_IDS, SWOT_IDS, IdsMime
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.sections.vision.models import ThemeListModel
from facilitator_app.gui.widgets.record_rows import ReorderDrops
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Event, FieldsChanged, Kind, Reset
from facilitator_app.workshop.model import Problem, Quadrant, SwotItem, Theme
from facilitator_app.workshop.operations import Batch, Operation, SetFields, swot_moves

ItemIdRole = Qt.ItemDataRole.UserRole + 1
VOTES_MARK = "●"  # before a count of dot votes, as on the wall
UNDER_MARK = "↳ "  # before a line under an item's text (its note, what a problem comes from)


def single_change(old: list[int], new: list[int]) -> tuple[str, int, int] | None:
    """The one change that turns the ids ``old`` into ``new``: ("insert", row, row),
    ("remove", row, row) or ("move", from row, to row, final); None when it takes more."""
    first = next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if first is None:
        first = min(len(old), len(new))
    if len(new) == len(old) + 1 and new[first + 1 :] == old[first:]:
        return ("insert", first, first)
    if len(new) == len(old) - 1 and old[first + 1 :] == new[first:]:
        return ("remove", first, first)
    if len(new) != len(old) or first == len(old):
        return None
    last = next(n for n in range(len(old) - 1, -1, -1) if old[n] != new[n])
    if old[first] == new[last] and old[first + 1 : last + 1] == new[first:last]:
        return ("move", first, last)
    if old[last] == new[first] and old[first:last] == new[first + 1 : last + 1]:
        return ("move", last, first)
    return None


class MirroredRows(QAbstractListModel):
    """One theme's records of ``kind`` that ``current`` picks, as a list model (see the module)."""

    kind: Kind
    drag_ids: IdsMime  # what a drag of the rows carries

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.theme_id: int | None = None
        self.read_only = False  # a previous meeting's analysis, kept for reference
        self._rows: list[Any] = []
        listen(self.document, self)

    # --- the rows ----------------------------------------------------------------------------

    def theme(self) -> Theme | None:
        if self.theme_id is None:
            return None
        try:
            return self.document.theme(self.theme_id)
        except InvalidOperationError:  # the theme went away
            return None

    def current(self, theme: Theme) -> list[Any]:
        """The document's records this model shows, in their order."""
        raise NotImplementedError

    def _current_rows(self) -> list[Any]:
        theme = self.theme()
        return [] if theme is None else self.current(theme)

    def set_theme(self, theme_id: int | None) -> None:
        self.beginResetModel()
        self.theme_id = theme_id
        self._rows = self._current_rows()
        self.endResetModel()

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    @property
    def records(self) -> list[Any]:
        return self._rows

    def record_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_for(self, index: ModelIndex) -> Any:
        return self.record_at(index.row()) if index.isValid() else None

    def row_of(self, record_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == record_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self.read_only else Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= (
                Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled
            )
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged rows' ids, and their texts for a drop on another application."""
        records = [self._rows[row] for row in sorted({i.row() for i in indexes if i.isValid()})]
        mime = self.drag_ids.encode(record.id for record in records)
        mime.setText("\n".join(record.text for record in records))
        return mime

    def votes_text(self, votes: int) -> str:
        return f"\u00a0\u00a0{VOTES_MARK}\u00a0{votes}" if votes else ""

    def edit_text(self, record: Any, value: Any, text: str) -> bool:
        """Set a record's text (its spaces tidied, one line) as typed: one step per pause."""
        new = " ".join(str(value).split())
        if new == record.text:
            return False
        return self.session.push(SetFields(self.kind, record.id, {"text": new}), text)

    # --- following the document --------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        if isinstance(event, Reset):
            self.beginResetModel()

    def document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            if self.theme() is None:
                self.theme_id = None
            self._rows = self._current_rows()
            self.endResetModel()
            return
        kind = getattr(event, "kind", None)
        if kind is self.kind or kind is Kind.THEME:
            self._follow(event)

    def _follow(self, event: Event) -> None:
        new = self._current_rows()
        old_ids, new_ids = [r.id for r in self._rows], [r.id for r in new]
        if old_ids == new_ids:
            self._rows = new
            changed = getattr(event, "id", None)
            row = self.row_of(changed) if getattr(event, "kind", None) is self.kind else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))
            return
        change = single_change(old_ids, new_ids)
        root = QModelIndex()
        if change is None:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        what, row, to = change
        if what == "insert":
            self.beginInsertRows(root, row, row)
        elif what == "remove":
            self.beginRemoveRows(root, row, row)
        else:
            self.beginMoveRows(root, row, row, root, to + 1 if to > row else to)
        self._rows = new
        if what == "insert":
            self.endInsertRows()
        elif what == "remove":
            self.endRemoveRows()
        else:
            self.endMoveRows()


class QuadrantModel(MirroredRows):
    """The items of one quadrant of the shown theme's SWOT: their text is edited in place, a
    drop of SWOT items (from this quadrant, another or another theme's) moves them here."""

    kind = Kind.SWOT
    drag_ids = SWOT_IDS

    def __init__(
        self, session: WorkshopSession, quadrant: Quadrant, parent: QObject | None = None
    ) -> None:
        super().__init__(session, parent)
        self.quadrant = quadrant

    def current(self, theme: Theme) -> list[SwotItem]:
        return theme.quadrant_items(self.quadrant)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: SwotItem | None = self.record_for(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            shown = item.text + self.votes_text(item.votes)
            return f"{shown}\n{UNDER_MARK}{item.note}" if item.note else shown
        if role == Qt.ItemDataRole.EditRole:
            return item.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [item.text]
            if item.votes:
                parts.append(self.tr("votes: %1").replace("%1", str(item.votes)))
            if item.note:
                parts.append(self.tr("note: %1").replace("%1", item.note))
            return "; ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.note or None
        if role == ItemIdRole:
            return item.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item: SwotItem | None = self.record_for(index)
        if item is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        return self.edit_text(item, value, self.tr("Edit a SWOT item"))

    # --- drag and drop: a drop pushes the moves and returns False -----------------------------

    def mimeTypes(self) -> list[str]:
        return [SWOT_IDS.mime_type]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        return not self.read_only and bool(dragged_swot_items(self.document, data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        """Move the dragged items before the row dropped on (or between): one undo step."""
        theme = self.theme()
        ids = dragged_swot_items(self.document, data)
        if theme is None or not ids or self.read_only:
            return False
        if parent.isValid():
            row = parent.row()
        later = self._rows[row:] if row >= 0 else []
        anchor = next((item.id for item in later if item.id not in ids), None)
        moves = swot_moves(theme, [(i, self.quadrant) for i in ids], anchor)
        push_moves(self.session, moves, moved_text(len(ids)))
        return False


class SwotMoveText(QObject):
    """The undo step's name for a move of SWOT items, for each model that moves them (a class
    of its own: its plural is found by the translation tools in a ``tr``, not a function)."""

    def text(self, count: int) -> str:
        if count > 1:
            return self.tr("Move %n SWOT items", "", count)
        return self.tr("Move a SWOT item")


def moved_text(count: int) -> str:
    return SwotMoveText().text(count)


def push_moves(session: WorkshopSession, moves: list[Operation], text: str) -> None:
    if moves:
        session.push(moves[0] if len(moves) == 1 else Batch(tuple(moves)), text)


def dragged_swot_items(document: Any, data: QMimeData) -> list[int]:
    """The ids of SWOT items a drag carries, when all are this workshop's ([] otherwise)."""
    ids = SWOT_IDS.decode(data)
    if not ids:
        return []
    known = {item.id for theme in document.data.themes for item in theme.swot}
    return ids if set(ids) <= known else []


class ProblemsModel(ReorderDrops, MirroredRows):
    """The shown theme's problems, numbered: dragged to reorder; a SWOT item of the theme
    dropped on one becomes one of the items it comes from."""

    kind = Kind.PROBLEM
    record_kind = Kind.PROBLEM
    ids_mime = drag_ids = PROBLEM_IDS
    drop_needs_all_known = True

    def current(self, theme: Theme) -> list[Problem]:
        return theme.problems

    def sources_text(self, problem: Problem) -> str:
        theme = self.theme()
        texts = {item.id: item.text for item in theme.swot} if theme is not None else {}
        return "; ".join(texts[i] for i in problem.sources if i in texts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        problem: Problem | None = self.record_for(index)
        if problem is None:
            return None
        sources = self.sources_text(problem)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = f"{index.row() + 1}. {problem.text}{self.votes_text(problem.votes)}"
            if not sources:
                return shown
            return f"{shown}\n{UNDER_MARK}{self.tr('From: %1').replace('%1', sources)}"
        if role == Qt.ItemDataRole.EditRole:
            return problem.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [problem.text]
            if problem.votes:
                parts.append(self.tr("votes: %1").replace("%1", str(problem.votes)))
            if sources:
                parts.append(self.tr("From: %1").replace("%1", sources))
            return "; ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return sources or None
        if role == ItemIdRole:
            return problem.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        problem: Problem | None = self.record_for(index)
        if problem is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        return self.edit_text(problem, value, self.tr("Edit a problem"))

    def document_changed(self, event: Event) -> None:
        super().document_changed(event)
        # The line naming a problem's sources shows their texts: a source's text edited.
        # (A removed item leaves the sources first, a change of the problems' own.)
        if isinstance(event, FieldsChanged) and event.kind is Kind.SWOT and "text" in event.fields:
            for row, problem in enumerate(self._rows):
                if event.id in problem.sources:
                    self.dataChanged.emit(self.index(row), self.index(row))

    # --- drag and drop ------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PROBLEM_IDS.mime_type, SWOT_IDS.mime_type]

    def drag_order(self) -> list[int]:
        return [problem.id for problem in self._rows]

    def drop_text(self, ids: list[int]) -> str:
        return (
            self.tr("Move %n problems", "", len(ids)) if len(ids) > 1 else self.tr("Move a problem")
        )

    def _sources_dropped(self, data: QMimeData, parent: ModelIndex) -> tuple[Problem, list[int]]:
        """The problem dropped on and the SWOT items of its theme dropped, or ([] items)."""
        problem: Problem | None = self.record_for(parent)
        theme = self.theme()
        ids = SWOT_IDS.decode(data) or []
        own = {item.id for item in theme.swot} if theme is not None else set()
        if problem is None or not ids or not set(ids) <= own:
            return Problem(0, ""), []
        return problem, [i for i in ids if i not in problem.sources]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if self.read_only:
            return False
        if data.hasFormat(SWOT_IDS.mime_type):
            return bool(self._sources_dropped(data, parent)[1])
        return super().canDropMimeData(data, action, row, column, parent)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if self.read_only:
            return False
        if data.hasFormat(SWOT_IDS.mime_type):
            problem, added = self._sources_dropped(data, parent)
            if added:
                self.session.push(
                    SetFields(Kind.PROBLEM, problem.id, {"sources": [*problem.sources, *added]}),
                    self.tr("Link a problem to a SWOT item"),
                )
            return False
        return super().dropMimeData(data, action, row, column, parent)


class AnalysisThemesModel(ThemeListModel):
    """The themes, as the Vision section lists them; a SWOT item dropped on a theme moves
    there, into the same quadrant (after its last item)."""

    def mimeTypes(self) -> list[str]:
        return [*super().mimeTypes(), SWOT_IDS.mime_type]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled  # SWOT items onto a theme

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if data.hasFormat(SWOT_IDS.mime_type):
            return parent.isValid() and bool(dragged_swot_items(self.document, data))
        return super().canDropMimeData(data, action, row, column, parent)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if not data.hasFormat(SWOT_IDS.mime_type):
            return super().dropMimeData(data, action, row, column, parent)
        target = self.theme_for(parent)
        ids = dragged_swot_items(self.document, data)
        if target is None or not ids:
            return False
        quadrants = {i.id: i.quadrant for t in self.themes for i in t.swot}
        moves = swot_moves(target, [(i, quadrants[i]) for i in ids])
        push_moves(self.session, moves, moved_text(len(ids)))
        return False

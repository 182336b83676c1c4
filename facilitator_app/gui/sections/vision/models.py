"""Item models of the Vision section: the themes, and the remarks of one theme.

Like the activity tree, these models never change their rows themselves: edits and drops
become operations pushed on the session's undo stack, and the document's events drive the
begin…/end… calls, so undo, redo and other windows all update through the same path.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.mime import THEME_IDS
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.widgets.record_rows import (
    SHOWN_ROLES,
    TEXT_ROLES,
    ReorderDrops,
    begin_row_move,
)
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
)
from facilitator_app.workshop.model import Attendee, Remark, RemarkStatus, Theme
from facilitator_app.workshop.operations import SetFields

ThemeIdRole = Qt.ItemDataRole.UserRole + 1
RemarkIdRole = Qt.ItemDataRole.UserRole + 2


class ThemeListModel(ReorderDrops, QAbstractListModel):
    """The workshop's themes in order; renaming and dragging push undoable operations."""

    refused = Signal(str)  # a rename or drop was refused; the message says why
    ids_mime = THEME_IDS
    record_kind = Kind.THEME
    drop_needs_all_known = True  # themes of another workshop move none here

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        listen(self.document, self)

    @property
    def themes(self) -> list[Theme]:
        themes: list[Theme] = self.document.data.themes
        return themes

    # --- structure -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.themes)

    def theme_for(self, index: ModelIndex) -> Theme | None:
        if not index.isValid() or not 0 <= index.row() < len(self.themes):
            return None
        return self.themes[index.row()]

    def index_of(self, theme_id: int) -> QModelIndex:
        for row, theme in enumerate(self.themes):
            if theme.id == theme_id:
                return self.index(row, 0)
        return QModelIndex()

    # --- data ------------------------------------------------------------------------------

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        theme = self.theme_for(index)
        if theme is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return theme.name
        if role == ThemeIdRole:
            return theme.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return theme.name
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(theme.remarks)
            if count:
                remarks = self.tr("%n remarks", "", count) if count > 1 else self.tr("1 remark")
                return f"{theme.name} — {remarks}"
            return theme.name
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def name_problem(self, name: str, theme_id: int | None = None) -> str | None:
        """Why ``name`` cannot name a theme (``theme_id``: the one being renamed), or None."""
        name = name.strip()
        if not name:
            return self.tr("A theme needs a name.")
        folded = name.casefold()
        for theme in self.themes:
            if theme.id != theme_id and theme.name.strip().casefold() == folded:
                return self.tr("There is already a theme named “%s”.") % theme.name
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        theme = self.theme_for(index)
        if theme is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value).strip()
        if name == theme.name:
            return False
        problem = self.name_problem(name, theme.id)
        if problem is not None:
            if self.session.is_typing:
                self.session.refuse()  # said when the rename is committed
            else:
                self.refused.emit(problem)
            return False
        return self.session.push(
            SetFields(Kind.THEME, theme.id, {"name": name}),
            self.tr("Rename theme “%s”") % theme.name,
        )

    # --- drag and drop: a drop pushes one move and returns False ----------------------------

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.themes[row].id for row in rows]
        mime = THEME_IDS.encode(ids)
        mime.setText("\n".join(self.themes[row].name for row in rows))
        return mime

    def drag_order(self) -> list[int]:
        return [theme.id for theme in self.themes]

    def drop_text(self, ids: list[int]) -> str:
        if len(ids) > 1:
            return self.tr("Move %n themes", "", len(ids))
        return self.tr("Move theme “%s”") % self.document.theme(ids[0]).name

    # --- listening to the document ------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        if isinstance(event, RecordsInserted) and event.kind is Kind.THEME:
            self.beginInsertRows(QModelIndex(), event.position, event.position + event.count - 1)
        elif isinstance(event, RecordsRemoved) and event.kind is Kind.THEME:
            self.beginRemoveRows(QModelIndex(), event.position, event.position + event.count - 1)
        elif isinstance(event, RecordMoved) and event.kind is Kind.THEME:
            begin_row_move(self, event)
        elif isinstance(event, Reset):
            self.beginResetModel()

    def document_changed(self, event: Event) -> None:
        if isinstance(event, RecordsInserted) and event.kind is Kind.THEME:
            self.endInsertRows()
        elif isinstance(event, RecordsRemoved) and event.kind is Kind.THEME:
            self.endRemoveRows()
        elif isinstance(event, RecordMoved) and event.kind is Kind.THEME:
            self.endMoveRows()
        elif isinstance(event, Reset):
            self.endResetModel()
        elif isinstance(event, FieldsChanged) and event.kind is Kind.THEME:
            index = self.index_of(event.id)
            if index.isValid():
                self.dataChanged.emit(index, index)
        elif (
            isinstance(event, RecordsInserted | RecordsRemoved)
            and event.kind is Kind.REMARK
            and event.container_id
        ):
            index = self.index_of(event.container_id)  # the tooltip counts the remarks
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])


TEXT_COLUMN, AUTHOR_COLUMN, ORGANIZATION_COLUMN, STATUS_COLUMN, RESPONSE_COLUMN = range(5)
_FIELDS = ("text", "author", "organization", "status", "response")


def status_labels() -> dict[RemarkStatus, str]:
    """The statuses as the facilitator reads them (the minutes' own words, translated)."""
    translate = QCoreApplication.translate
    return {
        RemarkStatus.PENDING: translate("RemarksModel", "Open"),
        RemarkStatus.ACCEPTED: translate("RemarksModel", "Accepted"),
        RemarkStatus.PARTLY: translate("RemarksModel", "Partly accepted"),
        RemarkStatus.REJECTED: translate("RemarksModel", "Not accepted"),
        RemarkStatus.NOTED: translate("RemarksModel", "Noted"),
    }


def sorted_attendees(attendees: list[Attendee]) -> list[Attendee]:
    """Attendees by name in Czech collation (as the attendee list sorts them)."""
    collator = QCollator(QLocale(QLocale.Language.Czech, QLocale.Country.CzechRepublic))
    collator.setNumericMode(True)
    return sorted(attendees, key=lambda a: collator.sortKey(a.name))


class RemarksModel(QAbstractTableModel):
    """The remarks of one theme: text, author, organisation, status, response."""

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.theme_id: int | None = None
        self._resetting_for_theme = False
        listen(self.document, self)

    def set_theme(self, theme_id: int | None) -> None:
        if theme_id == self.theme_id:
            return
        if self._resetting_for_theme:
            # Called while our theme is being removed (the view picked another): the reset
            # under way covers the change.
            self.theme_id = theme_id
            return
        self.beginResetModel()
        self.theme_id = theme_id
        self.endResetModel()

    @property
    def remarks(self) -> list[Remark]:
        if self.theme_id is None:
            return []
        try:
            remarks: list[Remark] = self.document.theme(self.theme_id).remarks
        except InvalidOperationError:  # the theme went away
            return []
        return remarks

    def remark_for(self, index: ModelIndex) -> Remark | None:
        remarks = self.remarks
        if not index.isValid() or not 0 <= index.row() < len(remarks):
            return None
        return remarks[index.row()]

    def row_of(self, remark_id: int) -> int:
        for row, remark in enumerate(self.remarks):
            if remark.id == remark_id:
                return row
        return -1

    # --- structure and data -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.remarks)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_FIELDS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Remark"),
                self.tr("Raised by"),
                self.tr("Organisation"),
                self.tr("Status"),
                self.tr("How settled"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        remark = self.remark_for(index)
        if remark is None:
            return None
        column = index.column()
        if role == RemarkIdRole:
            return remark.id
        if column == STATUS_COLUMN:
            if role == Qt.ItemDataRole.EditRole:
                return remark.status.value
            if role in SHOWN_ROLES:
                return status_labels()[remark.status]
            return None
        if role in TEXT_ROLES:
            return getattr(remark, _FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT_COLUMN, RESPONSE_COLUMN):
            return getattr(remark, _FIELDS[column]) or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        remark = self.remark_for(index)
        if remark is None or role != Qt.ItemDataRole.EditRole:
            return False
        column = index.column()
        field = _FIELDS[column]
        values: dict[str, Any] = {}
        if column == STATUS_COLUMN:
            try:
                status = RemarkStatus(value)
            except ValueError:
                return False
            if status is not remark.status:
                values["status"] = status.value
            text = self.tr("Set the status of a remark")
        else:
            new = str(value).strip() if column != TEXT_COLUMN else str(value).strip("\n ")
            if new != getattr(remark, field):
                values[field] = new
            if column == AUTHOR_COLUMN:
                attendee = self.attendee_named(new)
                # An attendee picked by name brings their organisation along.
                if (
                    attendee is not None
                    and attendee.organization
                    and attendee.organization != remark.organization
                ):
                    values["organization"] = attendee.organization
            text = {
                TEXT_COLUMN: self.tr("Edit a remark"),
                AUTHOR_COLUMN: self.tr("Set who raised a remark"),
                ORGANIZATION_COLUMN: self.tr("Set the organisation of a remark"),
                RESPONSE_COLUMN: self.tr("Edit how a remark was settled"),
            }[column]
        if not values:
            return False
        return self.session.push(SetFields(Kind.REMARK, remark.id, values), text)

    def attendee_named(self, name: str) -> Attendee | None:
        name = name.strip()
        if not name:
            return None
        attendees: list[Attendee] = self.document.data.attendees
        for attendee in attendees:
            if attendee.name == name:
                return attendee
        folded = name.casefold()
        matches = [a for a in attendees if a.name.casefold() == folded]
        return matches[0] if len(matches) == 1 else None

    # --- listening to the document ------------------------------------------------------------

    def _mine(self, event: Event) -> bool:
        return (
            isinstance(event, RecordsInserted | RecordsRemoved | RecordMoved)
            and event.kind is Kind.REMARK
            and self.theme_id is not None
            and event.container_id == self.theme_id
        )

    def _theme_goes(self, event: Event) -> bool:
        """Our theme is being removed (a Reset is handled on its own)."""
        if not isinstance(event, RecordsRemoved) or event.kind is not Kind.THEME:
            return False
        themes = self.document.data.themes
        return (
            self.theme_id is not None
            and 0 <= event.position < len(themes)
            and themes[event.position].id == self.theme_id
        )

    def document_about_to_change(self, event: Event) -> None:
        if self._mine(event):
            if isinstance(event, RecordsInserted):
                self.beginInsertRows(
                    QModelIndex(), event.position, event.position + event.count - 1
                )
            elif isinstance(event, RecordsRemoved):
                self.beginRemoveRows(
                    QModelIndex(), event.position, event.position + event.count - 1
                )
            elif isinstance(event, RecordMoved):
                begin_row_move(self, event)
        elif isinstance(event, Reset) or self._theme_goes(event):
            self._resetting_for_theme = True
            self.beginResetModel()

    def document_changed(self, event: Event) -> None:
        if self._mine(event):
            if isinstance(event, RecordsInserted):
                self.endInsertRows()
            elif isinstance(event, RecordsRemoved):
                self.endRemoveRows()
            elif isinstance(event, RecordMoved):
                self.endMoveRows()
        elif self._resetting_for_theme and isinstance(event, Reset | RecordsRemoved):
            self._resetting_for_theme = False
            if self.theme_id is not None and not any(
                t.id == self.theme_id for t in self.document.data.themes
            ):
                self.theme_id = None
            self.endResetModel()
        elif isinstance(event, FieldsChanged) and event.kind is Kind.REMARK:
            row = self.row_of(event.id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(_FIELDS) - 1))

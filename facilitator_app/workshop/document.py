"""The open workshop: its data in memory, written through to its file, observed by views.

Every change goes through ``Document.apply(operation)``, which returns the operation that
undoes it. Inside, operations call the ``raw_*`` primitives below; each primitive validates,
tells the listeners before and after, changes the data in memory and has the store queue the
change (``Storage.update_fields``, ``insert_subtrees``, …). ``apply`` then commits the queue
in one transaction (text edits may wait for ``flush`` instead, so that typing does not cost a
disk sync per keystroke).
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.dates import MAX_YEAR, MIN_YEAR, year_in_range
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import (
    DocumentListener,
    Event,
    FieldsChanged,
    Kind,
    NodeMoved,
    NodesInserted,
    NodesRemoved,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
    SaveListener,
    Stage,
)
from facilitator_app.workshop.model import (
    MAX_DEPTH,
    ROOT_ID,
    AgendaItem,
    Attendee,
    Node,
    Remark,
    RemarkStatus,
    Role,
    Task,
    Theme,
    WorkshopData,
    renumber_children,
    storable_text,
    subtree_height,
)
from facilitator_app.workshop.progress import Progress, no_progress
from facilitator_app.workshop.store.faults import Fault
from facilitator_app.workshop.store.files import write_new
from facilitator_app.workshop.store.schema import EDITABLE_FIELDS
from facilitator_app.workshop.store.storage import Storage

if TYPE_CHECKING:
    from facilitator_app.workshop.operations import Operation
    from facilitator_app.workshop.store.lock import Lock, LockInfo

# What an error message calls a record of each kind.
_RECORD_NAMES = {
    Kind.ATTENDEE: "attendee",
    Kind.THEME: "theme",
    Kind.REMARK: "remark",
    Kind.AGENDA: "agenda item",
    Kind.TASK: "task",
}
# An agenda item's planned length: a whole number of minutes, at most a day.
MAX_PLANNED_MINUTES = 24 * 60


class Document:
    """One open workshop."""

    def __init__(self, storage: Storage, data: WorkshopData) -> None:
        self.storage = storage
        self.data = data
        self.read_only = storage.read_only
        self.lock: Lock | None = None  # this instance's lock on the file (released on close)
        self.lock_holder: LockInfo | None = None  # read-only: who had it open when it opened
        # The app has just written the file (new, imported): it holds nothing typed yet, so
        # its first backup can wait for the first change.
        self.just_created = False
        self._listeners: list[tuple[Stage, DocumentListener]] = []  # by stage
        self._save_listeners: list[SaveListener] = []
        self._nodes: dict[int, Node] = {}
        self._next_ids: dict[Kind, itertools.count[int]] = {}
        self._reindex()

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Document:
        """Open a workshop file; ``read_only`` writes nothing to it (it is open elsewhere)."""
        path = Path(path)
        storage = Storage.open_read_only(path) if read_only else Storage.open(path)
        try:
            return cls(storage, storage.load())
        except BaseException:
            storage.close()
            raise

    @classmethod
    def create(cls, path: Path, data: WorkshopData | None = None) -> Document:
        """Create a new workshop file (from ``data``, e.g. an imported JSON) and open it.

        The document reads its data back from the new file; ``data`` stays the caller's.
        """
        data = _titled(path, data if data is not None else WorkshopData())
        storage = Storage.create(Path(path), data)
        document = cls(storage, storage.load())
        document.just_created = True
        return document

    @classmethod
    def create_from(
        cls, path: Path, data: WorkshopData, progress: Progress = no_progress
    ) -> Document:
        """Create a new workshop file from ``data`` and open it with ``data`` as its own.

        What an import does: no second copy of a big workshop is read back from the file. The
        caller hands ``data`` over and must not change it afterwards. ``progress`` hears how
        far the writing has got, and may stop it by raising Cancelled (no file is then left).
        """
        cls.write_new(path, data, progress)
        return cls.open_new(path, data)

    @staticmethod
    def write_new(path: Path, data: WorkshopData, progress: Progress = no_progress) -> None:
        """Write ``data`` as a new workshop file, atomically, without opening it (see
        ``store.files.write_new``); ``open_new`` opens it."""
        write_new(Path(path), _titled(path, data), progress)

    @classmethod
    def open_new(cls, path: Path, data: WorkshopData) -> Document:
        """Open the file that ``write_new`` has just written from ``data``, keeping ``data``."""
        document = cls(Storage.open_new(Path(path)), data)
        document.just_created = True
        return document

    @property
    def path(self) -> Path:
        return self.storage.path

    def close(self) -> None:
        try:
            self.flush()
            self.storage.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def save_as(self, path: Path) -> None:
        """Write the workshop as it is in memory into a new file, and go on writing there.

        The way out when the file cannot be written (a full disk, a pulled drive): everything
        in memory, including what the old file is missing, goes into the new file. The old
        file is left as it is. Raises StorageError when the new file cannot be written, and
        LockedError when it is open elsewhere.
        """
        from facilitator_app.workshop.store.lock import acquire

        path = Path(path)
        same_place = self.lock is not None and _same_place(path, self.path)
        new_lock = acquire(path) if self.lock is not None and not same_place else self.lock
        try:
            storage = Storage.create(path, self.data)
        except BaseException:
            if new_lock is not None and new_lock is not self.lock:
                new_lock.release()
            raise
        old_storage, old_lock = self.storage, self.lock
        self.storage, self.lock = storage, new_lock
        self.read_only = False
        with contextlib.suppress(Exception):  # the old medium may be gone: nothing to save
            old_storage.close()
        if old_lock is not None and old_lock is not new_lock:
            old_lock.release()
        self._tell_save_listeners()

    @property
    def fault(self) -> Fault | None:
        """Why the last write failed (None while the file is being written fine)."""
        return self.storage.last_fault

    def _reindex(self) -> None:
        self._nodes = {node.id: node for node in self.data.root.walk()}
        self._next_ids = {
            Kind.ATTENDEE: itertools.count(max((a.id for a in self.data.attendees), default=0) + 1),
            Kind.THEME: itertools.count(max((t.id for t in self.data.themes), default=0) + 1),
            Kind.REMARK: itertools.count(
                max((r.id for t in self.data.themes for r in t.remarks), default=0) + 1
            ),
            Kind.NODE: itertools.count(max(self._nodes) + 1),
            Kind.AGENDA: itertools.count(max((a.id for a in self.data.agenda), default=0) + 1),
            Kind.TASK: itertools.count(max((t.id for t in self.data.tasks), default=0) + 1),
        }

    def new_id(self, kind: Kind) -> int:
        """A fresh id for a thing an operation is about to insert."""
        return next(self._next_ids[kind])

    # --- listening -----------------------------------------------------------------------

    def add_listener(self, listener: DocumentListener, stage: Stage = Stage.MODELS) -> None:
        """``listener`` hears of every change at ``stage`` (see events.Stage): after the
        listeners of earlier stages and those added before it to the same stage."""
        position = bisect.bisect_right([s for s, _ in self._listeners], stage)
        self._listeners.insert(position, (stage, listener))

    def remove_listener(self, listener: DocumentListener) -> None:
        for position, (_, added) in enumerate(self._listeners):
            if added is listener:
                del self._listeners[position]
                return
        raise ValueError("not a listener of this document")

    def add_save_listener(self, listener: SaveListener) -> None:
        """``listener(saved, error)`` is called whenever the file catches up or falls behind."""
        self._save_listeners.append(listener)

    @contextmanager
    def _notifying(self, event: Event) -> Iterator[None]:
        listeners = [listener for _, listener in self._listeners]  # one may leave meanwhile
        for listener in listeners:
            listener.document_about_to_change(event)
        yield
        for listener in listeners:
            listener.document_changed(event)

    # --- applying operations ---------------------------------------------------------------

    def apply(self, operation: Operation, *, defer_write: bool = False) -> Operation:
        """Apply ``operation`` and return its inverse.

        The change is in the file when this returns, unless ``defer_write`` is set (typing) or
        the file cannot be written: then it waits in memory for ``flush``.
        """
        if self.read_only:
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "%1 is open read-only"), self.path.name
            )
        inverse = operation.apply(self)
        if not defer_write:
            self.flush()
        else:
            self._tell_save_listeners()
        return inverse

    def flush(self) -> bool:
        """Write what waits in memory to the file; False when the file cannot be written.

        When the file is gone and something is at its path again (a stick plugged back in),
        writing goes on there if, and only if, it is this workshop as last written.
        """
        ok = self.storage.flush()
        if not ok and self.storage.last_fault is Fault.GONE and self.path.exists():
            expected = _snapshot(self.data)
            ok = self.storage.reattach(lambda found: _snapshot(found) == expected)
        self._tell_save_listeners()
        return ok

    @property
    def is_saved(self) -> bool:
        return not self.storage.has_pending

    def _tell_save_listeners(self) -> None:
        for listener in self._save_listeners:
            listener(self.is_saved, self.storage.last_error)

    def replace_data(self, data: WorkshopData) -> None:
        """Replace the whole workshop (e.g. restore); not undoable, listeners get a Reset."""
        with self._notifying(Reset()):
            self.data = data
            self._reindex()
        self.storage.write_all(data)

    # --- lookups -------------------------------------------------------------------------

    @property
    def node_index(self) -> dict[int, Node]:
        """Every node by id (the root is 0); read it, never change it."""
        return self._nodes

    def node(self, node_id: int) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise InvalidOperationError(f"no activity with id {node_id}") from None

    def has_node(self, node_id: int) -> bool:
        return node_id in self._nodes

    def attendee(self, attendee_id: int) -> Attendee:
        return _find(self.data.attendees, attendee_id, "attendee")

    def theme(self, theme_id: int) -> Theme:
        return _find(self.data.themes, theme_id, "theme")

    def agenda_item(self, item_id: int) -> AgendaItem:
        return _find(self.data.agenda, item_id, "agenda item")

    def task(self, task_id: int) -> Task:
        return _find(self.data.tasks, task_id, "task")

    def remark(self, remark_id: int) -> tuple[Theme, Remark]:
        for theme in self.data.themes:
            for remark in theme.remarks:
                if remark.id == remark_id:
                    return theme, remark
        raise InvalidOperationError(f"no remark with id {remark_id}")

    def target(self, kind: Kind, item_id: int) -> Any:
        """The object whose fields an edit of (kind, id) changes."""
        if kind is Kind.DETAILS:
            return self.data.details
        if kind is Kind.ATTENDEE:
            return self.attendee(item_id)
        if kind is Kind.THEME:
            return self.theme(item_id)
        if kind is Kind.REMARK:
            return self.remark(item_id)[1]
        if kind is Kind.AGENDA:
            return self.agenda_item(item_id)
        if kind is Kind.TASK:
            return self.task(item_id)
        return self.node(item_id)

    def records(self, kind: Kind, container_id: int = 0) -> list[Any]:
        """The ordered list holding attendees, themes, one theme's remarks, the agenda or the
        tasks (all but remarks in container 0)."""
        if kind is Kind.ATTENDEE:
            return self.data.attendees
        if kind is Kind.THEME:
            return self.data.themes
        if kind is Kind.REMARK:
            return self.theme(container_id).remarks
        if kind is Kind.AGENDA:
            return self.data.agenda
        if kind is Kind.TASK:
            return self.data.tasks
        raise InvalidOperationError(f"{kind} is not kept in a list")

    # --- primitives (called by operations; use apply() from anywhere else) ------------------

    def raw_set_fields(self, kind: Kind, item_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Set fields; return their previous values."""
        allowed = EDITABLE_FIELDS[kind]
        unknown = set(values) - set(allowed)
        if unknown:
            raise InvalidOperationError(f"{kind} has no field {', '.join(sorted(unknown))}")
        target = self.target(kind, item_id)
        try:
            values = {name: _coerce(kind, name, value) for name, value in values.items()}
        except ValueError as error:  # a role, status or date that does not parse
            raise InvalidOperationError(str(error)) from None
        if kind is Kind.THEME and "name" in values:
            self._check_theme_name(values["name"], item_id)
        old = {name: getattr(target, name) for name in values}
        with self._notifying(FieldsChanged(kind, item_id, frozenset(values))):
            for name, value in values.items():
                setattr(target, name, value)
        self.storage.update_fields(kind, item_id, values)
        return old

    def raw_insert_record(self, kind: Kind, container_id: int, position: int, record: Any) -> None:
        items = self.records(kind, container_id)
        if not 0 <= position <= len(items):
            raise InvalidOperationError(f"position {position} is outside the list")
        record = copy.deepcopy(record)
        _storable_record(record)
        # Checked here, not left to the file: a refused row would stall every later write.
        remark_ids = {r.id for t in self.data.themes for r in t.remarks}
        taken = {
            Kind.ATTENDEE: {a.id for a in self.data.attendees},
            Kind.THEME: {t.id for t in self.data.themes},
            Kind.REMARK: remark_ids,
            Kind.AGENDA: {a.id for a in self.data.agenda},
            Kind.TASK: {t.id for t in self.data.tasks},
        }[kind]
        new_remarks = [r.id for r in record.remarks] if kind is Kind.THEME else []
        if record.id in taken or any(r in remark_ids for r in new_remarks):
            raise InvalidOperationError(f"{_RECORD_NAMES[kind]} id {record.id} exists already")
        if kind in (Kind.AGENDA, Kind.TASK):
            # Every field is checked (and converted: an ISO date string becomes a date).
            try:
                for name in EDITABLE_FIELDS[kind]:
                    setattr(record, name, _coerce(kind, name, getattr(record, name)))
            except ValueError as error:
                raise InvalidOperationError(str(error)) from None
        else:
            required = "text" if kind is Kind.REMARK else "name"
            _coerce(kind, required, getattr(record, required))
        if kind is Kind.THEME:
            self._check_theme_name(record.name, None)
        with self._notifying(RecordsInserted(kind, container_id, position, 1)):
            items.insert(position, record)
        self.storage.insert_record(kind, container_id, position, record)

    def raw_remove_record(self, kind: Kind, item_id: int) -> tuple[int, int, Any]:
        """Remove one attendee, theme or remark; return (container id, position, the record)."""
        container_id = self.remark(item_id)[0].id if kind is Kind.REMARK else 0
        items = self.records(kind, container_id)
        record = _find(items, item_id, _RECORD_NAMES.get(kind, kind.value))
        position = items.index(record)
        if kind is Kind.THEME and any(item_id in b.theme_ids for b in self.data.blocks):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "the theme is still used by an activity block")
            )
        with self._notifying(RecordsRemoved(kind, container_id, position, 1)):
            del items[position]
        self.storage.remove_record(kind, container_id, item_id, position)
        return container_id, position, record

    def raw_move_record(self, kind: Kind, item_id: int, new_position: int) -> int:
        """Move a record within its list to ``new_position`` (final); return the old position."""
        container_id = self.remark(item_id)[0].id if kind is Kind.REMARK else 0
        items = self.records(kind, container_id)
        record = _find(items, item_id, _RECORD_NAMES.get(kind, kind.value))
        old_position = items.index(record)
        if not 0 <= new_position < len(items):
            raise InvalidOperationError(f"position {new_position} is outside the list")
        if new_position == old_position:
            return old_position
        with self._notifying(RecordMoved(kind, container_id, old_position, new_position)):
            items.insert(new_position, items.pop(old_position))
        low, high = sorted((old_position, new_position))
        self.storage.set_positions(kind, items, low, high)
        return old_position

    def _check_theme_name(self, name: str, theme_id: int | None) -> None:
        """Theme names are unique: blocks and the interchange format name themes by them."""
        if any(t.name == name and t.id != theme_id for t in self.data.themes):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "a theme named “%1” exists already"), name
            )

    def raw_set_block_themes(self, block_id: int, theme_ids: list[int]) -> list[int]:
        block = self.node(block_id)
        if not block.is_block:
            raise InvalidOperationError("only an activity block has themes")
        known = {t.id for t in self.data.themes}
        if any(theme_id not in known for theme_id in theme_ids):
            raise InvalidOperationError("a block can only name themes of this workshop")
        if len(set(theme_ids)) != len(theme_ids):
            raise InvalidOperationError("a block names each theme once")
        old = list(block.theme_ids)
        with self._notifying(FieldsChanged(Kind.NODE, block_id, frozenset({"theme_ids"}))):
            block.theme_ids = list(theme_ids)
        self.storage.set_block_themes(block)
        return old

    def raw_insert_subtree(self, parent_id: int, row: int, subtree: Node) -> None:
        """Insert a copy of the detached ``subtree`` (ids included) as child ``row`` of a parent."""
        self.raw_insert_subtrees(parent_id, row, (subtree,))

    def raw_insert_subtrees(self, parent_id: int, row: int, subtrees: Iterable[Node]) -> None:
        """Insert copies of detached subtrees (ids included) as children ``row``, ``row + 1``, …

        One event for all of them: a paste of thousands of lines is one change for the views,
        not thousands (each of which would make them look at the whole tree again).
        """
        parent = self.node(parent_id)
        if not 0 <= row <= len(parent.children):
            raise InvalidOperationError(f"row {row} is outside the parent's {len(parent.children)}")
        tops = [_copy_subtree(subtree) for subtree in subtrees]
        if not tops:
            return
        seen: set[int] = set()
        # Checked here, not left to the file: a refused row would stall every later write.
        known = {t.id for t in self.data.themes}
        depth = parent.depth
        for top in tops:
            self._check_depth(depth + subtree_height(top))
            for node in top.walk():
                node.text, node.note = storable_text(node.text), storable_text(node.note)
                if node.id in self._nodes or node.id in seen:
                    raise InvalidOperationError(f"activity id {node.id} exists already")
                seen.add(node.id)
                if not node.text and not (node is top and parent_id == ROOT_ID):
                    raise InvalidOperationError(
                        QT_TRANSLATE_NOOP("Refusal", "an activity needs a text")
                    )
                themes = node.theme_ids
                if themes and (node is not top or parent_id != ROOT_ID):
                    raise InvalidOperationError("only an activity block has themes")
                if any(t not in known for t in themes) or len(set(themes)) != len(themes):
                    raise InvalidOperationError("a block names each theme of this workshop once")
        with self._notifying(NodesInserted(parent_id, row, len(tops))):
            parent.children[row:row] = tops
            for top in tops:
                top.parent = parent
            renumber_children(parent, row)
            for top in tops:
                for node in top.walk():
                    self._nodes[node.id] = node
        self.storage.insert_subtrees(parent_id, row, tops)

    def raw_remove_subtrees(self, parent_id: int, row: int, count: int) -> list[Node]:
        """Remove ``count`` consecutive children of a parent from ``row``, with their
        descendants, as one event; return detached copies of them."""
        parent = self.node(parent_id)
        if count < 1 or not 0 <= row <= row + count <= len(parent.children):
            raise InvalidOperationError(f"rows {row}..{row + count - 1} are outside the parent")
        removed = parent.children[row : row + count]
        with self._notifying(NodesRemoved(parent_id, row, count)):
            del parent.children[row : row + count]
            renumber_children(parent, row)
            for node in removed:
                node.parent = None
                for descendant in node.walk():
                    del self._nodes[descendant.id]
        self.storage.remove_subtrees(parent_id, row, removed)
        return [_copy_subtree(node) for node in removed]

    def raw_remove_subtree(self, node_id: int) -> tuple[int, int, Node]:
        """Remove a node with its descendants; return (parent id, row, the detached subtree)."""
        node = self.node(node_id)
        parent = node.parent
        if parent is None:
            raise InvalidOperationError("the root cannot be removed")
        row = node.row
        with self._notifying(NodesRemoved(parent.id, row, 1)):
            del parent.children[row]
            renumber_children(parent, row)
            node.parent = None
            for descendant in node.walk():
                del self._nodes[descendant.id]
        self.storage.remove_subtrees(parent.id, row, [node])
        return parent.id, row, _copy_subtree(node)

    def check_move(self, node: Node, new_parent: Node) -> None:
        if node is new_parent or node.is_ancestor_of(new_parent):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "an activity cannot move into its own branch")
            )
        if node.is_block != (new_parent.id == ROOT_ID):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "blocks stay top-level; activities stay inside a block"
                )
            )
        if new_parent.depth + 1 > node.depth:  # deeper: the branch's lowest level must fit
            self._check_depth(new_parent.depth + subtree_height(node))

    @staticmethod
    def _check_depth(deepest: int) -> None:
        if deepest > MAX_DEPTH:
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "activities can be nested at most %1 levels deep"),
                MAX_DEPTH - 1,
            )

    def raw_move_node(self, node_id: int, new_parent_id: int, new_row: int) -> tuple[int, int]:
        """Move a node (with its subtree) to its final ``new_row`` under a parent.

        Returns the old (parent id, row). Refuses a move into the node's own subtree.
        """
        node = self.node(node_id)
        new_parent = self.node(new_parent_id)
        old_parent = node.parent
        assert old_parent is not None
        self.check_move(node, new_parent)
        old_row = node.row
        limit = len(new_parent.children) - (1 if new_parent is old_parent else 0)
        if not 0 <= new_row <= limit:
            raise InvalidOperationError(f"row {new_row} is outside the parent's {limit + 1} places")
        if new_parent is old_parent and new_row == old_row:
            return old_parent.id, old_row
        with self._notifying(NodeMoved(node_id, old_parent.id, old_row, new_parent_id, new_row)):
            del old_parent.children[old_row]
            new_parent.children.insert(new_row, node)
            node.parent = new_parent
            if new_parent is old_parent:
                renumber_children(old_parent, min(old_row, new_row))
            else:
                renumber_children(old_parent, old_row)
                renumber_children(new_parent, new_row)
        self.storage.move_node(node, old_parent.id, old_row, new_parent.children)
        return old_parent.id, old_row


class _Identified(Protocol):
    id: int


RecordT = TypeVar("RecordT", bound=_Identified)


def _find(items: Iterable[RecordT], item_id: int, what: str) -> RecordT:
    for item in items:
        if item.id == item_id:
            return item
    raise InvalidOperationError(f"no {what} with id {item_id}")


def _copy_subtree(top: Node) -> Node:
    """A detached deep copy of a subtree (iterative: trees can be deeper than the stack)."""
    copy_top = Node(top.id, top.text, top.note, top.votes, list(top.theme_ids), None, [], 0)
    stack = [(top, copy_top)]
    while stack:
        original, duplicate = stack.pop()
        for position, child in enumerate(original.children):
            child_copy = Node(
                child.id,
                child.text,
                child.note,
                child.votes,
                list(child.theme_ids),
                duplicate,
                [],
                position,
            )
            duplicate.children.append(child_copy)
            stack.append((child, child_copy))
    return copy_top


def _coerce(kind: Kind, name: str, value: Any) -> Any:
    """Check and convert a field value, refusing what the file format would refuse."""
    if kind is Kind.AGENDA and name != "title":
        return _coerce_agenda(name, value)
    if kind is Kind.TASK and name in ("due", "done"):
        return _coerce_task(name, value)
    if name in ("starts_at", "ends_at"):
        if value is None and name == "ends_at":
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if not isinstance(value, datetime):
            raise InvalidOperationError(f"{name} must be a date and time")
        return _in_years(name, value.replace(microsecond=0, tzinfo=None))
    if name == "role":
        return Role(value)
    if name == "status":
        return RemarkStatus(value)
    if name == "present":
        return bool(value)
    if name == "votes":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "votes must be a whole number of 0 or more")
            )
        return value
    if name == "language" and value not in ("cs", "en"):
        raise InvalidOperationError("the minutes' language is cs or en")
    if name in ("vision_intro", "draft") and value is None:
        return None
    if not isinstance(value, str):
        raise InvalidOperationError(f"{name} must be text")
    value = storable_text(value)
    if (kind, name) in REQUIRED_TEXT and not value:
        # The interchange format requires these: an empty one would make an export unreadable.
        raise InvalidOperationError(EMPTY_REFUSALS[kind, name])
    return value


def _coerce_agenda(name: str, value: Any) -> Any:
    """An agenda item's planned minutes (0 to a day) or its actual start or end (or None)."""
    if name == "planned_minutes":
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not 0 <= value <= MAX_PLANNED_MINUTES
        ):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "planned minutes must be a whole number from 0 to %1"),
                MAX_PLANNED_MINUTES,
            )
        return value
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise InvalidOperationError(f"{name} must be a date and time")
    if value.tzinfo is not None:  # the file keeps local time, without a zone
        value = value.astimezone().replace(tzinfo=None)
    return _in_years(name, value.replace(microsecond=0))


def _coerce_task(name: str, value: Any) -> Any:
    """A task's due date (a date, an ISO ``YYYY-MM-DD`` string, or None) or its done flag."""
    if name == "done":
        if not isinstance(value, bool | int) or value not in (0, 1):
            raise InvalidOperationError("done must be true or false")
        return bool(value)
    if value is None:
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value.strip())
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidOperationError(QT_TRANSLATE_NOOP("Refusal", "the due date must be a date"))
    return _in_years(name, value)


DateT = TypeVar("DateT", date, datetime)


def _in_years(name: str, value: DateT) -> DateT:
    """``value`` unless its year is outside the years a workshop holds (1900-2100)."""
    if not year_in_range(value.year):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "%1: the year %2 is not between %3 and %4"),
            name,
            value.year,
            MIN_YEAR,
            MAX_YEAR,
        )
    return value


def _snapshot(data: WorkshopData) -> tuple[Any, ...]:
    """Everything in a workshop, ids and order included, as comparable plain values."""
    return (
        data.details,
        tuple(map(copy.copy, data.attendees)),
        tuple(
            (t.id, t.name, t.vision, t.draft, tuple(map(copy.copy, t.remarks))) for t in data.themes
        ),
        tuple(
            (n.id, n.parent.id if n.parent else None, n.text, n.note, n.votes, tuple(n.theme_ids))
            for n in data.root.walk()
        ),
        tuple(map(copy.copy, data.agenda)),
        tuple(map(copy.copy, data.tasks)),
    )


def _titled(path: Path, data: WorkshopData) -> WorkshopData:
    if not data.details.title:
        data.details.title = Path(path).stem  # the format requires a title
    return data


def _same_place(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def _storable_record(record: Any) -> None:
    """Make every text field of an inserted attendee, theme or remark storable, in place."""
    for name, value in vars(record).items():
        if isinstance(value, str):
            setattr(record, name, storable_text(value))
    for remark in getattr(record, "remarks", ()):
        _storable_record(remark)


# The texts the interchange format requires, and what an empty one is told.
EMPTY_REFUSALS = {
    (Kind.DETAILS, "title"): QT_TRANSLATE_NOOP("Refusal", "the workshop's title cannot be empty"),
    (Kind.ATTENDEE, "name"): QT_TRANSLATE_NOOP("Refusal", "the attendee's name cannot be empty"),
    (Kind.THEME, "name"): QT_TRANSLATE_NOOP("Refusal", "the theme's name cannot be empty"),
    (Kind.REMARK, "text"): QT_TRANSLATE_NOOP("Refusal", "the remark's text cannot be empty"),
    (Kind.NODE, "text"): QT_TRANSLATE_NOOP("Refusal", "the activity's text cannot be empty"),
    (Kind.AGENDA, "title"): QT_TRANSLATE_NOOP(
        "Refusal", "the programme item's title cannot be empty"
    ),
    (Kind.TASK, "text"): QT_TRANSLATE_NOOP("Refusal", "the task's text cannot be empty"),
}
REQUIRED_TEXT = set(EMPTY_REFUSALS)

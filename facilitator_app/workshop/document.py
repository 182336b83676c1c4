"""The open workshop: its data in memory, written through to its file, observed by views.

Every change goes through ``Document.apply(operation)``, which returns the operation that
undoes it. Inside, operations call the ``raw_*`` primitives below; each primitive validates
(field values through ``values``, the tree's and the lists' rules through ``rules``), tells
the listeners before and after, changes the data in memory and has the store queue the
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
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.paths import same_file
from facilitator_app.workshop import events, model, rules
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import DocumentListener, Kind, SaveListener, Stage
from facilitator_app.workshop.model import THEME_LISTS, list_of
from facilitator_app.workshop.progress import Progress, no_progress
from facilitator_app.workshop.store.faults import Fault
from facilitator_app.workshop.store.files import write_new
from facilitator_app.workshop.store.schema import EDITABLE_FIELDS
from facilitator_app.workshop.store.storage import Storage
from facilitator_app.workshop.values import checked_fields, make_storable

if TYPE_CHECKING:
    from facilitator_app.workshop.operations import Operation
    from facilitator_app.workshop.store.lock import Lock, LockInfo


class Document:
    """One open workshop."""

    def __init__(self, storage: Storage, data: model.WorkshopData) -> None:
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
        self._nodes: dict[int, model.Node] = {}
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
    def create(cls, path: Path, data: model.WorkshopData | None = None) -> Document:
        """Create a new workshop file (from ``data``, e.g. an imported JSON) and open it.

        The document reads its data back from the new file; ``data`` stays the caller's.
        """
        data = _titled(path, data if data is not None else model.WorkshopData())
        storage = Storage.create(Path(path), data)
        document = cls(storage, storage.load())
        document.just_created = True
        return document

    @classmethod
    def create_from(
        cls, path: Path, data: model.WorkshopData, progress: Progress = no_progress
    ) -> Document:
        """Create a new workshop file from ``data`` and open it with ``data`` as its own.

        What an import does: no second copy of a big workshop is read back from the file. The
        caller hands ``data`` over and must not change it afterwards. ``progress`` hears how
        far the writing has got, and may stop it by raising Cancelled (no file is then left).
        """
        cls.write_new(path, data, progress)
        return cls.open_new(path, data)

    @staticmethod
    def write_new(path: Path, data: model.WorkshopData, progress: Progress = no_progress) -> None:
        """Write ``data`` as a new workshop file, atomically, without opening it (see
        ``store.files.write_new``); ``open_new`` opens it."""
        write_new(Path(path), _titled(path, data), progress)

    @classmethod
    def open_new(cls, path: Path, data: model.WorkshopData) -> Document:
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
        same_place = self.lock is not None and same_file(path, self.path)
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
        data = self.data
        ids: dict[Kind, Iterable[int]] = {
            Kind.ATTENDEE: [a.id for a in data.attendees],
            Kind.THEME: [t.id for t in data.themes],
            **{k: [r.id for t in data.themes for r in list_of(t, k)] for k in THEME_LISTS},
            Kind.NODE: self._nodes,
            Kind.AGENDA: [a.id for a in data.agenda],
            Kind.TASK: [t.id for t in data.tasks],
        }
        self._next_ids = {kind: itertools.count(max(i, default=0) + 1) for kind, i in ids.items()}

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
    def _notifying(self, event: events.Event) -> Iterator[None]:
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
            expected = model.snapshot(self.data)
            ok = self.storage.reattach(lambda found: model.snapshot(found) == expected)
        self._tell_save_listeners()
        return ok

    @property
    def is_saved(self) -> bool:
        return not self.storage.has_pending

    def _tell_save_listeners(self) -> None:
        for listener in self._save_listeners:
            listener(self.is_saved, self.storage.last_error)

    def replace_data(self, data: model.WorkshopData) -> None:
        """Replace the whole workshop (e.g. restore); not undoable, listeners get a Reset."""
        with self._notifying(events.Reset()):
            self.data = data
            self._reindex()
        self.storage.write_all(data)

    # --- lookups -------------------------------------------------------------------------

    @property
    def node_index(self) -> dict[int, model.Node]:
        """Every node by id (the root is 0); read it, never change it."""
        return self._nodes

    def node(self, node_id: int) -> model.Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise InvalidOperationError(f"no activity with id {node_id}") from None

    def has_node(self, node_id: int) -> bool:
        return node_id in self._nodes

    def attendee(self, attendee_id: int) -> model.Attendee:
        return _find(self.data.attendees, attendee_id, "attendee")

    def theme(self, theme_id: int) -> model.Theme:
        return _find(self.data.themes, theme_id, "theme")

    def agenda_item(self, item_id: int) -> model.AgendaItem:
        return _find(self.data.agenda, item_id, "agenda item")

    def task(self, task_id: int) -> model.Task:
        return _find(self.data.tasks, task_id, "task")

    def remark(self, remark_id: int) -> tuple[model.Theme, model.Remark]:
        return self.in_theme(Kind.REMARK, remark_id)

    def in_theme(self, kind: Kind, record_id: int) -> tuple[model.Theme, Any]:
        """(the theme, the record) of a remark, SWOT item or problem."""
        name = THEME_LISTS[kind]
        for theme in self.data.themes:
            for record in getattr(theme, name):
                if record.id == record_id:
                    return theme, record
        raise InvalidOperationError(f"no {rules.RECORD_NAMES[kind]} with id {record_id}")

    def target(self, kind: Kind, item_id: int) -> Any:
        """The object whose fields an edit of (kind, id) changes."""
        if kind is Kind.DETAILS:
            return self.data.details
        if kind is Kind.ATTENDEE:
            return self.attendee(item_id)
        if kind is Kind.THEME:
            return self.theme(item_id)
        if kind in THEME_LISTS:
            return self.in_theme(kind, item_id)[1]
        if kind is Kind.AGENDA:
            return self.agenda_item(item_id)
        if kind is Kind.TASK:
            return self.task(item_id)
        return self.node(item_id)

    def records(self, kind: Kind, container_id: int = 0) -> list[Any]:
        """The ordered list holding attendees, themes, one theme's remarks, SWOT items or
        problems (in container: the theme), the agenda or the tasks (in container 0)."""
        if kind is Kind.ATTENDEE:
            return self.data.attendees
        if kind is Kind.THEME:
            return self.data.themes
        if kind in THEME_LISTS:
            return list_of(self.theme(container_id), kind)
        if kind is Kind.AGENDA:
            return self.data.agenda
        if kind is Kind.TASK:
            return self.data.tasks
        raise InvalidOperationError(f"{kind} is not kept in a list")

    # --- primitives (called by operations; use apply() from anywhere else) ------------------

    def raw_set_fields(self, kind: Kind, item_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Set fields; return their previous values."""
        unknown = set(values) - set(EDITABLE_FIELDS[kind])
        if unknown:
            raise InvalidOperationError(f"{kind} has no field {', '.join(sorted(unknown))}")
        target = self.target(kind, item_id)
        values = checked_fields(kind, values)
        if kind is Kind.THEME and "name" in values:
            rules.check_theme_name(self.data.themes, values["name"], item_id)
        if kind is Kind.PROBLEM and "sources" in values:
            rules.check_sources(self.in_theme(kind, item_id)[0], values["sources"])
        old = {name: getattr(target, name) for name in values}
        with self._notifying(events.FieldsChanged(kind, item_id, frozenset(values))):
            for name, value in values.items():
                setattr(target, name, value)
        self.storage.update_fields(kind, item_id, values)
        return old

    def raw_insert_record(self, kind: Kind, container_id: int, position: int, record: Any) -> None:
        items = self.records(kind, container_id)
        if not 0 <= position <= len(items):
            raise InvalidOperationError(f"position {position} is outside the list")
        record = copy.deepcopy(record)
        make_storable(record)
        rules.check_new_record(self.data, kind, record, container_id)
        with self._notifying(events.RecordsInserted(kind, container_id, position, 1)):
            items.insert(position, record)
        self.storage.insert_record(kind, container_id, position, record)

    def raw_remove_record(self, kind: Kind, item_id: int) -> tuple[int, int, Any]:
        """Remove one record of a list; return (container id, position, the record)."""
        container_id, items, position = self._place_of_record(kind, item_id)
        if kind is Kind.THEME and any(item_id in b.theme_ids for b in self.data.blocks):
            raise InvalidOperationError(
                QT_TRANSLATE_NOOP("Refusal", "the theme is still used by an activity block")
            )
        if kind is Kind.SWOT:
            rules.check_unused_swot_item(self.theme(container_id), item_id)
        with self._notifying(events.RecordsRemoved(kind, container_id, position, 1)):
            record = items.pop(position)
        self.storage.remove_record(kind, container_id, item_id, position)
        return container_id, position, record

    def raw_move_record(self, kind: Kind, item_id: int, new_position: int) -> int:
        """Move a record within its list to ``new_position`` (final); return the old position."""
        container_id, items, old_position = self._place_of_record(kind, item_id)
        if not 0 <= new_position < len(items):
            raise InvalidOperationError(f"position {new_position} is outside the list")
        if new_position == old_position:
            return old_position
        with self._notifying(events.RecordMoved(kind, container_id, old_position, new_position)):
            items.insert(new_position, items.pop(old_position))
        low, high = sorted((old_position, new_position))
        self.storage.set_positions(kind, items, low, high)
        return old_position

    def _place_of_record(self, kind: Kind, item_id: int) -> tuple[int, list[Any], int]:
        """(container id, the list, position) of a record."""
        container_id = self.in_theme(kind, item_id)[0].id if kind in THEME_LISTS else 0
        items = self.records(kind, container_id)
        record = _find(items, item_id, rules.RECORD_NAMES.get(kind, kind.value))
        return container_id, items, items.index(record)

    def raw_set_block_themes(self, block_id: int, theme_ids: list[int]) -> list[int]:
        block = self.node(block_id)
        rules.check_block_themes(block, theme_ids, {t.id for t in self.data.themes})
        old = list(block.theme_ids)
        with self._notifying(events.FieldsChanged(Kind.NODE, block_id, frozenset({"theme_ids"}))):
            block.theme_ids = list(theme_ids)
        self.storage.set_block_themes(block)
        return old

    def raw_insert_subtree(self, parent_id: int, row: int, subtree: model.Node) -> None:
        """Insert a copy of the detached ``subtree`` (ids included) as child ``row`` of a parent."""
        self.raw_insert_subtrees(parent_id, row, (subtree,))

    def raw_insert_subtrees(self, parent_id: int, row: int, subtrees: Iterable[model.Node]) -> None:
        """Insert copies of detached subtrees (ids included) as children ``row``, ``row + 1``, …

        One event for all of them: a paste of thousands of lines is one change for the views,
        not thousands (each of which would make them look at the whole tree again).
        """
        parent = self.node(parent_id)
        if not 0 <= row <= len(parent.children):
            raise InvalidOperationError(f"row {row} is outside the parent's {len(parent.children)}")
        tops = [model.detached_copy(subtree) for subtree in subtrees]
        if not tops:
            return
        rules.check_new_subtrees(parent, tops, self._nodes, {t.id for t in self.data.themes})
        with self._notifying(events.NodesInserted(parent_id, row, len(tops))):
            parent.children[row:row] = tops
            for top in tops:
                top.parent = parent
            model.renumber_children(parent, row)
            for top in tops:
                for node in top.walk():
                    self._nodes[node.id] = node
        self.storage.insert_subtrees(parent_id, row, tops)

    def raw_remove_subtrees(self, parent_id: int, row: int, count: int) -> list[model.Node]:
        """Remove ``count`` consecutive children of a parent from ``row``, with their
        descendants, as one event; return detached copies of them."""
        parent = self.node(parent_id)
        if count < 1 or not 0 <= row <= row + count <= len(parent.children):
            raise InvalidOperationError(f"rows {row}..{row + count - 1} are outside the parent")
        removed = self._detach(parent, row, count)
        return [model.detached_copy(node) for node in removed]

    def raw_remove_subtree(self, node_id: int) -> tuple[int, int, model.Node]:
        """Remove a node with its descendants; return (parent id, row, the detached subtree)."""
        node = self.node(node_id)
        parent = node.parent
        if parent is None:
            raise InvalidOperationError("the root cannot be removed")
        row = node.row
        self._detach(parent, row, 1)
        return parent.id, row, model.detached_copy(node)

    def _detach(self, parent: model.Node, row: int, count: int) -> list[model.Node]:
        """Take ``count`` children of ``parent`` from ``row`` out of the tree, as one event."""
        removed = parent.children[row : row + count]
        with self._notifying(events.NodesRemoved(parent.id, row, count)):
            del parent.children[row : row + count]
            model.renumber_children(parent, row)
            for node in removed:
                node.parent = None
                for descendant in node.walk():
                    del self._nodes[descendant.id]
        self.storage.remove_subtrees(parent.id, row, removed)
        return removed

    def check_move(self, node: model.Node, new_parent: model.Node) -> None:
        """Refuse moving ``node`` (with its branch) under ``new_parent`` where it cannot go."""
        rules.check_move(node, new_parent)

    def raw_move_node(self, node_id: int, new_parent_id: int, new_row: int) -> tuple[int, int]:
        """Move a node (with its subtree) to its final ``new_row`` under a parent.

        Returns the old (parent id, row). Refuses a move into the node's own subtree.
        """
        node = self.node(node_id)
        new_parent = self.node(new_parent_id)
        old_parent = node.parent
        assert old_parent is not None
        rules.check_move(node, new_parent)
        old_row = node.row
        limit = len(new_parent.children) - (1 if new_parent is old_parent else 0)
        if not 0 <= new_row <= limit:
            raise InvalidOperationError(f"row {new_row} is outside the parent's {limit + 1} places")
        if new_parent is old_parent and new_row == old_row:
            return old_parent.id, old_row
        moved = events.NodeMoved(node_id, old_parent.id, old_row, new_parent_id, new_row)
        with self._notifying(moved):
            del old_parent.children[old_row]
            new_parent.children.insert(new_row, node)
            node.parent = new_parent
            if new_parent is old_parent:
                model.renumber_children(old_parent, min(old_row, new_row))
            else:
                model.renumber_children(old_parent, old_row)
                model.renumber_children(new_parent, new_row)
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


def _titled(path: Path, data: model.WorkshopData) -> model.WorkshopData:
    if not data.details.title:
        data.details.title = Path(path).stem  # the format requires a title
    return data

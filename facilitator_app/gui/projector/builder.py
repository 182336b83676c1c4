"""Making the wall's snapshots (no Qt): ``StateBuilder`` builds the first from the document's
data and then a new one after every change event; a keystroke in an activity replaces one row
of the outline, and a move, insertion or removal splices the rows of the branches concerned;
a keystroke in a SWOT item or problem replaces that one item of its theme's view.
A little over 500 lines: the builder and the splicing of rows share their helpers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from facilitator_app.workshop import events
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.events import Event, Kind, NodeMoved, NodesInserted, NodesRemoved
from facilitator_app.workshop.model import (
    Node,
    Problem,
    SwotItem,
    Theme,
    WorkshopData,
    split_paragraphs,
)

if TYPE_CHECKING:
    from facilitator_app.workshop.document import Document


from facilitator_app.gui.projector.state import (
    EMPTY_STATE,
    Outline,
    ProblemView,
    RemarkView,
    Row,
    SwotView,
    TaskView,
    ThemeView,
    TitleInfo,
    WallFocus,
    WallState,
)

# One count for every builder: the renderer caches pages by revision, so a workshop opened
# after another must not reuse its numbers (the preview showed the old workshop's tree).
_REVISIONS = itertools.count(1)

# Fields whose change shows on the wall (a node's note does not).
_NODE_FIELDS = frozenset({"text", "votes", "theme_ids"})
_THEME_FIELDS = frozenset({"name", "vision"})
_TITLE_FIELDS = frozenset({"title", "starts_at", "ends_at", "place", "language"})
_TASK_FIELDS = frozenset({"text", "due", "done"})  # never "owner": the wall shows no names
_SWOT_FIELDS = frozenset({"text", "quadrant", "votes"})  # not its note: the facilitator's
_PROBLEM_FIELDS = frozenset({"text", "votes"})  # its sources are not on the wall


class StateBuilder:
    """Makes wall snapshots of one workshop, updating the last one for each change event."""

    def __init__(
        self,
        document: Document,
        is_collapsed: Callable[[int], bool] = lambda node_id: False,
        block_label: str = "Activities",
    ) -> None:
        self.document = document
        self.is_collapsed = is_collapsed
        self.block_label = block_label  # a block's label when it names no theme
        self._revisions = _REVISIONS
        self.state = EMPTY_STATE
        self._last_theme_id: int | None = None

    @property
    def data(self) -> WorkshopData:
        return self.document.data

    # --- whole snapshots --------------------------------------------------------------------

    def rebuild(self) -> WallState:
        self.state = self._resolved(
            WallState(
                revision=next(self._revisions),
                title=self._title(),
                themes=self._themes(),
                outline=self._outline(),
                focus=self.state.focus,
                tasks=self._tasks(),
                votes_revealed=self.state.votes_revealed,
                codes_shown=self.state.codes_shown,
            )
        )
        return self.state

    def _title(self) -> TitleInfo:
        data = self.data
        details = data.details
        return TitleInfo(
            title=details.title,
            starts_at=details.starts_at,
            ends_at=details.ends_at,
            place=details.place,
            language=details.language,
            head_count=data.head_count_text(),
        )

    def _themes(self, keep: tuple[ThemeView, ...] = ()) -> tuple[ThemeView, ...]:
        """Every theme's view; ``keep``: views whose SWOT and problems are still current (an
        edit of a vision or remark does not make a theme's 500 SWOT items again)."""
        kept = {view.id: view for view in keep}
        views = []
        for theme in self.data.themes:
            old = kept.get(theme.id)
            views.append(
                ThemeView(
                    theme.id,
                    theme.name,
                    tuple(split_paragraphs(theme.vision)),
                    tuple(
                        RemarkView(r.id, r.text, r.organization, str(r.status), r.response)
                        for r in theme.remarks
                    ),
                    old.swot if old is not None else _swot(theme),
                    old.problems if old is not None else _problems(theme),
                )
            )
        return tuple(views)

    def _theme_records(self, event: Event) -> WallState:
        """After a SWOT item or problem changed: only its theme's list of them made again
        (the one item, when its fields changed)."""
        state = self.state
        kind = Kind.SWOT if getattr(event, "kind", None) is Kind.SWOT else Kind.PROBLEM
        if isinstance(event, events.FieldsChanged):
            try:
                theme, record = self.document.in_theme(kind, event.id)
            except WorkshopError:
                return self._replace(themes=self._themes())
        else:
            container_id = getattr(event, "container_id", 0)
            try:
                theme, record = self.document.theme(container_id), None
            except WorkshopError:
                return self._replace(themes=self._themes())
        themes = list(state.themes)
        for position, view in enumerate(themes):
            if view.id != theme.id:
                continue
            if kind is Kind.SWOT:
                swot = _patched(view.swot, _swot_view(record)) if record is not None else None
                new = replace(view, swot=swot if swot is not None else _swot(theme))
            else:
                problems = (
                    _patched(view.problems, _problem_view(record)) if record is not None else None
                )
                new = replace(view, problems=problems if problems is not None else _problems(theme))
            if new == view:
                return state
            themes[position] = new
            return self._replace(themes=tuple(themes))
        return self._replace(themes=self._themes())

    def _tasks(self) -> tuple[TaskView, ...]:
        return tuple(TaskView(t.id, t.text, t.due, t.done) for t in self.data.tasks)

    def _patched_tasks(self, tasks: tuple[TaskView, ...], task_id: int) -> tuple[TaskView, ...]:
        """``tasks`` with one task's view made afresh (all of them when it is not found)."""
        for position, view in enumerate(tasks):
            if view.id == task_id:
                try:
                    task = self.document.task(task_id)
                except WorkshopError:
                    break
                new = TaskView(task.id, task.text, task.due, task.done)
                if new == view:
                    return tasks
                return (*tasks[:position], new, *tasks[position + 1 :])
        return self._tasks()

    def _label(self, node: Node, names: dict[int, str]) -> str:
        chosen = [names[i] for i in node.theme_ids if i in names]
        return " + ".join(chosen) if chosen else self.block_label

    def _outline(self) -> Outline:
        names = {theme.id: theme.name for theme in self.data.themes}
        root = self.data.root
        return Outline(tuple(self._rows(_seeds(root, 0, len(root.children), 1, False, 0), names)))

    def _rows(self, stack: list[_Seed], names: dict[int, str]) -> Iterator[Row]:
        """The rows of the branches on ``stack`` (its last item first), in document order.

        Iterative, since trees can be deep; both the whole outline and a spliced-in branch
        are made here, so the two cannot disagree.
        """
        is_collapsed = self.is_collapsed
        while stack:
            node, depth, hidden, block_id, previous_id = stack.pop()
            children = node.children
            collapsed = bool(children) and is_collapsed(node.id)
            is_block = depth == 1
            yield Row(
                node.id,
                node.parent.id if node.parent is not None else 0,
                depth,
                self._label(node, names) if is_block else node.text,
                0 if is_block else node.votes,
                is_block,
                block_id,
                tuple(node.theme_ids) if is_block else (),
                bool(children),
                collapsed,
                hidden,
                sum(1 for _ in node.walk()) - 1 if collapsed and not hidden else 0,
                previous_id,
            )
            if children:
                stack.extend(
                    _seeds(node, 0, len(children), depth + 1, hidden or collapsed, block_id)
                )

    # --- changes ----------------------------------------------------------------------------

    def apply(self, event: Event) -> WallState:
        """The snapshot after ``event`` (the document's data has already changed)."""
        state = self.state
        if isinstance(event, events.FieldsChanged):
            fields = event.fields
            if event.kind is Kind.NODE:
                if not fields & _NODE_FIELDS:
                    return state
                outline = self._patched(state.outline, event.id)
                if outline is None:
                    outline = self._outline()
                return self._replace(outline=outline)
            if event.kind is Kind.THEME:
                if not fields & _THEME_FIELDS:
                    return state
                themes = self._themes(state.themes)
                if "name" in fields:  # block labels name themes
                    return self._replace(themes=themes, outline=self._outline())
                return self._replace(themes=themes)
            if event.kind is Kind.REMARK:
                return self._replace(themes=self._themes(state.themes))
            if event.kind is Kind.SWOT:
                return self._theme_records(event) if fields & _SWOT_FIELDS else state
            if event.kind is Kind.PROBLEM:
                return self._theme_records(event) if fields & _PROBLEM_FIELDS else state
            if event.kind is Kind.ATTENDEE:
                return self._replace(title=self._title())
            if event.kind is Kind.DETAILS:
                if not fields & _TITLE_FIELDS:
                    return state
                return self._replace(title=self._title())
            if event.kind is Kind.TASK:
                if not fields & _TASK_FIELDS:
                    return state
                tasks = self._patched_tasks(state.tasks, event.id)
                return state if tasks is state.tasks else self._replace(tasks=tasks)
            return state
        if isinstance(event, (events.RecordsInserted, events.RecordsRemoved, events.RecordMoved)):
            if event.kind is Kind.ATTENDEE:
                return self._replace(title=self._title())
            if event.kind is Kind.REMARK:
                return self._replace(themes=self._themes(state.themes))
            if event.kind in (Kind.SWOT, Kind.PROBLEM):
                return self._theme_records(event)
            if event.kind is Kind.THEME:
                return self._replace(themes=self._themes(), outline=self._outline())
            if event.kind is Kind.TASK:
                return self._replace(tasks=self._tasks())
            return state
        if isinstance(event, (NodesInserted, NodesRemoved, NodeMoved)):
            outline = self._restructured(state.outline, event)
            return self._replace(outline=outline if outline is not None else self._outline())
        return self.rebuild()  # Reset, or anything new

    def refresh_outline(self) -> WallState:
        """After the facilitator collapsed or expanded a branch."""
        return self._replace(outline=self._outline())

    def _patched(self, outline: Outline, node_id: int) -> Outline | None:
        position = outline.index.get(node_id)
        if position is None:
            return None
        row = outline.rows[position]
        try:
            node = self.document.node(node_id)
        except WorkshopError:
            return None
        if row.is_block:
            names = {theme.id: theme.name for theme in self.data.themes}
            new = row._replace(text=self._label(node, names), theme_ids=tuple(node.theme_ids))
        else:
            new = row._replace(text=node.text, votes=node.votes)
        return outline if new == row else outline.with_row(position, new)

    # --- structural changes, spliced into the last outline ------------------------------------
    #
    # A move, insertion or removal changes the rows of the branches concerned, plus a few rows
    # around them: the parents (has_children, collapsed), the next siblings (previous_id) and
    # the collapsed ancestors (hidden_count). Everything else is kept, so that moving a branch
    # costs its own size, not the tree's. Each step answers None when the outline does not
    # look like the tree before the event (then the caller walks the whole tree).

    def _restructured(
        self, outline: Outline, event: NodesInserted | NodesRemoved | NodeMoved
    ) -> Outline | None:
        """The outline after a structural event, or None when only a full walk will do."""
        nodes = self.document.node_index
        parent = nodes.get(event.old_parent_id if isinstance(event, NodeMoved) else event.parent_id)
        if parent is None or not outline.rows:
            return None
        if isinstance(event, NodeMoved):
            return self._moved(outline, event, parent)
        if isinstance(event, NodesInserted):
            return self._inserted(outline, event, parent)
        return self._removed(outline, event, parent)

    def _branch_rows(
        self, parent: Node, first: int, stop: int, outline: Outline
    ) -> list[Row] | None:
        """Fresh rows of ``parent``'s children ``first``…``stop - 1`` and their branches, made
        against the parent's row in ``outline`` (None: the parent has no row there)."""
        names = {theme.id: theme.name for theme in self.data.themes}
        if parent.parent is None:  # blocks: each is its own block, and nothing hides them
            return list(self._rows(_seeds(parent, first, stop, 1, False, 0), names))
        position = outline.index.get(parent.id)
        if position is None:
            return None
        above = outline.rows[position]
        # The parent's collapsed state as it is now: it may just have got its first child.
        hidden = above.hidden or self.is_collapsed(parent.id)
        stack = _seeds(parent, first, stop, above.depth + 1, hidden, above.block_id)
        return list(self._rows(stack, names))

    def _moved(self, outline: Outline, event: NodeMoved, old_parent: Node) -> Outline | None:
        """The branch's rows made afresh at its new place, cut from the old one."""
        nodes = self.document.node_index
        node, new_parent = nodes.get(event.node_id), nodes.get(event.new_parent_id)
        if (
            node is None
            or new_parent is None
            or node.parent is not new_parent
            or node.position != event.new_row
            or len(outline.rows) != len(nodes) - 1  # every node but the root has a row
        ):
            return None
        rows, index = outline.rows, outline.index
        start = index.get(node.id)
        if start is None:
            return None
        # The new parent's row and its ancestors' are outside the moved branch: their old
        # rows hold what the branch's new rows depend on (depth, hidden, block).
        fresh = self._branch_rows(new_parent, node.position, node.position + 1, outline)
        if fresh is None or not _holds(rows, start, fresh):
            return None
        size = len(fresh)
        following = _following(node)
        if following is None:
            target = len(rows) - size
        else:
            target = index.get(following.id, -1)
            if start <= target < start + size or target < 0:
                return None
            if target > start:
                target -= size  # counted in the outline without the branch
        spliced = _Splice(rows, index)
        spliced.splice(start, size, target, fresh)
        changed = [(ancestor, -size) for ancestor in _line(old_parent)]
        changed += [(ancestor, size) for ancestor in _line(new_parent)]
        if not self._refit(spliced, changed):
            return None
        for parent, row in (
            (old_parent, event.old_row),
            (old_parent, event.old_row + 1),
            (new_parent, event.new_row + 1),
        ):
            spliced.refit_previous(parent, row)
        return spliced.outline()

    def _inserted(self, outline: Outline, event: NodesInserted, parent: Node) -> Outline | None:
        """The new branches' rows put in before the node that follows them."""
        nodes = self.document.node_index
        stop = event.row + event.count
        if stop > len(parent.children):
            return None
        rows, index = outline.rows, outline.index
        fresh = self._branch_rows(parent, event.row, stop, outline)
        if fresh is None or len(rows) + len(fresh) != len(nodes) - 1:
            return None
        if any(row.id in index for row in fresh):
            return None
        following = _following(parent.children[stop - 1])
        target = len(rows) if following is None else index.get(following.id, -1)
        if target < 0:
            return None
        spliced = _Splice(rows, index)
        spliced.splice(target, 0, target, fresh)
        if not self._refit(spliced, [(ancestor, len(fresh)) for ancestor in _line(parent)]):
            return None
        spliced.refit_previous(parent, stop)
        return spliced.outline()

    def _removed(self, outline: Outline, event: NodesRemoved, parent: Node) -> Outline | None:
        """The removed branches' rows cut out (their nodes are gone from the document)."""
        nodes = self.document.node_index
        rows, index = outline.rows, outline.index
        children = parent.children
        following = children[event.row] if event.row < len(children) else _following(parent)
        end = len(rows) if following is None else index.get(following.id, -1)
        if end < 0:
            return None
        # The removed branches are the rows just before ``end`` whose nodes are gone.
        start = end
        while start > 0 and rows[start - 1].id not in nodes:
            start -= 1
        size = end - start
        tops = sum(1 for row in rows[start:end] if row.parent_id == parent.id)
        if size == 0 or tops != event.count or len(rows) - size != len(nodes) - 1:
            return None
        spliced = _Splice(rows, index)
        spliced.splice(start, size, start, [])
        if not self._refit(spliced, [(ancestor, -size) for ancestor in _line(parent)]):
            return None
        spliced.refit_previous(parent, event.row)
        return spliced.outline()

    def _refit(self, spliced: _Splice, changes: list[tuple[Node, int]]) -> bool:
        """Update the rows of branches that gained (+n) or lost (-n) rows: has_children,
        collapsed and hidden_count. False when their collapsed state changed meanwhile."""
        deltas: dict[int, int] = {}
        ancestors: dict[int, Node] = {}
        for node, delta in changes:
            deltas[node.id] = deltas.get(node.id, 0) + delta
            ancestors[node.id] = node
        is_collapsed = self.is_collapsed
        rows, index = spliced.rows, spliced.index
        for node_id, node in ancestors.items():
            position = index.get(node_id)
            if position is None:
                return False
            row = rows[position]
            has_children = bool(node.children)
            collapsed = has_children and is_collapsed(node_id)
            if has_children and row.has_children and collapsed != row.collapsed:
                return False  # collapsed or expanded without refresh_outline(): stale rows
            hidden_count = 0
            if collapsed and not row.hidden:
                # A branch that was not collapsed had no children: it hides what it gained.
                hidden_count = (row.hidden_count if row.collapsed else 0) + deltas[node_id]
            new = row._replace(
                has_children=has_children, collapsed=collapsed, hidden_count=hidden_count
            )
            if new != row:
                rows[position] = new
        return True

    def _replace(self, **changes: object) -> WallState:
        self.state = self._resolved(
            replace(self.state, revision=next(self._revisions), **changes)  # type: ignore[arg-type]
        )
        return self.state

    # --- focus ------------------------------------------------------------------------------

    def set_focus(self, focus: WallFocus) -> WallState:
        if focus == self.state.focus:
            return self.state
        return self._replace(focus=focus)

    def set_votes_revealed(self, revealed: bool) -> WallState:
        """Show the vote counts to the room, or hide them again."""
        if revealed == self.state.votes_revealed:
            return self.state
        return self._replace(votes_revealed=revealed)

    def set_codes_shown(self, shown: bool) -> WallState:
        """Show each activity's code (``3.1.2``) before its text, or stop."""
        if shown == self.state.codes_shown:
            return self.state
        return self._replace(codes_shown=shown)

    def _resolved(self, state: WallState) -> WallState:
        """Work out the current theme: the one edited, else the current activity's block's."""
        theme_id = current_theme_id(state, self._last_theme_id)
        self._last_theme_id = theme_id
        if theme_id == state.current_theme_id:
            return state
        return replace(state, current_theme_id=theme_id)


def _swot_view(item: SwotItem) -> SwotView:
    return SwotView(item.id, item.text, item.quadrant, item.votes)


def _problem_view(problem: Problem) -> ProblemView:
    return ProblemView(problem.id, problem.text, problem.votes)


def _swot(theme: Theme) -> tuple[SwotView, ...]:
    return tuple(_swot_view(item) for item in theme.swot)


def _problems(theme: Theme) -> tuple[ProblemView, ...]:
    return tuple(_problem_view(problem) for problem in theme.problems)


_View = TypeVar("_View", SwotView, ProblemView)


def _patched(views: tuple[_View, ...], new: _View) -> tuple[_View, ...] | None:
    """``views`` with the one of ``new``'s id replaced (None: it is not among them)."""
    for position, view in enumerate(views):
        if view.id == new.id:
            if view == new:
                return views
            return views[:position] + (new,) + views[position + 1 :]  # noqa: RUF005 (mypy)
    return None


# (node, depth, hidden, block id, previous sibling's id): a branch still to be flattened.
_Seed = tuple[Node, int, bool, int, int]


def _seeds(
    parent: Node, first: int, stop: int, depth: int, hidden: bool, block_id: int
) -> list[_Seed]:
    """Stack items for ``parent``'s children ``first``…``stop - 1``, the first one on top.

    ``block_id`` 0 stands for the root's children: each block is its own block.
    """
    children = parent.children
    return [
        (
            children[position],
            depth,
            hidden,
            block_id or children[position].id,
            children[position - 1].id if position else 0,
        )
        for position in range(stop - 1, first - 1, -1)
    ]


def _following(node: Node) -> Node | None:
    """The node after ``node``'s branch in document order (None: the branch ends the tree)."""
    while node.parent is not None:
        siblings = node.parent.children
        if node.position + 1 < len(siblings):
            return siblings[node.position + 1]
        node = node.parent
    return None


def _line(node: Node) -> Iterator[Node]:
    """``node`` and its ancestors, the root (which has no row) excluded."""
    while node.parent is not None:
        yield node
        node = node.parent


def _holds(rows: tuple[Row, ...], start: int, branch: list[Row]) -> bool:
    """Whether ``rows`` hold the nodes of ``branch`` from ``start``, in the same order."""
    stop = start + len(branch)
    if stop > len(rows):
        return False
    return all(old.id == new.id for old, new in zip(rows[start:stop], branch, strict=True))


class _Splice:
    """A copy of an outline's rows and index being changed: slices cut out and put in."""

    def __init__(self, rows: tuple[Row, ...], index: dict[int, int]) -> None:
        self.rows = list(rows)
        self.index = dict(index)  # the old outline keeps its own (a frozen wall shows it)

    def splice(self, start: int, size: int, target: int, branch: list[Row]) -> None:
        """Cut ``size`` rows from ``start``, then put ``branch`` at ``target`` (a position in
        the rows left after the cut)."""
        rows, index = self.rows, self.index
        for row in rows[start : start + size]:
            del index[row.id]
        del rows[start : start + size]
        rows[target:target] = branch
        # Only the rows between the two places moved, unless the outline grew or shrank.
        low = min(start, target)
        high = max(start, target) + size if size == len(branch) else len(rows)
        for position in range(low, high):
            index[rows[position].id] = position

    def refit_previous(self, parent: Node, child: int) -> None:
        """Give ``parent``'s child number ``child`` (if any) its previous sibling's id."""
        children = parent.children
        if child >= len(children):
            return
        position = self.index.get(children[child].id)
        if position is None:
            return
        row = self.rows[position]
        previous_id = children[child - 1].id if child else 0
        if row.previous_id != previous_id:
            self.rows[position] = row._replace(previous_id=previous_id)

    def outline(self) -> Outline:
        return Outline(tuple(self.rows), self.index)


def current_theme_id(state: WallState, last: int | None) -> int | None:
    known = {theme.id for theme in state.themes}
    focus = state.focus
    if focus.theme_id in known:
        return focus.theme_id
    outline = state.outline
    if focus.node_id is not None and focus.node_id in outline.index:
        row = outline.rows[outline.index[focus.node_id]]
        block = outline.rows[outline.index[row.block_id]] if row.block_id in outline.index else row
        for theme_id in block.theme_ids:
            if theme_id in known:
                return theme_id
    if last in known:
        return last
    return state.themes[0].id if state.themes else None

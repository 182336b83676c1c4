"""The Analysis section: the group's first meeting, a SWOT and the problems of each theme.

The themes on the left (as in the Vision section: F2 renames, Alt+Up/Down or a drag
reorders); for the selected theme its four quadrants, strengths and weaknesses (inside the
region) above opportunities and threats (outside it), and its problems beside them. Each
list has a line under it where the next item is typed (Alt + the list's letter goes there):
Enter adds it and leaves the line ready for the next; Up goes into the list.

In a list: Enter or F2 edits an item, Delete removes it, Alt+Up/Down reorders, Ctrl+arrow
moves a SWOT item to the neighbouring quadrant, + and − count its dot votes, Ctrl+V pastes
a typed or bulleted list as items, Ctrl+Shift+N edits its note, Ctrl+Shift+P makes a
problem of it, and on a problem Ctrl+Shift+L picks the items it comes from. A SWOT item
dragged to another place, quadrant or theme moves there; dropped on a problem it becomes
one of that problem's sources. Every change is one undo step, in the file at once.

A later meeting's file (made by File ▸ Next meeting) keeps the previous meeting's analysis
for reference: it shows read-only until the facilitator chooses to edit it anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.sections.analysis.capture import CaptureList
from facilitator_app.gui.sections.analysis.models import (
    AnalysisThemesModel,
    ProblemsModel,
    QuadrantModel,
    push_moves,
)
from facilitator_app.gui.sections.analysis.sources_dialog import SourcesDialog
from facilitator_app.gui.sections.vision.look import select_theme, set_up_theme_list
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.gui.widgets.record_toolbar import make_action
from facilitator_app.gui.widgets.section_page import SectionPage
from facilitator_app.workshop.events import Event, FieldsChanged, Kind, Reset, Stage
from facilitator_app.workshop.model import Problem, Quadrant, SwotItem, Theme
from facilitator_app.workshop.operations import (
    Batch,
    InsertRecord,
    MoveRecord,
    Operation,
    RemoveRecord,
    SetFields,
    swot_moves,
)
from facilitator_app.workshop.outline_text import parse_outline

QUADRANTS = tuple(Quadrant)  # in the grid's order: row by row, two to a row
# Ctrl+arrow: the quadrant a step away in the grid, by (rows, columns).
STEPS = {"left": (0, -1), "right": (0, 1), "up": (-1, 0), "down": (1, 0)}


def neighbour(quadrant: Quadrant, step: tuple[int, int]) -> Quadrant | None:
    """The quadrant a ``step`` (rows, columns) away from ``quadrant`` in the 2×2 grid."""
    position = QUADRANTS.index(quadrant)
    row, column = position // 2 + step[0], position % 2 + step[1]
    return QUADRANTS[row * 2 + column] if 0 <= row < 2 and 0 <= column < 2 else None


def pasted_lines(text: str) -> list[str]:
    """A typed or bulleted list as one item per line (indentation and bullets dropped)."""
    lines: list[str] = []
    stack = list(reversed(parse_outline(text)))
    while stack:
        item = stack.pop()
        lines.append(" ".join(item.text.split()))
        stack.extend(reversed(item.children))
    return [line for line in lines if line]


class AnalysisPage(SectionPage):
    """The Analysis tab; its actions (with their shortcuts) are in ``actions_`` for a menu."""

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("analysisPage")
        self.theme_id: int | None = None
        self.unlocked = False  # a previous meeting's analysis edited anyway
        self.actions_: list[QAction] = []
        self.themes = AnalysisThemesModel(session, self)
        self.quadrant_models = {q: QuadrantModel(session, q, self) for q in QUADRANTS}
        self.problems = ProblemsModel(session, self)
        self._build()
        self._make_actions()
        self.last_list: CaptureList = self.lists[0]
        # A view: it hears of a change after the item models have finished their row changes.
        listen(self.document, self, Stage.VIEWS)
        if self.themes.rowCount():
            self.select_theme(self.themes.themes[0].id)
        else:
            self._show_theme(None)
        self._apply_read_only()

    # --- construction --------------------------------------------------------------------

    def quadrant_titles(self) -> dict[Quadrant, str]:
        return {
            Quadrant.STRENGTHS: self.tr("&Strengths"),
            Quadrant.WEAKNESSES: self.tr("&Weaknesses"),
            Quadrant.OPPORTUNITIES: self.tr("&Opportunities"),
            Quadrant.THREATS: self.tr("&Threats"),
        }

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.banner = QWidget(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.edit_anyway = QPushButton(self.tr("Edit an&yway"), self.banner)
        self.edit_anyway.setAccessibleName(self.tr("Edit the previous meeting's analysis"))
        self.edit_anyway.clicked.connect(self.unlock)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.edit_anyway)
        self.banner.setStyleSheet("background: palette(alternate-base);")
        layout.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.themeList = QListView(splitter)
        self.themeList.setObjectName("analysisThemeList")
        self.themeList.setAccessibleName(self.tr("Themes"))
        set_up_theme_list(self.themeList, self.themes)
        self.themeList.setItemDelegate(LiveTextDelegate(self.session, self.themeList))
        self.themeList.selectionModel().currentChanged.connect(self._current_theme_changed)
        # Enter on a theme goes to its first quadrant's typing line.
        self.themeList.activated.connect(lambda _index: self.lists[0].line.setFocus())

        self.detail = QStackedWidget(splitter)
        self.empty = QLabel(
            self.tr("No themes yet. Add them in the Vision section (Ctrl+3), then come back."),
            self.detail,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.detail.addWidget(self.empty)
        theme_page = QWidget(self.detail)
        theme_layout = QVBoxLayout(theme_page)
        theme_layout.setContentsMargins(6, 0, 0, 0)
        self.theme_title = QLabel(theme_page)
        font = self.theme_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.theme_title.setFont(font)
        theme_layout.addWidget(self.theme_title)
        lists = QHBoxLayout()
        grid = QGridLayout()
        grid.setSpacing(10)
        titles = self.quadrant_titles()
        placeholders = {
            Quadrant.STRENGTHS: (
                self.tr("New strength…"),
                self.tr("New strength: type it, Enter adds it"),
            ),
            Quadrant.WEAKNESSES: (
                self.tr("New weakness…"),
                self.tr("New weakness: type it, Enter adds it"),
            ),
            Quadrant.OPPORTUNITIES: (
                self.tr("New opportunity…"),
                self.tr("New opportunity: type it, Enter adds it"),
            ),
            Quadrant.THREATS: (
                self.tr("New threat…"),
                self.tr("New threat: type it, Enter adds it"),
            ),
        }
        self.quadrant_lists: dict[Quadrant, CaptureList] = {}
        for number, quadrant in enumerate(QUADRANTS):
            capture = CaptureList(
                titles[quadrant],
                placeholders[quadrant],
                self.quadrant_models[quadrant],
                self.session,
                lambda text, q=quadrant: self._new_swot_item(q, text),
                theme_page,
            )
            capture.setObjectName(f"quadrant-{quadrant.value}")
            self.quadrant_lists[quadrant] = capture
            grid.addWidget(capture, number // 2, number % 2)
        self.problems_list = CaptureList(
            self.tr("&Problems"),
            (self.tr("New problem…"), self.tr("New problem: type it, Enter adds it")),
            self.problems,
            self.session,
            self._new_problem,
            theme_page,
        )
        self.problems_list.setObjectName("problems")
        lists.addLayout(grid, 2)
        lists.addWidget(self.problems_list, 1)
        theme_layout.addLayout(lists, 1)
        self.detail.addWidget(theme_page)
        self.theme_page = theme_page
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1000])
        layout.addWidget(splitter, 1)

        self.lists = [*self.quadrant_lists.values(), self.problems_list]
        for capture in self.lists:
            capture.view.installEventFilter(self)
            capture.line.installEventFilter(self)
            capture.view.selectionModel().currentChanged.connect(self._report_focus)
            capture.entry.typing_changed.connect(lambda _id: self._report_focus())
            capture.entry.finished.connect(lambda record_id, c=capture: c.select(record_id))

    def _make_actions(self) -> None:
        views = [capture.view for capture in self.lists]
        quadrant_views = [self.quadrant_lists[q].view for q in QUADRANTS]

        def action(
            text: str,
            meaning: str,
            slot: Callable[[], object],
            keys: list[str | QKeySequence.StandardKey],
            widgets: list[QListView] = views,
        ) -> QAction:
            made = make_action(
                self, text, meaning, slot, keys, widget=widgets[0], actions=self.actions_
            )
            for widget in widgets[1:]:  # one action, its keys in each of these lists
                widget.addAction(made)
            return made

        self.add_action = action(self.tr("Add an item"), "add", self.add_item, ["Insert"])
        self.remove_action = action(self.tr("Remove"), "remove", self.remove_item, ["Delete"])
        self.up_action = action(self.tr("Move up"), "up", lambda: self.move_in_list(-1), ["Alt+Up"])
        self.down_action = action(
            self.tr("Move down"), "down", lambda: self.move_in_list(1), ["Alt+Down"]
        )
        self.quadrant_actions = [
            action(
                text,
                "quadrant",
                lambda s=STEPS[name]: self.move_to_quadrant(s),
                [keys],
                quadrant_views,
            )
            for name, text, keys in (
                ("left", self.tr("Move to the quadrant on the left"), "Ctrl+Left"),
                ("right", self.tr("Move to the quadrant on the right"), "Ctrl+Right"),
                ("up", self.tr("Move to the quadrant above"), "Ctrl+Up"),
                ("down", self.tr("Move to the quadrant below"), "Ctrl+Down"),
            )
        ]
        self.vote_up_action = action(
            self.tr("Add a vote"), "vote-up", lambda: self.vote(1), ["+", "="]
        )
        self.vote_down_action = action(
            self.tr("Remove a vote"), "vote-down", lambda: self.vote(-1), ["-"]
        )
        self.note_action = action(
            self.tr("Edit the note…"), "note", self.edit_note, ["Ctrl+Shift+N"], quadrant_views
        )
        self.problem_action = action(
            self.tr("Make a problem of this item"),
            "problem",
            self.problem_from_item,
            ["Ctrl+Shift+P"],
            quadrant_views,
        )
        self.sources_action = action(
            self.tr("What the problem comes from…"),
            "sources",
            self.choose_sources,
            ["Ctrl+Shift+L"],
            [self.problems_list.view],
        )
        self.copy_action = action(
            self.tr("Copy"), "copy", self.copy_items, [QKeySequence.StandardKey.Copy]
        )
        self.paste_action = action(
            self.tr("Paste as items"),
            "paste",
            self.paste_items,
            [QKeySequence.StandardKey.Paste],
        )

    # --- the themes --------------------------------------------------------------------------

    def current_theme(self) -> Theme | None:
        return self.themes.theme_for(self.themeList.currentIndex())

    def select_theme(self, theme_id: int) -> None:
        select_theme(self.themeList, self.themes, theme_id)

    def _current_theme_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        theme = self.themes.theme_for(current)
        self._show_theme(theme.id if theme is not None else None)

    def _show_theme(self, theme_id: int | None) -> None:
        for capture in self.lists:
            capture.entry.finish()
        self.theme_id = theme_id
        for model in (*self.quadrant_models.values(), self.problems):
            model.set_theme(theme_id)
        self.detail.setCurrentWidget(self.theme_page if theme_id is not None else self.empty)
        self._update_title()
        self._update_actions()
        self._report_focus()

    def _update_title(self) -> None:
        theme = self.themes.theme_for(self.themes.index_of(self.theme_id or 0))
        self.theme_title.setText(theme.name if theme is not None else "")

    # --- a previous meeting's analysis --------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.document.data.details.previous_meeting is not None and not self.unlocked

    def unlock(self) -> None:
        """Edit a previous meeting's analysis after all (for this window's session)."""
        self.unlocked = True
        self._apply_read_only()
        self.last_list.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_read_only(self) -> None:
        locked = self.read_only
        previous = self.document.data.details.previous_meeting
        self.banner.setVisible(locked)
        if previous is not None:
            shown = QLocale().toString(
                QDate(previous.year, previous.month, previous.day), QLocale.FormatType.ShortFormat
            )
            self.banner_text.setText(
                self.tr(
                    "The SWOT and problems of the previous meeting (%1), kept for reference. "
                    "They are not edited here unless you choose to."
                ).replace("%1", shown)
            )
        for model in (*self.quadrant_models.values(), self.problems):
            model.set_read_only(locked)
        for capture in self.lists:
            capture.line.setEnabled(not locked)
        self._update_actions()

    # --- what the actions act on ----------------------------------------------------------

    def _current(self) -> tuple[CaptureList, SwotItem | Problem] | None:
        """The list last worked in and its current item, if any."""
        capture = self.last_list
        record = capture.model.record_for(capture.view.currentIndex())
        return None if record is None else (capture, record)

    def _current_swot(self) -> tuple[Quadrant, SwotItem] | None:
        current = self._current()
        if current is None or current[0] is self.problems_list:
            return None
        item = current[1]
        assert isinstance(item, SwotItem)
        return item.quadrant, item

    def _update_actions(self) -> None:
        editable = self.theme_id is not None and not self.read_only
        for action in self.actions_:
            action.setEnabled(editable)
        self.copy_action.setEnabled(self.theme_id is not None)

    def _theme(self) -> Theme | None:
        return None if self.theme_id is None else self.document.theme(self.theme_id)

    # --- adding ------------------------------------------------------------------------------

    def _swot_position(self, theme: Theme, quadrant: Quadrant) -> int:
        """Where an item added to ``quadrant`` goes in the theme's list: after its last item."""
        last = [n for n, item in enumerate(theme.swot) if item.quadrant is quadrant]
        return last[-1] + 1 if last else len(theme.swot)

    def _new_swot_item(self, quadrant: Quadrant, text: str) -> tuple[InsertRecord, str] | None:
        theme = self._theme()
        if theme is None or self.read_only:
            return None
        item = SwotItem(self.document.new_id(Kind.SWOT), text, quadrant)
        position = self._swot_position(theme, quadrant)
        return InsertRecord(Kind.SWOT, theme.id, position, item), self.tr("Add a SWOT item")

    def _new_problem(
        self, text: str, sources: list[int] | None = None
    ) -> tuple[InsertRecord, str] | None:
        theme = self._theme()
        if theme is None or self.read_only:
            return None
        problem = Problem(self.document.new_id(Kind.PROBLEM), text, sources=sources or [])
        return InsertRecord(Kind.PROBLEM, theme.id, len(theme.problems), problem), self.tr(
            "Add a problem"
        )

    def add_item(self) -> None:
        """Insert: to the typing line of the list worked in."""
        self.last_list.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def paste_items(self, text: str | None = None) -> bool:
        """A typed or bulleted list (the clipboard's) as items of the list worked in, after
        its last: one undo step."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        lines = pasted_lines(text)
        theme = self._theme()
        if theme is None or not lines or self.read_only:
            return False
        capture = self.last_list
        operations: list[Operation] = []
        if capture is self.problems_list:
            for offset, line in enumerate(lines):
                problem = Problem(self.document.new_id(Kind.PROBLEM), line)
                operations.append(
                    InsertRecord(Kind.PROBLEM, theme.id, len(theme.problems) + offset, problem)
                )
        else:
            quadrant = next(q for q, c in self.quadrant_lists.items() if c is capture)
            start = self._swot_position(theme, quadrant)
            for offset, line in enumerate(lines):
                item = SwotItem(self.document.new_id(Kind.SWOT), line, quadrant)
                operations.append(InsertRecord(Kind.SWOT, theme.id, start + offset, item))
        last_id = operations[-1].record.id  # type: ignore[attr-defined]
        text = (
            self.tr("Paste %n items", "", len(lines))
            if len(lines) > 1
            else self.tr("Paste an item")
        )
        if not self.session.push(Batch(tuple(operations)), text):
            return False
        capture.select(last_id)
        return True

    def copy_items(self) -> None:
        current = self._current()
        if current is not None:
            QGuiApplication.clipboard().setText(current[1].text)

    # --- changing the current item ----------------------------------------------------------

    def remove_item(self) -> None:
        current = self._current()
        if current is None:
            return
        capture, record = current
        row = capture.view.currentIndex().row()
        kind = Kind.PROBLEM if capture is self.problems_list else Kind.SWOT
        text = (
            self.tr("Remove a problem") if kind is Kind.PROBLEM else self.tr("Remove a SWOT item")
        )
        if self.session.push(RemoveRecord(kind, record.id), text):
            left = capture.model.rowCount()
            if left:
                capture.view.setCurrentIndex(capture.model.index(min(row, left - 1)))

    def move_in_list(self, step: int) -> None:
        """Alt+Up / Alt+Down: the current item one place up or down in its list."""
        current = self._current()
        theme = self._theme()
        if current is None or theme is None:
            return
        capture, record = current
        records = capture.model.records
        row = capture.model.row_of(record.id)
        target = row + step
        if not 0 <= target < len(records):
            return
        text = self.tr("Move up") if step < 0 else self.tr("Move down")
        if capture is self.problems_list:
            self.session.push(MoveRecord(Kind.PROBLEM, record.id, target), text)
        else:
            assert isinstance(record, SwotItem)
            # Before the item above, or before the one after the item below (or last).
            anchor = (
                records[target].id
                if step < 0
                else (records[target + 1].id if target + 1 < len(records) else None)
            )
            push_moves(
                self.session, swot_moves(theme, [(record.id, record.quadrant)], anchor), text
            )
        capture.select(record.id)

    def move_to_quadrant(self, step: tuple[int, int]) -> None:
        """Ctrl+arrow: the current SWOT item into the neighbouring quadrant, after its last."""
        current = self._current_swot()
        theme = self._theme()
        if current is None or theme is None:
            return
        quadrant, item = current
        target = neighbour(quadrant, step)
        if target is None:
            return
        name = self.quadrant_titles()[target].replace("&", "")
        push_moves(
            self.session,
            swot_moves(theme, [(item.id, target)]),
            self.tr("Move a SWOT item to %1").replace("%1", name),
        )
        capture = self.quadrant_lists[target]
        capture.select(item.id)
        capture.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def vote(self, step: int) -> None:
        """+ / −: one dot vote more or less for the current item."""
        current = self._current()
        if current is None:
            return
        capture, record = current
        votes = max(0, record.votes + step)
        if votes == record.votes:
            return
        kind = Kind.PROBLEM if capture is self.problems_list else Kind.SWOT
        text = self.tr("Add a vote") if step > 0 else self.tr("Remove a vote")
        self.session.push(SetFields(kind, record.id, {"votes": votes}), text)

    def ask_note(self, item: SwotItem) -> str | None:
        """The note typed in a dialog, or None when cancelled (tests replace this)."""
        note, accepted = QInputDialog.getText(
            self,
            self.tr("Note"),
            self.tr("Note on “%1”:").replace("%1", item.text),
            QLineEdit.EchoMode.Normal,
            item.note,
        )
        return note if accepted else None

    def edit_note(self) -> None:
        current = self._current_swot()
        if current is None:
            return
        item = current[1]
        note = self.ask_note(item)
        if note is not None and note.strip() != item.note:
            self.session.push(
                SetFields(Kind.SWOT, item.id, {"note": note.strip()}), self.tr("Edit a note")
            )

    def problem_from_item(self) -> None:
        """Ctrl+Shift+P: a new problem worded as the current item, coming from it."""
        current = self._current_swot()
        if current is None:
            return
        item = current[1]
        made = self._new_problem(item.text, [item.id])
        if made is not None and self.session.push(*made):
            self.problems_list.select(made[0].record.id)
            self.problems_list.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.problems_list.view.edit(self.problems_list.view.currentIndex())

    def ask_sources(self, theme: Theme, problem: Problem) -> list[int] | None:
        """The SWOT items ticked in a dialog, or None when cancelled (tests replace this)."""
        names = {q: t.replace("&", "") for q, t in self.quadrant_titles().items()}
        dialog = SourcesDialog(theme, problem, names, self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_sources(self) -> None:
        current = self._current()
        theme = self._theme()
        if current is None or current[0] is not self.problems_list or theme is None:
            return
        problem = current[1]
        assert isinstance(problem, Problem)
        sources = self.ask_sources(theme, problem)
        if sources is not None and sources != problem.sources:
            self.session.push(
                SetFields(Kind.PROBLEM, problem.id, {"sources": sources}),
                self.tr("Choose what a problem comes from"),
            )

    # --- the wall follows -----------------------------------------------------------------

    def _report_focus(self, *_: object) -> None:
        """Tell the wall which theme and item the facilitator is on (while shown)."""
        if not self.isVisible():
            return
        capture = self.last_list
        kind = "problem" if capture is self.problems_list else "swot"
        item_id = capture.entry.record_id
        if item_id is None:
            item_id = capture.current_id()
        self.session.set_focus(
            Focus("analysis", self.theme_id, item_id=item_id, item_kind=kind if item_id else "")
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._report_focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for capture in self.lists:
                if watched in (capture.view, capture.line):
                    self.last_list = capture
                    self._report_focus()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # A list of several lines pasted into a typing line becomes as many items.
            for capture in self.lists:
                if watched is capture.line and event.matches(QKeySequence.StandardKey.Paste):
                    text = QGuiApplication.clipboard().text()
                    if len(pasted_lines(text)) > 1:
                        self.last_list = capture
                        capture.entry.finish()
                        return self.paste_items(text)
        return super().eventFilter(watched, event)

    # --- following the document --------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            ids = [theme.id for theme in self.themes.themes]
            target = self.theme_id if self.theme_id in ids else (ids[0] if ids else None)
            self.unlocked = False
            if target is not None:
                self.select_theme(target)
            self._show_theme(target)
            self._apply_read_only()
            return
        if self.theme_id is not None and not any(t.id == self.theme_id for t in self.themes.themes):
            current = self.current_theme()
            self._show_theme(current.id if current is not None else None)
        elif self.theme_id is None and self.themes.rowCount():
            self.select_theme(self.themes.themes[0].id)
        if isinstance(event, FieldsChanged):
            if event.kind is Kind.THEME and event.id == self.theme_id:
                self._update_title()
            elif event.kind is Kind.DETAILS and "previous_meeting" in event.fields:
                self._apply_read_only()

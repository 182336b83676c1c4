"""The Vision section: the themes, the wording of each theme's vision, its draft and remarks.

The list of themes on the left (add, rename with F2 or a double click, reorder with Alt+Up /
Alt+Down or by dragging, remove with Delete); on the right, for the selected theme, the
wording being edited with the room, the draft presented at the start (kept automatically when
editing begins; a theme's first wording typed from empty is its draft, see vision_text.py) and
the remarks raised on it. A third tab, Changes, compares the draft with the wording word by word
(compare_view.py). Every change is one step on the workshop's undo stack; typing merges into one
step per pause. In the wording, Tab goes to the draft (Shift+Tab back) and Esc to the themes.

Over 500 lines because the page is one class for translation: its actions on themes, remarks
and the wording keep their texts in it. How it looks (look.py), the name dialog
(theme_dialog.py), the models (models.py) and the editors (text_editors.py) are beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.forms.ui_vision_page import Ui_VisionPage
from facilitator_app.gui.sections.vision.compare import CompareView
from facilitator_app.gui.sections.vision.delegates import CompletingDelegate, StatusDelegate
from facilitator_app.gui.sections.vision.look import (
    apply_look,
    select_theme,
    set_up_remarks_table,
    set_up_theme_list,
)
from facilitator_app.gui.sections.vision.models import (
    AUTHOR_COLUMN,
    ORGANIZATION_COLUMN,
    STATUS_COLUMN,
    TEXT_COLUMN,
    RemarksModel,
    ThemeListModel,
)
from facilitator_app.gui.sections.vision.text_editors import (
    TextFieldEditor,
    paragraph_at_line,
    type_vision,
)
from facilitator_app.gui.sections.vision.theme_dialog import ThemeNameDialog
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.gui.widgets.record_toolbar import make_action
from facilitator_app.gui.widgets.section_page import SectionPage
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    RecordsInserted,
    RecordsRemoved,
    Reset,
    Stage,
)
from facilitator_app.workshop.model import Remark, Theme
from facilitator_app.workshop.operations import Batch, InsertRecord, MoveRecord, RemoveRecord

MESSAGE_SECONDS = 8


class VisionPage(SectionPage, Ui_VisionPage):
    """The Vision tab; its actions (with their shortcuts) are in ``actions_`` for a menu."""

    message = Signal(str)

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setupUi(self)
        self.setObjectName("visionPage")
        self.theme_id: int | None = None
        self.actions_: list[QAction] = []

        self.themes = ThemeListModel(session, self)
        self.remarks = RemarksModel(session, self)
        self._setup_theme_list()
        self._setup_editors()
        self._setup_remarks()
        apply_look(self)
        self._make_actions()

        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.show_message(""))
        self.show_message("")
        self.themes.refused.connect(self.show_message)
        # A view: it hears of a change after the item models have finished their row changes.
        listen(self.document, self, Stage.VIEWS)

        if self.themes.rowCount():
            self.select_theme(self.themes.themes[0].id)
        else:
            self._show_theme(None)

    # --- construction --------------------------------------------------------------------

    def _setup_theme_list(self) -> None:
        view = self.themeList
        set_up_theme_list(view, self.themes)
        view.setItemDelegate(LiveTextDelegate(self.session, view))  # a rename is typed live
        view.selectionModel().currentChanged.connect(self._current_theme_changed)
        self.themes.rowsInserted.connect(self._themes_inserted)
        # Enter on a theme goes to its wording (F2 and a double click rename it).
        view.activated.connect(lambda _index: self._focus_editor(self.visionEdit))

    def _setup_editors(self) -> None:
        self.vision_binding = TextFieldEditor(
            self.visionEdit, self.session, "vision", self._vision_edited
        )
        self.draft_binding = TextFieldEditor(
            self.draftEdit, self.session, "draft", self._draft_edited
        )
        for editor in (self.visionEdit, self.draftEdit):
            editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            editor.document().setDocumentMargin(14)
        self.visionEdit.setPlaceholderText(
            self.tr("Write the vision here. Leave a blank line between paragraphs.")
        )
        self.draftEdit.setPlaceholderText(
            self.tr("No draft yet: it is kept automatically when you start editing the wording.")
        )
        self.visionEdit.cursorPositionChanged.connect(self._report_focus)
        self.visionEdit.installEventFilter(self)
        self.draftEdit.installEventFilter(self)
        # A tab's mnemonic (Alt+W, Alt+D) also puts the cursor into its editor.
        self.wordingTabs.tabBar().installEventFilter(self)
        self.wordingTabs.tabBar().setAccessibleName(self.tr("Wording, draft or changes"))
        # The draft and the wording compared word by word, live (Alt+C).
        self.compare_view = CompareView(self.session, self.wordingTabs)
        self.wordingTabs.addTab(self.compare_view, self.tr("&Changes"))
        self.wordingTabs.setTabToolTip(
            2, self.tr("What changed from the draft to the wording, word by word")
        )
        self.wordingTabs.currentChanged.connect(self._tab_changed)

    def _setup_remarks(self) -> None:
        table = self.remarksTable
        set_up_remarks_table(table, self.remarks)
        table.setItemDelegate(LiveTextDelegate(self.session, table))  # the text and response
        self.status_delegate = StatusDelegate(table)
        self.author_delegate = CompletingDelegate(self.session, False, table)
        self.organization_delegate = CompletingDelegate(self.session, True, table)
        table.setItemDelegateForColumn(STATUS_COLUMN, self.status_delegate)
        table.setItemDelegateForColumn(AUTHOR_COLUMN, self.author_delegate)
        table.setItemDelegateForColumn(ORGANIZATION_COLUMN, self.organization_delegate)
        # An empty table says how to fill it.
        self.remarks_placeholder = QLabel(
            self.tr("No remarks on this theme. Add one with Ctrl+Shift+M or Insert."),
            table.viewport(),
        )
        self.remarks_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remarks_placeholder.setWordWrap(True)
        self.remarks_placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.remarks_placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        table.viewport().installEventFilter(self)
        table.selectionModel().selectionChanged.connect(self._update_actions)
        self.remarks.modelReset.connect(self._update_actions)
        self.remarks.rowsInserted.connect(self._update_actions)
        self.remarks.rowsRemoved.connect(self._update_actions)

    def _scoped_action(
        self,
        text: str,
        meaning: str,
        slot: Callable[[], object],
        shortcuts: list[str],
        widget: QWidget,
        button: QToolButton | None = None,
    ) -> QAction:
        """An action whose keys work while ``widget`` (the page: anything in it) has focus."""
        action = make_action(
            self,
            text,
            meaning,
            slot,
            shortcuts,
            widget=widget,
            actions=self.actions_,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            if widget is self
            else Qt.ShortcutContext.WidgetShortcut,
            tooltip=False,
        )
        if button is not None:
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = text.replace("&", "").removesuffix("…")
            button.setToolTip(f"{tip} ({keys})" if keys else tip)
            button.setAccessibleName(tip)
        return action

    def _make_actions(self) -> None:
        self.add_theme_action = self._scoped_action(
            self.tr("Add theme…"),
            "add",
            lambda: self.add_theme(),
            ["Insert"],
            self.themeList,
            self.addThemeButton,
        )
        self.rename_theme_action = self._scoped_action(
            self.tr("Rename theme"),
            "rename",
            self.rename_theme,
            ["F2"],
            self.themeList,
            self.renameThemeButton,
        )
        self.move_theme_up_action = self._scoped_action(
            self.tr("Move theme up"),
            "up",
            lambda: self.move_theme(-1),
            ["Alt+Up"],
            self.themeList,
            self.moveThemeUpButton,
        )
        self.move_theme_down_action = self._scoped_action(
            self.tr("Move theme down"),
            "down",
            lambda: self.move_theme(1),
            ["Alt+Down"],
            self.themeList,
            self.moveThemeDownButton,
        )
        self.remove_theme_action = self._scoped_action(
            self.tr("Remove theme"),
            "remove",
            self.remove_theme,
            ["Delete"],
            self.themeList,
            self.removeThemeButton,
        )
        self.add_remark_action = self._scoped_action(
            self.tr("Add remark"),
            "remark",
            self.add_remark,
            ["Ctrl+Shift+M"],
            self,
            self.addRemarkButton,
        )
        self.remove_remark_action = self._scoped_action(
            self.tr("Remove remark"),
            "remove",
            self.remove_remarks,
            ["Delete"],
            self.remarksTable,
            self.removeRemarkButton,
        )
        self.show_changes_action = self._scoped_action(
            self.tr("Show the changes from the draft"),
            "vision",
            self.show_changes,
            ["Ctrl+Shift+D"],
            self,
        )
        # Insert in the table adds a remark too (the page-wide key works from the editors).
        insert = QAction(self)
        insert.setShortcut(QKeySequence("Insert"))
        insert.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        insert.triggered.connect(self.add_remark)
        self.remarksTable.addAction(insert)
        for button in (self.addThemeButton, self.addRemarkButton, self.removeRemarkButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._update_actions()

    # --- messages ----------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """A short note under the themes (a refused name, what Ctrl+Z brings back)."""
        self.themeMessage.setText(text)
        self.themeMessage.setVisible(bool(text))
        if text:
            self.message.emit(text)
            self._message_timer.start(MESSAGE_SECONDS * 1000)

    # --- the themes --------------------------------------------------------------------------

    def current_theme(self) -> Theme | None:
        return self.themes.theme_for(self.themeList.currentIndex())

    def select_theme(self, theme_id: int) -> None:
        select_theme(self.themeList, self.themes, theme_id)

    def _current_theme_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        theme = self.themes.theme_for(current)
        self._show_theme(theme.id if theme is not None else None)

    def _themes_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        # A new theme, or one brought back by undo: show it.
        self.select_theme(self.themes.themes[first].id)

    def _show_theme(self, theme_id: int | None) -> None:
        self.theme_id = theme_id
        self.vision_binding.set_theme(theme_id)
        self.draft_binding.set_theme(theme_id)
        self.compare_view.set_theme(theme_id)
        self.remarks.set_theme(theme_id)
        self.detailStack.setCurrentWidget(
            self.themePage if theme_id is not None else self.emptyPage
        )
        self._update_title()
        self._update_actions()
        self._report_focus()

    def _update_title(self) -> None:
        if self.theme_id is None:
            self.themeTitle.clear()
            return
        theme = self.document.theme(self.theme_id)
        self.themeTitle.setText(theme.name)
        self.remarksTable.setAccessibleName(self.tr("Remarks on %s") % theme.name)
        self._update_remarks_label()
        self._update_draft_hint()

    def _update_remarks_label(self) -> None:
        count = self.remarks.rowCount()
        self.remarks_placeholder.setVisible(count == 0)
        self.remarksLabel.setText(
            self.tr("Re&marks (%n)", "", count) if count else self.tr("Re&marks")
        )

    def _update_draft_hint(self) -> None:
        if self.theme_id is None:
            return
        if self.document.theme(self.theme_id).draft is None:
            self.draftHint.setText(
                self.tr(
                    "The wording presented at the start of the workshop is kept here "
                    "automatically when you start editing the wording."
                )
            )
        else:
            self.draftHint.setText(
                self.tr(
                    "The wording presented at the start of the workshop, kept when editing "
                    "began. You can correct it here."
                )
            )

    def _update_actions(self, *_: object) -> None:
        has_theme = self.theme_id is not None
        row = self.themeList.currentIndex().row() if has_theme else -1
        count = self.themes.rowCount()
        self.rename_theme_action.setEnabled(has_theme)
        self.remove_theme_action.setEnabled(has_theme)
        self.move_theme_up_action.setEnabled(has_theme and row > 0)
        self.move_theme_down_action.setEnabled(has_theme and 0 <= row < count - 1)
        self.add_remark_action.setEnabled(has_theme)
        self.show_changes_action.setEnabled(has_theme)
        self.remove_remark_action.setEnabled(
            has_theme and bool(self.remarksTable.selectionModel().selectedRows())
        )

    def ask_theme_name(self, title: str, name: str = "", theme_id: int | None = None) -> str | None:
        """The name typed in a dialog, or None when cancelled (tests replace this)."""
        dialog = ThemeNameDialog(
            title, lambda text: self.themes.name_problem(text, theme_id), name, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name()

    def add_theme(self, name: str | None = None) -> bool:
        """Add a theme after the selected one (asking for its name when none is given)."""
        if name is None:
            name = self.ask_theme_name(self.tr("Add theme"))
            if name is None:
                return False
        name = name.strip()
        problem = self.themes.name_problem(name)
        if problem is not None:
            self.show_message(problem)
            return False
        current = self.themeList.currentIndex()
        position = current.row() + 1 if current.isValid() else self.themes.rowCount()
        theme = Theme(self.document.new_id(Kind.THEME), name)
        if not self.session.push(
            InsertRecord(Kind.THEME, 0, position, theme), self.tr("Add theme “%s”") % name
        ):
            return False
        self.show_message("")
        self.select_theme(theme.id)
        self.visionEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def rename_theme(self) -> None:
        index = self.themeList.currentIndex()
        if index.isValid():
            self.themeList.setFocus(Qt.FocusReason.OtherFocusReason)
            self.themeList.edit(index)

    def move_theme(self, step: int) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        row = self.themeList.currentIndex().row()
        target = row + step
        if not 0 <= target < self.themes.rowCount():
            return
        text = self.tr("Move theme up") if step < 0 else self.tr("Move theme down")
        if self.session.push(MoveRecord(Kind.THEME, theme.id, target), text):
            self.select_theme(theme.id)

    def remove_theme(self) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        row = self.themeList.currentIndex().row()
        themes = self.themes.themes
        follower = themes[row + 1] if row + 1 < len(themes) else (themes[row - 1] if row else None)
        if self.session.push(
            RemoveRecord(Kind.THEME, theme.id), self.tr("Remove theme “%s”") % theme.name
        ):
            if follower is not None:
                self.select_theme(follower.id)
            self.show_message(
                self.tr("Removed “%s” with its remarks. Undo (Ctrl+Z) brings it back.") % theme.name
            )

    # --- the wording and the draft -----------------------------------------------------------

    def _vision_edited(self, theme_id: int, text: str) -> None:
        name = self.document.theme(theme_id).name
        if not type_vision(self.session, theme_id, text, self.tr("Edit the vision of “%s”") % name):
            self.vision_binding.refresh()  # refused (a read-only file): show what is stored

    def _draft_edited(self, theme_id: int, text: str) -> None:
        name = self.document.theme(theme_id).name
        if not self.session.set_text(
            Kind.THEME, theme_id, "draft", text, self.tr("Edit the draft of “%s”") % name
        ):
            self.draft_binding.refresh()

    def current_paragraph(self) -> int:
        text = self.visionEdit.toPlainText()
        return paragraph_at_line(text, self.visionEdit.textCursor().blockNumber())

    def _report_focus(self) -> None:
        """Tell the wall what is being edited (only while this page is on screen)."""
        if not self.isVisible():
            return
        if self.theme_id is None:
            self.session.set_focus(Focus("vision"))
            return
        self.session.set_focus(Focus("vision", self.theme_id, self.current_paragraph()))

    def _tab_changed(self, index: int) -> None:
        self._report_focus()

    def _focus_current_editor(self) -> None:
        if self.wordingTabs.currentWidget() is self.compare_view:
            self.show_changes()
            return
        self._focus_editor(
            self.visionEdit if self.wordingTabs.currentIndex() == 0 else self.draftEdit
        )

    def show_changes(self) -> None:
        """The Changes tab, with the keyboard in it (to scroll with the arrows)."""
        if self.theme_id is None:
            return
        self.wordingTabs.setCurrentWidget(self.compare_view)
        self.compare_view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_editor(self, editor: QPlainTextEdit) -> None:
        if self.theme_id is None:
            return
        self.wordingTabs.setCurrentWidget(editor.parentWidget())
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.remarksTable.viewport() and event.type() == QEvent.Type.Resize:
            self.remarks_placeholder.setGeometry(self.remarksTable.viewport().rect())
        elif watched is self.wordingTabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self._focus_current_editor)
        elif watched is self.visionEdit and event.type() == QEvent.Type.FocusIn:
            self._report_focus()
        elif watched in (self.visionEdit, self.draftEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._editor_key(watched, event)
        return super().eventFilter(watched, event)

    def _editor_key(self, editor: QObject, event: QKeyEvent) -> bool:
        """Esc goes back to the theme list; Tab from the wording to the draft, Shift+Tab back."""
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
            self.themeList.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if editor is self.visionEdit and key == Qt.Key.Key_Tab and not modifiers:
            self._focus_editor(self.draftEdit)
            return True
        if editor is self.draftEdit and key == Qt.Key.Key_Backtab:
            self._focus_editor(self.visionEdit)
            return True
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._report_focus()

    # --- remarks -----------------------------------------------------------------------------

    def add_remark(self) -> None:
        if self.theme_id is None:
            return
        theme = self.document.theme(self.theme_id)
        # The format requires a text: start with a placeholder, selected so that typing replaces it.
        remark = Remark(self.document.new_id(Kind.REMARK), self.tr("New remark"))
        if not self.session.push(
            InsertRecord(Kind.REMARK, theme.id, len(theme.remarks), remark),
            self.tr("Add a remark on “%s”") % theme.name,
        ):
            return
        index = self.remarks.index(self.remarks.row_of(remark.id), TEXT_COLUMN)
        self.remarksTable.setCurrentIndex(index)
        self.remarksTable.scrollTo(index)
        self.remarksTable.setFocus(Qt.FocusReason.OtherFocusReason)
        self.remarksTable.edit(index)

    def remove_remarks(self) -> None:
        rows = sorted({i.row() for i in self.remarksTable.selectionModel().selectedRows()})
        if not rows and self.remarksTable.currentIndex().isValid():
            rows = [self.remarksTable.currentIndex().row()]
        remarks = [self.remarks.remarks[row] for row in rows]
        if not remarks:
            return
        operations = tuple(RemoveRecord(Kind.REMARK, r.id) for r in remarks)
        if self.session.push(
            operations[0] if len(operations) == 1 else Batch(operations),
            self.tr("Remove %n remarks", "", len(operations))
            if len(operations) > 1
            else self.tr("Remove a remark"),
        ):
            left = self.remarks.rowCount()
            if left:
                row = min(rows[0], left - 1)
                self.remarksTable.setCurrentIndex(self.remarks.index(row, TEXT_COLUMN))

    # --- following the document --------------------------------------------------------------

    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            # The same theme when the new workshop still has it, else its first theme.
            ids = [theme.id for theme in self.themes.themes]
            target = self.theme_id if self.theme_id in ids else (ids[0] if ids else None)
            if target is not None:
                self.select_theme(target)
            self._show_theme(target)  # reload the editors even when the selection stayed
            return
        if self.theme_id is not None and not any(t.id == self.theme_id for t in self.themes.themes):
            current = self.current_theme()
            self._show_theme(current.id if current is not None else None)
            return
        if isinstance(event, FieldsChanged) and event.kind is Kind.THEME:
            if event.id == self.theme_id:
                if "vision" in event.fields:
                    self.vision_binding.refresh()
                if "draft" in event.fields:
                    self.draft_binding.refresh()
                    self._update_draft_hint()
                if "name" in event.fields:
                    self._update_title()
        elif isinstance(event, RecordsInserted | RecordsRemoved) and event.kind is Kind.REMARK:
            self._update_remarks_label()
        self._update_actions()

"""The projector's controls: its actions and keys, the View ▸ Projector menu, the preview dock
and the status line under the preview.

``ProjectorActions`` is the part of ``ProjectorController`` that makes them; the controller
does what they ask. Their texts keep the controller's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QToolBar, QVBoxLayout, QWidget

from facilitator_app.gui.projector.state import Blanking, Mode
from facilitator_app.gui.projector.wall import WallPreview

translate = QCoreApplication.translate


def _icon(meaning: str) -> QIcon:
    from facilitator_app.gui.core.icons import (
        icon,
    )  # qtawesome needs the QApplication: import when first used

    return icon(meaning)


class ProjectorActions:
    """Makes the projector's actions, menu, dock and status line (a part of the controller)."""

    # --- actions ------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., Any],
        keys: list[str] | None = None,
        meaning: str = "",
        checkable: bool = False,
        tip: str = "",
    ) -> QAction:
        action = QAction(_icon(meaning) if meaning else QIcon(), text, self)
        action.setCheckable(checkable)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
            self._bare_keys.update(QKeySequence(key)[0].key() for key in keys if len(key) == 1)
            # In the facilitator's window (and on the wall, which gets the action too).
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.window.addAction(action)
            self.wall.addAction(action)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _make_actions(self) -> None:
        self.present_action = self._action(
            translate("ProjectorController", "&Present on the wall"),
            self._set_presenting,
            ["F5"],
            "present",
            checkable=True,
            tip=translate(
                "ProjectorController", "Show the wall window on the projector (F5 again hides it)"
            ),
        )
        self.full_screen_action = self._action(
            translate("ProjectorController", "Wall f&ull screen"),
            self._set_full_screen,
            ["Shift+F5"],
            checkable=True,
            tip=translate(
                "ProjectorController",
                "Put the wall full screen on its screen, or back into a window (Shift+F5)",
            ),
        )
        self.leave_full_screen_action = QAction(
            translate("ProjectorController", "&Leave full screen"), self
        )
        self.leave_full_screen_action.setShortcut(QKeySequence("Esc"))
        # Only the wall has it: in the facilitator's window Esc cancels an edit, as always.
        # A window shortcut, so it works whenever the wall is the active window.
        self.leave_full_screen_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.leave_full_screen_action.triggered.connect(self.leave_full_screen)
        self.leave_full_screen_action.setToolTip(
            translate("ProjectorController", "Esc on the wall window; Shift+F5 in this window")
        )
        self.wall.addAction(self.leave_full_screen_action)
        self.next_page_action = self._action(
            translate("ProjectorController", "Ne&xt wall page"),
            lambda: self.turn_page(1),
            ["PgDown"],
            tip=translate(
                "ProjectorController",
                "Show the next page of what does not fit on the wall (Page Down)",
            ),
        )
        self.previous_page_action = self._action(
            translate("ProjectorController", "Previ&ous wall page"),
            lambda: self.turn_page(-1),
            ["PgUp"],
            tip=translate(
                "ProjectorController",
                "Show the previous page of what does not fit on the wall (Page Up)",
            ),
        )
        # Only while presenting: otherwise Page Down/Up stay the facilitator's window's own.
        for action in (self.next_page_action, self.previous_page_action):
            action.setEnabled(False)

        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[Mode, QAction] = {}
        for mode, text, key, meaning in (
            (Mode.TITLE, translate("ProjectorController", "&Title page"), "T", "details"),
            (Mode.VISION, translate("ProjectorController", "&Vision"), "V", "vision"),
            (Mode.THEME, translate("ProjectorController", "&Current theme"), "C", "themes"),
            (Mode.ACTIVITIES, translate("ProjectorController", "&Activities"), "A", "activities"),
            (Mode.REMARKS, translate("ProjectorController", "&Remarks"), "R", "remark"),
            (Mode.RANKING, translate("ProjectorController", "Ran&king by votes"), "G", "ranking"),
            (Mode.TASKS, translate("ProjectorController", "Agree&d tasks"), "D", "tasks"),
            (Mode.SWOT, translate("ProjectorController", "SWOT analysis"), "S", "themes"),
            (Mode.PROBLEMS, translate("ProjectorController", "Problems"), "P", "warning"),
            (Mode.BLANK, translate("ProjectorController", "&Empty page"), "E", "empty"),
        ):
            action = self._action(
                text, lambda _=False, m=mode: self.set_mode(m), [key], meaning, checkable=False
            )
            action.setCheckable(True)
            action.setChecked(mode is self.mode)
            self.mode_group.addAction(action)
            self.mode_actions[mode] = action

        black_tip = translate(
            "ProjectorController",
            "Blank the wall black (B on the wall or its preview; Ctrl+Shift+B anywhere)",
        )
        white_tip = translate(
            "ProjectorController",
            "Blank the wall white (W on the wall or its preview; Ctrl+Shift+W anywhere)",
        )
        blanking_actions = [
            self._action(
                text,
                lambda on, b=blanking: self.set_blanking(b if on else Blanking.NONE),
                keys,
                meaning,
                checkable=True,
                tip=tip,
            )
            for blanking, text, keys, meaning, tip in (
                (
                    Blanking.BLACK,
                    translate("ProjectorController", "&Black wall"),
                    ["B", "Ctrl+Shift+B"],
                    "blank",
                    black_tip,
                ),
                (
                    Blanking.WHITE,
                    translate("ProjectorController", "&White wall"),
                    ["W", "Ctrl+Shift+W"],
                    "white",
                    white_tip,
                ),
            )
        ]
        self.black_action, self.white_action = blanking_actions
        self.freeze_action = self._action(
            translate("ProjectorController", "&Freeze"),
            self._set_frozen,
            ["F", "Ctrl+Shift+F"],
            "freeze",
            checkable=True,
            tip=translate(
                "ProjectorController",
                "Keep showing the wall as it is while you edit; F again on the wall or its "
                "preview (Ctrl+Shift+F anywhere) publishes the changes",
            ),
        )
        self.reveal_votes_action = self._action(
            translate("ProjectorController", "Reveal votes"),
            self.set_votes_revealed,
            ["H", "Ctrl+Shift+H"],
            "vote-up",
            checkable=True,
            tip=translate(
                "ProjectorController",
                "Show the vote counts on the wall (SWOT, problems, activities and the ranking); "
                "hidden whenever a workshop opens (H on the wall or its preview; Ctrl+Shift+H "
                "anywhere)",
            ),
        )
        self.zoom_in_action = self._action(
            translate("ProjectorController", "Wall text lar&ger"),
            lambda: self.zoom_by(1),
            ["Ctrl++", "Ctrl+="],
            "zoom-in",
        )
        self.zoom_out_action = self._action(
            translate("ProjectorController", "Wall text s&maller"),
            lambda: self.zoom_by(-1),
            ["Ctrl+-"],
            "zoom-out",
        )
        self.zoom_reset_action = self._action(
            translate("ProjectorController", "Wall text &normal size"),
            lambda: self.zoom_by(0),
            ["Ctrl+0"],
        )
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (
            ("light", translate("ProjectorController", "&Light")),
            ("dark", translate("ProjectorController", "&Dark")),
            ("contrast", translate("ProjectorController", "&High contrast")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(name == self.renderer.palette.name)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            self.theme_actions[name] = action

    def _make_menu(self) -> None:
        view_menu: QMenu = self.window.menuView  # type: ignore[attr-defined]
        view_menu.addSeparator()
        menu = view_menu.addMenu(_icon("present"), translate("ProjectorController", "&Projector"))
        menu.setObjectName("menuProjector")
        self.menu = menu
        menu.addAction(self.present_action)
        menu.addAction(self.full_screen_action)
        menu.addAction(self.leave_full_screen_action)
        menu.addAction(self.next_page_action)
        menu.addAction(self.previous_page_action)
        self.screen_menu = menu.addMenu(translate("ProjectorController", "Projector &screen"))
        self.screen_menu.setObjectName("menuProjectorScreen")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self._fill_screen_menu()
        menu.addSeparator()
        for action in self.mode_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addActions(self._freeze_and_blank())
        menu.addSeparator()
        menu.addAction(self.zoom_in_action)
        menu.addAction(self.zoom_out_action)
        menu.addAction(self.zoom_reset_action)
        theme_menu = menu.addMenu(translate("ProjectorController", "Wall t&heme"))
        for action in self.theme_actions.values():
            theme_menu.addAction(action)

    def _freeze_and_blank(self) -> list[QAction]:
        return [self.freeze_action, self.black_action, self.white_action, self.reveal_votes_action]

    def _make_dock(self) -> None:
        dock = QDockWidget(translate("ProjectorController", "Wall"), self.window)
        dock.setObjectName("wallPreviewDock")
        dock.setAccessibleName(translate("ProjectorController", "Wall preview and controls"))
        panel = QWidget(dock)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        toolbar = QToolBar(translate("ProjectorController", "Wall modes"), panel)
        toolbar.setObjectName("wallModes")
        toolbar.setAccessibleName(translate("ProjectorController", "Wall modes"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in self.mode_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addActions(self._freeze_and_blank())
        for action in toolbar.actions():  # icon-only buttons: named for screen readers
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        layout.addWidget(toolbar)
        self.preview = WallPreview(self, panel)
        self._preview_timer.timeout.connect(self.preview.update)
        self.preview.activated.connect(self.present_action.trigger)
        layout.addWidget(self.preview)
        self.status_label = QLabel(panel)
        self.status_label.setObjectName("wallStatus")
        self.status_label.setAccessibleName(translate("ProjectorController", "Wall status"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        dock.setWidget(panel)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.dock = dock
        preview_action = dock.toggleViewAction()
        preview_action.setText(translate("ProjectorController", "Wall prev&iew"))
        self.preview_action = preview_action
        self.menu.addSeparator()
        self.menu.addAction(preview_action)

    def _add_to_toolbar(self) -> None:
        toolbar: QToolBar | None = getattr(self.window, "toolBar", None)
        if toolbar is None:
            return
        toolbar.addSeparator()
        toolbar.addAction(self.present_action)
        toolbar.addAction(self.freeze_action)
        toolbar.addAction(self.black_action)

    def _fill_screen_menu(self) -> None:
        menu = self.screen_menu
        menu.clear()
        group = QActionGroup(menu)
        remembered = self.placement.remembered_screen
        automatic = menu.addAction(
            translate("ProjectorController", "&Automatic (a screen other than this window's)")
        )
        automatic.setCheckable(True)
        automatic.setChecked(remembered is None)
        automatic.triggered.connect(lambda: self.choose_screen(None))
        group.addAction(automatic)
        menu.addSeparator()
        for screen in self.placement.screens():
            action = menu.addAction(self.placement.screen_label(screen))
            action.setCheckable(True)
            action.setChecked(screen.name() == remembered)
            name = screen.name()
            action.triggered.connect(lambda _=False, n=name: self.choose_screen(n))
            group.addAction(action)

    @staticmethod
    def _keys(action: QAction) -> list[str]:
        native = QKeySequence.SequenceFormat.NativeText
        return [key.toString(native) for key in action.shortcuts()]

    # --- status ------------------------------------------------------------------------------

    def _update_status(self) -> None:
        parts = []
        if not self.presenting:
            parts.append(translate("ProjectorController", "Not presenting (F5 presents)"))
        elif self.waiting_for_screen:
            parts.append(translate("ProjectorController", "Waiting for the projector to come back"))
        elif self.wall.isVisible():
            screen = self.wall.screen()
            where = self.placement.screen_label(screen) if screen is not None else ""
            if self.wall.isFullScreen():
                parts.append(
                    translate("ProjectorController", "On the wall: full screen on %1").replace(
                        "%1", where
                    )
                )
            else:
                parts.append(
                    translate(
                        "ProjectorController", "On the wall: a window on %1 (Shift+F5: full screen)"
                    ).replace("%1", where)
                )
        if self.blanking is Blanking.BLACK:
            parts.append(translate("ProjectorController", "blanked black (B)"))
        elif self.blanking is Blanking.WHITE:
            parts.append(translate("ProjectorController", "blanked white (W)"))
        if self.reveal_votes_action.isChecked():
            parts.append(translate("ProjectorController", "votes shown (H hides them)"))
        else:
            parts.append(translate("ProjectorController", "votes hidden (H reveals them)"))
        if self.frozen:
            # Name the chorded key: the facilitator is most likely typing when they publish.
            single, *chorded = self._keys(self.freeze_action) or ["F"]
            parts.append(
                translate(
                    "ProjectorController",
                    "frozen: %1 publishes your changes (%2 on the wall or its preview)",
                )
                .replace("%1", chorded[0] if chorded else single)
                .replace("%2", single)
            )
        self.status_label.setText(" · ".join(parts))
        self.wall.setAccessibleDescription(" · ".join(parts))

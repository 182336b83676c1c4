"""What sections add to the whole window beyond their tab: the activities' ranking dock
(View ▸ Ranking by votes) and codes (View ▸ Show activity codes), and the agenda's clock
(F6/F7/F8 from every section, and the status bar's countdown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from facilitator_app.gui.core import settings
from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.sections.registry import BY_NAME

if TYPE_CHECKING:
    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.gui.sections.activities.ranking import RankingPanel
    from facilitator_app.gui.sections.activities.ranking_dock import RankingDock


def add_ranking_dock(window: MainWindow) -> RankingDock:
    """The ranking's dock, hidden, its toggle right after the sections in View and the toolbar."""
    from facilitator_app.gui.sections.activities.ranking_dock import RankingDock

    dock = RankingDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    dock.panel_created.connect(lambda ranking: _connect_ranking(window, ranking))
    toggle = dock.toggle_action
    toggle.setIcon(icon("ranking"))
    for container in (window.menuView, window.toolBar):
        window.insert_action_after(container, window.actionShowActivities, toggle)
    return dock


def add_codes_action(window: MainWindow) -> QAction:
    """View ▸ Show activity codes: checkable, kept in the settings, after the ranking's toggle.

    The activities page follows it once built (``page_created``), the wall's controller from
    when it is made (it reads ``window.codes_action``).
    """
    action = QAction(
        QCoreApplication.translate("MainWindow", "&Show activity codes"), window, checkable=True
    )
    action.setObjectName("actionShowCodes")
    action.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Number the activities in the tree and on the wall: 3.1.2"
        )
    )
    action.setChecked(settings.read(settings.SHOW_ACTIVITY_CODES))
    action.toggled.connect(lambda on: settings.write(settings.SHOW_ACTIVITY_CODES, on))
    window.insert_action_after(window.menuView, window.ranking_dock.toggle_action, action)

    def page_created(name: str, page: object) -> None:
        show = getattr(page, "show_codes", None)
        if name == "activities" and show is not None:
            show(action.isChecked())
            action.toggled.connect(show)

    window.page_created.connect(page_created)
    return action


def _connect_ranking(window: MainWindow, ranking: RankingPanel) -> None:
    ranking.select_activity.connect(lambda node_id: _show_activity(window, node_id))
    ranking.go_to_activity.connect(lambda node_id: _show_activity(window, node_id, go=True))


def _show_activity(window: MainWindow, node_id: int, go: bool = False) -> None:
    """Select an activity in the tree (from the ranking); ``go``: show the tree too."""
    activities = BY_NAME["activities"]
    page = window.page(activities.name)
    page.select(page.model.index_for(page.document.node(node_id)))  # type: ignore[attr-defined]
    if go:
        window.sections.setCurrentWidget(window.pageActivities)
        tree = activities.main_widget_of(page)
        if tree is not None:
            tree.setFocus(Qt.FocusReason.OtherFocusReason)


def attach_agenda_clock(window: MainWindow, session: WorkshopSession) -> None:
    """The agenda's keys as the window's shortcuts, and its clock in the status bar."""
    from facilitator_app.gui.sections.agenda.clock import AgendaControls, StatusClock

    controls = AgendaControls.of(session)
    window.addActions(controls.actions_)  # window shortcuts, whichever section is shown
    controls.message.connect(lambda text: window.statusbar.showMessage(text, 6000))
    if window.status_clock is None:
        window.status_clock = StatusClock(window)
        window.status_clock.clicked.connect(
            lambda: window.sections.setCurrentWidget(window.pageAgenda)
        )
        window.statusbar.addPermanentWidget(window.status_clock)
    window.status_clock.show_clock(controls.clock)


def detach_agenda_clock(window: MainWindow) -> None:
    """Before the workshop closes: the status bar's clock empty, the meeting's clock stopped."""
    if window.status_clock is not None:
        window.status_clock.show_clock(None)
    if window.session is not None:
        from facilitator_app.gui.sections.agenda.clock import MeetingClock

        MeetingClock.of(window.session).stop()

"""The workshop's sections, in their tab order: one entry each, all the window needs of it.

A section's page is named by its module and class and imported on first use: the window
paints its first frame before any page (or the workshop layer under it) is loaded. The tab's
title and accessible name are the container's, in forms/main_window.ui.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the session loads the workshop layer: after the first frame
    from facilitator_app.gui.core.session import WorkshopSession


class Section(NamedTuple):  # not a dataclass: loaded before the first frame, and lighter
    name: str
    module: str  # where the page's class lives
    page_class_name: str
    container: str  # the tab's widget in forms/main_window.ui, which the page goes into
    show_action: str  # View ▸ <section>, in forms/main_window.ui
    icon: str  # the meaning in gui/core/icons.py, on the tab and its action
    # The page's attribute where the keyboard goes when the section opens with a workshop.
    main_widget: str
    # The submenu (Workshop ▸ <section>, or Activities) that lists the page's ``actions_``.
    menu: str | None
    # Whether the page's ``message`` signal goes to the status bar (the attendees show theirs
    # in a footer of their own).
    messages_in_status_bar: bool = True

    # The pages are found by name (imported on first use), so their attributes are looked up
    # here, in one place, and checked for what the window takes them to be.

    def make_page(self, session: WorkshopSession) -> QWidget:
        """The section's page for the session (its module imported now, on first use)."""
        page_class: Callable[[WorkshopSession], object] = getattr(
            importlib.import_module(self.module), self.page_class_name
        )
        page = page_class(session)
        assert isinstance(page, QWidget), self.page_class_name
        return page

    def main_widget_of(self, page: QWidget) -> QWidget | None:
        widget = getattr(page, self.main_widget, None)
        return widget if isinstance(widget, QWidget) else None

    @staticmethod
    def actions_of(page: QWidget) -> list[QAction]:
        """The page's actions (``actions_``), for its menu."""
        actions = getattr(page, "actions_", [])
        return [action for action in actions if isinstance(action, QAction)]

    def messages_of(self, page: QWidget) -> SignalInstance | None:
        """The page's ``message`` signal when its texts go to the status bar."""
        message = getattr(page, "message", None) if self.messages_in_status_bar else None
        return message if isinstance(message, SignalInstance) else None


SECTIONS: tuple[Section, ...] = (
    Section(
        "details",
        "facilitator_app.gui.sections.details.page",
        "DetailsPage",
        container="pageDetails",
        show_action="actionShowDetails",
        icon="details",
        main_widget="titleEdit",
        menu=None,
    ),
    Section(
        "attendees",
        "facilitator_app.gui.sections.attendees.page",
        "AttendeesPage",
        container="pageAttendees",
        show_action="actionShowAttendees",
        icon="attendees",
        main_widget="capture_table",
        menu="menuAttendees",
        messages_in_status_bar=False,
    ),
    Section(
        "analysis",
        "facilitator_app.gui.sections.analysis.page",
        "AnalysisPage",
        container="pageAnalysis",
        show_action="actionShowAnalysis",
        icon="analysis",
        main_widget="themeList",
        menu="menuAnalysis",
    ),
    Section(
        "vision",
        "facilitator_app.gui.sections.vision.page",
        "VisionPage",
        container="pageVision",
        show_action="actionShowVision",
        icon="vision",
        main_widget="themeList",
        menu="menuVision",
    ),
    Section(
        "activities",
        "facilitator_app.gui.sections.activities.page",
        "ActivitiesPage",
        container="pageActivities",
        show_action="actionShowActivities",
        icon="activities",
        main_widget="view",
        menu="menuActivities",
    ),
    Section(
        "agenda",
        "facilitator_app.gui.sections.agenda.page",
        "AgendaPage",
        container="pageAgenda",
        show_action="actionShowAgenda",
        icon="agenda",
        main_widget="capture_table",
        menu="menuAgenda",
    ),
    Section(
        "tasks",
        "facilitator_app.gui.sections.tasks.page",
        "TasksPage",
        container="pageTasks",
        show_action="actionShowTasks",
        icon="tasks",
        main_widget="capture_table",
        menu="menuTasks",
    ),
)
SECTION_NAMES = tuple(section.name for section in SECTIONS)
BY_NAME = {section.name: section for section in SECTIONS}

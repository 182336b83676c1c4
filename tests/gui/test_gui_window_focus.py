"""Where the keyboard goes: after File ▸ New and Open, and which keys the wall takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WINDOW_SIZE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

from facilitator_app.gui.projector.state import Blanking, Mode

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(window_factory, demo_document) -> QMainWindow:
    return window_factory(demo_document, size=WINDOW_SIZE, wall=True, active=True)


def new_workshop(window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )
    window.actionNew.trigger()


def type_into_window(qtbot, window, text: str) -> None:
    """Keys as the window gets them: to whatever has the focus, or to the window itself."""
    for char in text:
        qtbot.keyClick(window.windowHandle(), char)


def test_new_workshop_opens_on_details_with_the_title_to_type_over(
    window, qtbot, monkeypatch, tmp_path
):
    projector = window.projector
    window.show_section(4)  # the activities, its tree focused: as a facilitator leaves it
    window.page("activities").view.setFocus()
    new_workshop(window, monkeypatch, tmp_path / "Porada.workshop")
    assert window.session.path.name == "Porada.workshop"
    details = window.page("details")
    assert window.sections.currentWidget() is window.pageDetails
    qtbot.waitUntil(details.titleEdit.hasFocus)
    assert details.titleEdit.selectedText() == "Porada"  # the file's name, to type over
    type_into_window(qtbot, window, "vbfet")
    assert details.titleEdit.text() == "vbfet"
    assert projector.mode is Mode.ACTIVITIES
    assert projector.blanking is Blanking.NONE
    assert not projector.frozen


def test_the_wall_preview_shows_the_new_workshop_at_once(window, qtbot, monkeypatch, tmp_path):
    projector = window.projector
    assert projector.dock.isVisible()
    demo_wall = projector.render_image()
    demo_preview = projector.preview.grab().toImage()
    new_workshop(window, monkeypatch, tmp_path / "Porada.workshop")
    assert projector.session is window.session
    assert projector.shown.outline.rows == ()  # a new workshop has no activities yet
    # The empty workshop's wall, not the demo's tree (its pages were cached by revision).
    assert projector.render_image() != demo_wall
    assert projector.preview.grab().toImage() != demo_preview


def test_open_leaves_the_focus_in_the_section_shown(window, qtbot, monkeypatch, tmp_path):
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.model import WorkshopData

    data = WorkshopData()
    data.details.title = "Jiná porada"
    Document.create(tmp_path / "other.workshop", data).close()
    window.show_section(1)  # the attendees
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args, **kwargs: (str(tmp_path / "other.workshop"), "")),
    )
    window.actionOpen.trigger()
    assert window.session.path.name == "other.workshop"
    page = window.page("attendees")
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))


def test_wall_letters_never_act_from_the_facilitators_window(window, qtbot):
    projector = window.projector
    window.show_section(4)
    tree = window.page("activities")
    window.activateWindow()
    qtbot.waitActive(window)
    tree.view.setFocus()
    qtbot.waitUntil(tree.view.hasFocus)
    type_into_window(qtbot, window, "tvcargdebwf")
    assert projector.mode is Mode.ACTIVITIES
    assert projector.blanking is Blanking.NONE
    assert not projector.frozen
    tree.view.clearFocus()  # the focus nowhere: the keys go to the window itself
    assert window.focusWidget() is None
    type_into_window(qtbot, window, "vbf")
    assert projector.mode is Mode.ACTIVITIES
    assert projector.blanking is Blanking.NONE
    assert not projector.frozen
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_B, CTRL_SHIFT)  # chorded: window-wide
    assert projector.blanking is Blanking.BLACK
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F, CTRL_SHIFT)
    assert projector.frozen


def test_wall_letters_act_in_the_preview_and_on_the_wall(window, qtbot):
    projector = window.projector
    projector.preview.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(projector.preview.hasFocus)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_V)
    assert projector.mode is Mode.VISION
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_B)
    assert projector.blanking is Blanking.BLACK
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_B)
    assert projector.blanking is Blanking.NONE
    projector.start_presenting()
    wall = projector.wall
    qtbot.waitExposed(wall)
    wall.activateWindow()  # its keys act while it is the active window
    qtbot.waitActive(wall)
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_R)
    assert projector.mode is Mode.REMARKS
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_F)
    assert projector.frozen


def test_the_start_pages_demo_button_leaves_the_focus_in_the_section(qtbot, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from facilitator_app.gui.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitActive(main)
    button = main.findChild(QPushButton, "startDemo")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert main.session is not None
    qtbot.addWidget(main.projector.wall)
    name = ("details", "attendees", "vision", "activities", "agenda", "tasks")[
        main.sections.currentIndex()
    ]
    page = main.page(name)
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    main.close_workshop()

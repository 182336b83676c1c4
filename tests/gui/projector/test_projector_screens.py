"""The wall with two screens: run by tests/gui/projector/test_projector.py in a child process.

The offscreen platform gets its screens from ``QT_QPA_PLATFORM=offscreen:configfile=…``
when the QApplication starts, so these tests only run in a process started that way
(``FACILITATOR_TWO_SCREENS=1``, screens from tests/screens-two.json: "Laptop" 1366×768 at
the left, "Projector" 1920×1080 to its right).
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from facilitator_app.gui.projector.state import Mode

if os.environ.get("FACILITATOR_TWO_SCREENS") != "1":
    pytest.skip(
        "needs two screens: runs in test_projector.py::test_two_screen_behaviour_in_a_child_pytest",
        allow_module_level=True,
    )


def screen(name: str) -> QScreen:
    found = [s for s in QGuiApplication.screens() if s.name() == name]
    assert found, [s.name() for s in QGuiApplication.screens()]
    return found[0]


@pytest.fixture
def window(window_factory, demo_document) -> QMainWindow:
    return window_factory(demo_document, at=(40, 40), size=(1000, 650), wall_mode=Mode.ACTIVITIES)


def test_the_wall_lands_full_screen_on_the_other_screen(projector, window, qtbot):
    assert window.screen().name() == "Laptop"
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(projector.placement_changed):
        projector.present_action.trigger()  # F5
    wall = projector.wall
    assert wall.isVisible()
    assert wall.isFullScreen()
    assert wall.screen().name() == "Projector"
    assert wall.geometry() == screen("Projector").geometry()
    assert projector.wall_size() == QSizeF(1920, 1080)
    qtbot.waitUntil(lambda: wall.paints > 0)
    qtbot.waitUntil(window.isActiveWindow)  # the facilitator keeps the keyboard
    assert not wall.isActiveWindow()


def test_unplugging_the_projector_hides_the_wall_and_replugging_brings_it_back(projector, qtbot):
    projector.start_presenting()
    wall = projector.wall
    projector_screen = screen("Projector")
    with qtbot.waitSignal(projector.placement_changed):
        projector.screen_removed(projector_screen)
    assert not wall.isVisible()  # not on the laptop, where the facilitator works
    assert projector.waiting_for_screen
    projector.screen_removed(screen("Laptop"))  # another screen going changes nothing
    assert not wall.isVisible()
    with qtbot.waitSignal(projector.placement_changed):
        projector.screen_added(projector_screen)
    assert wall.isVisible()
    assert wall.isFullScreen()
    assert wall.screen().name() == "Projector"


def test_removing_the_facilitators_screen_leaves_the_wall(projector, qtbot):
    projector.start_presenting()
    projector.screen_removed(screen("Laptop"))
    assert projector.wall.isVisible()
    assert not projector.waiting_for_screen


def test_the_chosen_screen_is_used_and_remembered_by_name(projector, window, qtbot):
    projector.start_presenting()
    with qtbot.waitSignal(projector.placement_changed):
        projector.choose_screen("Laptop")
    wall = projector.wall
    assert wall.isFullScreen()
    assert wall.screen().name() == "Laptop"
    assert wall.geometry() == screen("Laptop").geometry()
    assert projector.settings.value("projector/screen") == "Laptop"
    projector.screen_menu.aboutToShow.emit()
    checked = [a.text() for a in projector.screen_menu.actions() if a.isChecked()]
    assert checked == ["Built-in screen 1366×768 (this window's)"]
    with qtbot.waitSignal(projector.placement_changed):
        projector.choose_screen(None)  # automatic: a screen other than the facilitator's
    assert wall.screen().name() == "Projector"
    assert wall.isFullScreen()


def test_a_remembered_screen_under_the_facilitators_window_is_not_taken(projector, window):
    projector.settings.setValue("projector/screen", "Laptop")
    projector.start_presenting()
    assert projector.wall.screen().name() == "Projector"


def test_esc_leaves_full_screen_on_the_projector(projector, qtbot):
    projector.start_presenting()
    wall = projector.wall
    wall.activateWindow()
    wall.setFocus()
    qtbot.waitUntil(wall.hasFocus)
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    assert not wall.isFullScreen()
    assert wall.isVisible()
    assert screen("Projector").geometry().contains(wall.geometry())
    assert not projector.full_screen_action.isChecked()
    projector.full_screen_action.trigger()
    assert wall.isFullScreen()
    assert wall.screen().name() == "Projector"


def test_the_wall_shows_what_the_preview_shows(projector, window, qtbot):
    projector.start_presenting()
    wall = projector.wall
    qtbot.waitUntil(lambda: wall.paints > 0)
    grabbed = wall.grab().toImage()
    assert grabbed.size().width() == 1920
    assert grabbed == projector.render_image(QSizeF(1920, 1080)).convertToFormat(grabbed.format())


# --- screens named as a person knows them; the keys on the wall and from the facilitator ---------

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_screens_are_named_by_kind_size_and_place(projector, window, qtbot):
    projector.screen_menu.aboutToShow.emit()
    texts = [a.text() for a in projector.screen_menu.actions() if not a.isSeparator()]
    assert texts[1:] == [
        "Built-in screen 1366×768 (this window's)",
        "Projector 1920×1080 on the right",
    ]
    with qtbot.waitSignal(projector.placement_changed):
        projector.start_presenting()
    assert "On the wall: full screen on Projector 1920×1080 on the right" in (
        projector.status_label.text()
    )


def test_shift_f5_in_the_facilitators_window_leaves_and_retakes_full_screen(
    projector, window, qtbot
):
    window.activateWindow()
    qtbot.waitActive(window)
    projector.start_presenting()
    wall = projector.wall
    assert wall.isFullScreen()
    qtbot.waitUntil(window.isActiveWindow)  # the facilitator keeps the keyboard…
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F5, SHIFT)  # …and has a key for it
    assert not wall.isFullScreen()
    assert wall.isVisible()
    assert screen("Projector").geometry().contains(wall.geometry())
    assert "a window on Projector 1920×1080 on the right" in projector.status_label.text()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F5, SHIFT)
    assert wall.isFullScreen()
    assert wall.screen().name() == "Projector"


def test_esc_works_on_the_wall_as_soon_as_it_is_the_active_window(projector, window, qtbot):
    """No click first: a presenter's remote, or Alt+Tab, makes the wall active, and Esc acts."""
    projector.start_presenting()
    wall = projector.wall
    wall.activateWindow()
    qtbot.waitUntil(wall.isActiveWindow)
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_B)
    assert projector.black_action.isChecked()
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_Escape)
    assert not wall.isFullScreen()


def test_full_screen_over_the_facilitators_window_takes_the_keyboard(projector, window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    projector.start_presenting()
    with qtbot.waitSignal(projector.placement_changed):
        projector.choose_screen("Laptop")  # the wall covers the facilitator's window
    wall = projector.wall
    assert wall.isFullScreen()
    qtbot.waitUntil(wall.isActiveWindow)
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_Escape)
    assert not wall.isFullScreen()


def test_a_facilitators_window_reaching_onto_the_projector_keeps_the_keyboard(
    projector, window, qtbot
):
    window.setGeometry(500, 40, 1000, 650)  # 134 px of it on the projector's screen
    qtbot.waitUntil(lambda: window.geometry().right() > 1366)
    assert window.screen().name() == "Laptop"
    window.activateWindow()
    qtbot.waitActive(window)
    projector.start_presenting()
    assert projector.wall.isFullScreen()
    assert projector.wall.screen().name() == "Projector"
    qtbot.waitUntil(lambda: projector.wall.paints > 0)  # the window system had its turn
    qtbot.waitUntil(window.isActiveWindow)
    assert not projector.wall.isActiveWindow()

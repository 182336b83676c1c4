"""Run by test_gui_real_drag.py under Xvfb: a real mouse drag, made by xdotool, in the real window.

Opens WORKSHOP in the facilitator's window, drags the activity TEXT_FROM onto the activity
TEXT_ONTO with the X server's own mouse, waits for the move to be committed, and exits.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from facilitator_app.gui.app import make_application
from facilitator_app.gui.main_window import MainWindow
from facilitator_app.gui.sections.activities.page import ActivitiesPage


def centre_of(page: ActivitiesPage, text: str) -> QPoint:
    model = page.model
    for node in page.document.data.root.walk():
        if node.text == text:
            index = model.index_for(node)
            page.view.scrollTo(index)
            rect = page.view.visualRect(index)
            # Aim at the text's left part: the row's centre can be far right of the text.
            return page.view.viewport().mapToGlobal(QPoint(rect.left() + 30, rect.center().y()))
    raise SystemExit(f"no activity {text!r}")


def main() -> int:
    workshop, text_from, text_onto = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = make_application()
    window = MainWindow()
    window.resize(1000, 700)
    window.move(0, 0)
    window.show()
    if not window.open_path(workshop):
        return 3
    window.show_section(4)
    QTest.qWaitForWindowExposed(window)
    page = window.page("activities")
    assert isinstance(page, ActivitiesPage)
    start, end = centre_of(page, text_from), centre_of(page, text_onto)
    steps = []
    for fraction in (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0):
        x = round(start.x() + (end.x() - start.x()) * fraction)
        y = round(start.y() + (end.y() - start.y()) * fraction)
        steps += ["mousemove", str(x), str(y), "sleep", "0.15"]
        if fraction == 0.0:
            steps += [
                "mousedown",
                "1",
                "sleep",
                "0.2",
                "mousemove",
                str(x + 8),
                str(y + 8),
                "sleep",
                "0.2",
            ]
    steps += ["sleep", "0.3", "mouseup", "1"]
    # xdotool runs beside the event loop: Qt's drag loop must keep handling the X events.
    drag = subprocess.Popen(["xdotool", *steps])
    outcome = {"code": 4}

    def moved() -> None:
        outcome["code"] = 0

    def check_done() -> None:
        # Quit only once the X mouse is released and xdotool is gone: quitting from inside
        # the drop would leave Qt's drag loop handling events of a closing application.
        if drag.poll() is not None and not QGuiApplication.mouseButtons():
            app.quit()

    page.session.undo_stack.indexChanged.connect(moved)
    poll = QTimer(interval=100)
    poll.timeout.connect(check_done)
    poll.start()
    QTimer.singleShot(30000, app.quit)  # the drag never finished: report failure
    app.exec()
    drag.wait()
    window.close()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())

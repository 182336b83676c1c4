"""The facilitator's window fits its screen: fitted on first start, restored when it still fits."""

from __future__ import annotations

import json

import pytest
from child_processes import run_app
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget
from repo_paths import REPO

from facilitator_app.gui.core import settings as app_settings
from facilitator_app.gui.main_window import MainWindow
from facilitator_app.gui.window_geometry import (
    FRAME_ALLOWANCE,
    fits_a_screen,
    fitted_geometry,
)


def test_the_preferred_size_is_kept_on_a_big_screen() -> None:
    geometry = fitted_geometry(QRect(0, 0, 1920, 1040))
    assert geometry.size() == QSize(1200, 800)
    assert QRect(0, 0, 1920, 1040).contains(geometry)


@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680)])
def test_a_laptop_screen_holds_the_window_with_its_frame(available: QRect) -> None:
    geometry = fitted_geometry(available)
    assert available.contains(geometry.marginsAdded(FRAME_ALLOWANCE)), (geometry, available)
    assert (
        geometry.height() == available.height() - FRAME_ALLOWANCE.top() - FRAME_ALLOWANCE.bottom()
    )


def test_a_second_screen_beside_the_first_counts_as_its_own_area() -> None:
    screens = [QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)]
    assert fits_a_screen(QRect(1500, 100, 1200, 800), screens)
    assert not fits_a_screen(QRect(1000, 100, 1200, 800), screens)  # across both: half on each
    assert not fits_a_screen(QRect(3400, 100, 1200, 800), screens)  # where no screen is now


@pytest.fixture
def settings() -> QSettings:
    """The settings the window reads (the test's own: conftest's own_settings)."""
    return QSettings()


def saved_geometry(qtbot, rect: QRect):
    """The bytes saveGeometry gives for a window at ``rect``."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(rect)
    return widget.saveGeometry()


def test_a_geometry_that_fits_is_restored(qtbot, settings) -> None:
    app_settings.write(app_settings.WINDOW_GEOMETRY, saved_geometry(qtbot, QRect(30, 40, 600, 500)))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.geometry() == QRect(30, 40, 600, 500)


@pytest.mark.parametrize(
    "saved",
    [QRect(3000, 40, 700, 500), QRect(0, 30, 1800, 1000)],
    ids=["on a screen that is gone", "bigger than the screen now"],
)
def test_a_geometry_that_no_longer_fits_comes_back_inside_the_screen(
    qtbot, settings, saved: QRect
) -> None:
    app_settings.write(app_settings.WINDOW_GEOMETRY, saved_geometry(qtbot, saved))
    window = MainWindow()
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry()), window.geometry()


def test_closing_the_window_remembers_where_it_was(qtbot, settings) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(QRect(20, 50, 640, 480))
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.geometry().size() == QSize(640, 480)


@pytest.mark.parametrize(
    ("screens", "size"), [("screens-one.json", (1366, 768)), ("screens-1280.json", (1280, 720))]
)
def test_on_a_laptop_screen_the_whole_window_is_visible(tmp_path, screens, size) -> None:
    """First start on the laptop: the window, status bar included, is inside the screen."""
    platform = f"offscreen:configfile={REPO / 'tests' / screens}"
    result = run_app(
        "--smoke",
        "--demo",
        env_extra={"QT_QPA_PLATFORM": platform, "XDG_CONFIG_HOME": str(tmp_path / "config")},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    x, y, width, height = record["geometry"]
    screen = QRect(0, 0, *size)
    # The window with its title bar and borders, the status bar at its bottom included.
    assert screen.contains(QRect(x, y, width, height).marginsAdded(FRAME_ALLOWANCE))

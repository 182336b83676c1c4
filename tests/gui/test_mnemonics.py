"""Every Alt+letter does one thing: the mnemonics live at one time in a window are unique.

Two widgets with the same mnemonic make Qt's Alt+letter ambiguous: it then only moves the focus
between them and presses neither (Alt+A on the read-only bar's "Open &again" did nothing while
the menu bar had "&Activities"). The walk collects what Alt+letter reaches in each state of
each window (the menu bar's titles, the visible buttons, labels with a buddy, group boxes and
tabs, and Alt shortcuts of actions) in English and in Czech.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
from gui_helpers import translated
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolButton,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isEnabled()


def live_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter → what Alt+letter reaches in ``window`` as it is now."""
    reached: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter:
            reached[letter].append(f"{what} {text!r}")

    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or widget.window() is not window:
            continue
        # A tool button made for an action shows the action's icon text, without a mnemonic.
        if isinstance(widget, QAbstractButton) and not (
            isinstance(widget, QToolButton) and widget.defaultAction() is not None
        ):
            add(widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), "label")
        elif isinstance(widget, QGroupBox):
            add(widget.title(), "group")
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if widget.isTabVisible(tab) and widget.isTabEnabled(tab):
                    add(widget.tabText(tab), "tab")
    for action in window.findChildren(QAction):
        if not action.isEnabled() or action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for shortcut in action.shortcuts():
            keys = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            if re.fullmatch(r"Alt\+[A-Za-z0-9]", keys):
                reached[keys[-1].casefold()].append(f"shortcut {keys} of {action.text()!r}")
    return reached


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: who for letter, who in live_mnemonics(window).items() if len(who) > 1}


@pytest.fixture(params=["en", "cs"])
def language(request, qapp) -> Iterator[str]:
    with translated(qapp, request.param):
        yield request.param


@pytest.fixture
def window(window_factory, language):
    main = window_factory()
    assert main.open_demo()
    return main


def test_the_walk_sees_a_clash(qapp) -> None:
    page = QWidget()
    first, second = QLabel("&Name", page), QLabel("&Note", page)
    first.setBuddy(page)
    second.setBuddy(page)
    page.show()
    assert clashes(page) == {"n": ["label '&Name'", "label '&Note'"]}
    page.close()


def section_clashes(window) -> dict[str, dict[str, list[str]]]:
    """The clashes of each section of the window shown in turn, by the section's tab text."""
    found = {}
    for index in range(window.sections.count()):
        window.sections.setCurrentIndex(index)
        if clash := clashes(window):
            found[window.sections.tabText(index)] = clash
    return found


def test_each_section_of_the_window_has_unique_mnemonics(window) -> None:
    assert not section_clashes(window)


@pytest.mark.parametrize("bar", ["read-only", "storage"])
def test_the_bars_add_no_clash(window, bar: str) -> None:
    """Each bar over every section (never both: a read-only window writes nothing)."""
    if bar == "read-only":
        window.safety.read_only_bar.show_holder(None)
    else:
        window.safety.storage_bar.show_problem(None, "disk I/O error")
    assert not section_clashes(window)


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    """In an open menu a letter picks one of its items: the visible ones must differ."""
    reached: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        letter = mnemonic(action.text()) if action.isVisible() else None
        if letter:
            reached[letter].append(action.text())
    return {letter: texts for letter, texts in reached.items() if len(texts) > 1}


def test_every_menu_has_unique_mnemonics(window) -> None:
    window.build_all_pages()  # the sections add their menus' items when they are built
    window.projector  # noqa: B018 - View ▸ Projector is filled when the projector is made
    found = {
        menu.title(): clash for menu in window.findChildren(QMenu) if (clash := menu_clashes(menu))
    }
    assert not found


def dialogs(window) -> Iterator[QDialog]:
    from facilitator_app.gui.dialogs.export import ExportDialog
    from facilitator_app.gui.dialogs.preferences import PreferencesDialog
    from facilitator_app.gui.dialogs.restore import RestoreDialog
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog
    from facilitator_app.gui.files.storage_warning import LockQuestion, UnsavedQuestion
    from facilitator_app.gui.sections.activities.page import BlockThemesDialog
    from facilitator_app.gui.sections.vision.page import ThemeNameDialog

    yield ExportDialog(window.session, window)
    yield PreferencesDialog(window)
    yield RestoreDialog(window.session.path, window)
    yield ShortcutsDialog(window)
    yield LockQuestion(window, "x.workshop", None, other_host=True)
    yield UnsavedQuestion(window, "x.workshop", "disk full")
    yield ThemeNameDialog("Theme", lambda name: None, "", window)
    yield BlockThemesDialog([(1, "A"), (2, "B")], [1], window)


def test_every_dialog_has_unique_mnemonics(window, qtbot) -> None:
    found = {}
    for dialog in dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        if clash := clashes(dialog):
            found[type(dialog).__name__] = clash
        dialog.close()
    assert not found


def test_alt_and_its_letter_press_open_again_on_the_read_only_bar(window, qtbot, language) -> None:
    from PySide6.QtTest import QTest

    bar = window.safety.read_only_bar
    bar.show_holder(None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key = {"en": Qt.Key.Key_G, "cs": Qt.Key.Key_U}[language]
    with qtbot.waitSignal(bar.reopen_requested, timeout=2000):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)

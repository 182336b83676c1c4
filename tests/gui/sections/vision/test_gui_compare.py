"""The Vision page's Changes tab: the draft and the wording compared word by word, live."""

from __future__ import annotations

from typing import Any

import pytest
from gui_helpers import show_widget
from PySide6.QtGui import QTextCursor

from facilitator_app.gui.sections.vision.compare import CompareView
from facilitator_app.gui.sections.vision.page import VisionPage
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields

DRAFT = "Kraj je bezpečný a odolný.\n\nStarý odstavec."
VISION = "Kraj je bezpečný, odolný a připravený.\n\nÚplně jiný text o vodě."


def pieces(view: CompareView) -> list[tuple[str, str]]:
    """("=", "+" or "-", text) runs of the shown text by their look."""
    out: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))

    block = view.text.document().begin()
    while block.isValid():
        if block != view.text.document().begin():
            add("=", "\n")
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            look = fragment.charFormat()
            kind = "+" if look.fontUnderline() else "-" if look.fontStrikeOut() else "="
            add(kind, fragment.text().replace("\u2028", "\n"))
            iterator += 1
        block = block.next()
    return out


def shown(view: CompareView, keep: str) -> str:
    return "".join(text for kind, text in pieces(view) if kind in ("=", keep))


def set_theme_texts(session: Any, theme_id: int, vision: str, draft: str | None) -> None:
    assert session.push(SetFields(Kind.THEME, theme_id, {"vision": vision, "draft": draft}), "set")


@pytest.fixture
def theme_id(session: Any) -> int:
    theme = session.document.data.themes[0]
    set_theme_texts(session, theme.id, VISION, DRAFT)
    session.undo_stack.clear()
    return theme.id


@pytest.fixture
def view(qtbot: Any, session: Any, theme_id: int) -> CompareView:
    widget = show_widget(qtbot, CompareView(session), (700, 500), wait="exposed")
    widget.set_theme(theme_id)
    return widget


def test_inserted_words_are_underlined_and_deleted_ones_struck_through(view: CompareView) -> None:
    assert pieces(view) == [
        ("=", "Kraj je bezpečný"),
        ("-", " a odolný"),
        ("+", ", odolný a připravený"),
        ("=", ".\n"),
        ("-", "Starý odstavec."),
        ("=", "\n"),
        ("+", "Úplně jiný text o vodě."),
    ]
    # Reading only what is kept and inserted gives the wording; kept and deleted, the draft.
    assert [p for p in shown(view, "+").split("\n") if p] == VISION.split("\n\n")
    assert [p for p in shown(view, "-").split("\n") if p] == DRAFT.split("\n\n")
    assert view.summary.text() == "Since the draft: 8 words inserted, 4 words deleted."
    look = view.text.document().begin().begin()
    assert look.fragment().charFormat().fontUnderline() is False


def test_it_follows_the_wording_live_and_undo(qtbot: Any, session: Any, view: CompareView) -> None:
    from facilitator_app.gui.sections.vision.text_editors import type_vision

    assert type_vision(session, view.theme_id, VISION + " Ještě věta.", "typing")
    assert pieces(view)[-1] == ("+", "Úplně jiný text o vodě. Ještě věta.")
    session.undo_stack.undo()
    assert pieces(view)[-1] == ("+", "Úplně jiný text o vodě.")
    # Correcting the draft counts too.
    assert session.set_text(Kind.THEME, view.theme_id, "draft", VISION, "draft")
    assert pieces(view) == [("=", VISION.replace("\n\n", "\n"))]
    assert view.summary.text() == "The wording is the same as the draft."


def test_without_a_draft_the_wording_shows_plain(session: Any, view: CompareView) -> None:
    set_theme_texts(session, view.theme_id, VISION, None)
    assert pieces(view) == [("=", VISION.replace("\n\n", "\n"))]
    assert "No draft kept yet" in view.summary.text()
    assert view.diffs == []


def test_while_hidden_it_waits_and_catches_up_when_shown(
    qtbot: Any, session: Any, view: CompareView
) -> None:
    view.hide()
    set_theme_texts(session, view.theme_id, "Voda je čistá.", "Voda je špinavá.")
    assert "Starý odstavec" in view.text.toPlainText()  # not redrawn while hidden
    view.show()
    qtbot.waitExposed(view)
    assert pieces(view) == [("=", "Voda je "), ("-", "špinavá"), ("+", "čistá"), ("=", ".")]


def test_a_single_word_counts_as_one(session: Any, view: CompareView) -> None:
    set_theme_texts(session, view.theme_id, "Jedno slovo navíc.", "Jedno navíc.")
    assert view.summary.text() == "Since the draft: 1 word inserted, 0 words deleted."


def test_every_part_has_an_accessible_name(view: CompareView) -> None:
    for widget in (view.summary, view.legend, view.text):
        assert widget.accessibleName()
    assert view.text.isReadOnly()


# -- on the Vision page -------------------------------------------------------------------------


@pytest.fixture
def page(qtbot: Any, session: Any, theme_id: int) -> VisionPage:
    return show_widget(qtbot, VisionPage(session), (1200, 750))


def test_the_changes_tab_beside_wording_and_draft(qtbot: Any, page: VisionPage) -> None:
    tabs = page.wordingTabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Wording", "&Draft", "&Changes"]
    assert page.show_changes_action in page.actions_
    assert page.show_changes_action.shortcut().toString() == "Ctrl+Shift+D"
    page.visionEdit.setFocus()
    qtbot.waitUntil(page.visionEdit.hasFocus)
    qtbot.keyClick(page.visionEdit, "D", page.show_changes_action.shortcut()[0].keyboardModifiers())
    assert tabs.currentWidget() is page.compare_view
    assert page.compare_view.text.hasFocus()
    assert ("-", "Starý odstavec.") in pieces(page.compare_view)


def test_typing_in_the_wording_shows_in_the_changes(qtbot: Any, page: VisionPage) -> None:
    page.show_changes()
    editor = page.visionEdit
    page.wordingTabs.setCurrentIndex(0)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(" Šťastný závěr.")  # Czech letters: through the widget's API
    page.show_changes()
    assert pieces(page.compare_view)[-1] == ("+", "Úplně jiný text o vodě. Šťastný závěr.")
    # Another theme, another comparison; back again, the same.
    other = page.document.data.themes[1]
    page.select_theme(other.id)
    assert page.compare_view.theme_id == other.id
    assert "No draft kept yet" in page.compare_view.summary.text()
    page.select_theme(page.document.data.themes[0].id)
    assert pieces(page.compare_view)[-1][1].endswith("Šťastný závěr.")


def test_removing_the_theme_moves_on(qtbot: Any, page: VisionPage, theme_id: int) -> None:
    page.show_changes()
    page.remove_theme()
    assert page.compare_view.theme_id != theme_id
    page.session.undo_stack.undo()
    page.select_theme(theme_id)
    assert ("-", "Starý odstavec.") in pieces(page.compare_view)


# -- the export dialog --------------------------------------------------------------------------


def test_the_export_dialog_offers_the_redline_for_word(
    qtbot: Any, session: Any, theme_id: int, tmp_path: Any
) -> None:
    import zipfile

    from facilitator_app.gui.dialogs.export import ExportDialog

    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    box = dialog.redline
    assert box.accessibleName()
    assert not box.isChecked()
    assert not dialog.options().redline  # type: ignore[attr-defined]
    dialog.format.setCurrentIndex(dialog.format.findData(".md"))
    assert not box.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    assert box.isEnabled()
    box.setChecked(True)
    assert dialog.options().redline  # type: ignore[attr-defined]
    target = tmp_path / "zápis.docx"
    assert dialog.export_to(target)
    body = zipfile.ZipFile(target).read("word/document.xml").decode()
    assert "<w:del " in body
    assert "<w:ins " in body
    assert "Starý odstavec." in body

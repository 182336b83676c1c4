"""The translations: Czech complete and loaded by the running app; English plural forms."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QPushButton
from repo_paths import REPO

from facilitator_app.paths import translations_dir

TS = REPO / "resources" / "translations" / "facilitator_app_cs.ts"
QM = translations_dir() / "facilitator_app_cs.qm"  # what the build makes of TS
PLACEHOLDER = re.compile(r"%(?:\d+|n|s)|\{[A-Za-z_]\w*\}")
MNEMONIC = re.compile(r"&(?!&)")


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _label(context: str, message: ET.Element) -> str:
    return f"[{context}] {message.findtext('source')!r}"


def test_the_czech_file_is_complete() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language", "").startswith("cs")
    messages = _messages()
    assert messages
    unfinished = [
        _label(context, message)
        for context, message in messages
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not unfinished, "untranslated: " + ", ".join(unfinished)
    empty = [
        _label(context, message)
        for context, message in messages
        if not all(text.strip() for text in _texts(message))
    ]
    assert not empty, "empty translations: " + ", ".join(empty)


def test_plural_messages_have_the_three_czech_forms() -> None:
    plurals = [(c, m) for c, m in _messages() if m.get("numerus") == "yes"]
    assert plurals
    for context, message in plurals:
        forms = _texts(message)
        assert len(forms) == 3, _label(context, message)  # 1; 2–4; 0 and 5+


def test_placeholders_and_mnemonics_survive() -> None:
    for context, message in _messages():
        source = message.findtext("source") or ""
        wanted = Counter(PLACEHOLDER.findall(source))
        has_mnemonic = bool(MNEMONIC.search(source.replace("&&", "")))
        for text in _texts(message):
            where = f"{_label(context, message)}: {text!r}"
            assert Counter(PLACEHOLDER.findall(text)) == wanted, where
            mnemonics = len(MNEMONIC.findall(text.replace("&&", "")))
            assert mnemonics == (1 if has_mnemonic else 0), where


def test_every_message_is_reachable_at_run_time() -> None:
    """PySide looks self.tr() up under the class name, never under the empty context.

    lupdate files `tr = self.tr; tr("…")` under the empty context; such a message must also be
    present under its class (better: call self.tr("…") directly so that lupdate sees the class).
    """
    named = {(m.findtext("source"), m.get("numerus")) for c, m in _messages() if c}
    orphans = [
        _label(context, message)
        for context, message in _messages()
        if context == "" and (message.findtext("source"), message.get("numerus")) not in named
    ]
    assert not orphans, "only in the empty context: " + ", ".join(orphans)


def test_the_window_speaks_czech(czech, qtbot, tmp_path, monkeypatch) -> None:
    from facilitator_app.gui.main_window import MainWindow

    assert len(czech) == 2, "facilitator_app_cs.qm and Qt's qtbase_cs.qm"
    monkeypatch.setenv("FACILITATOR_APP_DATA", str(tmp_path / "data"))
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        assert window.menuFile.title() == "&Soubor"
        assert window.menuEdit.title() == "Ú&pravy"
        assert window.undo_action.text() == "Zpět"
        assert window.open_demo()
        window.page("activities")  # sections are built on first use
        assert window.menuActivities.actions()[0].text() == "Přidat aktivitu"
        assert window.sections.tabText(2) == "Analýza"
        assert window.sections.tabText(4) == "Návrhy aktivit"
    finally:
        window.close_workshop()


def test_czech_plurals_and_qt_own_texts(czech) -> None:
    translate = QCoreApplication.translate
    assert [translate("ThemeListModel", "%n remarks", "", n) for n in (1, 3, 5)] == [
        "1 připomínka",
        "3 připomínky",
        "5 připomínek",
    ]
    # Qt's own strings come from qtbase_cs.
    assert translate("QPlatformTheme", "Cancel") == "Zrušit"
    box = QMessageBox()
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Zrušit"
    box.deleteLater()


def test_the_workshop_layers_refusals_reach_the_window_in_czech(czech, session) -> None:
    """The document layer imports no Qt, yet its refusals show translated, places filled."""
    from facilitator_app.workshop.events import Kind
    from facilitator_app.workshop.operations import Indent, MoveNodes, SetFields

    refusals: list[str] = []
    session.refused.connect(refusals.append)
    block = session.document.data.blocks[0]
    branch = next(node for node in block.children if node.children)
    first = block.children[0]
    assert not session.push(MoveNodes((branch.id,), branch.children[0].id, 0), "Move")
    assert not session.push(Indent((first.id,)), "Indent")
    other = session.document.data.themes[1]
    assert not session.push(
        SetFields(Kind.THEME, session.document.data.themes[0].id, {"name": other.name}), "Rename"
    )
    assert refusals == [
        "aktivitu nelze přesunout do její vlastní větve",
        "odsazení nelze zvětšit: první položka nemá nad sebou žádnou jinou",
        f"téma „{other.name}“ už existuje",
    ]


def test_a_file_that_cannot_be_opened_is_explained_in_czech(czech, tmp_path) -> None:
    """The window's dialog names the file as convert does, and says what is wrong in Czech."""
    from facilitator_app.gui.core.text import refusal_text
    from facilitator_app.workshop.errors import BadInputError
    from facilitator_app.workshop.store.files import check_workshop_file

    empty = tmp_path / "prázdný.workshop"
    empty.write_bytes(b"")
    with pytest.raises(BadInputError) as refused:
        check_workshop_file(empty)
    assert str(refused.value) == f"{empty}: the file is empty"  # convert's line, in English
    assert refusal_text(refused.value) == f"{empty}: soubor je prázdný"


def test_an_import_beyond_the_limit_and_its_progress_speak_czech(
    czech, qtbot, tmp_path, monkeypatch
) -> None:
    from facilitator_app.gui.core.text import refusal_text
    from facilitator_app.gui.files.import_progress import ImportTask
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.workshop import interchange
    from facilitator_app.workshop.errors import BadInputError
    from facilitator_app.workshop.interchange import parsing

    monkeypatch.setattr(parsing, "MAX_ACTIVITIES", 1)
    source = tmp_path / "velký.json"
    document = {
        "format": "facilitator-workshop",
        "version": 2,
        "workshop": {"title": "T", "starts_at": "2026-05-19T13:00"},
        "activity_blocks": [{"activities": [{"text": "a"}, {"text": "b"}]}],
    }
    source.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BadInputError) as refused:
        interchange.read_json_file(source)
    assert refusal_text(refused.value) == (
        f"{source}: počet aktivit je 2; aplikace pojme nejvýše 1"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    task = ImportTask(source, tmp_path / "velký.workshop", window)
    assert task.dialog.labelText() == "Importuje se velký.json…"
    assert task.dialog.findChild(QPushButton).text() == "Zrušit"


def test_english_plurals_have_both_forms_for_every_plural_message() -> None:
    """English is the source language, but "%n remarks" needs its singular from a file."""
    english = ET.parse(TS.with_name("facilitator_app_en.ts")).getroot()
    plural_sources = {
        (context, message.findtext("source"))
        for context, message in _messages()
        if message.get("numerus") == "yes"
    }
    forms = {
        (context.findtext("name") or "", message.findtext("source")): _texts(message)
        for context in english.iter("context")
        for message in context.iter("message")
    }
    assert set(forms) == plural_sources
    assert all(len(texts) == 2 and all(t.strip() for t in texts) for texts in forms.values())


def test_an_english_window_says_1_remark_not_1_remarks(qapp) -> None:
    from packaging_scripts import compile_translations

    from facilitator_app.gui.core.i18n import install_translators

    compile_translations()
    default_locale = QLocale()
    translators = install_translators(qapp, "en")
    try:
        translate = QCoreApplication.translate
        assert [translate("ThemeListModel", "%n remarks", "", n) for n in (1, 3)] == [
            "1 remark",
            "3 remarks",
        ]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default_locale)

"""The .docx minutes are documents Word takes as its own: valid Office Open XML in every
option combination, in Word 2013's mode (no "[Compatibility Mode]"), with or without a
template from an older Word.

openxml-audit runs the Open XML SDK's validation (the schemas, the SDK's semantic rules and
Word's own package rules) in Python.
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from minutes_helpers import demo_raw, is_false_report, ooxml_problems, part_xml, with_swot
from openxml_audit import FileFormat, OpenXmlValidator
from test_minutes_agenda_tasks import raw_v2
from test_minutes_docx import NASTY, dotx, make_template

from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import WorkshopData

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD_URI = "http://schemas.microsoft.com/office/word"
STYLES_WITH_EFFECTS = "stylesWithEffects"
EMOJI = "👩‍👩‍👧‍👦 🇨🇿 🏳️‍🌈 é = e\u0301 مرحبا \u202eoiduA\u202c"


@pytest.fixture(scope="module")
def validator() -> OpenXmlValidator:
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def settings_of(path: Path) -> Any:
    return etree.fromstring(part_xml(path, "word/settings.xml"))


def compatibility_modes(path: Path) -> list[str]:
    return [
        setting.get(f"{W}val")
        for setting in settings_of(path).iterfind(f"{W}compat/{W}compatSetting")
        if setting.get(f"{W}name") == "compatibilityMode" and setting.get(f"{W}uri") == WORD_URI
    ]


def check_current_word_package(path: Path) -> None:
    """Word 2013's mode, no stylesWithEffects anywhere, settings that the schema takes."""
    assert compatibility_modes(path) == ["15"]
    with zipfile.ZipFile(path) as archive:
        assert not [name for name in archive.namelist() if STYLES_WITH_EFFECTS in name]
        for name in ("[Content_Types].xml", "word/_rels/document.xml.rels"):
            assert STYLES_WITH_EFFECTS.encode() not in archive.read(name)
    # ISO/IEC 29500 requires w:percent on w:zoom; the Open XML SDK, and so openxml-audit,
    # takes it as optional.
    for zoom in settings_of(path).iterfind(f"{W}zoom"):
        assert zoom.get(f"{W}percent") is not None


# -- workshops --------------------------------------------------------------------------------


def full_raw() -> dict[str, Any]:
    """The example workshop with everything the minutes can show: programme, tasks, remarks
    with authors, organisations and responses, drafts to redline, a SWOT and problems."""
    raw = with_swot(raw_v2())
    energy, water = raw["themes"][:2]
    energy["draft"] = energy["vision"]
    energy["vision"] = energy["vision"].replace("Spolehlivé", "Spolehlivé a odolné") + (
        "\n\nNový odstavec."
    )
    water["draft"] = "Starý odstavec.\n\n" + water["vision"]
    energy["comments"] = [
        {"text": "Doplnit vodík", "author": "Účastník 3", "organization": "Město Liberec",
         "response": "Doplněno"},
    ]  # fmt: skip
    return raw


def hostile_workshop() -> WorkshopData:
    """The full workshop with control characters, markup, emoji and right-to-left text in
    every field the minutes print."""
    text = NASTY + " " + EMOJI
    raw = full_raw()
    raw["workshop"].update(title=text, facilitator=text, organizer_label=text, place=text)
    raw["attendees"].append({"name": text, "organization": text, "role": "organizer"})
    theme = raw["themes"][2]
    theme["draft"] = theme["vision"] + "\n\n" + text
    theme["vision"] += " " + text
    theme["comments"] = [{"text": text, "author": text, "response": text}]
    theme["swot"] = [{"quadrant": "threats", "text": text, "note": text, "votes": 2}]
    theme["problems"] = [{"text": text, "votes": 1, "sources": [0]}]
    raw["activity_blocks"][0]["activities"].append(
        {"text": text, "note": text, "votes": 3, "children": [{"text": text}]}
    )
    raw["tasks"].append({"text": text, "owner": text, "due": "2026-06-01"})
    raw["agenda"].append({"title": text, "planned_minutes": 5})
    data = parse_workshop(raw)
    # The JSON reader replaces lone surrogates; text typed in the app reaches the export as is.
    data.blocks[0].children[0].text = text
    return data


def export(tmp_path: Path, data: WorkshopData, **options: Any) -> Path:
    target = tmp_path / "minutes.docx"
    export_minutes(data, target, MinutesOptions(**options))
    return target


# -- every option combination -----------------------------------------------------------------

FLAGS = ("public", "attendance", "order_by_votes", "redline", "numbered")
COMBINATIONS = [
    (language, dict(zip(FLAGS, values, strict=True)))
    for language in ("cs", "en")
    for values in itertools.product((False, True), repeat=len(FLAGS))
]


def combination_id(combination: tuple[str, dict[str, bool]]) -> str:
    language, flags = combination
    return "-".join([language, *(name for name, on in flags.items() if on)]) or language


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_every_option_combination_validates(
    tmp_path: Path, validator: OpenXmlValidator, combination: tuple[str, dict[str, bool]]
) -> None:
    language, flags = combination
    target = export(tmp_path, parse_workshop(full_raw()), language=language, **flags)
    assert ooxml_problems(validator, target) == []
    check_current_word_package(target)


def test_the_demo_workshop_validates(tmp_path: Path, validator: OpenXmlValidator) -> None:
    target = export(tmp_path, parse_workshop(demo_raw()), attendance=True)
    assert ooxml_problems(validator, target) == []
    check_current_word_package(target)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_hostile_text_validates(tmp_path: Path, validator: OpenXmlValidator, language: str) -> None:
    data = hostile_workshop()
    target = export(tmp_path, data, language=language, attendance=True, redline=True)
    assert ooxml_problems(validator, target) == []
    check_current_word_package(target)
    public = export(tmp_path, data, language=language, public=True, order_by_votes=True)
    assert ooxml_problems(validator, public) == []


def test_the_checks_catch_what_was_wrong(tmp_path: Path, validator: OpenXmlValidator) -> None:
    """python-docx's own template, saved as it comes, fails these checks."""
    plain = tmp_path / "python-docx.docx"
    docx.Document().save(str(plain))
    assert any(STYLES_WITH_EFFECTS in line for line in ooxml_problems(validator, plain))
    assert compatibility_modes(plain) == ["14"]
    assert settings_of(plain).find(f"{W}zoom").get(f"{W}percent") is None


# -- templates --------------------------------------------------------------------------------


def with_settings(change: Callable[[Any], None]) -> Callable[[Path], Path]:
    """A template builder: ``make_template``'s template with its settings changed."""

    def build(path: Path) -> Path:
        make_template(path)
        document = docx.Document(str(path))
        change(document.settings.element)
        document.save(str(path))
        return path

    return build


def _mode(settings: Any) -> Any:
    return next(
        s
        for s in settings.iterfind(f"{W}compat/{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    )


def word_2007(settings: Any) -> None:
    _mode(settings).set(qn("w:val"), "12")


def no_mode(settings: Any) -> None:  # Word 2007 wrote none: Word takes that as mode 12
    mode = _mode(settings)
    mode.getparent().remove(mode)


def no_compat(settings: Any) -> None:
    settings.remove(settings.find(qn("w:compat")))


def without_part(reltype: str) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        make_template(path)
        document = docx.Document(str(path))
        rels = document.part.rels
        for r_id, rel in list(rels.items()):
            if rel.reltype.endswith(reltype):
                del rels[r_id]
        document.save(str(path))
        return path

    return build


TEMPLATES: dict[str, Callable[[Path], Path]] = {
    "word-2010": make_template,  # python-docx's base: mode 14 and a stylesWithEffects part
    "word-2007": with_settings(word_2007),
    "no-compatibility-mode": with_settings(no_mode),
    "no-compat": with_settings(no_compat),
    "no-settings": without_part("/settings"),
    "dotx": dotx,
    "no-theme": without_part("/theme"),  # as LibreOffice writes a .docx
}


@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_a_template_is_made_current_and_validates(
    tmp_path: Path, validator: OpenXmlValidator, kind: str
) -> None:
    template = TEMPLATES[kind](tmp_path / "template.docx")
    raw = full_raw()
    target = export(tmp_path, parse_workshop(raw), template=template, attendance=True, redline=True)
    assert ooxml_problems(validator, target) == []
    check_current_word_package(target)
    # The template's own look is kept.
    document = docx.Document(str(target))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[-1].header.paragraphs[0].text == "Liberecký kraj — hlavička"


def test_only_the_theme_report_is_set_aside(tmp_path: Path, validator: OpenXmlValidator) -> None:
    """For a template without a theme openxml-audit reports that one thing, and only there."""
    template = without_part("/theme")(tmp_path / "template.docx")
    target = export(tmp_path, parse_workshop(full_raw()), template=template)
    reports = validator.validate(target).errors
    assert [error.id for error in reports] == ["Sem_MissingRelationshipType"]
    assert all(is_false_report(error) for error in reports)
    own = export(tmp_path, parse_workshop(full_raw()))
    assert not any(is_false_report(error) for error in validator.validate(own).errors)


# -- the look kept in Word 2013's mode ------------------------------------------------------------


def test_table_cell_text_lines_up_with_the_text_around_it(tmp_path: Path) -> None:
    """Word 2013's mode puts a table's border on the margin, where earlier modes put the cell
    text: the indent by the cell margin keeps the tables where they were."""
    target = export(tmp_path, parse_workshop(full_raw()), attendance=True)
    body = etree.fromstring(part_xml(target, "word/document.xml"))
    tables = body.findall(f".//{W}tbl")
    assert len(tables) >= 3  # remarks, tasks, attendance
    for table in tables:
        properties = table.find(f"{W}tblPr")
        indent = properties.find(f"{W}tblInd")
        left = properties.find(f"{W}tblCellMar/{W}left")
        assert indent.get(f"{W}type") == left.get(f"{W}type") == "dxa"
        assert int(indent.get(f"{W}w")) == -int(left.get(f"{W}w")) < 0

"""The region summary as a Word document: valid Office Open XML (the project's Word check),
theme by theme, in Czech and English, and naming nobody."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from minutes_helpers import ooxml_problems
from openxml_audit import FileFormat, OpenXmlValidator
from summary_helpers import TOURISM, TRANSPORT, Region, write_region

from facilitator_app.summary import summarise, write_summary
from facilitator_app.summary.docx import short_titles

DEMO_GROUP = "Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT"


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    return write_region(tmp_path_factory.mktemp("region"))


@pytest.fixture(scope="module")
def validator() -> OpenXmlValidator:
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_document_passes_the_word_check(
    region: Region, validator: OpenXmlValidator, tmp_path: Path, language: str
) -> None:
    target = tmp_path / f"region-{language}.docx"
    write_summary(summarise(region.paths), target, language=language)
    assert ooxml_problems(validator, target) == []


def texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    found = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        found += [cell.text for row in table.rows for cell in row.cells]
    return found


def test_theme_by_theme_visions_activities_and_the_combined_swot(
    region: Region, tmp_path: Path
) -> None:
    target = tmp_path / "region.docx"
    write_summary(summarise(region.paths), target)
    document = docx.Document(str(target))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    top = [text for style, text in headings if style in ("Title", "Heading 1")]
    assert top == [
        "Souhrn regionu",
        "SKUPINY A JEDNÁNÍ",
        "Energetika",
        "Vodní hospodářství",
        "Informační a komunikační technologie",
        "Bezpečnost",
        "Doprava",
        "Cestovní ruch",
    ]
    # The groups' visions side by side: a row per group that has the theme.
    energy = document.tables[1]
    assert [row.cells[0].text for row in energy.rows] == ["Skupina", DEMO_GROUP, TRANSPORT]
    assert energy.rows[2].cells[1].text.startswith("Vize Energetika skupiny")
    assert "po 3. setkání" in energy.rows[2].cells[1].text  # the latest meeting's vision
    words = texts(target)
    # The activities of each group's latest tree, with their codes.
    assert "1.1 Aktivita 1.1 ze setkání 3 (3 hlasy)" in words
    assert "1.1 Aktivita 1.1 ze setkání 2 (3 hlasy)" not in words
    assert "1.1 Aktivita 1.1 ze setkání 2 (2 hlasy)" in words  # the tourism group's second
    # The combined SWOT names each item's group when several groups share the theme.
    swot = "\n".join(words)
    assert "strengths Energetika – Doprava a mobilita" in swot
    assert "Problém tématu Doprava (3 hlasy)" in swot


def test_the_public_document_names_nobody(region: Region, tmp_path: Path) -> None:
    target = tmp_path / "public.docx"
    write_summary(summarise(region.paths), target, public=True)
    with zipfile.ZipFile(target) as package:
        xml = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        )
    assert [name for name in region.names() if name in xml] == []
    assert "Facilitátorka" not in xml  # nor the facilitators


def test_short_titles_drop_the_words_every_title_opens_with() -> None:
    assert short_titles([TRANSPORT, TOURISM]) == {
        TRANSPORT: "Doprava a mobilita",
        TOURISM: "Cestovní ruch",
    }
    assert short_titles(["Skupina", "Skupina B"]) == {
        "Skupina": "Skupina",
        "Skupina B": "Skupina B",
    }

"""The .docx minutes, read back with python-docx: texts, styles, list levels, tables, options."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from minutes_helpers import (
    Item,
    all_xml_text,
    demo_raw,
    demo_workshop,
    docx_items,
    minimal_raw,
    parse_every_part,
    part_xml,
    seed_lines,
    texts,
    tree_depths,
)

from facilitator_app.minutes import MinutesError, MinutesOptions, export_minutes
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import WorkshopData

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(
    tmp_path: Path, data: WorkshopData | None = None, name: str = "minutes.docx", **options: Any
) -> Path:
    target = tmp_path / name
    export_minutes(data or demo_workshop(), target, MinutesOptions(**options))
    return target


def paragraph_of(items: list[Item], text: str) -> Item:
    return next(item for item in items if item.kind == "p" and item.text == text)


# -- the seed minutes -------------------------------------------------------------------------


def test_every_seed_line_appears_in_order_at_its_list_level(tmp_path: Path) -> None:
    raw = demo_raw()
    items = docx_items(export(tmp_path))
    assert items[0].style == "Title"
    assert items[0].text == raw["workshop"]["title"]  # the line the .txt lost

    # Bullets in the seed are "- " with indentation partly lost; the tree gives the levels.
    expected = [re.sub(r"^\s*- ", "", line).strip() for line in seed_lines()]
    body = [item for item in items[1:] if item.kind == "p"]
    assert [item.text for item in body] == expected

    depths = tree_depths(raw)
    list_items = [item for item in body if item.level is not None]
    assert [(item.text, item.level) for item in list_items] == depths
    assert len(list_items) == len(depths) == sum(1 for line in seed_lines() if "- " in line[:3])
    assert {item.style for item in list_items} == {"List Paragraph"}


def test_headings_are_real_heading_styles(tmp_path: Path) -> None:
    items = docx_items(export(tmp_path))
    raw = demo_raw()
    assert paragraph_of(items, "VIZE").style == "Heading 1"
    assert paragraph_of(items, "NÁVRHY AKTIVIT").style == "Heading 1"
    for theme in raw["themes"]:
        assert paragraph_of(items, theme["name"]).style == "Heading 2"
    for line in ("Datum: 19. 5. 2026 od 13 hodin", "Počet účastníků: 8 (+1 ORK)"):
        assert paragraph_of(items, line).style == "Normal"
    assert "Místo:" not in " ".join(texts(items))  # no place in the example


def test_block_theme_line_is_bold_and_upper_case(tmp_path: Path) -> None:
    items = docx_items(export(tmp_path))
    line = "BEZPEČNOST + ENERGETIKA + VODNÍ HOSPODÁŘSTVÍ + INFORMAČNÍ A KOMUNIKAČNÍ TECHNOLOGIE"
    element = paragraph_of(items, line).element
    assert element.find(f"{W}pPr/{W}keepNext") is not None
    runs = element.findall(f"{W}r")
    assert runs
    assert all(run.find(f"{W}rPr/{W}b") is not None for run in runs)


def test_the_tree_is_one_nine_level_bullet_list(tmp_path: Path) -> None:
    target = export(tmp_path)
    items = docx_items(target)
    num_ids = {item.num_id for item in items if item.level is not None}
    assert len(num_ids) == 1
    numbering = etree.fromstring(part_xml(target, "word/numbering.xml"))
    (num,) = [n for n in numbering.findall(f"{W}num") if int(n.get(f"{W}numId")) in num_ids]
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    (abstract,) = [
        a for a in numbering.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id
    ]
    levels = abstract.findall(f"{W}lvl")
    assert [int(level.get(f"{W}ilvl")) for level in levels] == list(range(9))
    assert {level.find(f"{W}numFmt").get(f"{W}val") for level in levels} == {"bullet"}
    glyphs = [level.find(f"{W}lvlText").get(f"{W}val") for level in levels]
    assert glyphs[:3] == ["•", "◦", "▪"]
    assert glyphs[3:6] == glyphs[:3]
    indents = [int(level.find(f"{W}pPr/{W}ind").get(f"{W}left")) for level in levels]
    assert indents == sorted(indents)
    assert len(set(indents)) == 9
    # The schema wants every abstractNum before the first num (Word is strict about it).
    tags = [etree.QName(child).localname for child in numbering]
    assert tags.index("num") > max(i for i, tag in enumerate(tags) if tag == "abstractNum")


def test_levels_deeper_than_nine_stay_at_the_ninth(tmp_path: Path) -> None:
    activity: dict[str, Any] = {"text": "level 14"}
    for depth in range(13, -1, -1):
        activity = {"text": f"level {depth}", "children": [activity]}
    raw = minimal_raw()
    raw["activity_blocks"] = [{"activities": [activity]}]
    items = docx_items(export(tmp_path, parse_workshop(raw)))
    levels = [item.level for item in items if item.level is not None]
    assert levels == [*range(9), 8, 8, 8, 8, 8, 8]


# -- options ----------------------------------------------------------------------------------


def test_english_words_and_document_language(tmp_path: Path) -> None:
    target = export(tmp_path, language="en")
    items = docx_items(target)
    found = texts(items)
    for line in (
        "Date: 19 May 2026 from 1 pm",
        "Participants: 8 (+1 ORK)",
        "Facilitator: Michal Kněžů Mrvka",
        "VISION",
        "PROPOSED ACTIVITIES",
    ):
        assert line in found
    assert paragraph_of(items, "VISION").style == "Heading 1"
    assert found[found.index("VISION") + 1].startswith("No remarks on the draft vision")
    styles = etree.fromstring(part_xml(target, "word/styles.xml"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    assert docx.Document(str(target)).core_properties.language == "en-GB"


def test_czech_document_language_and_font(tmp_path: Path) -> None:
    target = export(tmp_path)
    styles = etree.fromstring(part_xml(target, "word/styles.xml"))
    run = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert run.find(f"{W}lang").get(f"{W}val") == "cs-CZ"
    fonts = run.find(f"{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "Calibri"
    assert fonts.get(f"{W}asciiTheme") is None  # a theme font would win over the name


def test_public_leaves_out_every_attendee_name(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["themes"][0]["comments"] = [
        {"text": "Doplnit vodík", "author": "Účastník 3", "organization": "Město Liberec"}
    ]
    data = parse_workshop(raw)
    target = export(tmp_path, data, public=True, attendance=True)
    everything = all_xml_text(target)
    for attendee in raw["attendees"]:
        assert attendee["name"] not in everything
    items = docx_items(target)
    assert "Počet účastníků: 8 (+1 ORK)" in texts(items)
    assert "Facilitátor: Michal Kněžů Mrvka" in texts(items)  # not an attendee
    assert "PREZENČNÍ LISTINA" not in texts(items)
    (table,) = [item for item in items if item.kind == "table"]
    assert table.rows is not None
    assert table.rows[1][2] == "Město Liberec"


def test_attendance_appendix_on_its_own_page(tmp_path: Path) -> None:
    raw = demo_raw()
    items = docx_items(export(tmp_path, attendance=True))
    heading = paragraph_of(items, "PREZENČNÍ LISTINA")
    assert heading.style == "Heading 1"
    assert heading.element.find(f"{W}pPr/{W}pageBreakBefore") is not None
    position = items.index(heading)
    table = items[position + 1]
    assert table.kind == "table"
    assert table.rows is not None
    assert table.rows[0] == ["Jméno", "Organizace", "Účast", "Podpis"]
    assert [row[0] for row in table.rows[1:]] == [a["name"] for a in raw["attendees"]]
    assert table.rows[9] == ["Pracovník ORK", "Krajský úřad Libereckého kraje", "přítomen/a", ""]
    assert table.rows[10][2] == "omluven/a"
    assert all(row[3] == "" for row in table.rows[1:])  # the signature column
    notice = items[position + 2]
    assert notice.text.startswith("Osobní údaje")
    assert items[-1] is notice


def test_no_attendance_appendix_unless_asked(tmp_path: Path) -> None:
    items = docx_items(export(tmp_path))
    assert not [item for item in items if item.kind == "table"]
    assert "PREZENČNÍ LISTINA" not in texts(items)


def test_attendance_in_english(tmp_path: Path) -> None:
    items = docx_items(export(tmp_path, attendance=True, language="en"))
    position = items.index(paragraph_of(items, "ATTENDANCE LIST"))
    rows = items[position + 1].rows
    assert rows is not None
    assert rows[0] == ["Name", "Organisation", "Attendance", "Signature"]
    assert rows[1][2] == "present"
    assert rows[-1][2] == "excused"


def test_order_by_votes_orders_every_level_and_keeps_ties(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["activity_blocks"] = [
        {
            "activities": [
                {"text": "A", "votes": 1},
                {
                    "text": "B",
                    "votes": 5,
                    "children": [
                        {"text": "B1", "votes": 0},
                        {"text": "B2", "votes": 2},
                        {"text": "B3", "votes": 2},
                    ],
                },
                {"text": "C", "votes": 1},
                {"text": "D"},
            ]
        }
    ]
    data = parse_workshop(raw)
    items = docx_items(export(tmp_path, data, order_by_votes=True))
    listed = [(item.text, item.level) for item in items if item.level is not None]
    assert listed == [
        ("B (5 hlasů)", 0),
        ("B2 (2 hlasy)", 1),
        ("B3 (2 hlasy)", 1),
        ("B1", 1),
        ("A (1 hlas)", 0),
        ("C (1 hlas)", 0),
        ("D", 0),
    ]
    plain = docx_items(export(tmp_path, data, name="plain.docx"))
    assert [item.text for item in plain if item.level is not None][:2] == [
        "A (1 hlas)",
        "B (5 hlasů)",
    ]
    english = docx_items(export(tmp_path, data, name="en.docx", language="en"))
    assert "A (1 vote)" in texts(english)
    assert "B (5 votes)" in texts(english)


def test_remarks_table_and_sentences(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["themes"][1]["comments"] = [
        {
            "text": "Zmínit retenci vody",
            "author": "Účastník 2",
            "organization": "Povodí Labe",
            "status": "accepted",
            "response": "Doplněno do vize",
        },
        {"text": "Bez autora"},
    ]
    items = docx_items(export(tmp_path, parse_workshop(raw)))
    found = texts(items)
    start = found.index("VIZE")
    assert found[start + 1] == "K návrhu vize byly vzneseny tyto připomínky:"
    assert found[start + 2] == (
        "Výsledné znění vize po projednání a zapracování všech obdržených připomínek je:"
    )
    (table,) = [item for item in items if item.kind == "table"]
    assert table.rows == [
        ["Téma", "Připomínka", "Kdo", "Stav", "Vypořádání"],
        [
            "Vodní hospodářství",
            "Zmínit retenci vody",
            "Účastník 2, Povodí Labe",
            "akceptováno",
            "Doplněno do vize",
        ],
        ["Vodní hospodářství", "Bez autora", "", "nevypořádáno", ""],
    ]
    # The table sits between the two sentences.
    position = items.index(table)
    assert items[position - 1].text.startswith("K návrhu vize byly")
    assert items[position + 1].text.startswith("Výsledné znění vize")
    header = table.element.find(f"{W}tr/{W}trPr/{W}tblHeader")
    assert header is not None  # the header row repeats on every page


def test_vision_intro_replaces_the_generated_sentence(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["workshop"]["vision_intro"] = "Vize byla schválena.\n\nBez výhrad."
    found = texts(docx_items(export(tmp_path, parse_workshop(raw))))
    start = found.index("VIZE")
    assert found[start + 1 : start + 4] == ["Vize byla schválena.", "Bez výhrad.", "Energetika"]


def test_place_end_time_and_notes(tmp_path: Path) -> None:
    raw = minimal_raw(place="Krajský úřad, Liberec", ends_at="2026-05-19T16:30")
    raw["attendees"] = [{"name": "X"}, {"name": "Y", "role": "organizer"}]
    raw["activity_blocks"] = [{"activities": [{"text": "Akce", "note": "zeptat se", "votes": 3}]}]
    items = docx_items(export(tmp_path, parse_workshop(raw)))
    found = texts(items)
    assert found[1:4] == [
        "Datum: 19. 5. 2026 od 13 do 16:30 hodin",
        "Místo: Krajský úřad, Liberec",
        "Počet účastníků: 1 (+1 ORK)",
    ]
    item = next(item for item in items if item.level == 0)
    assert item.text == "Akce (3 hlasy)\nzeptat se"
    italic = item.element.findall(f"{W}r")[-1]
    assert italic.find(f"{W}rPr/{W}i") is not None


# -- the document as a file -------------------------------------------------------------------


def test_core_properties_and_no_template_leftovers(tmp_path: Path) -> None:
    before = datetime.now(UTC) - timedelta(seconds=2)
    target = export(tmp_path)
    properties = docx.Document(str(target)).core_properties
    assert properties.title == demo_raw()["workshop"]["title"]
    assert properties.author == properties.last_modified_by == "Michal Kněžů Mrvka"
    assert properties.comments == properties.keywords == properties.subject == ""
    assert properties.language == "cs-CZ"
    for moment in (properties.created, properties.modified):
        assert moment is not None
        assert before <= moment.replace(tzinfo=UTC) <= datetime.now(UTC) + timedelta(seconds=2)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert not [name for name in names if "thumbnail" in name]
    assert "python-docx" not in all_xml_text(target)
    assert "Macintosh" not in all_xml_text(target)


def test_a4_and_a_page_number_in_the_footer(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path)))
    section = document.sections[-1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.cm, 1) == 2.5
    footer = section.footer
    assert not footer.is_linked_to_previous
    fields = footer._element.findall(f".//{W}fldSimple")
    assert [field.get(f"{W}instr").strip() for field in fields] == ["PAGE"]


def test_failed_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")

    def broken_save(self: Any, path: Any) -> None:
        Path(path).write_bytes(b"half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(RuntimeError):
        export_minutes(demo_workshop(), target, MinutesOptions())
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["minutes.docx"]


def test_a_folder_that_cannot_be_written_is_a_minutes_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "minutes.docx"
    with pytest.raises(MinutesError, match=r"minutes\.docx"):
        export_minutes(demo_workshop(), target, MinutesOptions())


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.docx, \.md or \.pdf"):
        export_minutes(demo_workshop(), tmp_path / "minutes.odt", MinutesOptions())
    assert not list(tmp_path.iterdir())


def test_unknown_language_is_a_minutes_error(tmp_path: Path) -> None:
    with pytest.raises(MinutesError, match="'de'"):
        export(tmp_path, language="de")
    assert issubclass(MinutesError, WorkshopError)


# -- templates --------------------------------------------------------------------------------


def make_template(path: Path) -> Path:
    """An organisation's template: own Normal font, Letter page, header, footer and content."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    section = document.sections[0]
    section.left_margin = docx.shared.Cm(3.1)
    section.header.paragraphs[0].text = "Liberecký kraj — hlavička"
    section.footer.paragraphs[0].text = "Patička organizace"
    document.add_paragraph("Obsah šablony, který v zápisu nemá být")
    document.add_table(rows=1, cols=2)
    document.save(str(path))
    return path


def dotx(path: Path) -> Path:
    """The template of ``make_template`` saved as a Word template (.dotx)."""
    source = make_template(path.with_name("source.docx"))
    path = path.with_suffix(".dotx")
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w") as copy:
        for item in archive.infolist():
            data = archive.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            copy.writestr(item, data)
    return path


def test_template_keeps_styles_page_header_and_footer(tmp_path: Path) -> None:
    template = make_template(tmp_path / "template.docx")
    target = export(tmp_path, template=template)
    document = docx.Document(str(target))
    assert "Obsah šablony" not in "".join(p.text for p in document.paragraphs)
    assert not document.tables
    section = document.sections[-1]
    assert round(section.left_margin.cm, 1) == 3.1
    assert round(section.page_width.inches, 1) == 8.5  # the template's Letter stays
    assert section.header.paragraphs[0].text == "Liberecký kraj — hlavička"
    assert section.footer.paragraphs[0].text == "Patička organizace"
    assert document.styles["Normal"].font.name == "Georgia"
    items = docx_items(target)
    assert paragraph_of(items, "VIZE").style == "Heading 1"
    assert next(item.text for item in items if item.level is not None) == (
        "Přátelský a bezpečný prostor"
    )
    assert document.core_properties.author == "Michal Kněžů Mrvka"


def test_template_without_the_needed_styles_and_numbering(tmp_path: Path) -> None:
    path = tmp_path / "bare.docx"
    document = docx.Document()
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in ("Title", "heading 1", "heading 2", "List Paragraph", "Table Grid", "footer"):
            styles.remove(style)
    package = document.part
    for r_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/numbering"):
            del package.rels[r_id]
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        assert "word/numbering.xml" not in archive.namelist()

    target = export(tmp_path, template=path, attendance=True)
    parse_every_part(target)
    items = docx_items(target)
    heading = paragraph_of(items, "VIZE")
    assert heading.style == "Heading 1"
    assert texts(items)[0] == demo_raw()["workshop"]["title"]
    assert items[0].style == "Title"
    levels = [item.level for item in items if item.level is not None]
    assert levels == [depth for _, depth in tree_depths(demo_raw())]
    # A heading style added as a fallback is still a heading for Word's navigation pane.
    styles_xml = etree.fromstring(part_xml(target, "word/styles.xml"))
    (added,) = [
        s
        for s in styles_xml.findall(f"{W}style")
        if s.find(f"{W}name").get(f"{W}val") == "heading 1"
    ]
    assert added.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0"


def test_dotx_template_is_accepted(tmp_path: Path) -> None:
    template = dotx(tmp_path / "template.docx")
    with pytest.raises(ValueError, match="not a Word file"):
        docx.Document(str(template))  # python-docx alone refuses a template
    target = export(tmp_path, template=template)
    assert docx.Document(str(target)).sections[-1].header.paragraphs[0].text.startswith("Liberecký")


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"not a zip at all", "not a Word document"), (None, "no such template file")],
)
def test_bad_template_is_a_minutes_error_naming_the_file(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    template = tmp_path / "vzor.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(MinutesError, match=problem) as caught:
        export(tmp_path, template=template)
    assert "vzor.docx" in str(caught.value)
    assert not (tmp_path / "minutes.docx").exists()


def test_template_that_is_a_spreadsheet_zip(tmp_path: Path) -> None:
    template = tmp_path / "tabulka.docx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(MinutesError, match=r"tabulka\.docx"):
        export(tmp_path, template=template)


# -- any text as typed ------------------------------------------------------------------------

NASTY = (
    "Řádek\x0bdalší\x0cstrana\ttab\x00nul\x01\x1f\x7f\x85NEL \u2028LS \ufffe\uffff "
    "<b>&amp; & < > \"' ]]> 😀 \ud800 lone \udfff \ud83d\ude00 pair"
)


def nasty_workshop(text: str) -> WorkshopData:
    raw = minimal_raw(title=text or "x", place=text, facilitator=text, organizer_label=text)
    raw["attendees"] = [{"name": text or "x", "organization": text, "role": "organizer"}]
    raw["themes"] = [
        {
            "name": text or "x",
            "vision": text,
            "comments": [{"text": text or "x", "author": text, "response": text}],
        }
    ]
    raw["activity_blocks"] = [
        {"themes": [text or "x"], "activities": [{"text": text or "x", "note": text, "votes": 2}]}
    ]
    raw["workshop"]["vision_intro"] = None
    return parse_workshop(raw)


def test_control_characters_emoji_and_markup_survive(tmp_path: Path) -> None:
    data = nasty_workshop(NASTY)
    # The JSON reader already replaces surrogates; text from the GUI reaches us unreplaced.
    data.blocks[0].children[0].text = NASTY
    target = export(tmp_path, data, attendance=True)
    parse_every_part(target)
    items = docx_items(target)
    item = next(item for item in items if item.level == 0)
    # A vertical tab and a form feed are line breaks; NUL and friends are gone.
    assert item.text.startswith("Řádek\ndalší\nstrana\ttabnul\nNEL \nLS  <b>&amp; & < > \"' ]]> 😀")
    assert "\ufffd lone \ufffd 😀 pair" in item.text
    assert item.element.findall(f".//{W}br")
    assert docx.Document(str(target)).core_properties.title.startswith("Řádek další strana tab")


def test_very_long_line(tmp_path: Path) -> None:
    raw = minimal_raw()
    long_text = "slovo " * 20000 + "x" * 50000
    raw["activity_blocks"] = [{"activities": [{"text": long_text}]}]
    items = docx_items(export(tmp_path, parse_workshop(raw)))
    assert next(item for item in items if item.level == 0).text == long_text.strip()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40))
def test_any_text_gives_a_document_python_docx_reopens(tmp_path: Path, text: str) -> None:
    target = export(tmp_path, nasty_workshop(text), attendance=True)
    parse_every_part(target)
    docx_items(target)


# -- LibreOffice ------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_renders_the_czech_text(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    target = export(tmp_path, attendance=True)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(target)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "pdf" / "minutes.pdf"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for line in (
        "Počet účastníků: 8 (+1 ORK)",
        "Facilitátor: Michal Kněžů Mrvka",
        "NÁVRHY AKTIVIT",
        "Přátelský a bezpečný prostor",
        "Zajištění kybernetické bezpečnosti – preventivní program",
        "PREZENČNÍ LISTINA",
    ):
        assert line in flat
    assert "•" in text
    assert "◦" in text
    pages = text.count("\f")
    assert pages >= 3  # the attendance list starts a page of its own

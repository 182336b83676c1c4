"""Reading minutes (.docx) back into a workshop: the app's own minutes exactly, Word documents
written by hand in the same layout, and clear refusals of everything else."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minutes_helpers import demo_raw, run_app

from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.minutes.read import read_minutes
from facilitator_app.minutes.read.dates import parse_when
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.interchange import parse_workshop, workshop_to_json
from facilitator_app.workshop.model import Node, RemarkStatus, Role, WorkshopData

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def export(tmp_path: Path, raw: dict[str, Any], name: str = "minutes.docx", **options: Any) -> Path:
    target = tmp_path / name
    export_minutes(parse_workshop(raw), target, MinutesOptions(**options))
    return target


def tree(data: WorkshopData) -> list[list[tuple[int, str, str, int]]]:
    """Per block: (depth, text, note, votes) of every activity in document order."""
    out = []
    for block in data.blocks:
        items = []
        stack: list[tuple[Node, int]] = [(child, 0) for child in reversed(block.children)]
        while stack:
            node, depth = stack.pop()
            items.append((depth, node.text, node.note, node.votes))
            stack.extend((child, depth + 1) for child in reversed(node.children))
        out.append(items)
    return out


def block_themes(data: WorkshopData) -> list[list[str]]:
    names = {theme.id: theme.name for theme in data.themes}
    return [[names[i] for i in block.theme_ids] for block in data.blocks]


def ordered_by_votes(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    activities = sorted(activities, key=lambda activity: -activity.get("votes", 0))
    for activity in activities:
        if "children" in activity:
            activity["children"] = ordered_by_votes(activity["children"])
    return activities


def rich_raw(language: str) -> dict[str, Any]:
    """The example workshop with votes, notes, remarks, an end time, a place and a second block."""
    raw = demo_raw()
    raw["workshop"].update(language=language, ends_at="2026-05-19T16:30", place="Liberec, KÚLK")
    counter = iter(range(10_000))

    def decorate(activities: list[dict[str, Any]]) -> None:
        for activity in activities:
            number = next(counter)
            if number % 3 == 0:
                activity["votes"] = number % 7 + 1
            if number % 5 == 0:
                activity["note"] = f"poznámka {number}\ndruhý řádek"
            decorate(activity.get("children", []))

    for block in raw["activity_blocks"]:
        decorate(block["activities"])
    raw["themes"][0]["comments"] = [
        {
            "text": "Doplnit jádro",
            "author": "Jan Novák",
            "organization": "KÚLK",
            "status": "accepted",
            "response": "Doplněno",
        },
        {"text": "Bez autora", "status": "noted"},
        {"text": "Jen autor", "author": "Eva Malá", "status": "rejected", "response": "Ne"},
    ]
    raw["themes"][2]["comments"] = [{"text": "Slovo", "status": "partly"}]
    raw["themes"][1]["vision"] = "První odstavec.\n\nDruhý odstavec\ns řádkem."
    raw["activity_blocks"].append(
        {
            "themes": ["Energetika", "Vodní hospodářství"],
            "activities": [
                {"text": "Solární parky", "votes": 1, "children": [{"text": "Na střechách"}]},
                {"text": "Malé vodní elektrárny", "votes": 22},
            ],
        }
    )
    return raw


# -- the app's own minutes, read back exactly -----------------------------------------------------


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_example_workshop_comes_back_exactly(tmp_path: Path, language: str) -> None:
    raw = demo_raw()
    raw["workshop"]["language"] = language
    original = parse_workshop(raw)
    back = read_minutes(export(tmp_path, raw))

    assert [(t.name, t.vision) for t in back.themes] == [
        (t.name, t.vision) for t in original.themes
    ]
    assert block_themes(back) == block_themes(original)
    assert tree(back) == tree(original)
    details, expected = back.details, original.details
    assert details.title == expected.title
    assert details.starts_at == expected.starts_at
    assert details.ends_at is None
    assert details.facilitator == expected.facilitator
    assert details.language == language
    assert details.vision_intro is None  # the generated sentence is not kept as the workshop's
    assert back.attendees == []  # the minutes name nobody without the attendance appendix


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("order_by_votes", [False, True], ids=["tree-order", "by-votes"])
@pytest.mark.parametrize("numbered", [False, True], ids=["bullets", "numbered"])
def test_votes_notes_remarks_attendance_and_end_time_come_back(
    tmp_path: Path, language: str, order_by_votes: bool, numbered: bool
) -> None:
    raw = rich_raw(language)
    source = export(
        tmp_path, raw, attendance=True, order_by_votes=order_by_votes, numbered=numbered
    )
    back = workshop_to_json(read_minutes(source))

    expected = workshop_to_json(parse_workshop(raw))
    if order_by_votes:
        for block in expected["activity_blocks"]:
            block["activities"] = ordered_by_votes(block["activities"])
    assert back["activity_blocks"] == expected["activity_blocks"]
    assert back["themes"] == expected["themes"]
    assert back["workshop"] == expected["workshop"]
    # The list has no roles: the organiser comes back from the head count "8 (+1 ORK)",
    # being the one person present with ORK in the name.
    assert back["attendees"] == expected["attendees"]


def test_statuses_of_remarks_in_both_languages(tmp_path: Path) -> None:
    for language in ("cs", "en"):
        raw = demo_raw()
        raw["workshop"]["language"] = language
        raw["themes"][0]["comments"] = [
            {"text": f"r {status}", "author": "A", "status": status} for status in RemarkStatus
        ]
        back = read_minutes(export(tmp_path, raw, name=f"{language}.docx"))
        assert [r.status for r in back.themes[0].remarks] == list(RemarkStatus)


def test_public_minutes_keep_the_organisation_of_each_remark(tmp_path: Path) -> None:
    raw = rich_raw("cs")
    back = read_minutes(export(tmp_path, raw, public=True))
    first = back.themes[0].remarks[0]
    assert (first.author, first.organization) == ("KÚLK", "")  # one name: read as the author
    assert back.attendees == []

    raw["attendees"].append({"name": "Jan Novák", "organization": "KÚLK"})
    back = read_minutes(export(tmp_path, raw, name="with-list.docx", attendance=True))
    assert back.themes[0].remarks[0].organization == "KÚLK"


def test_a_vision_intro_of_the_workshop_own_is_kept(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["workshop"]["vision_intro"] = "Vizi jsme prošli.\n\nSkupina ji přijala."
    back = read_minutes(export(tmp_path, raw))
    assert back.details.vision_intro == "Vizi jsme prošli.\n\nSkupina ji přijala."
    assert [t.name for t in back.themes] == [t["name"] for t in raw["themes"]]


def test_an_end_on_another_day_and_a_half_hour_start(tmp_path: Path) -> None:
    for language in ("cs", "en"):
        raw = demo_raw()
        raw["workshop"].update(
            language=language, starts_at="2026-05-19T09:30", ends_at="2026-05-20T12:00"
        )
        back = read_minutes(export(tmp_path, raw, name=f"{language}.docx"))
        assert back.details.starts_at == datetime(2026, 5, 19, 9, 30)
        assert back.details.ends_at == datetime(2026, 5, 20, 12, 0)


def test_minutes_in_the_other_language_than_the_workshop(tmp_path: Path) -> None:
    back = read_minutes(export(tmp_path, demo_raw(), language="en"))
    assert back.details.language == "en"
    assert len(back.themes) == 4


def test_a_workshop_without_themes_or_activities(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["themes"], raw["activity_blocks"] = [], []
    back = read_minutes(export(tmp_path, raw))
    assert back.details.title == raw["workshop"]["title"]
    assert back.details.starts_at == datetime(2026, 5, 19, 13, 0)
    assert (back.themes, back.blocks) == ([], [])


def test_nine_levels_and_deeper_ones_on_the_ninth(tmp_path: Path) -> None:
    raw = demo_raw()
    chain: dict[str, Any] = {"text": "level 10"}
    for level in range(9, -1, -1):
        chain = {"text": f"level {level}", "children": [chain]}
    raw["activity_blocks"] = [{"themes": ["Energetika"], "activities": [chain]}]
    back = read_minutes(export(tmp_path, raw))
    items = [(depth, text) for depth, text, *_ in tree(back)[0]]
    # Word's list has nine levels: the exporter writes deeper items on the ninth.
    assert items == [(min(level, 8), f"level {level}") for level in range(11)]


activity_text = st.text(
    alphabet=st.sampled_from("abcčdeěfghijklmnoprřsštuvxyzž ABCDEF.,-–()0123456789"),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() and not text.strip().endswith(")"))


@st.composite
def activity_trees(draw: st.DrawFn, depth: int = 0) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 3 if depth < 8 else 0))
    return [
        {
            "text": draw(activity_text).strip(),
            "votes": draw(st.integers(0, 30)),
            "children": draw(activity_trees(depth + 1)) if depth < 8 else [],
        }
        for _ in range(count)
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(activity_trees(), min_size=1, max_size=3))
def test_any_tree_of_nine_levels_comes_back(tmp_path_factory: Any, blocks: Any) -> None:
    raw = demo_raw()
    raw["activity_blocks"] = [
        {"themes": [raw["themes"][index % 4]["name"]], "activities": activities}
        for index, activities in enumerate(blocks)
    ]
    source = export(tmp_path_factory.mktemp("tree"), raw)
    assert tree(read_minutes(source)) == tree(parse_workshop(raw))


any_text = st.text(min_size=1, max_size=20)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(any_text, min_size=1, max_size=3, unique=True),
    activities=st.lists(st.tuples(any_text, any_text), max_size=4),
    vision=any_text,
    title=any_text,
)
def test_any_text_reads_back_into_a_valid_workshop(
    tmp_path_factory: Any,
    names: list[str],
    activities: list[tuple[str, str]],
    vision: str,
    title: str,
) -> None:
    """Control characters, lone spaces, brackets, capitals: never a crash, and what is read
    back is a workshop the app can store and export as JSON that imports again."""
    from facilitator_app.workshop.document import Document

    raw = demo_raw()
    raw["workshop"]["title"] = title
    raw["themes"] = [
        {"name": name, "vision": vision, "comments": [{"text": vision, "author": name}]}
        for name in names
    ]
    chain: list[dict[str, Any]] = []
    for text, note in reversed(activities):
        chain = [{"text": text, "note": note, "children": chain}]
    raw["activity_blocks"] = [{"themes": names, "activities": chain}]
    try:
        data = parse_workshop(raw)
    except ValueError:
        return  # names the format refuses
    folder = tmp_path_factory.mktemp("any")
    export_minutes(data, folder / "minutes.docx", MinutesOptions(attendance=True))
    back = read_minutes(folder / "minutes.docx")
    Document.create(folder / "back.workshop", back).close()
    parse_workshop(json.loads(json.dumps(workshop_to_json(back))))


# -- tracked changes and Word's own additions -----------------------------------------------------


def test_tracked_changes_read_as_accepted_with_the_draft_kept(tmp_path: Path) -> None:
    raw = demo_raw()
    source = export(tmp_path, raw)
    document = docx.Document(str(source))
    vision = raw["themes"][0]["vision"]
    paragraph = next(p for p in document.paragraphs if p.text == vision)
    date = 'w:author="Facilitátor" w:date="2026-05-19T15:00:00Z"'
    for run in list(paragraph._p.iterchildren(qn("w:r"))):
        paragraph._p.remove(run)
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="1" {date}><w:r><w:delText xml:space="preserve">'
            "Staré znění. </w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>{vision}</w:t></w:r>'))
    paragraph._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W_NS}" w:id="2" {date}><w:r><w:t xml:space="preserve">'
            " Nová věta.</w:t></w:r></w:ins>"
        )
    )
    document.save(str(source))

    theme = read_minutes(source).themes[0]
    assert theme.vision == f"{vision} Nová věta."
    assert theme.draft == f"Staré znění. {vision}"


def test_the_redline_of_the_vision_gives_back_the_draft_and_the_wording(tmp_path: Path) -> None:
    raw = demo_raw()
    themes = raw["themes"]
    themes[0]["draft"] = "Sítě energií umožňují rozvoj.\n\nDruhý odstavec návrhu."
    themes[1]["draft"] = themes[1]["vision"] + " Věta navíc."
    themes[2]["vision"] += "\n\nNový odstavec."
    themes[2]["draft"] = "Zcela jiný text."
    source = export(tmp_path, raw, redline=True)
    back = read_minutes(source)
    original = parse_workshop(raw)
    assert [(t.name, t.vision, t.draft) for t in back.themes] == [
        (t.name, t.vision, t.draft) for t in original.themes
    ]


def test_content_controls_hyperlinks_headers_and_footers(tmp_path: Path) -> None:
    source = export(tmp_path, demo_raw())
    document = docx.Document(str(source))
    document.sections[0].header.paragraphs[0].text = "HLAVIČKA KRAJE"
    body = document.element.body
    first_item = next(
        p for p in body.iterchildren(qn("w:p")) if p.find(f".//{qn('w:numPr')}") is not None
    )
    sdt = parse_xml(f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr/><w:sdtContent/></w:sdt>')
    first_item.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(first_item)
    run = first_item.find(qn("w:r"))
    link = parse_xml(f'<w:hyperlink xmlns:w="{W_NS}"/>')
    run.addprevious(link)
    link.append(run)
    document.save(str(source))
    assert tree(read_minutes(source)) == tree(parse_workshop(demo_raw()))


def test_an_item_two_levels_below_its_predecessor_hangs_under_it(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["activity_blocks"] = [
        {
            "themes": ["Energetika"],
            "activities": [
                {"text": "A", "children": [{"text": "A1", "children": [{"text": "A1a"}]}]},
                {"text": "B", "children": [{"text": "B1"}]},
            ],
        }
    ]
    source = export(tmp_path, raw)
    document = docx.Document(str(source))
    # Make A1a a level-3 item straight after level 1: move A1 away and A1a up to nothing.
    paragraphs = {p.text: p._p for p in document.paragraphs}
    paragraphs["A1"].getparent().remove(paragraphs["A1"])
    document.save(str(source))
    assert tree(read_minutes(source)) == [
        [(0, "A", "", 0), (1, "A1a", "", 0), (0, "B", "", 0), (1, "B1", "", 0)]
    ]


# -- Word documents written by hand ---------------------------------------------------------------


def hand_written(path: Path) -> Path:
    """Minutes typed in Word: Heading 1 and 2, Word's List Bullet styles, stray paragraphs."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Liberecký kraj"
    document.sections[0].footer.paragraphs[0].text = "Strana 1"
    document.add_paragraph("")
    document.add_heading("Pracovní skupina Energetika a doprava", 1)
    document.add_paragraph("Datum:\t19.5.2026, 9:00–12:30")
    document.add_paragraph("Místo konání: Liberec")
    document.add_paragraph("Počet účastníků: 12 (+2 ORK)")
    document.add_paragraph("Facilitátor: Jana Dvořáková")
    document.add_paragraph("Zapsal: Petr")
    document.add_heading("Vize", 1)
    document.add_paragraph("Vize byla projednána bez připomínek.")
    document.add_heading("Energetika", 2)
    document.add_paragraph("Odstavec jedna.")
    document.add_paragraph("")
    document.add_paragraph("Odstavec dva.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Poznámka"
    document.add_heading("Doprava", 2)
    document.add_paragraph("Doprava je dostupná.")
    document.add_heading("Návrhy aktivit", 1)
    document.add_paragraph("ENERGETIKA + DOPRAVA + ICT")
    document.add_paragraph("Úspory energie (3 hlasy)", style="List Bullet")
    document.add_paragraph("Zateplení škol", style="List Bullet 2")
    document.add_paragraph("Fotovoltaika na střechách", style="List Bullet 3")
    document.add_paragraph("Obnovitelné zdroje", style="List Bullet")
    document.add_paragraph("Větrné elektrárny (1 hlas)", style="List Bullet 3")  # a gap
    document.add_paragraph("Malé vodní elektrárny", style="List Bullet 2")
    document.add_paragraph("", style="List Bullet")  # a paragraph mark only
    document.add_paragraph("VODNÍ HOSPODÁŘSTVÍ")  # a theme not under Vize
    document.add_paragraph("\tRetence vody v krajině")
    document.add_paragraph("- Tůně a mokřady")
    document.add_paragraph("\t\t- Obnova rybníků (5 hlasů)")
    document.add_heading("Úkoly", 1)  # a section the app does not read
    document.add_paragraph("Rozeslat zápis", style="List Bullet")
    document.save(str(path))
    return path


def test_a_hand_written_word_document(tmp_path: Path) -> None:
    data = read_minutes(hand_written(tmp_path / "zapis.docx"))
    details = data.details
    assert details.title == "Pracovní skupina Energetika a doprava"
    assert (details.starts_at, details.ends_at) == (
        datetime(2026, 5, 19, 9, 0),
        datetime(2026, 5, 19, 12, 30),
    )
    assert (details.place, details.facilitator) == ("Liberec", "Jana Dvořáková")
    assert (details.language, details.organizer_label) == ("cs", "ORK")
    assert details.vision_intro == "Vize byla projednána bez připomínek."
    assert [(t.name, t.vision) for t in data.themes] == [
        ("Energetika", "Odstavec jedna.\n\nOdstavec dva."),
        ("Doprava", "Doprava je dostupná."),
        ("ICT", ""),  # named only by a block: made, without a vision
        ("Vodní hospodářství", ""),
    ]
    assert block_themes(data) == [["Energetika", "Doprava", "ICT"], ["Vodní hospodářství"]]
    assert tree(data) == [
        [
            (0, "Úspory energie", "", 3),
            (1, "Zateplení škol", "", 0),
            (2, "Fotovoltaika na střechách", "", 0),
            (0, "Obnovitelné zdroje", "", 0),
            (1, "Větrné elektrárny", "", 1),
            (1, "Malé vodní elektrárny", "", 0),
        ],
        [
            (0, "Retence vody v krajině", "", 0),
            (0, "Tůně a mokřady", "", 0),
            (1, "Obnova rybníků", "", 5),
        ],
    ]


def test_a_word_list_indented_by_hand(tmp_path: Path) -> None:
    """One bullet style throughout; the levels are only in the paragraphs' indentation."""
    document = docx.Document()
    document.add_heading("Workshop", 0)
    document.add_heading("Proposed activities", 1)
    for text, indent in (("Top", 0), ("Child", 1.27), ("Grandchild", 2.5), ("Next", 0.1)):
        paragraph = document.add_paragraph(text, style="List Bullet")
        paragraph.paragraph_format.left_indent = Cm(0.63 + indent)
    source = tmp_path / "indented.docx"
    document.save(str(source))
    data = read_minutes(source)
    assert data.details.language == "en"
    assert tree(data) == [
        [(0, "Top", "", 0), (1, "Child", "", 0), (2, "Grandchild", "", 0), (0, "Next", "", 0)]
    ]


Indent = dict[str, int]  # w:ind attributes in twips (or hundredths of a character)


def indented(path: Path, items: list[tuple[str, str, Indent]], numbering: str = "") -> Path:
    """Minutes typed by hand: a title, the activities heading, then one paragraph per item
    (text, style, w:ind attributes set on the paragraph itself). ``numbering`` is an
    abstractNum's levels, added as a list that "List Number" items of the style use."""
    document = docx.Document()
    document.add_heading("Workshop", 0)
    document.add_heading("Proposed activities", 1)
    for text, style, ind in items:
        paragraph = document.add_paragraph(text, style=style)
        if ind:
            element = paragraph._p.get_or_add_pPr().get_or_add_ind()
            for name, value in ind.items():
                element.set(qn(f"w:{name}"), str(value))
    if numbering:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        part = document.part.part_related_by(RT.NUMBERING).element
        part.insert(
            0,
            parse_xml(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">{numbering}</w:abstractNum>'
            ),
        )
        part.append(
            parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
    document.save(str(path))
    return path


NESTED = [(0, "Top"), (1, "Child"), (2, "Grandchild"), (1, "Second child"), (0, "Next")]


def nested_tree() -> list[list[tuple[int, str, str, int]]]:
    return [[(depth, text, "", 0) for depth, text in NESTED]]


@pytest.mark.parametrize(
    ("style", "indent"),
    [
        ("Normal", lambda level: {"firstLine": 567 * level}),  # "- " typed, first line moved
        ("List Bullet", lambda level: {"firstLine": 567 * level}),  # the bullet moved
        ("Normal", lambda level: {"left": 3 * 567, "hanging": 567 * (3 - level)}),
        ("List Bullet", lambda level: {"left": 567 * (level + 1), "hanging": 360}),
        ("Normal", lambda level: {"left": 720 * level}),
        ("Normal", lambda level: {"start": 720 * level}),
        ("Normal", lambda level: {"firstLineChars": 200 * level}),
    ],
    ids=[
        "first-line",
        "first-line-of-bullets",
        "hanging",
        "hanging-bullets",
        "left",
        "start",
        "first-line-in-characters",
    ],
)
def test_a_list_nested_by_its_indentation_alone(
    tmp_path: Path, style: str, indent: Callable[[int], Indent]
) -> None:
    """No list levels (w:ilvl) at all: the tree is the one the indentation shows."""
    items = [
        (f"- {text}" if style == "Normal" else text, style, indent(depth)) for depth, text in NESTED
    ]
    assert tree(read_minutes(indented(tmp_path / "list.docx", items))) == nested_tree()


def test_a_list_nested_by_leading_spaces(tmp_path: Path) -> None:
    items = [(" " * 4 * depth + f"- {text}", "Normal", {}) for depth, text in NESTED]
    assert tree(read_minutes(indented(tmp_path / "list.docx", items))) == nested_tree()


def test_a_list_nested_by_the_indentation_of_its_styles(tmp_path: Path) -> None:
    """Each measure from the nearest style that sets it: "Level 3" moves only the left
    indent and keeps the first line of "Level 2" it is based on."""
    document = docx.Document()
    styles = document.styles
    for name, base, ind in (
        ("Level 1", "Normal", {"firstLine": 0}),
        ("Level 2", "Level 1", {"firstLine": 567}),
        ("Level 3", "Level 2", {"left": 567}),
    ):
        style = styles.add_style(name, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        element = style.element.get_or_add_pPr().get_or_add_ind()
        for attribute, value in ind.items():
            element.set(qn(f"w:{attribute}"), str(value))
    path = tmp_path / "styles.docx"
    document.save(str(path))
    items = [(f"- {text}", f"Level {depth + 1}", {}) for depth, text in NESTED]
    document = docx.Document(str(path))
    document.add_heading("Workshop", 0)
    document.add_heading("Proposed activities", 1)
    for text, style, _ in items:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    assert tree(read_minutes(path)) == nested_tree()


LEVELS_WITHOUT_INDENTS = "".join(
    f'<w:lvl w:ilvl="{level}"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
    for level in range(3)
)


def numbered(level: int, ind: Indent | None = None) -> Indent:
    """w:ind attributes, marked to get a w:numPr of list 90 at ``level`` (see with_levels)."""
    return {**(ind or {}), "_level": level}


def with_levels(path: Path, items: list[tuple[str, Indent]]) -> Path:
    """Items of one list of three levels that indent nothing: the levels are the w:ilvl."""
    plain = [
        (text, "Normal", {k: v for k, v in ind.items() if k != "_level"}) for text, ind in items
    ]
    indented(path, plain, LEVELS_WITHOUT_INDENTS)
    document = docx.Document(str(path))
    paragraphs = [p for p in document.paragraphs if p.style.name == "Normal" and p.text]
    for paragraph, (_, ind) in zip(paragraphs, items, strict=True):
        paragraph._p.get_or_add_pPr().insert(
            0,
            parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ind["_level"]}"/>'
                '<w:numId w:val="90"/></w:numPr>'
            ),
        )
    document.save(str(path))
    return path


def test_list_levels_and_indentation_together(tmp_path: Path) -> None:
    """Where items are indented alike their list level tells; where not, the indentation
    does: "Grandchild" is on level 1 like "Child", but indented further."""
    path = with_levels(
        tmp_path / "mixed.docx",
        [
            ("Top", numbered(0)),
            ("Child", numbered(1)),
            ("Grandchild", numbered(1, {"left": 720})),
            ("Second child", numbered(1)),
            ("Next", numbered(0)),
        ],
    )
    assert tree(read_minutes(path)) == nested_tree()


def contradicting_indents(path: Path) -> None:
    """Two bullets: the second's bullet further in than the first's, its text further out."""
    indented(
        path,
        [
            ("Úspory energie", "List Bullet", {"left": 1440, "hanging": 1080}),
            ("Zateplení škol", "List Bullet", {"left": 720, "hanging": 0}),
        ],
    )


def test_indentation_that_tells_no_tree_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ambiguous.docx"
    contradicting_indents(path)
    with pytest.raises(BadInputError) as caught:
        read_minutes(path)
    message = str(caught.value)
    assert message.startswith(f'{path}: the level of the activity "Zateplení škol"')
    assert '"Úspory energie" above it' in message
    assert "\n" not in message


def test_a_document_with_only_a_list(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Nápady z porady")
    document.add_paragraph("První", style="List Bullet")
    document.add_paragraph("Druhý (2 hlasy)", style="List Bullet 2")
    source = tmp_path / "nápady.docx"
    document.save(str(source))
    data = read_minutes(source)
    assert data.details.title == "Nápady z porady"
    assert data.themes == []
    assert tree(data) == [[(0, "První", "", 0), (1, "Druhý", "", 2)]]


def test_a_document_without_activities(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Vize kraje", 0)
    document.add_heading("VISION", 1)
    document.add_heading("Water", 2)
    document.add_paragraph("Clean water for all.")
    source = tmp_path / "vision.docx"
    document.save(str(source))
    data = read_minutes(source)
    assert [(t.name, t.vision) for t in data.themes] == [("Water", "Clean water for all.")]
    assert data.blocks == []
    assert data.details.language == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19. 5. 2026 od 13 hodin", ("2026-05-19 13:00", None)),
        ("19. 5. 2026 od 13:30 do 16 hodin", ("2026-05-19 13:30", "2026-05-19 16:00")),
        ("19. 5. 2026 13 hodin – 20. 5. 2026 9:15 hodin", ("2026-05-19 13:00", "2026-05-20 09:15")),
        ("19 May 2026 from 1 pm", ("2026-05-19 13:00", None)),
        ("19 May 2026 from 1 to 4 pm", ("2026-05-19 13:00", "2026-05-19 16:00")),
        ("19 May 2026 from 11 am to 1 pm", ("2026-05-19 11:00", "2026-05-19 13:00")),
        ("19 May 2026 from 12 pm", ("2026-05-19 12:00", None)),
        ("19 May 2026, 1:30 pm – 20 May 2026, 4 pm", ("2026-05-19 13:30", "2026-05-20 16:00")),
        ("19.5.2026, 9:00–12:30", ("2026-05-19 09:00", "2026-05-19 12:30")),
        ("19. května 2026 od 9.30 hod.", ("2026-05-19 09:30", None)),
        ("May 19, 2026, 10 a.m.", ("2026-05-19 10:00", None)),
        ("2026-05-19", ("2026-05-19 00:00", None)),
        ("zítra", None),
        ("19. 12. 5202 6:13", None),
        ("19. 12. 1899 6:13", None),
    ],
)
def test_dates_and_times(text: str, expected: tuple[str, str | None] | None) -> None:
    when = parse_when(text)
    if expected is None:
        assert when is None
        return
    assert when is not None
    start, end = when
    assert start.strftime("%Y-%m-%d %H:%M") == expected[0]
    assert (end.strftime("%Y-%m-%d %H:%M") if end else None) == expected[1]


# -- refusals -------------------------------------------------------------------------------------


def not_a_zip(path: Path) -> None:
    path.write_bytes(b"Zapis z jednani\n")


def a_zip_not_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")


def a_spreadsheet(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )


def plain_text_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Just a letter.")
    document.add_paragraph("Kind regards.")
    document.save(str(path))


def an_old_doc(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))


def damaged_xml(path: Path) -> None:
    good = path.with_name("good.docx")
    export_minutes(parse_workshop(demo_raw()), good, MinutesOptions())
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            payload = source.read(item)
            if item.filename == "word/document.xml":
                payload = payload[: len(payload) // 2]
            target.writestr(item, payload)
    good.unlink()


def empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (not_a_zip, "not a ZIP package"),
        (a_zip_not_docx, "not a Word document"),
        (a_spreadsheet, "not a Word document"),
        (plain_text_docx, "no headings and no bulleted list"),
        (contradicting_indents, 'the level of the activity "Zateplení škol" cannot be told'),
        (an_old_doc, "save it in Word as a .docx"),
        (damaged_xml, "damaged"),
        (empty, "empty"),
    ],
)
@pytest.mark.parametrize("output", ["out.workshop", "out.json"])
def test_convert_refuses_what_is_not_minutes(
    tmp_path: Path, make: Any, expected: str, output: str
) -> None:
    source = tmp_path / "zápis.docx"
    make(source)
    before = source.read_bytes()
    result = run_app("convert", source.name, output, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("facilitator-app: zápis.docx: "), line
    assert expected in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zápis.docx"]  # nothing written
    assert source.read_bytes() == before


def test_read_minutes_raises_bad_input_naming_the_file(tmp_path: Path) -> None:
    source = tmp_path / "missing.docx"
    with pytest.raises(BadInputError, match=r"missing\.docx: no such file"):
        read_minutes(source)
    with pytest.raises(BadInputError, match="is a folder"):
        read_minutes(tmp_path)


# -- convert minutes.docx OUT.workshop / OUT.json -------------------------------------------------


@pytest.mark.parametrize("output", ["next.workshop", "next.json"])
def test_convert_minutes_into_a_workshop(tmp_path: Path, output: str) -> None:
    raw = rich_raw("cs")
    export(tmp_path, raw, name="zápis.docx", attendance=True)
    result = run_app("convert", "zápis.docx", output, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")

    if output.endswith(".json"):
        back = json.loads((tmp_path / output).read_text(encoding="utf-8"))
    else:
        assert run_app("convert", output, "back.json", cwd=tmp_path).returncode == 0
        back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    expected = workshop_to_json(parse_workshop(copy.deepcopy(raw)))
    for key in ("workshop", "themes", "activity_blocks", "attendees"):
        assert back[key] == expected[key], key
    organizers = [a for a in parse_workshop(back).attendees if a.role is Role.ORGANIZER]
    assert [a.name for a in organizers] == ["Pracovník ORK"]


def test_convert_a_hand_written_document(tmp_path: Path) -> None:
    hand_written(tmp_path / "ručně.docx")
    result = run_app("convert", "ručně.docx", "out.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    back = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [block["themes"] for block in back["activity_blocks"]] == [
        ["Energetika", "Doprava", "ICT"],
        ["Vodní hospodářství"],
    ]


# -- File ▸ Import minutes (.docx)… ---------------------------------------------------------------


@pytest.fixture
def window(window_factory: Any) -> Any:
    return window_factory()  # the start page


def test_the_window_offers_the_import_in_the_file_menu_and_on_the_start_page(window: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    actions = window.menuFile.actions()
    position = actions.index(window.actionImportMinutes)
    assert actions[position - 1] is window.actionImportJson
    assert window.actionImportMinutes.text() == "Import &minutes (.docx)…"
    letters = [a.text().split("&")[1][0].lower() for a in actions if "&" in a.text()]
    assert len(letters) == len(set(letters)), letters  # no two items share a menu letter
    button = window.startPage.findChild(QPushButton, "startMinutes")
    assert button is not None
    assert button.isVisible()
    letters = [b.text().split("&")[1][0] for b in window.startPage.findChildren(QPushButton)]
    assert len(letters) == len(set(letters)), letters


def test_imported_minutes_become_a_new_workshop_beside_them(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    raw = rich_raw("cs")
    source = export(tmp_path, raw, name="zápis.docx", attendance=True)
    (tmp_path / "zápis.workshop").write_bytes(b"an older workshop of the same name")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    window.actionImportMinutes.trigger()

    assert window.session is not None
    assert window.session.path == tmp_path / "zápis (2).workshop"  # never over a file
    assert (tmp_path / "zápis.workshop").read_bytes() == b"an older workshop of the same name"
    data = window.session.document.data
    assert tree(data) == tree(parse_workshop(raw))
    assert [t.name for t in data.themes] == [t["name"] for t in raw["themes"]]
    assert "zápis (2).workshop" in window.statusbar.currentMessage()


def test_a_file_that_is_not_minutes_is_refused_with_its_name(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    source = tmp_path / "dopis.docx"
    plain_text_docx(source)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    assert not window.import_minutes_from(source)
    assert window.session is None
    [message] = shown
    assert "dopis.docx" in message
    assert "no headings" in message
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".workshop") == []


def test_in_czech_the_menu_and_start_page_letters_stay_unique(
    qapp: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packaging_scripts import compile_translations
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QPushButton

    from facilitator_app.gui.core.i18n import install_translators

    compile_translations()
    default_locale = QLocale()
    translators = install_translators(qapp, "cs")
    try:
        from facilitator_app.gui.main_window import MainWindow

        monkeypatch.setenv("FACILITATOR_APP_DATA", str(tmp_path / "data"))
        main = MainWindow()
        qtbot.addWidget(main)
        assert main.actionImportMinutes.text() == "Importovat zá&pis (.docx)…"
        menu = [a.text() for a in main.menuFile.actions() if "&" in a.text()]
        buttons = [b.text() for b in main.startPage.findChildren(QPushButton)]
        assert "Navázat na &zápis z minulého jednání…" in buttons
        for texts in (menu, buttons):
            letters = [text.split("&")[1][0].lower() for text in texts]
            assert len(letters) == len(set(letters)), texts
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default_locale)

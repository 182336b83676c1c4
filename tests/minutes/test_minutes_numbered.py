"""Numbered minutes (``--numbered``): the activities' codes (``3.1.2``) as a Word numbered
multi-level list, as text in Markdown and PDF and when ordered by votes, the sentence naming
the meeting whose tree they are, and the minutes read back."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from minutes_helpers import docx_items, part_xml
from workshop_state import SAMPLE

from facilitator_app.cli import convert_parser, minutes_options
from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.content import ListItem
from facilitator_app.minutes.read import read_minutes
from facilitator_app.minutes.write.markdown import render_markdown
from facilitator_app.minutes.write.pdf import render_html
from facilitator_app.workshop.codes import activity_codes
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import WorkshopData

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def numbered_raw(depth: int = 3) -> dict[str, Any]:
    """The sample with the third block given themes and activities (twelve of them, so that
    ``3.10`` appears), votes to reorder, and a chain ``depth`` levels deep in block 2."""
    raw = copy.deepcopy(SAMPLE)
    blocks = raw["activity_blocks"]
    blocks[0]["activities"][0]["votes"] = 0
    blocks[0]["activities"][2]["votes"] = 5  # C before A and B by votes
    blocks[2]["themes"] = ["Bezpečnost"]
    blocks[2]["activities"] = [{"text": f"Položka {n}", "votes": n % 4} for n in range(1, 13)]
    chain: dict[str, Any] = {"text": "Hloubka 1"}
    link = chain
    for level in range(2, depth + 1):
        link["children"] = [{"text": f"Hloubka {level}"}]
        link = link["children"][0]
    blocks[1]["activities"].append(chain)
    return raw


def export(tmp_path: Path, data: WorkshopData, name: str = "minutes.docx", **options: Any) -> Path:
    target = tmp_path / name
    export_minutes(data, target, MinutesOptions(numbered=True, **options))
    return target


def tree(data: WorkshopData) -> list[list[tuple[int, str, str, int]]]:
    return [[(n.depth, n.text, n.note, n.votes) for n in b.walk()][1:] for b in data.blocks]


def texts_by_code(data: WorkshopData) -> dict[str, str]:
    codes = activity_codes(data.root)
    return {codes[n.id]: n.text for b in data.blocks for n in b.walk() if n is not b}


def test_list_items_carry_the_trees_codes_also_when_ordered_by_votes() -> None:
    data = parse_workshop(numbered_raw())
    expected = texts_by_code(data)
    for by_votes in (False, True):
        minutes = build_minutes(data, MinutesOptions(numbered=True, order_by_votes=by_votes))
        items = [b for b in minutes.blocks if isinstance(b, ListItem) and b.code]
        assert {item.code: item.spans[0].text for item in items} == expected
        assert minutes.counted is not by_votes
    plain = build_minutes(data, MinutesOptions(order_by_votes=True)).blocks
    assert not any(b.code for b in plain if isinstance(b, ListItem))  # not numbered: no codes
    by_votes = build_minutes(data, MinutesOptions(numbered=True, order_by_votes=True))
    first = [b.code for b in by_votes.blocks if isinstance(b, ListItem)][:3]
    assert first == ["1.3", "1.3.1", "1.1"]  # C (5 votes) first, still numbered 1.3


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("cs", "Čísla aktivit odpovídají stromu aktivit z jednání dne 19. 5. 2026."),
        ("en", "Activity numbers are those of the activity tree of the meeting on 19 May 2026."),
    ],
)
def test_the_minutes_say_whose_tree_the_numbers_are(
    tmp_path: Path, language: str, sentence: str
) -> None:
    data = parse_workshop(numbered_raw())
    items = docx_items(export(tmp_path, data, language=language))
    texts = [item.text for item in items]
    heading = texts.index("NÁVRHY AKTIVIT" if language == "cs" else "PROPOSED ACTIVITIES")
    assert texts[heading + 1] == sentence
    by_votes = docx_items(
        export(tmp_path, data, "votes.docx", language=language, order_by_votes=True)
    )
    note = next(item.text for item in by_votes if item.text.endswith("2026."))
    assert note.startswith(("Aktivity jsou seřazeny", "The activities are ordered by votes"))
    plain = docx_items(export_plain(tmp_path, data))
    assert not any(item.text.endswith("19. 5. 2026.") for item in plain)


def export_plain(tmp_path: Path, data: WorkshopData) -> Path:
    target = tmp_path / "plain.docx"
    export_minutes(data, target, MinutesOptions())
    return target


def abstract_levels(path: Path) -> dict[int, tuple[str, list[tuple[str, str]]]]:
    """numId -> (its abstractNum's multiLevelType, [(numFmt, lvlText) per level])."""
    numbering = parse_xml(part_xml(path, "word/numbering.xml"))
    abstracts = {}
    for abstract in numbering.iterfind(qn("w:abstractNum")):
        kind = abstract.find(qn("w:multiLevelType")).get(qn("w:val"))
        levels = [
            (lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")))
            for lvl in abstract.iterfind(qn("w:lvl"))
        ]
        abstracts[abstract.get(qn("w:abstractNumId"))] = (kind, levels)
    return {
        int(num.get(qn("w:numId"))): abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        for num in numbering.iterfind(qn("w:num"))
    }


def test_docx_numbers_each_block_as_a_decimal_multilevel_list(tmp_path: Path) -> None:
    data = parse_workshop(numbered_raw())
    path = export(tmp_path, data)
    lists = abstract_levels(path)
    listed = [item for item in docx_items(path) if item.num_id is not None]
    activities = [item for item in listed if lists[item.num_id][1][0][0] == "decimal"]
    codes = activity_codes(data.root)
    nodes = [n for b in data.blocks for n in b.walk() if n is not b]
    # No code as text (and A's note on its second line).
    assert [item.text.split("\n")[0].split(" (")[0] for item in activities] == [
        n.text for n in nodes
    ]
    for item, node in zip(activities, nodes, strict=True):
        assert item.level == node.depth - 2
        kind, levels = lists[item.num_id]
        block = codes[node.id].split(".")[0]
        assert kind == "multilevel"
        assert levels[0] == ("decimal", f"{block}.%1")
        assert levels[2] == ("decimal", f"{block}.%1.%2.%3")
        assert len(levels) == 9
    # One list per block: every block counts from 1.
    assert len({item.num_id for item in activities}) == len(data.blocks)


def test_ordered_by_votes_the_codes_are_text_on_the_bullets(tmp_path: Path) -> None:
    data = parse_workshop(numbered_raw())
    path = export(tmp_path, data, order_by_votes=True)
    lists = abstract_levels(path)
    items = [item for item in docx_items(path) if item.num_id is not None]
    assert all(lists[item.num_id][1][0][0] == "bullet" for item in items)
    listed = [item.text.split("\n")[0] for item in items]
    assert listed[:3] == ["1.3 C (5 hlasů)", "1.3.1 C1", "1.1 A"]
    assert "3.11 Položka 11 (3 hlasy)" in listed


def test_deeper_than_nine_levels_the_code_is_text(tmp_path: Path) -> None:
    data = parse_workshop(numbered_raw(depth=12))
    path = export(tmp_path, data)
    items = {item.text: item for item in docx_items(path)}
    ninth = items["Hloubka 9"]  # level 8, Word's last
    assert ninth.level == 8
    tenth = items["2.3" + ".1" * 9 + " Hloubka 10"]
    assert tenth.num_id == 0  # no number of Word's: it would count on at the ninth level
    assert "2.3" + ".1" * 11 + " Hloubka 12" in items
    back = read_minutes(path)
    assert tree(back) == tree(data)  # the deep levels indent on, so they come back


@pytest.mark.parametrize("by_votes", [False, True], ids=["tree-order", "by-votes"])
@pytest.mark.parametrize("language", ["cs", "en"])
def test_numbered_minutes_read_back_as_the_same_tree(
    tmp_path: Path, by_votes: bool, language: str
) -> None:
    data = parse_workshop(numbered_raw())
    back = read_minutes(export(tmp_path, data, language=language, order_by_votes=by_votes))
    expected = tree(data)
    if by_votes:
        # Read back in the order printed: compare each block's activities as sets of lines.
        assert [sorted(b) for b in tree(back)] == [sorted(b) for b in expected]
    else:
        assert tree(back) == expected
    assert [b.theme_ids != [] for b in back.blocks] == [True, True, True]


def test_markdown_and_pdf_print_the_code_before_the_activity() -> None:
    data = parse_workshop(numbered_raw())
    minutes = build_minutes(data, MinutesOptions(numbered=True))
    markdown = render_markdown(minutes).splitlines()
    assert "- 1.1 A\\" in markdown  # its note on the next line
    assert "        - 1.1.1.1 A1a" in markdown
    assert "- 3.10 Položka 10 (2 hlasy)" in markdown
    assert "*Čísla aktivit odpovídají stromu aktivit z jednání dne 19. 5. 2026.*" in markdown
    html = render_html(minutes)
    assert "<li>1.1.1.1 A1a</li>" in html
    assert "<li>2.2.2 E2</li>" in html


def test_the_command_line_flag() -> None:
    parser = convert_parser()
    assert minutes_options(parser.parse_args(["a.json", "b.docx", "--numbered"])).numbered
    assert not minutes_options(parser.parse_args(["a.json", "b.docx"])).numbered

"""The Markdown minutes: the same content as the .docx, with headings, nested lists and tables."""

from __future__ import annotations

import re
from pathlib import Path

from minutes_helpers import demo_raw, demo_workshop, minimal_raw, seed_lines, tree_depths

from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.write.markdown import escape_line, render_markdown
from facilitator_app.workshop.interchange import parse_workshop

LIST_LINE = re.compile(r"^((?:    )*)- (.*)$")


def export(tmp_path: Path, data: object = None, **options: object) -> str:
    target = tmp_path / "minutes.md"
    export_minutes(data or demo_workshop(), target, MinutesOptions(**options))  # type: ignore[arg-type]
    return target.read_text(encoding="utf-8")


def test_seed_lines_in_order_with_nesting(tmp_path: Path) -> None:
    text = export(tmp_path)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "# Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT"

    def plain(line: str) -> str:
        match = LIST_LINE.match(line)
        line = match.group(2) if match else line.lstrip("#").strip()
        return line.strip("*")

    expected = [re.sub(r"^\s*- ", "", line).strip() for line in seed_lines()]
    assert [plain(line) for line in lines[1:]] == expected
    listed = [(m.group(2), len(m.group(1)) // 4) for line in lines if (m := LIST_LINE.match(line))]
    assert listed == tree_depths(demo_raw())


def test_heading_levels_and_theme_line(tmp_path: Path) -> None:
    lines = export(tmp_path).splitlines()
    assert "## VIZE" in lines
    assert "## NÁVRHY AKTIVIT" in lines
    assert "### Energetika" in lines
    assert (
        "**BEZPEČNOST + ENERGETIKA + VODNÍ HOSPODÁŘSTVÍ + INFORMAČNÍ A KOMUNIKAČNÍ TECHNOLOGIE**"
        in lines
    )
    # Blocks are separated by blank lines; list items of one list are not.
    position = lines.index("- Přátelský a bezpečný prostor")
    assert lines[position - 1] == ""
    assert lines[position + 1].startswith("    - ")
    assert export(tmp_path).endswith("\n")
    assert not export(tmp_path).endswith("\n\n")


def test_english_and_attendance_table(tmp_path: Path) -> None:
    text = export(tmp_path, language="en", attendance=True)
    lines = text.splitlines()
    assert "Date: 19 May 2026 from 1 pm" in lines
    assert "## VISION" in lines
    position = lines.index("## ATTENDANCE LIST")
    assert lines[position - 2] == "---"  # the page break, as a rule
    assert lines[position + 2] == "| Name | Organisation | Attendance | Signature |"
    assert lines[position + 3] == "| --- | --- | --- | --- |"
    assert lines[position + 4] == "| Účastník 1 |  | present |  |"
    assert lines[position + 13] == "| Omluvený účastník |  | excused |  |"
    assert lines[position + 15].startswith("*The personal data")


def test_public_leaves_out_attendee_names(tmp_path: Path) -> None:
    text = export(tmp_path, public=True, attendance=True)
    for attendee in demo_raw()["attendees"]:
        assert attendee["name"] not in text
    assert "Michal Kněžů Mrvka" in text


def test_votes_notes_and_order(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["activity_blocks"] = [
        {
            "activities": [
                {"text": "Málo", "votes": 1},
                {
                    "text": "Hodně",
                    "votes": 7,
                    "note": "první řádek\ndruhý",
                    "children": [{"text": "Dítě"}],
                },
            ]
        }
    ]
    text = export(tmp_path, parse_workshop(raw), order_by_votes=True)
    assert (
        "- Hodně (7 hlasů)\\\n  *první řádek*\\\n  *druhý*\n    - Dítě\n- Málo (1 hlas)\n" in text
    )


def test_markup_in_text_is_escaped(tmp_path: Path) -> None:
    raw = minimal_raw(title="# Not *a* heading")
    raw["themes"] = [
        {
            "name": "T|1",
            "vision": "1. not a list\n- nor this\n<b>html</b> &amp; _x_ [link](y) `code`",
            "comments": [{"text": "a | b\nnew line", "author": "Pipe|Man"}],
        }
    ]
    raw["activity_blocks"] = [{"themes": ["T|1"], "activities": [{"text": "+ plus\\back"}]}]
    text = export(tmp_path, parse_workshop(raw))
    lines = text.splitlines()
    assert lines[0] == "# \\# Not \\*a\\* heading"
    assert "1\\. not a list\\" in lines
    assert "\\- nor this\\" in lines
    assert "\\<b\\>html\\</b\\> \\&amp; \\_x\\_ \\[link\\](y) \\`code\\`" in lines
    assert "| T\\|1 | a \\| b<br>new line | Pipe\\|Man | nevypořádáno |  |" in lines
    assert "- \\+ plus\\\\back" in lines
    assert "**T\\|1**" in lines


def test_escape_line() -> None:
    assert escape_line("  10) deset ") == "10\\) deset"
    assert escape_line("> quote") == "\\> quote"
    assert escape_line("=== under") == "\\=== under"
    assert escape_line("a & b") == "a & b"
    assert escape_line("Tom & Jerry &copy;") == "Tom & Jerry \\&copy;"


def test_any_control_characters(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["activity_blocks"] = [{"activities": [{"text": "a\x0bb\x00c\u2028d 😀"}]}]
    data = parse_workshop(raw)
    text = render_markdown(build_minutes(data, MinutesOptions()))
    assert "- a\\\n  bc\\\n  d 😀\n" in text
    assert "\x00" not in text
    assert "\x0b" not in text

"""The vision's redline: the word diff, and the .docx tracked changes Word and LibreOffice read.

A tracked-changes document is checked the way an editor uses it: accepting every change must
give the minutes of the final wording, rejecting every change the minutes of the draft.
"""

from __future__ import annotations

import copy
import itertools
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from minutes_helpers import demo_raw, minimal_raw, parse_every_part

from facilitator_app.cli import convert_parser, main
from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.minutes.redline import (
    Change,
    ParagraphKind,
    Segment,
    count_words,
    diff_paragraph_lists,
    diff_paragraphs,
    diff_words,
    theme_redline,
    tokenize,
)
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import Theme, WorkshopData

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def old_of(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.kind is not Change.INSERT)


def new_of(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.kind is not Change.DELETE)


def pieces(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in segments]


# -- words --------------------------------------------------------------------------------------


@given(st.text())
def test_tokens_join_back_into_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_tokens_are_words_spaces_and_punctuation() -> None:
    assert tokenize("Kraj je  bezpečný, odolný-připravený.\n") == [
        "Kraj", " ", "je", "  ", "bezpečný", ",", " ", "odolný-připravený", ".", "\n",
    ]  # fmt: skip


def test_a_changed_word_is_deleted_then_inserted() -> None:
    segments = diff_words("mají významný podíl", "mají rozhodující podíl")
    assert pieces(segments) == [
        ("equal", "mají "),
        ("delete", "významný"),
        ("insert", "rozhodující"),
        ("equal", " podíl"),
    ]


def test_neighbouring_changes_read_as_one_phrase() -> None:
    # Not "the→a, quick→slow, brown→red": one deletion, one insertion.
    assert pieces(diff_words("the quick brown fox", "a slow red fox")) == [
        ("delete", "the quick brown"),
        ("insert", "a slow red"),
        ("equal", " fox"),
    ]
    # A short word between two changes ("a", "v", "na") joins them too.
    assert pieces(diff_words("rozvoj a podpora zdraví", "ochrana a posílení zdraví")) == [
        ("delete", "rozvoj a podpora"),
        ("insert", "ochrana a posílení"),
        ("equal", " zdraví"),
    ]
    # A longer unchanged word keeps the changes apart.
    assert pieces(diff_words("v roce 2030 regionem, který", "do roku 2035 regionem, jenž")) == [
        ("delete", "v roce 2030"),
        ("insert", "do roku 2035"),
        ("equal", " regionem, "),
        ("delete", "který"),
        ("insert", "jenž"),
    ]


def test_added_and_removed_words_and_whitespace_outside_the_change() -> None:
    assert pieces(diff_words("Sítě energií", "Spolehlivé sítě energií")) == [
        ("delete", "Sítě"),
        ("insert", "Spolehlivé sítě"),
        ("equal", " energií"),
    ]
    assert pieces(diff_words("a b c", "a b")) == [("equal", "a b"), ("delete", " c")]
    assert pieces(diff_words("x", "x y")) == [("equal", "x"), ("insert", " y")]
    assert pieces(diff_words("", "nové")) == [("insert", "nové")]
    assert pieces(diff_words("staré", "")) == [("delete", "staré")]
    assert diff_words("", "") == ()
    assert pieces(diff_words("stejné", "stejné")) == [("equal", "stejné")]


@given(st.text(max_size=80), st.text(max_size=80))
def test_the_diff_gives_back_both_texts(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert old_of(segments) == old
    assert new_of(segments) == new
    assert all(s.text for s in segments)
    assert all(a.kind is not b.kind for a, b in itertools.pairwise(segments))
    # Within a change the deletion comes first.
    assert not any(
        a.kind is Change.INSERT and b.kind is Change.DELETE for a, b in itertools.pairwise(segments)
    )


words = st.lists(st.sampled_from(["kraj", "vize", "a", "je", "voda", ",", "."]), max_size=12)


@given(words, words)
def test_the_diff_of_word_lists_gives_back_both_texts(old: list[str], new: list[str]) -> None:
    segments = diff_words(" ".join(old), " ".join(new))
    assert old_of(segments) == " ".join(old)
    assert new_of(segments) == " ".join(new)


# -- paragraphs ---------------------------------------------------------------------------------


def kinds(old: str, new: str) -> list[str]:
    return [d.kind.value for d in diff_paragraphs(old, new)]


def test_paragraphs_kept_reworded_added_and_removed() -> None:
    old = "První odstavec beze změny.\n\nDruhý odstavec v návrhu.\n\nTřetí zmizí celý."
    new = "První odstavec beze změny.\n\nDruhý odstavec ve finálním znění.\n\nÚplně nový text."
    diffs = diff_paragraphs(old, new)
    assert [d.kind for d in diffs] == [
        ParagraphKind.EQUAL,
        ParagraphKind.CHANGED,
        ParagraphKind.DELETED,
        ParagraphKind.INSERTED,
    ]
    assert [d.old for d in diffs if d.old] == old.split("\n\n")
    assert [d.new for d in diffs if d.new] == new.split("\n\n")
    assert kinds("A b c.", "A b c.\n\nNový.") == ["equal", "inserted"]
    assert kinds("Pryč.\n\nA b c.", "A b c.") == ["deleted", "equal"]
    assert kinds("", "Nový.") == ["inserted"]
    assert kinds("Starý.", "") == ["deleted"]


def test_a_reworded_paragraph_pairs_with_the_most_similar_one() -> None:
    old = "Voda je čistá a dostupná všem.\n\nLesy jsou zdravé."
    new = "Úplně jiná myšlenka.\n\nVoda je čistá, dostupná a levná všem."
    diffs = diff_paragraphs(old, new)
    changed = [d for d in diffs if d.kind is ParagraphKind.CHANGED]
    assert len(changed) == 1
    assert changed[0].old == "Voda je čistá a dostupná všem."
    assert changed[0].new == "Voda je čistá, dostupná a levná všem."
    assert sorted(d.kind.value for d in diffs) == ["changed", "deleted", "inserted"]


def test_line_breaks_inside_a_paragraph_and_blank_lines() -> None:
    # Single newlines stay in the paragraph; extra blank lines change nothing.
    assert kinds("Řádek\nDruhý", "Řádek\nDruhý") == ["equal"]
    assert kinds("A\n\n\n\nB", "A\n\nB\n") == ["equal", "equal"]
    assert kinds("Řádek\nDruhý", "Řádek\nTřetí") == ["changed"]


paragraph_texts = st.lists(
    st.sampled_from(["Kraj je bezpečný.", "Voda teče.", "Lesy rostou a sílí.", "Nic", "a b"]),
    max_size=6,
)


@given(paragraph_texts, paragraph_texts)
def test_paragraph_diff_gives_back_both_lists(old: list[str], new: list[str]) -> None:
    diffs = diff_paragraph_lists(old, new)
    assert [d.old for d in diffs if d.kind is not ParagraphKind.INSERTED] == old
    assert [d.new for d in diffs if d.kind is not ParagraphKind.DELETED] == new


def test_word_counts() -> None:
    counts = count_words(diff_paragraphs("a b c\n\nstaré", "a x y c\n\nnové, zcela"))
    # Inserted: x, y, nové, zcela; deleted: b, staré (punctuation is not a word).
    assert (counts.inserted, counts.deleted) == (4, 2)


def test_a_theme_without_a_draft_or_without_a_change_has_no_redline() -> None:
    assert theme_redline(Theme(1, "T", "Vize.", None)) is None
    assert theme_redline(Theme(1, "T", "Vize.", "Vize.")) is None
    assert theme_redline(Theme(1, "T", "Vize.\n\n", "Vize.")) is None  # only whitespace
    diffs = theme_redline(Theme(1, "T", "Vize nová.", "Vize."))
    assert diffs is not None
    assert [d.kind for d in diffs] == [ParagraphKind.CHANGED]


# -- the .docx minutes ---------------------------------------------------------------------------


def redline_workshop(facilitator: str = "Michal Kněžů Mrvka") -> WorkshopData:
    """The example workshop with drafts: reworded, added and removed paragraphs, one unchanged
    theme and one without a draft."""
    raw = demo_raw()
    raw["workshop"]["facilitator"] = facilitator
    energy, water, ict, safety = raw["themes"]
    energy["draft"] = energy["vision"]
    energy["vision"] = (
        energy["vision"]
        .replace("Spolehlivé sítě energií", "Spolehlivé a odolné sítě energií")
        .replace("mají významný podíl", "mají rozhodující podíl")
        + "\n\nNový odstavec přidaný v místnosti."
    )
    water["draft"] = "Starý odstavec, který zmizí.\n\n" + water["vision"]
    ict["draft"] = ict["vision"]  # unchanged: printed as usual
    assert "draft" not in safety  # no draft kept: printed as usual
    safety["vision"] = safety["vision"].replace("Lidé mají", "Lidé\nmají")  # a line break
    return parse_workshop(raw)


def export(tmp_path: Path, data: WorkshopData, name: str = "redline.docx", **options: Any) -> Path:
    target = tmp_path / name
    export_minutes(data, target, MinutesOptions(**options))
    return target


def _text_of(paragraph: Any) -> str:
    out = []
    for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}br", f"{W}tab"):
        if element.tag == f"{W}br":
            out.append("\n")
        elif element.tag == f"{W}tab":
            out.append("\t")
        else:
            out.append(element.text or "")
    return "".join(out)


def resolved(path: Path, accept: bool) -> list[str]:
    """The body's paragraph texts once every tracked change is accepted (or rejected)."""
    body = copy.deepcopy(docx.Document(str(path)).element.body)
    keep, drop = (f"{W}ins", f"{W}del") if accept else (f"{W}del", f"{W}ins")
    paragraphs = list(body.iter(f"{W}p"))
    # Content first: dropped changes go, kept ones are unwrapped.
    for element in list(body.iter(drop)):
        if element.getparent().tag != f"{W}rPr":
            element.getparent().remove(element)
    for element in list(body.iter(keep)):
        parent = element.getparent()
        if parent.tag == f"{W}rPr":
            continue
        for child in element:
            element.addprevious(child)
        parent.remove(element)
    # Then paragraph marks: a dropped mark joins its paragraph to the next one.
    texts: list[str] = []
    carry = ""
    for paragraph in paragraphs:
        mark = paragraph.find(f"{W}pPr/{W}rPr/{drop}")
        text = carry + _text_of(paragraph)
        if mark is not None:
            carry = text
            continue
        carry = ""
        texts.append(text)
    assert not carry
    return texts


def revisions(path: Path) -> list[Any]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return list(root.iter(f"{W}ins", f"{W}del"))


def test_accepting_every_change_gives_the_final_wording_rejecting_gives_the_draft(
    tmp_path: Path,
) -> None:
    data = redline_workshop()
    target = export(tmp_path, data, redline=True)
    parse_every_part(target)
    final = export(tmp_path, data, name="final.docx")
    drafted = copy.deepcopy(data)
    for theme in drafted.themes:
        if theme.draft is not None:
            theme.vision = theme.draft
    draft = export(tmp_path, drafted, name="draft.docx")
    assert resolved(target, accept=True) == resolved(final, accept=True)
    assert resolved(target, accept=False) == resolved(draft, accept=True)
    assert resolved(final, accept=True) != resolved(draft, accept=True)


def test_changes_are_word_level_with_the_facilitator_and_the_export_time(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    target = export(tmp_path, redline_workshop(), redline=True)
    after = datetime.now(UTC)
    found = revisions(target)
    assert found
    ids = [element.get(f"{W}id") for element in found]
    assert len(set(ids)) == len(ids)
    for element in found:
        assert element.get(f"{W}author") == "Michal Kněžů Mrvka"
        date = element.get(f"{W}date")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date)
        assert before <= datetime.fromisoformat(date) <= after + timedelta(seconds=1)
    inserted = ["".join(e.itertext()) for e in found if e.tag == f"{W}ins"]
    deleted = ["".join(e.itertext()) for e in found if e.tag == f"{W}del"]
    assert " a odolné" in inserted
    assert "rozhodující" in inserted
    assert "významný" in deleted
    assert "Nový odstavec přidaný v místnosti." in inserted
    assert "Starý odstavec, který zmizí." in deleted
    # Deleted text is w:delText (Word ignores a w:t inside w:del).
    for element in found:
        if element.tag == f"{W}del":
            assert element.find(f".//{W}t") is None
        elif element.getparent().tag != f"{W}rPr":
            assert element.find(f".//{W}delText") is None


def test_added_and_removed_paragraphs_have_their_paragraph_mark_tracked(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, redline_workshop(), redline=True)))
    marks = {}
    for paragraph in document.paragraphs:
        mark = paragraph._p.find(f"{W}pPr/{W}rPr")
        if mark is not None and len(mark):
            marks[_text_of(paragraph._p)] = mark[0].tag.removeprefix(W)
    assert marks == {
        "Nový odstavec přidaný v místnosti.": "ins",
        "Starý odstavec, který zmizí.": "del",
    }


def theme_paragraphs(path: Path, theme: str) -> list[Any]:
    document = docx.Document(str(path))
    out: list[Any] = []
    inside = False
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            inside = paragraph.text == theme
            continue
        if inside:
            out.append(paragraph._p)
    return out


def test_unchanged_themes_and_themes_without_a_draft_print_normally(tmp_path: Path) -> None:
    target = export(tmp_path, redline_workshop(), redline=True)
    plain = export(tmp_path, redline_workshop(), name="plain.docx")
    for theme in ("Informační a komunikační technologie", "Bezpečnost"):
        ours = theme_paragraphs(target, theme)
        assert ours
        for paragraph in ours:
            assert paragraph.find(f".//{W}ins") is None
            assert paragraph.find(f".//{W}del") is None
        assert [etree.tostring(p) for p in ours] == [
            etree.tostring(p) for p in theme_paragraphs(plain, theme)
        ]
    assert "Lidé\nmají" in _text_of(theme_paragraphs(target, "Bezpečnost")[0])


def test_without_the_option_or_without_drafts_nothing_is_tracked(tmp_path: Path) -> None:
    assert not revisions(export(tmp_path, redline_workshop()))
    demo = parse_workshop(demo_raw())
    assert not revisions(export(tmp_path, demo, name="demo.docx", redline=True))


def test_without_a_facilitator_the_app_is_the_author(tmp_path: Path) -> None:
    target = export(tmp_path, redline_workshop(facilitator=""), redline=True)
    assert {e.get(f"{W}author") for e in revisions(target)} == {"facilitator-app"}


def test_the_workshops_own_introduction_and_a_template_keep_the_redline(tmp_path: Path) -> None:
    data = redline_workshop()
    data.details.vision_intro = "Vlastní úvod.\n\nDruhý odstavec úvodu."
    template = export(tmp_path, parse_workshop(minimal_raw()), name="template.docx")
    target = export(tmp_path, data, redline=True, template=template, language="en")
    assert revisions(target)
    assert resolved(target, accept=True) == resolved(
        export(tmp_path, data, name="final.docx", template=template, language="en"), accept=True
    )


def test_markdown_and_pdf_ignore_the_option(tmp_path: Path) -> None:
    data = redline_workshop()
    with_option = export(tmp_path, data, name="a.md", redline=True).read_text(encoding="utf-8")
    without = export(tmp_path, data, name="b.md").read_text(encoding="utf-8")
    assert with_option == without
    assert "Nový odstavec přidaný v místnosti." in with_option
    assert "Starý odstavec" not in with_option


def test_the_command_line_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from facilitator_app.workshop.interchange import dumps

    source = tmp_path / "in.json"
    source.write_text(dumps(redline_workshop()), encoding="utf-8")
    target = tmp_path / "out.docx"
    assert main(["convert", str(source), str(target), "--redline"]) == 0
    assert revisions(target)
    assert main(["convert", str(source), str(tmp_path / "out.md"), "--redline"]) == 0
    assert "--redline" in convert_parser().format_help()


drafts = st.lists(
    st.lists(
        st.sampled_from(["Kraj", "je", "bezpečný", "a", "odolný", ",", ".", "voda", "\n", "\t"]),
        min_size=1,
        max_size=8,
    ).map(" ".join),
    max_size=4,
).map("\n\n".join)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(draft=drafts, vision=drafts)
def test_any_change_accepts_to_the_vision_and_rejects_to_the_draft(
    tmp_path: Path, draft: str, vision: str
) -> None:
    raw = minimal_raw(facilitator="F")
    raw["themes"] = [{"name": "T", "vision": vision, "draft": draft}]
    data = parse_workshop(raw)
    target = export(tmp_path, data, redline=True)
    final = export(tmp_path, data, name="final.docx")
    data.themes[0].vision = draft
    drafted = export(tmp_path, data, name="draft.docx")
    assert resolved(target, accept=True) == resolved(final, accept=True)
    assert resolved(target, accept=False) == resolved(drafted, accept=True)


# -- LibreOffice ------------------------------------------------------------------------------


def _soffice(tmp_path: Path, source: Path, to: str, folder: str) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to,
         "--outdir", str(tmp_path / folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path / folder / source.with_suffix("." + to.split(":")[0]).name


@pytest.mark.slow
def test_libreoffice_opens_it_and_keeps_every_change(tmp_path: Path) -> None:
    data = redline_workshop()
    target = export(tmp_path, data, redline=True)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    pdf = _soffice(tmp_path, target, "pdf", "pdf")
    text = " ".join(
        subprocess.run(
            [pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    # LibreOffice shows tracked changes inline: both the old and the new words are there.
    for words in ("Spolehlivé a odolné sítě", "významnýrozhodující", "Starý odstavec, který"):
        assert words in text
    # LibreOffice reads every change as a change of its own: saved again as .docx, they are
    # all still there, by the same author, and accept and reject as before.
    again = _soffice(tmp_path, target, "docx:MS Word 2007 XML", "again")
    ours, theirs = revisions(target), revisions(again)
    assert {e.get(f"{W}author") for e in theirs} == {"Michal Kněžů Mrvka"}
    # LibreOffice joins a paragraph's mark with its content into one change.
    assert 0 < len(theirs) <= len(ours)
    assert resolved(again, accept=True) == resolved(target, accept=True)
    assert resolved(again, accept=False) == resolved(target, accept=False)

"""The word diff: tokens, kept / inserted / deleted pieces, and UTF-16 offsets for Qt."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.textdiff import (
    Change,
    Segment,
    changed_span,
    common_ends,
    diff_text,
    diff_tokens,
    inserted_ranges,
    new_text,
    old_text,
    opcodes,
    similarity,
    tokenize,
    utf16_length,
    utf16_offset,
)

WHITESPACE_WORDS = re.compile(r"\S+|\s+")

# Czech diacritics, emoji outside the Basic Multilingual Plane, combining marks, spaces of
# several kinds and punctuation: what facilitators type and what trips UTF-16 offsets.
ALPHABET = "aábcčdďeéěiíknňoórřsštťuúůyýzž AÁČŘŠŽ.,-'’\n\t\u00a0😀🇨🇿𝔸\u0301"
texts = st.text(alphabet=ALPHABET, max_size=40)
words = st.lists(st.sampled_from(["kraj", "vodní", "😀", "řeka", "a", "hasičů", "ICT"]), max_size=8)


def pieces(segments: list[Segment]) -> list[tuple[str, str]]:
    return [(segment.kind.value, segment.text) for segment in segments]


def test_tokens_are_words_spaces_and_punctuation() -> None:
    assert tokenize("Kraj je  bezpečný, odolný-připravený.\n") == [
        "Kraj", " ", "je", "  ", "bezpečný", ",", " ", "odolný-připravený", ".", "\n",
    ]  # fmt: skip
    assert tokenize("a  b😀", WHITESPACE_WORDS) == ["a", "  ", "b😀"]


def test_a_replacement_is_a_deletion_then_an_insertion() -> None:
    assert pieces(diff_text("mají významný podíl", "mají rozhodující podíl")) == [
        ("equal", "mají "),
        ("delete", "významný"),
        ("insert", "rozhodující"),
        ("equal", " podíl"),
    ]
    assert pieces(diff_text("", "nové")) == [("insert", "nové")]
    assert pieces(diff_text("staré", "")) == [("delete", "staré")]
    assert diff_text("", "") == []


def test_opcodes_and_similarity_keep_frequent_words() -> None:
    # difflib's junk heuristic would treat a word in more than 1 % of 200+ items as junk.
    old = ["a"] * 300 + ["b"]
    new = ["a"] * 300 + ["c"]
    assert opcodes(old, new) == [("equal", 0, 300, 0, 300), ("replace", 300, 301, 300, 301)]
    assert similarity(old, new) == 600 / 602
    assert similarity([], []) == 1.0


def test_inserted_ranges_leave_out_the_spaces_at_their_ends() -> None:
    segments = diff_text(
        "Zamezit odlivu z kraje", "Zamezit odlivu hasičů z kraje", WHITESPACE_WORDS
    )
    assert inserted_ranges(segments) == [(15, 21)]
    assert inserted_ranges(diff_text("a", "a   ")) == []
    assert inserted_ranges([Segment(Change.DELETE, "x"), Segment(Change.INSERT, " ab ")]) == [
        (1, 3)
    ]


def test_utf16_counts_a_character_outside_the_bmp_as_two_units() -> None:
    assert utf16_length("") == 0
    assert utf16_length("příliš žluťoučký") == 16  # diacritics: one unit each
    assert utf16_length("😀") == 2
    assert utf16_length("🇨🇿") == 4  # a flag: two regional indicators
    assert utf16_offset("a😀b", 2) == 3
    assert utf16_offset("a😀b", 3) == 4
    assert utf16_length("\ud83d") == 1  # half of a pair, as Qt counts it


def test_changed_span_is_the_smallest_edit() -> None:
    assert changed_span("abcdef", "abXYef") == (2, 4, "XY")
    assert changed_span("aaa", "aaaa") == (3, 3, "a")
    assert changed_span("abc", "") == (0, 3, "")
    assert changed_span("", "") == (0, 0, "")
    assert changed_span("😀a", "😀b") == (1, 2, "b")


@given(texts, texts)
def test_applying_the_diff_to_the_old_text_gives_the_new(old: str, new: str) -> None:
    for pattern in (None, WHITESPACE_WORDS):
        segments = diff_text(old, new) if pattern is None else diff_text(old, new, pattern)
        assert old_text(segments) == old
        assert new_text(segments) == new
        assert all(segment.text for segment in segments)  # no empty pieces
        for before, after in itertools.pairwise(segments):
            assert before.kind is not after.kind
            assert (before.kind, after.kind) != (Change.INSERT, Change.DELETE)


@given(st.lists(words), st.lists(words))
def test_diff_tokens_keeps_whole_tokens(old: list[list[str]], new: list[list[str]]) -> None:
    old_tokens, new_tokens = [" ".join(w) for w in old], [" ".join(w) for w in new]
    segments = diff_tokens(old_tokens, new_tokens)
    assert old_text(segments) == "".join(old_tokens)
    assert new_text(segments) == "".join(new_tokens)


@given(texts, texts)
def test_inserted_ranges_are_inserted_text_of_the_new(old: str, new: str) -> None:
    segments = diff_text(old, new)
    ranges = inserted_ranges(segments)
    inserted = "".join(s.text for s in segments if s.kind is Change.INSERT)
    for start, stop in ranges:
        assert 0 <= start < stop <= len(new)
        assert new[start:stop] in inserted
        assert not new[start].isspace()
        assert not new[stop - 1].isspace()
    assert ranges == sorted(ranges)


@given(texts, st.data())
def test_utf16_offsets_match_what_qt_counts(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    units = text[:index].encode("utf-16-le")
    assert utf16_offset(text, index) == len(units) // 2
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    # The offset points at the same character in the UTF-16 text.
    assert (
        text.encode("utf-16-le")[: 2 * utf16_offset(text, index)].decode("utf-16-le")
        == (text[:index])
    )


@given(texts, texts)
def test_common_ends_and_changed_span(old: str, new: str) -> None:
    prefix, suffix = common_ends(old, new)
    assert old[:prefix] == new[:prefix]
    assert prefix + suffix <= min(len(old), len(new))
    assert old[len(old) - suffix :] == new[len(new) - suffix :]
    assert prefix == len(old) or prefix == len(new) or old[prefix] != new[prefix]
    start, end, replacement = changed_span(old, new)
    assert old[:start] + replacement + old[end:] == new
    # The smallest: the character-by-character loop it replaced finds the same span.
    limit = min(len(old), len(new))
    first = 0
    while first < limit and old[first] == new[first]:
        first += 1
    end_old, end_new = len(old), len(new)
    while end_old > first and end_new > first and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    assert (start, end, replacement) == (first, end_old, new[first:end_new])


@given(st.lists(st.integers(0, 3), max_size=30), st.lists(st.integers(0, 3), max_size=30))
def test_common_ends_of_sequences(old: list[int], new: list[int]) -> None:
    prefix, suffix = common_ends(old, new)
    assert old[:prefix] == new[:prefix]
    assert prefix + suffix <= min(len(old), len(new))
    assert old[len(old) - suffix :] == new[len(new) - suffix :]
    room = min(len(old), len(new)) - prefix
    assert suffix == room or old[len(old) - suffix - 1] != new[len(new) - suffix - 1]

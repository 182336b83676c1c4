"""The ids a drag carries: encoded for a kind, decoded only when they are that kind's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData

from facilitator_app.gui.core.mime import ACTIVITY_IDS, RECORD_IDS, THEME_IDS, IdsMime


def test_ids_come_back_in_their_order() -> None:
    mime = THEME_IDS.encode([5, 2, 9])
    assert THEME_IDS.decode(mime) == [5, 2, 9]


def test_each_kind_has_its_own_type() -> None:
    types = {codec.mime_type for codec in (ACTIVITY_IDS, THEME_IDS, RECORD_IDS)}
    assert types == {
        "application/x-facilitator-activity-ids",
        "application/x-facilitator-theme-ids",
        "application/x-facilitator-record-ids",
    }
    assert ACTIVITY_IDS.decode(THEME_IDS.encode([1])) is None


def test_encode_adds_to_a_given_mime_data() -> None:
    mime = QMimeData()
    mime.setText("Idea")
    assert RECORD_IDS.encode([3], mime) is mime
    assert mime.text() == "Idea"
    assert RECORD_IDS.decode(mime) == [3]


def test_a_drop_from_elsewhere_is_refused_quietly() -> None:
    mime = QMimeData()
    mime.setText("[1, 2]")
    assert IdsMime("theme").decode(mime) is None


@pytest.mark.parametrize(
    "payload", [b"", b"not json", b"\xff\xfe", b'{"a": 1}', b'[1, "2"]', b"[1.5]", b"[true]"]
)
def test_garbage_is_refused_quietly(payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(THEME_IDS.mime_type, QByteArray(payload))
    assert THEME_IDS.decode(mime) is None


def test_no_ids_is_an_empty_list() -> None:
    assert ACTIVITY_IDS.decode(ACTIVITY_IDS.encode([])) == []

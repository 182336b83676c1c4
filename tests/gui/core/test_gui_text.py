"""Filling translated messages."""

from __future__ import annotations

from facilitator_app.gui.core.text import arg


def test_values_fill_their_places_in_any_order() -> None:
    assert arg("%2 před %1", "B", "A") == "A před B"


def test_a_value_containing_a_placeholder_stays_as_typed() -> None:
    # A theme titled "Cíl %2" must not pick up the second value.
    assert arg("Odstranit „%1“ (%2)", "Cíl %2", 3) == "Odstranit „Cíl %2“ (3)"


def test_a_missing_value_leaves_its_placeholder() -> None:
    assert arg("%1 a %3", "x") == "x a %3"

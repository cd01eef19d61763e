"""Strikes counted in military releases, and a time clause opened by "once" (sentences
written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2016, 4, 20)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Near Baiji, nine strikes were conducted against militant fighting positions.",
        "Two more strikes near Rutba destroyed a weapons cache.",
        "Four additional strikes near Hit struck a tunnel entrance on Tuesday.",
    ],
)
def test_counted_strikes_of_a_release_are_airstrikes(extractor, text):
    assert types(extractor, text) == ["airstrike"]


def test_once_opening_a_time_clause_does_not_make_the_strike_unreal(extractor):
    text = "Once the raiders had gone, coalition aircraft bombed the depot in Rutba on Tuesday."
    assert types(extractor, text) == ["airstrike"]


def test_once_meaning_formerly_still_tells_no_event(extractor):
    text = "Rutba, once shelled by government artillery, is quiet now."
    assert "drone_or_rocket_attack" not in types(extractor, text)

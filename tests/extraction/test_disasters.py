"""Harm done by a natural disaster is no attack (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text):
    return [(e[0], e[1]) for e in events(extractor, text, dt.date(2023, 2, 9))]


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake that struck Jindires and Afrin before dawn on Monday killed 300 people.",
        "Flash floods that swept through Duhok on Sunday killed six people, officials said.",
        "A sandstorm struck Deir ez-Zor on Tuesday, killing two shepherds.",
    ],
)
def test_a_natural_disaster_that_kills_is_no_attack(extractor, text):
    assert types(extractor, text) == []


def test_fighters_using_a_storm_as_cover_still_attack(extractor):
    found = types(
        extractor,
        "Militants took advantage of a dust storm to overrun an army post near Hawija on Monday.",
    )
    assert [t for t, _ in found] == ["armed_clash"]


def test_a_missile_named_storm_is_no_storm(extractor):
    found = types(
        extractor, "British jets fired Storm Shadow missiles at a depot near Homs on Saturday."
    )
    assert [t for t, _ in found] == ["airstrike"]

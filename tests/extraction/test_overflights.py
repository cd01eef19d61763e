"""Aircraft heard or seen with no strike told (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text):
    return [e[0] for e in events(extractor, text, dt.date(2019, 5, 10))]


@pytest.mark.parametrize(
    "text",
    [
        "People in Ariha said the roar of warplanes kept them awake on Thursday night.",
        "Two Russian warplanes flew over Kafr Nabl on Thursday.",
        "Surveillance drones were hovering over Tabqa on Thursday.",
    ],
)
def test_aircraft_only_heard_or_seen_are_no_strike(extractor, text):
    assert types(extractor, text) == []


def test_aircraft_that_flew_over_and_struck_are_a_strike(extractor):
    text = "Two Russian warplanes flew over Kafr Nabl and struck a bakery on Thursday."
    assert types(extractor, text) == ["airstrike"]

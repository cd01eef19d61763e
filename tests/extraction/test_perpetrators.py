"""Arrests of the perpetrators of a deed told before (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_people_arrested_over_a_clash_are_its_fighters(extractor):
    found = events(
        extractor,
        "Two men were killed on Sunday in a tribal clash between two clans over farmland "
        "near Qurna. On Monday police arrested nine people involved in the clash.",
        dt.date(2022, 2, 15),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("Tribal militia (Iraq)") == "target"
    assert "Civilians (Iraq)" not in arrests[0][3]


def test_an_arrest_tied_to_nothing_told_keeps_its_targets(extractor):
    found = events(
        extractor,
        "On Monday police arrested nine people involved in the clash near Qurna.",
        dt.date(2022, 2, 15),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert "Tribal militia (Iraq)" not in arrests[0][3]

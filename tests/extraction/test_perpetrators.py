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


def test_suspects_in_a_killing_told_before_are_its_gunmen(extractor):
    found = events(
        extractor,
        "Masked gunmen shot dead a pharmacist outside his shop in Amarah on Sunday. "
        "On Tuesday police announced the arrest of two suspects in the pharmacist's killing.",
        dt.date(2021, 5, 12),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("Unidentified armed group (Iraq)") == "target"


def test_suspects_held_over_an_attack_not_told_are_an_unnamed_group(extractor):
    found = events(
        extractor,
        "Iraqi security forces arrested four suspects in Basra on Friday in connection with "
        "the attack, an official said.",
        dt.date(2023, 3, 4),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("Unidentified armed group (Iraq)") == "target"


def test_an_arrest_naming_whom_it_holds_keeps_them(extractor):
    found = events(
        extractor,
        "Iraqi security forces arrested four ISIS suspects in Basra on Friday in connection "
        "with the attack, an official said.",
        dt.date(2023, 3, 4),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("ISIS") == "target"
    assert "Unidentified armed group (Iraq)" not in arrests[0][3]

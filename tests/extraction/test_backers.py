"""Backers of a fight are associated with it (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.backers import backs
from app.extraction.role_patterns import SUPPORT_BEFORE
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Kurdish units, backed by ", True),
        ("the assault, supported by the ", True),
        ("pushed on under cover of Russian ", True),
        ("with the support of ", True),
        ("after an offensive backed by waves of ", True),
        ("Fighters trained by ", False),
        ("a convoy struck by ", False),
    ],
)
def test_words_that_make_a_backer(before, expected):
    assert backs(before) is expected


@pytest.mark.parametrize(
    ("text", "backer"),
    [
        (
            "Peshmerga fighters, backed by coalition warplanes, drove ISIS militants out of "
            "two villages near Makhmour on Tuesday after hours of fighting.",
            "US-led coalition",
        ),
        (
            "Syrian army units, supported by Russian jets, clashed with HTS fighters near "
            "Kafr Nabl on Tuesday.",
            "Russian Armed Forces",
        ),
    ],
)
def test_a_backer_of_a_battle_is_associated(extractor, text, backer):
    found = events(extractor, text, dt.date(2019, 5, 15))
    battles = [f for f in found if f[0] == "armed_clash"]
    assert battles, found
    assert battles[0][3][backer] == "associated"


@pytest.mark.parametrize(
    ("before", "mention", "expected"),
    [
        ("army units, with ", "Russian air cover", True),
        ("the rebels pulled back under heavy ", "Russian air cover", True),
        ("clashed with ", "Turkish troops", False),
        ("were hit by ", "Russian air power", False),
    ],
)
def test_air_support_fought_with_is_a_backer(before, mention, expected):
    assert backs(before, mention) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Government troops, backed by Russian air cover, took Saraqib on Monday after "
        "clashes with HTS fighters.",
        "Government troops, with Russian air cover, took Saraqib on Monday after clashes "
        "with HTS fighters.",
    ],
)
def test_air_cover_named_by_its_owner_is_associated(extractor, text):
    found = [f for f in events(extractor, text, dt.date(2019, 5, 29)) if f[0] == "armed_clash"]
    assert found, events(extractor, text, dt.date(2019, 5, 29))
    assert found[0][3].get("Russian Armed Forces") == "associated"
    assert found[0][3].get("Syrian government forces") == "actor"


def test_men_on_the_ground_who_back_a_side_fight_beside_it(extractor):
    text = (
        "Iraqi troops backed by Popular Mobilisation fighters drove the militants out of "
        "al-Qaim on Friday."
    )
    found = [f for f in events(extractor, text, dt.date(2017, 11, 4)) if f[0] == "armed_clash"]
    assert found and found[0][3].get("Popular Mobilization Forces") == "actor", found


def test_aircraft_that_back_a_side_are_associated(extractor):
    text = (
        "Kurdish fighters backed by coalition aircraft drove the militants out of Sinjar on Friday."
    )
    found = [f for f in events(extractor, text, dt.date(2015, 11, 14)) if f[0] == "armed_clash"]
    assert found and found[0][3].get("US-led coalition") == "associated", found


@pytest.mark.parametrize(
    "text",
    [
        "Coalition jets struck Islamic State positions near Tal Afar on Sunday in support of "
        "the Peshmerga.",
        "Coalition jets struck Islamic State positions near Tal Afar on Sunday at the request "
        "of Iraqi forces.",
    ],
)
def test_the_side_a_strike_is_flown_for_is_not_its_target(extractor, text):
    found = [f for f in events(extractor, text, dt.date(2017, 8, 21)) if f[0] == "airstrike"]
    assert found, found
    assert found[0][3].get("ISIS") == "target"
    assert found[0][3].get("US-led coalition") == "actor"
    assert "Peshmerga" not in found[0][3] and "Iraqi Security Forces" not in found[0][3]


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("jets struck the hills in support of the ", True),
        ("strikes at the request of Iraqi ", True),
        ("two drones backing Kurdish ", True),
        ("an offensive on behalf of the ", True),
        ("an advance with the backing of the ", False),
        ("strikes on positions of the ", False),
    ],
)
def test_words_that_name_the_side_a_force_acts_for(before, expected):
    assert bool(SUPPORT_BEFORE.search(before)) is expected

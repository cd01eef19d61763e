"""An owner told after the weapon ("warplanes believed to be Russian"); sentences written for
these tests."""

import datetime as dt

import pytest

from app.extraction.believed_owners import with_believed_owners
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Nine people died in Ariha on Sunday when warplanes, believed Russian, hit a bakery.",
            {"Russian Armed Forces"},
        ),
        (
            "Drones thought to be Turkish struck a car near Qamishli on Sunday, killing two.",
            {"Turkish Armed Forces"},
        ),
    ],
)
def test_a_hedged_owner_is_the_attacker(extractor, text, owners):
    found = events(extractor, text, dt.date(2019, 6, 3))
    assert found, text
    acting = {name for name, role in found[0][3].items() if role == "actor"}
    assert owners <= acting


def test_a_hedge_naming_no_owner_word_names_nobody(extractor):
    found = events(
        extractor,
        "Warplanes believed to be Sukhois bombed the market in Saraqib on Sunday.",
        dt.date(2019, 6, 3),
    )
    assert found
    assert "Russian Armed Forces" not in found[0][3]


def test_each_owner_of_a_pair_is_a_mention(extractor):
    text = "Five died in strikes by jets believed to be Russian and Syrian on Saraqib."
    day = dt.date(2019, 6, 3)
    found = with_believed_owners(text, [], extractor.actors.find, day)
    assert [(m.text, m.actors[0].name) for m in found] == [
        ("jets", "Russian Armed Forces"),
        ("Syrian", "Syrian government forces"),
    ]

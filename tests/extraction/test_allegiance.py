"""Armed men described by whom they serve (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.allegiance import FORCE_TIE_BEFORE, GAP
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "gap",
    [" loyal to ", " believed to belong to ", ", said to be from ", " affiliated with the "],
)
def test_ties_between_the_men_and_their_group(gap):
    assert GAP.match(gap)


@pytest.mark.parametrize("gap", [" and ", " fought ", " backed by "])
def test_other_words_are_no_tie(gap):
    assert not GAP.match(gap)


def test_a_force_word_and_its_tie_before_a_group():
    assert FORCE_TIE_BEFORE.search("On Monday fighters loyal to the ")
    assert not FORCE_TIE_BEFORE.search("On Monday a tribe loyal to the ")


@pytest.mark.parametrize(
    ("text", "published", "group"),
    [
        (
            "Gunmen believed to belong to Asaib Ahl al-Haq shot dead an activist in Amarah "
            "on Monday.",
            dt.date(2020, 3, 12),
            "Asaib Ahl al-Haq",
        ),
        (
            "Fighters loyal to the PKK ambushed a Peshmerga patrol near Sinjar on Monday.",
            dt.date(2020, 3, 12),
            "PKK",
        ),
        (
            "Gunmen loyal to the ousted Assad government ambushed a General Security convoy "
            "near Baniyas on Monday.",
            dt.date(2025, 3, 12),
            "Assad loyalists",
        ),
    ],
)
def test_men_loyal_to_a_group_are_the_group(extractor, text, published, group):
    found = events(extractor, text, published)
    assert found, found
    assert found[0][3].get(group) == "actor"
    assert not any(name.startswith("Unidentified") for name in found[0][3])


@pytest.mark.parametrize(
    ("text", "published", "tribal"),
    [
        (
            "Fighters from the Baggara tribe attacked SDF checkpoints near Diban on Monday.",
            dt.date(2023, 9, 1),
            "Arab tribal forces (Syria)",
        ),
        (
            "Gunmen of the Bani Malik clan clashed with police near Qurna on Monday.",
            dt.date(2022, 2, 9),
            "Tribal militia (Iraq)",
        ),
    ],
)
def test_fighters_of_a_named_tribe_are_tribal_forces(extractor, text, published, tribal):
    found = events(extractor, text, published)
    assert found, found
    assert found[0][3].get(tribal) == "actor"

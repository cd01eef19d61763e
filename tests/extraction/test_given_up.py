"""A withdrawal told as why another side took a place is from that place (sentences written
for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def withdrawals(extractor, text):
    found = events(extractor, text, dt.date(2015, 5, 25))
    return [e[1] for e in found if e[0] == "troop_withdrawal"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Islamic State took over the al-Tanf crossing on 21 May after government forces "
            "abandoned their posts, leaving Damascus with no hold on the frontier.",
            "Al-Tanf crossing",
        ),
        (
            "Rebels seized Jisr al-Shughur on Monday after the army withdrew overnight, "
            "residents in Idlib said.",
            "Jisr al-Shughur",
        ),
    ],
)
def test_a_withdrawal_after_which_a_town_was_taken_left_that_town(extractor, text, place):
    assert withdrawals(extractor, text) == [place]


def test_a_withdrawal_naming_where_it_went_keeps_that_place(extractor):
    text = "Rebels entered Hama on Thursday after army units withdrew towards Homs."
    assert withdrawals(extractor, text) == ["Homs"]

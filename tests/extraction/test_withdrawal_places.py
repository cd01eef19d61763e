"""Where a movement came from: the place left, said with its kind ("out of the northern town
of Manbij"), and never a place after a route word (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.place_cues import ORIGIN_CUE
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "before",
    [
        "troops began pulling out of the northern town of ",
        "the brigade withdrew from the Kurdish-majority district of ",
        "militias left the sprawling camp of ",
        "forces withdrew from ",
    ],
)
def test_the_place_left_may_be_named_after_its_kind(before):
    assert ORIGIN_CUE.search(before)


@pytest.mark.parametrize(
    "before",
    [
        "tanks advanced from the buffer zone toward ",
        "troops moved out of the old quarter into ",
        "elders from the heart of the old city of ",
    ],
)
def test_a_place_after_a_route_word_is_no_origin(before):
    assert not ORIGIN_CUE.search(before)


def test_a_withdrawal_is_placed_where_the_force_left(extractor):
    text = (
        "Army units began withdrawing from the eastern town of Mayadin on Sunday under a truce "
        "with clan leaders, a day after jets struck the governor's office in Deir ez-Zor."
    )
    found = [(e[0], e[1]) for e in events(extractor, text, dt.date(2022, 4, 10))]
    assert ("troop_withdrawal", "Mayadin") in found

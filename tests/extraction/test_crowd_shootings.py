"""A crowd shot at, stabbed or attacked by armed men who are not the state's is an attack on it,
not a demonstration (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2019, 11, 30)):
    return sorted(e[0] for e in events(extractor, text, published))


@pytest.mark.parametrize(
    "text",
    [
        "Men in plain clothes shot at demonstrators in Nasiriyah on Thursday, killing three.",
        "Masked gunmen fired on a sit-in in Karbala on Thursday, killing five.",
        "Nine protesters were stabbed by unknown men in Tahrir Square in Baghdad on Thursday.",
        "A group of outlaws attacked protesters in Nasiriyah on Thursday, killing two.",
        "Unknown snipers fired on demonstrators from a hotel roof in Kut on Thursday.",
        "Supporters of a rival party fired on protesters in Kut on Thursday, killing one.",
        "Two protesters were shot dead outside the council building by men in plain clothes "
        "in Amara on Thursday.",
    ],
)
def test_a_crowd_attacked_by_armed_men_outside_the_state_is_an_attack(extractor, text):
    assert types(extractor, text) == ["attack"]


def test_the_police_firing_on_a_crowd_is_still_the_demonstration(extractor):
    text = "Police fired on protesters in Nasiriyah on Thursday, killing three."
    assert types(extractor, text) == ["protest"]


def test_one_protester_killed_by_the_police_is_the_demonstration(extractor):
    text = "One protester was killed when police fired on a crowd in Kut on Thursday."
    assert types(extractor, text) == ["protest"]


def test_one_protester_shot_by_gunmen_is_an_attack(extractor):
    text = "A protester was shot dead by gunmen in Amara on Thursday."
    assert types(extractor, text) == ["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of the missing men stormed the parliament building in Baghdad on Thursday.",
        "Angry villagers stormed a police post near Zakho on Thursday.",
    ],
)
def test_relatives_or_villagers_storming_a_building_riot(extractor, text):
    assert types(extractor, text) == ["riot"]

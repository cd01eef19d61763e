"""A generic force word told together with a named force (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, soldiers and PMF fighters retook two villages near Baiji from ISIS.",
        "PMF and army units drove ISIS militants out of three villages near Tuz on Friday.",
        "Police, together with volunteers of the Popular Mobilisation, clashed with ISIS "
        "militants near Tuz on Friday.",
    ],
)
def test_both_forces_told_together_act(extractor, text):
    found = events(extractor, text, dt.date(2016, 5, 14))
    battles = [f for f in found if f[0] == "armed_clash"]
    assert battles, found
    assert battles[0][3].get("Iraqi Security Forces") == "actor"
    assert battles[0][3].get("Popular Mobilization Forces") == "actor"


def test_troops_of_a_named_force_are_that_force(extractor):
    found = events(
        extractor,
        "Troops from the US-led coalition clashed with ISIS militants near Tuz on Friday.",
        dt.date(2016, 5, 14),
    )
    battles = [f for f in found if f[0] == "armed_clash"]
    assert battles, found
    assert "Iraqi Security Forces" not in battles[0][3]


def test_items_of_one_list_play_one_part(extractor):
    found = events(
        extractor,
        "Rioters torched the offices of the Badr Organisation, Asaib Ahl al-Haq and the "
        "Popular Mobilisation Forces in Nasiriyah on Friday.",
        dt.date(2019, 11, 30),
    )
    assert found, found
    got = found[0][3]
    assert got["Badr Organization"] == "target"
    assert got["Asaib Ahl al-Haq"] == "target"
    assert got["Popular Mobilization Forces"] == "target"


def test_army_units_accompanied_by_a_foreign_force_are_the_states_own(extractor):
    text = (
        "Army units accompanied by Russian military police moved into the Nasib crossing on Friday."
    )
    found = events(extractor, text, dt.date(2018, 7, 7))
    assert found, found
    assert found[0][3].get("Syrian government forces") == "actor"
    assert found[0][3].get("Russian Armed Forces") == "actor"


def test_a_force_word_whose_noun_is_left_out_of_its_name_is_told_together(extractor):
    text = "Army reinforcements and PMF units were sent to Tuz Khurmatu from Kirkuk on Sunday."
    found = [f for f in events(extractor, text, dt.date(2016, 5, 14)) if f[0] == "troop_deployment"]
    assert found, found
    assert found[0][3].get("Iraqi Security Forces") == "actor"
    assert found[0][3].get("Popular Mobilization Forces") == "actor"


def test_allied_fighters_listed_after_the_agent_act_with_it(extractor):
    found = events(
        extractor,
        "Eleven villagers were shot dead in Jableh countryside on Friday by members of the "
        "government forces and allied tribal fighters, a monitor said.",
        dt.date(2025, 3, 8),
    )
    (attack,) = [e for e in found if e[0] == "attack"]
    assert attack[3].get("Arab tribal forces (Syria)") == "actor"

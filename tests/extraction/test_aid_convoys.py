"""Aid convoys, diplomats withdrawn and shrines blown up: ``other`` news told with words of
movement or violence (sentences written for these tests)."""

import datetime as dt

from app.extraction.aid_convoys import civilian_convoy, told_as_other
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.text import Sentence
from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2022, 4, 6)):
    return [e[0] for e in events(extractor, text, published)]


def _trigger(name, start, end, text):
    return Trigger(BY_NAME[name], start, end, text)


def test_a_word_inside_an_other_trigger_is_no_event_of_its_own():
    other = _trigger("other", 10, 40, "withdrew its diplomats")
    inside = _trigger("troop_withdrawal", 10, 18, "withdrew")
    assert told_as_other(inside, [other, inside])
    assert not told_as_other(other, [other, inside])


def test_a_movement_beside_an_aid_trigger_is_the_aid_moving():
    aid = _trigger("other", 0, 30, "relief convoy entered")
    moved = _trigger("troop_movement", 40, 47, "entered")
    curfew = _trigger("other", 0, 30, "imposed a curfew")
    assert told_as_other(moved, [aid, moved])
    assert not told_as_other(moved, [curfew, moved])


def test_a_relief_convoy_entering_a_town_is_other_not_a_troop_movement(extractor):
    text = (
        "A convoy of lorries loaded with food and blankets entered Tal Rifaat on Tuesday, "
        "the first delivery in a month."
    )
    assert types(extractor, text) == ["other"]


def test_a_military_convoy_entering_a_town_still_moves(extractor):
    text = "A convoy of army trucks and tanks entered Tal Rifaat from Aleppo on Tuesday."
    assert "troop_movement" in types(extractor, text)


def test_diplomats_withdrawn_are_other_not_a_troop_withdrawal(extractor):
    text = "Ankara withdrew its diplomats from the consulate in Mosul on Tuesday, officials said."
    assert types(extractor, text) == ["other"]


def test_a_shrine_blown_up_is_other_not_a_bombing(extractor):
    text = "Militants blew up the old shrine of Nabi Yunus in Mosul on Tuesday."
    assert types(extractor, text) == ["other"]


def test_an_aid_convoy_named_at_length_before_it_entered_is_still_aid(extractor):
    text = (
        "A relief convoy of 30 lorries from the World Food Programme entered Tal Rifaat on Tuesday."
    )
    assert types(extractor, text) == ["other"]


def test_a_red_crescent_convoy_reaching_a_town_is_aid(extractor):
    text = "A Red Crescent convoy of twelve trucks reached Nubl on Tuesday afternoon."
    assert types(extractor, text) == ["other"]


def test_a_trigger_overlapping_an_other_trigger_is_no_event_of_its_own():
    aid = _trigger("other", 20, 45, "dropped flour and tents")
    strike = _trigger("airstrike", 5, 27, "helicopters also dropped")
    assert told_as_other(strike, [aid, strike])


def test_aircraft_dropping_food_is_no_air_strike(extractor):
    text = (
        "Iraqi helicopters also dropped food and blankets to families trapped on the mountain "
        "near Sinjar on Tuesday."
    )
    assert "airstrike" not in types(extractor, text)


_MOVES = ("troop_movement", "troop_deployment", "troop_withdrawal")


def test_families_leaving_in_a_bus_convoy_are_no_troop_movement(extractor):
    text = (
        "On Monday about 200 displaced families left the Hamam al-Alil camp in a bus convoy "
        "for their villages near Tal Afar, officials said."
    )
    assert not set(types(extractor, text)) & set(_MOVES)


def test_a_convoy_of_trucks_carrying_flour_entering_a_town_is_no_deployment(extractor):
    text = (
        "On Sunday a UN convoy of 18 trucks carrying flour and blankets entered Manbij "
        "through the Arima crossing."
    )
    assert not set(types(extractor, text)) & set(_MOVES)


def test_a_convoy_of_buses_carrying_fighters_and_their_families_still_moves(extractor):
    text = (
        "On Monday a convoy of buses carrying 400 fighters and their families left Tal Rifaat "
        "for Jarablus under the deal."
    )
    assert set(types(extractor, text)) & set(_MOVES)


def test_a_convoy_names_its_load_in_its_own_clause():
    text = "A convoy carrying 300 evacuees set out from the camp at dawn."
    moved = _trigger("troop_movement", 2, 8, "convoy")
    assert civilian_convoy(Sentence(0, 0, len(text), text), moved)
    armed = text.replace("evacuees", "gunmen")
    assert not civilian_convoy(Sentence(0, 0, len(armed), armed), moved)


def test_a_convoy_told_by_its_aid_trucks_or_its_sender_is_aid_on_the_move(extractor):
    for text in (
        "A convoy of food trucks reached the besieged town of Zabadani on Monday.",
        "A convoy of 20 trucks from the World Food Programme, loaded with flour and rice, "
        "arrived in Rukban on Monday.",
        "A convoy of 15 lorries of the Red Crescent carrying blankets entered Daraa on Monday.",
    ):
        assert types(extractor, text) == ["other"], text


def test_a_convoy_of_army_trucks_is_still_a_force_on_the_move(extractor):
    assert "other" not in types(extractor, "A convoy of army trucks entered Madaya on Monday.")

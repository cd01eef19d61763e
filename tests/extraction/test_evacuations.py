"""Fighters leaving with their families, and departures under a deal or in buses
(sentences written for these tests)."""

import datetime as dt

from app.extraction.evacuations import evacuation, force_with_kin
from tests.extraction.helpers import events


def found(extractor, text, published=dt.date(2019, 6, 12)):
    return [(e[0], e[1]) for e in events(extractor, text, published)]


def test_fighters_and_their_families_leaving_are_the_force_withdrawing(extractor):
    got = found(
        extractor,
        "Some 900 Faylaq al-Rahman fighters and members of their families left Zamalka "
        "in 40 buses on Monday.",
    )
    assert ("troop_withdrawal", "Zamalka") in got


def test_fighters_with_their_kin_on_a_road_to_a_town_withdraw_there(extractor):
    got = found(
        extractor,
        "About 400 rebels and their families left Harasta in buses heading to Idlib on Tuesday.",
    )
    assert [t for t, _ in got] == ["troop_withdrawal"]


def test_families_alone_fleeing_are_no_force():
    assert not force_with_kin("Hundreds of families ")
    assert force_with_kin("About 200 gunmen and their relatives ")


def test_a_departure_for_a_town_under_a_deal_is_a_withdrawal(extractor):
    got = found(
        extractor,
        "Rebel fighters left Rastan for Jarablus on Sunday under a deal with the government.",
    )
    assert got == [("troop_withdrawal", "Jarablus")]


def test_a_departure_for_a_town_without_a_deal_stays_a_movement(extractor):
    got = found(extractor, "Rebel fighters left Rastan for Jarablus on Sunday.")
    assert got == [("troop_movement", "Jarablus")]


def test_evacuation_words():
    assert evacuation("They left under the Russian-brokered agreement.")
    assert evacuation("The men were bussed north.")
    assert not evacuation("They signed an agreement in Astana.")

"""People carried off or soldiers captured in a fight are a kidnapping beside the fight; an
official arriving somewhere is no troop movement; Saida of Daraa is not As-Suwayda (sentences
written for these tests)."""

import datetime as dt

from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.text import Sentence
from app.extraction.visits import visit
from tests.extraction.helpers import events

PUBLISHED = dt.date(2019, 10, 30)  # a Wednesday


def types(extractor, text, published=PUBLISHED):
    return sorted(e[0] for e in events(extractor, text, published))


def test_civilians_taken_away_by_retreating_fighters_are_a_kidnapping(extractor):
    text = (
        "Villagers in Tal Jabbar said the retreating militants took about 40 women and "
        "children with them."
    )
    assert "kidnapping" in types(extractor, text)


def test_women_carried_off_after_a_massacre_are_a_kidnapping(extractor):
    text = (
        "Islamic State fighters shot dozens of men in the village of Kocho on Saturday and "
        "carried off the women and children."
    )
    assert "kidnapping" in types(extractor, text)


def test_soldiers_captured_in_a_clash_are_a_second_event(extractor):
    text = (
        "Syrian troops clashed with Turkish-backed factions near Tal Tamr on Monday, and 12 "
        "soldiers were captured."
    )
    assert types(extractor, text) == ["armed_clash", "kidnapping"]


def test_overrunning_checkpoints_and_capturing_soldiers(extractor):
    text = "Gunmen overran two army checkpoints in Tafas on Tuesday, capturing dozens of soldiers."
    assert "kidnapping" in types(extractor, text)


def test_guards_held_hostage_by_rioting_inmates(extractor):
    text = (
        "Inmates of Ghweiran prison overpowered the guards on Thursday, some of whom they held "
        "hostage for two days."
    )
    assert "kidnapping" in types(extractor, text)


def test_civilians_taken_to_a_camp_are_no_kidnapping(extractor):
    text = "Buses took about 300 civilians to a camp near Jarablus on Sunday, the monitor said."
    assert "kidnapping" not in types(extractor, text)


def test_a_prime_minister_arriving_is_no_troop_movement(extractor):
    text = (
        "Prime Minister Mustafa al-Kadhimi arrived in Basra on Monday to meet the commanders "
        "of the army units deployed there last week."
    )
    assert not [t for t in types(extractor, text) if t.startswith("troop_")]


def test_a_visiting_defence_minister_is_no_deployment(extractor):
    text = "Defence Minister Lloyd Austin arrived in Baghdad on Tuesday to meet US troops."
    assert types(extractor, text) == []


def test_reinforcements_arriving_still_move(extractor):
    text = "Army reinforcements arrived in Kut on Sunday."
    assert types(extractor, text) == ["troop_deployment"]


def _trigger(text, word):
    at = text.index(word)
    return Trigger(BY_NAME["troop_movement"], at, at + len(word), word)


def test_an_official_who_sent_the_force_is_not_the_one_arriving():
    text = "A team sent by order of the Prime Minister arrived in Kut."
    assert not visit(Sentence(0, 0, len(text), text), _trigger(text, "arrived in"))
    text = "A Russian delegation arrived in Daraa."
    assert visit(Sentence(0, 0, len(text), text), _trigger(text, "arrived in"))


def test_saida_in_daraa_is_not_suwayda(extractor):
    text = (
        "Russian jets pounded the town of Saida east of Daraa on Thursday, killing six civilians."
    )
    assert [(e[1], e[2]) for e in events(extractor, text, PUBLISHED)] == [("Saida", "SY-DR")]


def test_saida_near_ain_issa_is_the_village_of_raqqa(extractor):
    text = "Turkish drones struck the village of Saida, east of Ain Issa, on Sunday."
    assert [(e[1], e[2]) for e in events(extractor, text, PUBLISHED)] == [("Saida", "SY-RA")]


def test_most_of_a_city_captured_is_ground_taken_not_an_arrest(extractor):
    text = "Rebels captured most of Hama on Thursday, as government troops withdrew."
    assert types(extractor, text) == ["armed_clash", "troop_withdrawal"]


def test_gunmen_captured_by_police_are_still_an_arrest(extractor):
    text = "Police captured five of the gunmen in Kirkuk on Friday."
    assert types(extractor, text) == ["arrest"]


def test_the_word_insurgents_alone_is_no_insurgent_activity(extractor):
    text = (
        "The governor of Nineveh said on Monday that volunteers who fight the insurgents in "
        "Mosul would be paid."
    )
    assert types(extractor, text) == []


def test_tafas_alone_is_the_daraa_town_not_talas_in_turkey(extractor):
    text = "Gunmen abducted a shepherd near Tafas on Monday and released him hours later."
    assert {(e[1], e[2]) for e in events(extractor, text, PUBLISHED)} == {("Tafas", "SY-DR")}

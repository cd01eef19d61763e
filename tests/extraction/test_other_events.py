"""News of the conflict that is neither violence nor a movement of armed men: the type
``other`` (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2021, 6, 10)):
    return [e[0] for e in events(extractor, text, published)]


def test_a_mass_grave_found_is_other(extractor):
    text = "Police said on Wednesday they had found a mass grave near Badush holding 40 bodies."
    assert types(extractor, text) == ["other"]


def test_families_taken_from_a_camp_are_other(extractor):
    text = "About 90 families left Roj camp on Tuesday for their homes in Raqqa, officials said."
    assert "other" in types(extractor, text)


def test_a_mass_grave_only_feared_is_no_event(extractor):
    text = "Residents fear that a mass grave lies under the rubble of the school."
    assert types(extractor, text) == []


def test_a_commander_relieved_of_his_duties_is_other(extractor):
    text = "On Friday the prime minister relieved the police commander of Kut of his duties."
    assert types(extractor, text) == ["other"]


def test_parliament_accepting_a_resignation_is_other(extractor):
    text = "The Kurdistan parliament in Erbil accepted the resignation of the cabinet on Sunday."
    assert types(extractor, text) == ["other"]


def test_a_claim_dismissed_is_no_dismissal(extractor):
    text = "Officials in Kirkuk dismissed the claim as propaganda on Monday."
    assert types(extractor, text) == []


def test_a_mass_grave_holding_remains_is_other(extractor):
    # "the remains of" are bodies, not a state that "remains" (no habit)
    text = "Soldiers found a mass grave holding the remains of 60 men near Tal Afar on Tuesday."
    assert types(extractor, text) == ["other"]
    far = (
        "A mass grave thought to hold the remains of some 200 men killed by the militants in 2014 "
        "was unearthed near Tal Afar on Tuesday."
    )
    assert "other" in types(extractor, far)


def test_civilians_evacuated_are_other(extractor):
    text = "The Red Crescent evacuated 400 families from Tal Rifaat on Tuesday."
    assert types(extractor, text) == ["other"]
    text = "Buses took the fighters north on Tuesday, alongside the evacuation of 900 residents."
    assert "other" in types(extractor, text)


def test_a_curfew_imposed_is_other(extractor):
    text = "The governor of Basra ordered a night-time curfew on the city on Sunday."
    assert types(extractor, text) == ["other"]
    text = "A curfew was declared in Tuz Khurmatu late on Monday, the police said."
    assert types(extractor, text) == ["other"]


def test_a_curfew_lifted_or_respected_is_no_new_event(extractor):
    text = "Authorities in Mosul lifted the weekend curfew on Thursday morning."
    assert types(extractor, text) == []
    text = "The police urged people in Samarra to respect the curfew announced by the army."
    assert types(extractor, text) == []


def test_a_curfew_in_force_is_no_event(extractor):
    text = "Shops in Samarra stayed shut on Wednesday while the curfew remained in force."
    assert types(extractor, text) == []


def test_airspace_closed_to_flights_from_a_city_is_placed_there(extractor):
    text = "On Monday Iran closed its airspace to flights to and from Erbil, citing security."
    found = events(extractor, text, dt.date(2021, 6, 10))
    assert [e[:3] for e in found] == [("other", "Erbil", "IQ-AR")]


def test_an_armed_group_disbanding_is_other(extractor):
    text = "The Tribal Army of Deir ez-Zor announced its dissolution on Saturday."
    assert types(extractor, text) == ["other"]
    text = "At a meeting in Qandil on Friday the group announced that it was dissolving itself."
    assert types(extractor, text) == ["other"]


def test_an_evacuation_taken_up_again_is_other(extractor):
    text = "Evacuations from Madaya and Zabadani resumed on Thursday after a day's halt."
    assert "other" in types(extractor, text)


def test_a_death_sentence_is_other(extractor):
    text = "A court in Erbil sentenced two men to death on Wednesday for the 2019 market bombing."
    assert "other" in types(extractor, text)


def test_civilians_leaving_a_besieged_town_are_other(extractor):
    text = "About 2,000 civilians and wounded left the besieged town of Madaya on Wednesday."
    assert types(extractor, text) == ["other"]


def test_families_fleeing_towards_camps_are_no_camp_departure(extractor):
    text = "Hundreds of families left villages near Maarat al-Numan for camps on Tuesday."
    assert "other" not in types(extractor, text)


def test_heavy_weapons_handed_over_are_other(extractor):
    text = "Rebels in Tafas handed over their heavy weapons to the army on Tuesday."
    assert types(extractor, text) == ["other"]
    text = "Rebels in Tafas agreed on Tuesday to hand over their heavy weapons to the army."
    assert "other" not in types(extractor, text)


def test_fighters_burning_their_own_weapons_are_other(extractor):
    text = "Twenty fighters of the group burned their weapons at a ceremony near Dukan on Tuesday."
    assert types(extractor, text) == ["other"]


def test_aid_delivered_or_dropped_is_other(extractor):
    text = "On Tuesday a UN convoy delivered flour and medicine to the besieged town of Madaya."
    assert types(extractor, text) == ["other"]
    text = "US aircraft conducted an airdrop of humanitarian supplies on Mount Sinjar on Friday."
    assert types(extractor, text) == ["other"]

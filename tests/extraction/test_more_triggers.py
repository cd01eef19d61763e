"""Trigger words for surrenders, patrols, airborne landings, unmanned aircraft, ground taken (a
town's centre too), an army's aviation and gunships striking,
and headline-tense withdrawals (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2018, 9, 14)):
    return [e[0] for e in events(extractor, text, published)]


def test_fighters_who_gave_themselves_up_are_held(extractor):
    text = "About 40 militants gave themselves up to Kurdish forces in Hajin on Thursday."
    assert types(extractor, text) == ["arrest"]


def test_fighters_forced_to_hand_themselves_over_are_held(extractor):
    text = "The last gunmen in Hajin handed themselves over to the SDF on Thursday."
    assert types(extractor, text) == ["arrest"]


def test_unmanned_aircraft_shot_down_are_a_drone_attack(extractor):
    text = "Air defences at Tiyas destroyed three unmanned aerial vehicles on Thursday."
    assert types(extractor, text) == ["drone_or_rocket_attack"]


def test_a_patrol_from_one_town_to_another_is_a_movement(extractor):
    text = "Turkish troops conducted a patrol from Darbasiyah to Amuda on Thursday."
    assert types(extractor, text) == ["troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "US commandos carried out an airborne landing near Tabqa on Thursday.",
        "The army airlifted 300 soldiers to Deir ez-Zor airport on Thursday.",
    ],
)
def test_troops_flown_in_are_deployed(extractor, text):
    assert types(extractor, text) == ["troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish forces completed the capture of Hajin on Thursday.",
        "The jihadists planted their flag on a hill above Hajin on Thursday.",
        "The SDF drove the militants from Hajin on Thursday.",
    ],
)
def test_ground_taken_in_other_words_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


def test_a_headline_withdrawal_in_the_present_tense(extractor):
    text = "Rebel factions withdraw from Morek and Kafr Zita on Thursday."
    assert types(extractor, text) == ["troop_withdrawal", "troop_withdrawal"]


def test_a_withdrawal_asked_for_is_none(extractor):
    text = "Ankara told the YPG to withdraw from Manbij within 30 days."
    assert "troop_withdrawal" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Loyalist troops advanced in the Hajin area on Thursday after heavy clashes with IS.",
        "The army established control over the farms near Hajin on Thursday after fierce clashes.",
    ],
)
def test_ground_gained_after_clashes_keeps_the_clash(extractor, text):
    assert "armed_clash" in types(extractor, text)


def test_jets_that_began_striking_in_a_days_after_clause_are_strikes_of_their_own(extractor):
    text = (
        "Ankara moved armour into Tal Abyad on 9 October, three days after its jets began "
        "striking Ras al-Ain and Kobani."
    )
    found = [(e.properties.event_type, e.properties.date) for e in _features(extractor, text)]
    assert ("airstrike", dt.date(2018, 10, 6)) in found
    assert sum(t == "airstrike" for t, _ in found) == 2


def test_planes_that_started_pounding_are_a_strike(extractor):
    text = "Russian planes started pounding the outskirts of Saraqib on Thursday."
    assert types(extractor, text) == ["airstrike"]


def _features(extractor, text, published=dt.date(2018, 10, 20)):
    return extractor.extract(ReportInput(text, published)).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strikes targeted an arms depot outside Tabqa on Thursday.", ["airstrike"]),
        ("Strikes on a water plant in Hawija killed four workers on Thursday.", ["airstrike"]),
        (
            "Targets were hit in and around Hajin and Tabqa on Thursday.",
            ["airstrike", "airstrike"],
        ),
    ],
)
def test_the_noun_of_a_strike_with_a_generic_verb_is_an_airstrike(extractor, text, expected):
    assert types(extractor, text) == expected


def test_a_labour_strike_is_no_airstrike(extractor):
    assert types(extractor, "Oil workers held strikes on Thursday in Basra.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Our air elements struck 40 hideouts near Qandil on Thursday.",
        "Our aircraft neutralised a rocket crew near Qandil on Thursday.",
    ],
)
def test_a_statements_own_air_arm_as_subject_is_an_airstrike(extractor, text):
    assert types(extractor, text) == ["airstrike"]


def test_an_air_arm_named_by_its_owner_is_an_airstrike(extractor):
    text = "Jets of the Russian air force struck hideouts near Sukhnah on Thursday."
    assert types(extractor, text) == ["airstrike"]


@pytest.mark.parametrize(
    "text",
    [
        "A blast ripped through a police post in Baquba on Thursday.",
        "An explosion killed two guards at a checkpoint in Baquba on Thursday.",
    ],
)
def test_a_blast_as_subject_of_a_generic_verb_is_an_explosive(extractor, text):
    assert types(extractor, text) == ["ied_explosion"]


def test_an_air_force_as_subject_is_an_airstrike(extractor):
    text = "The Iraqi Air Force hit militant shelters in the Hamrin mountains on Thursday."
    assert types(extractor, text) == ["airstrike"]


def test_an_air_supported_operation_is_an_airstrike(extractor):
    text = "In an air-supported operation in the Zap region, 3 terrorists were neutralised."
    assert "airstrike" in types(extractor, text)


def test_a_crowd_seizing_government_buildings_is_a_riot_in_each_town(extractor):
    text = "Angry crowds seized government buildings in Kut and Amarah on Sunday, officials said."
    found = sorted((e[0], e[1]) for e in events(extractor, text))
    assert [t for t, _ in found] == ["riot", "riot"]


def test_gunmen_seizing_government_buildings_are_no_riot(extractor):
    text = "Gunmen seized government buildings in Hit on Monday."
    assert "riot" not in [e[0] for e in events(extractor, text)]


def test_an_agreed_successor_or_a_contract_held_is_no_agreement(extractor):
    # "agreed" as an adjective; a contract held is a document, not a deal made
    text = "Parliament met on Tuesday without an agreed candidate for speaker in Baghdad."
    assert "agreement" not in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]
    text = "The farmers in Hawija hold land contracts issued by the old ministry, officials said."
    assert "agreement" not in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_sides_that_traded_fire_fought_a_clash(extractor):
    text = (
        "Police and tribal gunmen traded fire for two hours in the village of Sinune on "
        "Tuesday, a local official said."
    )
    assert [e[0] for e in events(extractor, text, dt.date(2023, 5, 4))] == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Government troops massed near Kafr Zita on Tuesday, residents said.",
        "Turkish commandos were landed on the ridge near Amadiya on Sunday.",
    ],
)
def test_forces_gathered_at_a_front_or_landed_are_deployed(extractor, text):
    assert types(extractor, text) == ["troop_deployment"]


def test_fighting_told_spreading_with_words_between_is_a_clash(extractor):
    text = "Fighting has since spread to the villages west of Hajin, a monitor said on Monday."
    assert types(extractor, text) == ["armed_clash"]


def test_a_state_closing_its_airspace_is_news_of_the_conflict(extractor):
    text = "Syria closed its airspace to flights from Baghdad on Sunday, officials said."
    assert types(extractor, text) == ["other"]


def test_a_force_breaking_through_enemy_defences_is_a_clash(extractor):
    text = "Army tanks broke through the militants' first lines south of Hit on Thursday."
    assert types(extractor, text) == ["armed_clash"]


def test_a_crowd_breaking_through_a_gate_is_no_clash(extractor):
    text = "Hundreds of men broke through the gate of the consulate on Thursday, witnesses said."
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Army aviation destroyed three car bombs heading for our troops near Hajin on Thursday.",
        "Army aviation targeted a convoy of the terrorists near Hajin on Thursday.",
    ],
)
def test_an_army_s_aviation_striking_is_an_airstrike(extractor, text):
    assert types(extractor, text) == ["airstrike"]


def test_a_gunship_striking_is_an_airstrike(extractor):
    text = "A US gunship struck a pickup carrying militants near Hajin on Thursday."
    assert types(extractor, text) == ["airstrike"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebel factions captured the centre of Maarat al-Numan on Thursday.",
        "By Thursday evening the militants had taken the centre of Hit.",
        "Government troops seized the heart of Douma on Thursday.",
    ],
)
def test_the_heart_of_a_town_taken_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Syrian aircraft do not strike residential areas in Idlib.",
        "Coalition jets did not bomb the bridge at Raqqa, officials said.",
        "Turkish army aviation never struck villages in Zakho, Ankara said.",
    ],
)
def test_an_air_arm_said_not_to_strike_is_no_strike(extractor, text):
    assert "airstrike" not in types(extractor, text)


def test_an_air_arm_that_also_struck_still_struck(extractor):
    assert types(extractor, "Coalition jets also bombed the bridge at Raqqa on Monday.") == [
        "airstrike"
    ]

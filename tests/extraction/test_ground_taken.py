"""Ground taken, forces leaving, accusations and rebel fire (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2019, 5, 12)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish fighters captured the village of Tal Baydar from the militants on Friday.",
        "Army units took the town of Rutba on Thursday, a commander said.",
        "Rebels took al-Latamneh on Friday, a monitor said.",
        "Government troops seized most of the villages of Jabal Shashabo on Saturday.",
    ],
)
def test_ground_taken_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks took place in Ankara on Friday.",
        "The minister took part in a meeting in Baghdad on Friday.",
    ],
)
def test_took_without_a_place_taken_is_no_clash(extractor, text):
    assert "armed_clash" not in types(extractor, text)


def test_a_force_that_drove_the_enemy_out_after_a_backing_phrase(extractor):
    found = events(
        extractor,
        "Peshmerga units, backed by coalition jets and local volunteers, drove the militants "
        "out of Gwer on Friday.",
        dt.date(2016, 8, 20),
    )
    assert [e[0] for e in found] == ["armed_clash"]
    assert found[0][3].get("Peshmerga") == "actor"


def test_hundreds_of_troops_withdrawing_are_no_fleeing_civilians(extractor):
    found = types(
        extractor, "Hundreds of soldiers withdrew from Hit toward the Ain al-Asad base on Sunday."
    )
    assert found == ["troop_withdrawal"]


def test_hundreds_of_families_fleeing_are_no_withdrawal(extractor):
    assert "troop_withdrawal" not in types(
        extractor, "Hundreds of families fled Hit toward Haditha on Sunday as fighting neared."
    )


def test_men_accused_of_helping_attackers_are_still_arrested(extractor):
    found = types(
        extractor,
        "Asayish forces rounded up 14 men accused of sheltering the attackers in Shaddadi on "
        "Saturday.",
    )
    assert found == ["arrest"]


def test_rebel_mortar_fire_on_civilians_is_an_attack_by_the_opposition(extractor):
    found = events(
        extractor,
        "Three civilians were killed by rebel mortar shells in the Mahatta district of Hama on "
        "Monday.",
        dt.date(2016, 3, 9),
    )
    assert len(found) == 1
    kind, _, _, actors = found[0]
    assert kind == "attack"
    assert actors["Syrian opposition factions"] == "actor"
    assert actors["Civilians (Syria)"] == "target"


def test_a_killing_and_an_abduction_told_with_participles_are_two_events(extractor):
    found = types(
        extractor,
        "Gunmen overran the village of Kocho on Friday, killing nine farmers and abducting "
        "their wives.",
        dt.date(2014, 8, 20),
    )
    # Only farmers were hit: the overrunning is an attack on civilians (retype), beside the
    # abduction.
    assert "kidnapping" in found and "attack" in found


def test_units_that_moved_in_after_a_withdrawal_are_a_deployment(extractor):
    found = types(
        extractor,
        "Peshmerga forces withdrew from Makhmour on Monday and army units moved in.",
        dt.date(2017, 10, 20),
    )
    assert found == ["troop_withdrawal", "troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "A PKK fighter who tried to cross the border near Zakho was captured on Monday.",
        "Two gunmen who had planned to attack a checkpoint in Tarmiyah were arrested on Monday.",
    ],
)
def test_a_modal_word_in_a_relative_clause_leaves_the_main_verb_an_event(extractor, text):
    assert types(extractor, text, dt.date(2024, 6, 20)) == ["arrest"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said they would arrest the men who attacked the checkpoint in Tarmiyah.",
        "The army denied that its units were arrested near Zakho on Monday.",
    ],
)
def test_a_modal_word_of_the_main_clause_still_makes_no_event(extractor, text):
    assert "arrest" not in types(extractor, text, dt.date(2024, 6, 20))


def test_people_taken_long_ago_are_an_event_of_that_year(extractor):
    """Background with a date of its own is an event of that date (the event conventions);
    the appeal itself is no event."""
    report = ReportInput(
        "The family of a teacher who was abducted in 2019 near Tuz Khurmatu appealed for news.",
        dt.date(2024, 6, 20),
    )
    found = [f.properties for f in extractor.extract(report).events]
    assert [(p.event_type, p.date.isoformat()[:4]) for p in found] == [("kidnapping", "2019")]


def test_hostages_who_were_taken_earlier_and_were_then_freed_are_a_release(extractor):
    found = types(
        extractor,
        "Four shepherds who were kidnapped near Rutba last month were freed on Monday.",
        dt.date(2024, 6, 20),
    )
    assert "prisoner_release" in found


@pytest.mark.parametrize(
    "text",
    [
        "Commanders said the army has promised to retake Hawija before the winter.",
        "The capture of Qayyarah frees troops for the battle ahead; Hawija's recapture is next.",
        "Shops in Tal Tamr stay shut because of the daily shelling, residents said.",
    ],
)
def test_an_aim_a_reference_or_a_daily_routine_is_no_event(extractor, text):
    assert types(extractor, text, dt.date(2017, 9, 1)) == []


def test_the_daily_that_reports_a_blast_is_a_newspaper(extractor):
    found = types(
        extractor,
        "The Kurdish daily Rudaw said a bomb exploded in Kirkuk on Monday.",
        dt.date(2017, 9, 1),
    )
    assert found == ["ied_explosion"]


def test_a_push_that_clears_villages_is_one_fight(extractor):
    found = types(
        extractor,
        "Army units pushed north from Qayyarah at dawn, clearing six villages after clashes "
        "with the militants.",
        dt.date(2016, 10, 20),
    )
    assert found == ["armed_clash"]


def test_a_move_and_a_fight_of_other_forces_are_two_events(extractor):
    found = types(
        extractor,
        "Army brigades moved north from Qayyarah towards Mosul, while Peshmerga fighters "
        "clashed with the militants in Bartella.",
        dt.date(2016, 10, 20),
    )
    assert sorted(found) == ["armed_clash", "troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators broke through the gates of the provincial council in Basra on Sunday.",
        "Protesters clashed with police in Nasiriyah on Sunday, with stones thrown and two cars "
        "set on fire.",
    ],
)
def test_a_crowd_breaking_through_or_burning_is_a_riot(extractor, text):
    assert types(extractor, text, dt.date(2019, 11, 26)) == ["riot"]


def test_soldiers_breaking_down_a_door_make_no_riot(extractor):
    found = types(
        extractor,
        "Soldiers broke down the door of a house in Tarmiyah and detained two men on Sunday.",
        dt.date(2019, 11, 26),
    )
    assert found == ["arrest"]


def test_a_strike_by_named_jets_is_an_airstrike(extractor):
    found = types(
        extractor,
        "Iraqi F-16s struck militant hideouts in Wadi Horan on Sunday.",
        dt.date(2020, 5, 4),
    )
    assert found == ["airstrike"]


@pytest.mark.parametrize(
    "text",
    [
        "The army launched the second phase of its offensive on Tal Afar on Sunday.",
        "The offensive began on Sunday with army units closing in on Tal Afar from three sides.",
        "Men of the Jubur tribe rose up against the militants in Zawiya on Sunday.",
        "The Turkish army and allied factions occupied Afrin on Sunday.",
    ],
)
def test_offensives_begun_uprisings_and_towns_occupied_are_clashes(extractor, text):
    assert types(extractor, text, dt.date(2017, 8, 21)) == ["armed_clash"]


def test_an_assault_that_began_when_a_bomber_struck_is_the_bombing(extractor):
    found = types(
        extractor,
        "The assault began on Sunday when a suicide bomber drove a truck into the gate of the "
        "prison in Hasakah.",
        dt.date(2022, 1, 24),
    )
    assert found == ["suicide_bombing"]


def test_shelling_told_after_after_is_an_event_of_its_own(extractor):
    found = types(
        extractor,
        "Talks stalled after Turkish artillery shelled SDF positions near Ain Issa on Sunday.",
        dt.date(2019, 11, 26),
    )
    assert found == ["drone_or_rocket_attack"]


def test_reinforcements_sent_in_recent_days_are_a_deployment(extractor):
    found = types(
        extractor,
        "The SDF has sent reinforcements to the Tishreen dam in recent days, a commander said.",
        dt.date(2024, 12, 5),
    )
    assert found == ["troop_deployment"]


def test_people_killed_in_recent_days_are_a_tally(extractor):
    found = types(extractor, "Nine people have been killed in Kirkuk in recent days.")
    assert found == []


def test_two_kinds_of_aircraft_and_a_verb_are_an_airstrike(extractor):
    found = types(
        extractor,
        "Coalition aircraft and artillery struck militant positions in Hajin on Thursday.",
        dt.date(2018, 12, 15),
    )
    assert found == ["airstrike"]


def test_brigades_moved_in_recent_weeks_are_a_move(extractor):
    found = types(
        extractor,
        "Two army brigades have moved north from Baiji to the Qayyarah front in recent weeks.",
        dt.date(2016, 6, 20),
    )
    assert found == ["troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "Some of the soldiers were shot after being captured near Tuz Khurmatu, police said.",
        "The militants marched the cadets captured as they fled the base to the river.",
    ],
)
def test_how_captives_came_to_be_held_is_no_arrest(extractor, text):
    assert "arrest" not in types(extractor, text, dt.date(2014, 6, 20))


def test_a_fighter_captured_alive_is_an_arrest(extractor):
    found = types(
        extractor,
        "A PKK fighter was captured alive near Zakho on Monday, the ministry said.",
        dt.date(2024, 6, 20),
    )
    assert found == ["arrest"]


def test_inmates_moved_to_other_wings_are_no_troop_move(extractor):
    found = types(
        extractor,
        "Hundreds of inmates surrendered to SDF units on Sunday and were moved to another "
        "prison in Hasakah.",
        dt.date(2022, 1, 26),
    )
    assert "troop_movement" not in found and "troop_deployment" not in found


def test_a_move_named_as_an_onset_after_since_is_background(extractor):
    found = types(
        extractor,
        "It was the deadliest attack on US troops in Syria since American forces deployed "
        "there, officials said.",
        dt.date(2019, 1, 17),
    )
    assert "troop_deployment" not in found


def test_troops_that_were_moved_still_move(extractor):
    found = types(
        extractor,
        "Two army battalions were moved from Baiji to Kirkuk on Sunday.",
        dt.date(2017, 10, 18),
    )
    assert found == ["troop_movement"]


def test_a_town_entered_against_stiff_resistance_is_a_clash(extractor):
    text = "Iraqi special forces entered Karamlesh on Tuesday against stiff resistance."
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli jets fired missiles from over the occupied Golan Heights at a radar near Sasa.",
        "Drones launched from Turkish-occupied Afrin struck a farm near Tal Rifaat on Friday.",
        "Our fighters struck the US base at Shaddadi in occupied Syria with a drone on Friday.",
    ],
)
def test_an_occupied_place_is_held_ground_not_ground_taken(extractor, text):
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peshmerga forces took control of Bashiqa on Friday after a two-week offensive.",
        "Rebel factions took full control of the town of Kafr Zita on Saturday, after a "
        "month-long siege.",
    ],
)
def test_control_taken_after_a_long_offensive_is_a_clash_there(extractor, text):
    found = events(extractor, text, dt.date(2019, 5, 12))
    assert [e[0] for e in found] == ["armed_clash"]
    assert found[0][1] in ("Bashiqa", "Kafr Zita")


def test_control_taken_after_a_withdrawal_stays_a_deployment(extractor):
    text = "Army units took control of Rutba on Friday after the militants pulled out."
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Army units captured the strategic hilltop of Tal Hamam near Sinjar on Sunday.",
        "Rebel fighters captured the main railway station in Daraa on Sunday.",
        "Government troops seized the Tishreen dam on Sunday, a monitor said.",
    ],
)
def test_a_site_captured_is_ground_taken_not_an_arrest(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


def test_men_captured_stay_an_arrest(extractor):
    assert types(
        extractor, "Peshmerga forces captured three ISIS fighters near Kirkuk on Sunday."
    ) == ["arrest"]


def test_a_town_that_fell_to_named_factions_is_ground_taken(extractor):
    text = "Tal Rifaat fell to Turkish-backed rebel factions on Sunday after a week-long siege."
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Saraqib fell on 8 February, cutting the M5 highway.", ["Saraqib"]),
        ("Kafr Nabudah fell on 26 May after a week of shelling.", ["Kafr Nabudah"]),
        (
            "Tal Afar, the last town held by the group west of Mosul, fell in late August.",
            ["Tal Afar"],
        ),
        ("The towns of Jalawla and Saadiya fell last week.", ["Jalawla", "Saadiya"]),
    ],
)
def test_a_town_that_fell_on_a_day_is_ground_taken(extractor, text, places):
    found = events(extractor, text)
    assert [e[0] for e in found] == ["armed_clash"] * len(places)
    assert sorted(e[1] for e in found) == places


@pytest.mark.parametrize(
    "text",
    [
        "Two mortar rounds fell in a residential street of Kafr Nabudah on Monday.",
        "Assad fell in December, and the army melted away.",
        "On the day Mosul fell, the militants emptied the prison.",
    ],
)
def test_what_fell_but_no_town_taken_is_no_clash(extractor, text):
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Turkish factions took control of the hamlet of Kherbet Sheikh on Tuesday.",
        "The Kurdish-led militia took control of the grain silos west of the town on Monday.",
    ],
)
def test_control_taken_with_no_sign_of_it_given_up_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Army units took control of the oil field on Tuesday, meeting little resistance.",
        "Federal troops took control of the airport on Monday after the Kurdish guards left.",
        "Government troops took control of the crossing on Monday without a fight.",
        "Inmates took control of a wing of the jail on Sunday night, guards said.",
    ],
)
def test_control_taken_of_ground_given_up_is_no_clash(extractor, text):
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Army units entered Tal Kaif on Tuesday and declared the town liberated by evening.",
        "Peshmerga fighters pushed into Wardak from three directions on Monday.",
        "Federal police entered Hammam al-Alil on Sunday, where militants put up scattered "
        "resistance.",
        "Special forces entered Shura on Friday; the town was declared cleared on Saturday.",
    ],
)
def test_a_place_fought_for_when_entered_is_a_clash(extractor, text):
    assert types(extractor, text, dt.date(2016, 11, 2)) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Army units entered Tal Kaif on Tuesday without a fight after the militants withdrew.",
        "Police units entered Shura on Friday and began clearing it of mines.",
    ],
)
def test_a_place_entered_with_no_fight_told_is_no_clash(extractor, text):
    assert "armed_clash" not in types(extractor, text, dt.date(2016, 11, 2))


def test_irregulars_taking_over_checkpoints_is_insurgent_activity(extractor):
    found = types(
        extractor,
        "Tribal gunmen took over several checkpoints on the road near Shuhayl on Thursday.",
        dt.date(2023, 9, 2),
    )
    assert found == ["insurgent_activity"]


def test_state_forces_taking_over_checkpoints_deploy(extractor):
    found = types(
        extractor,
        "Iraqi army units took over the checkpoints at the entrances of Tuz Khurmatu on Monday.",
        dt.date(2017, 10, 18),
    )
    assert found == ["troop_deployment"]


def test_ground_taken_a_day_after_another_town_is_two_battles(extractor):
    text = (
        "Government troops took control of Kafr Zita on Friday, a day after seizing the "
        "town of Latamneh, a monitor said."
    )
    found = events(extractor, text, dt.date(2019, 5, 12))
    places = {(e[0], e[1]) for e in found}
    assert ("armed_clash", "Kafr Zita") in places
    assert ("armed_clash", "Al-Lataminah") in places
    # the participle clause has no subject of its own: the troops seized the town
    seized = next(e for e in found if e[1] == "Al-Lataminah")
    assert "Syrian government forces" in seized[3]

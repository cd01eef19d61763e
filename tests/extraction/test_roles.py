"""Actors and roles from sentence structure (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def roles(extractor, text, published=dt.date(2024, 3, 14)):
    found = events(extractor, text, published)
    assert len(found) == 1, found
    return found[0][3]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "A Turkish drone strike hit a car carrying SDF commanders near Amuda on Tuesday.",
            "Turkish Armed Forces",
            "SDF",
        ),
        (
            "US warplanes bombed Kataib Hezbollah depots outside al-Qaim on Monday.",
            "United States Armed Forces",
            "Kataib Hezbollah",
        ),
        (
            "Iranian missiles slammed into offices of the KDPI near Koya on Sunday.",
            "IRGC",
            "Iranian Kurdish opposition groups",
        ),
        (
            "An IRGC barrage struck PDKI camps near Koya on Sunday.",
            "IRGC",
            "Iranian Kurdish opposition groups",
        ),
        (
            "Israeli jets pounded Hezbollah warehouses near Qusayr overnight.",
            "Israel Defense Forces",
            "Hezbollah",
        ),
    ],
)
def test_the_owner_of_the_weapon_is_the_attacker(extractor, text, actor, target):
    found = roles(extractor, text)
    assert found[actor] == "actor" and found[target] == "target"


@pytest.mark.parametrize(
    "text",
    [
        "Peshmerga fighters were targeted by ISIS militants near Makhmour on Friday.",
        "A Peshmerga patrol came under fire from ISIS gunmen near Makhmour on Friday.",
        "Three Peshmerga fighters were killed by an ISIS sniper near Makhmour on Friday.",
    ],
)
def test_passive_voice_keeps_the_attacker_the_actor(extractor, text):
    found = roles(extractor, text)
    assert found == {"ISIS": "actor", "Peshmerga": "target"}


def test_monitor_style_casualties_are_targets(extractor):
    found = roles(
        extractor,
        "Diyala: 3 PMF fighters killed, 2 wounded when ISIS attacked a post near Mandali.",
    )
    assert found == {"Popular Mobilization Forces": "target", "ISIS": "actor"}


def test_the_subject_of_a_later_verb_acts(extractor):
    found = roles(
        extractor, "Six shepherds were killed on Sunday when IS members attacked them near Rutba."
    )
    assert found["ISIS"] == "actor" and found["Civilians (Iraq)"] == "target"


def test_a_backer_is_not_the_attacker(extractor):
    found = roles(
        extractor, "Fighters backed by Turkey's MIT shelled Tal Tamr on Monday, killing a farmer."
    )
    assert found.get("Turkish National Intelligence Organization") == "associated"


def test_named_group_with_gunmen_is_the_group(extractor):
    found = roles(extractor, "ISIS gunmen shot dead a mukhtar in a village near Hawija on Friday.")
    assert "Unidentified armed group (Iraq)" not in found and found["ISIS"] == "actor"


def test_generic_forces_belong_to_the_event_country_and_date(extractor):
    before = roles(extractor, "Security forces arrested four men in Jableh.", dt.date(2023, 5, 2))
    after = roles(extractor, "Security forces arrested four men in Jableh.", dt.date(2025, 5, 2))
    assert before == {"Syrian government forces": "actor"}
    assert after == {"Syrian transitional government forces": "actor"}


def test_the_militants_are_the_group_named_before(extractor):
    found = events(
        extractor,
        "Islamic State fighters attacked an army post near Tarmiyah on Monday. On Tuesday the "
        "militants ambushed a police convoy near Samarra.",
    )
    assert [e[1] for e in found] == ["Tarmiyah", "Samarra"]
    assert found[1][3]["ISIS"] == "actor"


def test_a_claim_attaches_to_the_last_incident(extractor):
    found = events(
        extractor,
        "A roadside bomb struck a Peshmerga vehicle near Gwer on Wednesday, killing two. "
        "Islamic State claimed responsibility in a statement.",
    )
    assert len(found) == 1 and found[0][3]["ISIS"] == "actor"


def test_a_strike_on_homes_or_a_market_targets_civilians(extractor):
    found = roles(
        extractor, "Ballistic missiles slammed into homes in Erbil early on Sunday, officials said."
    )
    assert found["Civilians (Iraq)"] == "target"
    found = roles(extractor, "An IED exploded in a market in Tal Abyad on Sunday, killing four.")
    assert found["Civilians (Syria)"] == "target"


def test_movers_are_those_of_their_own_clause(extractor):
    found = events(
        extractor,
        "Iraqi troops took control of Kirkuk on Monday after Peshmerga forces withdrew "
        "from the city.",
        dt.date(2017, 10, 17),
    )
    by_type = {e[0]: e[3] for e in found}
    assert by_type["troop_deployment"] == {"Iraqi Security Forces": "actor"}
    assert by_type["troop_withdrawal"] == {"Peshmerga": "actor"}


def test_a_fight_keeps_both_sides_across_clauses(extractor):
    found = events(
        extractor,
        "HTS fighters captured a hill near Kabani on Monday after regime troops pulled back.",
        dt.date(2019, 5, 21),
    )
    by_type = {e[0]: e[3] for e in found}
    clash = by_type["armed_clash"]
    assert clash["HTS"] == "actor" and clash["Syrian government forces"] == "target"
    assert by_type["troop_withdrawal"] == {"Syrian government forces": "actor"}


@pytest.mark.parametrize(
    ("text", "defender"),
    [
        ("Iraqi forces shot down a drone near Kirkuk airport on Monday.", "Iraqi Security Forces"),
        (
            "Peshmerga fighters repelled an ISIS attack near Makhmour on Monday.",
            "Peshmerga",
        ),
    ],
)
def test_who_stops_an_attack_is_its_target(extractor, text, defender):
    found = roles(extractor, text)
    assert found[defender] == "target"


def test_a_company_is_hit_not_the_attacker(extractor):
    found = roles(
        extractor, "A drone hit an oil field operated by DNO near Zakho on Monday, officials said."
    )
    assert found["DNO"] == "target"
    assert found["Unidentified armed group (Iraq)"] == "actor"


def test_a_government_acts_through_its_forces(extractor):
    found = roles(
        extractor,
        "The Turkish Defence Ministry said its jets struck PKK hideouts near Gara on Monday.",
    )
    assert "Turkish government" not in found


def test_coordinated_owners_both_act(extractor):
    found = roles(
        extractor,
        "Regime and Russian warplanes struck Idlib city on Thursday, killing 12 civilians.",
        dt.date(2019, 11, 28),
    )
    assert found["Syrian government forces"] == "actor"
    assert found["Russian Armed Forces"] == "actor"


def test_state_forces_attacking_nobody_named_fight_a_battle(extractor):
    found = events(
        extractor,
        "Peshmerga forces attacked from the Gwer front at dawn on Monday, fighting house to "
        "house in two villages.",
    )
    assert found[0][0] == "armed_clash"
    assert "Civilians (Iraq)" not in found[0][3]


def test_arrests_are_made_by_the_states_forces(extractor):
    found = events(extractor, "Four young men were detained in Basra on Wednesday, a source said.")
    assert found[0][0] == "arrest"
    assert found[0][3]["Iraqi Security Forces"] == "actor"


def test_a_passive_with_its_own_subject_leaves_the_force_acting(extractor):
    found = events(
        extractor,
        "Police units were deployed in Qurna on Monday to separate the two clans, and nine "
        "men wanted over the clash were arrested.",
    )
    arrest = next(e for e in found if e[0] == "arrest")
    assert arrest[3]["Iraqi Security Forces"] == "actor"
    assert "armed_clash" not in [e[0] for e in found]


def test_two_owners_joined_by_and_are_both_attackers(extractor):
    found = roles(
        extractor,
        "Five civilians were killed in Maarat al-Numan on Monday in air strikes by Russian and "
        "regime warplanes.",
        dt.date(2019, 6, 4),
    )
    assert found["Russian Armed Forces"] == "actor"
    assert found["Syrian government forces"] == "actor"


def test_the_government_that_tells_of_a_deployment_is_its_source(extractor):
    found = roles(
        extractor,
        "Peshmerga reinforcements were sent to Gwer on Tuesday, the Kurdistan Regional "
        "Government said.",
        dt.date(2016, 8, 4),
    )
    assert found == {"Peshmerga": "actor"}


def test_a_foreign_owner_and_the_government_owner_are_both_attackers(extractor):
    found = roles(
        extractor,
        "Seven civilians were killed in Ariha on Monday in air strikes by Russian and "
        "government warplanes.",
        dt.date(2019, 6, 4),
    )
    assert found["Russian Armed Forces"] == "actor"
    assert found["Syrian government forces"] == "actor"


def test_the_object_of_an_attack_verb_before_the_weapon_is_the_target(extractor):
    found = roles(
        extractor,
        "Kataib Hezbollah fighters targeted a supply convoy of the US forces with a roadside bomb "
        "near Samawah on Monday.",
        dt.date(2021, 6, 9),
    )
    assert found["Kataib Hezbollah"] == "actor"
    assert found["United States Armed Forces"] == "target"


def test_a_country_next_to_a_preposition_and_a_weapon_is_no_owner(extractor):
    found = roles(
        extractor,
        "Kataib Hezbollah struck the al-Tanf garrison on the Syrian border with drones on Monday.",
        dt.date(2023, 10, 24),
    )
    assert "Syrian government forces" not in found


def test_our_military_points_in_a_statement_are_the_issuers(extractor):
    found = events(
        extractor,
        "The Syrian Democratic Forces said in a statement on Wednesday:\n\n"
        "On Tuesday night, an ISIS cell attacked one of our military points near the town of "
        "al-Busayrah with medium weapons.",
        dt.date(2024, 6, 12),
    )
    attack = [e for e in found if e[0] in ("attack", "armed_clash")]
    assert attack and attack[0][3].get("SDF") == "target"
    assert attack[0][3].get("ISIS") == "actor"


def test_the_side_that_left_before_the_militants_walked_in_is_no_mover(extractor):
    found = events(
        extractor,
        "Islamic State fighters walked into Bashiqa on Thursday after Peshmerga units pulled "
        "back from the town, residents said.",
        dt.date(2014, 8, 9),
    )
    activity = [e for e in found if e[0] == "insurgent_activity"]
    assert activity and "Peshmerga" not in activity[0][3]
    withdrawal = [e for e in found if e[0] == "troop_withdrawal"]
    assert withdrawal and withdrawal[0][3].get("Peshmerga") == "actor"


def test_a_fight_keeps_the_side_named_in_its_after_clause(extractor):
    found = roles(
        extractor,
        "Rebels captured the Wadi Deif camp on Monday after regime troops had held it for years.",
        dt.date(2014, 12, 16),
    )
    assert "Syrian government forces" in found


def test_what_a_crowd_storms_belongs_to_the_target(extractor):
    found = roles(
        extractor,
        "Crowds stormed and torched the offices of the Badr Organisation in Kut on Friday.",
        dt.date(2019, 11, 2),
    )
    assert found["Badr Organization"] == "target"


def test_the_movement_behind_a_crowd_is_associated(extractor):
    found = roles(
        extractor,
        "Supporters of Kataib Hezbollah stormed the gate of the US embassy in Baghdad on Tuesday.",
        dt.date(2019, 12, 31),
    )
    assert found["Kataib Hezbollah"] == "associated"
    assert found["United States government"] == "target"


def test_tribal_gunmen_in_syria_are_syrias_tribal_forces(extractor):
    found = roles(
        extractor,
        "Tribal gunmen attacked SDF checkpoints in Dhiban on Wednesday.",
        dt.date(2023, 8, 31),
    )
    assert found["Arab tribal forces (Syria)"] == "actor"


def test_the_town_of_hit_is_no_verb(extractor):
    found = roles(
        extractor,
        "A roadside bomb killed two soldiers near Hit on Tuesday.",
        dt.date(2021, 5, 12),
    )
    assert found.get("Iraqi Security Forces") == "target"


def test_civilians_killed_in_the_crossfire_are_no_side_of_the_battle(extractor):
    found = roles(
        extractor,
        "SDF fighters clashed with tribal gunmen in Dhiban on Wednesday, and two civilians were "
        "killed in the crossfire.",
        dt.date(2023, 8, 31),
    )
    assert not any(name.startswith("Civilians") for name in found)
    assert found["SDF"] == "actor"


@pytest.mark.parametrize(
    "text",
    [
        "Army units shelled villages held by ISIS near Hawija on Sunday.",
        "Troops cleared the al-Askari district, the last area under the control of ISIS, "
        "near Hawija on Sunday.",
    ],
)
def test_who_holds_the_ground_fought_over_is_the_target(extractor, text):
    found = roles(extractor, text, dt.date(2017, 10, 2))
    assert found["ISIS"] == "target"
    assert found["Iraqi Security Forces"] == "actor"


def test_two_strikes_in_clauses_of_their_own_keep_their_own_sides(extractor):
    found = events(
        extractor,
        "Rockets slammed into Camp Taji on Saturday, wounding two Iraqi soldiers, hours after "
        "US warplanes pounded Kataib Hezbollah depots.",
        dt.date(2020, 3, 14),
    )
    by_type = {e[0]: e[3] for e in found}
    assert set(by_type) == {"drone_or_rocket_attack", "airstrike"}
    assert "United States Armed Forces" not in by_type["drone_or_rocket_attack"]
    assert by_type["airstrike"].get("United States Armed Forces") == "actor"


def test_warplanes_firing_missiles_are_one_strike(extractor):
    found = events(
        extractor,
        "Israeli warplanes fired missiles at a depot near Masyaf on Sunday.",
        dt.date(2024, 9, 9),
    )
    assert [e[0] for e in found] == ["airstrike"]


def test_the_turkish_armys_mercenaries_are_the_sna(extractor):
    found = roles(
        extractor,
        "The Turkish army and its mercenaries shelled the village of Dibis near Tal Tamr on "
        "Sunday, wounding two civilians.",
        dt.date(2020, 12, 7),
    )
    assert found["SNA"] == "actor" and found["Turkish Armed Forces"] == "actor"


@pytest.mark.parametrize(
    ("text", "civilians"),
    [
        ("Gunmen executed three men in a village near Hawija on Tuesday.", "Civilians (Iraq)"),
        ("Two men were shot dead by unknown gunmen near Manbij on Tuesday.", "Civilians (Syria)"),
        (
            "Turkish shelling set fire to orchards outside the village of Sharanish near "
            "Zakho on Tuesday.",
            "Civilians (Iraq)",
        ),
    ],
)
def test_men_counted_and_crops_burned_are_the_civilians_hit(extractor, text, civilians):
    found = events(extractor, text)
    assert found, text
    assert found[0][3].get(civilians) == "target"


def test_men_counted_in_an_arrest_are_suspects_not_civilians(extractor):
    found = events(extractor, "Police arrested four men in a raid near Hawija on Tuesday.")
    assert [e[0] for e in found] == ["arrest"]
    assert "Civilians (Iraq)" not in found[0][3]


def test_a_feud_between_two_clans_is_fought_by_tribal_militia_alone(extractor):
    text = (
        "Islamic State cells attacked an army post near Rutba on Sunday.\n\n"
        "Three people were killed on Monday in a clash between two clans over grazing land "
        "near Samawah, police said."
    )
    found = [e for e in events(extractor, text) if e[0] == "armed_clash" and e[2] == "IQ-MU"]
    assert found, events(extractor, text)
    actors = found[0][3]
    assert actors.get("Tribal militia (Iraq)") == "actor"
    assert "Iraqi Security Forces" not in actors and "ISIS" not in actors


def test_bedouin_gunmen_in_syria_are_arab_tribal_forces(extractor):
    found = events(
        extractor, "Bedouin gunmen abducted a truck driver near Shahba in Suwayda on Tuesday."
    )
    assert found and found[0][3].get("Arab tribal forces (Syria)") == "actor"


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Iraqi F-16 jets struck caves used by Islamic State militants near Hamrin on Tuesday.",
            "Iraqi Security Forces",
            "ISIS",
        ),
        (
            "In an operation against the PKK on Tuesday, Turkish jets struck hideouts near "
            "Sidakan.",
            "Turkish Armed Forces",
            "PKK",
        ),
    ],
)
def test_whom_a_site_belongs_to_or_an_operation_is_against_is_the_target(
    extractor, text, actor, target
):
    found = events(extractor, text)
    assert found, text
    assert found[0][3].get(actor) == "actor"
    assert found[0][3].get(target) == "target"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Iraqi F-16s bombed hideouts in Wadi al-Shay near Kirkuk on Tuesday.",
            "Iraqi Security Forces",
        ),
        ("Russian Sukhois pounded Kafr Nabl on Tuesday.", "Russian Armed Forces"),
    ],
)
def test_an_aircraft_model_after_an_owner_names_the_attacker(extractor, text, actor):
    found = events(extractor, text)
    assert found and found[0][3].get(actor) == "actor"


def test_an_unclaimed_attack_far_from_a_claimed_one_is_unidentified(extractor):
    text = (
        "Kataib Hezbollah fired rockets at a US base near Erbil on Monday, the group said. "
        "The base had been hit before. Officials met in Baghdad on the matter. "
        "The talks were long. Diplomats were worried about the region. "
        "On Tuesday, rockets struck an oil depot near Kirkuk, causing a fire."
    )
    found = events(extractor, text, dt.date(2024, 3, 14))
    kirkuk = [f for f in found if f[0] == "drone_or_rocket_attack" and f[2] == "IQ-KI"]
    assert kirkuk, found
    assert kirkuk[0][3].get("Unidentified armed group (Iraq)") == "actor"
    assert "Kataib Hezbollah" not in kirkuk[0][3]


def test_an_unclaimed_attack_right_after_a_claimed_one_is_the_same_group(extractor):
    text = (
        "Kataib Hezbollah fired rockets at a US base near Erbil on Monday, the group said. "
        "On Tuesday, rockets struck an oil depot near Kirkuk, causing a fire."
    )
    found = events(extractor, text, dt.date(2024, 3, 14))
    kirkuk = [f for f in found if f[0] == "drone_or_rocket_attack" and f[2] == "IQ-KI"]
    assert kirkuk, found
    assert kirkuk[0][3].get("Kataib Hezbollah") == "actor"


@pytest.mark.parametrize(
    "second",
    [
        "The militia's fighters fired rockets at Ain al-Asad air base on Monday, officials said.",
        "On Monday a roadside bomb planted by the attackers hit a convoy near Balad.",
        "On Monday the group fired rockets at Ain al-Asad air base.",
    ],
)
def test_the_group_named_before_is_the_one_an_anaphor_names(extractor, second):
    text = f"Kataib Hezbollah has stepped up its campaign against US forces. {second}"
    found = events(extractor, text, dt.date(2024, 3, 14))
    assert found, found
    assert found[-1][3].get("Kataib Hezbollah") == "actor"
    assert "Unidentified armed group (Iraq)" not in found[-1][3]


@pytest.mark.parametrize("people", ["a pharmacist", "two paramedics", "a local imam"])
def test_people_named_by_their_trade_are_civilians_hit(extractor, people):
    found = roles(extractor, f"A mortar round killed {people} in Tuz Khurmatu on Sunday.")
    assert found.get("Civilians (Iraq)") == "target"


def test_militant_convoys_are_the_group_the_report_names(extractor):
    found = events(
        extractor,
        "ISIS fighters seized two villages near Hawija on Monday. "
        "On Tuesday, militant convoys attacked a police post near Riyadh.",
        dt.date(2014, 6, 12),
    )
    attacks = [f for f in found if "Riyadh" in (f[1] or "")]
    assert attacks, found
    assert attacks[0][3].get("ISIS") == "actor"


def test_fire_from_with_a_day_between_names_the_attacker(extractor):
    found = roles(
        extractor,
        "A Peshmerga patrol came under fire on Friday from ISIS militants near Gwer.",
    )
    assert found.get("ISIS") == "actor" and found.get("Peshmerga") == "target"


def test_armour_by_model_after_an_owner_is_the_owners(extractor):
    found = roles(
        extractor, "Turkish Leopard tanks were deployed near Afrin on Sunday, residents said."
    )
    assert found.get("Turkish Armed Forces") == "actor"


@pytest.mark.parametrize(
    "second",
    [
        "On Tuesday its fighters shot dead three shepherds near Mayadin.",
        "On Tuesday a second group shot dead three shepherds near Mayadin.",
        "On Tuesday fighters of the same group shot dead three shepherds near Mayadin.",
    ],
)
def test_the_group_told_before_acts_again(extractor, second):
    text = f"Islamic State militants ambushed an army patrol near Deir ez-Zor on Monday. {second}"
    found = events(extractor, text, dt.date(2016, 3, 10))
    assert len(found) >= 2, found
    assert found[-1][3].get("ISIS") == "actor"


def test_the_militants_are_the_group_called_militants_not_the_most_named(extractor):
    text = (
        "The SDF pushed into Hajin on Monday. SDF commanders said the SDF held the market. "
        "Islamic State fighters still hold the east. On Tuesday, the militants shot dead "
        "four shepherds near Susah."
    )
    found = events(extractor, text, dt.date(2018, 12, 12))
    shot = [f for f in found if f[0] == "attack"]
    assert shot, found
    assert shot[-1][3].get("ISIS") == "actor"
    assert "SDF" not in shot[-1][3]


def test_subjects_told_together_after_the_trigger_both_act(extractor):
    found = roles(
        extractor,
        "The army announced the liberation of Rawa from ISIS on Sunday after troops and the "
        "Hashd stormed the town.",
    )
    assert found == {
        "ISIS": "target",
        "Iraqi Security Forces": "actor",
        "Popular Mobilization Forces": "actor",
    }


def test_a_list_after_the_trigger_that_is_no_subject_stays_the_target(extractor):
    found = roles(
        extractor,
        "Turkish jets bombed positions of the PKK and the YBS near Sinjar on Sunday.",
    )
    assert found == {
        "Turkish Armed Forces": "actor",
        "PKK": "target",
        "Sinjar Resistance Units": "target",
    }


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "In July 2018, government forces captured Busra al-Harir in Daraa after heavy "
            "fighting.",
            "Syrian government forces",
        ),
        (
            "On Saturday, government forces captured Jableh after heavy fighting.",
            "Syrian transitional government forces",
        ),
    ],
)
def test_state_forces_are_read_as_of_the_event_not_the_report(extractor, text, forces):
    found = events(extractor, text, dt.date(2025, 3, 10))
    assert found, text
    assert found[0][3].get(forces) == "actor"


@pytest.mark.parametrize(
    "text",
    [
        "Unknown gunmen shot dead a former opposition fighter in Daraa on Monday evening.",
        "Gunmen on a motorcycle killed a tribal dignitary in Hajin, Deir ez-Zor, on Monday.",
    ],
)
def test_people_killed_as_what_they_were_are_civilians(extractor, text):
    found = events(extractor, text, dt.date(2022, 4, 13))
    assert found, text
    assert found[0][3].get("Civilians (Syria)") == "target"


def test_people_named_by_what_they_are_are_the_civilians_released(extractor):
    found = events(
        extractor,
        "Israeli troops detained four young men in a raid on a village near Quneitra on "
        "Monday and released two of them in the evening.",
        dt.date(2022, 4, 13),
    )
    released = [f for f in found if f[0] == "prisoner_release"]
    assert released, found
    assert released[0][3].get("Civilians (Syria)") == "target"


def test_a_force_wounded_with_others_is_the_target(extractor):
    found = events(
        extractor,
        "Three US soldiers and an interpreter were wounded when rockets hit a base near "
        "Kirkuk on Monday.",
        dt.date(2021, 3, 10),
    )
    assert found
    assert found[0][3].get("United States Armed Forces") == "target"


def test_a_force_that_only_tells_the_event_leaves_the_men_hit_to_the_state(extractor):
    text = (
        "Three policemen were killed when a bomb exploded under their vehicle near Tarmiyah "
        "on Monday, the Baghdad Operations Command said."
    )
    found = [f for f in events(extractor, text, dt.date(2019, 5, 10)) if f[0] == "ied_explosion"]
    assert found and found[0][3].get("Iraqi Security Forces") == "target", found


def test_an_armed_group_dispersing_a_crowd_intervenes_in_the_protest(extractor):
    found = events(
        extractor,
        "Hundreds of people demonstrated in Idlib city on Friday against rising prices, and "
        "Hayat Tahrir al-Sham fired into the air to disperse them.",
        dt.date(2023, 6, 10),
    )
    (protest,) = [e for e in found if e[0] == "protest"]
    assert protest[3].get("HTS") == "associated"


def test_the_issuers_forces_a_foiled_attack_was_meant_for_stopped_it(extractor):
    found = roles(
        extractor,
        "Ministry of National Defence: 4 PKK terrorists who were planning an attack on our "
        "bases near Hakurk were neutralised in an air-supported operation.",
        dt.date(2023, 4, 20),
    )
    assert found.get("PKK") == "target"
    assert found.get("Turkish Armed Forces") == "actor"


def test_positions_that_came_under_attack_are_its_target(extractor):
    found = roles(
        extractor,
        "Peshmerga positions south of Makhmour came under attack late on Saturday.",
        dt.date(2020, 9, 20),
    )
    assert found.get("Peshmerga") == "target"


def test_the_group_named_after_members_of_is_the_agent(extractor):
    found = roles(
        extractor,
        "Two shepherds were shot dead near Rutba on Sunday by members of the Islamic State, "
        "police said.",
        dt.date(2019, 3, 18),
    )
    assert found.get("ISIS") == "actor"


def test_a_named_bodys_own_security_forces_are_not_the_states(extractor):
    found = roles(
        extractor,
        "HTS security forces detained a journalist in Sarmada on Monday after he criticised "
        "the group online.",
        dt.date(2022, 11, 15),
    )
    assert found.get("HTS") == "actor"
    assert "Syrian government forces" not in found


def test_forces_named_in_brackets_after_the_generic_words_are_those_forces(extractor):
    found = roles(
        extractor,
        "Internal Security Forces (Asayish) detained four suspected ISIS members in Hasakah on "
        "Tuesday.",
        dt.date(2022, 11, 15),
    )
    assert found.get("Asayish") == "actor"
    assert "Syrian government forces" not in found

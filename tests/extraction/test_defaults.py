"""Who acts when a sentence names nobody (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_remnant_of_past_fighting_that_went_off_has_no_attacker(extractor):
    found = events(
        extractor,
        "Three farmers died on Sunday when a landmine left over from the war exploded near Rutba.",
    )
    assert [(f[0], f[3]) for f in found] == [("ied_explosion", {"Civilians (Iraq)": "target"})]
    unexploded = events(
        extractor, "An unexploded shell went off in a field near Tuz Khurmatu, killing a shepherd."
    )
    assert [f[3] for f in unexploded] == [{"Civilians (Iraq)": "target"}]


def test_a_bomb_with_no_word_of_the_past_keeps_an_unidentified_attacker(extractor):
    found = events(
        extractor, "A roadside bomb exploded near Tarmiyah on Sunday, killing two farmers."
    )
    assert [f[3] for f in found] == [
        {"Civilians (Iraq)": "target", "Unidentified armed group (Iraq)": "actor"}
    ]


def test_a_remnant_left_by_a_named_group_is_that_groups(extractor):
    found = events(
        extractor,
        "A landmine left behind by ISIS exploded near Makhmour on Sunday, killing two shepherds.",
    )
    assert [f[3] for f in found] == [{"ISIS": "actor", "Civilians (Iraq)": "target"}]


def test_people_named_by_their_work_or_faith_are_civilians(extractor):
    found = events(
        extractor,
        "Two truffle pickers were wounded by a roadside bomb near Sukhnah on Sunday.\n\n"
        "Seven Yazidis were wounded by a roadside bomb near Sinuni on Monday.",
    )
    assert [f[3].get("Civilians (Syria)") or f[3].get("Civilians (Iraq)") for f in found] == [
        "target",
        "target",
    ]


def test_an_unclaimed_suicide_bombing_is_the_jihadists_the_report_names(extractor):
    found = events(
        extractor,
        "A suicide bomber blew himself up at a wedding hall in Tal Afar on Sunday, killing nine "
        "guests.\n\nInvestigators said later that the bomber had been a member of the Islamic "
        "State group.",
    )
    bombings = [f for f in found if f[0] == "suicide_bombing"]
    assert bombings, found
    assert bombings[0][3].get("ISIS") == "actor"


def test_the_force_a_bomber_struck_is_not_the_bomber(extractor):
    found = events(
        extractor,
        "A suicide bomber drove a truck into an SDF checkpoint at the entrance of Shaddadi on "
        "Sunday, killing three guards.\n\nThe SDF has held the town since 2016.",
    )
    bombings = [f for f in found if f[0] == "suicide_bombing"]
    assert bombings, found
    assert bombings[0][3].get("SDF") != "actor"


def test_the_gunmen_of_a_suicide_assault_are_the_jihadists_the_report_names(extractor):
    found = events(
        extractor,
        "A suicide bomber drove a truck into the gate of the Ghwayran prison in Hasakah on "
        "Thursday while gunmen attacked the guard posts.\n\nThe prison holds about 3,000 "
        "members of the Islamic State group.",
    )
    bombings = [f for f in found if f[0] == "suicide_bombing"]
    assert bombings, found
    assert bombings[0][3].get("ISIS") == "actor"
    assert not any(name.startswith("Unidentified") for name in bombings[0][3])


def test_a_strike_of_a_series_hits_whom_its_lead_hit(extractor):
    found = events(
        extractor,
        "US forces carried out strikes on Tuesday night against IRGC and militia facilities "
        "in Iraq and Syria, the Pentagon said.\n\nIn Syria, targets were hit near Albu Kamal "
        "and Mayadin.",
    )
    strikes = [f for f in found if f[0] == "airstrike"]
    assert strikes, found
    assert all(f[3].get("IRGC") == "target" for f in strikes)


def test_a_strike_that_hit_civilians_is_no_part_of_the_series(extractor):
    found = events(
        extractor,
        "US warplanes struck Kataib Hezbollah depots near al-Qaim on Tuesday night, the "
        "Pentagon said.\n\nOn Wednesday night, US strikes hit homes near Akashat in Anbar.",
    )
    strikes = [f for f in found if f[0] == "airstrike"]
    assert len(strikes) == 2, found
    assert "Kataib Hezbollah" not in strikes[-1][3]


def test_shells_that_hit_homes_are_fired_by_the_guns_told_before(extractor):
    found = events(
        extractor,
        "Turkish artillery shelled SDF positions near Tal Tamr on Monday.\n\n"
        "Shells also fell on houses in Abu Rasin, killing a woman.",
        dt.date(2019, 11, 26),
    )
    (homes,) = [e for e in found if e[0] == "attack"]
    assert homes[3].get("Turkish Armed Forces") == "actor"
    assert not any(name.startswith("Unidentified") for name in homes[3])


def test_a_shooting_does_not_take_the_gunners_of_a_shelling(extractor):
    found = events(
        extractor,
        "Turkish artillery shelled SDF positions near Tal Tamr on Monday.\n\n"
        "Gunmen shot dead a shopkeeper in Amuda on Monday.",
        dt.date(2019, 11, 26),
    )
    (shooting,) = [e for e in found if e[0] == "attack"]
    assert "Turkish Armed Forces" not in shooting[3]


def test_an_unclaimed_attack_outside_iraq_and_syria_is_no_iraqi_groups(extractor):
    found = events(
        extractor,
        "A rocket hit a police station in the Turkish border town of Kilis on Tuesday, "
        "wounding two officers.",
        dt.date(2017, 3, 8),
    )
    assert found
    assert not any(name.startswith("Unidentified") for name in found[0][3])


def test_rioters_in_turkey_are_turkeys_rioters(extractor):
    found = events(
        extractor,
        "Rioters in Istanbul set fire to cars and shops on Tuesday night and threw stones "
        "at police.",
        dt.date(2014, 10, 9),
    )
    assert found[0][3].get("Rioters (Turkey)") == "actor"


def test_a_drone_strike_after_an_air_raid_is_the_same_air_forces(extractor):
    found = events(
        extractor,
        "Turkish warplanes bombed villages near Derik on Monday. Later that day a drone hit "
        "a car on the road outside Amuda, killing two people.",
        dt.date(2022, 11, 22),
    )
    drones = [f for f in found if f[0] == "drone_or_rocket_attack"]
    assert drones, found
    assert drones[0][3].get("Turkish Armed Forces") == "actor"


def test_rockets_after_an_air_raid_are_not_the_air_forces(extractor):
    found = events(
        extractor,
        "US aircraft bombed a militia depot near Qaim on Monday. Later that day two rockets "
        "landed inside the Victory base near Baghdad airport.",
        dt.date(2020, 3, 10),
    )
    rockets = [f for f in found if f[0] == "drone_or_rocket_attack"]
    assert rockets, found
    assert rockets[0][3].get("United States Armed Forces") != "actor"


def test_civilians_massacred_by_the_fighters_are_the_target_of_the_battle(extractor):
    found = events(
        extractor,
        "Islamic State fighters overran the village of Kocho on 15 August 2014, killing "
        "dozens of villagers.",
        dt.date(2015, 8, 15),
    )
    assert found[0][3].get("ISIS") == "actor"
    assert found[0][3].get("Civilians (Iraq)") == "target"


def test_civilians_caught_in_the_crossfire_are_no_side(extractor):
    found = events(
        extractor,
        "Iraqi troops clashed with Islamic State fighters in Hit on Monday; two civilians "
        "were killed in the crossfire.",
        dt.date(2016, 4, 12),
    )
    clashes = [f for f in found if f[0] == "armed_clash"]
    assert clashes, found
    assert "Civilians (Iraq)" not in clashes[0][3]


_WITHDRAWAL = (
    "Islamic State militants pulled out of the village of Kocho on Friday after two days of "
    "fighting with Peshmerga units. As they withdrew, they abducted about 40 women and "
    "children from the village, residents said."
)


def test_captives_taken_in_a_report_on_jihadists_are_theirs(extractor):
    found = [
        f for f in events(extractor, _WITHDRAWAL, dt.date(2014, 8, 18)) if f[0] == "kidnapping"
    ]
    assert found, found
    assert found[0][3].get("ISIS") == "actor"


def test_kidnappers_who_ask_a_ransom_stay_unidentified(extractor):
    text = _WITHDRAWAL.replace("residents said", "and demanded a ransom for them")
    found = [f for f in events(extractor, text, dt.date(2014, 8, 18)) if f[0] == "kidnapping"]
    assert found, found
    assert "ISIS" not in found[0][3]

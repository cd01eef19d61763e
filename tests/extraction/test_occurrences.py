"""Several events in one story, and types across categories (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def types(extractor, text):
    return [(e[0], e[1]) for e in events(extractor, text)]


def test_a_raid_that_killed_and_detained_is_two_events(extractor):
    found = types(
        extractor,
        "US forces raided a house in Hawija on Monday, killing two ISIS members and "
        "detaining five others.",
    )
    # Two ISIS members killed: the raid was a fight with an armed side (ACLED: Battles).
    assert sorted(found) == [("armed_clash", "Hawija"), ("arrest", "Hawija")]


def test_a_raid_that_only_detained_is_the_arrest(extractor):
    found = types(extractor, "Police raided a farm near Baiji on Monday and detained three men.")
    assert found == [("arrest", "Baiji")]


def test_a_release_and_a_kidnapping_in_one_raid(extractor):
    found = types(
        extractor,
        "In a night raid near Tuz Khurmatu, gunmen abducted a contractor and freed two "
        "prisoners held by a rival clan.",
    )
    assert sorted(t for t, _ in found) == ["kidnapping", "prisoner_release"]


def test_clashes_with_suicide_car_bombs_are_two_events(extractor):
    found = types(
        extractor,
        "Peshmerga units advanced near Bashiqa on Monday in clashes during which the militants "
        "sent four suicide car bombs against them.",
    )
    assert {t for t, _ in found} >= {"armed_clash", "suicide_bombing"}


def test_a_second_clash_in_another_town(extractor):
    found = types(
        extractor,
        "SDF fighters clashed with tribal gunmen in Dhiban on Tuesday. On Wednesday fighting "
        "broke out in Busayrah as well.",
    )
    assert found == [("armed_clash", "Dhiban"), ("armed_clash", "Al-Busayrah")]


def test_a_withdrawal_and_a_deployment_in_one_sentence(extractor):
    found = types(
        extractor,
        "Peshmerga forces pulled back from Sinjar on Tuesday, and PMF units moved into the "
        "town within hours.",
    )
    # the place the Peshmerga left is no origin of the PMF's move: a deployment there
    assert {t for t, _ in found} == {"troop_withdrawal", "troop_deployment"}


def test_security_forces_firing_on_a_demonstration_is_a_protest(extractor):
    found = events(
        extractor,
        "Security forces opened fire on protesters in Nasiriyah on Friday, killing three.",
    )
    assert [(e[0], e[1]) for e in found] == [("protest", "Nasiriyah")]
    assert found[0][3] == {"Iraqi Security Forces": "associated", "Protesters (Iraq)": "actor"}


def test_police_clashing_with_demonstrators_is_a_protest(extractor):
    found = types(
        extractor, "Riot police clashed with demonstrators in Basra on Sunday, wounding twelve."
    )
    assert found == [("protest", "Basrah")]


def test_an_army_shelling_a_town_is_not_insurgent_activity(extractor):
    found = types(
        extractor, "The Syrian army shelled the town of Ariha, held by insurgents, on Monday."
    )
    assert found == [("drone_or_rocket_attack", "Ariha")]


def test_ground_taken_after_clashes_is_a_clash(extractor):
    found = types(
        extractor,
        "Government forces took control of Kafr Nabl on Monday after clashes with HTS fighters.",
    )
    assert found == [("armed_clash", "Kafr Nabl")]


def test_a_convoy_ambushed_is_no_movement(extractor):
    found = types(extractor, "ISIS militants ambushed an army convoy near Tarmiyah on Monday.")
    assert found == [("armed_clash", "Tarmiyah")]


def test_quotations_commentary_and_support_are_no_events(extractor):
    found = types(
        extractor,
        '"We will fight them wherever they are," the commander said in Kirkuk. '
        "More than 300 people have been killed since the unrest began in Basra. "
        "Commandos, supported by attack helicopters and drones, were deployed to Zakho.",
    )
    assert found == [("troop_deployment", "Zakho")]


def test_repeats_of_one_occurrence_fold(extractor):
    found = types(
        extractor,
        "A car bomb exploded in Sadr City on Thursday, killing nine. The blast also damaged "
        "shops, and the bombing was condemned by the government.",
    )
    assert found == [("ied_explosion", "Sadr City")]


def test_a_claim_attaches_to_the_event_it_names(extractor):
    found = events(
        extractor,
        "A rocket attack hit the Ain al-Asad base on Monday. Separately, a roadside bomb struck "
        "a Peshmerga vehicle near Gwer on Monday. The Islamic Resistance in Iraq claimed the "
        "rocket attack.",
    )
    by_type = {e[0]: e[3] for e in found}
    assert by_type["drone_or_rocket_attack"].get("Islamic Resistance in Iraq") == "actor"
    assert "Islamic Resistance in Iraq" not in by_type["ied_explosion"]


def test_bullets_take_the_actor_of_the_summary_and_the_summary_folds(extractor):
    found = events(
        extractor,
        "Coalition forces conducted 9 airstrikes against ISIS targets in Iraq on Monday.\n"
        "- Near Sinjar, two airstrikes struck an ISIS tactical unit.\n"
        "- Near Baiji, one airstrike destroyed an ISIS vehicle.",
    )
    assert [(e[0], e[1]) for e in found] == [("airstrike", "Sinjar"), ("airstrike", "Baiji")]
    assert all(e[3]["US-led coalition"] == "actor" for e in found)


def test_an_agreement_named_again_is_not_a_new_one(extractor):
    found = types(
        extractor,
        "Baghdad and Erbil signed an agreement on oil exports in Baghdad on Monday. Under the "
        "agreement, the Kurdistan Region will hand its oil to SOMO in Erbil.",
    )
    assert found == [("agreement", "Baghdad")]


def test_a_suicide_bombing_is_the_reports_insurgent_group(extractor):
    found = events(
        extractor,
        "ISIS fighters attacked an army post near Tarmiyah on Monday. On Tuesday a suicide "
        "bomber blew himself up at a checkpoint in Samarra.",
    )
    assert found[1][0] == "suicide_bombing" and found[1][3]["ISIS"] == "actor"


def test_an_attack_on_an_armed_side_is_a_clash_and_a_killing_stays_an_attack(extractor):
    assert types(extractor, "ISIS attacked a PMF position near Jalawla on Monday.") == [
        ("armed_clash", "Jalawla")
    ]
    assert types(extractor, "Gunmen shot dead an HTS commander in Sarmada on Monday.") == [
        ("attack", "Sarmada")
    ]


def test_entering_to_raid_is_the_raid_and_refugees_fleeing_are_no_withdrawal(extractor):
    found = {
        t
        for t, _ in types(
            extractor,
            "Israeli forces entered a village near Quneitra on Monday and detained two men.",
        )
    }
    assert found == {"arrest"}
    assert types(extractor, "Hundreds of families fled Tal Tamr on Monday, armed men said.") == []


def test_a_kidnapping_that_ended_with_a_release_is_one_event(extractor):
    found = types(
        extractor,
        "Gunmen abducted three truck drivers near Rutba on Monday; the abduction ended when "
        "the drivers were freed by their tribe on Tuesday.",
    )
    assert [t for t, _ in found] == ["kidnapping"]


def test_a_toll_without_place_or_date_goes_on_about_the_last_fight(extractor):
    found = types(
        extractor,
        "ISIS fighters attacked an army post near Baiji on Monday. The army repelled the "
        "assault after three hours. A monitor later said 38 militants were killed.",
    )
    assert len(found) == 1


def test_another_in_the_same_sentence_is_a_second_event(extractor):
    found = types(
        extractor,
        "A drone hit an oil field near Zakho on Monday, and another fell near Koya.",
    )
    assert [t for t, _ in found] == ["drone_or_rocket_attack", "drone_or_rocket_attack"]
    assert found[1][1] == "Koya"


def test_the_attackers_getting_away_is_no_withdrawal(extractor):
    found = types(
        extractor,
        "Militants stormed an army post near Tarmiyah on Monday and killed two soldiers, "
        "before the attackers withdrew towards the lakes.",
    )
    assert "troop_withdrawal" not in {t for t, _ in found}
    assert found
    fled = "Gunmen shot dead a shop owner in Baqubah on Monday, and the gunmen fled by car."
    assert "troop_withdrawal" not in {t for t, _ in types(extractor, fled)}


def test_armed_men_pulling_out_or_forces_fleeing_are_still_withdrawals(extractor):
    pulled = "Tribal gunmen pulled out of Hajin on Monday after talks with the SDF."
    assert ("troop_withdrawal", "Hajin") in types(extractor, pulled)
    fled = "ISIS fighters fled Rawa on Monday as the army advanced."
    assert "troop_withdrawal" in {t for t, _ in types(extractor, fled)}


def test_gunmen_firing_on_a_crowd_attack_it(extractor):
    found = types(
        extractor,
        "Masked men fired on protesters outside the council in Kut on Monday, wounding three.",
    )
    assert [t for t, _ in found] == ["attack"]
    found = types(
        extractor,
        "Riot police fired on protesters outside the council in Kut on Monday, wounding three.",
    )
    assert [t for t, _ in found] == ["protest"]


def test_followers_storming_a_building_riot(extractor):
    found = types(extractor, "Hundreds of the cleric's followers stormed the governorate in Basra.")
    assert [t for t, _ in found] == ["riot"]


def test_what_a_side_is_to_do_under_a_deal_is_not_done(extractor):
    found = types(
        extractor, "Under the truce terms, the army is to set up five checkpoints around Tabqa."
    )
    assert "troop_deployment" not in [t for t, _ in found]


def test_the_same_kind_again_in_a_while_clause_is_a_second_event(extractor):
    found = types(
        extractor,
        "On Monday a drone attack targeted an army post near Sinjar, while a rocket landed "
        "near the police station in Tal Afar.",
    )
    assert sorted(p for t, p in found if t == "drone_or_rocket_attack") == ["Sinjar", "Tal Afar"]


def test_the_second_device_somewhere_else_is_a_second_event(extractor):
    found = types(
        extractor,
        "The first bomb went off near Samarra on Monday, while the second hit a bus near Baiji.",
    )
    assert sorted(p for t, p in found if t == "ied_explosion") == ["Baiji", "Samarra"]


def test_one_rocket_and_the_other_of_a_pair_are_one_attack(extractor):
    found = types(
        extractor,
        "Two rockets were fired at the base near Hit on Monday; one landed on the runway and "
        "the other fell on open ground.",
    )
    assert [t for t, _ in found] == ["drone_or_rocket_attack"]


def test_shooting_and_wounding_beside_an_abduction_is_an_attack(extractor):
    found = types(
        extractor,
        "Gunmen abducted a lawyer in Basra on Monday and shot and wounded his driver.",
    )
    assert sorted(t for t, _ in found) == ["attack", "kidnapping"]


def test_releasing_some_of_those_detained_is_a_release(extractor):
    found = types(
        extractor,
        "Troops raided a village near Hawija on Monday and detained five men, later releasing "
        "two of them.",
    )
    assert sorted(t for t, _ in found) == ["arrest", "prisoner_release"]


def test_a_sides_own_account_of_the_strike_told_before_is_the_same_event(extractor):
    found = types(
        extractor,
        "Drones struck a US base near Qamishli on Sunday, wounding three soldiers. A militia "
        "said on Sunday that its fighters had launched drones at American positions near "
        "Tal Baydar.",
    )
    assert [t for t, _ in found] == ["drone_or_rocket_attack"]


def test_a_claimed_earlier_attack_with_its_own_date_is_an_event(extractor):
    # The claim names an earlier attack with a day of its own: that attack, told in background.
    found = events(
        extractor,
        "US jets struck Kataib Hezbollah depots near Jurf al-Sakhar on Friday. These strikes "
        "answer the rocket attack on the Taji base on 11 March, claimed by Kataib Hezbollah, "
        "which killed two American soldiers.",
        dt.date(2020, 3, 14),
    )
    assert ("drone_or_rocket_attack", "Camp Taji") in [(e[0], e[1]) for e in found]

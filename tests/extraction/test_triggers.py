"""Trigger vocabulary of conflict reporting (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2021, 6, 9)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peshmerga units broke the siege of Bashiqa on Monday after days of fighting.",
            "armed_clash",
        ),
        ("Government troops lifted the siege of Hasakah prison on Monday.", "armed_clash"),
        ("Tribal gunmen seized three SDF checkpoints near Hajin on Monday.", "armed_clash"),
        ("The SDF drove ISIS fighters out of Hajin on Monday.", "armed_clash"),
        ("Two clans fought a gun battle in Qurna on Monday; three men were killed.", "armed_clash"),
        ("SDF units were fighting house by house in Baghuz on Monday.", "armed_clash"),
        (
            "On Monday the army completed the liberation of Rawa, the operations command said.",
            "armed_clash",
        ),
        ("Fierce battles raged around Tal Afar airport on Monday, officers said.", "armed_clash"),
        ("ISIS militants blew up an electricity pylon near Hawija on Monday.", "ied_explosion"),
        ("A hand grenade was thrown at a shop in Basra on Monday; nobody was hurt.", "attack"),
        ("Militants set fire to wheat fields near Makhmour on Monday.", "attack"),
        ("Coalition aircraft conducted 12 strikes near Hajin on Monday.", "airstrike"),
        (
            "The engineer was released unharmed in Basra on Monday, police said.",
            "prisoner_release",
        ),
        ("Turkish commandos landed by helicopter in the Zap area on Monday.", "troop_deployment"),
        (
            "Iraqi army units crossed the river from Qayyarah towards Shura on Monday.",
            "troop_movement",
        ),
        ("Near Hajin, two strikes destroyed an ISIS fighting position on Monday.", "airstrike"),
        ("Four PKK terrorists were neutralised near Metina on Monday.", "armed_clash"),
        ("Gunfire broke out between police and the Asayish in Qamishli on Monday.", "armed_clash"),
        ("Gunmen seized 30 villagers near al-Bahra on Monday.", "kidnapping"),
        (
            "Russian military police set up three observation posts near Ain Issa.",
            "troop_deployment",
        ),
        ("Army units began a sweep of the Hamrin foothills on Monday.", "troop_deployment"),
        ("Sadr supporters occupied the parliament chamber in Baghdad on Monday.", "riot"),
    ],
)
def test_trigger_words_of_conflict_reporting(extractor, text, expected):
    assert types(extractor, text) == [expected]


def test_an_own_weapon_burnt_is_no_attack(extractor):
    text = "PKK fighters set fire to their rifles near Dukan on Monday in a disarmament ceremony."
    assert "attack" not in types(extractor, text)


def test_a_statement_released_is_no_prisoner_release(extractor):
    text = "A video statement was released on Monday by the group in Raqqa."
    assert "prisoner_release" not in types(extractor, text)


def test_clashes_that_took_ground_are_told(extractor):
    text = "On Monday, SNA fighters captured two villages near Jinderes after clashes with the YPG."
    assert types(extractor, text) == ["armed_clash"]


def test_a_verb_after_backed_by_is_the_event(extractor):
    text = "Army units backed by coalition aircraft retook two villages south of Shirqat on Monday."
    assert types(extractor, text) == ["armed_clash"]


def test_a_means_after_supported_by_is_no_event(extractor):
    text = (
        "Turkish commandos, supported by attack helicopters, were deployed to Haftanin on Monday."
    )
    assert types(extractor, text) == ["troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "The liberation of the remaining districts of Anbar is coming soon, the army said.",
        "Tribal feuds have killed dozens of people in Maysan this year, activists said.",
    ],
)
def test_what_is_still_to_come_or_a_tally_is_no_event(extractor, text):
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb struck a US convoy near Diwaniyah on Monday.",
        "A roadside bomb went off near Sulaimani airport on Monday as a convoy was passing.",
    ],
)
def test_a_convoy_hit_is_no_movement(extractor, text):
    assert types(extractor, text) == ["ied_explosion"]


def test_a_crossing_that_turns_into_an_attack_is_the_attack(extractor):
    text = "Tribal fighters crossed the Euphrates into Dhiban on Monday and attacked SDF posts."
    assert types(extractor, text) == ["armed_clash"]


def test_a_crossing_told_beside_air_strikes_stays_a_movement(extractor):
    text = (
        "Turkish jets struck SDF positions on Monday, as Turkish troops crossed the border "
        "from Akcakale toward Tal Abyad."
    )
    assert sorted(types(extractor, text)) == ["airstrike", "troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "Further ISIS attacks on army posts south of Kirkuk are likely in the coming weeks.",
        "Diplomats in Baghdad said on Monday they expected more attacks on the Green Zone.",
        "Clients should avoid gatherings in Raqqa city this week.",
        "US officials said the battle for Mosul could last months.",
        "The group has stepped up its attacks in the Badia desert this year.",
        "Police arrested four suspects linked to Thursday's bombing in Tarmiyah on Monday.",
        "The militants use the mountains to launch attacks on border posts, the ministry said.",
        "The ministry said the repeated attacks on its positions violate the truce.",
    ],
)
def test_trends_forecasts_and_references_are_no_new_event(extractor, text):
    assert types(extractor, text) in ([], ["arrest"])


def test_bombers_among_the_attackers_are_a_second_event(extractor):
    found = events(
        extractor,
        "ISIS gunmen attacked police stations in Kirkuk on Friday, killing six policemen. "
        "Three of the attackers blew themselves up near the provincial council building.",
        dt.date(2016, 10, 22),
    )
    assert [e[0] for e in found] == ["armed_clash", "suicide_bombing"]


def test_ground_captured_in_a_fight_is_no_arrest(extractor):
    text = "Government troops captured Kafr Nabudah on Monday after two days of heavy fighting."
    assert types(extractor, text) == ["armed_clash"]


def test_a_fake_checkpoint_is_no_deployment(extractor):
    text = "ISIS militants set up a fake checkpoint on the road near Shirqat on Monday."
    assert types(extractor, text) == ["insurgent_activity"]


def test_a_relative_clause_ends_at_its_comma(extractor):
    text = (
        "An engineer who was kidnapped near Basra in the spring, was released unharmed "
        "in Basra on Monday, police said."
    )
    assert types(extractor, text) == ["prisoner_release"]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of contract workers protested outside the oil company in Basra on Monday.",
        "Thousands of people poured into the main square of Suwayda on Monday in a demonstration.",
    ],
)
def test_a_crowd_is_a_protest_only(extractor, text):
    assert types(extractor, text) == ["protest"]


def test_rocket_propelled_grenades_are_a_weapon_of_the_clash(extractor):
    text = "Two clans clashed with rocket-propelled grenades in Suq al-Shuyukh on Monday."
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the prime minister condemned the drone attack on his residence in Baghdad.",
        "The Turkish army has set up dozens of bases in Duhok province.",
    ],
)
def test_condemnations_and_counts_are_no_new_event(extractor, text):
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police found the body of a shepherd near Tikrit on Monday, shot twice in the chest.",
        "The corpses of two farmers, blindfolded and bound, were dumped near Hit on Monday.",
        "A body bearing bullet wounds was discovered in an orchard outside Baqubah on Monday.",
    ],
)
def test_a_body_found_with_the_marks_of_a_killing_is_an_attack(extractor, text):
    assert types(extractor, text) == ["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers recovered three bodies from the rubble in Jandaris on Monday.",
        "The bodies were found on Monday and taken to the hospital in Ramadi.",
    ],
)
def test_bodies_found_or_moved_without_a_killing_are_no_event(extractor, text):
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck the outskirts of Hawija on Tuesday, where militants were gathering for "
        "an attack.",
        "Tribal volunteers gathering in Baiji on Tuesday were issued rifles.",
    ],
)
def test_armed_men_gathering_is_no_demonstration(extractor, text):
    assert "protest" not in [e[0] for e in events(extractor, text)]


def test_a_crowd_gathering_is_still_a_demonstration(extractor):
    found = events(
        extractor,
        "Hundreds of teachers were seen gathering outside Kut's "
        "education directorate on Tuesday over unpaid salaries.",
    )
    assert [e[0] for e in found] == ["protest"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On Tuesday the town of Kafr Nabudah was brought under control by our armed forces.",
            "armed_clash",
        ),
        (
            "Our units restored security and stability on Tuesday to the villages east of "
            "Busra al-Harir.",
            "armed_clash",
        ),
        (
            "In an air operation carried out near Gara on Tuesday, 4 terrorists were neutralised.",
            "airstrike",
        ),
    ],
)
def test_statement_idioms_of_ground_taken_and_air_operations(extractor, text, kind):
    assert kind in types(extractor, text)


def test_a_fire_brought_under_control_is_no_battle(extractor):
    found = types(
        extractor,
        "A car bomb exploded in Karrada on Tuesday; the fire was brought under control "
        "within an hour.",
    )
    assert "armed_clash" not in found


def test_fighting_positions_of_the_islamic_state_are_no_clash(extractor):
    text = "Coalition jets carried out six strikes near Baiji on Monday, hitting IS fighting posts."
    assert types(extractor, text) == ["airstrike"]


def test_gunmen_setting_up_a_checkpoint_is_insurgent_activity(extractor):
    text = "Residents of Hawija said on Monday that the militants had set up new checkpoints."
    assert types(extractor, text) == ["insurgent_activity"]


def test_troops_setting_up_a_checkpoint_is_no_insurgent_activity(extractor):
    text = "On Monday, army units set up a checkpoint on the road north of Baquba."
    assert "insurgent_activity" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Organisers in Nasiriyah plan another sit-in outside the governorate building.",
        "The governor ordered the police to arrest anyone carrying weapons in Ramadi.",
        "Students in Basra plan a sit-in outside the oil ministry's offices.",
    ],
)
def test_a_plan_or_an_order_is_no_event(extractor, text):
    assert types(extractor, text) == []


def test_what_came_of_an_order_is_an_event(extractor):
    text = "Police in Ramadi arrested six men on Monday after the governor ordered a crackdown."
    assert types(extractor, text) == ["arrest"]


@pytest.mark.parametrize(
    "text",
    [
        "Monitors say more than 2,000 civilians were killed during the eight-month campaign, "
        "many of them in air strikes near Raqqa.",
        "Russian officials say their jets flew 5,000 sorties throughout the war in Syria.",
    ],
)
def test_a_total_over_a_campaign_is_no_event(extractor, text):
    assert types(extractor, text) == []


def test_an_event_on_its_day_during_a_campaign_is_told(extractor):
    text = (
        "Two soldiers were killed in a mortar attack on Qayyarah on Monday during the campaign "
        "to retake Mosul."
    )
    assert types(extractor, text) == ["drone_or_rocket_attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebel groups in the enclave have fired dozens of mortar rounds into Damascus in response.",
        "Russian warplanes have carried out regular strikes on militant hideouts in the Badia.",
    ],
)
def test_a_run_of_attacks_told_in_the_perfect_is_a_tally(extractor, text):
    assert types(extractor, text) == []


def test_dozens_of_rockets_fired_on_a_day_are_one_attack(extractor):
    text = "Militants fired dozens of rockets at the Balad air base on Monday."
    assert types(extractor, text) == ["drone_or_rocket_attack"]


def test_the_ensuing_firefight_is_the_fight_already_told(extractor):
    text = (
        "Gunmen ambushed an army patrol near Tarmiyah on Monday night, killing five soldiers. "
        "The soldiers had been on their way back to their base. "
        "Their commander called for help, a police officer said. "
        "Four militants were killed in the ensuing firefight, the officer said."
    )
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels in Busra al-Harir struck their own deal with the army on Tuesday.",
        "Elders in Tafas struck a new truce with the army on Monday.",
        "Two clans near Hawija struck separate truces with the militia on Tuesday.",
    ],
)
def test_a_deal_struck_is_no_attack(extractor, text):
    assert [kind for kind, *_ in events(extractor, text)] == ["agreement"]


def test_ceasefires_in_the_plural_are_an_agreement(extractor):
    text = "Separate ceasefires took hold in Jasim and Nawa on Tuesday."
    assert [kind for kind, *_ in events(extractor, text)] == ["agreement"]

"""Claims of responsibility and blame (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_claim_covers_every_strike_of_the_attack_it_names(extractor):
    found = events(
        extractor,
        "Several rockets struck houses in Erbil late on Monday, killing two civilians. "
        "Another rocket fell in an empty field near Erbil International Airport.\n\n"
        "The IRGC claimed responsibility for the attack on Tuesday.",
        dt.date(2024, 1, 16),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert len(strikes) == 2
    assert all(e[3].get("IRGC") == "actor" for e in strikes)


def test_a_group_that_says_it_had_fired_the_missiles_claims_them(extractor):
    found = events(
        extractor,
        "A dozen ballistic missiles hit Erbil early on Sunday, Kurdish officials said. "
        "Iran's Revolutionary Guards said in a statement that they had fired the missiles at "
        "a Mossad centre.",
        dt.date(2022, 3, 13),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("IRGC") == "actor"
    assert "Israel Defense Forces" not in strikes[0][3]


def test_a_dated_strike_named_in_a_claim_is_an_event_of_its_own(extractor):
    found = events(
        extractor,
        "A dozen ballistic missiles hit Erbil early on Sunday, Kurdish officials said. "
        "The Guards said they had fired the missiles in response to an Israeli air strike near "
        "Damascus on 7 March.",
        dt.date(2022, 3, 13),
    )
    assert sorted(e[0] for e in found) == ["airstrike", "drone_or_rocket_attack"]


def test_the_party_blamed_is_named_after_the_word(extractor):
    found = events(
        extractor,
        "A roadside bomb killed two soldiers near Hit on Tuesday. "
        "Anbar police blamed Islamic State militants.",
        dt.date(2021, 5, 12),
    )
    (bombing,) = [e for e in found if e[0] == "ied_explosion"]
    assert bombing[3].get("ISIS") == "actor"
    assert (
        "Iraqi Security Forces" not in bombing[3] or bombing[3]["Iraqi Security Forces"] != "actor"
    )


def test_a_claim_is_about_the_attack_not_the_arrests_after_it(extractor):
    found = events(
        extractor,
        "A roadside bomb struck an army patrol near Tarmiyah late on Sunday, killing two "
        "soldiers. Troops sealed off the area and detained three suspects. Islamic State "
        "claimed the attack on Monday.",
        dt.date(2021, 6, 14),
    )
    bombs = [e for e in found if e[0] == "ied_explosion"]
    assert bombs, found
    assert bombs[0][3].get("ISIS") == "actor"
    arrests = [e for e in found if e[0] == "arrest"]
    assert all(e[3].get("ISIS") != "actor" for e in arrests)


def test_a_country_blamed_in_the_same_sentence_did_the_strike(extractor):
    found = events(
        extractor,
        "A drone hit a pickup near Sinuni on Sunday, wounding two fighters of the Sinjar "
        "Resistance Units, local officials said, blaming Turkey.",
        dt.date(2023, 6, 14),
    )
    (strike,) = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strike[3].get("Turkish Armed Forces") == "actor"
    assert not any(name.startswith("Unidentified") for name in strike[3])


def test_a_capital_blamed_in_the_next_sentence_did_the_strike(extractor):
    found = events(
        extractor,
        "A drone struck a car outside Penjwen on Tuesday, killing two men. "
        "The Patriotic Union of Kurdistan blamed Ankara.",
        dt.date(2023, 6, 14),
    )
    (strike,) = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strike[3].get("Turkish Armed Forces") == "actor"


def test_blame_does_not_replace_a_named_attacker(extractor):
    found = events(
        extractor,
        "Islamic State militants attacked a Peshmerga post near Makhmour on Friday, killing "
        "three. Officials in Erbil later blamed Iran for the unrest in the region.",
        dt.date(2021, 3, 6),
    )
    (attack,) = [e for e in found if e[3].get("ISIS") == "actor"]
    assert "IRGC" not in attack[3]


def test_an_accusation_of_something_other_than_violence_names_no_attacker(extractor):
    found = events(
        extractor,
        "A roadside bomb wounded two soldiers near Daraa on Monday. "
        "The foreign minister accused Israel of trying to divide the south.",
        dt.date(2025, 5, 6),
    )
    (bombing,) = [e for e in found if e[0] == "ied_explosion"]
    assert "Israel Defense Forces" not in bombing[3]


def test_men_accused_of_an_act_are_not_its_agents(extractor):
    found = events(
        extractor,
        "Coalition helicopters landed near al-Shuhail at dawn on Monday and detained a man "
        "accused of financing Islamic State cells.",
        dt.date(2021, 3, 9),
    )
    (arrest,) = [e for e in found if e[0] == "arrest"]
    assert arrest[3].get("ISIS") != "actor"


def test_blame_told_in_the_present_names_the_attacker(extractor):
    found = events(
        extractor,
        "- 3 May: A drone struck a checkpoint near Qaladze, killing two guards.\n"
        "- The PUK blames Turkey; no comment from Ankara.",
        dt.date(2023, 5, 6),
    )
    (strike,) = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strike[3].get("Turkish Armed Forces") == "actor"


def test_a_claim_of_several_attacks_covers_each_place_it_names(extractor):
    found = events(
        extractor,
        "- 17 Oct: Two drones were launched at Ain al-Asad air base; one was shot down.\n"
        "- 18 Oct: A rocket hit an empty lot in Sulaymaniyah.\n"
        "- 19 Oct: A roadside bomb hit a truck near Diwaniyah.\n"
        "- 20 Oct: A mortar round fell in a field near Tuz Khurmatu.\n"
        "- 21 Oct: Rockets landed near Harir air base; no injuries.\n\n"
        "The Islamic Resistance in Iraq claimed the attacks on Ain al-Asad and Harir.",
        dt.date(2023, 10, 22),
    )
    strikes = [e for e in found if e[1] in ("Ain al-Asad Air Base", "Harir Air Base")]
    assert len(strikes) == 2, found
    assert all(e[3].get("Islamic Resistance in Iraq") == "actor" for e in strikes)


def test_a_denied_claim_leaves_the_blame_after_it(extractor):
    found = events(
        extractor,
        "A car bomb exploded outside the municipal building in Hit on Tuesday, killing four "
        "people. Nobody claimed the bombing, but police officers said it bore the hallmarks "
        "of Islamic State cells.",
        dt.date(2021, 5, 12),
    )
    (bombing,) = [e for e in found if e[0] == "ied_explosion"]
    assert bombing[3].get("ISIS") == "actor"


def test_blame_for_earlier_attacks_is_not_laid_on_the_one_denied(extractor):
    found = events(
        extractor,
        "Two drones hit the edge of Erbil airport late on Saturday, officials said. No group "
        "has claimed the attack, but earlier attacks were blamed on Kataib Hezbollah.",
        dt.date(2021, 9, 12),
    )
    (strike,) = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strike[3].get("Kataib Hezbollah") != "actor"


def test_a_claim_told_in_an_online_statement_names_the_bomber(extractor):
    found = events(
        extractor,
        "A roadside bomb tore through a minibus near Baquba on Monday, killing five people. "
        "Islamic State said in an online statement that it had targeted a militia patrol.",
        dt.date(2016, 1, 12),
    )
    (bombing,) = [e for e in found if e[0] == "ied_explosion"]
    assert bombing[3].get("ISIS") == "actor"


def test_a_group_that_says_it_was_behind_the_attacks_claims_them(extractor):
    found = events(
        extractor,
        "Two drones were shot down near Harir air base in Erbil governorate early on Tuesday, "
        "officials said. Kataib Hezbollah later said on Telegram that it was behind both "
        "attacks.",
        dt.date(2023, 10, 24),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("Kataib Hezbollah") == "actor"


def test_the_agent_of_claimed_by_the_group_is_the_claimant(extractor):
    found = events(
        extractor,
        "A drone hit a US outpost near al-Tanf on Sunday, wounding four soldiers. "
        "The attack was claimed by the Islamic Resistance in Iraq, an umbrella of militias.",
        dt.date(2024, 1, 30),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("Islamic Resistance in Iraq") == "actor"


def test_a_claim_in_a_telegram_post_names_the_attacker(extractor):
    found = events(
        extractor,
        "Rockets struck the airport in Erbil late on Monday, wounding two contractors. "
        "Kataib Hezbollah said in a Telegram post that it had carried out the attack.",
        dt.date(2021, 2, 16),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("Kataib Hezbollah") == "actor"


def test_a_claim_of_the_convoy_attacks_is_about_the_bombs_on_the_convoys(extractor):
    found = events(
        extractor,
        "- A roadside bomb hit a supply convoy near Nasiriyah on Monday; no injuries.\n"
        "- Rockets hit the Balad air base on Tuesday; no damage reported.\n"
        "- Kataib Sayyid al-Shuhada claimed the convoy attack on its Telegram channel.",
        dt.date(2021, 6, 10),
    )
    (bomb,) = [e for e in found if e[0] == "ied_explosion"]
    assert bomb[3].get("Kataib Sayyid al-Shuhada") == "actor"
    rockets = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert all(e[3].get("Kataib Sayyid al-Shuhada") != "actor" for e in rockets)


def test_a_claim_of_both_attacks_reaches_the_first_one_told_further_back(extractor):
    found = events(
        extractor,
        "Two car bombs exploded in a market in Homs on Sunday, killing 30 people, a governorate "
        "source said. The source added that the blasts caused heavy damage to shops. "
        "Rescue teams worked through the night. In Damascus, a suicide bomber blew himself up "
        "near a bus station in Sayyida Zeinab, killing 12. The toll there rose later. "
        "Islamic State claimed responsibility for both attacks.",
        dt.date(2016, 2, 21),
    )
    bombings = [e for e in found if e[0] in ("ied_explosion", "suicide_bombing")]
    assert len(bombings) == 2
    assert all(e[3].get("ISIS") == "actor" for e in bombings)


def test_what_a_claimant_says_it_answered_is_not_what_it_claims(extractor):
    found = events(
        extractor,
        "Several ballistic missiles hit the outskirts of Erbil early on Sunday, officials said. "
        "The Revolutionary Guards said in a statement that they had fired the missiles, in "
        "response to an Israeli air strike near Damascus on 7 March that killed two officers.",
        dt.date(2022, 3, 13),
    )
    (missiles,) = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert missiles[3].get("IRGC") == "actor"
    strikes = [e for e in found if e[0] == "airstrike"]
    assert all("IRGC" not in e[3] for e in strikes)


def test_a_logs_claimed_colon_names_the_claimant_after_it(extractor):
    found = events(
        extractor,
        "- 14 Feb - Harir base (Erbil): two rockets fired at the base; no damage. "
        "Claimed: Kataib Hezbollah.",
        dt.date(2024, 2, 16),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("Kataib Hezbollah") == "actor"

"""The other side of a fight, and who "our forces" are (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_retaken_town_was_taken_from_the_reports_enemy(extractor):
    found = events(
        extractor,
        "ISIS fighters ambushed an army patrol near Rutba on Sunday. "
        "On Monday, Iraqi forces recaptured the village of Akashat after hours of fighting.",
        dt.date(2016, 5, 4),
    )
    assert found[-1][3] == {"Iraqi Security Forces": "actor", "ISIS": "target"}


def test_nobody_is_guessed_when_the_report_names_no_enemy(extractor):
    found = events(
        extractor,
        "On Monday, Iraqi forces recaptured the village of Akashat after hours of fighting.",
        dt.date(2016, 5, 4),
    )
    assert found[0][3] == {"Iraqi Security Forces": "actor"}


def test_an_insurgent_attack_names_the_reports_state_force(extractor):
    found = events(
        extractor,
        "Peshmerga units moved into Gwer on Sunday. On Monday, ISIS fighters clashed near "
        "Gwer for three hours.",
        dt.date(2016, 5, 4),
    )
    assert found[-1][3] == {"ISIS": "actor", "Peshmerga": "target"}


def test_suspects_arrested_are_the_groups_members(extractor):
    found = events(
        extractor,
        "An ISIS suicide bomber blew himself up in Tarmiyah on Sunday. On Monday, police "
        "arrested four suspects in Tarmiyah.",
        dt.date(2021, 1, 26),
    )
    assert found[-1][3] == {"Iraqi Security Forces": "actor", "ISIS": "target"}


def test_our_forces_are_the_issuer_of_a_statement(extractor):
    found = events(
        extractor,
        "Statement of the Joint Operations Command. Today, Monday, our heroic forces "
        "liberated the village of Imam Gharbi after killing dozens of Daesh terrorists.",
        dt.date(2016, 7, 4),
    )
    assert found[0][3]["Iraqi Security Forces"] == "actor"
    assert found[0][3]["ISIS"] == "target"


def test_shiite_militiamen_are_the_pmf(extractor):
    found = events(
        extractor,
        "Shi'ite militiamen clashed with ISIS fighters near Baiji on Monday.",
        dt.date(2015, 3, 4),
    )
    assert "Popular Mobilization Forces" in found[0][3]


def test_a_state_force_and_its_allies_fought_the_reports_enemy(extractor):
    found = events(
        extractor,
        "The SDF shelled Turkish positions near Tal Tamr on Sunday. On Monday, Turkish troops "
        "and allied Syrian factions captured the village of Umm Shaifa after clashes.",
        dt.date(2019, 10, 22),
    )
    battle = found[-1][3]
    assert battle.get("Turkish Armed Forces") == "actor" and battle.get("SNA") == "actor"
    assert battle.get("SDF") == "target"


def test_a_clash_between_two_named_sides_gets_no_third(extractor):
    found = events(
        extractor,
        "Turkish drones struck villages near Manbij on Monday.\n\n"
        "Heavy clashes broke out on Tuesday between the SDF and Turkish-backed factions near "
        "the Tishreen Dam.",
        dt.date(2024, 12, 18),
    )
    (clash,) = [e for e in found if e[0] == "armed_clash"]
    assert set(clash[3]) == {"SDF", "SNA"}


def test_a_side_told_alone_still_fights_the_reports_enemy(extractor):
    found = events(
        extractor,
        "Islamic State militants attacked a checkpoint near Hajin on Monday.\n\n"
        "SDF fighters clashed with the attackers near the town of al-Shafa on Tuesday.",
        dt.date(2018, 11, 20),
    )
    clashes = [e for e in found if e[0] == "armed_clash" and "SDF" in e[3]]
    assert clashes
    assert all("ISIS" in e[3] for e in clashes)


def test_a_rebel_force_fights_the_reports_insurgent_enemy_not_its_backer(extractor):
    found = events(
        extractor,
        "Islamic State militants shelled villages south of Shaddadi on Friday, and coalition "
        "aircraft struck Islamic State positions near Shaddadi on Saturday. On Sunday, SDF "
        "fighters recaptured the village of Abu Fas after hours of fighting.",
        dt.date(2016, 2, 22),
    )
    assert found[-1][3] == {"SDF": "actor", "ISIS": "target"}


def test_suspects_arrested_by_a_kurdish_police_force_are_the_jihadists(extractor):
    found = events(
        extractor,
        "Islamic State gunmen shot dead a village elder near Shaddadi on Friday. "
        "On Saturday, the Asayish detained seven suspects in a sweep of nearby farms.",
        dt.date(2021, 3, 6),
    )
    assert found[-1][3] == {"Asayish": "actor", "ISIS": "target"}


def test_suspects_accused_of_a_killing_are_no_civilian_victims(extractor):
    found = events(
        extractor,
        "Islamic State gunmen shot dead a village elder near Shaddadi on Friday. "
        "On Saturday, the Asayish arrested five suspects accused of killing two shepherds.",
        dt.date(2021, 3, 6),
    )
    assert found[-1][3] == {"Asayish": "actor", "ISIS": "target"}


def test_a_ground_fight_is_with_the_jihadists_the_text_names(extractor):
    found = events(
        extractor,
        "Islamic State still holds the western bank of the river. On Tuesday, Iraqi troops "
        "recaptured the village of Tal Rayyan after hours of fighting.",
        dt.date(2016, 5, 4),
    )
    assert found[-1][3] == {"Iraqi Security Forces": "actor", "ISIS": "target"}


def test_an_air_strike_is_not_given_the_jihadists_only_the_text_names(extractor):
    found = events(
        extractor,
        "The Islamic State group has lost most of its territory. US warplanes bombed an "
        "arms depot near Qaim on Tuesday.",
        dt.date(2019, 5, 4),
    )
    assert found[-1][3] == {"United States Armed Forces": "actor"}


def test_a_side_ambushed_was_hit_by_the_reports_enemy(extractor):
    found = events(
        extractor,
        "Islamic State fighters shelled Gwer on Sunday. On Monday, Peshmerga units that rushed "
        "to the village of Hassan Sham were ambushed, and four Peshmerga were killed in the "
        "fighting.",
        dt.date(2016, 5, 4),
    )
    assert found[-1][3] == {"ISIS": "actor", "Peshmerga": "target"}


def test_a_state_force_told_as_advancing_is_given_no_assailant(extractor):
    found = events(
        extractor,
        "Islamic State fighters shelled Gwer on Sunday. On Monday, the army completed the "
        "encirclement of Hassan Sham after taking the bridge.",
        dt.date(2016, 5, 4),
    )
    assert "ISIS" not in found[-1][3]

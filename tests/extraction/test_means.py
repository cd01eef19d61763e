"""Weapons and tactics named as the means of a fight, not attacks of their own (sentences
written for these tests)."""

import datetime as dt

from app.extraction.means import told_as_means
from tests.extraction.helpers import events


def _means(sentence: str, word: str) -> bool:
    return told_as_means(sentence, sentence.index(word))


def test_weapons_a_side_relied_on_or_faced_are_means():
    assert _means("The defenders relied on mortars, snipers and car bombs.", "car bombs")
    assert _means("The column slowed in the face of roadside bombs and snipers.", "roadside")


def test_weapons_used_with_no_day_of_their_own_are_means():
    assert _means("The gunmen used snipers and suicide car bombs to hold the bridge.", "suicide")
    # a day of its own: what was used that day is an occurrence
    assert not _means("On Friday the gunmen used suicide car bombs at the bridge.", "suicide")


def test_a_count_or_an_article_makes_the_weapon_an_occurrence():
    assert not _means("The militants relied on a car bomb to breach the gate.", "car bomb")
    assert not _means("The gunmen used four car bombs against the post.", "car bombs")


def test_a_campaign_named_by_its_length_is_no_one_raid():
    assert _means("The old market was ruined by months of air strikes.", "air strikes")
    assert not _means("After two months of street battles, troops took the port.", "street")


def test_a_report_of_the_means_of_a_battle_adds_no_attack(extractor):
    text = (
        "Iraqi troops retook the centre of Baiji on Tuesday, officers said. "
        "The militants relied on snipers and car bombs to slow the advance."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2015, 10, 21))]
    assert "ied_explosion" not in found
    assert found


def test_drones_named_with_the_cover_they_gave_are_a_means():
    sentence = (
        "Fighting raged near Deir Hafer, with Turkish drones providing cover for the advance."
    )
    assert _means(sentence, "drones")
    assert _means("Clashes went on at the dam, with drones supporting the attackers.", "drones")
    # a strike of their own, which also covered an advance, is an occurrence
    assert not _means(
        "Turkish drones struck Deir Hafer, providing cover for the advance.", "drones"
    )


def test_a_clash_with_drones_giving_cover_adds_no_drone_attack(extractor):
    text = (
        "Clashes raged in the villages east of Manbij on Saturday, with Turkish drones "
        "providing cover for the factions' advance."
    )
    assert [e[0] for e in events(extractor, text, dt.date(2024, 12, 9))] == ["armed_clash"]

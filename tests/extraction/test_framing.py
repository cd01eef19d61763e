"""Moves told only to frame another occurrence (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def types(extractor, text):
    return [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_a_move_in_a_time_clause_framing_a_bombing_is_no_event(extractor):
    text = (
        "As a police patrol arrived from Baiji on Monday, a roadside bomb exploded beside one "
        "of its vehicles, wounding two officers."
    )
    assert types(extractor, text) == ["ied_explosion"]


def test_a_move_before_which_fighting_raged_is_no_event(extractor):
    text = (
        "Gunmen attacked a checkpoint near Baiji on Monday, killing a soldier, before army "
        "reinforcements arrived in the town."
    )
    assert "troop_movement" not in types(extractor, text)
    assert "troop_deployment" not in types(extractor, text)


def test_a_move_in_a_clause_of_its_own_stays(extractor):
    text = (
        "Turkish jets bombed SDF positions around Tal Tamr on Monday, as Turkish troops "
        "pushed across the border toward Tal Abyad."
    )
    assert "troop_movement" in types(extractor, text)


def test_a_withdrawal_that_ended_the_fight_is_news_of_its_own(extractor):
    found = [
        e[0]
        for e in events(
            extractor,
            "Tribal gunmen and the Asayish fought for three hours in Tal Hamis on Monday "
            "before the Asayish withdrew from the town, residents said.",
        )
    ]
    assert "troop_withdrawal" in found


def test_forces_posted_after_a_clash_are_a_deployment(extractor):
    found = [
        e[0]
        for e in events(
            extractor,
            "Two clans clashed with machine guns in Suq al-Shuyukh on Monday before police "
            "units deployed in the market.",
        )
    ]
    assert "troop_deployment" in found


def test_reinforcements_arriving_before_the_fight_ended_only_frame_it(extractor):
    found = [
        e[0]
        for e in events(
            extractor,
            "Gunmen attacked an army post near Tarmiyah on Monday and fought for two hours "
            "before reinforcements arrived.",
        )
    ]
    assert "troop_deployment" not in found and "troop_movement" not in found

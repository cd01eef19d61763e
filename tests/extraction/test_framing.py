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

"""A named force that reports an event (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.speakers import speaker_role, speaks_of_own_act, trailing_source_role
from tests.extraction.helpers import events


def _role(text, name, trigger):
    start = text.index(trigger)
    return speaker_role(text, text.index(name) + len(name), start, start + len(trigger))


def test_its_own_men_hit_make_the_speaker_the_target():
    text = "The PUK said on Sunday that a drone strike had killed three of its fighters."
    assert _role(text, "PUK", "strike") == "target"


def test_a_speaker_of_another_force_act_is_no_party():
    text = "The Peshmerga (KRG) said the jets struck two villages near Amedi."
    assert _role(text, "(KRG", "struck") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "The PUK said it had shelled the positions near Penjwen.",
        "The PUK said its fighters shelled the positions near Penjwen.",
        "The command said army helicopters shelled the positions near Penjwen.",
        "The PUK shelled the positions near Penjwen, officials said.",
    ],
)
def test_a_speaker_of_its_own_act_is_left_to_word_order(text):
    assert _role(text, text.split()[1], "shelled") is None


def test_a_reporting_force_is_the_target_of_a_strike_on_its_men(extractor):
    found = events(
        extractor,
        "The PUK said on Sunday that a Turkish drone strike had killed three of its fighters "
        "near Penjwen.",
        dt.date(2023, 4, 10),
    )
    assert found, found
    assert found[0][3].get("PUK") == "target"
    assert found[0][3].get("Turkish Armed Forces") == "actor"


def test_a_command_that_announces_rockets_did_not_fire_them(extractor):
    text = (
        "The Security Media Cell announces that three Katyusha rockets fell near Baghdad "
        "airport this morning, without casualties."
    )
    found = events(extractor, text, dt.date(2020, 3, 5))
    assert found, found
    assert "Iraqi Security Forces" not in found[0][3]


def test_the_force_a_report_is_according_to_is_its_source(extractor):
    text = (
        "Coalition aircraft carried out 12 strikes near Raqqa on Monday, according to US "
        "Central Command."
    )
    found = [f for f in events(extractor, text, dt.date(2017, 6, 6)) if f[0] == "airstrike"]
    assert found, found
    assert "United States Armed Forces" not in found[0][3]
    assert found[0][3].get("ISIS") == "target"


def test_a_source_that_lost_its_own_men_is_the_target(extractor):
    text = (
        "Turkish drones struck a village near Qamishli on Monday, according to the SDF, which "
        "said three of its fighters were killed."
    )
    found = events(extractor, text, dt.date(2022, 11, 22))
    assert found and found[0][3].get("SDF") == "target", found


@pytest.mark.parametrize(
    ("before", "rest", "expected"),
    [
        (", the ", " said.", "none"),
        ("; the ", " (CENTCOM) said on Friday.", "none"),
        (", the ", " said it had hit the depot in error.", "actor"),
        (", a ", " official said two of his men were wounded.", "target"),
        ("shelling ", " positions near Afrin.", None),
        (", the ", " convoy was hit.", None),
    ],
)
def test_a_force_named_after_the_event_as_its_source(before, rest, expected):
    assert trailing_source_role(before, rest) == expected


def test_a_command_that_tells_of_strikes_it_did_not_fly_is_no_target(extractor):
    text = (
        "Coalition warplanes flew nine strikes near Hajin on Thursday, destroying two "
        "vehicles, the US Central Command said."
    )
    found = [f for f in events(extractor, text, dt.date(2018, 11, 2)) if f[0] == "airstrike"]
    assert found, found
    assert "United States Armed Forces" not in found[0][3]
    assert found[0][3].get("ISIS") == "target"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the army said it had detained three men", True),
        ("police said they arrested two suspects", True),
        ("police said they were attacked near the gate", False),
        ("police said a bomb went off", False),
    ],
)
def test_a_speaker_that_tells_of_its_own_act(text, expected):
    name = "army" if text.startswith("the army") else "police"
    assert speaks_of_own_act(text, text.index(name) + len(name)) is expected


def test_police_that_say_they_killed_gunmen_fought_them(extractor):
    text = "Police in Basra said on Tuesday they had killed two gunmen in a raid on a farm."
    found = [f for f in events(extractor, text, dt.date(2021, 5, 4)) if f[0] == "armed_clash"]
    assert found, found
    assert found[0][3].get("Iraqi Security Forces") == "actor"

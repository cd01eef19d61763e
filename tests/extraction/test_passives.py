"""Subjects of passive verbs of harm (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.passives import suffered
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        (" at the airport and at the nearby barracks were targeted by two ", True),
        (" near the dam came under heavy fire from ", True),
        (" were deployed, and two men were attacked by ", False),
        (" attacked the base with ", False),
        (" spotted near Avashin were neutralised on Tuesday by ", True),
        (" hiding in caves were eliminated in an air-supported ", True),
        (" neutralised three mines with ", False),
    ],
)
def test_a_passive_verb_of_harm_in_the_same_clause(between, expected):
    assert suffered(between) is expected


def test_a_far_passive_subject_is_the_target(extractor):
    found = events(
        extractor,
        "Peshmerga units at a post east of Makhmour and at a checkpoint near Gwer were "
        "targeted by ISIS mortar fire on Monday.",
        dt.date(2016, 3, 10),
    )
    assert found, found
    assert all(f[3].get("Peshmerga") == "target" for f in found)


def test_a_bracketed_name_before_a_participle_is_the_target(extractor):
    found = events(
        extractor,
        "Two members of the Kurdistan Workers' Party (PKK) were killed on Monday when a "
        "Turkish drone struck their car near Qandil.",
        dt.date(2022, 3, 10),
    )
    assert found, found
    assert found[0][3].get("PKK") == "target"


def test_the_regime_that_lost_ground_is_the_target(extractor):
    text = "The regime lost control of two villages near Kafr Zita in Hama after clashes on Monday."
    found = events(extractor, text, dt.date(2019, 5, 7))
    assert found and found[0][3].get("Syrian government forces") == "target", found


def test_a_force_moved_in_after_a_strike_is_not_its_target(extractor):
    text = (
        "Coalition jets bombed two buildings near the Hasakah prison on Friday, while American "
        "armoured vehicles were deployed near the gate on Saturday."
    )
    found = [f for f in events(extractor, text, dt.date(2022, 1, 23)) if f[0] == "airstrike"]
    assert found, found
    assert found[0][3].get("United States Armed Forces") != "target"


def test_a_force_blamed_for_the_shelling_fired_it(extractor):
    text = (
        "Mortar rounds hit the market of Tuz Khurmatu on Monday, killing two traders; PMF "
        "fighters were blamed for the shelling."
    )
    found = events(extractor, text, dt.date(2017, 10, 18))
    assert found, found
    assert found[0][3].get("Popular Mobilization Forces") == "actor", found


def test_fighters_neutralised_in_an_air_operation_are_its_target(extractor):
    found = events(
        extractor,
        "Ministry of National Defence: 3 PKK terrorists spotted in the Zap region of northern "
        "Iraq were neutralised on Tuesday by air strikes carried out in coordination with our "
        "commandos.",
        dt.date(2023, 4, 20),
    )
    (strike,) = [e for e in found if e[0] == "airstrike"]
    assert strike[3].get("PKK") == "target"
    assert strike[3].get("Turkish Armed Forces") == "actor"


def test_forces_that_came_under_an_owners_fire_are_its_target(extractor):
    found = events(
        extractor,
        "A Turkish observation post near Morek came under Syrian government artillery fire on "
        "Tuesday, the defence ministry said.",
        dt.date(2020, 2, 4),
    )
    (shelling,) = [e for e in found if e[0] in ("drone_or_rocket_attack", "attack")]
    assert shelling[3].get("Turkish Armed Forces") == "target"
    assert shelling[3].get("Syrian government forces") == "actor"

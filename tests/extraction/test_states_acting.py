"""A country named as the subject of a military act (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.lexicon import Demonym, State, Successor
from app.extraction.states_acting import governments, state_names
from tests.extraction.helpers import events


def test_state_names_come_from_owner_forms():
    demonyms = [
        Demonym("Turkey's", "TR", "Turkish Armed Forces"),
        Demonym("Turkish", "TR", "Turkish Armed Forces"),
        Demonym("Lebanon's", "LB", None),
    ]
    assert state_names(demonyms) == {"Turkey": "Turkish Armed Forces"}


_STATES = [
    State("IQ", "Iraq", "Baghdad", "Iraqi government"),
    State("SY", "Syria", "Damascus", "Syrian government"),
    State("RU", "Russia", "Moscow", "Russian government"),
]


def test_foreign_states_and_their_capitals_name_their_forces():
    demonyms = [
        Demonym("Iraqi", "IQ", "Iraqi Security Forces"),
        Demonym("Soviet", "RU", "Soviet Army", valid_to=dt.date(1991, 12, 26)),
        Demonym("Russian", "RU", "Russian Armed Forces"),
    ]
    assert state_names(demonyms, _STATES) == {
        "Russia": "Russian Armed Forces",
        "Moscow": "Russian Armed Forces",
    }


def test_governments_leave_out_the_capitals_where_events_happen_and_dated_ones():
    successors = [Successor("Syrian government", "Syrian transitional government", dt.date.min)]
    assert governments(_STATES, successors) == {
        "Iraq": "Iraqi government",
        "Russia": "Russian government",
        "Moscow": "Russian government",
    }


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        ("Turkey shelled two villages near Batifa on Monday.", "Turkish Armed Forces"),
        ("Iran fired missiles at a base near Koya on Monday.", "IRGC"),
    ],
)
def test_a_country_that_strikes_is_its_forces(extractor, text, forces):
    found = events(extractor, text, dt.date(2022, 9, 30))
    assert found, found
    assert found[0][3].get(forces) == "actor"
    assert not any(name.startswith("Unidentified") for name in found[0][3])


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Turkey began the operation with air strikes on Tal Abyad on Monday.",
            "Turkish Armed Forces",
        ),
        (
            "Turkey responded by shelling army posts near Saraqib with howitzers on Monday.",
            "Turkish Armed Forces",
        ),
        ("Iran retaliated with ballistic missiles on a base near Erbil on Monday.", "IRGC"),
    ],
)
def test_a_country_that_begins_or_answers_with_strikes_is_its_forces(extractor, text, forces):
    found = events(extractor, text, dt.date(2020, 3, 2))
    assert found, found
    assert found[0][3].get(forces) == "actor"


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Moscow launched air strikes on rebel positions near Saraqib on Monday.",
            "Russian Armed Forces",
        ),
        (
            "Washington, which pulled its troops out of two outposts near Kobani on Monday, "
            "urged calm.",
            "United States Armed Forces",
        ),
        (
            "Turkey, which keeps thousands of troops in the region, shelled two "
            "villages near Afrin on Monday.",
            "Turkish Armed Forces",
        ),
    ],
)
def test_a_capital_that_strikes_or_withdraws_is_its_forces(extractor, text, forces):
    found = events(extractor, text, dt.date(2019, 10, 9))
    assert found, found
    assert found[0][3].get(forces) == "actor"


def test_a_state_that_closes_its_airspace_acts_through_its_government(extractor):
    found = events(
        extractor,
        "On Monday, Ankara closed its airspace to flights to and from Erbil, citing militant "
        "activity.",
        dt.date(2023, 4, 12),
    )
    assert found, found
    assert found[0][3].get("Turkish government") == "actor"


def test_a_state_that_says_it_struck_is_its_forces(extractor):
    text = "Israel said on Tuesday it had struck a weapons depot near Masyaf overnight."
    found = events(extractor, text, dt.date(2021, 8, 3))
    assert found and found[0][3].get("Israel Defense Forces") == "actor", found


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Turkey's defence ministry said its jets struck shelters near Amadiya on Monday.",
            "Turkish Armed Forces",
        ),
        ("Ankara said its warplanes hit 40 targets near Kobani overnight.", "Turkish Armed Forces"),
        ("Tehran said it had fired missiles at a base near Erbil on Monday.", "IRGC"),
    ],
)
def test_a_state_that_says_its_aircraft_struck_is_its_forces(extractor, text, forces):
    found = events(extractor, text, dt.date(2023, 5, 9))
    assert found and found[0][3].get(forces) == "actor", found

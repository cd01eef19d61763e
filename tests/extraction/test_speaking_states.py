"""Soldiers a state's ministry speaks of are that state's soldiers."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Turkey's defence ministry said two soldiers were killed in clashes with PKK "
            "militants near Amadiya on Monday.",
            "Turkish Armed Forces",
        ),
        (
            "Ankara said on Tuesday that three soldiers had been wounded by a roadside bomb "
            "near Zakho.",
            "Turkish Armed Forces",
        ),
        (
            "The Russian defence ministry said a serviceman was killed when rebels shelled "
            "its base near Hmeimim on Monday.",
            "Russian Armed Forces",
        ),
    ],
)
def test_soldiers_a_foreign_state_speaks_of_are_its_own(extractor, text, forces):
    found = events(extractor, text, dt.date(2023, 5, 10))
    assert found and found[0][3].get(forces) == "target", found
    assert "Iraqi Security Forces" not in found[0][3]
    assert "Syrian transitional government forces" not in found[0][3]


def test_soldiers_told_by_nobody_stay_the_forces_of_the_country(extractor):
    found = events(
        extractor,
        "Two soldiers were killed by a roadside bomb near Tarmiyah on Monday, police said.",
        dt.date(2023, 5, 10),
    )
    assert found[0][3].get("Iraqi Security Forces") == "target"

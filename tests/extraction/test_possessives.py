"""'Its fighters' are the forces of whom the sentence named (sentences written for these
tests)."""

import datetime as dt

import pytest

from app.extraction.possessives import with_possessives
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Ankara launched a ground operation near Amedi on Friday, a day after its warplanes "
            "struck villages near Batifa.",
            "Turkish Armed Forces",
        ),
        (
            "The Turkish defence ministry said on Friday that its jets had struck 20 targets "
            "near Qandil.",
            "Turkish Armed Forces",
        ),
    ],
)
def test_its_warplanes_are_the_owners_forces(extractor, text, forces):
    strikes = [f for f in events(extractor, text, dt.date(2022, 4, 23)) if f[0] == "airstrike"]
    assert strikes, events(extractor, text, dt.date(2022, 4, 23))
    assert strikes[0][3].get(forces) == "actor"


def read(extractor, text, day=dt.date(2022, 4, 23)):
    matcher = extractor.actors
    found = with_possessives(
        text, matcher.find(text, day), matcher.national, day, matcher.is_generic
    )
    return [(m.text, m.actors[0].name) for m in found]


def test_a_government_owns_its_states_forces(extractor):
    assert ("its forces", "Iraqi Security Forces") in read(
        extractor, "The Iraqi government said its forces had entered the town."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Civilians fled as its warplanes struck the town.",
        "Turkish forces held the town. Its warplanes left on Friday.",
        "Security forces said its men had left.",
    ],
)
def test_no_owner_an_unarmed_one_or_one_in_another_sentence(extractor, text):
    assert not any(t.lower().startswith("its ") for t, _ in read(extractor, text))


@pytest.mark.parametrize(
    ("day", "forces"),
    [
        (dt.date(2018, 5, 2), "Syrian government forces"),
        (dt.date(2025, 5, 2), None),
    ],
)
def test_the_regimes_warplanes_are_the_assad_forces_until_december_2024(extractor, day, forces):
    text = "On Tuesday the regime's helicopters bombed the market of Kafr Zita."
    strikes = [f for f in events(extractor, text, day) if f[0] == "airstrike"]
    assert strikes, events(extractor, text, day)
    assert strikes[0][3].get("Syrian government forces") == ("actor" if forces else None)

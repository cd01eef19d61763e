"""A named place taken and an offensive's onset are clashes (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2019, 5, 12)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition fighters seized Khan Shaykhun on Friday, a monitor said.",
        "Army units regained al-Habit on Thursday, a commander said.",
        "Loyalist militias recaptured Kafr Zita on Saturday.",
        "Rebels captured Morek on Friday, a monitor said.",
    ],
)
def test_a_named_place_taken_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


def test_people_seized_are_not_ground_taken(extractor):
    found = types(extractor, "Rebels captured Syrian soldiers near Morek on Friday.")
    assert "armed_clash" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The offensive on Tal Afar started on Sunday, a commander said.",
        "The operation to free Rutba was launched on Tuesday.",
        "The operations to clear Baiji were launched on 3 May.",
        "Iraqi troops launched a campaign to retake Rutba on Tuesday.",
        "The militants began their assault on Baiji on Tuesday.",
        "Fighting spread on Tuesday to the outskirts of Baiji.",
    ],
)
def test_an_offensive_begun_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


def test_an_offensive_only_planned_is_no_clash(extractor):
    text = "Commanders said an operation to retake Rutba would be launched within weeks."
    assert "armed_clash" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A war monitor documented the killing of 12 shepherds in Kafr Zita on Friday.",
        "The observatory documented the execution of nine farmers in Morek on Friday.",
    ],
)
def test_a_monitor_documenting_a_killing_tells_an_attack(extractor, text):
    assert types(extractor, text) == ["attack"]

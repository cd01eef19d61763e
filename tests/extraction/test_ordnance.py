"""Explosives handled or bomb-making sites are no explosion (sentences written for these
tests)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "Army engineers defused three roadside bombs on the Tikrit road on Tuesday.",
        "Police dismantled dozens of explosive devices left in houses in Hit on Tuesday.",
        "Demining teams were clearing the fields of landmines near Sinjar on Tuesday.",
    ],
)
def test_devices_cleared_or_defused_are_no_explosion(extractor, text):
    assert "ied_explosion" not in [e[0] for e in events(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Coalition jets struck an IED factory near Hajin on Tuesday.",
        "Iraqi F-16s bombed a car bomb workshop in the Hamrin mountains on Tuesday.",
    ],
)
def test_a_bomb_making_site_struck_is_the_strike_alone(extractor, text):
    assert [e[0] for e in events(extractor, text)] == ["airstrike"]


def test_a_device_that_went_off_while_being_defused_is_an_explosion(extractor):
    found = events(
        extractor,
        "A roadside bomb exploded as engineers tried to defuse it near Baiji on Tuesday, "
        "killing two of them.",
    )
    assert "ied_explosion" in [e[0] for e in found]


def test_devices_seized_after_the_word_are_no_explosion(extractor):
    text = (
        "Rifles, ammunition and two explosive devices were seized in a house in Hawija on Monday."
    )
    assert "ied_explosion" not in [e[0] for e in events(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Police raided a house in Hawija on Monday; a pistol and ammunition were seized.",
        "Police raided a farm near Tarmiyah on Monday, and two rocket launchers were seized.",
        "Soldiers found a hideout near Tarmiyah on Monday; three launch platforms were seized.",
    ],
)
def test_weapons_seized_are_no_kidnapping(extractor, text):
    assert "kidnapping" not in [e[0] for e in events(extractor, text)]


def test_people_seized_are_still_taken(extractor):
    text = "Five shepherds were seized by gunmen near Tarmiyah on Monday."
    assert [e[0] for e in events(extractor, text)] == ["kidnapping"]


def test_a_cell_preparing_bombs_is_no_explosion(extractor):
    text = (
        "Police said on Monday the men had been preparing explosive devices in a house in Hawija."
    )
    assert "ied_explosion" not in [e[0] for e in events(extractor, text)]


def test_a_cell_dismantled_is_an_arrest(extractor):
    text = "Police dismantled a four-member ISIS cell in Hawija on Monday night."
    assert [e[0] for e in events(extractor, text)] == ["arrest"]

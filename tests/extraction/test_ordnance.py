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

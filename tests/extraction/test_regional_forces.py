"""Security forces in the Kurdistan Region are the Region's (sentences written for these
tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "Police in Duhok arrested three men suspected of smuggling weapons on Tuesday.",
        "Two suspected ISIS members were detained at a checkpoint near Koya on Tuesday.",
        "Security forces fired tear gas to disperse hundreds of students protesting in "
        "Sulaymaniyah on Tuesday.",
    ],
)
def test_policing_in_the_region_is_the_regions(extractor, text):
    found = events(extractor, text, dt.date(2023, 3, 15))
    assert found, text
    assert "Kurdistan Region Asayish" in found[0][3]
    assert "Iraqi Security Forces" not in found[0][3]


def test_policing_elsewhere_in_iraq_stays_federal(extractor):
    found = events(
        extractor,
        "Police in Basra arrested three men suspected of smuggling weapons on Tuesday.",
        dt.date(2023, 3, 15),
    )
    assert found
    assert found[0][3].get("Iraqi Security Forces") == "actor"


@pytest.mark.parametrize(
    ("text", "published", "police"),
    [
        (
            "Security forces detained nine men in raids on two villages near Hasakah on Tuesday.",
            dt.date(2021, 6, 9),
            "Asayish",
        ),
        (
            "Security forces detained nine men in raids on two villages near Raqqa on Tuesday.",
            dt.date(2016, 6, 8),
            "Syrian government forces",
        ),
    ],
)
def test_north_east_syria_is_policed_by_the_asayish_once_they_held_it(
    extractor, text, published, police
):
    found = events(extractor, text, published)
    assert found, text
    assert found[0][3].get(police) == "actor"

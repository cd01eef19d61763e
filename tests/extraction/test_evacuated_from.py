"""An evacuation of people is placed at the town they were taken out of (sentences written for
these tests)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Buses evacuated some 300 civilians from Tal Afar to Sinjar on Thursday.", "Tal Afar"),
        (
            "Red Crescent teams evacuated dozens of sick residents from Douma to Damascus "
            "hospitals on Monday.",
            "Douma",
        ),
    ],
)
def test_an_evacuation_is_at_the_town_left_not_where_the_buses_went(extractor, text, place):
    others = [e[1] for e in events(extractor, text) if e[0] == "other"]
    assert others == [place]


def test_the_towns_listed_after_from_are_each_a_place_of_the_evacuation(extractor):
    text = "Buses evacuated hundreds of wounded people from Foua and Kefraya on Tuesday."
    others = sorted(e[1] for e in events(extractor, text) if e[0] == "other")
    assert others == ["Al-Fu'ah", "Kafriya"]


def test_a_release_from_a_prison_is_placed_at_the_prison(extractor):
    text = "The justice ministry freed 85 detainees from Badush prison on Sunday under the amnesty."
    releases = [e[1] for e in events(extractor, text) if e[0] == "prisoner_release"]
    assert releases == ["Badush"]
    text = "Officials released 300 inmates from Abu Ghraib prison on Monday after the amnesty."
    releases = [e[1] for e in events(extractor, text) if e[0] == "prisoner_release"]
    assert releases == ["Abu Ghraib prison"]


def test_where_released_men_come_from_is_not_the_place_of_the_release(extractor):
    text = (
        "Kurdish authorities freed 120 detainees from al-Sinaa prison in Hasakah on Sunday, "
        "among them dozens from Raqqa province."
    )
    releases = [e[1] for e in events(extractor, text) if e[0] == "prisoner_release"]
    assert "Raqqa" not in " ".join(releases)
    assert releases

"""Events on a road named for the two towns it joins (sentences written for these tests)."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # The end the road leads to, not the city-governorate it starts from.
        ("Gunmen abducted a lorry driver on the Damascus-Suwayda highway on Monday.", "SY-SU"),
        # The end nearest the sentence's other places: the driver's home town by Kirkuk.
        ("A driver from Daquq was kidnapped on the Kirkuk-Baghdad road on Monday.", "IQ-KI"),
        ("A driver from Baquba was kidnapped on the Kirkuk-Baghdad road on Monday.", "IQ-BG"),
        ("Gunmen ambushed a bus on the Mosul-Duhok road on Monday.", "IQ-NI"),
    ],
)
def test_an_event_on_a_two_town_road_is_near_the_end_it_belongs_to(extractor, text, admin1):
    (found,) = events(extractor, text)
    assert found[2] == admin1, found


def test_another_place_of_the_sentence_still_wins(extractor):
    text = "Gunmen ambushed a bus near Samarra on the Baghdad-Mosul highway on Monday."
    (found,) = events(extractor, text)
    assert found[1] == "Samarra", found


def test_a_road_end_is_a_place_near_which_the_event_was(extractor):
    text = "Gunmen ambushed a bus on the Kirkuk-Erbil road on Monday."
    (event,) = extractor.extract(ReportInput(text, dt.date(2024, 3, 14))).events
    assert event.properties.geo_precision == 2


def test_a_road_named_for_two_towns_with_and_is_in_neither(extractor):
    found = [
        (e[0], e[1])
        for e in events(
            extractor,
            "Russian jets struck IS positions east of Palmyra, around the Arak and al-Sukhnah "
            "road, on Friday.",
        )
    ]
    assert found == [("airstrike", "Palmyra")], found


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen seized a lorry driver on the road to Baghdad near Tarmiyah on Monday.",
        "Gunmen seized a lorry driver on the highway linking Samarra with Baghdad, near "
        "Tarmiyah, on Monday.",
    ],
)
def test_a_road_told_by_its_ends_is_not_in_them(extractor, text):
    (found,) = events(extractor, text)
    assert found[1] == "Tarmiyah", found


def test_roads_leading_to_a_town_are_near_it(extractor):
    text = "Jets hit convoys on roads leading to Tikrit and in the countryside of Kirkuk."
    found = events(extractor, text)
    assert any(f[2] == "IQ-SD" for f in found), found


def test_an_event_on_a_road_named_for_damascus_alone_is_not_in_damascus(extractor):
    text = (
        "Druze and Bedouin gunmen fought in Shahba for a second day on Tuesday. "
        "The fighting began after a farmer was kidnapped on the Damascus highway."
    )
    found = events(extractor, text)
    assert found and all(f[2] != "SY-DI" for f in found), found

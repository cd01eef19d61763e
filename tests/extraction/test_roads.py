"""Events on a road named for the two towns it joins (sentences written for these tests)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # The end the road leads to, not the city-governorate it starts from.
        ("Gunmen abducted a lorry driver on the Damascus-Suwayda highway on Monday.", "SY-SU"),
        # The end nearest the sentence's other places: the driver's home town by Kirkuk.
        ("A driver from Daquq was kidnapped on the Kirkuk-Baghdad road on Monday.", "IQ-KI"),
        ("A driver from Baquba was kidnapped on the Kirkuk-Baghdad road on Monday.", "IQ-BG"),
    ],
)
def test_an_event_on_a_two_town_road_is_near_the_end_it_belongs_to(extractor, text, admin1):
    (found,) = events(extractor, text)
    assert found[2] == admin1, found


def test_another_place_of_the_sentence_still_wins(extractor):
    text = "Gunmen ambushed a bus near Samarra on the Baghdad-Mosul highway on Monday."
    (found,) = events(extractor, text)
    assert found[1] == "Samarra", found

"""Events near a city that is a governorate of its own (app/extraction/outskirts.py)."""

from tests.extraction.helpers import events


def test_an_event_near_damascus_is_in_rif_dimashq(extractor):
    for text in (
        "Israeli jets struck a weapons depot south of Damascus on Monday.",
        "A car bomb exploded outside Damascus on Monday, killing four soldiers.",
    ):
        assert [e[2] for e in events(extractor, text)] == ["SY-RD"], text


def test_an_event_in_damascus_stays_in_the_city(extractor):
    text = "A car bomb exploded in central Damascus on Monday, killing four soldiers."
    assert [(e[1], e[2]) for e in events(extractor, text)] == [("Damascus", "SY-DI")]


def test_a_city_whose_governorate_reaches_beyond_it_keeps_its_governorate(extractor):
    text = "Gunmen attacked an army checkpoint south of Kirkuk on Monday."
    assert [e[2] for e in events(extractor, text)] == ["IQ-KI"]

"""A state's forces that make a deal are its government (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_forces_in_the_terms_of_a_ceasefire_are_the_government(extractor):
    found = events(
        extractor,
        "A ceasefire was announced in Jasim on Tuesday, under which government forces would "
        "pull back from the town's edges and local fighters would hand over heavy weapons.",
        dt.date(2019, 6, 12),
    )
    (deal,) = [e for e in found if e[0] == "agreement"]
    assert "Syrian government forces" not in deal[3]
    assert deal[3].get("Syrian government") == "actor"


def test_after_december_2024_it_is_the_transitional_government(extractor):
    found = events(
        extractor,
        "A truce was agreed in Jaramana on Thursday, under which government forces would stay "
        "out of the town's centre.",
        dt.date(2025, 3, 2),
    )
    (deal,) = [e for e in found if e[0] == "agreement"]
    assert deal[3].get("Syrian transitional government") == "actor"


def test_forces_that_agreed_a_local_arrangement_themselves_stay(extractor):
    found = events(
        extractor,
        "In Tuz Khurmatu, army units and Peshmerga commanders agreed on Monday to reopen the "
        "road to Kirkuk.",
        dt.date(2016, 5, 3),
    )
    (deal,) = [e for e in found if e[0] == "agreement"]
    assert deal[3].get("Iraqi Security Forces") == "actor"
    assert "Iraqi government" not in deal[3]

"""The precision code of an event's place: an area is placed like a site but coded as a region."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


def _only_event(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2019, 5, 14))).events
    assert len(events) == 1, [e.properties.summary for e in events]
    return events[0].properties


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Government artillery shelled farms in the Ghab plain on Sunday.", "Ghab plain"),
        ("Warplanes bombed rebel positions in Eastern Ghouta on Monday.", "Eastern Ghouta"),
        ("Iraqi jets struck hideouts in Wadi al-Shay on Monday.", "Wadi al-Shay"),
    ],
)
def test_an_event_in_an_area_has_a_regions_precision(extractor, text, name):
    event = _only_event(extractor, text)
    assert event.location is not None and event.location.name == name
    assert event.location.kind == "area" and event.geo_precision == 3


def test_an_event_in_a_town_keeps_a_towns_precision(extractor):
    event = _only_event(extractor, "Government artillery shelled Kafr Nabl on Sunday.")
    assert event.location is not None and event.location.name == "Kafr Nabl"
    assert event.geo_precision == 1

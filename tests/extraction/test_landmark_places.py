"""Landmarks and ranges named as the place: the Republican Palace, the Iraqi parliament, Qandil."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Angry crowds stormed the Republican Palace on Monday evening.", "IQ-BG"),
        ("Demonstrators broke into the Iraqi parliament building on Saturday.", "IQ-BG"),
        # Wikipedia places the range in Arbil governorate, not Sulaymaniyah.
        ("Turkish jets bombed PKK hideouts in the Qandil mountains on Monday.", "IQ-AR"),
    ],
)
def test_a_landmark_places_its_event(extractor, text, admin1):
    events = extractor.extract(ReportInput(text, dt.date(2022, 8, 31))).events
    assert [e.properties.location.admin1 for e in events if e.properties.location] == [admin1]

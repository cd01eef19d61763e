"""A deadline's date is no event's own (app/extraction/deadlines.py; sentences written for
these tests)."""

import datetime as dt

from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput


def _dates(extractor: Extractor, text: str) -> list[tuple[str, dt.date]]:
    found = extractor.extract(ReportInput(text, dt.date(2024, 11, 2))).events
    return [(f.properties.event_type, f.properties.date) for f in found]


def test_a_deal_keeps_its_own_month_not_the_deadline_it_set(extractor):
    text = (
        "The withdrawals are meant to meet a 30 June deadline set under a security agreement "
        "that Ankara and Baghdad signed in February."
    )
    assert _dates(extractor, text) == [("agreement", dt.date(2024, 2, 1))]

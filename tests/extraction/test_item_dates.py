"""Dates of the items of a list of places (app/extraction/item_dates.py)."""

import datetime as dt

from app.extraction.report_input import ReportInput


def test_a_date_right_after_a_place_is_that_places(extractor):
    text = "Drones struck an oil field near Zakho on 3 June and another near Duhok early on 5 June."
    report = ReportInput(text, dt.date(2024, 6, 9))
    found = [(e.properties.date, e.properties.date_end) for e in extractor.extract(report).events]
    assert sorted(found) == [(dt.date(2024, 6, d), dt.date(2024, 6, d)) for d in (3, 5)]


def test_a_place_of_a_later_clause_takes_the_date_said_in_that_clause(extractor):
    text = (
        "Israeli soldiers took control of the abandoned hilltop posts on Sunday, and on "
        "Tuesday tanks were seen in the town of Khan Arnabeh."
    )
    report = ReportInput(text, dt.date(2024, 12, 11))
    found = [(e.properties.date, e.properties.date_end) for e in extractor.extract(report).events]
    assert found == [(dt.date(2024, 12, 10), dt.date(2024, 12, 10))]

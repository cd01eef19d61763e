import datetime as dt

import pytest

from app.extraction.dates import find_dates

PUB = dt.date(2024, 8, 8)  # a Thursday


def one(text, anchor=PUB):
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, first, last, precision",
    [
        ("on 6 August", "2024-08-06", "2024-08-06", "day"),
        ("on August 6", "2024-08-06", "2024-08-06", "day"),
        ("on 1 Aug 2024", "2024-08-01", "2024-08-01", "day"),
        ("in August 2023", "2023-08-01", "2023-08-31", "month"),
        ("on 2024-07-30", "2024-07-30", "2024-07-30", "day"),
        ("on Tuesday", "2024-08-06", "2024-08-06", "day"),
        ("on Thursday", "2024-08-01", "2024-08-01", "day"),  # the weekday of publication
        ("yesterday", "2024-08-07", "2024-08-07", "day"),
        ("last week", "2024-07-29", "2024-08-04", "week"),
        ("last month", "2024-07-01", "2024-07-31", "month"),
        ("earlier this month", "2024-08-01", "2024-08-07", "month"),
        ("in mid-July", "2024-07-11", "2024-07-20", "week"),
        ("in early July", "2024-07-01", "2024-07-10", "week"),
        ("overnight into Tuesday", "2024-08-05", "2024-08-06", "day"),
    ],
)
def test_expressions(text, first, last, precision):
    found = one(text)
    assert (found.first.isoformat(), found.last.isoformat(), found.precision) == (
        first,
        last,
        precision,
    )
    assert found.role == "event"


def test_a_day_month_after_publication_belongs_to_the_year_before():
    assert one("on 20 December", dt.date(2024, 1, 5)).first == dt.date(2023, 12, 20)


def test_reporting_dates_are_kept_apart():
    found = one("officials said on 7 August")
    assert found.role == "report" and found.first == dt.date(2024, 8, 7)
    assert one("The New Arab reported on 6 August").role == "report"


def test_background_years_are_not_event_dates():
    assert one("for the first time since 2020").role == "since"


def test_follow_ups_shift_from_the_previous_event():
    found = one("a day later")
    assert found.role == "follow" and found.offset_days == 1
    assert one("the following day").offset_days == 1


def test_impossible_dates_are_ignored():
    assert find_dates("on 31 February", PUB) == []


def test_offsets_point_into_the_text():
    text = "Clashes broke out on Tuesday near Kirkuk."
    found = find_dates(text, PUB, offset=100)[0]
    assert text[found.start - 100 : found.end - 100] == "on Tuesday"

"""Periods named by words: seasons, "ten days ago", "two months ago" (date_periods.py)."""

import datetime as dt

import pytest

from app.extraction.dates import find_dates
from app.extraction.report_input import ReportInput

PUB = dt.date(2024, 8, 8)  # a Thursday, in summer


def one(text, anchor=PUB):
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("militants regrouped in the spring of 2019", "2019-03-01", "2019-05-31"),
        ("troops withdrew in spring 2019", "2019-03-01", "2019-05-31"),
        ("the town fell last summer", "2023-06-01", "2023-08-31"),  # said in summer
        ("clashes erupted in the spring", "2024-03-01", "2024-05-31"),
        ("strikes intensified over the summer", "2024-06-01", "2024-08-08"),  # up to the report
        ("the camp flooded last winter", "2023-12-01", "2024-02-29"),
        ("a convoy was ambushed ten days ago", "2024-07-29", "2024-07-29"),
        ("a convoy was ambushed 12 days ago", "2024-07-27", "2024-07-27"),
        ("the deal was signed two months ago", "2024-06-01", "2024-06-30"),
        ("the base was shelled a fortnight ago", "2024-07-22", "2024-07-28"),
    ],
)
def test_periods_named_by_words(text, first, last):
    found = one(text)
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)


def test_last_summer_said_in_autumn_is_this_years():
    found = one("the town fell last summer", dt.date(2024, 11, 8))
    assert (found.first, found.last) == (dt.date(2024, 6, 1), dt.date(2024, 8, 31))


@pytest.mark.parametrize(
    "text", ["families fled the summer heat", "Operation Peace Spring", "a winter coat"]
)
def test_a_season_word_without_a_preposition_is_no_date(text):
    assert find_dates(text, PUB) == []


def test_a_day_said_this_year_is_that_day_alone():
    found = one("On 21 January this year, a car bomb exploded in the market.")
    assert (found.first, found.last) == (dt.date(2024, 1, 21), dt.date(2024, 1, 21))


@pytest.mark.parametrize(
    "text, offset",
    [
        ("Earlier in the day, a car bomb exploded", 0),
        ("later that evening the convoy was hit", 0),
        ("the same night gunmen attacked the post", 0),
        ("a week later the army withdrew", 7),
        ("two weeks later the army withdrew", 14),
    ],
)
def test_days_counted_from_the_event_told_before(text, offset):
    found = one(text)
    assert (found.role, found.offset_days) == ("follow", offset)


def test_the_following_week_is_seven_days_on():
    found = one("the following week the militias pulled out")
    assert (found.role, found.offset_days, (found.last - found.first).days) == ("follow", 1, 6)


def test_earlier_in_the_week_is_this_week():
    found = one("earlier in the week, police detained five men")
    assert (found.first, found.last) == (dt.date(2024, 8, 5), dt.date(2024, 8, 7))


def test_earlier_this_week_said_on_a_monday_is_the_week_before():
    found = one("a tanker was seized earlier this week", dt.date(2024, 8, 12))
    assert (found.first, found.last) == (dt.date(2024, 8, 5), dt.date(2024, 8, 11))


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("in the first half of June", "2024-06-01", "2024-06-15"),
        ("in the second half of June", "2024-06-16", "2024-06-30"),
    ],
)
def test_halves_of_a_month(text, first, last):
    found = one(text)
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("the camp emptied between January and April 2019", "2019-01-01", "2019-04-30"),
        ("militias held the ridge from June to August", "2024-06-01", "2024-08-08"),
        ("jets pounded the valley in May-June 2016", "2016-05-01", "2016-06-30"),
        ("raids went on between November and February", "2023-11-01", "2024-02-29"),
        ("the town was besieged from October 2015 to March 2016", "2015-10-01", "2016-03-31"),
        ("the militia ran the crossing from September until December", "2023-09-01", "2023-12-31"),
    ],
)
def test_a_span_of_months_runs_from_the_first_to_the_last(text, first, last):
    found = one(text)
    assert (str(found.first), str(found.last)) == (first, last)
    assert found.precision == "month"


def test_a_day_after_the_second_month_is_no_span_of_months():
    found = find_dates("from March to May 5 the road was closed", PUB)
    assert (str(found[-1].first), str(found[-1].last)) == ("2024-05-05", "2024-05-05")


def test_a_few_days_later_is_the_week_after_the_event_told_before():
    found = one("the army retook the post a few days later")
    assert (found.role, found.offset_days) == ("follow", 1)
    assert (found.last - found.first).days == 6


def test_items_a_few_days_after_a_dated_one_fall_in_the_week_after(extractor):
    text = (
        "Islamic State fighters attacked an army post near Tikrit on 22 March, killing four "
        "soldiers. The army retook the post a few days later."
    )
    found = sorted(
        (str(e.properties.date), str(e.properties.date_end))
        for e in extractor.extract(ReportInput(text, dt.date(2024, 5, 11))).events
    )
    assert found == [("2024-03-22", "2024-03-22"), ("2024-03-23", "2024-03-29")]

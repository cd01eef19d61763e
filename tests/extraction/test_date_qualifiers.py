"""Words after a date that move it (expressions written for these tests)."""

import datetime as dt

import pytest

from app.extraction.dates import find_dates

#: A Saturday.
PUBLISHED = dt.date(2015, 6, 20)


def events(text, published=PUBLISHED):
    return [(d.first, d.last) for d in find_dates(text, published) if d.role == "event"]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Gunmen took the town on 11 June last year.", dt.date(2014, 6, 11), dt.date(2014, 6, 11)),
        ("Gunmen took the town on 3 March last year.", dt.date(2014, 3, 3), dt.date(2014, 3, 3)),
        ("Gunmen took the town in June last year.", dt.date(2014, 6, 1), dt.date(2014, 6, 30)),
        ("Gunmen took the town in April of last year.", dt.date(2014, 4, 1), dt.date(2014, 4, 30)),
        ("Gunmen took the town last June.", dt.date(2014, 6, 1), dt.date(2014, 6, 30)),
    ],
)
def test_last_year_after_a_date_is_that_date_a_year_before(text, first, last):
    assert events(text) == [(first, last)]


def test_a_weekday_last_week_is_that_day_of_the_previous_calendar_week():
    assert events("Gunmen took the town on Monday last week.") == [
        (dt.date(2015, 6, 8), dt.date(2015, 6, 8))
    ]
    # Without "last week": the latest Monday, as always.
    assert events("Gunmen took the town on Monday.") == [
        (dt.date(2015, 6, 15), dt.date(2015, 6, 15))
    ]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Clashes raged in the first week of June.", dt.date(2015, 6, 1), dt.date(2015, 6, 7)),
        ("Clashes raged in the third week of May.", dt.date(2015, 5, 15), dt.date(2015, 5, 21)),
        ("Clashes raged in the last week of May.", dt.date(2015, 5, 25), dt.date(2015, 5, 31)),
        (
            "Clashes raged during the second week of August 2014.",
            dt.date(2014, 8, 8),
            dt.date(2014, 8, 14),
        ),
    ],
)
def test_a_week_of_a_month(text, first, last):
    assert events(text) == [(first, last)]


def test_a_month_named_last_in_another_month_is_unchanged():
    assert events("Gunmen took the town last May.") == [(dt.date(2015, 5, 1), dt.date(2015, 5, 31))]


@pytest.mark.parametrize(
    ("text", "published", "first", "last"),
    [
        # A Thursday: the weekend before, Friday (Iraq's and Syria's) to Sunday.
        ("Gunmen took the town over the weekend.", dt.date(2024, 3, 14), 8, 10),
        ("Gunmen took the town at the weekend.", dt.date(2024, 3, 18), 15, 17),
        # A Saturday: the weekend it is in, up to that day.
        ("Gunmen took the town last weekend.", dt.date(2024, 3, 16), 15, 16),
    ],
)
def test_the_weekend(text, published, first, last):
    assert events(text, published) == [(dt.date(2024, 3, first), dt.date(2024, 3, last))]


def test_weeks_ago_is_three_days_either_side():
    assert events("Gunmen took the town two weeks ago.", dt.date(2024, 3, 18)) == [
        (dt.date(2024, 3, 1), dt.date(2024, 3, 7))
    ]


def test_two_parts_of_months_joined_are_one_span():
    found = find_dates(
        "Clashes flared in late April and early May near Jaramana.", dt.date(2025, 7, 17)
    )
    assert [(d.text, d.first, d.last) for d in found] == [
        ("late April and early May", dt.date(2025, 4, 21), dt.date(2025, 5, 10))
    ]
    ranged = find_dates("Raids went on from mid-June to early July.", dt.date(2025, 7, 17))
    assert [(d.first, d.last) for d in ranged] == [(dt.date(2025, 6, 11), dt.date(2025, 7, 10))]


def test_parts_of_months_in_two_clauses_stay_apart():
    found = find_dates(
        "Talks began in early March; fighting resumed in late April near Hit.", dt.date(2025, 7, 17)
    )
    assert [d.text for d in found] == ["early March", "late April"]

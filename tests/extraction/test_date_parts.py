"""Parts of a year or of last month (app/extraction/date_parts.py)."""

import datetime as dt

import pytest

from app.extraction.dates import find_dates

PUB = dt.date(2024, 8, 8)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("Raids on the farms began in late 2021.", "2021-09-01", "2021-12-31"),
        ("Early 2022 brought the first returns.", "2022-01-01", "2022-04-30"),
        ("the road reopened in mid-2020", "2020-05-01", "2020-08-31"),
        ("in the first half of 2023 the camp grew", "2023-01-01", "2023-06-30"),
        ("during the second half of 2022", "2022-07-01", "2022-12-31"),
        ("by the end of 2021 the wall stood", "2021-11-01", "2021-12-31"),
        ("in early 2024", "2024-01-01", "2024-04-30"),
        ("in the second half of 2024", "2024-07-01", "2024-08-08"),  # not after the report
        ("gunmen struck a bakery late last month", "2024-07-21", "2024-07-31"),
        ("in early last month", "2024-07-01", "2024-07-10"),
        ("in the middle of last month", "2024-07-11", "2024-07-20"),
        ("early this month", "2024-08-01", "2024-08-08"),
        ("in the first half of last year", "2023-01-01", "2023-06-30"),
    ],
)
def test_parts(text, first, last):
    (found,) = find_dates(text, PUB)
    assert (found.first.isoformat(), found.last.isoformat(), found.role) == (first, last, "event")


def test_a_part_after_since_bounds_a_span():
    (found,) = find_dates("the worst drought since late 2021", PUB)
    assert found.role == "since"


def test_late_this_month_early_in_the_month_is_not_that_part():
    found = find_dates("talks resume late this month", dt.date(2024, 8, 3))
    assert [d.text for d in found] == ["this month"]

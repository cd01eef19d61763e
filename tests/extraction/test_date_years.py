"""A sentence's stated year carries to its bare months (sentences written here)."""

import datetime as dt

from app.extraction.dates import find_dates

JUNE_2019 = dt.date(2019, 6, 1)


def _days(text):
    return [(d.first, d.last) for d in find_dates(text, JUNE_2019)]


def test_a_bare_month_after_a_stated_year_is_of_that_year():
    found = _days("IS seized Palmyra in March 2016, and Qaryatayn in April.")
    assert found[1] == (dt.date(2016, 4, 1), dt.date(2016, 4, 30))


def test_a_bare_day_after_a_stated_year_is_of_that_year():
    found = _days("IS seized Palmyra on 20 May 2015, and Qaryatayn on 5 August.")
    assert found[1] == (dt.date(2015, 8, 5), dt.date(2015, 8, 5))


def test_a_month_before_the_stated_one_is_of_the_next_year():
    found = _days("Troops entered the town in December 2015 and cleared it in January.")
    assert found[1] == (dt.date(2016, 1, 1), dt.date(2016, 1, 31))


def test_no_year_is_carried_past_the_reference_date_nor_to_a_weekday():
    found = _days("The truce of March 2019 broke down in August.")
    assert found[1][0].year == 2018  # August 2019 is after the report: the one before
    found = _days("Talks that began in March 2016 resumed on Tuesday.")
    assert found[1] == (dt.date(2019, 5, 28), dt.date(2019, 5, 28))

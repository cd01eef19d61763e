"""One matched date pattern to an interval (dates written for these tests)."""

from datetime import date

from app.extraction.date_patterns import DAY_MONTH
from app.extraction.date_resolvers import resolve


def _day_month(text: str, anchor: date):
    match = DAY_MONTH.search(text)
    assert match is not None
    return resolve("day_month", match, anchor)


def test_a_day_and_month_takes_the_anchors_year():
    assert _day_month("on 3 March", date(2025, 6, 1))[:3] == (
        date(2025, 3, 3),
        date(2025, 3, 3),
        "day",
    )


def test_a_day_and_month_after_the_anchor_is_last_years():
    first, last, *_ = _day_month("on 20 December", date(2025, 6, 1))
    assert first == last == date(2024, 12, 20)


def test_an_impossible_date_resolves_to_nothing():
    assert _day_month("on 31 February", date(2025, 6, 1)) is None

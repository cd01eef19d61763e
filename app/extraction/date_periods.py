"""Periods a report names by words, counted back from the reference date (issue 9).

Seasons ("in the spring of 2019", "last summer", "over the summer"), "ten days ago", "two
months ago", "a fortnight ago", "over the past two weeks", "in the 24 hours to Monday
morning". :func:`app.extraction.dates.find_dates` finds them with the patterns of
:mod:`app.extraction.date_patterns` and resolves them here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.extraction.date_patterns import SPAN_WORDS, WEEKDAYS

if TYPE_CHECKING:
    from app.extraction.dates import Precision, Role

    Resolved = tuple[date, date, Precision, Role, int]

#: The months a season starts in (meteorological seasons, as news writes of them).
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_MONTH_WORDS = SPAN_WORDS | {"eleven": 11, "twelve": 12, "several": 0}


def weekday_before(anchor: date, weekday: int) -> date:
    """The latest such weekday on or before ``anchor``, the same day included (wire style:
    "on Sunday" in a report of Sunday is that Sunday)."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _months_before(anchor: date, months: int) -> date:
    """The first day of the month ``months`` before the anchor's."""
    index = anchor.year * 12 + anchor.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _season(year: int, start_month: int) -> tuple[date, date]:
    """The three months of a season that starts in ``start_month`` of ``year``."""
    first = date(year, start_month, 1)
    end = _months_before(first, -3) - timedelta(days=1)
    return first, end


def season(m: re.Match[str], anchor: date) -> Resolved:
    """ "in the spring of 2019": March to May 2019; "last summer": the summer before the
    current one (or before the anchor when none is current); "this summer", "in the spring":
    the latest, up to the anchor."""
    qualifier, name, year = (m[1] or "").lower(), m[2].lower(), m[3]
    start = _SEASON_START[name]
    if year is not None:
        first, last = _season(int(year), start)
        return first, last, "month", "event", 0
    first, last = _season(anchor.year, start)
    if first > anchor:
        first, last = _season(anchor.year - 1, start)
    if qualifier == "last" and last >= anchor:
        first, last = _season(first.year - 1, start)  # said in summer: the summer before
    return first, min(last, anchor), "month", "event", 0


def ago(m: re.Match[str], anchor: date) -> Resolved:
    """ "ten days ago": that day; "a fortnight ago": three days either side of it (as "two
    weeks ago"); "two months ago": that calendar month."""
    if m[3] is not None:  # "a fortnight ago"
        day = anchor - timedelta(days=14)
        return day - timedelta(days=3), day + timedelta(days=3), "week", "event", 0
    word, unit = m[1].lower(), m[2].lower()
    n = int(word) if word.isdigit() else _MONTH_WORDS[word]
    if unit.startswith("month"):
        if not 1 <= n <= 12:
            raise ValueError(m.group())
        first = _months_before(anchor, n)
        return (
            first,
            first.replace(day=calendar.monthrange(first.year, first.month)[1]),
            ("month"),
            "event",
            0,
        )
    if not 1 <= n <= 31:
        raise ValueError(m.group())
    day = anchor - timedelta(days=n)
    return day, day, "day", "event", 0


def hours_to(m: re.Match[str], anchor: date) -> Resolved:
    """ "in the 24 hours to Monday morning": Sunday and Monday."""
    d = weekday_before(anchor, WEEKDAYS[m[1].lower()])
    return d - timedelta(days=1), d, "day", "event", 0


def past_span(m: re.Match[str], anchor: date) -> Resolved:
    """ "over the past two weeks": the 14 days up to the reference; "the last two days": it
    and the day before (and the day before that, which some writers count)."""
    word = m[1].lower()
    n = int(word) if word.isdigit() else SPAN_WORDS[word]
    days = 7 * n if m[2].lower() == "weeks" else n
    if not 2 <= days <= 70:
        raise ValueError(m.group())
    return anchor - timedelta(days=days), anchor, "week" if days <= 14 else "month", "event", 0

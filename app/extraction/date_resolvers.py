"""Turning one matched date pattern into an interval: each resolver takes the match and the
anchor date (the publication date, or when the sentence says it was reported) and gives the
first and last day, the precision, the role and, for "a day later", the days to add.
`app/extraction/dates.py` finds the matches and calls `resolve`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.extraction.date_parts import part_last, part_year
from app.extraction.date_patterns import (
    BACKGROUND_YEAR,
    DAY_MONTH,
    MONTH_DAY,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
)
from app.extraction.date_periods import (
    ago,
    hours_to,
    month_span,
    months_between,
    past_span,
    relative,
    season,
    weekday_before,
)

if TYPE_CHECKING:
    from app.extraction.dates import Precision, Role


def _year_for(month: int, day: int, anchor: date) -> int:
    year = anchor.year
    try:
        if date(year, month, day) > anchor:
            year -= 1
    except ValueError:
        year -= 1
    return year


def resolve(
    name: str, m: re.Match[str], anchor: date
) -> tuple[date, date, Precision, Role, int] | None:
    """The interval a match of the pattern ``name`` says, or None for an impossible date."""
    try:
        return _RESOLVERS[name](m, anchor)
    except (ValueError, KeyError, OverflowError):
        return None  # "31 February" and other impossible dates are not dates


def _iso(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    d = date(int(m[1]), int(m[2]), int(m[3]))
    return d, d, "day", "event", 0


def _day_month(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    day, month = int(m[1]), MONTHS[m[2].lower()]
    year = int(m[3]) if m[3] else _year_for(month, day, anchor)
    d = date(year, month, day)
    return d, d, "day", "event", 0


def _numeric(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    day, month = int(m[1]), int(m[2])
    year = int(m[3]) if m[3] else _year_for(month, day, anchor)
    d = date(year, month, day)
    return d, d, "day", "event", 0


def _numeric_dot(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    day, month = int(m[1]), int(m[2])
    year = int(m[3]) if m[3] else _year_for(month, day, anchor)
    if year < 100:  # "19.05.21": the century of the reference date
        year += anchor.year // 100 * 100
    d = date(year, month, day)
    return d, d, "day", "event", 0


def _month_day(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    month, day = MONTHS[m[1].lower()], int(m[2])
    year = int(m[3]) if m[3] else _year_for(month, day, anchor)
    d = date(year, month, day)
    return d, d, "day", "event", 0


def _part_month(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    part, month = m[1].lower(), MONTHS[m[2].lower()]
    year = int(m[3]) if m[3] else _year_for(month, 1, anchor)
    first, last = month_span(year, month)
    if part == "mid":
        first, last = first.replace(day=11), first.replace(day=20)
    elif part in ("early", "beginning of", "start of"):
        last = first.replace(day=10)
    elif part.endswith("half of"):  # "the first half of July": 1-15; the second, 16-31
        first, last = (
            (first, first.replace(day=15))
            if part[0] == "f"
            else (
                first.replace(day=16),
                last,
            )
        )
    else:
        first = first.replace(day=21)
    return first, min(last, anchor) if last > anchor >= first else last, "week", "event", 0


def _overnight(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    d = weekday_before(anchor, WEEKDAYS[m[1].lower()])
    return d - timedelta(days=1), d, "day", "event", 0


def _weekday(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    qualifier = (m[1] or "").strip().lower()
    weekday = WEEKDAYS[m[2].lower()]
    d = weekday_before(anchor, weekday)
    if qualifier == "last" and anchor - d < timedelta(days=2):
        # "last Sunday" is the one before: never the reference day, nor the day before it
        # (which a writer calls "yesterday").
        d -= timedelta(days=7)
    return d, d, "day", "event", 0


def _span_precision(first: date, last: date) -> Precision:
    days = (last - first).days
    return "day" if days <= 1 else "week" if days <= 10 else "month"


def _day_range(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    day1, day2, month2 = int(m[2]), int(m[5]), MONTHS[m[6].lower()]
    month1 = MONTHS[m[3].lower()] if m[3] else month2
    year2 = int(m[7]) if m[7] else _year_for(month2, day2, anchor)
    last = date(year2, month2, day2)
    first = date(year2 - (month1 > month2), month1, day1)
    if first > last:
        raise ValueError("not a range")  # "3-1 July" is a score
    return first, last, _span_precision(first, last), "event", 0


def _month_range(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    month, day1, day2 = MONTHS[m[1].lower()], int(m[2]), int(m[3])
    year = int(m[4]) if m[4] else _year_for(month, day2, anchor)
    first, last = date(year, month, day1), date(year, month, day2)
    if first > last:
        raise ValueError("not a range")
    return first, last, _span_precision(first, last), "event", 0


def _month_day_range(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    month1, day1, month2, day2 = MONTHS[m[1].lower()], int(m[2]), MONTHS[m[3].lower()], int(m[4])
    last = date(int(m[5]) if m[5] else _year_for(month2, day2, anchor), month2, day2)
    first = date(last.year - (month1 > month2), month1, day1)
    if first > last:
        raise ValueError("not a range")
    return first, last, _span_precision(first, last), "event", 0


def _weekday_range(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    last = weekday_before(anchor, WEEKDAYS[m[2].lower()])
    first = weekday_before(last, WEEKDAYS[m[1].lower()])
    return first, last, _span_precision(first, last), "event", 0


def _overnight_date(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    d = _weekday_date(m, anchor, group=1)[0]
    return d - timedelta(days=1), d, "day", "event", 0


def _following_days(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    """A follow-up span: the interval's length is the number of days (follow role)."""
    word = (m[1] or "seven").lower()  # "in the days that followed": a week at most
    days = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return anchor, anchor + timedelta(days=days - 1), "week", "follow", 1


def _weekday_date(
    m: re.Match[str], anchor: date, group: int = 2
) -> tuple[date, date, Precision, Role, int]:
    said = m[group]
    inner = DAY_MONTH.fullmatch(said)
    if inner is not None:
        return _day_month(inner, anchor)
    inner = MONTH_DAY.fullmatch(said)
    if inner is None:
        raise ValueError(said)
    return _month_day(inner, anchor)


def _nth(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    """ "on the 12th": of the reference month, or of the month before when still to come."""
    day = int(m[1])
    month_start = anchor.replace(day=1)
    if day > anchor.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    d = month_start.replace(day=day)
    return d, d, "day", "event", 0


def _month_year(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    first, last = month_span(int(m[2]), MONTHS[m[1].lower()])
    return first, last, "month", "event", 0


def _since(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    year = int(m[1])
    role: Role = "since" if BACKGROUND_YEAR.match(m.group()) else "event"
    return date(year, 1, 1), date(year, 12, 31), "year", role, 0


def _in_month(m: re.Match[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    month = MONTHS[m[1].lower()]
    year = _year_for(month, 1, anchor)
    first, last = month_span(year, month)
    role: Role = "since" if m.group().lower().startswith("since") else "event"
    return first, min(last, anchor), "month", role, 0


_RESOLVERS = {
    "iso": _iso,
    "day_range": _day_range,
    "month_range": _month_range,
    "month_day_range": _month_day_range,
    "month_to_month": months_between,
    "weekday_range": _weekday_range,
    "weekday_date": _weekday_date,
    "overnight_date": _overnight_date,
    "following_days": _following_days,
    "nth": _nth,
    "day_month": _day_month,
    "numeric": _numeric,
    "numeric_dot": _numeric_dot,
    "month_day": _month_day,
    "part_month": _part_month,
    "part_year": part_year,
    "part_last": part_last,
    "overnight": _overnight,
    "hours_to": hours_to,
    "past_span": past_span,
    "season": season,
    "ago": ago,
    "weekday": _weekday,
    "month_year": _month_year,
    "since": _since,
    "in_month": _in_month,
    "relative": relative,
}

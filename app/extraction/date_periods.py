"""Periods a report names by words, counted back from the reference date (issue 9).

"Yesterday", "last week", "earlier this month", "two days later"; seasons ("in the spring of
2019", "last summer", "over the summer"), "ten days ago", "two months ago", "a fortnight
ago", "over the past two weeks", "in the 24 hours to Monday morning".
:func:`app.extraction.dates.find_dates` finds them with the patterns of
:mod:`app.extraction.date_patterns` and resolves them here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.extraction.date_patterns import MONTHS, NUMBER_WORDS, SPAN_WORDS, WEEKDAYS
from app.extraction.date_qualifiers import weeks_back

if TYPE_CHECKING:
    from app.extraction.dates import Precision, Role

    Resolved = tuple[date, date, Precision, Role, int]

#: The months a season starts in (meteorological seasons, as news writes of them).
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_MONTH_WORDS = SPAN_WORDS | {"eleven": 11, "twelve": 12, "several": 0}
#: "overnight", "during the night": the night before the reference day, into it.
NIGHT = frozenset({"overnight", "during the night"})
_DAY_PARTS = frozenset({"day", "morning", "evening", "night"})
#: "a few days later": some day of the week after the event told before.
_FEW_DAYS_LATER = frozenset(
    {"a few days later", "several days later", "some days later", "days later"}
)
#: "within hours", "minutes later": the same day as the event told before.
_SOON = frozenset({"within", "hours", "minutes"})


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


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last days of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_between(m: re.Match[str], anchor: date) -> Resolved:
    """ "between March and May 2017", "from June to August", "March-April 2016": the first day
    of the first month to the last of the second. A year said once is the second month's (the
    first month in the year before when it comes later in the calendar, "between October and
    February"); with no year the second month is the latest one not after the reference date.
    """
    first_month = MONTHS[(m[1] or m[3]).rstrip(".").lower()]
    last_month = MONTHS[m[4].rstrip(".").lower()]
    if m[5]:
        last_year = int(m[5])
    elif m[2]:
        last_year = int(m[2]) + (first_month > last_month)
    else:
        last_year = anchor.year - (date(anchor.year, last_month, 1) > anchor)
    first_year = int(m[2]) if m[2] else last_year - (first_month > last_month)
    first, last = date(first_year, first_month, 1), month_span(last_year, last_month)[1]
    if first > last:
        raise ValueError("not a range")
    return first, min(last, max(anchor, first)), "month", "event", 0


def relative(m: re.Match[str], anchor: date) -> Resolved:
    """ "yesterday", "last week", "earlier this month", "two days later" (a follow-up of the
    event told before), "over the weekend": against the reference date."""
    phrase = m[1].lower()
    day = timedelta(days=1)
    if phrase in ("yesterday", "last night", "the day before", "the night before"):
        return anchor - day, anchor - day, "day", "event", 0
    if phrase in ("today", "tonight", "this morning"):
        return anchor, anchor, "day", "event", 0
    if phrase in NIGHT:
        return anchor - day, anchor, "day", "event", 0
    words = phrase.split()
    if words[-1] == "weekend" or words[-2:] in (["week", "ago"], ["weeks", "ago"]):
        return weeks_back(words, anchor)  # "over the weekend", "two weeks ago"
    if words[-1] == "hours" and words[0] != "within":  # "over the past 24 hours": 2 days
        return anchor - day, anchor, "day", "event", 0
    if words[-1] == "week" and words[0] in ("throughout", "over", "during"):
        return anchor - 7 * day, anchor, "week", "event", 0  # "throughout the week"
    if words[0] in ("in", "over", "during"):
        # "in recent days": the week before the reference; "in recent weeks": its month.
        span = 7 if words[-1] == "days" else 28
        return anchor - span * day, anchor, "week" if span == 7 else "month", "event", 0
    if phrase in _FEW_DAYS_LATER:  # the week after the event told before
        return anchor, anchor + 6 * day, "week", "follow", 1
    if words[1:] in (["week", "later"], ["weeks", "later"]):
        return anchor, anchor, "day", "follow", 7 * NUMBER_WORDS[words[0]]  # "a week later"
    if words[-1] in ("later", "ago", "earlier", "before") and words[0] in NUMBER_WORDS:
        n = NUMBER_WORDS[words[0]]
        if words[-1] == "ago":
            return anchor - n * day, anchor - n * day, "day", "event", 0
        return anchor, anchor, "day", "follow", n if words[-1] == "later" else -n
    if phrase.startswith(("the following", "the next")):
        if words[-1] == "week":  # the seven days after the event told before
            return anchor, anchor + 6 * day, "week", "follow", 1
        return anchor, anchor, "day", "follow", 1
    if phrase == "within a day":
        return anchor, anchor, "day", "follow", 1  # the day after the event told before
    if phrase.startswith("the previous"):
        return anchor, anchor, "day", "follow", -1  # "a day earlier" than the event told
    if (
        phrase in ("same day", "the same day", "later that day")
        or words[0] in _SOON
        or (words[-1] in _DAY_PARTS and words[0] in ("earlier", "later", "that", "the"))
    ):  # "earlier in the day", "later that evening", "that night", "the same night"
        return anchor, anchor, "day", "follow", 0
    unit = words[-1]
    monday = anchor - timedelta(days=anchor.weekday())
    if unit == "week":
        if words[0] in ("last", "past", "previous"):
            return monday - 7 * day, monday - day, "week", "event", 0
        if words[0] == "earlier":
            # "earlier this week": Monday to the day before; said on a Monday, the week before.
            first = monday if anchor > monday else anchor - 7 * day
            return first, anchor - day, "week", "event", 0
        return monday, anchor, "week", "event", 0  # this week
    if unit == "month":
        if words[0] in ("last", "past", "previous") or "last month" in phrase:
            prev = anchor.replace(day=1) - day
            first, last = month_span(prev.year, prev.month)
            return first, last, "month", "event", 0
        return anchor.replace(day=1), max(anchor.replace(day=1), anchor - day), "month", "event", 0
    if words[0] in ("last", "past", "previous") or "last year" in phrase:
        return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), "year", "event", 0
    return date(anchor.year, 1, 1), max(date(anchor.year, 1, 1), anchor - day), "year", "event", 0

"""Words after a date that move it: "11 June last year", "Monday last week", "last June",
"21 January this year" (one day, not the year as well),
"the second week of March"; and "the weekend", "two weeks ago".

:func:`app.extraction.dates.find_dates` reads "11 June" and "last year" as two dates (the
June of the reference year, and the whole year before); the writer meant one: 11 June of the
year before. So does "on Monday last week" mean the Monday of the previous calendar week
(not the latest Monday), and "last June", said in June, the June of the year before. "The
first week of March" is 1-7 March ("the last week of March" its last seven days).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.extraction.date_patterns import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from app.extraction.dates import DateMention, Precision, Role

_LAST_YEAR = re.compile(r",?\s+(?:of\s+)?last\s+year\b", re.I)
_THIS_YEAR = re.compile(r",?\s+(?:of\s+)?this\s+year\b", re.I)
_LAST_WEEK = re.compile(r",?\s+(?:of\s+)?last\s+week\b", re.I)
_WEEK_OF = re.compile(
    r"\b(?:in|during|over)\s+the\s+(first|second|third|fourth|last|final)\s+week\s+of\s+"
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:,?\s+((?:19|20)\d\d))?\b",
    re.I,
)
#: "in the week of 17 October": the seven days from that day.
_WEEK_OF_DAY = re.compile(r"\bweek of\s+$", re.I)
_ORDINAL = {"first": 0, "second": 1, "third": 2, "fourth": 3}
#: Builds a new mention: start, end, text, first day, last day (week precision).
Make = Callable[[int, int, str, date, date], "DateMention"]


def qualified(
    text: str, found: list[DateMention], anchor: date, offset: int, make: Make
) -> list[DateMention]:
    """The dates of a text (mentions at ``offset``) with the words after them applied;
    ``anchor`` is what relative dates count from."""
    out = list(found)
    for d in found:
        at = d.end - offset
        if d.precision in ("day", "month") and not re.search(r"\d{4}", d.text):
            this = _THIS_YEAR.match(text, at)
            if this is not None:
                # "on 21 January this year": that day, not the whole year as well.
                out = _merged(out, d, d, this)
                continue
            tail = _LAST_YEAR.match(text, at)
            if tail is not None and d.first.year == anchor.year:
                last = _previous_year(d.last)
                if d.precision == "month":
                    last = date(last.year, last.month, _days_in(last))
                out = _merged(out, d, replace(d, first=_previous_year(d.first), last=last), tail)
                continue
        words = d.text.lower().split()
        if d.precision == "day" and d.first == d.last:
            before = d.start - offset
            if _WEEK_OF_DAY.search(text, max(0, before - 12), before):
                last = d.first + timedelta(days=6)
                last = min(last, anchor) if last > anchor >= d.first else last
                week = replace(d, last=last, precision="week")
                out = [week if o is d else o for o in out]
                continue
        if d.precision == "day" and words[-1] in WEEKDAYS:
            tail = _LAST_WEEK.match(text, at)
            if tail is not None:
                monday = anchor - timedelta(days=anchor.weekday() + 7)
                day = monday + timedelta(days=WEEKDAYS[words[-1]])
                out = _merged(out, d, replace(d, first=day, last=day), tail)
                continue
        if d.precision == "month" and words[0] == "last" and d.first.month == anchor.month:
            if d.first.year == anchor.year:  # "last June", said in June
                first = _previous_year(d.first)
                moved = replace(d, first=first, last=date(first.year, first.month, _days_in(first)))
                out = [moved if o is d else o for o in out]
    for m in _WEEK_OF.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        month = MONTHS[m[2].lower()]
        year = int(m[3]) if m[3] else anchor.year - (month > anchor.month)
        if m[1].lower() in _ORDINAL:
            first = date(year, month, 1 + 7 * _ORDINAL[m[1].lower()])
            last = first + timedelta(days=6)
        else:
            last = date(year, month, calendar.monthrange(year, month)[1])
            first = last - timedelta(days=6)
        out = [o for o in out if not (o.start < end and start < o.end)]
        out.append(make(start, end, m.group(), first, last))
    return sorted(out, key=lambda o: o.start)


def _merged(
    out: list[DateMention], old: DateMention, new: DateMention, tail: re.Match[str]
) -> list[DateMention]:
    """``old`` replaced by ``new``, and the "last year"/"last week" after it read no more."""
    end = old.end + (tail.end() - tail.start())
    return [new if o is old else o for o in out if not (o is not old and old.end <= o.start < end)]


def _previous_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _days_in(d: date) -> int:
    return calendar.monthrange(d.year, d.month)[1]


_WEEKS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRIDAY, _SUNDAY = 4, 6


def weeks_back(words: list[str], anchor: date) -> tuple[date, date, Precision, Role, int]:
    """ "over the weekend", "last weekend": the latest weekend, Friday (the weekend of Iraq
    and Syria) to Sunday, up to the reference day when it falls in one; "two weeks ago":
    three days either side of that day (week precision)."""
    if words[-1] == "weekend":
        weekday = anchor.weekday()
        if weekday >= _FRIDAY:
            end = anchor
        else:
            end = anchor - timedelta(days=weekday + 7 - _SUNDAY)
        return end - timedelta(days=end.weekday() - _FRIDAY), end, "week", "event", 0
    day = anchor - timedelta(days=7 * _WEEKS[words[0]])
    return day - timedelta(days=3), day + timedelta(days=3), "week", "event", 0


_PART = re.compile(r"(?:mid|early|late|end of|beginning of|start of)\b", re.I)
_PART_JOIN = re.compile(r"\s*(?:and|to|through|until|-|–)\s*")


def joined_parts(text: str, found: list[DateMention], offset: int, make: Make) -> list[DateMention]:
    """ "late April and early May", "mid-June to early July": one span, from the first part's
    first day to the second's last (two dates would put the event in one part only)."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role == d.role == "event"
            and _PART.match(prev.text)
            and _PART.match(d.text)
            and prev.last < d.first
            and _PART_JOIN.fullmatch(text, prev.end - offset, d.start - offset)
        ):
            out[-1] = make(
                prev.start, d.end, text[prev.start - offset : d.end - offset], prev.first, d.last
            )
            continue
        out.append(d)
    return out


def night_of(found: list[DateMention], nights: frozenset[str]) -> list[DateMention]:
    """ "during the night ... on Tuesday morning": the weekday says which night, the one that
    ended on it; the night's own mention goes."""
    night = [d for d in found if d.text.lower() in nights]
    if not night or not any(d.role == "event" and d not in night for d in found):
        return found
    return [
        d
        if d.role != "event" or d.precision != "day" or d.first != d.last
        else replace(d, first=d.first - timedelta(days=1))
        for d in found
        if d not in night
    ]

"""Dates in report text: candidates found by patterns, resolved against an anchor date.

Absolute forms ("6 August", "Aug. 6", "1 Aug 2024", "August 2024", "2024-08-06", "between March
and May 2017"), relative
ones ("on Tuesday", "yesterday", "last week", "earlier this month", "mid-July", "overnight
into Tuesday", "a day later") and background ("since 2020"). A day-month without a year takes
the anchor's year, or the year before when that would put it after the anchor. Dates said of
the report itself ("officials said on 7 August") are kept apart as ``role="report"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.extraction.cues import cued_search
from app.extraction.date_parts import part_last, part_year
from app.extraction.date_patterns import (
    BACKGROUND_YEAR,
    COMPARISON,
    DAY_MONTH,
    DETERMINER_BEFORE,
    MONTH_DAY,
    MONTHS,
    NOUN_AFTER,
    NUMBER_WORDS,
    PARTICIPLE,
    PASSIVE_ANNOUNCED,
    POSSESSIVE,
    RELATIVE,
    REPORTING,
    SINCE_BEFORE,
    THAT_AFTER,
    WEEKDAY_NAMES,
    WEEKDAYS,
    WHEN_AFTER,
    names_no_day,
)
from app.extraction.date_periods import (
    NIGHT,
    ago,
    hours_to,
    month_span,
    months_between,
    past_span,
    relative,
    season,
    weekday_before,
)
from app.extraction.date_qualifiers import joined_parts, night_of, qualified
from app.extraction.date_scan import DateScan, scan_dates

Precision = Literal["day", "week", "month", "year"]
Role = Literal["event", "report", "since", "follow"]
Attached = Literal["next", "previous"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression."""

    start: int
    end: int
    text: str
    first: date
    last: date
    precision: Precision
    role: Role
    offset_days: int = 0  # for role "follow": days after the previous event's date
    #: Said of a noun, not of the sentence's verb: of the next word ("Thursday's bombing") or
    #: of the noun before ("the agreement signed on 1 April"). It dates only that event.
    attached: Attached | None = None


def _year_for(month: int, day: int, anchor: date) -> int:
    year = anchor.year
    try:
        if date(year, month, day) > anchor:
            year -= 1
    except ValueError:
        year -= 1
    return year


def find_dates(
    text: str,
    anchor: date,
    offset: int = 0,
    reported: date | None = None,
    scan: DateScan | None = None,
) -> list[DateMention]:
    """Date expressions in ``text`` (offsets shifted by ``offset``), left to right.

    ``anchor`` is the publication date. ``reported``, when the sentence says when it was
    reported ("the ministry said on Friday that ... on Thursday"), is what relative
    expressions count from; a day and month ("17 July") still take the publication's year.
    ``scan`` is :func:`scan_dates` of ``text`` when the caller has it already.
    """
    found: list[DateMention] = []
    scan = scan_dates(text) if scan is None else scan
    if not scan.hinted:
        return found
    taken: list[tuple[int, int]] = []
    for name, matches in scan.matches:
        for match in matches:
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            base = reported if reported is not None and name in RELATIVE else anchor
            resolved = _resolve(name, match, base)
            if resolved is None:
                continue
            first, last, precision, role, follow = resolved
            if role == "event" and _reporting(text, s, e):
                role = "report"
            elif role == "event" and _bound(text, s):
                role = "since"  # "the worst since December 2024", "until 3 March": a bound
            if role == "since" and WHEN_AFTER.match(text, e):
                role = "event"  # "the worst since July, when a bomb killed 30": the bomb's
            taken.append((s, e))
            attached: Attached | None = None
            if POSSESSIVE.match(text, e) or (
                cued_search(DETERMINER_BEFORE, text[max(0, s - 6) : s])
                and NOUN_AFTER.match(text, e)
            ):
                attached = "next"
            elif cued_search(PARTICIPLE, text[max(0, s - 60) : s]):
                attached = "previous"
            found.append(
                DateMention(
                    s + offset,
                    e + offset,
                    match.group(),
                    first,
                    last,
                    precision,
                    role,
                    follow,
                    attached,
                )
            )
    if ("prayer" in text or "mass" in text or "every" in text) and len(found) > 1:
        found = _without_prayer_day(text, offset, found)
    found = night_of(found, NIGHT)  # "during the night ... on Tuesday morning"
    found.sort(key=lambda d: d.start)
    found = joined_parts(text, found, offset, _week_of)  # "late April and early May"
    if "ast " in text or "week of" in text or "this year" in text:  # "11 June last year"
        found = qualified(text, found, reported or anchor, offset, _week_of)
    return found


def _without_prayer_day(text: str, offset: int, found: list[DateMention]) -> list[DateMention]:
    """ "In August 2014, gunmen opened fire on worshippers at Friday prayers" (or "during
    Sunday mass", "every Friday since late February"): the weekday names the prayers or a day
    that recurs, and dates nothing when the sentence says its date otherwise."""
    prayers = [
        d
        for d in found
        if d.text in WEEKDAY_NAMES and names_no_day(text, d.start - offset, d.end - offset)
    ]
    if not prayers or not any(d.role == "event" and d not in prayers for d in found):
        return found
    return [d for d in found if d not in prayers]


def _reporting(text: str, start: int, end: int) -> bool:
    """Whether the date says when the sentence was reported ("officials said on Friday"),
    not when a thing announced happened: "a ceasefire was announced on Wednesday", "under the
    truce announced on Saturday" date the ceasefire (unless "... announced on Monday that")."""
    before = text[max(0, start - 40) : start]
    if not cued_search(REPORTING, before):
        return False
    if cued_search(PARTICIPLE, text[max(0, start - 60) : start]):
        return False
    return not (PASSIVE_ANNOUNCED.search(before) and not THAT_AFTER.match(text, end))


def _week_of(start: int, end: int, text: str, first: date, last: date) -> DateMention:
    return DateMention(start, end, text, first, last, "week", "event")


def _bound(text: str, start: int) -> bool:
    """ "until 3 March", "lasted into Sunday", "the deadliest since December 2024": a bound of
    a span, not when the event happened; but "a sit-in since mid-October" began then."""
    cue = cued_search(SINCE_BEFORE, text[max(0, start - 30) : start])
    if cue is None:
        return False
    return not cue.group().lower().startswith("since") or bool(COMPARISON.search(text, 0, start))


def _resolve(
    name: str, m: re.Match[str], anchor: date
) -> tuple[date, date, Precision, Role, int] | None:
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

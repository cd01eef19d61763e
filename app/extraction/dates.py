"""Dates in report text: candidates found by patterns, resolved against an anchor date.

Absolute forms ("6 August", "Aug. 6", "1 Aug 2024", "August 2024", "2024-08-06", "between March
and May 2017"), relative
ones ("on Tuesday", "yesterday", "last week", "earlier this month", "mid-July", "overnight
into Tuesday", "a day later") and background ("since 2020"). A day-month without a year takes
the anchor's year, or the year before when that would put it after the anchor. Dates said of
the report itself ("officials said on 7 August") are kept apart as ``role="report"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.extraction.cues import cued_search
from app.extraction.date_patterns import (
    COMPARISON,
    COUNTED_OVER,
    DETERMINER_BEFORE,
    NOUN_AFTER,
    PARTICIPLE,
    PASSIVE_ANNOUNCED,
    POSSESSIVE,
    RELATIVE,
    REPORTING,
    SINCE_BEFORE,
    THAT_AFTER,
    WEEKDAY_NAMES,
    WHEN_AFTER,
    names_no_day,
)
from app.extraction.date_periods import (
    NIGHT,
)
from app.extraction.date_qualifiers import joined_parts, night_of, qualified
from app.extraction.date_resolvers import resolve
from app.extraction.date_scan import DateScan, scan_dates
from app.extraction.date_years import carried_years

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
            resolved = resolve(name, match, base)
            if resolved is None:
                continue
            first, last, precision, role, follow = resolved
            if role == "event" and _reporting(text, s, e):
                role = "report"
            elif role == "event" and (_bound(text, s) or _counted_over(text, s, e)):
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
    if len(found) > 1:  # "in March 2016, and Qaryatayn in April": April 2016
        found = carried_years(found, anchor)
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


def _counted_over(text: str, start: int, end: int) -> bool:
    """ "for the second time this month", "the third such raid this week": the period a count
    of events runs over, which dates none of them."""
    words = text[start:end].lower().split()
    if len(words) != 2 or words[0] not in ("this", "last") or words[1] not in _PERIODS:
        return False
    return cued_search(COUNTED_OVER, text[max(0, start - 50) : start]) is not None


_PERIODS = frozenset(("week", "month", "year"))


def _bound(text: str, start: int) -> bool:
    """ "until 3 March", "lasted into Sunday", "the deadliest since December 2024": a bound of
    a span, not when the event happened; but "a sit-in since mid-October" began then."""
    cue = cued_search(SINCE_BEFORE, text[max(0, start - 30) : start])
    if cue is None:
        return False
    return not cue.group().lower().startswith("since") or bool(COMPARISON.search(text, 0, start))

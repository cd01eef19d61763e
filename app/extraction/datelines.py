"""A dateline says where and when a report was filed, not where or when its events happened.

A dateline opens the report, or its first paragraph after a headline.

"ERBIL, Kurdistan Region - Two soldiers were killed in the Kifri area ...", "BAGHDAD, June 11
(wire) - Gunmen ... on Monday": the capitals at the head of a report name the reporter's
city, the date the day it was filed; a local outlet writes it in plain case ("Homs - The
first buses ...", "Deir Ezzor, SANA - Army units ..."), the story's first sentence after it on
the same line (a header such as "Kurdistan Region - Ministry of Interior" is none). A place
of the dateline is the event's place only when its sentence names no other; a date of the
dateline dates no event (the sentence's weekdays count back from the publication date as
always).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from app.extraction.dates import DateMention
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: A place in capitals ("ERBIL", "DEIR EZ-ZOR", "BASHIQA FRONT"), then any of a country or
#: region (a second filing city after a slash: "Syria/BAGHDAD"), a date and an agency in
#: brackets, then a dash: "QAMISHLI, Syria, Oct 24 (wire) - ".
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z'’./-]+(?:\s+[A-Z][A-Z'’./-]*){0,3}"
    r"(?:,\s*[A-Z][\w.'’]*(?:/[A-Z][\w.'’]*)?(?:\s+[\w.'’]+){0,4}?)*"
    r"(?:\s*\([^()\n]{1,30}\))?\s*[-–—]+\s"
)


#: A local outlet's dateline in plain case ("Homs - The first buses ...", "Deir Ezzor, SANA -
#: Army units ..."): a name or two, a dash, then the story's first sentence on the same line.
_PLAIN_DATELINE = re.compile(
    r"\A\s*[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s*[A-Z][\w'’]*)?"
    r"\s*[-–—]+\s+(?=[A-Z][^\n]{60})"
)


def dateline_end(text: str) -> int:
    """Where the dateline at the head of a text ends (0 when it has none)."""
    found = _DATELINE.match(text) or _PLAIN_DATELINE.match(text)
    return found.end() if found else 0


def opening_dateline(sentence: Sentence) -> int:
    """The length of the dateline a sentence opens with: the report's first sentence, or
    its second after a headline."""
    return dateline_end(sentence.text) if sentence.index <= 1 else 0


def after_dateline(sentence: Sentence, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence less its dateline's ("BAGHDAD, June 11 (wire) -": the day it
    was filed dates no event)."""
    head = sentence.start + opening_dateline(sentence)
    return [d for d in dates if d.start >= head]


def without_dateline(sentence: Sentence, placed: list[ResolvedMention]) -> list[ResolvedMention]:
    """The places of a sentence other than its dateline's, when it names one at least as
    precise as a governorate ("KIRKUK - ... a bomb in northern Iraq" stays in Kirkuk)."""
    end = sentence.start + opening_dateline(sentence)
    if end == sentence.start:
        return placed
    body = [m for m in placed if m.mention.start >= end]
    if any(m.place is not None and m.place.family in _PRECISE for m in body):
        return body
    if body and "/" in sentence.text[: end - sentence.start]:
        return body  # "ANKARA/QAMISHLI -": two filing cities, neither the event's place
    return placed


#: Places precise enough to outweigh a dateline's town (not a country, region or river).
_PRECISE = frozenset({"populated", "site", "admin2", "admin1", "mountain"})


#: The days a report's stated period spans (first to last): a reporting week.
_PERIOD_DAYS = range(4, 9)
_FIGURES = re.compile(r"\d")
#: How long before publication a stated period may end.
_PERIOD_LAG = 7


def covered_period(
    sentences: list[Sentence],
    dates: dict[int, list[DateMention]],
    paragraph_of: list[int],
    published: dt.date,
    lead: int,
) -> tuple[dt.date, dt.date] | None:
    """The week a report says it covers in its lead ("WEEKLY SITREP, 26 MARCH - 1 APRIL",
    "Week 50 (9-15 December 2024)", "... strikes between Dec. 3 and Dec. 9"): what the
    report tells with no date of its own happened in it (rather than in the week before
    publication). ``lead`` is the last paragraph of the lead."""
    for sentence in sentences:
        if paragraph_of[sentence.index] > lead:
            return None
        for d in dates[sentence.index]:
            if (
                d.role == "event"
                and _FIGURES.search(d.text)  # "26 March - 1 April", not "last week"
                and (d.last - d.first).days in _PERIOD_DAYS
                and 0 <= (published - d.last).days <= _PERIOD_LAG
            ):
                return d.first, d.last
    return None


def this_week_covered(
    dates: dict[int, list[DateMention]], period: tuple[dt.date, dt.date] | None
) -> None:
    """ "this week" in a report that says which week it covers ("30 September - 4 October")
    is that week, not the calendar week of publication (a weekly note out on a Monday would
    have it mean that Monday alone). Rewrites the mentions in place."""
    if period is None:
        return
    first, last = period
    for index, found in dates.items():
        if any(d.text.lower() == "this week" for d in found):
            dates[index] = [
                replace(d, first=first, last=last) if d.text.lower() == "this week" else d
                for d in found
            ]

"""The day a daily note says it tells of, in its heading: what it says counts from that day.

"Suwayda, 17 July:", "Syrian Badia - daily notes, Saturday 13 April", "Manbij countryside,
Sunday:": a monitor's notes of one day, published the day after or later. "Overnight", "3 days
ago", "yesterday" in its items count from the day of the heading, not from the publication
(which only says when the notes came out).
"""

from __future__ import annotations

import datetime as dt
import re

from app.extraction.dates import find_dates

#: The longest heading line read as a daily note's.
_HEADING_CHARS = 80
#: How long after the day of its heading a note may be published.
_LAG_DAYS = 7
#: What may follow the heading's date at the end of its line (a full stop ends a sentence).
_TAIL = re.compile(r"\s*:?\s*")
#: A word of the heading besides its date: a bare "09/05/2021" opens a dated list instead.
_WORD = re.compile(r"[A-Za-z]{3,}")
#: A week's report ("week ending 5 November") tells of more than the day it names.
_WEEK = re.compile(r"\bweek", re.I)


def heading_day(text: str, published: dt.date) -> dt.date | None:
    """The day the heading line of a daily note names, when the report opens with one (a short
    line ending with one day, with words of its own, no more than a week before publication)."""
    line, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip() or len(line) > _HEADING_CHARS or _WEEK.search(line):
        return None
    found = find_dates(line, published)
    if len(found) != 1:
        return None
    (day,) = found
    if (
        day.precision != "day"
        or day.first != day.last
        or day.role != "event"
        or not _TAIL.fullmatch(line, day.end)
        or not _WORD.search(line[: day.start])
    ):
        return None
    return day.last if 0 < (published - day.last).days <= _LAG_DAYS else None

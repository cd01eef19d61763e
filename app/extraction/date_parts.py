"""Parts of a year or of last month a report names (issue 9).

"in late 2019" is September to December 2019, "in the first half of 2019" January to June,
"in mid-2018" May to August; "late last month" the last eleven days of the month before the
reference, "the first half of last year" its January to June.
:func:`app.extraction.dates.find_dates` finds them with the patterns of
:mod:`app.extraction.date_patterns` and resolves them here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.extraction.date_periods import month_span

if TYPE_CHECKING:
    from app.extraction.dates import Precision, Role

    Resolved = tuple[date, date, Precision, Role, int]

#: The months (first, last) each part of a year covers.
_YEAR_PARTS = {
    "early": (1, 4),
    "beginning of": (1, 2),
    "start of": (1, 2),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (11, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
}


def _part(words: str) -> str:
    return " ".join(w for w in words.lower().replace("-", " ").split() if w != "the")


def _year_part(year: int, part: str, anchor: date) -> tuple[date, date]:
    first_month, last_month = _YEAR_PARTS[part]
    first, last = date(year, first_month, 1), month_span(year, last_month)[1]
    return first, min(last, anchor) if last > anchor >= first else last


def part_year(m: re.Match[str], anchor: date) -> Resolved:
    """ "in late 2019", "in the first half of 2019", "mid-2018": those months of the year
    ("since late 2019", "until mid-2018": a bound of a span, no event's date)."""
    first, last = _year_part(int(m[2]), _part(m[1]), anchor)
    bound = m.group().lower().startswith(("since", "until"))
    return first, last, "month", "since" if bound else "event", 0


def part_last(m: re.Match[str], anchor: date) -> Resolved:
    """ "late last month": its last eleven days ("early": the first ten, "mid": 11-20);
    "in the second half of last year": July to December of the year before."""
    part, unit = _part(m[1]), m[3].lower()
    this = m[2].lower() == "this"
    if unit == "year":
        year = anchor.year if this else anchor.year - 1
        first, last = _year_part(year, part, anchor)
        return first, last, "month", "event", 0
    month = anchor if this else anchor.replace(day=1) - timedelta(days=1)
    first, last = month_span(month.year, month.month)
    if part in ("early", "beginning of", "start of"):
        last = first.replace(day=10)
    elif part in ("mid", "middle of"):
        first, last = first.replace(day=11), first.replace(day=20)
    elif part == "first half of":
        last = first.replace(day=15)
    elif part == "second half of":
        first = first.replace(day=16)
    else:  # late, end of
        first = first.replace(day=21)
    if first > anchor:
        raise ValueError(m.group())  # "late this month", said early in the month
    return first, min(last, anchor), "week", "event", 0

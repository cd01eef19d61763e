"""The year a sentence has set carries to the bare months after it.

"IS seized Palmyra in March 2016, and Qaryatayn in April": April is of 2016, not the April
before the report. A day or month named without a year ("in April", "on 5 August", "late
April") after a date of the same sentence that names its year takes that year (the next one
when its month comes before the year's date: "in December 2015, and in January" is January
2016), unless that would put it after the report's reference date. Not across sentences: a
paragraph that recalls 2014 goes on about this year's days as often as about that year's
(carried across sentences, it cost dev seven events).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from app.extraction.date_patterns import MONTHS
from app.extraction.patterns import lazy_compile

if TYPE_CHECKING:
    from app.extraction.dates import DateMention

_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b", 0)
_WORD = lazy_compile(r"[A-Za-z]+", 0)


def carried_years(found: list[DateMention], anchor: date) -> list[DateMention]:
    """The mentions (in text order) with a sentence's stated year carried to the bare day or
    month mentions after it; ``anchor`` is the reference date no date may pass."""
    base: DateMention | None = None
    out: list[DateMention] = []
    for d in found:
        if d.role == "event" and _YEAR.search(d.text):
            base = d
        elif base is not None and d.role == "event" and _named_month(d.text):
            d = _in_year_of(d, base, anchor)
        out.append(d)
    return out


def _named_month(text: str) -> bool:
    """Whether a mention names a month (and so a day or month of some year), not a weekday
    or a relative day ("yesterday", "last week")."""
    return any(w.lower() in MONTHS for w in _WORD.findall(text))


def _in_year_of(d: DateMention, base: DateMention, anchor: date) -> DateMention:
    """``d`` moved into the year of ``base`` (or the year after, for a month before
    ``base``'s), when that leaves it on or before ``anchor``."""
    year = base.last.year + (1 if d.first.month < base.first.month else 0)
    shift = year - d.first.year
    if shift == 0:
        return d
    try:
        first = d.first.replace(year=d.first.year + shift)
        last = d.last.replace(year=d.last.year + shift)
    except ValueError:  # 29 February in a year without one
        return d
    if last > anchor:
        return d
    return replace(d, first=first, last=last)

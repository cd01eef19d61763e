"""The dates told in each sentence of a report, and the day the report says it was reported.

A sentence that says when it was reported ("officials said on 7 August") counts its relative
dates from that day ("on Tuesday": the Tuesday before 7 August). The report's own day is
said in its lead, not of a statement told in background further down.
"""

from __future__ import annotations

import datetime as dt

from app.events import is_plausible
from app.extraction.date_scan import scan_dates
from app.extraction.datelines import after_dateline
from app.extraction.dates import DateMention, find_dates
from app.extraction.event_dates import MAX_AGE_DAYS
from app.extraction.text import Sentence

#: The last paragraph (counted from 0) of a report's lead: a headline line, then its opening.
LEAD = 1


def sentence_dates(
    sentence: Sentence, published: dt.date, day: dt.date | None = None
) -> list[DateMention]:
    """The sentence's dates; relative ones count from ``day`` (a daily note's) if given."""
    scan = scan_dates(sentence.text)
    found = after_dateline(
        sentence, find_dates(sentence.text, published, sentence.start, day, scan)
    )
    reported = [d for d in found if d.role == "report"]
    if reported and any(d.role != "report" for d in found):
        # "on Tuesday ... officials said on 7 August": the Tuesday before 7 August.
        again = find_dates(sentence.text, published, sentence.start, reported[0].last, scan)
        found = after_dateline(sentence, again)
    return found


def reported_day(
    dates: dict[int, list[DateMention]], paragraph_of: list[int], published: dt.date
) -> dt.date:
    """The day the report says it was reported: said in its opening paragraphs, not of a
    statement told in background further down ("X announced on 30 January that ..."); the
    publication date when it says none."""
    return next(
        (
            d.last
            for i, ds in dates.items()
            if paragraph_of[i] <= LEAD
            for d in ds
            if d.role == "report" and _reported_plausibly(d.last, published)
        ),
        published,
    )


def _reported_plausibly(said: dt.date, published: dt.date) -> bool:
    """A report cannot say it was reported after it was published, nor long before."""
    return is_plausible(said) and 0 <= (published - said).days <= MAX_AGE_DAYS

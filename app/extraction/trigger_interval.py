"""Which interval of the dates a sentence says is a trigger's own: the nearest date of its
clause, moved by what the clause says of it ("for a third day", "fighting raged for five
days", "three days after he was kidnapped", "the previous evening", "the following day")."""

from __future__ import annotations

import datetime as dt
import re

from app.extraction.cues import cued_search
from app.extraction.date_clauses import (
    across_and,
    after_aside,
    completed_by,
    said_of,
    since_before,
)
from app.extraction.dates import DateMention
from app.extraction.days_after import days_after
from app.extraction.deadlines import deadline_date
from app.extraction.durations import stated_span
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: What closes a clause between a trigger and a date ("announced it on Wednesday, two days
#: after troops pulled back ... on Monday": Monday is the pull-back's).
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:after|before|when|while|as|since)\b|"
    r"\bin (?:retaliation|response|revenge) (?:for|to)\b"  # "... on Monday in retaliation for"
)


def same_clause(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether a date is said in the trigger's own clause."""
    lo, hi = (
        sorted((trigger.end, mention.start))
        if mention.start >= trigger.end
        else sorted((mention.end, trigger.start))
    )
    return not _CLAUSE_BREAK.search(sentence.text[lo - sentence.start : hi - sentence.start])


def _clause_holds(sentence: Sentence, trigger: Trigger, at: int) -> bool:
    """Whether the text at ``at`` is in the trigger's own clause."""
    lo, hi = sorted((trigger.end, at)) if at >= trigger.end else (at, trigger.start)
    return not _CLAUSE_BREAK.search(sentence.text[lo - sentence.start : hi - sentence.start])


#: "for a second day", "into a third straight day", "for the second night in a row": the event
#: began that many days back.
_NTH_DAY = re.compile(
    r"\b(?:for|into) (?:a|the) (second|third|fourth|fifth|sixth) "
    r"(?:straight |consecutive |successive )?(?:day|night)\b",
    re.I,
)
#: The longest stated span that widens an event dated to one day (longer ones are campaigns).
_LASTED_DAYS = 10
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
#: How close after a trigger "the previous evening", "two days earlier" must come to be its own.
_NEXT_TO = 40


def own_interval(
    own: list[DateMention],
    follow: list[DateMention],
    trigger: Trigger,
    sentence: Sentence,
    movement: bool,
) -> tuple[dt.date, dt.date, DateMention]:
    """The interval of the trigger's own date: the nearest date of its clause, else the
    nearest of the sentence. "the following day" after the trigger moves it on from a date
    of another clause ("after a drone attack ... on 25 December, jets struck ... the
    following day": 26 December); a movement spans the two ("left on Monday and arrived the
    following day": Monday to Tuesday)."""
    # "a 19 September deadline set under an agreement signed in March": March.
    own = [d for d in own if not deadline_date(sentence, d)] or own
    pool = [d for d in own if same_clause(sentence, trigger, d)] or own
    pool = [d for d in pool if not across_and(sentence, trigger, d)] or (
        after_aside(own, trigger, sentence) or pool
    )
    # "emptied between June and August under a truce reached on 9 June": the truce's day.
    pool = [d for d in pool if said_of(sentence, trigger, d)] or pool
    chosen = min(pool, key=lambda d: abs(d.start - trigger.start))
    nth = cued_search(_NTH_DAY, sentence.text) if chosen.precision == "day" else None
    if nth is not None:
        # "fighting raged for a third day on Thursday": since Tuesday.
        return chosen.last - dt.timedelta(days=_NTH[nth[1].lower()] - 1), chosen.last, chosen
    lasted = stated_span(sentence.text) if chosen.first == chosen.last else None
    if (
        lasted is not None
        and lasted[0] <= _LASTED_DAYS
        and (
            not lasted[2]
            or _clause_holds(sentence, trigger, sentence.start + lasted[1])
            # the trigger in the words themselves: "after two days of fighting"; or the
            # words opening the sentence: "Over seven days, convoys took ..."
            or lasted[1] <= trigger.start - sentence.start < lasted[3]
            or lasted[1] == 0
        )
    ):
        # "Fighting raged for five days, and by Tuesday ...", "following a two-day
        # offensive": the days up to the one said (not "; he had been missing for two days").
        return chosen.last - dt.timedelta(days=lasted[0] - 1), chosen.last, chosen
    lag = days_after(sentence, trigger)
    if lag and not same_clause(sentence, trigger, chosen) and chosen.end <= trigger.start:
        # "released on Thursday, three days after he was kidnapped": the Monday before; not
        # "a day after a drone hit the field ... on Tuesday" (a day said after it: its own).
        shift = dt.timedelta(days=lag)
        return chosen.first - shift, chosen.last - shift, chosen
    earlier = next(
        (
            f
            for f in follow
            if f.offset_days < 0
            and 0 <= f.start - trigger.end <= _NEXT_TO
            and chosen.end <= trigger.start
            and same_clause(sentence, trigger, f)
        ),
        None,
    )
    if earlier is not None:
        # "pulled out on Thursday under a truce agreed the previous evening": a day before.
        day = chosen.first + dt.timedelta(days=earlier.offset_days)
        return day, day, chosen
    later = next(
        (f for f in follow if f.start > chosen.start and f.offset_days > 0),
        None,
    )
    if later is None:
        if completed_by(sentence, chosen):
            # "had taken the town by 21 May": that day or the day before; "began on 21 Sep
            # ... cleared by 23 Sep": since the day said before it.
            return since_before(own, chosen), chosen.last, chosen
        return chosen.first, chosen.last, chosen
    shifted = chosen.last + dt.timedelta(days=later.offset_days)
    if (
        not movement
        and later.start > trigger.end
        and same_clause(sentence, trigger, later)
        and not same_clause(sentence, trigger, chosen)
    ):
        # "fell on 26 June, and Dael negotiated its terms in the following days": the days on.
        return shifted, shifted + (later.last - later.first), chosen
    return chosen.first, shifted, chosen

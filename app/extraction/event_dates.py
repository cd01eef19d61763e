"""When an extracted event happened: the date a draft takes from its sentence (its own
interval: :mod:`app.extraction.trigger_interval`; moved by "N days after":
:mod:`app.extraction.days_after`), from the sentences around it, or from the report; and which
background events are kept (issue 9)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from app.extraction.cues import cued_search
from app.extraction.date_clauses import (
    continued_since,
    dates_trigger,
    earlier_clause,
    hours_after,
    in_other_relative,
    since_measure,
)
from app.extraction.dates import DateMention
from app.extraction.days_after import days_after, linked_day, place_lag
from app.extraction.durations import opening_span, span_before, stated_days
from app.extraction.event_builder import EventDraft
from app.extraction.narratives import continues, past_background
from app.extraction.trigger_interval import own_interval

#: A running tally ("350 people have been killed since the unrest began") is no one event.
TALLY = re.compile(
    r"\bha(?:s|ve) (?:been (?:killed|wounded|injured|detained|arrested|displaced|documented|"
    r"recorded)|(?:carried out|conducted|launched) (?:hundreds|dozens|scores|thousands|"
    r"more than|over))\b|\b[Tt]otal documented\b"
)
#: Text with no date of its own that would put it this long before the report is not an event.
MAX_AGE_DAYS = 365
#: Plural occurrences dated by a span longer than this are a trend, not one event.
_MONTH = 31


def dated_or_recent(draft: EventDraft, reported_at: dt.date) -> bool:
    """Background told with its own date ("in August 2016 Turkish troops took Jarablus") is an
    event of that date, and so is what goes on with it when it was told to the day; other
    text without a date of its own is held to :data:`MAX_AGE_DAYS`, and so are plurals dated
    by a year alone ("protests in 2019": a movement, not an event)."""
    plural = draft.trigger.text.lower().endswith("s")
    if plural and draft.date_mention is not None and (draft.date_end - draft.date).days > _MONTH:
        return False  # "air strikes intensified over the summer": a trend of a season, a year
    if (reported_at - draft.date_end).days <= MAX_AGE_DAYS:
        return True
    if draft.date_mention is None:
        # "On 3 August 2014 militants overran Sinjar. They killed thousands of men.": what
        # goes on with background told to the day is of that day; a month or a year of
        # background says too little to carry an undated sentence with it.
        return draft.precision == "day"
    return True


def attached(draft: EventDraft) -> bool:
    """Whether the draft was dated by a date said of a noun ("the agreement signed on 1 April")."""
    return draft.date_mention is not None and draft.date_mention.attached is not None


_WEEK = 7
_WEEK_SPAN = dt.timedelta(days=_WEEK)
#: "at the time", "at that time": the time the sentence before told of.
AT_THE_TIME = re.compile(r"\b(?:at|by|during) (?:the|that) (?:same )?time\b", re.I)


def date_draft(
    draft: EventDraft,
    dates: list[DateMention],
    drafts: list[EventDraft],
    reported_at: dt.date,
    paragraph_of: list[int],
    said: dt.date | None = None,
    before: Sequence[DateMention] = (),
    period: tuple[dt.date, dt.date] | None = None,
) -> None:
    """Date an event: its own date; "the following day" after the last event's (or after
    the one day the sentence just ``before`` it names, when no event was read there: "On
    Friday, thousands packed the square. Smaller rallies were held on the same day ...");
    the narrative's when it goes on with it; else some time in the week before the report
    (``reported_at``; ``said``: the day its sentence says it was reported, when it does), or
    the ``period`` the report says it covers."""
    own = [
        d
        for d in dates
        if d.role == "event"
        and dates_trigger(d, draft.trigger, draft.sentence)
        # "reached the crossing, which militants had seized in March 2019,": not its date
        and not in_other_relative(draft.sentence, draft.trigger, d)
        # "overran checkpoints, the worst violence since a deal in 2018": not its date
        and not since_measure(draft.sentence, draft.trigger, d)
    ]
    follow = [
        d
        for d in dates
        if d.role == "follow" and not earlier_clause(draft.sentence, draft.trigger, d)
    ]
    if own:
        movement = draft.spec.category == "movement"
        first, last, chosen = own_interval(own, follow, draft.trigger, draft.sentence, movement)
        first = continued_since(draft.sentence.text, dates, first)
        first -= dt.timedelta(days=hours_after(draft.sentence, draft.trigger, chosen))
        lag = place_lag(draft, chosen)
        if lag:
            # "took Qalaat al-Madiq on Thursday, a day after seizing Kafr Nabuda": Wednesday.
            first, last = first - dt.timedelta(days=lag), last - dt.timedelta(days=lag)
        precision = chosen.precision
        if precision == "day" and (last - first).days > 1:
            precision = "week"  # "fought for five days, and by Tuesday ..."
        draft.set_date(first, last, precision, chosen)
        return
    linked = linked_day(draft.sentence, draft.trigger, dates, drafts)
    lag = days_after(draft.sentence, draft.trigger) if linked is not None else 0
    if linked is not None and lag > 0:
        # "The strike came a day after militants fired rockets at Erbil": the day before the
        # strike just told (the sentence's subject).
        day = linked.date - dt.timedelta(days=lag)
        draft.set_date(day, day, "day", linked.date_mention)
        return
    if follow and (not drafts or (said is not None and follow[0].offset_days < 0)):
        # "Police said on Sunday that gunmen had attacked the post the previous day": from
        # the day the sentence says it was reported, or with no event told before, from the
        # date the sentence is anchored to.
        day = follow[0].first + dt.timedelta(days=follow[0].offset_days)
        draft.set_date(day, day, "day", follow[0])
        return
    if follow and drafts:
        # "the same day", "two days later": counted from the last event told to the day, not
        # from background told in between ("encircled in August 2019").
        base = next((d for d in reversed(drafts) if d.precision == "day"), drafts[-1])
        here = [d for d in drafts if d.sentence.index == draft.sentence.index]
        if here and here[-1].precision == "week":
            # "found shot dead; he had been abducted two days earlier", the finding some day
            # of the report's week: as long before that week, not before another event's day.
            base = here[-1]
        mention = base.date_mention
        if mention is not None and mention.role == "follow" and mention.start == follow[0].start:
            # "A day earlier, troops killed two militants and arrested a third": the day the
            # killing was dated by the same phrase, not a day before it.
            draft.set_date(base.date, base.date_end, base.precision, follow[0])
            return
        span = follow[0].last - follow[0].first  # "over the following three days"
        index = draft.sentence.index
        just_before = [d for d in drafts if d.sentence.index == index - 1]
        if just_before and paragraph_of[index - 1] == paragraph_of[index] and span.days:
            # "pushed into the district in August 2014. Fighters pushed them back in the days
            # that followed": days on from the event of the sentence right before, dated as
            # it is (a single day, "on the same day", needs an event told to the day).
            base = just_before[-1]
        shift = dt.timedelta(days=follow[0].offset_days)
        precision = "week" if span.days > 1 else base.precision
        first, last = base.date, base.date_end
        days = [d for d in before if d.role == "event" and d.precision == "day"]
        if len(days) == 1 and base.sentence.index < draft.sentence.index - 1:
            first, last, precision = days[0].first, days[0].last, "day"
        # Not after the report: "in the days that followed" a Monday, reported on Saturday.
        last = max(first + shift, min(last + shift + span, reported_at))
        draft.set_date(first + shift, last, precision, follow[0])
        return
    then = [d for d in before if d.role == "event"]
    if then and cued_search(AT_THE_TIME, draft.sentence.text):
        # "In December 2015 ISIS attacked the lines. Soldiers at a camp nearby also came
        # under fire at the time.": the date of the sentence before.
        draft.set_date(then[0].first, then[0].last, then[0].precision, then[0])
        return
    said_days = {(d.first, d.last): d for d in before if d.role == "event" and d.precision == "day"}
    index = draft.sentence.index
    if (
        len(said_days) == 1
        and index > 0
        and paragraph_of[index - 1] == paragraph_of[index]
        and not any(d.sentence.index == index - 1 for d in drafts)
    ):
        # "US officials met the two sides on Sunday. Both sides agreed to ...": the day of
        # the sentence just before, which told no event of its own.
        (told_day,) = said_days.values()
        first, last = opening_span(draft.sentence.text, told_day.first, told_day.last)
        draft.set_date(first, last, "day" if (last - first).days <= 1 else "week", told_day)
        return
    # The narrative's date, not one said of a noun ("the agreement signed on 1 April"),
    # when the event goes on with it.
    narrative = next((d for d in reversed(drafts) if not attached(d)), None)
    if (
        narrative is not None
        and continues(draft, narrative, paragraph_of)
        and not past_background(draft, narrative, paragraph_of, reported_at)
        # "The SDF said on Friday that forces were reinforcing ...": news of that week, not
        # of the background event told before; nor of a narrative day after the one it was
        # said ("looting on Thursday" then "Abadi said on Tuesday that troops had entered").
        and (said is None or narrative.date <= said <= narrative.date_end + _WEEK_SPAN)
    ):
        if said is not None and narrative.date_end < said:
            # "The Asayish said on Sunday it had detained 11 suspects" after Saturday's
            # killing: between the two.
            gap = (said - narrative.date).days
            wider = narrative.precision in ("month", "year")
            precision = narrative.precision if wider else "day" if gap <= 1 else "week"
            draft.set_date(narrative.date, said, precision, None)
            return
        if said is None and narrative.precision == "day" and _within_week(narrative, reported_at):
            # "Militants pulled back to al-Susah, where fighting continued": no date of its
            # own, so some time in the week before the report, which holds the narrative's day.
            week = period or (reported_at - dt.timedelta(days=_WEEK), reported_at)
            draft.set_date(*week, "week", None)
            return
        if said is not None and narrative.date <= said < narrative.date_end:
            # "The ministry said on 24 June it had arrested members of the cell" after a
            # bombing of that week: by the day it was said.
            draft.set_date(narrative.date, said, narrative.precision, None)
            return
        draft.set_date(narrative.date, narrative.date_end, narrative.precision, None)
        return
    lasted = stated_days(draft.sentence.text)
    if lasted is not None:
        # "completed a 24-day sweep of the camp": the days up to when it was reported.
        first, last = span_before(reported_at, lasted)
        draft.set_date(first, last, "week" if lasted <= 10 else "month", None)
        return
    # Nothing said: some time in the week before it was reported (or the week the report
    # says it covers).
    draft.set_date(*(period or (reported_at - dt.timedelta(days=7), reported_at)), "week", None)


def _within_week(narrative: EventDraft, reported_at: dt.date) -> bool:
    """Whether the narrative's interval lies in the week before the report."""
    return (
        reported_at - dt.timedelta(days=_WEEK)
        <= narrative.date
        <= narrative.date_end
        <= reported_at
    )

"""When an extracted event happened: which date mentions belong to a trigger, which background
events are kept, and which references to earlier events are events of their own (issue 9)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from app.extraction.cues import cued_search
from app.extraction.date_clauses import (
    across_and,
    after_aside,
    completed_by,
    continued_since,
    dates_trigger,
    earlier_clause,
    hours_after,
    in_other_relative,
    said_of,
    since_before,
    since_measure,
)
from app.extraction.dates import DateMention
from app.extraction.deadlines import deadline_date
from app.extraction.durations import opening_span, span_before, stated_days, stated_span
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.narratives import continues, past_background
from app.extraction.text import Sentence

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


#: "three days after he was kidnapped", "11 days after they were abducted": what was done to
#: someone that long before the date of the sentence; and so is what its subject did when the
#: trigger is the clause's verb ("two days after U.S. troops pulled out", "a day after seizing
#: the town"). A trigger further on ("a day after Turkish jets opened the offensive": the
#: noun of another verb) links to news told elsewhere and keeps the sentence's date.
_DAYS_AFTER = re.compile(
    r"\b(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|a few)\s+(days?|weeks?)\s+"
    r"(after|before)\s+(?:(?:[\w-]+\s+){1,2}(?:was|were|had been)\s+|"
    r"(?P<subject>(?:[\w.'’-]+\s+){0,4}))$",
    re.I,
)
#: A word of the subject before an active trigger: no verb ("opened", "launching") in it.
_VERB_LIKE = re.compile(r"^[a-z]+(?:ed|ing)$|^(?:had|has|have|was|were|is|are|took|began)$", re.I)
#: "a day after jets opened the offensive": the start of the campaign the sentence goes on with.
_OPENING = re.compile(r"(?:open|launch|start|beg[ia]n)\w*\b", re.I)
_COUNTS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def days_after(sentence: Sentence, trigger: Trigger) -> int:
    """How many days before the sentence's date a trigger lies when "N days after" leads its
    clause ("freed on Thursday, three days after he was kidnapped": 3), or after it when "N
    days before" does (-N); 0 otherwise (and for "a few days", which gives no day)."""
    at = trigger.start - sentence.start
    match = _DAYS_AFTER.search(sentence.text[max(0, at - 50) : at])
    if match is None or match[1].lower() not in _COUNTS and not match[1].isdigit():
        return 0
    subject = match["subject"]
    if subject is not None and (
        any(_VERB_LIKE.match(word) for word in subject.split()) or _OPENING.match(trigger.text)
    ):
        return 0
    n = int(match[1]) if match[1].isdigit() else _COUNTS[match[1].lower()]
    n = n * 7 if match[2].lower().startswith("week") else n
    # "shelled Zakho on 3 May, a week before its jets struck Batifa": a week later.
    return -n if match[3].lower() == "before" else n


#: "..., a day after seizing the town of ": what comes before a place told in such a clause.
_PLACE_AFTER = re.compile(
    r"\b(a|one|two|three|four|five|six|seven)\s+days?\s+after\s+(?:[\w'’-]+\s+){1,6}$", re.I
)


def place_lag(draft: EventDraft, chosen: DateMention) -> int:
    """How many days before the sentence's date an event lies whose place is told in an "N days
    after" clause that follows the date ("entered Raqqa on Sunday, a day after taking al-Tabqa":
    the Saturday); 0 otherwise, and when the trigger's own "N days after" has moved it."""
    location = draft.location
    if location is None or draft.inherited_location:
        return 0
    sentence, at = draft.sentence, location.mention.start
    if not sentence.start <= at <= sentence.end:
        return 0
    lo = max(chosen.end, at - 60)
    if lo >= at:
        return 0
    match = cued_search(_PLACE_AFTER, sentence.text[lo - sentence.start : at - sentence.start])
    if match is None or days_after(sentence, draft.trigger):
        return 0
    return _COUNTS[match[1].lower()]


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

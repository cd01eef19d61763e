"""Which clause a date belongs to, and what its preposition says of the day (issue 9).

"Troops entered the town on 11 December after the militia, which had moved in on 6
December, pulled out": the date inside the relative clause tells when the militia moved in,
not when it pulled out. "By Wednesday morning a truce had taken hold", "had taken the town by
21 May": done by that day, so on it or the day before. A date said of a noun ("the truce
reached on 9 June", "the 11 May count") dates that noun's event only.
"""

from __future__ import annotations

import datetime as dt
import re

from app.extraction.cues import cued_search
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: The opening of a relative clause set off by a comma: ", which had moved in on 6 December".
#: A clause in the past perfect: what it tells happened before, and is another thing ("the
#: first city to fall to the militants, who overran it in January 2014" is the fall itself);
#: and what a clause says happened at a place (", where they fled after ... on Sunday").
_RELATIVE_OPEN = re.compile(
    r",\s*(?:(?:which|who|whom|whose|where)\b[^,;:()]*\bhad\b|where\b)[^,;:()]*$", re.I
)
#: What closes such a clause after its date.
_RELATIVE_CLOSE = re.compile(r"[,;:()]")
#: "Clashes, which began on Friday, ended today": a clause telling when the trigger's own
#: occurrence began is about it.
_BEGAN = re.compile(r"\b(?:began|started|erupted|broke out)\b", re.I)
#: "by 21 May", "By Wednesday morning": the words right before a date of completion.
_BY_BEFORE = re.compile(r"\b[Bb]y\s+(?:the\s+)?$")


def in_other_relative(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether the date is said inside a relative clause in the past perfect (", which had
    moved in on 6 December,") that does not hold the trigger."""
    before = sentence.text[: mention.start - sentence.start]
    opened = _RELATIVE_OPEN.search(before)
    if opened is None:
        return False
    start = sentence.start + opened.start()
    closed = _RELATIVE_CLOSE.search(sentence.text, mention.end - sentence.start)
    end = sentence.end if closed is None else sentence.start + closed.start()
    if _BEGAN.search(sentence.text, opened.start(), end - sentence.start):
        return False
    return not start <= trigger.start < end


#: "the worst violence since a deal in 2018", "the first such raid since the city fell in
#: 2017": a measure against an earlier occurrence, up to the date said of it.
_SINCE_MEASURE = re.compile(
    r"\b(?:worst|biggest|largest|deadliest|heaviest|fiercest|bloodiest|highest|first|"
    r"most\s+\w+)\b[^,;:()]*?\bsince\b[^,;:()]*$",
    re.I,
)


def since_measure(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether the date is the one of the earlier occurrence a superlative measures the
    trigger's event against ("the worst violence since a deal in 2018"), the trigger before."""
    if trigger.start >= mention.start:
        return False
    before = sentence.text[: mention.start - sentence.start]
    measure = _SINCE_MEASURE.search(before)
    return measure is not None and sentence.start + measure.start() > trigger.start


def completed_by(sentence: Sentence, mention: DateMention) -> bool:
    """Whether a day is the day by which something was done ("by 21 May", "by Wednesday")."""
    if mention.first != mention.last or mention.precision != "day":
        return False
    if mention.text[:3].lower() == "by ":
        return True
    at = mention.start - sentence.start
    return _BY_BEFORE.search(sentence.text, max(0, at - 8), at) is not None


#: "retaken on 24 January and launched their assault on 19 February": a verb coordinated
#: after "and" opens a clause of its own.
_AND = re.compile(r"\band\b")


def across_and(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether an "and" lies between the trigger and the date."""
    if mention.start >= trigger.end:
        lo, hi = trigger.end, mention.start
    else:
        lo, hi = mention.end, trigger.start
    return _AND.search(sentence.text, lo - sentence.start, hi - sentence.start) is not None


def after_aside(own: list[DateMention], trigger: Trigger, sentence: Sentence) -> list[DateMention]:
    """The dates said after a trigger with no "and" between, when every date of its clause is
    another verb's across an "and": "broke the siege in early September and took Mayadin,
    further downstream, on 14 October" (the date after the aside is the taking's)."""
    return [
        d
        for d in own
        if 0 <= d.start - trigger.end <= _ASIDE_REACH
        and not across_and(sentence, trigger, d)
        and not _OTHER_CLAUSE.search(
            sentence.text[trigger.end - sentence.start : d.start - sentence.start]
        )
    ]


#: How far after the trigger such a date may be; and what opens another clause before it
#: ("burned tyres, demanding the fate of a man who was abducted at the weekend").
_ASIDE_REACH = 60
_OTHER_CLAUSE = re.compile(
    r"[;:()]|\b(?:who|whom|which|that|where|when|while|after|before|as|since|until)\b", re.I
)


#: "hours after": what the clause tells happened the same day or the day before.
_HOURS_AFTER = re.compile(r"\bhours after\b", re.I)
#: How far before the trigger the words may be.
_HOURS_REACH = 80
#: The early hours of the day said ("early on Wednesday", "overnight"): hours before them may
#: be the evening before ("closed the roads on 6 March, hours after a car bomb": the 6th).
_EARLY = re.compile(r"\b(?:early|overnight|dawn|pre-dawn|morning)\b", re.I)


def hours_after(sentence: Sentence, trigger: Trigger, chosen: DateMention) -> int:
    """1 when the trigger is told in an "hours after" clause that follows the date it took
    said of the early hours ("struck the depot early on Wednesday, hours after the group fired
    a missile": Tuesday or Wednesday), else 0; a date said after the words is the clause's own."""
    at = trigger.start - sentence.start
    found = _HOURS_AFTER.search(sentence.text, max(0, at - _HOURS_REACH), at)
    if found is None or chosen.end - sentence.start > found.start():
        return 0
    lo, hi = chosen.start - sentence.start, chosen.end - sentence.start
    return int(_EARLY.search(sentence.text, max(0, lo - 12), hi + 12) is not None)


#: The most days a "by" date spans back to a day said before it in the sentence.
_BY_REACH = 10


def since_before(own: list[DateMention], by: DateMention) -> dt.date:
    """The first day of what was done ``by`` a day: the latest earlier day said before it
    in the sentence ("began on 21 Sep ... cleared by 23 Sep": the 21st), else the day before."""
    earlier = [
        d.first
        for d in own
        if d.end <= by.start
        and d.precision == "day"
        and d.first == d.last
        and 0 < (by.first - d.first).days <= _BY_REACH
    ]
    return max(earlier, default=by.first - dt.timedelta(days=1))


def other_date(dates: list[DateMention], draft: EventDraft) -> bool:
    """Whether the sentence names a day outside the draft's interval: "the same facility ...
    on 25 January" is an earlier event told in background, not more about this one."""
    return any(
        d.role == "event" and (d.last < draft.date or d.first > draft.date_end) for d in dates
    )


#: "continued on Friday the campaign launched on Thursday": the trigger goes on with a thing
#: begun on the day said of it.
_CONTINUED = re.compile(r"\b(?:continued|pressed on with|kept up|resumed)\b", re.I)


def continued_since(text: str, dates: list[DateMention], first: dt.date) -> dt.date:
    """The first day of an event that goes on with a thing begun earlier ("security forces
    continued on Friday the campaign launched on Thursday, arresting 27": since Thursday):
    the day said of that thing, when it is before ``first`` and at most ten days before."""
    if not cued_search(_CONTINUED, text):
        return first
    begun = [
        d.first
        for d in dates
        if d.role == "event"
        and d.attached == "previous"
        and d.precision == "day"
        and 0 < (first - d.first).days <= _BY_REACH
    ]
    return min(begun, default=first)


#: A date said of the trigger's own noun: "the truce reached on 9 June", "a deal, signed in May",
#: "a ceasefire announced late on Wednesday" (a weekday's mention holds its "on").
_SAID_OF = re.compile(
    r",?\s+(?:signed|agreed|reached|brokered|concluded|sealed|announced|declared)\s+"
    r"(?:(?:late|early)\s+)?(?:(?:on|in)\s+)?$",
    re.I,
)
#: A finite verb ("demonstrated", "struck"), not the noun an attributive date is said of.
_FINITE = re.compile(r"\w+ed\b(?!\s+(?:by|with)\b)", re.I)


def dates_trigger(mention: DateMention, trigger: Trigger, sentence: Sentence) -> bool:
    """An attributive date ("Thursday's bombing", "the agreement signed on 1 April") dates only
    the event named right there, not the other events of the sentence."""
    gap = _between(sentence, mention.end, trigger.start)
    if mention.attached == "next":
        # "angry at the 11 May count demonstrated": the count's date, not the protest's.
        return 0 <= trigger.start - mention.end <= 12 and not (
            _FINITE.match(trigger.text) and re.search(r"\w\s", gap)
        )
    if mention.attached == "previous":
        return 0 <= mention.start - trigger.end <= 40 or bool(_AND_CLAUSE.search(gap))
    return True


#: "A ceasefire announced on 18 January took hold, and the SDF pulled back": a clause joined
#: after the one whose subject the date was said of goes on on that day.
_AND_CLAUSE = re.compile(r",\s+and\s+(?:[\w'’-]+\s+){1,4}$")


def _between(sentence: Sentence, start: int, end: int) -> str:
    """The sentence's text from ``start`` to ``end`` (empty when they are the wrong way round)."""
    return sentence.text[start - sentence.start : end - sentence.start] if start <= end else ""


def said_of(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether a date is said of the trigger's own noun by a participle right after it ("a
    truce reached on 9 June"): the truce's day, before a span told nearby ("emptied between
    June and August")."""
    return bool(_SAID_OF.match(_between(sentence, trigger.end, mention.start)))


def earlier_clause(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """Whether a follow-up back in time is said in a clause of its own after the trigger's
    ("a body was found in an orchard; he had been abducted two days earlier"): the
    abduction's, not the finding's."""
    if mention.offset_days >= 0 or mention.start < trigger.end:
        return False
    return ";" in _between(sentence, trigger.end, mention.start)

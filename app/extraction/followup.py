"""Sentences that go on about an event already drafted: what they add, and when a sentence
that seems to refer back is news of its own."""

from __future__ import annotations

import re

from app.events import Strength
from app.extraction import locate, roles
from app.extraction.actors import ActorMention
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import BY_NAME, HABITUAL, MODAL, REFERENCE, Trigger
from app.extraction.quantities import fatalities
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence


def news(
    sentence: Sentence,
    dates: list[DateMention],
    placed: list[ResolvedMention],
    recent: EventDraft | None,
) -> bool:
    """ "The protests spread on Wednesday to Nasiriyah": a reference with a date and places of
    its own that the event it refers to does not have is a new event."""
    if recent is None or not dates or not placed:
        return False
    known = recent.location.place if recent.location is not None else None
    placed = [m for m in placed if locate.rank(m) < locate.SPECIFICITY["mountain"]]
    return (
        bool(placed)
        and all(m.place != known for m in placed)
        and any(d.first != recent.date or d.last != recent.date_end for d in dates)
    )


def other_date(dates: list[DateMention], draft: EventDraft) -> bool:
    """Whether the sentence names a day outside the draft's interval: "the same facility ...
    on 25 January" is an earlier event told in background, not more about this one."""
    return any(
        d.role == "event" and (d.last < draft.date or d.first > draft.date_end) for d in dates
    )


def merge(
    previous: EventDraft,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    reading: roles.Reading,
    origin: ResolvedMention | None = None,
    force: tuple[Strength, int, int] | None = None,
) -> None:
    """A sentence that goes on about an event already drafted adds to it."""
    if origin is not None and previous.origin is None and previous.category == "movement":
        previous.origin = origin
        if previous.spec.name == "troop_deployment":
            previous.spec = BY_NAME["troop_movement"]
    if force is not None and previous.strength is None:
        previous.strength = force
    dead = fatalities(sentence.text, sentence.start)
    if dead is not None and previous.fatalities is None and trigger.spec.group == "violence":
        previous.fatalities = dead
    roles.merge(previous, actors, reading)


def dated_reference(
    sentence: Sentence, dates: list[DateMention], drafts: list[EventDraft], trigger: Trigger
) -> bool:
    """ "In response to the drone attack of 28 January", "after a drone attack wounded three
    soldiers on 25 December": a reference to an earlier event that gives its own date is
    that event, told in background; unless it is one already drafted (a repeat)."""
    before = sentence.text[
        max(0, trigger.start - sentence.start - 60) : trigger.start - sentence.start
    ]
    if not REFERENCE.search(before) or MODAL.search(before) or HABITUAL.search(sentence.text):
        return False
    if re.search(r"\b(?:string|series|wave) of\s", before):
        return False  # "a string of drone attacks": a series, not one event
    own = [
        d
        for d in dates
        if d.role == "event"
        and (d.precision == "day" or any(c.isdigit() for c in d.text))
        and own_date(sentence, trigger, d)
    ]
    return bool(own) and not any(
        d.spec.group == trigger.spec.group
        and d.date_mention is not None  # a draft dated by default is no repeat of a stated day
        and d.date <= own[0].last
        and own[0].first <= d.date_end
        for d in drafts
    )


def own_date(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """The date is said of this trigger: "Sunday's attack", or later in the same clause."""
    if mention.attached == "next":
        return 0 <= trigger.start - mention.end <= 12
    between = sentence.text[trigger.end - sentence.start : mention.start - sentence.start]
    return 0 <= mention.start - trigger.end <= 80 and not re.search(r"[,;:]", between)


def without_summaries(drafts: list[EventDraft], countries: list[str]) -> list[EventDraft]:
    """ "16 airstrikes against ISIL targets in Iraq" above a list of strikes near named towns:
    the country-wide line sums up the others, it is not one more event (a strike on a base in
    Jordan, the report's only place there, is one)."""

    def wide(d: EventDraft) -> bool:
        place = d.location.place if d.location is not None else None
        return place is not None and place.family == "country" and place.country in countries

    return [
        d
        for d in drafts
        if not wide(d)
        or not any(o.spec.name == d.spec.name and o.location and not wide(o) for o in drafts)
    ]

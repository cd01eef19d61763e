"""Which references to earlier events are events of their own, told in background with a
date of their own (issue 9): "after a drone attack wounded three soldiers on 25 December",
"who were deployed there in December 2015", "since August 2014, when militants killed ...".
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.dates import DateMention
from app.extraction.days_after import days_after, linked_day
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import HABITUAL, MODAL, REFERENCE, Trigger, same_kind
from app.extraction.irrealis import own_clause, planned
from app.extraction.named_dates import named_date
from app.extraction.occurrences import known_agreement, without_month_may
from app.extraction.text import Sentence


def dated_reference(
    sentence: Sentence, trigger: Trigger, dates: list[DateMention], drafts: list[EventDraft]
) -> bool:
    """ "In response to the drone attack of 28 January", "after a drone attack wounded three
    soldiers on 25 December": a reference to an earlier event that gives its own date is
    that event, told in background; unless it is one already drafted (a repeat)."""
    before = sentence.text[
        max(0, trigger.start - sentence.start - 60) : trigger.start - sentence.start
    ]
    if MODAL.search(own_clause(without_month_may(before))):
        return False
    if planned(sentence.text, trigger.start - sentence.start):
        return False  # "protests planned for 25 October": still to come, date or not
    named = named_date(sentence, trigger, dates)
    if named is not None:
        # "the deal of July 2018", "the Sinjar Agreement, which Baghdad and Erbil signed on 9
        # October 2020": the event named with the day it was made.
        return not _repeats(trigger, named, drafts)
    if known_agreement(sentence, trigger):
        return False  # "under the agreement": one made before, named again without its day
    told_when = _when_clause(sentence, trigger, dates)
    if told_when is not None:
        # "Tensions remain high after 2 September, when four protesters were killed": the
        # clause after the date tells what happened that day.
        return not _repeats(trigger, told_when, drafts)
    if _habitual(sentence, trigger):
        return False
    if not REFERENCE.search(before):
        return _dated_background(sentence, trigger, dates, drafts)
    if (days_after(sentence, trigger) or _HOURS_AFTER.search(before)) and any(
        d.role == "event" and d.precision == "day" and d.end <= trigger.start for d in dates
    ):
        # "sent troops into A on 17 June, two days after air strikes on B": the strikes have
        # a day of their own, counted back from the main clause's ("hours after": the same
        # day); de-duplication folds one told before
        return True
    if days_after(sentence, trigger) > 0 and linked_day(sentence, trigger, dates, drafts):
        # "The strike came a day after militants fired rockets at Erbil": counted back from
        # the day of the event the sentence's subject names again, the one just told.
        return True
    own = [
        d
        for d in dates
        if d.role == "event"
        and (
            d.precision == "day"
            or any(c.isdigit() for c in d.text)
            or (d.precision == "month" and bool(_MONTH_NAME.search(d.text)))
        )
        and own_date(sentence, trigger, d)
    ]
    if not own and drafts:
        # "responding to a rocket fired at its base the previous night": a day counted back
        # from the event just told.
        own = [
            d
            for d in dates
            if d.role == "follow"
            and d.offset_days < 0
            and d.start >= trigger.end
            and own_date(sentence, trigger, d)
        ]
    if re.search(r"\b(?:string|series|wave) of\s", before):
        # "a string of drone attacks": a series, not one event; but "a second wave of
        # demonstrations began on 25 October in A and B" happened that day, in each.
        own = [d for d in own if d.precision == "day" and _NEW_WAVE.search(before + trigger.text)]
    return bool(own) and not any(
        d.spec.group == trigger.spec.group
        and same_kind(d.spec, trigger.spec)
        and d.date_mention is not None  # a draft dated by default is no repeat of a stated day
        and d.date <= own[0].last
        and own[0].first <= d.date_end
        and _told_here(d, sentence)
        for d in drafts
    )


#: "hours after a car bomb exploded": the same day as the main clause's.
_HOURS_AFTER = re.compile(r"\bhours (?:after|before)\s+(?:[\w.'’-]+\s+){0,4}$", re.I)
#: "after 2 September, when": a date that the "when" clause after it tells of.
_WHEN_AFTER = re.compile(r",?\s+when\s+[^;:]*$")


def _when_clause(
    sentence: Sentence, trigger: Trigger, dates: list[DateMention]
) -> DateMention | None:
    """The date in figures right before a "when" clause holding the trigger."""
    for d in dates:
        if (
            d.role != "event"
            or d.end > trigger.start
            or not (_FIGURES.search(d.text) or _MONTH_NAME.search(d.text))
        ):
            continue
        gap = sentence.text[d.end - sentence.start : trigger.start - sentence.start]
        if len(gap) <= 80 and _WHEN_AFTER.match(gap):
            return d
    return None


def _told_here(draft: EventDraft, sentence: Sentence) -> bool:
    """Whether a sentence may tell a drafted event again: it names the draft's place, or the
    draft has none ("hours after a drone attack on the academy in Homs on Thursday" is not
    the air strikes on Idlib that began that Thursday)."""
    where = draft.location
    return where is None or where.mention.text in sentence.text


def _repeats(trigger: Trigger, own: DateMention, drafts: list[EventDraft]) -> bool:
    """Whether an event of the trigger's group was already drafted on that date."""
    return any(
        d.spec.group == trigger.spec.group
        and same_kind(d.spec, trigger.spec)
        and d.date_mention is not None
        and d.date <= own.last
        and own.first <= d.date_end
        for d in drafts
    )


def _habitual(sentence: Sentence, trigger: Trigger) -> bool:
    """A habit or a state, not one event; but in "relations have been strained since the
    government arrested X on 26 May" the arrest after "since" is the one event it dates from."""
    habit = cued_search(HABITUAL, sentence.text)
    if habit is None:
        return False
    return not (
        habit.group().lower().endswith("since") and habit.end() <= trigger.start - sentence.start
    )


#: "a second wave of protests began on 25 October": a series that starts on a day.
_NEW_WAVE = re.compile(r"\b(?:second|third|new|fresh|first) wave of\b", re.I)
#: "who were deployed there in December 2015": a relative clause that tells background.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|where) (?:had |has |have |were |was )?[^,;]*$")
#: "last June", "in September": a month named by its name, not "last month".
_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
#: A date that names its day, month or year in figures ("on 13 November 2015", "in 2019").
_FIGURES = re.compile(r"\d")
#: A quotation or a tally stays what it is whatever its date.
_NOT_BACKGROUND = re.compile(r'["\u201c\u201d]|\bha(?:s|ve) been\b|\bsince\b')


def _dated_background(
    sentence: Sentence, trigger: Trigger, dates: list[DateMention], drafts: list[EventDraft]
) -> bool:
    """ "500 Turkish troops at a base near Bashiqa, who were deployed there in December 2015";
    "Peshmerga forces, backed by air strikes, drove Islamic State out of Sinjar on 13
    November 2015": an event told in background with a date of its own in figures, right
    after it in its clause, and more than a week before the report, is an event of that
    date, whatever relative clause or aside it is told in."""
    if _NOT_BACKGROUND.search(sentence.text):
        return False
    own = [
        d
        for d in dates
        if d.role == "event"
        and d.start > trigger.start
        and (_FIGURES.search(d.text) or _MONTH_NAME.search(d.text))
        and own_date(sentence, trigger, d)
    ]
    return bool(own) and not any(
        d.spec.group == trigger.spec.group
        and same_kind(d.spec, trigger.spec)
        and d.date_mention is not None
        and d.date <= own[0].last
        and own[0].first <= d.date_end
        for d in drafts
    )


def own_date(sentence: Sentence, trigger: Trigger, mention: DateMention) -> bool:
    """The date is said of this trigger: "Sunday's attack", or later in the same clause."""
    if mention.attached == "next":
        return 0 <= trigger.start - mention.end <= 12
    between = sentence.text[trigger.end - sentence.start : mention.start - sentence.start]
    # "arrested a senior commander, Qasim Muslih, in Anbar on 26 May": a name in apposition
    # does not close the clause.
    # "a drone hit the Sarsang field, operated by HKN, in Duhok on Tuesday": nor does an
    # aside that describes the place hit.
    between = _PLACE_ASIDE.sub(" ", _APPOSITION.sub(" ", between))
    return (
        0 <= mention.start - trigger.end and len(between) <= 80 and not re.search(r"[,;:]", between)
    )


_APPOSITION = re.compile(r",\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,")
_PLACE_ASIDE = re.compile(
    r",\s+(?:an?|operated by|run by|held by|controlled by|home to|used by)\s[^,;:]{0,80},"
)

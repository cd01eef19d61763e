"""Events dated by a count of days from another ("three days after he was kidnapped", "a day
after seizing the town"): how many days before (or after) the sentence's date they lie."""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.linked_events import link_at
from app.extraction.text import Sentence

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
#: A verb whose object noun is the act itself ("fired rockets", "set off a car bomb").
_ACT_VERB = re.compile(r"^(?:fired|lobbed|dropped|detonated|planted|shelled)$", re.I)
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
    words = subject.split() if subject is not None else []
    if words and _ACT_VERB.match(words[-1]):
        words = words[:-1]  # "a day after militants fired rockets": the rockets are the act
    if subject is not None and (
        any(_VERB_LIKE.match(word) for word in words) or _OPENING.match(trigger.text)
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


def linked_day(
    sentence: Sentence, trigger: Trigger, dates: list[DateMention], drafts: list[EventDraft]
) -> EventDraft | None:
    """ "The strike came a day after ...": the event drafted last, when the sentence opens with
    a subject and a link verb that the trigger follows (the subject names that event again),
    that event was told in an earlier sentence with a day of its own, and the sentence
    names no date of its own."""
    if not drafts or any(d.role == "event" for d in dates):
        return None  # "... came after they agreed on Sunday, a day after the attack": that day
    link = link_at(sentence.text)
    if link is None or trigger.start < sentence.start + link[1]:
        return None
    last = drafts[-1]
    if last.sentence.index >= sentence.index:
        return None
    told = last.date_mention
    if told is None or told.precision != "day" or last.date != last.date_end:
        return None
    return last

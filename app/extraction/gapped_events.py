"""A sentence that names only places and a date after an event: the same kind of event again.

"Rebels took Saraqib on 3 March. Kafranbel followed on 9 March": the second sentence has no
trigger word; its verb "followed" says the place named went the way the event just told did,
on a day of its own. It is one more event of that type there and then (and, with "Binnish and
Taftanaz followed in April", one in each place). Only a proper name (or a list of them) before
"followed" counts, so "another wave followed" or "a lull followed" stay with the rules that
read their nouns.
"""

from __future__ import annotations

import re

from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

_NAME = r"(?-i:(?:al-|el-|ad-|as-|ar-|an-|at-)?[A-Z][\w'-]*)(?: (?-i:[A-Z][\w'-]*|al-\w+))*"
#: "Hama followed on 5 December", "Dael and Ibta followed in the following days", "Homs
#: followed at the weekend": the subject a name (or names), the date right after the verb.
_FOLLOWED = re.compile(
    r"^\W*(?:then\s+|soon\s+)?" + _NAME + r"(?:(?:,|,? and) " + _NAME + r")*"
    r"(?:,[^,]{1,40},)? (?:soon |quickly |then )?(?P<verb>followed)(?: suit)?,?"
    r" (?=(?:on|in|at|during|within|by|days? later|weeks? later|a (?:day|week|month) later|"
    r"the (?:next|following) (?:day|week|month))\b)",
    re.I,
)
#: How far back the event that the place followed may be told (in sentences).
_REACH = 1


def gapped_trigger(
    sentence: Sentence, triggers: list[Trigger], drafts: list[EventDraft]
) -> tuple[Trigger, EventDraft] | None:
    """The trigger of a sentence that tells a place followed the event just drafted (the
    verb "followed", of the type of that event) and that event; None when the sentence has
    triggers of its own, does not open with a name and "followed", or no event was told
    just before."""
    if triggers:
        return None
    match = _FOLLOWED.match(sentence.text)
    if match is None:
        return None
    told = [d for d in drafts if 0 < sentence.index - d.sentence.index <= _REACH]
    if not told:
        return None
    # The event of the sentence's main clause, told first: "rebels seized Aleppo after
    # government troops withdrew. Hama followed" is one more town seized.
    told = [d for d in told if d.sentence.index == told[-1].sentence.index]
    # The trigger spans the names and the verb, so the places it is nearest are the names.
    start, end = sentence.start + match.start(), sentence.start + match.end("verb")
    return Trigger(
        told[0].spec, start, end, sentence.text[match.start() : match.end("verb")]
    ), told[0]


def followed_drafts(drafts: list[EventDraft], followed: EventDraft) -> list[EventDraft]:
    """The events of places named before "followed" (not those of a later clause: "Hama
    followed on 5 December, and Homs on Saturday"); with no actor of their own, they take
    those of the event they followed."""
    kept = [
        d
        for d in drafts
        if d.location is not None and d.trigger.start <= d.location.mention.start < d.trigger.end
    ]
    for draft in kept:
        if not draft.actors:
            draft.actors = list(followed.actors)
    return kept

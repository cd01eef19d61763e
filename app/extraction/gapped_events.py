"""A sentence that names only places and a date after an event: the same kind of event again.

"Rebels took Saraqib on 3 March. Kafranbel followed on 9 March": the second sentence has no
trigger word; its verb "followed" says the place named went the way the event just told did,
on a day of its own. It is one more event of that type there and then (and, with "Binnish and
Taftanaz followed in April", one in each place; with "Hama followed on 5 December and Homs on
Saturday night", a third, on its own day). Only a proper name (or a list of them) before
"followed" counts, so "another wave followed" or "a lull followed" stay with the rules that
read their nouns.
"""

from __future__ import annotations

import re

from app.extraction.dates import DateMention
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
#: Words of a date, never the name of a place that followed.
_DATE_WORDS = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
)
#: "... followed on 5 December, and Homs on Saturday night": after the first date, "and" and
#: one more name with a date of its own (the verb gapped).
_AND_NEXT = re.compile(
    r"[^,;:()]{1,40}?,? and (?:then |finally )?(?P<name>" + _DATE_WORDS + _NAME + r")"
    r" (?=(?:early |late )?(?:on|in|at|during|within|by|\w+ days? later|a (?:day|week|month) later|"
    r"the (?:next|following) (?:day|week|month))\b)",
    re.I,
)
#: How far back the event that the place followed may be told (in sentences).
_REACH = 1


def gapped_trigger(
    sentence: Sentence, triggers: list[Trigger], drafts: list[EventDraft]
) -> tuple[list[Trigger], EventDraft] | None:
    """The triggers of a sentence that tells a place followed the event just drafted (the
    verb "followed", of the type of that event; one more for each later "and <name> <date>"
    clause) and that event; None when the sentence has triggers of its own, does not open
    with a name and "followed", or no event was told just before."""
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
    said = [Trigger(told[0].spec, start, end, sentence.text[match.start() : match.end("verb")])]
    at = match.end()
    while (more := _AND_NEXT.match(sentence.text, at)) is not None:
        # "... and Homs on Saturday night": the trigger spans the name, the nearest place.
        a, b = more.span("name")
        said.append(Trigger(told[0].spec, sentence.start + a, sentence.start + b, more["name"]))
        at = more.end()
    return said, told[0]


def followed_drafts(drafts: list[EventDraft], followed: EventDraft) -> list[EventDraft]:
    """The events of places named in the trigger (before "followed", or the name of a later
    gapped clause: "and Homs on Saturday"), not of other places of the sentence; with no
    actor of their own, they take those of the event they followed."""
    kept = [
        d
        for d in drafts
        if d.location is not None and d.trigger.start <= d.location.mention.start < d.trigger.end
    ]
    for draft in kept:
        if not draft.actors:
            draft.actors = list(followed.actors)
    return kept


#: Types told by a verb a writer gaps: "Maarat al-Numan fell on 28 January, and Saraqib on
#: 8 February"; "troops entered Manbij on Sunday, and Kobani on Monday".
_GAPPED_TYPES = frozenset(
    {"armed_clash", "troop_deployment", "troop_withdrawal", "troop_movement", "insurgent_activity"}
)


def gapped_items(
    sentence: Sentence, triggers: list[Trigger], dates: list[DateMention]
) -> list[tuple[Trigger, Trigger]]:
    """Gapped clauses after a trigger's own date: "X fell on 28 January after weeks of
    bombardment, and Saraqib on 8 February" tells one more event of the trigger's type, at the
    name, on its own date (pairs of the new trigger, spanning the name, and the one it
    repeats). Only after a comma: "took A on 1 May and B on 9 May" is a list of places."""
    if ", and " not in sentence.text:
        return []
    out: list[tuple[Trigger, Trigger]] = []
    for trigger in triggers:
        if trigger.spec.name not in _GAPPED_TYPES:
            continue
        own = next(
            (d for d in dates if d.role == "event" and 0 <= d.start - trigger.end <= 60),
            None,
        )
        if own is None:
            continue
        at = own.start - sentence.start
        while (more := _AND_NEXT.match(sentence.text, at)) is not None and (
            "," in more.group()[: more.start("name") - more.start()]
        ):
            a, b = more.span("name")
            said = Trigger(trigger.spec, sentence.start + a, sentence.start + b, more["name"])
            out.append((said, trigger))
            at = more.end()
    return out

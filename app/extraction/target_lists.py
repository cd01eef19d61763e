"""A sentence that lists what a strike just told hit: one more strike at each place it names.

"Israeli jets carried out hundreds of strikes across the country overnight. Targets included
the Mezzeh military airport, a research centre in Barzeh and naval vessels in Latakia port":
the second sentence has no trigger word, but each place it names was struck in the raid the
sentence before told, the same night and by the same force. "Among the targets, it said, were
..." and "The targets included ..." read the same. Only a strike (an air strike, a drone,
rocket or missile attack) told in the sentence just before counts, and only places named
after the opening words.
"""

from __future__ import annotations

import re

from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.gapped_events import followed_drafts
from app.extraction.patterns import lazy_compile
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "Targets included", "The targets hit included", "Among the targets, it said, were".
_TARGETS = lazy_compile(
    r"^\W*(?:(?:the\s+)?targets(?:\s+(?:hit|struck))?\s+(?:included|were)|"
    r"among\s+the\s+targets(?:\s+(?:hit|struck))?(?:,[^,]{1,40},)?\s+(?:were|was))\b",
    re.I,
)
#: The strikes whose targets such a sentence lists.
_STRIKES = frozenset({"airstrike", "drone_or_rocket_attack"})


def target_triggers(
    sentence: Sentence,
    triggers: list[Trigger],
    drafts: list[EventDraft],
    places: list[ResolvedMention],
) -> tuple[list[Trigger], EventDraft] | None:
    """A trigger at each place a target list names (of the type of the strike told in the
    sentence before, spanning the place's name) and that strike; None when the sentence has
    triggers of its own other than violence (the list's "which were destroyed" is the strike
    told again), does not open with a target list, or follows no strike."""
    if any(t.spec.group != "violence" for t in triggers):
        return None
    match = _TARGETS.match(sentence.text)
    if match is None:
        return None
    told = [d for d in drafts if d.sentence.index == sentence.index - 1 and d.spec.name in _STRIKES]
    if not told:
        return None
    after = sentence.start + match.end()
    named = [m for m in places if m.place is not None and after <= m.mention.start < sentence.end]
    said = [Trigger(told[0].spec, m.mention.start, m.mention.end, m.mention.text) for m in named]
    return (said, told[0]) if said else None


def target_drafts(drafts: list[EventDraft], strike: EventDraft) -> list[EventDraft]:
    """The events placed at their trigger's place (the name listed), each of the strike's
    day and, with no actor of its own, of the strike's actors."""
    kept = followed_drafts(drafts, strike)
    for draft in kept:
        if draft.date_mention is None:
            draft.set_date(strike.date, strike.date_end, strike.precision, strike.date_mention)
    return kept

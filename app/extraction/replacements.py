"""A force moving into the places another has just left.

"Peshmerga left Sinjar, Makhmour and Khanaqin, and Iraqi army units moved in behind them",
"the Peshmerga withdrew from Sinjar and PMF units moved in to replace them": the move names no
place of its own; "behind them", "to replace them", "in their place" say it went where the
withdrawal of the same sentence left, one event at each place left (not the place nearest the
verb, nor one inherited from the sentence before).
"""

from __future__ import annotations

import re

from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: After the move's verb ("moved in", "deployed", "took over"), a few words at most, then the
#: words that point back at the force that left.
_BEHIND = re.compile(
    r"[\w ,-]{0,30}?\b(?:behind\s+them|to\s+replace\s+them|in\s+their\s+place|"
    r"in\s+their\s+stead|after\s+their\s+(?:departure|withdrawal|pull-?out))\b",
    re.I,
)


def places_left(
    sentence: Sentence, trigger: Trigger, drafts: list[EventDraft]
) -> list[ResolvedMention] | None:
    """The places a move "behind them" went into: those the sentence's withdrawal left (None
    when the move says no such thing or the sentence tells no withdrawal with a place)."""
    if trigger.spec.category != "movement" or trigger.spec.name == "troop_withdrawal":
        return None
    if _BEHIND.match(sentence.text, trigger.end - sentence.start) is None:
        return None
    left = [
        d.location
        for d in drafts
        if d.sentence.index == sentence.index
        and d.spec.name == "troop_withdrawal"
        and d.trigger.start < trigger.start
        and d.location is not None
    ]
    return left or None

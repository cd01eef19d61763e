"""A withdrawal told as the reason another side took a place: it left that place.

"Hama fell to the rebels after army units withdrew", "IS took over the crossing after
government forces abandoned their posts", "troops entered Tadef after the militants pulled
out eastward": a withdrawal in an "after" clause that names no place of its own is from the
place the main clause says was taken, one event at each place taken (not the place of the
sentence nearest the verb, nor one inherited from the sentence before).
"""

from __future__ import annotations

import re

from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

__all__ = ["places_given_up"]

#: "after", "hours after", "a day after", then the force and its verb's helpers in the same
#: clause ("after the SDF said it had withdrawn", "after Iraqi soldiers and police").
_AFTER = re.compile(r"\bafter\s+(?:[\w'’-]+\s+){0,7}$", re.I)
#: Where the withdrawal's own clause ends: a place named after this is no longer its own.
_CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s")


def places_given_up(
    sentence: Sentence,
    trigger: Trigger,
    drafts: list[EventDraft],
    mentions: list[ResolvedMention],
) -> list[ResolvedMention] | None:
    """The places a withdrawal in an "after" clause left: those of the events before it in
    the sentence (None when it is no such withdrawal, names a place of its own, or follows no
    placed event)."""
    if trigger.spec.name != "troop_withdrawal":
        return None
    head = sentence.text[: trigger.start - sentence.start]
    if _AFTER.search(head) is None:
        return None
    tail_end = _CLAUSE_END.search(sentence.text, trigger.end - sentence.start)
    stop = sentence.start + (tail_end.start() if tail_end else len(sentence.text))
    if any(trigger.end <= m.mention.start < stop and m.place is not None for m in mentions):
        return None  # "after the militants withdrew towards Rawa", "pulled out of Hit"
    taken: list[ResolvedMention] = []
    for d in drafts:
        if (
            d.sentence.index == sentence.index
            and d.trigger.start < trigger.start
            and d.location is not None
            and not d.inherited_location
            and d.spec.name != "troop_withdrawal"
            and all(d.location.place != m.place for m in taken)
        ):
            taken.append(d.location)
    return taken or None

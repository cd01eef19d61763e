"""Events a sentence tells before words that only refer to events (issue 9, recall of first
events): the event before a claim's clause ("an IED hit a patrol near Hawija; ISIS claimed the
attack"), and a violent word told before the group's winning word when that one only refers
to a series ("three men were killed when a drone hit their car, the latest in a series of
Turkish strikes").
"""

from __future__ import annotations

import re

from app.extraction.event_types import TYPES, Trigger, TriggerFinder, irrealis
from app.extraction.text import Sentence

#: Where a clause of its own ends: a semicolon.
_CLAUSE_END = re.compile(r";\s")


def claim_clause_start(sentence: Sentence, claim_at: int) -> int | None:
    """Where the clause of a claim begins (after the last semicolon before ``claim_at``, both
    counted in the sentence); None when the claim's clause opens the sentence."""
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence.text, 0, claim_at)]
    return ends[-1] if ends else None


def before_claim(sentence: Sentence, claim_at: int, told: list[Trigger]) -> list[Trigger]:
    """ "An IED hit an army patrol near Hawija; ISIS claimed the attack": the triggers of
    clauses that end (at a semicolon) before the claim's clause begins tell the event the
    claim is about, in the same sentence (``claim_at``: where the claim word is, counted in
    the sentence)."""
    start = claim_clause_start(sentence, claim_at)
    if start is None:
        return []
    return [t for t in told if t.end - sentence.start < start]


#: "The attack on the gas field": an event named again, not told.
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$", re.I)
#: The types of the violence group, in the lexicon's order.
_VIOLENT_TYPES = tuple(spec.name for spec in TYPES if spec.group == "violence")


def told_before_reference(
    finder: TriggerFinder,
    sentence: Sentence,
    plain: str,
    found: list[Trigger],
    kept: list[Trigger],
) -> list[Trigger]:
    """ "Three men were killed when a drone struck their car, the latest in a series of Turkish
    strikes": the group's winning word (the strikes) only refers to other events; a violent
    word of another type told before it, itself no reference, is the sentence's event."""
    dropped = [t for t in found if t.spec.group == "violence" and t not in kept]
    if not dropped or any(t.spec.group == "violence" for t in kept):
        return []
    before = [
        t
        for name in _VIOLENT_TYPES
        if (t := finder.first(name, sentence.text, sentence.start)) is not None
        and t.end <= dropped[0].start
        and not _DEFINITE.search(sentence.text, 0, t.start - sentence.start)
        and not irrealis(plain, t.start - sentence.start)
    ]
    return before[:1]  # the most specific type, as the finder ranks them

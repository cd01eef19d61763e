"""Clauses of a sentence: the actors of one event are those of its own clause.

"Iraqi troops took control of Kirkuk after Peshmerga units pulled back" tells two events; the
troops moved in, the Peshmerga pulled back. When a sentence holds several triggers, an actor
named in the clause of another trigger does not move with this one; nor does one named in a
subordinate clause with a verb of its own ("walked into Qaraqosh after Peshmerga units pulled
back": only the movers of the main clause move).
Clauses are split at semicolons and at conjunctions that open a new finite clause ("after",
"as", "while", ", and", ", where").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import ActorMention
from app.extraction.event_types import Trigger
from app.extraction.linked_events import own_side
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: Where a new clause begins (offsets are the boundary's start).
BOUNDARY = re.compile(
    r";|,\s+(?:and|but|while|as|where|when|after|before|whereas)\b|"
    r"\s(?:after|as|while|before|whereas|when|hours after|days after)\s(?=[\w\"'])",
    re.I,
)


def spans(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence as (start, end) offsets into it."""
    cuts = [0, *(m.start() for m in BOUNDARY.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _clause(clauses: list[tuple[int, int]], at: int) -> tuple[int, int]:
    return next((c for c in clauses if c[0] <= at < c[1]), clauses[-1])


def scoped(
    sentence: Sentence,
    trigger: Trigger,
    others: Sequence[Trigger],
    mentions: Sequence[ActorMention],
) -> list[ActorMention]:
    """The actor mentions that may take part in the trigger's event: for a movement, all but
    those in the clause of another trigger of the sentence (a fight takes both sides, wherever
    the sentence names them: "captured the camp after regime troops pulled out"); for an
    agreement, none across a link verb ("The deployment of troops follows the signing of a
    deal")."""
    mentions = own_side(sentence, trigger, mentions)
    if trigger.spec.group == "violence":
        # "rockets slammed into Taji hours after US warplanes pounded militia sites": the
        # sides of the other strike are named in its own clause.
        others = [o for o in others if o.spec.group == "violence"]
        if not others:
            return list(mentions)
    elif trigger.spec.group not in _MOVES:
        return list(mentions)
    clauses = spans(sentence.text)
    own = _clause(clauses, trigger.start - sentence.start)
    taken = {_clause(clauses, o.start - sentence.start) for o in others} - {own}
    if _PARTICIPLE_CLAUSE.match(sentence.text, own[0]):
        # "took Qalaat al-Madiq, a day after seizing Kafr Nabuda": a clause with no subject of
        # its own, whose doers are the first clause's.
        taken -= {clauses[0]}
    return [
        m
        for m in mentions
        if (clause := _clause(clauses, m.start - sentence.start)) not in taken
        and (
            clause == own
            or trigger.spec.group == "violence"
            or not _subordinate(sentence.text, clause, m.end - sentence.start)
        )
    ]


#: Groups whose actors are the movers only: a side named in another clause is no party.
_MOVES = frozenset({"movement", "activity"})
_SUBORDINATE = re.compile(
    r"[;,]?\s*(?:hours |days )?(?:after|as|while|before|when|whereas|since)\s", re.I
)
#: A subordinate clause told by a participle, with no subject of its own ("after seizing").
_PARTICIPLE_CLAUSE = lazy_compile(
    r"[;,]?\s*(?:hours |days )?(?:after|before|since)\s+\w+ing\b(?!\s+(?:of|to)\b)", re.I
)
_FINITE = re.compile(
    r"\b(?:\w+ed|withdrew|fled|left|took|went|came|fell|ran|swept|drove|broke|began)\b", re.I
)


def _subordinate(text: str, clause: tuple[int, int], after: int) -> bool:
    """Whether a clause is a subordinate one with a verb of its own after the mention ("after
    Peshmerga units pulled back"): who acts there does not make the main clause's move."""
    start, end = clause
    return bool(_SUBORDINATE.match(text, start)) and bool(_FINITE.search(text, after, end))

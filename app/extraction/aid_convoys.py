"""News of the type ``other`` told with words of other types: an aid convoy entering a town,
diplomats withdrawn, a shrine blown up. The ``other`` trigger says what the words mean there;
the movement or violence trigger read inside it (or a movement of the aid it names) is no
event of its own.

A convoy is no force on the move when what it carries is aid or civilians and no armed men
("a convoy of 20 buses carrying 900 families set out", "a UN convoy of 40 trucks entered the
town"): the words of such a load are data, ``data/lexicon/civilian_loads.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from app.extraction.event_types import Trigger
from app.extraction.lexicon import shipped_alternation
from app.extraction.role_patterns import FORCE_WORDS
from app.extraction.text import Sentence

__all__ = ["civilian_convoy", "told_as_other"]

#: What an ``other`` trigger names when it is aid on the move.
_AID = re.compile(
    r"\b(?:aid|relief|humanitarian|food|medical|Red Crescent|Red Cross)\b", re.IGNORECASE
)
#: The vehicles of a convoy, said with the movement word or as it.
_CONVOY = re.compile(r"\b(?:convoys?|buses|trucks|lorries)\b", re.IGNORECASE)
#: Where the convoy's clause ends after the movement word.
_CLAUSE_END = re.compile(r";|,\s+(?:but|while|as|after|before|when|and)\b", re.IGNORECASE)
#: How far before and after the movement word the convoy's words are read.
_BEFORE, _AFTER = 60, 120


@cache
def _load() -> re.Pattern[str]:
    return re.compile(rf"\b{shipped_alternation('civilian_loads.csv')}\b", re.IGNORECASE)


def civilian_convoy(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a movement word tells a convoy of aid or of civilians ("150 families left the
    camp in a bus convoy", "a convoy of trucks carrying flour entered the city"): its clause
    names a convoy and such a load, and no force ("a convoy of buses carrying fighters and
    their families" is the fighters leaving)."""
    if trigger.spec.category != "movement":
        return False
    at, end = trigger.start - sentence.start, trigger.end - sentence.start
    lo = max(0, at - _BEFORE, sentence.text.rfind(";", 0, at) + 1)
    after = sentence.text[end : end + _AFTER]
    stop = _CLAUSE_END.search(after)
    window = sentence.text[lo:end] + (after[: stop.start()] if stop else after)
    forces = [m for m in FORCE_WORDS.finditer(window) if not _CONVOY.fullmatch(m.group())]
    return bool(_CONVOY.search(window)) and bool(_load().search(window)) and not forces


def told_as_other(
    trigger: Trigger, triggers: list[Trigger], sentence: Sentence | None = None
) -> bool:
    """Whether ``trigger`` shares words with an ``other`` trigger of the same sentence
    ("withdrew its diplomats", "blew up the shrine", "planes dropped food"), or a movement of
    the aid one names ("an aid convoy entered the town"), or of a convoy of aid or civilians
    (:func:`civilian_convoy`, given the ``sentence``)."""
    if trigger.spec.name == "other":
        return False
    if sentence is not None and civilian_convoy(sentence, trigger):
        return True
    for other in triggers:
        if other.spec.name != "other":
            continue
        if other.start < trigger.end and trigger.start < other.end:
            return True  # the words overlap: "cargo planes dropped food" is no strike
        if trigger.spec.category == "movement" and _AID.search(other.text):
            return True
    return False

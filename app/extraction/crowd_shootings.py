"""A crowd shot at by armed men who are not the state's: an attack on it, not a demonstration.

"Masked gunmen fired on a sit-in, killing 14", "protesters stabbed by unknown men", "men in plain
clothes shot at demonstrators": the crowd is the target of violence against civilians (ACLED),
not a demonstration told with the state's intervention ("police fired on the protesters").
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_match
from app.extraction.event_types import Trigger
from app.extraction.lexicon import shipped_alternation
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: Violence that a demonstration in the same sentence turns into an intervention.
AGAINST_CROWDS = frozenset({"attack", "armed_clash"})
#: Armed men who are not the state's forces: their shooting at a crowd is an attack on it
#: (ACLED: Violence against civilians), not the state dispersing a demonstration.
_SHOOTERS = shipped_alternation("non_state_shooters.csv")
_NON_STATE_SHOOTERS = lazy_compile(rf"\b{_SHOOTERS}\b[^,;]{{0,40}}$", re.I)
_STATE_SHOOTERS = re.compile(r"\b(?:security|police|policemen|troops|soldiers|army|guards)\b", re.I)
_CROWD_NOUN = lazy_compile(rf"{shipped_alternation('crowd_targets.csv')}$", re.I)
#: "four protesters were killed by gunmen", "protesters killed when gunmen fired": told in
#: the passive after the crowd word.
_SHOT_BY_GUNMEN_AFTER = lazy_compile(
    r"[^.;]{0,30}?\b(?:killed|shot|wounded|injured|stabbed)\b(?: dead)?(?:[^.;]{0,30}?\bby|"
    rf"[^.;]{{0,10}}?\bwhen)\s+(?:[\w-]+\s+){{0,2}}{_SHOOTERS}\b",
    re.I,
)


def crowd_shot_by_gunmen(sentence: Sentence, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "gunmen in civilian clothes fired on demonstrators": the crowd is the target of an
    attack by non-state armed men, not a demonstration told (the crowd word after the
    violent verb whose subject is such men)."""
    if trigger.spec.group != "unrest" or not _CROWD_NOUN.match(trigger.text):
        return False
    for act in triggers:
        if act.spec.name not in AGAINST_CROWDS or not 0 <= trigger.start - act.end <= 20:
            continue
        before = sentence.text[max(0, act.start - sentence.start - 60) : act.start - sentence.start]
        if _NON_STATE_SHOOTERS.search(before) and not _STATE_SHOOTERS.search(before):
            return True
    after = sentence.text[trigger.end - sentence.start :]
    shot = cued_match(_SHOT_BY_GUNMEN_AFTER, after)
    # "killed when masked gunmen and security forces opened fire": the state's forces too.
    return shot is not None and not _STATE_SHOOTERS.search(after, 0, shot.end() + 40)

"""Aircraft heard or seen, with nothing said of a strike: no event of their own.

"Residents said the sound of warplanes had not stopped", "Russian jets flew over Saraqib",
"drones were circling over Raqqa": an aircraft word is the trigger of a strike only when the
sentence says it struck; its presence in the sky tells fear or surveillance, not an attack.
"Warplanes flew over the town and bombed its market" stays a strike.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_match, cued_search
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: The types an aircraft word gives.
_AIR_TYPES = frozenset({"airstrike", "drone_or_rocket_attack"})
#: "the sound of warplanes", "the roar of jets": heard, right before the trigger.
_HEARD_BEFORE = re.compile(
    r"\b(?:sound|sounds|noise|roar|hum|buzz|buzzing) of (?:[\w-]+ ){0,2}$", re.I
)
#: "flew over", "were circling", "were heard": seen or heard, right after the trigger.
_SEEN_AFTER = re.compile(
    r"\s+(?:(?:were|was|had been|could be|can be) )?(?:flew over|flying over|flown over|"
    r"circl(?:ed|ing)|hover(?:ed|ing)|overflew|heard|seen|spotted|sighted)\b",
    re.I,
)
#: Words that tell a strike all the same ("flew over the town and bombed its market").
_STRIKE = re.compile(
    r"\b(?:struck|strikes?|bombed|bombing|bombs|pounded|hit|targeted|raids?|dropped|fired|"
    r"killed|killing|shelled|destroyed|attacked|missiles?|rockets?)\b",
    re.I,
)


def overflight(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether an aircraft trigger only tells aircraft heard or seen, with no strike."""
    if trigger.spec.name not in _AIR_TYPES:
        return False
    text = sentence.text
    at, end = trigger.start - sentence.start, trigger.end - sentence.start
    if not (
        cued_search(_HEARD_BEFORE, text[max(0, at - 30) : at])
        or cued_match(_SEEN_AFTER, text[end:])
    ):
        return False
    return not (cued_search(_STRIKE, text[:at]) or cued_search(_STRIKE, text[end:]))

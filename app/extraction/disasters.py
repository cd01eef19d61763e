"""Harm done by nature, not by an armed hand: no event of its own.

"The earthquake that struck southern Turkey and northern Syria killed thousands", "floods
killed six people in Duhok": the attack word's subject is a natural disaster
(``data/lexicon/natural_disasters.csv``), so nobody attacked anyone. A disaster that only sets
the scene of an attack stays out of it: "fighters took advantage of a sandstorm to overrun the
positions" (the disaster's clause goes on with "to" or names a force before the attack word).
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.lexicon import shipped_alternation
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: The disaster as the subject just before the attack word, with at most a relative pronoun
#: and a short stretch of its own clause between ("the earthquake of 6 February that killed",
#: "the quake that struck the north before dawn on Monday killed").
_DISASTER_BEFORE = lazy_compile(
    rf"\b{shipped_alternation('natural_disasters.csv')}\b"
    r"(?P<between>[^;:,.]{0,90}?)\s*$",
    re.I,
)
#: What tells that someone else acts in between: a purpose ("to overrun") or a force named.
_OTHER_ACTOR = lazy_compile(rf"\b{shipped_alternation('armed_hands.csv')}\b", re.I)


def natural_disaster(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a violent trigger's subject is a natural disaster."""
    if trigger.spec.group != "violence":
        return False
    before = sentence.text[
        max(0, trigger.start - sentence.start - 120) : trigger.start - sentence.start
    ]
    found = _DISASTER_BEFORE.search(before)
    return found is not None and not _OTHER_ACTOR.search(found.group("between"))

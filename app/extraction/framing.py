"""Moves told only to frame another occurrence: no movement event of their own.

"As a relief force arrived from the town, a roadside bomb exploded", "fighting lasted several
hours before reinforcements arrived", "reported summary executions as troops entered the
city", "the attack began when 500 troops advanced on the headquarters": the move sits in a
time clause ("when", "before", "until", or "as" opening the sentence) hung on a sentence that
tells harm; it says when the harm happened (or how the fight began), it is not news of its
own. A move in the main clause ("troops deployed in the town after the clashes") or in a
clause of its own ("..., as troops pushed toward Tal Abyad", "while vehicles were deployed")
stays an event.
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: A time clause opening before the move word, with no clause break after it.
_TIME_CLAUSE = re.compile(
    r"(?:(?:^|[,;]\s*|\s)(?:when|before|until|once)|^\W*as)\s+[^,;]{0,80}$", re.I
)
#: Harm told in the same sentence (the trigger groups that frame a move).
_HARM_GROUPS = frozenset({"violence", "detention"})


def framing(sentence: Sentence, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """Whether a movement trigger only frames the harm the sentence tells."""
    if trigger.spec.category != "movement":
        return False
    if not any(t.spec.group in _HARM_GROUPS for t in triggers):
        return False
    at = trigger.start - sentence.start
    return bool(_TIME_CLAUSE.search(sentence.text[max(0, at - 90) : at]))

"""Moves told only to frame another occurrence: no movement event of their own.

"As a relief force arrived from the town, a roadside bomb exploded", "fighting lasted several
hours before reinforcements arrived", "reported summary executions as troops entered the
city", "the attack began when 500 troops advanced on the headquarters": the move sits in a
time clause ("when", "before", "until", or "as" opening the sentence) hung on a sentence that
tells harm; it says when the harm happened (or how the fight began), it is not news of its
own. A move in the main clause ("troops deployed in the town after the clashes") or in a
clause of its own ("..., as troops pushed toward Tal Abyad", "while vehicles were deployed")
stays an event. So does a withdrawal or a deployment that ended the fight ("clashes lasted
for hours before the Peshmerga withdrew from the town", "until army units were deployed to
separate the two sides"): how the fight ended, news of its own (the corpus README: a
withdrawal told in the same story as a clash is an event too).
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: A time clause opening before the move word, with no clause break after it.
_TIME_CLAUSE = re.compile(
    r"(?:(?:^|[,;]\s*|\s)(?:when|before|until|once)|^\W*as)\s+[^,;]{0,80}$", re.I
)
#: "before" or "until" opening the clause of the move: what came after the harm.
_AFTERWARDS = re.compile(r"(?:^|[,;]\s*|\s)(?:before|until)\s+[^,;]{0,80}$", re.I)
#: Move words that end a fight: a side leaving or forces posted between the sides.
_ENDING_MOVE = re.compile(
    r"(?:withdr|pulled (?:out|back)|pull(?:ed|ing)? (?:out|back)|retreated|fell back|deploy)", re.I
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
    before = sentence.text[max(0, at - 90) : at]
    if _ENDING_MOVE.match(trigger.text) and _AFTERWARDS.search(before):
        return False  # "fought for hours before the Peshmerga withdrew": how it ended
    return bool(_TIME_CLAUSE.search(before))

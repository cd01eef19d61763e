"""Where an offensive was launched from is not where the other side withdrew from.

"The rebels launched their offensive from Idlib and took Aleppo as the army withdrew": the
army left Aleppo, the place the offensive reached; Idlib is where the attackers set out, and
"from" there is theirs, not the withdrawing force's. A place after "from" that an offensive,
an assault or an attack was launched (begun, mounted, staged) from is no place the
withdrawal of the sentence left.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

_LAUNCHED_FROM = re.compile(
    r"\b(?:(?:launch|mount|stag)(?:ed|es|ing)?|began|begun|started|starting|began)\s+"
    r"(?:[\w'’-]+\s+){0,4}from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\b(?:offensives?|assaults?|attacks?|push|incursion|operation)\s+"
    r"(?:(?:on|against|into)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
    r"from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


def launch_point(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a place before this withdrawal's trigger is where an offensive set out."""
    if trigger.spec.name != "troop_withdrawal" or mention.mention.start >= trigger.start:
        return False
    at = mention.mention.start - sentence.start
    return bool(cued_search(_LAUNCHED_FROM, sentence.text[max(0, at - 80) : at]))

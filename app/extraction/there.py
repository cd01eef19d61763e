"""'there' after an act: the act happened at the place named before, not at one named later.

"One protester was shot dead there on 8 July, and within days the demonstrations had spread to
Nasiriyah and Najaf": the killing was where the story just was; the towns of the clause after
are where the demonstrations spread. "There" as a subject ("there were reports") refers to
nothing.
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "killed there", "began a sit-in there on Friday": the act, a few words, then "there".
_THERE = re.compile(
    r"^[^,;:.]{0,40}?\bthere\b(?!\s+(?:is|are|was|were|has|have|had|would|will|remains?)\b)",
    re.I,
)
#: Where the clause of the act ends and another begins.
_NEXT_CLAUSE = re.compile(
    r";|,\s*(?:and|but|while|as|when|before|after)\b|\s(?:and|but)\s+(?:within|later|then|by)\b",
    re.I,
)


def said_there(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether the trigger is followed by "there" and the place is in a later clause."""
    after = trigger.end - sentence.start
    found = _THERE.match(sentence.text[after:])
    if found is None:
        return False
    there_end = after + found.end()
    at = mention.mention.start - sentence.start
    return at >= there_end and bool(_NEXT_CLAUSE.search(sentence.text[there_end:at]))

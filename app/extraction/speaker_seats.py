"""Where a speaker sat is not where the event happened.

"Jets struck positions around the town on Saturday, a US military spokesman in Baghdad
said": the strike was not in Baghdad. "Border guards deployed north of Sidakan, officials in
Baghdad and Erbil said": Sidakan. A place is a speaker's when a word for who speaks comes
just before it ("a spokesman in", "officials from") and a verb of saying just after it (past
any other places listed with it), after the act: a speaker told first ("A security official in
Baghdad told us that dozens were detained in the east of the city") often speaks from where
the act was.
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "a US military spokesman in", "Kurdish officials from", "security sources in the",
#: "officials in Baghdad and".
_SPEAKER_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|officials?|sources?|diplomats?|"
    r"correspondents?|reporters?|officers?|commanders?|analysts?|residents?)\s+"
    r"(?:(?:based|speaking|stationed)\s+)?(?:in|from)\s+(?:the\s+)?"
    # "officials in Baghdad and": the places listed before this one.
    r"(?-i:(?:[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,2}\s*(?:,|and|or)\s*)*)$",
    re.I,
)
#: "... Baghdad said", "... Baghdad and Erbil told", "..., Baghdad, said": a verb of saying
#: after the place, past the other places of its list.
_SAID_AFTER = re.compile(
    r"^(?:\s*(?:,|and|or)\s*(?:the\s+)?[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,2})*"
    r"\s*,?\s*(?:said|says|say|told|reported|added|confirmed|announced)\b"
)
#: How much text before and after a place the patterns read.
_WIDTH = 60


def speaker_place(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a place after the act is only where the people quoted sat ("..., a spokesman
    in Baghdad said")."""
    at = mention.mention.start - sentence.start
    end = mention.mention.end - sentence.start
    return bool(
        mention.mention.start >= trigger.end
        and _SPEAKER_BEFORE.search(sentence.text[max(0, at - _WIDTH) : at])
        and _SAID_AFTER.match(sentence.text[end : end + _WIDTH])
    )

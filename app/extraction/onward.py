"""A journey's later leg is not where the move was told to go.

"left Rastan toward Qalaat al-Madiq, from where they will continue to Idlib", "bussed to
Tabqa and on to the north-east": the convoy's destination is the first stop named, the place
of the move; the places of the onward leg are where it goes after.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.place_cues import before
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

__all__ = ["onward_leg", "others_journey"]

#: "from where they will continue to", "from there the convoy was to head for", "and then on
#: to": the words that start a further leg of a journey, up to the place they name.
_ONWARD = re.compile(
    r"\b(?:from (?:where|there)|whence)\b[^.;:]{0,40}?\b(?:continu\w*|go(?:ing)? on|head\w*|"
    r"travel\w*|mov\w+ on|proceed\w*|be (?:taken|transferred))\b[^.;:]{0,40}$|"
    r"\band (?:then )?on(?:wards?)? to\b[^.;:]{0,30}$",
    re.I,
)


def onward_leg(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a place is on a later leg of a journey ("from where they will continue to
    Idlib"), not the stop the move was headed for."""
    return cued_search(_ONWARD, before(sentence, mention, 100)) is not None


#: ", while about 4,000 civilians were taken to shelters in al-Kiswah": a clause after the
#: move's that tells where others went.
_WHILE = re.compile(r"[,;]\s+while\b[^;]*$", re.I)


def others_journey(sentence: Sentence, trigger_end: int, mention: ResolvedMention) -> bool:
    """Whether a place sits in a "while ..." clause after the move's trigger ("fighters were
    bussed toward Idlib, while civilians were taken to al-Kiswah"): where others went."""
    text = sentence.text[
        max(0, trigger_end - sentence.start) : mention.mention.start - sentence.start
    ]
    return cued_search(_WHILE, text) is not None

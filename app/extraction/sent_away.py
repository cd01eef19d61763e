"""Where people were sent away to is not where a deal, a release or an abduction happened:
"fighters who refused to settle were to leave for Idlib" (the deal was for the town they
left), "families released from al-Hol left for Raqqa", "residents were taken to Raqqa".
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "to leave for Idlib", "left for Raqqa and Deir ez-Zor", "were taken by bus to Idlib
#: province", "towards the countryside of Idleb", "heading to the north": the end of a journey.
_SENT_TO = re.compile(
    r"\b(?:leave|left|leaving|bus(?:s)?ed|taken|transferred|deported|expelled|evacuated|"
    r"relocated|heading|headed|moved)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:for|to|towards?|into)\s+(?:the\s+)?(?:(?:countryside|province|city|town)\s+of\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
#: "towards the countryside of Idleb", "heading for Jarablus", "bound for Tabqa": where a
#: journey ends, said however far from the verb of leaving ("left the towns of Qudsaya and
#: al-Hameh on Thursday evening toward Idlib province"); no deal is made "towards" a place.
_JOURNEY_END = re.compile(
    r"\b(?:towards?|(?:heading|headed|bound|making) (?:to|for)|en route to)\s+(?:the\s+)?"
    r"(?:(?:countryside|province|city|town)\s+of\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
#: Events that happen where people stay, not where they are sent.
_STAYING_EVENTS = frozenset({"agreement", "prisoner_release", "kidnapping"})


def sent_away_to(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a place is only where people were sent off to, for a deal, a release or an
    abduction ("under the deal, fighters left for Idlib")."""
    if trigger.spec.name not in _STAYING_EVENTS:
        return False
    at = mention.mention.start - sentence.start
    text = sentence.text[max(0, at - 60) : at]
    return bool(cued_search(_SENT_TO, text) or cued_search(_JOURNEY_END, text))


def staying_elsewhere(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a trigger of an event that happens where people stay (a deal) lays no claim to
    a place where a journey ends ("left al-Waer towards Idleb, under an agreement"): the
    place is the journey's, however near the deal is named to it."""
    if trigger.spec.name not in _STAYING_EVENTS:
        return False
    at = mention.mention.start - sentence.start
    return bool(cued_search(_JOURNEY_END, sentence.text[max(0, at - 60) : at]))

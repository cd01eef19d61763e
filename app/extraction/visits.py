"""Visits: a statesman or a delegation arriving somewhere is no troop movement.

"Prime Minister Haider al-Abadi arrived in Mosul on Sunday to congratulate the armed forces",
"a Russian delegation arrived at the security square", "the foreign minister flew to Erbil":
the sentence names armed forces, so the movement word would pass the armed-body check, but
the one who moves is an official on a visit. A force sent by an official ("a security team
dispatched by order of the Prime Minister arrived") still moves: the official must be the
subject right before the movement word.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: An official's title, maybe a name after it ("Prime Minister Mustafa al-Kadhimi", "the
#: foreign minister", "a Russian delegation", "UN envoy Geir Pedersen"), then an optional
#: comma-free adverb, right before the movement word.
_VISITOR_BEFORE = re.compile(
    r"\b(?:(?:prime |foreign |defen[cs]e |interior )?ministers?|president|envoys?|delegations?|"
    r"ambassadors?|secretary(?: of state| of defen[cs]e|-general)?|speaker|pope|king|"
    r"crown prince|diplomats?|mediators?)"
    r"(?-i:(?: (?:(?:al|el|bin|ibn|Abu|abu)-?)?[A-Z][\w'-]*){0,4})"
    r"(?: (?:also|later|then|finally|first|briefly))?\s+$",
    re.I,
)
#: The title is the object of something, not the subject: "by order of the Prime Minister",
#: "a team sent by the interior minister".
_OBJECT_BEFORE = re.compile(
    r"\b(?:of|by|for|to|with|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I
)
_WIDTH = 70


def visit(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a movement word tells an official or a delegation arriving (a visit)."""
    if trigger.spec.category != "movement":
        return False
    at = trigger.start - sentence.start
    before = sentence.text[max(0, at - _WIDTH) : at]
    title = cued_search(_VISITOR_BEFORE, before)
    return title is not None and not _OBJECT_BEFORE.search(before, 0, title.start())

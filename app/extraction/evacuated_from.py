"""Where an evacuation or a release of people happened: the place they were taken out of.

"buses evacuated 300 families from Suwayda city to Daraa", "the evacuation of the wounded
from Foua and Kefraya": the evacuation is of the town left, not of where the buses went, so
the place after "from" (elsewhere where a force came from) is the event's place here. So for a
release: "freed 200 inmates from Badush prison" happened at the prison (a site, or a place
named with a site's word: "dozens from Deir ez-Zor province" is where some of them came from).
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_types import Trigger
from app.extraction.place_cues import before
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

__all__ = ["evacuated_from"]

_EVACUATION = re.compile(r"\bevacuat(?:e|ed|es|ing|ions?)\b", re.I)
#: "from", "out of", then up to four words that are not a destination's preposition ("from
#: the rebel-held mountain towns of Madaya", not "from the city to neighbouring Daraa").
_FROM = re.compile(
    r"\b(?:from|out of)\s+(?:(?!(?:to|towards?|into|for)\b)[\w'’-]+\s+){0,4}$",
    re.I,
)


def evacuated_from(
    sentence: Sentence, trigger: Trigger, placed: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The places of an evacuation or release trigger's sentence that people were taken out
    of (none when the trigger is neither, or is a force's own move, placed as a movement)."""
    if trigger.spec.category == "movement":
        return []
    release = trigger.spec.name == "prisoner_release"
    if not release and not _EVACUATION.search(trigger.text):
        return []
    return [
        m
        for m in placed
        if (not release or m.mention.kind_cue == "site" or (m.place and m.place.family == "site"))
        and cued_search(_FROM, before(sentence, m, 60))
    ]

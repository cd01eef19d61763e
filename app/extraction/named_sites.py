"""A site a sentence names again by its noun alone ("the consulate", "the airport"): where
the report said that site was."""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "the consulate", "the refinery": a site the report named before, with its place.
_DEFINITE_SITE = re.compile(
    r"\bthe (consulate|embassy|refinery|airport|dam|hospital|compound|plant|palace|shrine|"
    r"bridge|market|university|stadium|mosque|church)\b",
    re.I,
)
#: How far from the site's noun its place may be said ("the consulate in Najaf").
_SITE_REACH = 60


def site_named_before(
    sentence: Sentence, earlier: list[ResolvedMention], text: str
) -> ResolvedMention | None:
    """Where "the consulate", "the airport" of a sentence is: the place said next to the
    last earlier mention of that noun in ``text`` (the report before the sentence), else the
    last earlier place named with that noun; None when the sentence names no such site."""
    site = cued_search(_DEFINITE_SITE, sentence.text)
    if site is None:
        return None
    noun = site.group(1)
    said = [m.start() for m in re.finditer(rf"\b{noun}\b", text, re.I)]
    if not said:
        return None
    at = said[-1]
    near = [
        m
        for m in earlier
        if abs(m.mention.start - at) <= _SITE_REACH
        and ". " not in text[min(at, m.mention.start) : max(at, m.mention.start)]
    ]
    if not near:
        # "Erbil International Airport was attacked ... near the airport": the site by name.
        near = [m for m in earlier if noun.lower() in m.mention.text.lower()][-1:]
    return min(near, key=lambda m: abs(m.mention.start - at)) if near else None

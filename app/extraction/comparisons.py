"""An event compared with others ("It was the first strike on the capital since 2020", "the
second killing of a commander this year"): the comparison names the event the report already
told, no new one."""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: A copula or an apposition, then an ordinal or superlative up to the trigger ("in one of
#: the fiercest attacks since", not "in the largest rally since", which tells the rally).
_RANKED_BEFORE = re.compile(
    r"(?:\b(?:was|is|were|are|marked|marks|became|becomes)\s+(?:one\s+of\s+)?|,\s+"
    r"(?:one\s+of\s+)?|\bin\s+one\s+of\s+)(?:the|its|their)\s+(?:[\w'’-]+'s\s+)?(?:[\w-]+\s+)?"
    r"(?:first|second|third|fourth|fifth|latest|[a-z]+est|most\s+[a-z]+|worst|biggest|"
    r"largest|only)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
#: What the event is compared with: a time since, a stretch of time, the war as a whole.
_COMPARED_WITH = re.compile(
    r"[^.;:]{0,100}?\b(?:since|this\s+year|in\s+(?:years|decades|months)|in\s+more\s+than|"
    r"of\s+the\s+(?:war|conflict)|ever)\b",
    re.I,
)


def compared(sentence: str, at: int) -> bool:
    """Whether the trigger at offset ``at`` stands in a comparison of the event with
    others."""
    before = sentence[max(0, at - 80) : at]
    return bool(cued_search(_RANKED_BEFORE, before)) and bool(_COMPARED_WITH.match(sentence, at))

"""Weapons and tactics named as the means a side fought with ("the militants relied on
snipers and car bombs", "the advance stalled in the face of snipers and roadside bombs"): a
description of how a battle was fought, no attack of its own."""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: "in the face of" or "relied on", then a bare list of means up to the trigger: no article,
#: possessive or count ("relied on a car bomb", "used five car bombs" tell attacks).
_LIST = (
    r"(?:(?!(?:a|an|the|its|their|his|her|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\b)[\w-]+,?\s+(?:and\s+)?){0,6}$"
)
_FACED = re.compile(
    r"\b(?:relied\s+on|relying\s+on|relies\s+on|in\s+the\s+face\s+of)\s+" + _LIST, re.I
)
#: "used" and "using" too, but only in a sentence with no day of its own: "on Tuesday police
#: used tear gas and live fire" tells what was done that day.
_USED = re.compile(r"\b(?:used|using|uses|employed|employing)\s+" + _LIST, re.I)
_DAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|yesterday|today|"
    r"tonight|overnight)\b|\b\d{1,2}/\d{1,2}\b"
)
#: A long campaign of raids named by its length ("damaged by months of air strikes"; not
#: "after three months of street battles", the fight a capture ended).
_LENGTH = re.compile(r"(?<!after )\b(?:months|years|weeks)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)
_AFTER_COUNT = re.compile(r"\bafter\s+(?:[\w-]+\s+)?$", re.I)


#: "with the occupation's drones providing cover for the advance", "with Turkish drones
#: supporting the factions' attacks": how the side named in the main clause fought.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_COVERING = re.compile(
    r"[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:providing|giving|offering|supporting)\b", re.I
)


def told_as_means(sentence: str, at: int) -> bool:
    """Whether the trigger at offset ``at`` names a means of fighting or a campaign's
    length, not an occurrence."""
    before = sentence[max(0, at - 80) : at]
    if cued_search(_FACED, before):
        return True
    if _WITH_BEFORE.search(before) and _COVERING.match(sentence, at):
        return True
    if cued_search(_USED, before) and not _DAY.search(sentence):
        return True
    length = cued_search(_LENGTH, before)
    return length is not None and not _AFTER_COUNT.search(before, 0, length.start())

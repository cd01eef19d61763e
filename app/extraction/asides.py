"""Places named in passing, which "the city" or "the town" of a later sentence does not mean.

A report about a battle for one town names others on the way: the landmark it lies by ("an
hour's drive west of Baghdad"), where a speaker sat ("a US spokesman in Baghdad said",
"speaking from Erbil"), where helpers came from ("forensic teams from Baghdad"), the far end of
a road ("checkpoints on the road to Erbil"). None of them is the place a later "the city" or
"the town" refers back to; the story's town, named before them, is.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.resolve import ResolvedMention

#: How much text before a mention the patterns look at.
_WIDTH = 60

_ASIDE_BEFORE = re.compile(
    # "an hour's drive west of Baghdad": the landmark a place is located by.
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$"
    # "teams from Baghdad", "speaking from Erbil": where someone came or spoke from.
    r"|\bfrom\s+(?:the\s+)?$"
    # "the road to Erbil", "the highway linking Kirkuk to Erbil": a road's far end.
    r"|\b(?:roads?|highways?|routes?|motorway)\s+(?:[\w'’-]+\s+){0,3}(?:to|towards?)\s+$"
    # "a US military spokesman in Baghdad said", "officials in Damascus": where speakers sit.
    r"|\b(?:spokes(?:man|woman|person)|officials?|diplomats?|sources?|correspondents?|"
    r"reporters?|elites?|leaders?|authorities|ministry|government)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:in|from)\s+$",
    re.I,
)


#: In the event's own sentence: the far end of a road named by both ends ("the main road
#: linking Kirkuk to Erbil": the event is at Kirkuk; "roads leading to Suwayda" are near
#: Suwayda), not where the event happened.
_FAR_END_BEFORE = re.compile(
    r"\b(?:roads?|highways?|routes?|motorway)\s+(?:linking|connecting|joining|from)\s+"
    r"(?:[\w'’-]+\s+){1,3}(?:to|with|and)\s+(?:the\s+)?$",
    re.I,
)


#: Where the aircraft flew from ("jets based at Hmeimim carried out raids near Palmyra").
_AIR_BASE_BEFORE = re.compile(
    r"\b(?:jets|aircraft|planes|warplanes|bombers|drones|helicopters|squadrons?)\s+"
    r"(?:based|stationed|flying)\s+(?:at|in|from|out of)\s+(?:the\s+)?$",
    re.I,
)


def air_base(before: str) -> bool:
    """Whether the text just before a place makes it the base the aircraft flew from."""
    return bool(cued_search(_AIR_BASE_BEFORE, before))


def far_end(before: str) -> bool:
    """Whether the text just before a place makes it the far end of a road named by both
    ends (see ``_FAR_END_BEFORE``), so another place of the sentence is the event's."""
    return bool(cued_search(_FAR_END_BEFORE, before))


def aside(text: str, mention: ResolvedMention) -> bool:
    """Whether a place is named only in passing: as a landmark, where a speaker was or
    someone came from, or as a road's far end (see the module docstring)."""
    start = mention.mention.start
    return bool(cued_search(_ASIDE_BEFORE, text[max(0, start - _WIDTH) : start]))


def river(mention: ResolvedMention) -> bool:
    """Whether a place is a river: its point lies in one governorate of a course through
    several, so no later event is placed on it while the story names another place."""
    return mention.place is not None and mention.place.family == "water"

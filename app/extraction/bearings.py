"""A place located by a bearing from another, with no comma between ("Tal Rifaat north of
Aleppo", "the town of Taji 20 km north of Baghdad"): the event is at the first place; the
second is only the landmark that says where the first lies.

The comma form ("Fallujah, 50 km west of Baghdad") is :func:`place_lists.reference_of_previous`.
Only a place at least as specific as the landmark is located by it: in "the frontier with Iran
north of Sidakan" the country is not located by the town.
"""

from __future__ import annotations

import re

from app.extraction.place_lists import rank
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: What lies between a place and the landmark: a bearing and "of", maybe a distance.
_BEARING_OF = re.compile(
    r"\s+(?:(?:about|some|around|roughly|nearly|almost|just)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+(?:city|town|provincial capital|capital)\s+(?:of\s+)?)?",
    re.I,
)
#: Places that locate nothing by a bearing: a river or a range is a line or an area.
_NOT_LOCATED = frozenset({"water", "mountain", "country"})


def landmark_by_bearing(
    sentence: Sentence, m: ResolvedMention, placed: list[ResolvedMention]
) -> bool:
    """Whether ``m`` is only the landmark the place just before it is located by."""
    if m.place is None:
        return False
    for prev in placed:
        if prev is m or prev.place is None or prev.mention.end > m.mention.start:
            continue
        if prev.place.family in _NOT_LOCATED or rank(prev) > rank(m):
            continue
        between = sentence.text[
            prev.mention.end - sentence.start : m.mention.start - sentence.start
        ]
        if _BEARING_OF.fullmatch(between):
            return True
    return False

"""Lists that name their places by kind: closed by a plural kind noun ("the Gara and Hakurk
regions") or naming mountain ranges beside towns or other ranges ("Sinjar, Qandil and
Hakurk"), each item a place hit whatever its kind.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.place_lists import SPECIFICITY, plain_list, rank
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: A plural kind noun closing a list: "the Gara and Hakurk regions", "the Zakho and Amadiya
#: districts".
_PLURAL_KIND_AFTER = re.compile(
    r"\s+(?:regions|areas|districts|sub-?districts|mountains|provinces|governorates)\b", re.I
)


def kind_lists(sentence: Sentence, placed: list[ResolvedMention]) -> list[list[ResolvedMention]]:
    """The lists a plural kind noun closes ("struck the Sinjar and Hakurk regions": a town
    and a range, each a place hit, whatever their kinds)."""
    groups: list[list[ResolvedMention]] = []
    if len(placed) < 2 or not cued_search(_PLURAL_KIND_AFTER, sentence.text):
        return groups  # most sentences name no "regions"/"areas" after a list
    ordered = sorted(placed, key=lambda m: m.mention.start)
    for m in ordered:
        if any(m in g for g in groups):
            continue
        chain = plain_list(sentence, m, ordered)
        if len(chain) < 2:
            continue
        if _PLURAL_KIND_AFTER.match(sentence.text, chain[-1].mention.end - sentence.start):
            groups.append(chain)
    return groups


def range_lists(sentence: Sentence, placed: list[ResolvedMention]) -> list[list[ResolvedMention]]:
    """Lists that name a range or mountain area beside towns, sites or other ranges ("struck
    targets in Sinjar, Qandil and Hakurk", "in Gara, Metina and Zap in northern Iraq and in
    northern Syria"): each item a place hit, whatever its kind, the country said after no
    better place than they."""
    ranges = [m for m in placed if m.place is not None and m.place.family == "mountain"]
    if not ranges or len(placed) < 2:
        return []
    ordered = sorted(placed, key=lambda m: m.mention.start)
    groups: list[list[ResolvedMention]] = []
    for m in ordered:
        if any(m in g for g in groups):
            continue
        chain = plain_list(sentence, m, ordered)
        if (
            len(chain) > 1
            and any(c in ranges for c in chain)
            and all(c in ranges or rank(c) <= SPECIFICITY["admin2"] for c in chain)
        ):
            groups.append(chain)
    return groups


#: "the Metina, Zap and Avashin areas of Duhok governorate": what the list's kind noun is of.
_KIND_OF_AFTER = re.compile(
    r"\s+(?:regions|areas|districts|sub-?districts|mountains)\s+(?:of|in)\s+(?:the\s+)?$", re.I
)


def qualifies_list(
    sentence: Sentence, m: ResolvedMention, groups: list[list[ResolvedMention]]
) -> bool:
    """Whether a place only says where a list closed by a plural kind noun lies ("the Metina,
    Zap and Avashin areas of Duhok governorate": Duhok is no place of its own)."""
    at = m.mention.start - sentence.start
    return any(
        m not in g
        and g[-1].mention.end <= m.mention.start
        and bool(_KIND_OF_AFTER.fullmatch(sentence.text, g[-1].mention.end - sentence.start, at))
        for g in groups
    )

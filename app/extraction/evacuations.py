"""Armed men leaving with their families: an evacuation of fighters under a deal, not civilians
fleeing.

"3,000 fighters and their families left the town in buses", "rebels and some 500 family
members boarded buses": the kin named after the force travel with it, and the move is the
force's (the corpus README: fighters bused out of a town are a ``troop_withdrawal``). A
sentence whose movers are only families or residents stays one of people fleeing.
"""

from __future__ import annotations

import re

__all__ = ["force_with_kin"]

#: A force word joined to the kin that travel with it, ending where the movement word begins:
#: "fighters and members of their families", "militants with their relatives", "IS fighters
#: and some 300 family members".
_FORCE_WITH_KIN = re.compile(
    r"\b(?:fighters|militants|rebels|gunmen|jihadists|insurgents|troops|soldiers|members)\b"
    r"(?:\s+\w+)?\s+(?:and|with|along with|together with)\s+"
    r"(?:members of\s+|some\s+[\d,]+\s+|about\s+[\d,]+\s+|[\d,]+\s+)?(?:their\s+|its\s+)?"
    r"(?:families|family members|relatives|dependants|dependents)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


def force_with_kin(before: str) -> bool:
    """Whether the text just before a movement word ends with a force and its kin ("fighters
    and their families"), who leave together as the force."""
    return _FORCE_WITH_KIN.search(before) is not None


#: What tells a departure as an evacuation: a deal it was made under, or the buses that took
#: the men away ("left for Idlib under the agreement", "boarded buses", "were bused north").
_EVACUATION = re.compile(
    r"\bunder (?:a|an|the|this|that) (?:[\w-]+ ){0,3}?(?:deal|agreement|arrangement|accord|"
    r"truce)\b|\b(?:deal|agreement|arrangement) (?:that |which )?(?:allowed|allowing|let)\b|"
    r"\b(?:buses|buss?ed|evacuat(?:ed|ion))\b",
    re.IGNORECASE,
)


def evacuation(sentence: str) -> bool:
    """Whether a sentence tells a force's departure as an evacuation (a deal, buses): the
    move, even with a destination, is a withdrawal; it is placed where the buses went when the
    sentence names it ("left Douma for Jarablus": Jarablus), at the place left otherwise."""
    return _EVACUATION.search(sentence) is not None

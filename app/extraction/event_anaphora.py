"""Nouns that refer back to an event already told: "the attack", "the blast", "the deal".

A trigger word in such a phrase is the earlier event named again, not a new occurrence
(:mod:`app.extraction.drafting`, :mod:`app.extraction.occurrences`); some nouns name an
event of one group only ("the deal" an agreement, "the protesters" unrest).
"""

from __future__ import annotations

import re

#: Nouns that refer back to an event already told ("the attack", "the blast").
ANAPHORA = re.compile(
    r"\b(?:the|this|that|these|either|both) (?:[\w-]+ ){0,2}?(?:attack|attacks|blast|"
    r"explosion|strike|strikes|bombing|raid|clash|clashes|fighting|violence|incident|incidents|assault|ambush|"
    r"escalation|shelling|protest|protests|rally|riot|deployment|convoy|operation|missiles|"
    r"rockets|drones|shells|mortars|deal|agreement|demonstrators|protesters|attackers|rioters|"
    r"bomber)\b",
    re.I,
)


#: Anaphora nouns that name an event of one group only: "the deal" goes back to an agreement,
#: "the protesters" to unrest, never to a movement of troops.
_NOUN_GROUPS = {
    "deal": "agreement",
    "agreement": "agreement",
    "protest": "unrest",
    "protests": "unrest",
    "rally": "unrest",
    "riot": "unrest",
    "demonstrators": "unrest",
    "protesters": "unrest",
    "rioters": "unrest",
}


def refers_back(text: str, group: str) -> bool:
    """Whether the sentence holds an anaphora noun that can refer back to an event of the
    group: "the 1974 disengagement agreement" is no movement told again."""
    for match in ANAPHORA.finditer(text):
        noun = match.group(0).rsplit(" ", 1)[-1].lower()
        if _NOUN_GROUPS.get(noun, group) == group:
            return True
    return False

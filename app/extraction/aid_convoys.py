"""News of the type ``other`` told with words of other types: an aid convoy entering a town,
diplomats withdrawn, a shrine blown up. The ``other`` trigger says what the words mean there;
the movement or violence trigger read inside it (or a movement of the aid it names) is no
event of its own."""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger

__all__ = ["told_as_other"]

#: What an ``other`` trigger names when it is aid on the move.
_AID = re.compile(
    r"\b(?:aid|relief|humanitarian|food|medical|Red Crescent|Red Cross)\b", re.IGNORECASE
)


def told_as_other(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """Whether ``trigger`` shares words with an ``other`` trigger of the same sentence
    ("withdrew its diplomats", "blew up the shrine", "planes dropped food"), or a movement of
    the aid one names ("an aid convoy entered the town")."""
    if trigger.spec.name == "other":
        return False
    for other in triggers:
        if other.spec.name != "other":
            continue
        if other.start < trigger.end and trigger.start < other.end:
            return True  # the words overlap: "cargo planes dropped food" is no strike
        if trigger.spec.category == "movement" and _AID.search(other.text):
            return True
    return False

"""An owner told after the weapon: "warplanes believed to be Russian", "drones, thought to be
Turkish", "aircraft believed to be Russian and Syrian".

Monitors name the aircraft first and hedge on whose they were; the hedge names the owner as
surely as "Russian warplanes" does, so the phrase is read as that owner phrase would be
(through the actor dictionary's owner words), at the weapon's place in the sentence; the
second owner of a pair is a mention of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from app.extraction.actors import ActorMention
from app.extraction.cues import cued_finditer

#: The weapon, the hedge, one or two owner words.
BELIEVED = re.compile(
    r"\b(?P<noun>(?i:warplanes|jets|aircraft|planes|helicopters|drones))\s*,?\s+(?:believed|thought|"
    r"suspected|said|reported)\s+(?:to\s+(?:be|have\s+been)\s+)?(?P<first>[A-Z][a-z]+)"
    r"(?:\s+(?:and|or)\s+(?P<second>[A-Z][a-z]+))?\b"
)


def with_believed_owners(
    text: str,
    mentions: Sequence[ActorMention],
    find: Callable[[str, dt.date], list[ActorMention]],
    day: dt.date,
) -> list[ActorMention]:
    """The mentions with each hedged owner read as the owner phrase ``find`` (the actor
    dictionary's matcher) reads "<owner> <weapon>" as."""
    added: list[ActorMention] = []
    for match in cued_finditer(BELIEVED, text):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        for group in ("first", "second"):
            word = match.group(group)
            if word is None:
                continue
            read = find(f"{word} {match.group('noun').lower()}", day)
            if len(read) == 1 and read[0].start == 0 and not read[0].generic:
                # The first owner stands where the weapon does (it is what acts).
                span = match.span("noun") if group == "first" else match.span(group)
                start, end = span
                added.append(ActorMention(start, end, text[start:end], read[0].actors))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else list(mentions)

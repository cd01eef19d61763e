"""Possessives: "its fighters", "its warplanes" are the forces of whom the sentence named.

"The SDF said its fighters had repelled the assault", "Russia's defence ministry said its
aircraft struck 40 targets", "Ankara launched an operation two days after its warplanes began
striking": the owner is the last actor named before "its" in the same sentence. A government
or ministry owns the state's armed forces ("the Turkish defence ministry said its forces"),
so its forces are those of its country; a country or capital named as acting (see
:mod:`app.extraction.states_acting`) is read as its forces already. Generic force words
("security forces said its ...") and unarmed owners (civilians, companies) own no forces
here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_finditer

#: "its (own) fighters": a force noun after "its".
POSSESSIVE = re.compile(
    r"\b[Ii]ts\s+(?:own\s+)?(?:forces|troops|fighters|soldiers|units|warplanes|jets|aircraft|"
    r"drones|artillery|militants|personnel|men|members)\b"
)
#: How far back the owner may be named, and what it may not be separated from "its" by.
_REACH = 160
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"']|\n")
_ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)


def with_possessives(
    text: str,
    mentions: Sequence[ActorMention],
    national: Callable[[str, dt.date], Actor | None],
    day: dt.date,
    generic: Callable[[ActorMention], bool],
) -> list[ActorMention]:
    """The mentions with each "its <force>" read as the forces of its owner, if one is named
    before it in its sentence (``national`` gives a country's forces, ``generic`` tells
    generic force words, which own nothing)."""
    added: list[ActorMention] = []
    for match in cued_finditer(POSSESSIVE, text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        owner = _owner(text, mentions, start, generic)
        forces = _forces_of(owner, national, day) if owner is not None else None
        if forces is not None:
            added.append(ActorMention(start, end, match.group(), (forces,)))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else list(mentions)


def _owner(
    text: str,
    mentions: Sequence[ActorMention],
    at: int,
    generic: Callable[[ActorMention], bool],
) -> Actor | None:
    """The actor last named before ``at`` within its sentence, if any."""
    floor = max(0, at - _REACH)
    cut = [m.end() for m in _SENTENCE_END.finditer(text, floor, at + 1)]
    floor = cut[-1] - 1 if cut else floor
    before = [m for m in mentions if floor <= m.start and m.end <= at and not generic(m)]
    return before[-1].actors[0] if before else None


def _forces_of(
    owner: Actor, national: Callable[[str, dt.date], Actor | None], day: dt.date
) -> Actor | None:
    if owner.kind in _ARMED:
        return owner
    if owner.kind == "government" and owner.country is not None:
        return national(owner.country, day)
    return None

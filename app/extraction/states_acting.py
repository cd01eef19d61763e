"""A country named as the subject of a military act: its armed forces acted.

"Turkey shelled villages near Zakho", "Israel struck a depot near Damascus", "Russia launched
air strikes on Idlib": the state acts through its forces. The countries are those the
lexicon gives an owner form for ("Turkey's" -> Turkish Armed Forces), so a country is added
by a row in data/lexicon/demonyms.csv, not here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_finditer
from app.extraction.lexicon import Demonym

#: Military verbs whose subject acts with its forces.
_VERBS = (
    r"(?:(?:has|had|have|also|then|later|again|reportedly)\s+){0,2}(?:shelled|struck|bombed|"
    r"launched|fired|attacked|targeted|pounded|carried\s+out|deployed|sent|killed|hit|raided|"
    r"intercepted|shot\s+down|conducted)\b"
)


def state_names(demonyms: Sequence[Demonym]) -> dict[str, str]:
    """Country name -> the forces' actor name, from owner forms ("Turkey's")."""
    return {
        d.word[:-2]: d.forces
        for d in demonyms
        if d.word.endswith("'s") and d.forces and d.valid_to is None
    }


class StatesActing:
    """Finds countries named as the subject of a military verb."""

    def __init__(self, names: Mapping[str, str], actors: Mapping[str, Actor]) -> None:
        """``names``: country name -> actor name; ``actors``: the dictionary by name."""
        self._forces = {n: actors[a] for n, a in names.items() if a in actors}
        words = "|".join(re.escape(n) for n in sorted(self._forces, key=len, reverse=True))
        self._pattern = (
            re.compile(rf"(?<![\w-])({words})\s+(?i:{_VERBS})") if self._forces else None
        )

    def add(self, text: str, found: Sequence[ActorMention]) -> list[ActorMention]:
        """The mentions with each acting country read as its forces."""
        if self._pattern is None:
            return list(found)
        added = [
            ActorMention(m.start(1), m.end(1), m.group(1), (self._forces[m.group(1)],))
            for m in cued_finditer(self._pattern, text)
            if not any(f.start < m.end(1) and m.start(1) < f.end for f in found)
        ]
        return sorted([*found, *added], key=lambda m: m.start) if added else list(found)

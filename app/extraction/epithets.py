"""Cities a report names by an epithet: "Iraq's second city", "the Syrian capital".

A writer who has named Mosul once calls it "Iraq's second-largest city" the next time ("as
they pulled out of Iraq's second-largest city"); an analyst places the event in Mosul, not in
Iraq. The epithets and the cities they stand for are data, ``data/lexicon/epithets.csv``
(phrase: a pattern, matched whole words and case aside from its first letter; place: the
city's name as the gazetteer knows it), read with the rest of the lexicon. An epithet becomes
a place mention of the city and replaces the mentions inside it (the country of "Iraq's").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.cues import cued_finditer
from app.extraction.places import Mention
from app.gazetteer.normalize import normalize


class Epithets:
    """The lexicon's epithets, compiled once."""

    def __init__(self, table: Sequence[tuple[str, str]]) -> None:
        """``table``: (phrase pattern, city name) rows (:attr:`Lexicon.epithets`)."""
        self._table = [
            (re.compile(rf"(?<![\w'’-])(?:{phrase})(?![\w-])"), normalize(place))
            for phrase, place in table
        ]

    def add(self, text: str, found: list[Mention]) -> list[Mention]:
        """``found`` plus a mention of the city for every epithet in ``text``."""
        added: list[Mention] = []
        for pattern, key in self._table:
            for match in cued_finditer(pattern, text):  # most reports name no epithet's words
                start, end = match.span()
                if any(a.start < end and start < a.end for a in added):
                    continue
                added.append(Mention(start, end, match.group(), key, "populated", False))
        if not added:
            return found
        kept = [m for m in found if not any(a.start < m.end and m.start < a.end for a in added)]
        return sorted(kept + added, key=lambda m: m.start)

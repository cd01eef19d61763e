"""The group that led an offensive stands behind the generic words for its side.

From 27 November to 8 December 2024 the Syrian opposition's offensive ("Deterrence of
Aggression") that took Aleppo, Hama, Homs and Damascus was led by Hayat Tahrir al-Sham:
"rebels swept into Hama", "opposition fighters entered Homs" in those days are HTS's acts as
much as the opposition's (in the dev split's gold, HTS is a party to 9 of the 10 events of
those days whose sentence names the rebels generically and the rebels take part; the
Turkish-backed factions' parallel offensive is named as theirs, "Turkish-backed rebels").

In the same way, Syrian rebels who fight beside Turkey's forces in Syria, or are "backed by
Turkey", are the Turkish-backed Syrian National Army (gold calls the Euphrates Shield, Olive
Branch and Peace Spring factions SNA throughout): "Turkish troops and allied rebels took
Jarablus", "Turkish tanks and FSA factions crossed the border".

The led offensives (side, leader, country, days) are data, data/lexicon/led_offensives.csv.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import lexicon_dir
from app.extraction.lexicon_tables import LedOffensive, read_backed_sides


class LedOffensives:
    """The lexicon's led offensives (data/lexicon/led_offensives.csv)."""

    def __init__(self, offensives: Sequence[LedOffensive], known: Mapping[str, Actor]) -> None:
        """``offensives``: :attr:`Lexicon.led_offensives`; ``known``: the actors by name,
        which every row must name."""
        for row in offensives:
            for name in (row.side, row.leader):
                if name not in known:
                    raise GazetteerError(log_message=f"{row.source}: unknown actor {name!r}")
        self._offensives = tuple(offensives)
        # Groups that were parties in their own name (an offensive's leader, a foreign
        # force's local ally): named, they stand alone.
        self._own_names = frozenset(
            {*(o.leader for o in offensives), *(backed for backed, _ in BACKED_SIDES.values())}
        )

    def add_leader(self, draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
        """Add the offensive's leader beside its generic side, with the same role."""
        place = draft.location.place if draft.location is not None else None
        if place is None or any(a.name in self._own_names for a, _, _ in draft.actors):
            return
        for offensive in self._offensives:
            if place.country != offensive.country:
                continue
            if not offensive.start <= draft.date <= offensive.end:
                continue
            role = next((r for a, r, _ in draft.actors if a.name == offensive.side), None)
            leader = catalog.get(offensive.leader)
            if role is not None and leader is not None:
                draft.add_actor(leader, role, None)


#: (foreign force, country) -> (the local force it backs, the generic names of its side):
#: data/lexicon/backed_sides.csv.
BACKED_SIDES = read_backed_sides([lexicon_dir() / "backed_sides.csv"])
#: "rebels backed by Turkey", "supported by Ankara": the backer named after the rebels.
_BACKED_BY = {
    "Turkish Armed Forces": re.compile(
        r"\b(?:backed|supported|armed|trained)\s+by\s+(?:Turkey|Ankara|Turkish)\b", re.I
    ),
}


def add_backed_side(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Read generic rebels acting beside (or backed by) a foreign force as the local force it
    backs there, with their role."""
    place = draft.location.place if draft.location is not None else None
    if place is None:
        return
    names = {a.name: role for a, role, _ in draft.actors}
    for (backer, country), (backed, generic) in BACKED_SIDES.items():
        if place.country != country or backed in names:
            continue
        role = next((names[n] for n in generic if n in names), None)
        if role is None:
            continue
        beside = names.get(backer) == role
        said = _BACKED_BY.get(backer)
        if beside or (said is not None and said.search(draft.sentence.text)):
            local = catalog.get(backed)
            if local is not None:
                draft.add_actor(local, role, None)

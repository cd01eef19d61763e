"""Gold actor names read through the extractor's own alias table before they are compared.

Annotators name actors with the canonical names of the actor list (data/actors.csv), but now
and then declare as a new actor a name that the list already has as an alias ("Syrian rebels",
an alias of "Syrian opposition factions"). The extractor can only ever answer the canonical
name, so such a gold name would count as a miss however right the reading. A gold name that
is exactly an alias (after the lexicon's own normalisation: surrounding blanks stripped, case
folded, as :meth:`ActorMatcher.canonical` reads a name) of exactly one actor is read as that
actor's canonical name. Canonical names stay as written, an alias of several actors ("gunmen",
Iraq's or Syria's) stays as written, and nothing is fuzzy. ``geoevents evaluate
--raw-actor-names`` skips this, for figures comparable with those scored before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.extraction.actors import Actor


def alias_key(name: str) -> str:
    """A name as the alias table compares it (as :meth:`ActorMatcher.canonical` does)."""
    return name.strip().casefold()


@dataclass(frozen=True)
class GoldActorNames:
    """Canonical names, and the aliases that name exactly one actor (by :func:`alias_key`)."""

    canonical: frozenset[str]
    aliases: Mapping[str, str]

    @classmethod
    def from_actors(cls, actors: Iterable[Actor]) -> GoldActorNames:
        """The table of an actor lexicon (``Extractor.actors.actors.values()``)."""
        owners: defaultdict[str, set[str]] = defaultdict(set)
        names = set()
        for actor in actors:
            names.add(actor.name)
            for alias in actor.aliases:
                owners[alias_key(alias)].add(actor.name)
        aliases = {key: next(iter(o)) for key, o in owners.items() if len(o) == 1}
        return cls(frozenset(names), aliases)

    def name(self, written: str) -> str:
        """The canonical name a gold actor name stands for, or the name as written."""
        if written in self.canonical:
            return written
        return self.aliases.get(alias_key(written), written)

    def event(self, gold: Mapping[str, Any]) -> dict[str, Any]:
        """A gold event with its actors renamed, one for one (an actor listed twice, as both
        sides of a clan clash, stays listed twice, as it would be written by hand)."""
        actors = [{**a, "name": self.name(a["name"])} for a in gold["actors"]]
        return {**gold, "actors": actors}

"""Whom a strike on a base or a foreign mission hits: the force it hosts, the state it serves.

Reporters name the site, not the troops in it: "rockets hit Ain al-Asad air base" is an
attack on the US troops there, "a drone was shot down near Erbil airport" one on the
coalition, "a rocket landed near the US consulate" one on the United States government.
The sites are data (``data/lexicon/hosted_sites.csv``, each with the force it hosts, the
period and a source note); a mission's owner is read from its adjective ("the Turkish
consulate"). The force is a target only when the sentence names no one of its side already ("US
forces at Ain al-Asad shot down a drone", "a base that hosts coalition advisers").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor
from app.extraction.crowds import mission_owner
from app.extraction.cues import cued_finditer
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import HostedSite
from app.extraction.patterns import lazy_compile

#: Violence whose target a struck site names (not an arrest, not a protest).
STRUCK = frozenset(
    {
        "drone_or_rocket_attack",
        "attack",
        "ied_explosion",
        "suicide_bombing",
        "airstrike",
        "armed_clash",
    }
)
#: One side: a US strike is not an attack on the coalition it leads.
_ALLIED = frozenset({"United States Armed Forces", "US-led coalition"})


class HostedSites:
    """Finds hosted sites in a sentence and adds the force they host as a strike's target."""

    def __init__(self, sites: Sequence[HostedSite], catalog: Mapping[str, Actor]) -> None:
        for site in sites:
            if site.actor not in catalog:
                message = f"hosted site {site.names[0]!r} names unknown actor {site.actor!r}"
                raise GazetteerError(log_message=message)
        self._catalog = catalog
        self._by_name = {name.casefold(): site for site in sites for name in site.names}
        names = sorted(self._by_name, key=len, reverse=True)
        self._pattern: re.Pattern[str] | None = (
            lazy_compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])", re.I)
            if names
            else None
        )

    def hosts(self, draft: EventDraft) -> list[Actor]:
        """The forces and governments the sites struck in the draft's sentence stand for."""
        text = draft.sentence.text
        found: list[Actor] = []
        if self._pattern is not None:
            for match in cued_finditer(self._pattern, text):
                site = self._by_name[match.group().casefold()]
                actor = self._catalog[site.actor]
                if site.valid_on(draft.date) and actor not in found:
                    found.append(actor)
        owner = mission_owner(text)
        if owner is not None and owner in self._catalog:
            found.append(self._catalog[owner])
        return found

    def add_targets(self, draft: EventDraft) -> None:
        """Add the hosted forces as targets of a strike their own side did not make."""
        if draft.spec.name not in STRUCK:
            return
        for host in self.hosts(draft):
            if not any(_same_side(a, host) for a, _, _ in draft.actors):
                draft.add_actor(host, "target", None)


def _same_side(actor: Actor, host: Actor) -> bool:
    """Whether the draft already names the host or its side: "a base that hosts coalition
    advisers" names its force; "US forces at Ain al-Asad shot down a drone" its defenders."""
    if actor.name == host.name or (actor.name in _ALLIED and host.name in _ALLIED):
        return True
    return actor.country is not None and actor.country == host.country

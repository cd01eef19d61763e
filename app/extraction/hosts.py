"""Whom a strike on a base or a foreign mission hits: the force it hosts, the state it serves.

Reporters name the site, not the troops in it: "rockets hit Ain al-Asad air base" is an
attack on the US troops there, "a drone was shot down near Erbil airport" one on the
coalition, "a rocket landed near the US consulate" one on the United States government.
The sites are data (``data/lexicon/hosted_sites.csv``, each with the force it hosts, the
period and a source note); a mission's owner is read from its adjective ("the Turkish
consulate"). The force is a target only when the sentence names no one of its side already ("US
forces at Ain al-Asad shot down a drone", "a base that hosts coalition advisers").

A foreign force's strike on the military sites of the country where it falls ("Israeli jets
struck military sites near Kisweh", "hit the T4 air base") is a strike on that state's
forces, as of the event's day, when the sentence names no armed target; on its seats of
power ("the Defence Ministry headquarters", "near the presidential palace") one on its
government.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor
from app.extraction.cues import cued_finditer, cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import HostedSite
from app.extraction.lexicon_tables import Named
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
#: What a foreign strike on a state's military hits: its forces.
MILITARY_SITE = re.compile(
    r"\b(?:military\s+(?:sites?|positions?|targets?|airports?|air\s*bases?|bases?|"
    r"installations?|facilit(?:y|ies)|depots?|airfields?|academy|college)|air\s*bases?|"
    r"airfields?|army\s+(?:positions?|posts?|bases?|depots?)|weapons?\s+depots?|"
    r"air\s+defen[cs]es?|radars?|general\s+staff|(?:tanks|convoys)\s+of\s+government\s+"
    r"forces|government\s+(?:tanks|convoys))\b",
    re.I,
)
#: What a foreign strike on a state's seat of power hits: its government (not a ministry
#: that speaks: "Turkey's defence ministry said its jets struck ...").
STATE_SEAT = re.compile(
    r"\b(?:presidential\s+palace|(?:defen[cs]e|interior)\s+ministry|"
    r"ministry\s+of\s+(?:national\s+)?(?:defen[cs]e|interior))\b"
    r"(?!\s+(?:said|says|announced|stated|reported|confirmed|added)\b)",
    re.I,
)
_ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)
_AIR_AND_FIRE = frozenset({"airstrike", "drone_or_rocket_attack"})
#: A site named as a landmark to place something else by ("8 km from Ain al-Asad").
_LANDMARK_BEFORE = re.compile(
    r"\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+){0,2}(?:from|of)\s+"
    r"(?:the\s+)?$",
    re.I,
)


class HostedSites:
    """Finds hosted sites in a sentence and adds the force they host as a strike's target."""

    def __init__(
        self,
        sites: Sequence[HostedSite],
        catalog: Mapping[str, Actor],
        national: Callable[[str, dt.date], Actor | None] | None = None,
        as_of: Callable[[Actor, dt.date], Actor] | None = None,
        governments: Mapping[str, str] | None = None,
        mission_owner: Callable[[str], str | None] | None = None,
        allies: Sequence[Named] = (),
    ) -> None:
        """``governments``: country code -> its government's actor name (data/lexicon/states.csv),
        the target of a foreign strike on the state's seat of power; ``mission_owner``: the
        government whose mission a text names as struck
        (:meth:`app.extraction.crowds.CrowdTargets.mission_owner`); ``allies``: forces of one
        side (data/lexicon/allies.csv: a US strike is not an attack on the coalition it leads)."""
        for site in sites:
            if site.actor not in catalog:
                message = f"hosted site {site.names[0]!r} names unknown actor {site.actor!r}"
                raise GazetteerError(log_message=message)
        for row in allies:
            for name in (row.name, row.value):
                if name not in catalog:
                    raise GazetteerError(log_message=f"{row.source}: unknown actor {name!r}")
        self._allied = frozenset(frozenset((row.name, row.value)) for row in allies)
        self._catalog = catalog
        self._national = national
        self._as_of = as_of
        self._governments = dict(governments or {})
        self._mission_owner = mission_owner
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
                if _LANDMARK_BEFORE.search(text, 0, match.start()):
                    continue  # "a town 8 km from Ain al-Asad": a landmark, not what was hit
                site = self._by_name[match.group().casefold()]
                actor = self._catalog[site.actor]
                if site.valid_on(draft.date) and actor not in found:
                    found.append(actor)
        owner = self._mission_owner(text) if self._mission_owner is not None else None
        if owner is not None and owner in self._catalog:
            found.append(self._catalog[owner])
        return found

    def _same_side(self, actor: Actor, host: Actor) -> bool:
        """Whether the draft already names the host or its side: "a base that hosts coalition
        advisers" names its force; "US forces at Ain al-Asad shot down a drone" its defenders."""
        if actor.name == host.name or frozenset((actor.name, host.name)) in self._allied:
            return True
        return actor.country is not None and actor.country == host.country

    def add_targets(self, draft: EventDraft) -> None:
        """Add the hosted forces as targets of a strike their own side did not make."""
        if draft.spec.name not in STRUCK:
            return
        hosts = self.hosts(draft)
        for host in hosts:
            if not any(self._same_side(a, host) for a, _, _ in draft.actors):
                draft.add_actor(host, "target", None)
        if not hosts and draft.spec.name in _AIR_AND_FIRE:
            self._add_state_struck(draft)  # a base hosting a foreign force is theirs

    def _add_state_struck(self, draft: EventDraft) -> None:
        """A foreign force's strike on the military or the seats of power of the country
        where it fell, when no armed target is named."""
        place = draft.location.place if draft.location is not None else None
        country = place.country if place is not None else None
        if country is None or self._national is None:
            return
        acting = [a for a, role, _ in draft.actors if role == "actor"]
        if not any(a.kind == "external_forces" and a.country != country for a in acting):
            return
        if any(a.kind in _ARMED for a, role, _ in draft.actors if role == "target"):
            return
        text = draft.sentence.text
        if cued_search(MILITARY_SITE, text):
            forces = self._national(country, draft.date)
            if forces is not None:
                draft.add_actor(forces, "target", None)
        government = self._catalog.get(self._governments.get(country, ""))
        if government is not None and cued_search(STATE_SEAT, text):
            if self._as_of is not None:
                government = self._as_of(government, draft.date)
            draft.add_actor(government, "target", None)

"""Security forces in the Kurdistan Region are the Region's own, not the federal ones.

The federal army and police do not police Erbil, Sulaymaniyah and Duhok: "security forces
in Sulaimani fired tear gas", "police arrested two suspects in Duhok" and arrests or a
dispersed crowd with no force named there are the work of the Kurdistan Region's security
forces (the Asayish; actors.csv ``Kurdistan Region Asayish``). Soldiers, troops and the army
named there stay as read (federal troops or the Peshmerga are named as such).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

#: The governorates the Kurdistan Regional Government runs (ISO 3166-2).
KURDISTAN_REGION = frozenset({"IQ-AR", "IQ-SU", "IQ-DA"})
FEDERAL = "Iraqi Security Forces"
REGIONAL = "Kurdistan Region Asayish"
#: Generic words for the police side of the state (not "army", "troops", "soldiers").
_POLICING = frozenset(
    {
        "security forces",
        "police",
        "policemen",
        "security personnel",
        "security units",
        "riot police",
        "the security forces",
    }
)


def as_regional(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Read the federal forces of a Kurdistan Region event, named by a policing word or
    added with no word at all (an arrest, a crowd dispersed), as the Region's."""
    place = draft.location.place if draft.location is not None else None
    regional = catalog.get(REGIONAL)
    if place is None or place.admin1 not in KURDISTAN_REGION or regional is None:
        return
    if any(a.name == REGIONAL for a, _, _ in draft.actors):
        return
    draft.actors = [
        (regional, role, mention)
        if actor.name == FEDERAL and (mention is None or mention.text.casefold() in _POLICING)
        else (actor, role, mention)
        for actor, role, mention in draft.actors
    ]

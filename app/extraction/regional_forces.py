"""Security forces where a regional authority polices are that authority's, not the state's.

The federal army and police do not police Erbil, Sulaymaniyah and Duhok: "security forces
in Sulaimani fired tear gas", "police arrested two suspects in Duhok" and arrests or a
dispersed crowd with no force named there are the work of the Kurdistan Region's security
forces (the Asayish; actors.csv ``Kurdistan Region Asayish``). Likewise Hasakah (since 2013)
and Raqqa (since the SDF took the city in October 2017) are policed by the Asayish of the
Autonomous Administration (actors.csv ``Asayish``), not by Damascus's forces. Deir ez-Zor is
left out: its west bank and city were held by Damascus. Soldiers, troops and the army named
there stay as read (federal troops, the Peshmerga or the SDF are named as such).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

#: Governorate (ISO 3166-2) -> the regional police there and the day it took over.
REGIONAL_POLICE = {
    "IQ-AR": ("Kurdistan Region Asayish", dt.date(1992, 1, 1)),
    "IQ-SU": ("Kurdistan Region Asayish", dt.date(1992, 1, 1)),
    "IQ-DA": ("Kurdistan Region Asayish", dt.date(1992, 1, 1)),
    "SY-HA": ("Asayish", dt.date(2013, 1, 1)),
    "SY-RA": ("Asayish", dt.date(2017, 10, 20)),
}
#: The state forces a regional police stands in for.
STATE_FORCES = frozenset(
    {"Iraqi Security Forces", "Syrian government forces", "Syrian transitional government forces"}
)
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
        "internal security forces",
    }
)


def as_regional(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Read the state forces of an event where a regional police polices, named by a
    policing word or added with no word at all (an arrest, a crowd dispersed), as that
    police."""
    place = draft.location.place if draft.location is not None else None
    if place is None or place.admin1 not in REGIONAL_POLICE:
        return
    name, since = REGIONAL_POLICE[place.admin1]
    regional = catalog.get(name)
    if regional is None or draft.date < since:
        return
    if any(a.name == name for a, _, _ in draft.actors):
        return
    draft.actors = [
        (regional, role, mention)
        if actor.name in STATE_FORCES and (mention is None or mention.text.casefold() in _POLICING)
        else (actor, role, mention)
        for actor, role, mention in draft.actors
    ]

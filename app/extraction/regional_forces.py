"""Security forces where a regional authority polices are that authority's, not the state's.

The federal army and police do not police Erbil, Sulaymaniyah and Duhok: "security forces
in Sulaimani fired tear gas", "police arrested two suspects in Duhok" and arrests or a
dispersed crowd with no force named there are the work of the Kurdistan Region's security
forces (the Asayish; actors.csv ``Kurdistan Region Asayish``). Likewise Hasakah (since 2013)
and Raqqa (since the SDF took the city in October 2017) are policed by the Asayish of the
Autonomous Administration (actors.csv ``Asayish``), not by Damascus's forces. Deir ez-Zor is
left out: its west bank and city were held by Damascus. Soldiers, troops and the army named
there stay as read (federal troops, the Peshmerga or the SDF are named as such). The
governorates, their police and the day it took over are data,
``data/lexicon/regional_police.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import shipped_words
from app.extraction.lexicon_tables import RegionalPolice

#: The state forces a regional police stands in for (data/lexicon/policed_state_forces.csv).
STATE_FORCES = shipped_words("policed_state_forces.csv", "actor")
#: Generic words for the police side of the state, not "army", "troops", "soldiers"
#: (data/lexicon/policing_words.csv).
_POLICING = shipped_words("policing_words.csv", "word")


class RegionalForces:
    """The lexicon's regional police by governorate."""

    def __init__(self, police: Sequence[RegionalPolice], known: Mapping[str, Actor]) -> None:
        """``police``: :attr:`Lexicon.regional_police`; ``known``: the actors by name, which
        every row must name."""
        for row in police:
            if row.police not in known:
                raise GazetteerError(log_message=f"{row.source}: unknown actor {row.police!r}")
        self._police = {row.admin1: (row.police, row.since) for row in police}

    def as_regional(self, draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
        """Read the state forces of an event where a regional police polices, named by a
        policing word or added with no word at all (an arrest, a crowd dispersed), as that
        police."""
        place = draft.location.place if draft.location is not None else None
        if place is None or place.admin1 not in self._police:
            return
        name, since = self._police[place.admin1]
        regional = catalog.get(name)
        if regional is None or draft.date < since:
            return
        if any(a.name == name for a, _, _ in draft.actors):
            return
        draft.actors = [
            (regional, role, mention)
            if actor.name in STATE_FORCES
            and (mention is None or mention.text.casefold() in _POLICING)
            else (actor, role, mention)
            for actor, role, mention in draft.actors
        ]

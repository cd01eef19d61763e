"""A small foreign place far from everything a report is about is a word read as a place.

"Roads to Saray were blocked" in a report on Sulaymaniyah is no quarter of Istanbul, nor is
"the Jabaliya forest" outside a village of Daraa the town in Gaza: a report about Iraq or
Syria names a town abroad that is not a large city when the story goes there, and then it
names that town's country (by name, a demonym or a governorate) or places near it (Karkamis
across the border from Jarablus). A mention resolved to a place outside Iraq and Syria that is
none of these (smaller than :data:`CITY_POPULATION`, its country never named, farther than
:data:`FAR_KM` from every place of the report in Iraq or Syria) is the exactly named place
near the report's if the gazetteer has one, else no place (the event then takes its place
from its sentence or the report).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.domain import Place, km
from app.extraction.cross_border import CITY_POPULATION, MIN_HOME_MENTIONS
from app.extraction.resolve import ResolvedMention
from app.gazetteer.index import FOCUS_COUNTRIES

#: A foreign place this close to one of the report's places in Iraq or Syria may be meant.
FAR_KM = 150.0
#: A candidate's own score when its name is the mention's exactly.
_EXACT = 100.0
#: Places that name their country when a report names them.
_NAMING_FAMILIES = frozenset({"country", "admin1", "region"})


def _near(place: Place, homes: Sequence[Place]) -> bool:
    return any(km(place.lat, place.lon, h.lat, h.lon) <= FAR_KM for h in homes)


def _stray(place: Place, homes: Sequence[Place], named: set[str]) -> bool:
    """Whether a resolved place is a small town abroad that the report does not go to."""
    return (
        place.country not in FOCUS_COUNTRIES
        and place.country not in named
        and place.family not in _NAMING_FAMILIES
        and place.population < CITY_POPULATION
        and not _near(place, homes)
    )


def at_home_abroad(
    resolved: Sequence[ResolvedMention], demonyms: Counter[str]
) -> list[ResolvedMention]:
    """Move or unresolve the small foreign places far from a report about Iraq or Syria."""
    places = [r.place for r in resolved if r.place is not None]
    homes = [p for p in places if p.country in FOCUS_COUNTRIES]
    if len(homes) < MIN_HOME_MENTIONS:
        return list(resolved)
    named = {code for code, n in demonyms.items() if n > 0} | {
        p.country for p in places if p.family in _NAMING_FAMILIES
    }
    out: list[ResolvedMention] = []
    for r in resolved:
        if r.place is None or not _stray(r.place, homes, named):
            out.append(r)
            continue
        namesake = next(
            (
                c.place
                for c in r.candidates
                if c.place.country in FOCUS_COUNTRIES
                and c.score >= _EXACT
                and _near(c.place, homes)
            ),
            None,
        )
        out.append(ResolvedMention(r.mention, namesake, r.score, r.candidates))
    return out

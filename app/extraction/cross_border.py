"""A place across the border that the report never goes to is a namesake at home.

Village and quarter names repeat between Iraq and Syria: "clashes near Qasim and Mahmudiya" in
a report about Afrin are not al-Qasim in Babil nor Mahmudiya south of Baghdad. When a report's
places are in one of the two countries (:data:`HOME_RATIO` times as many mentions as in the
other) and a mention resolves to the other one, which the
report never names (no "Iraq", no "Iraqi", none of its large cities), that mention is the
namesake at home: an exactly named candidate in the report's country if there is one, else no
place at all (the event then takes its place from its sentence or the report). The namesake
must lie within :data:`NEAR_KM` of another of the report's places in that country; a place
that close to them is left where it is (a town just across the border).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.domain import Place, km
from app.extraction.resolve import ResolvedMention
from app.gazetteer.index import FOCUS_COUNTRIES

#: A city this large is named without its country ("Mosul", "Aleppo"): it says the report
#: goes there, as naming the country does.
CITY_POPULATION = 500_000
#: How many mentions of places in the other country make a report "about" that country,
#: and how many times more mentions it must have there than in the place's own country.
MIN_HOME_MENTIONS = 2
HOME_RATIO = 3
#: A candidate's own score when its name is the mention's exactly.
_EXACT = 100.0
#: Places that name their country when a report names them.
_NAMING_FAMILIES = frozenset({"country", "admin1", "region"})
#: A namesake at home this close to one of the report's places is the one meant.
NEAR_KM = 100.0


def _named_countries(resolved: Sequence[ResolvedMention], named: Counter[str]) -> set[str]:
    """The countries a report names: by a demonym, by their own name, a governorate or region
    of theirs ("Kurdistan Region of Iraq", "NORTHEAST SYRIA") or a large city."""
    places = [r.place for r in resolved if r.place is not None]
    return {code for code, n in named.items() if n > 0} | {
        p.country for p in places if p.family in _NAMING_FAMILIES or p.population >= CITY_POPULATION
    }


def _home_of(place: Place, counts: Counter[str]) -> str | None:
    """The other focus country, when the report's places are there and not in ``place``'s."""
    others = [c for c in FOCUS_COUNTRIES if c != place.country]
    if len(others) != 1:
        return None
    home = counts[others[0]]
    if home < MIN_HOME_MENTIONS or home < HOME_RATIO * counts[place.country]:
        return None
    return others[0]


def _near(place: Place, others: Sequence[Place], country: str) -> bool:
    """Whether ``place`` lies within :data:`NEAR_KM` of one of ``others`` in ``country``."""
    return any(
        p.country == country and km(place.lat, place.lon, p.lat, p.lon) <= NEAR_KM for p in others
    )


#: How close (in characters) a mention named beside another is ("Qahtaniyah and Amuda").
_BESIDE_CHARS = 120


def _paired(r: ResolvedMention, resolved: Sequence[ResolvedMention]) -> bool:
    """Whether a mention named beside this one may be a place of its country near it
    ("struck Qahtaniyah and Amuda": Amuda stays in Syria, and so its neighbour can)."""
    place = r.place
    return place is not None and any(
        other is not r
        and abs(other.mention.start - r.mention.start) <= _BESIDE_CHARS
        and any(
            c.place.country == place.country
            and c.place.id != place.id
            and km(c.place.lat, c.place.lon, place.lat, place.lon) <= NEAR_KM
            for c in other.candidates
        )
        for other in resolved
    )


def at_home(resolved: Sequence[ResolvedMention], named: Counter[str]) -> list[ResolvedMention]:
    """Move or unresolve the places of a focus country the report never names."""
    countries = _named_countries(resolved, named)
    counts = Counter(
        r.place.country
        for r in resolved
        if r.place is not None and r.place.country in FOCUS_COUNTRIES
    )
    homes = [r.place for r in resolved if r.place is not None]
    out: list[ResolvedMention] = []
    for r in resolved:
        place = r.place
        home = (
            _home_of(place, counts)
            if place is not None
            and place.country in FOCUS_COUNTRIES
            and place.country not in countries
            else None
        )
        if place is None or home is None or _near(place, homes, home) or _paired(r, resolved):
            # "Albu Kamal" across the border from al-Qaim stays in Syria.
            out.append(r)
            continue
        namesake = next(
            (
                c.place
                for c in r.candidates
                if c.place.country == home and c.score >= _EXACT and _near(c.place, homes, home)
            ),
            None,
        )
        out.append(ResolvedMention(r.mention, namesake, r.score, r.candidates))
    return out

"""The gazetteer service: forward search, reverse geocoding and regions, all in memory."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from app.domain import Candidate, Place, ReverseResult, km
from app.errors import InvalidInput, NotFound
from app.gazetteer.index import FOCUS_COUNTRIES, NameIndex
from app.gazetteer.loader import GazetteerData, load_gazetteer
from app.gazetteer.normalize import NameQuery, normalize, parse_query
from app.gazetteer.outlines import Outlines
from app.gazetteer.regions import RegionCatalog
from app.gazetteer.translit import variant_query_key
from app.startup import gc_paused

#: Scores: the whole query is a name (100); the query minus its kind words is a name (96);
#: the query is a name only once the place's own kind words are dropped (90).
SCORE_EXACT, SCORE_STRIPPED, SCORE_PLACE_CUE = 100.0, 96.0, 90.0
#: The query is another transliteration of a name (same variant key), looked for only when
#: no name matches exactly; fuzzy matching only when neither does.
SCORE_VARIANT = 93.0
CUE_AGREES, CUE_DISAGREES = 4.0, -20.0
FUZZY_WEIGHT = 0.9
#: How far a location's point may be from its gazetteer place's point and still be that
#: place's point for :meth:`Gazetteer.codes_many` (the extractor copies it to 6 decimals).
SAME_POINT_KM = 0.1
#: Among equal scores: countries, then towns, governorates, districts, sites, terrain.
FAMILY_RANK = {
    "country": 0,
    "populated": 1,
    "admin1": 2,
    "region": 3,
    "admin2": 4,
    "site": 5,
    "mountain": 6,
    "water": 7,
}


class Gazetteer:
    """Answers "which place is this name?" and "what contains this point?" offline."""

    def __init__(self, data: GazetteerData, load_seconds: float = 0.0) -> None:
        self.data = data
        self.places = data.places
        self.load_seconds = load_seconds
        self._by_id = {p.id: p for p in data.places}
        self.index = NameIndex(data.places, data.keys)
        self.outlines = Outlines(data)

    # The polygons and the trees over them are built on first use (shapely and numpy are
    # imported then): extraction and name lookups never need them.

    @cached_property
    def regions(self) -> RegionCatalog:
        """Governorates, named regions and countries by code, name or alias."""
        country_names = {
            p.country: (p.name, *p.aliases) for p in self.places if p.kind == "country"
        }
        return RegionCatalog(self.data.regions, self.data.countries, country_names)

    def load_polygons(self) -> None:
        """Read the outlines now rather than on first use (a server, at start-up)."""
        _ = self.regions
        self.outlines.load()

    @classmethod
    @gc_paused()
    def load(cls, directory: Path | None = None, user_dir: Path | None = None) -> Gazetteer:
        """Load from disk and time it."""
        started = time.perf_counter()
        data = load_gazetteer(directory, user_dir)
        gazetteer = cls(data)
        gazetteer.load_seconds = time.perf_counter() - started
        return gazetteer

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place:
        """A place by id."""
        try:
            return self._by_id[place_id]
        except KeyError:
            raise NotFound(f"No place with id {place_id!r}") from None

    # Forward -----------------------------------------------------------------------------

    def candidates(self, name: str, cue: str | None = None) -> list[Candidate]:
        """Every place this name can mean, scored, without filters or ordering.

        ``cue`` is a kind family said elsewhere ("Kirkuk and Diyala provinces").
        """
        full = normalize(name)
        if not full:
            return []
        query = parse_query(name)
        if cue is not None and query.kind_cue is None:
            query = NameQuery(query.key, cue)
        found: dict[int, Candidate] = {}

        def offer(index: int, score: float, match: str, own_name: bool = False) -> None:
            place = self.places[index]
            if query.kind_cue is not None:
                fits = _cue_fits(query.kind_cue, place)
                # "Nahr al-Imam" is the village's whole name: its "Nahr" is no river cue.
                if fits or not own_name:
                    score += CUE_AGREES if fits else CUE_DISAGREES
            current = found.get(index)
            if current is None or current.score < score:
                found[index] = Candidate(place, min(score, 100.0), match)

        for index, via_cue in self.index.exact(full):
            offer(
                index,
                SCORE_PLACE_CUE if via_cue else SCORE_EXACT,
                _match_label(self.places[index], full, via_cue),
                own_name=not via_cue and cue is None,
            )
        if query.key and query.key != full:
            for index, via_cue in self.index.exact(query.key):
                offer(index, SCORE_PLACE_CUE if via_cue else SCORE_STRIPPED, "kind-word")
        # Other transliterations are tried unless a spelling already names a place in Iraq or
        # Syria below a governorate, of the kind its kind words say: "Qunaitra" is listed only
        # for the governorate and "Durah" only for a town in Palestine, and the places meant
        # (the town of Quneitra, Baghdad's Dora) are found by their variant key.
        settled = any(_settles(c.place, query.kind_cue) for c in found.values())
        variant = "" if settled else variant_query_key(name)
        for index, via_cue in self.index.variant(variant):
            offer(index, SCORE_VARIANT - (2.0 if via_cue else 0.0), "variant")
        if not found:
            for key, ratio in self.index.fuzzy(query.key or full):
                for index, via_cue in self.index.exact(key):
                    offer(index, ratio * FUZZY_WEIGHT - (2.0 if via_cue else 0.0), "fuzzy")
            # Ranked by the closer of the two spellings: as written, or as a variant key.
            for key, ratio in self.index.fuzzy_variant(variant):
                for index, via_cue in self.index.variant(key):
                    offer(index, ratio * FUZZY_WEIGHT - (2.0 if via_cue else 0.0), "fuzzy")
        return list(found.values())

    def search(
        self, q: str, *, country: str | None = None, kind: str | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Ranked candidates for a name: exact and alias matches; else other transliterations
        (the variant key); else fuzzy matches."""
        if not q or not q.strip():
            raise InvalidInput("q must not be empty")
        if not normalize(q):
            raise InvalidInput("q must contain letters or digits")
        if limit < 1:
            raise InvalidInput("limit must be at least 1")
        hits = self.candidates(q)
        if country:
            hits = [c for c in hits if c.place.country == country.upper()]
        if kind:
            hits = [c for c in hits if kind in (c.place.kind, c.place.family)]
        return sorted(hits, key=_rank)[:limit]

    # Reverse: the outlines answer (app/gazetteer/outlines.py) ------------------------------

    def admin1_at(self, lon: float, lat: float, country: str | None = None) -> str | None:
        """ISO 3166-2 code of the governorate containing the point (:meth:`Outlines.admin1_at`)."""
        return self.outlines.admin1_at(lon, lat, country)

    def admin1_many(self, lons: Sequence[float], lats: Sequence[float]) -> list[str | None]:
        """Vectorised :meth:`admin1_at`."""
        return self.outlines.admin1_many(lons, lats)

    def reverse(self, lat: float, lon: float) -> ReverseResult:
        """Country, governorate and nearest district seat of a point."""
        return self.outlines.reverse(lat, lon)

    def codes_at(
        self, lat: float, lon: float, country: str | None = None
    ) -> tuple[str | None, str | None, str | None]:
        """(country, admin1, admin2) of a point, from the polygons (:meth:`Outlines.codes_at`)."""
        return self.outlines.codes_at(lat, lon, country)

    @cached_property
    def kept_codes(self) -> dict[str, Place]:
        """The places whose curated governorate code the build kept against the outline
        their point falls in (``curated_admin1_over_outline`` in the manifest), by id."""
        listed = self.data.manifest.get("curated_admin1_over_outline")
        ids = listed if isinstance(listed, dict) else {}
        return {i: self._by_id[i] for i in ids if i in self._by_id}

    def codes_many(
        self,
        lats: Sequence[float],
        lons: Sequence[float],
        countries: Sequence[str | None],
        place_ids: Sequence[str | None] | None = None,
    ) -> list[tuple[str | None, str | None, str | None]]:
        """Vectorised :meth:`codes_at`; with ``place_ids`` (each location's ``gazetteer_id``),
        a location at the point of a place in :attr:`kept_codes` (within
        ``SAME_POINT_KM``) keeps that place's country, governorate, and district if it has
        one, as the gazetteer gives them, rather than the outline's."""
        kept = self.kept_codes
        if place_ids is None or not kept:
            return self.outlines.codes_many(lats, lons, countries)
        places = [
            place
            if isinstance(pid, str)
            and (place := kept.get(pid)) is not None
            and km(lat, lon, place.lat, place.lon) <= SAME_POINT_KM
            else None
            for pid, lat, lon in zip(place_ids, lats, lons, strict=True)
        ]
        found = self.outlines.codes_many(
            lats,
            lons,
            [c if p is None else p.country for c, p in zip(countries, places, strict=True)],
            [p.admin1 if p is not None else None for p in places],
        )
        return [
            (codes[0], codes[1], place.admin2)
            if place is not None and place.admin2 and codes[1] == place.admin1
            else codes
            for codes, place in zip(found, places, strict=True)
        ]


def _settles(place: Place, cue: str | None) -> bool:
    """Does an exact hit on this place make other transliterations needless? A place in Iraq
    or Syria below a governorate does (a site named "al-Sina'a" is not the town Sinah), unless
    the query's kind words name another kind ("Hewlêr airport" is not the city)."""
    if place.country not in FOCUS_COUNTRIES or place.family in ("country", "admin1", "region"):
        return False
    return cue is None or _cue_fits(cue, place)


def _cue_fits(cue: str, place: Place) -> bool:
    if cue == "admin1":
        return place.family in ("admin1", "region")
    return place.family == cue


def _match_label(place: Place, key: str, via_cue: bool) -> str:
    if via_cue:
        return "kind-word"
    return "exact" if normalize(place.name) == key else "alias"


def _rank(candidate: Candidate) -> tuple[float, int, int, int]:
    place = candidate.place
    return (
        -candidate.score,
        place.country not in FOCUS_COUNTRIES,
        FAMILY_RANK.get(place.family, 9),
        -place.population,
    )

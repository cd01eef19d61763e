"""The gazetteer service: forward search, reverse geocoding and regions, all in memory."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain import Candidate, Place, ReverseResult, km
from app.errors import InvalidInput, NotFound
from app.gazetteer.index import FOCUS_COUNTRIES, NameIndex
from app.gazetteer.loader import GazetteerData, load_gazetteer
from app.gazetteer.normalize import NameQuery, normalize, parse_query
from app.gazetteer.regions import RegionCatalog
from app.gazetteer.translit import variant_query_key
from app.startup import gc_paused

if TYPE_CHECKING:
    import numpy as np
    import shapely
    from numpy.typing import NDArray

#: Scores: the whole query is a name (100); the query minus its kind words is a name (96);
#: the query is a name only once the place's own kind words are dropped (90).
SCORE_EXACT, SCORE_STRIPPED, SCORE_PLACE_CUE = 100.0, 96.0, 90.0
#: The query is another transliteration of a name (same variant key), looked for only when
#: no name matches exactly; fuzzy matching only when neither does.
SCORE_VARIANT = 93.0
CUE_AGREES, CUE_DISAGREES = 4.0, -20.0
FUZZY_WEIGHT = 0.9
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
#: Districts have no polygons here: a point within this distance of a district seat is in
#: that district; elsewhere the district is left unknown rather than guessed.
DISTRICT_RADIUS_KM = 5.0
#: How far outside every governorate polygon a point may lie and still take the nearest one:
#: a little when only the point is known, more when the place is known to be in the country
#: (the Golan airfields, crossings on the Saudi border).
BORDER_SLACK_DEG = 0.05
KNOWN_COUNTRY_SLACK_DEG = 0.3


def check_lat_lon(lat: float, lon: float) -> None:
    """Refuse coordinates outside WGS84 ranges (and NaN)."""
    if not (-90.0 <= lat <= 90.0):
        raise InvalidInput(f"lat must be between -90 and 90, got {lat}")
    if not (-180.0 <= lon <= 180.0):
        raise InvalidInput(f"lon must be between -180 and 180, got {lon}")


@dataclass(frozen=True)
class _Polygons:
    """Governorate and country outlines, and the trees over them."""

    admin1_codes: NDArray[np.object_]
    admin1_names: dict[str, str]
    admin1_tree: shapely.STRtree
    country_codes: NDArray[np.object_]
    country_tree: shapely.STRtree


class Gazetteer:
    """Answers "which place is this name?" and "what contains this point?" offline."""

    def __init__(self, data: GazetteerData, load_seconds: float = 0.0) -> None:
        self.data = data
        self.places = data.places
        self.load_seconds = load_seconds
        self._by_id = {p.id: p for p in data.places}
        self.index = NameIndex(data.places, data.keys)
        self._admin1_prepared: list[tuple[shapely.Geometry, tuple[float, ...]]] | None = None
        self._seats = [p for p in data.places if p.kind == "admin2"]

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
        _ = (self.regions, self._polygons, self._seat_tree)

    @cached_property
    def _polygons(self) -> _Polygons:
        import numpy as np
        import shapely

        admin1 = [r for r in self.data.regions if r.kind == "admin1"]
        countries = self.data.countries
        return _Polygons(
            np.asarray([r.code for r in admin1], dtype=object),
            {r.code: r.name for r in admin1},
            shapely.STRtree([r.geometry for r in admin1]),
            np.asarray([c.code for c in countries], dtype=object),
            shapely.STRtree([c.geometry for c in countries]),
        )

    @cached_property
    def _seat_tree(self) -> shapely.STRtree | None:
        import shapely

        seats = self._seats
        return shapely.STRtree(shapely.points([(p.lon, p.lat) for p in seats])) if seats else None

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

        def offer(index: int, score: float, match: str) -> None:
            place = self.places[index]
            if query.kind_cue is not None:
                score += CUE_AGREES if _cue_fits(query.kind_cue, place) else CUE_DISAGREES
            current = found.get(index)
            if current is None or current.score < score:
                found[index] = Candidate(place, min(score, 100.0), match)

        for index, via_cue in self.index.exact(full):
            offer(
                index,
                SCORE_PLACE_CUE if via_cue else SCORE_EXACT,
                _match_label(self.places[index], full, via_cue),
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

    # Reverse -----------------------------------------------------------------------------

    def admin1_at(self, lon: float, lat: float, country: str | None = None) -> str | None:
        """ISO 3166-2 code of the governorate containing the point, if any.

        The outlines are generalised, so border towns (Tal Abyad, Kobani) fall a few hundred
        metres outside them. A point outside every polygon takes the nearest governorate within
        :data:`BORDER_SLACK_DEG`, unless a neighbouring country's outline contains the point; when
        the caller knows the country (a gazetteer place does), the nearest of that country's
        governorates within :data:`KNOWN_COUNTRY_SLACK_DEG`.
        """
        import shapely

        point = shapely.Point(lon, lat)
        hits = self._polygons.admin1_tree.query(point, predicate="intersects")
        for index in hits.tolist():
            code = str(self._polygons.admin1_codes[index])
            if country is None or code.startswith(country + "-"):
                return code
        return self._near_border(point, country)

    def _near_border(self, point: shapely.Point, country: str | None = None) -> str | None:
        import shapely

        if country is None and len(
            self._polygons.country_tree.query(point, predicate="intersects")
        ):
            return None
        slack = BORDER_SLACK_DEG if country is None else KNOWN_COUNTRY_SLACK_DEG
        near = self._polygons.admin1_tree.query(point, predicate="dwithin", distance=slack)
        codes = [
            (
                shapely.distance(self._polygons.admin1_tree.geometries[i], point),
                str(self._polygons.admin1_codes[i]),
            )
            for i in near.tolist()
        ]
        codes = [c for c in codes if country is None or c[1].startswith(country + "-")]
        return min(codes)[1] if codes else None

    def admin1_many(self, lons: Sequence[float], lats: Sequence[float]) -> list[str | None]:
        """Vectorised :meth:`admin1_at`."""
        import numpy as np
        import shapely

        xs, ys = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        found = np.full(len(xs), -1)
        # Each governorate in turn, against the points still unplaced inside its box: the
        # prepared polygon tests a point in well under a microsecond, where the tree query
        # with a predicate tests each candidate against the raw polygon (20x slower). The
        # first governorate in tree order wins, as in admin1_at.
        for index, (polygon, box) in enumerate(self._prepared_admin1()):
            candidates = np.flatnonzero(
                (found < 0) & (xs >= box[0]) & (xs <= box[2]) & (ys >= box[1]) & (ys <= box[3])
            )
            if len(candidates):
                found[
                    candidates[shapely.intersects_xy(polygon, xs[candidates], ys[candidates])]
                ] = index
        out: list[str | None] = [
            None if t < 0 else str(self._polygons.admin1_codes[t]) for t in found.tolist()
        ]
        missing = [i for i, code in enumerate(out) if code is None]
        if missing:
            points = shapely.points(xs[missing], ys[missing])
            near = self._polygons.admin1_tree.query(
                points, predicate="dwithin", distance=BORDER_SLACK_DEG
            )
            for i in sorted(set(near[0].tolist())):
                out[missing[i]] = self._near_border(points[i])
        return out

    def _prepared_admin1(self) -> list[tuple[shapely.Geometry, tuple[float, ...]]]:
        """The governorate polygons, prepared once (on first use), with their boxes."""
        import shapely

        if self._admin1_prepared is None:
            polygons = list(self._polygons.admin1_tree.geometries)
            shapely.prepare(polygons)
            self._admin1_prepared = [
                (p, tuple(box)) for p, box in zip(polygons, shapely.bounds(polygons), strict=True)
            ]
        return self._admin1_prepared

    def reverse(self, lat: float, lon: float) -> ReverseResult:
        """Country, governorate and nearest district seat of a point."""
        import shapely

        check_lat_lon(lat, lon)
        point = shapely.Point(lon, lat)
        admin1 = self.admin1_at(lon, lat)
        country: str | None = admin1[:2] if admin1 else None
        if country is None:
            hits = self._polygons.country_tree.query(point, predicate="intersects")
            country = str(self._polygons.country_codes[hits[0]]) if len(hits) else None
        return ReverseResult(
            lat=lat,
            lon=lon,
            country=country,
            admin1=admin1,
            admin1_name=self._polygons.admin1_names.get(admin1) if admin1 else None,
            admin2=self._district_at(point, admin1),
        )

    def codes_at(
        self, lat: float, lon: float, country: str | None = None
    ) -> tuple[str | None, str | None, str | None]:
        """(country, admin1, admin2) of a point, from the polygons, not from any name.

        ``country`` (the resolved place's) settles points on a border; when the point is
        nowhere near that country, the polygon containing the point wins.
        """
        import shapely

        check_lat_lon(lat, lon)
        point = shapely.Point(lon, lat)
        admin1 = self.admin1_at(lon, lat, country) if country in FOCUS_COUNTRIES else None
        if admin1 is None:
            admin1 = self.admin1_at(lon, lat)
        hits = self._polygons.country_tree.query(point, predicate="intersects")
        found = str(self._polygons.country_codes[hits[0]]) if len(hits) else None
        if admin1 is None and found in FOCUS_COUNTRIES:
            # Inside the country's outline but in a gap of the generalised governorates
            # (the Shatt al-Arab shore): the nearest of its governorates. Stamping twice
            # then gives the same answer as stamping once.
            admin1 = self.admin1_at(lon, lat, found)
        if admin1 is not None:
            return admin1[:2], admin1, self._district_at(point, admin1)
        return found or country, None, None

    def codes_many(
        self, lats: Sequence[float], lons: Sequence[float], countries: Sequence[str | None]
    ) -> list[tuple[str | None, str | None, str | None]]:
        """Vectorised :meth:`codes_at`: a few STRtree queries for all the points."""
        admin1 = self.admin1_many(lons, lats)
        districts = self._districts_many(lats, lons, admin1)
        out: list[tuple[str | None, str | None, str | None]] = []
        for i, (lat, lon, country, code) in enumerate(
            zip(lats, lons, countries, admin1, strict=True)
        ):
            fits = (
                country is None
                or country not in FOCUS_COUNTRIES
                or (code is not None and code.startswith(country))
            )
            if code is not None and fits:
                out.append((code[:2], code, districts[i]))
            else:
                out.append(self.codes_at(lat, lon, country))
        return out

    def _districts_many(
        self, lats: Sequence[float], lons: Sequence[float], admin1: Sequence[str | None]
    ) -> list[str | None]:
        import numpy as np
        import shapely

        out: list[str | None] = [None] * len(lats)
        if self._seat_tree is None or not len(lats):
            return out
        points = shapely.points(np.column_stack([np.asarray(lons), np.asarray(lats)]))
        near = self._seat_tree.query(points, predicate="dwithin", distance=0.06)
        for p, s in zip(near[0].tolist(), near[1].tolist(), strict=True):
            seat = self._seats[s]
            if (
                out[p] is None
                and seat.admin1 == admin1[p]
                and km(lats[p], lons[p], seat.lat, seat.lon) <= DISTRICT_RADIUS_KM
            ):
                out[p] = seat.name
        return out

    def _district_at(self, point: shapely.Point, admin1: str | None) -> str | None:
        if admin1 is None or self._seat_tree is None:
            return None
        # Districts have no polygons here: a seat in the same governorate, if very close.
        for index in self._seat_tree.query(point, predicate="dwithin", distance=0.06):
            seat = self._seats[int(index)]
            if (
                seat.admin1 == admin1
                and km(point.y, point.x, seat.lat, seat.lon) <= DISTRICT_RADIUS_KM
            ):
                return seat.name
        return None


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

"""Which country, governorate and district contain a point: the outlines, in memory.

The governorate and country polygons and the district seats, with STRtrees over them, built
on first use (shapely and numpy are imported then): extraction and name lookups never need
them. :class:`app.gazetteer.geocoder.Gazetteer` answers reverse questions through this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain import ReverseResult, km
from app.errors import InvalidInput
from app.gazetteer.index import FOCUS_COUNTRIES
from app.gazetteer.loader import GazetteerData

if TYPE_CHECKING:
    import numpy as np
    import shapely
    from numpy.typing import NDArray

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


class Outlines:
    """Point-in-polygon codes of a gazetteer's outlines and district seats."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self._seats = [p for p in data.places if p.kind == "admin2"]
        self._admin1_prepared: list[tuple[shapely.Geometry, tuple[float, ...]]] | None = None

    def load(self) -> None:
        """Build the polygons and trees now rather than on first use."""
        _ = (self._polygons, self._seat_tree)

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
        self,
        lats: Sequence[float],
        lons: Sequence[float],
        countries: Sequence[str | None],
        kept: Sequence[str | None] | None = None,
    ) -> list[tuple[str | None, str | None, str | None]]:
        """Vectorised :meth:`codes_at`: a few STRtree queries for all the points.

        ``kept``, where given and not None, is a point's governorate code to keep in place of
        the outline's (a curated code the gazetteer build kept against the outline); the
        district is then looked for among that governorate's seats.
        """
        admin1 = self.admin1_many(lons, lats)
        if kept is not None:
            admin1 = [k if k is not None else a for k, a in zip(kept, admin1, strict=True)]
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

"""A geopy geocoder over the local gazetteer: scripts switch with one line, no network.

from app.gazetteer.geopy_adapter import LocalGazetteer
geolocator = LocalGazetteer()          # instead of Nominatim(user_agent=...)
geolocator.geocode("Kerkuk").point     # Point(35.468, 44.392)
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from app.domain import Candidate
from app.gazetteer.geocoder import Gazetteer


def _location(candidate: Candidate) -> Location:
    place = candidate.place
    parts = [place.name, place.admin1 or "", place.country]
    raw: dict[str, Any] = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "population": place.population,
        "score": candidate.score,
        "match": candidate.match,
    }
    return Location(", ".join(p for p in parts if p), (place.lat, place.lon), raw)


class LocalGazetteer(Geocoder):  # type: ignore[misc]  # geopy ships no type hints
    """geopy ``Geocoder`` whose answers come from the shipped gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.load()

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int = 10,
    ) -> Location | list[Location] | None:
        """Best place (or all candidates) for a name; None when nothing matches."""
        hits = self.gazetteer.search(query, country=country, kind=kind, limit=limit)
        if not hits:
            return None
        return _location(hits[0]) if exactly_one else [_location(c) for c in hits]

    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: float | None = None
    ) -> Location | list[Location] | None:
        """Governorate and country containing a point ("lat, lon", a tuple or a geopy Point)."""
        point = Point(query)
        result = self.gazetteer.reverse(point.latitude, point.longitude)
        if result.country is None:
            return None
        parts = [result.admin2 or "", result.admin1_name or "", result.country]
        raw = {
            "country": result.country,
            "admin1": result.admin1,
            "admin1_name": result.admin1_name,
            "admin2": result.admin2,
        }
        location = Location(
            ", ".join(p for p in parts if p), (point.latitude, point.longitude), raw
        )
        return location if exactly_one else [location]

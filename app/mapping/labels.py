"""Place-name labels for the offline basemap: countries, governorates, then towns by size.

Each label carries the smallest zoom at which the page shows it, so a regional view reads
"Diyala" and "Salah ad-Din" and a close-up adds the towns, largest first. Positions are points
inside each outline (shapely's representative point), never a centroid that may fall outside.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from app.gazetteer.geocoder import Gazetteer

#: The countries whose names the map writes: Iraq, Syria and their neighbours.
LABELLED_COUNTRIES = ("IQ", "SY", "TR", "IR", "JO", "SA", "KW", "LB", "IL")
#: (least population, smallest zoom): towns appear as the map zooms in, largest first.
TOWN_ZOOMS = ((1_000_000, 6), (200_000, 7), (50_000, 8), (20_000, 9), (1, 10), (0, 11))
COUNTRY_ZOOM = 4
GOVERNORATE_ZOOM = 6
MAX_ZOOM = 12
#: Pixels kept between a town's name and every larger town's at the zoom it appears.
MIN_GAP_PX = 60

Label = tuple[str, float, float, int, str]
"""(text, lat, lon, min zoom, kind: country, admin1, city or water)."""


def _town_zoom(population: int) -> int:
    return next(zoom for least, zoom in TOWN_ZOOMS if population >= least)


def _px_per_degree(zoom: int) -> float:
    return float(256 * 2**zoom) / 360


def _plain(name: str) -> str:
    """GeoNames' scholarly transliteration as a map label: "Ḩamāh" -> "Hamah"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("‘", "'")


def _spaced(
    towns: list[tuple[str, float, float, int]], fixed: list[tuple[str, float, float, int]]
) -> list[tuple[str, float, float, int]]:
    """Delay each town until it stands :data:`MIN_GAP_PX` from every larger town's name.

    ``towns`` come largest first; a suburb next to its city ("Sadr City" by Baghdad) then waits
    for a zoom where both names fit. ``fixed`` labels (governorates) are kept clear the same way.
    """
    placed: list[tuple[str, float, float, int]] = list(fixed)
    for name, lat, lon, zoom in towns:
        scale = math.cos(math.radians(lat))
        for other_lat, other_lon, other_zoom in ((p[1], p[2], p[3]) for p in placed):
            degrees = math.hypot(lat - other_lat, (lon - other_lon) * scale)
            while zoom <= MAX_ZOOM and degrees * _px_per_degree(zoom) < MIN_GAP_PX:
                zoom = max(zoom + 1, other_zoom)
        if zoom <= MAX_ZOOM:
            placed.append((name, lat, lon, zoom))
    return placed[len(fixed) :]


@lru_cache(maxsize=4)
def labels(gazetteer: Gazetteer) -> tuple[Label, ...]:
    """Every basemap label, coarse to fine (the page draws them in this order)."""
    out: list[Label] = []
    names = {p.country: p.name for p in gazetteer.places if p.kind == "country"}
    countries = gazetteer.data.countries
    for row in countries[countries["code"].isin(LABELLED_COUNTRIES)].itertuples():
        point = row.geometry.representative_point()
        out.append((names.get(row.code, row.code), point.y, point.x, COUNTRY_ZOOM, "country"))
    regions = gazetteer.data.regions
    for row in regions[regions["kind"] == "admin1"].itertuples():
        point = row.geometry.representative_point()
        out.append((row.name, point.y, point.x, GOVERNORATE_ZOOM, "admin1"))
    towns = sorted(
        (p for p in gazetteer.places if p.country in ("IQ", "SY") and p.family == "populated"),
        # Within a size band the better-known name goes first (more aliases): GeoNames counts
        # "Al Mawsil al Jadidah" (a Mosul district) larger than Mosul itself.
        key=lambda p: (_town_zoom(p.population), -len(p.aliases), -p.population, p.name),
    )
    governorates = [(t, lat, lon, z) for t, lat, lon, z, kind in out if kind == "admin1"]
    spaced = _spaced(
        [(_plain(p.name), p.lat, p.lon, _town_zoom(p.population)) for p in towns], governorates
    )
    out.extend((name, lat, lon, zoom, "city") for name, lat, lon, zoom in spaced)
    for place in gazetteer.places:
        if place.kind in ("river", "lake") and place.country in ("IQ", "SY"):
            out.append((place.name, place.lat, place.lon, 7, "water"))
    return tuple((t, round(lat, 4), round(lon, 4), z, k) for t, lat, lon, z, k in out)

"""Lenient input, strict store: derive every event property a minimal feature leaves out.

A Feature with a Point, an ``event_type`` and a ``date`` (or a CSV row with latitude,
longitude, event_type and date) is completed here, then validated by the one event model
(``ingest.parse_feature``) like any other. Only keys that are absent are derived; a value
that is given (even null) is kept and validated as given. What cannot be derived (no point
and no place name the gazetteer knows, an unknown event type, a date that is not one) is an
InvalidInput saying which. The rules are listed in docs/imports.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Any, get_args

from app.domain import Place, km
from app.errors import InvalidInput
from app.events import MAX_SPAN_DAYS, DatePrecision, EventType
from app.extraction.event_types import BY_NAME
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.index import FOCUS_COUNTRIES
from app.transfer.acled import acled_pair, capped, parse_date, type_from_acled

EVENT_TYPES: frozenset[str] = frozenset(get_args(EventType))
#: A point takes the name of the nearest town, village or site this close (ACLED names an
#: event by its nearest locality too); further out it is named by its coordinates.
NAME_RADIUS_KM = 10.0
#: Families of gazetteer places a point may be named after.
NAMING_FAMILIES = ("populated", "site")
#: geo_precision of a place found by its name (ACLED: 1 town or site, 2 district, 3 wider).
PRECISION_BY_FAMILY = {"populated": 1, "site": 1, "admin2": 2}
#: Lowest search score that resolves a name: exact, alias, kind-word or transliteration
#: matches; a fuzzy match is a guess, not a place.
MIN_NAME_SCORE = 88.0
#: Longer "place names" are not looked up (no fuzzy search over a pasted paragraph).
MAX_NAME_CHARS = 200
#: What an imported event is taken to be when its file does not say (it is taken as given).
DEFAULT_CONFIDENCE = 1.0

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def complete(record: Any, gazetteer: Gazetteer) -> Any:
    """Fill the absent, derivable keys of a Feature object in place, and return it.

    Anything but a Feature-like object is returned as it is, for the model to refuse.
    """
    if not isinstance(record, dict):
        return record
    props = record.get("properties")
    if not isinstance(props, dict):
        return record
    record.setdefault("type", "Feature")
    event_type = _event_type(props)
    _dates(props)
    _place(record, props, gazetteer)
    spec = BY_NAME.get(event_type)
    if "category" not in props:
        props["category"] = spec.category if spec is not None else "development"
    if "acled_event_type" not in props or "acled_sub_event_type" not in props:
        pair = acled_pair(event_type)
        props.setdefault("acled_event_type", pair[0])
        props.setdefault("acled_sub_event_type", pair[1])
    props.setdefault("reported_at", None)
    props.setdefault("evidence", [])
    props.setdefault("confidence", DEFAULT_CONFIDENCE)
    if "summary" not in props:
        label = spec.label if spec is not None else "Event"
        loc = props.get("location")
        name = loc.get("name") if isinstance(loc, dict) else None
        props["summary"] = f"{label} at {name}" if isinstance(name, str) else label
    return record


def _event_type(props: dict[str, Any]) -> EventType:
    """Ours as given, else from ACLED's pair (given in ``event_type`` or the acled_* keys)."""
    given = props.get("event_type")
    if isinstance(given, str) and given in EVENT_TYPES:
        return given  # type: ignore[return-value]
    acled = props.get("acled_event_type") if given is None else given
    sub = props.get("acled_sub_event_type") or props.get("sub_event_type") or ""
    found = (
        type_from_acled(acled, sub if isinstance(sub, str) else "")
        if isinstance(acled, str)
        else None
    )
    if found is None:
        shown = "missing" if given is None and acled is None else repr(given or acled)
        raise InvalidInput(
            f"event_type {shown}: not one of ours ({', '.join(sorted(EVENT_TYPES))}) "
            "nor an ACLED event type",
            extra={"field": "properties.event_type"},
        )
    if isinstance(given, str) and given != found:  # ACLED's type given as ours: keep it
        props.setdefault("acled_event_type", given)
        if isinstance(sub, str) and sub:
            props.setdefault("acled_sub_event_type", sub)
    props.pop("sub_event_type", None)
    props["event_type"] = found
    return found


def parse_when(text: str) -> tuple[dt.date, dt.date, DatePrecision]:
    """A date as people write it -> (first day, last day, precision).

    2024-03-05 (a time after it is ignored) or 5 March 2024: that day; 2024-W10: that ISO
    week; 2024-03: that month; 2024: that year; 2024-03-01/2024-03-05: that interval. A
    month or year that is not over ends tomorrow (UTC), the latest plausible date.
    """
    text = text.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        start, end = parse_date(first), parse_date(last)
        if start is None or end is None:
            raise ValueError(text)
        return start, end, precision_of(start, end)
    if found := _WEEK.match(text):
        start = dt.date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
        return start, capped(start, start + dt.timedelta(days=6)), "week"
    if found := _MONTH.match(text):
        start = dt.date(int(found.group(1)), int(found.group(2)), 1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return start, capped(start, following - dt.timedelta(days=1)), "month"
    if found := _YEAR.match(text):
        start = dt.date(int(found.group(1)), 1, 1)
        return start, capped(start, dt.date(start.year, 12, 31)), "year"
    day = parse_date(text)
    if day is None:
        raise ValueError(text)
    return day, day, "day"


def precision_of(start: dt.date, end: dt.date) -> DatePrecision:
    """An interval's precision by its length: one day, a week, a month, else a year."""
    days = (end - start).days
    if days <= 0:
        return "day"
    return "week" if days < 7 else "month" if days < 31 else "year"


def _dates(props: dict[str, Any]) -> None:
    given = props.get("date")
    if not isinstance(given, str):
        if "date" not in props:
            raise InvalidInput("date: missing", extra={"field": "properties.date"})
        return  # the model says what is wrong with it
    try:
        start, end, precision = parse_when(given)
    except (ValueError, OverflowError):
        raise InvalidInput(
            f"date {given!r} is not a date (2024-03-05, 2024-W10, 2024-03, 2024, "
            "2024-03-01/2024-03-05 or 5 March 2024)",
            extra={"field": "properties.date"},
        ) from None
    if (end - start).days > MAX_SPAN_DAYS or end < start:
        raise InvalidInput(f"date {given!r}: not an interval of at most {MAX_SPAN_DAYS} days")
    props["date"] = start.isoformat()
    if "date_end" in props:
        last = props["date_end"]
        parsed = parse_date(last) if isinstance(last, str) else None
        if "date_precision" not in props and parsed is not None:
            props["date_precision"] = precision_of(start, parsed)
        return
    props["date_end"] = end.isoformat()
    props.setdefault("date_precision", precision)


# Places ----------------------------------------------------------------------------------


def _place(record: dict[str, Any], props: dict[str, Any], gazetteer: Gazetteer) -> None:
    geometry = record.get("geometry")
    loc = props.get("location")
    if isinstance(loc, str) or (isinstance(loc, dict) and not _has_point(loc)):
        if "geometry" in record and geometry is not None:
            pass  # a named place with its own point: the point is where it happened
        else:
            _from_name(record, props, gazetteer, loc)
            return
    if "geometry" not in record:
        if isinstance(loc, dict) and _has_point(loc):
            record["geometry"] = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
        elif "location" in props and loc is None:
            record["geometry"] = None  # an unplaced event, as exported
            props.setdefault("geo_precision", None)
            return
        else:
            raise InvalidInput(
                "no place: give a Point geometry, latitude and longitude, or a place name the "
                "gazetteer knows",
                extra={"field": "geometry"},
            )
        geometry = record["geometry"]
    coordinates = _end_points(geometry)
    if coordinates is None:
        if geometry is None and "location" not in props:
            raise InvalidInput(
                "no place: the geometry is null and there is no location",
                extra={"field": "geometry"},
            )
        props.setdefault("location", None)
        props.setdefault("geo_precision", None)
        return  # an unplaced event, or a malformed geometry the model refuses
    (lon, lat), origin = coordinates
    if (
        "location" not in props
        or isinstance(loc, str)
        or (isinstance(loc, dict) and not _has_point(loc))
    ):
        named = loc if isinstance(loc, str) else (loc or {}).get("name")
        given = loc if isinstance(loc, dict) else {}
        props["location"] = _point_location(gazetteer, lat, lon, given, named)
    elif isinstance(loc, dict) and "name" not in loc:
        loc["name"] = _point_location(gazetteer, loc["lat"], loc["lon"], {}, None)["name"]
    if origin is not None and "origin" not in props:
        props["origin"] = _point_location(gazetteer, origin[1], origin[0], {}, None)
    props.setdefault("geo_precision", 1)


def _has_point(loc: dict[str, Any]) -> bool:
    return all(
        isinstance(loc.get(k), int | float) and not isinstance(loc.get(k), bool)
        for k in ("lat", "lon")
    )


def _end_points(
    geometry: Any,
) -> tuple[tuple[float, float], tuple[float, float] | None] | None:
    """(lon, lat) of the event's point, and of a movement's origin."""
    if not isinstance(geometry, dict):
        return None
    coordinates: Any = geometry.get("coordinates")
    try:
        if geometry.get("type") == "Point":
            return (float(coordinates[0]), float(coordinates[1])), None
        if geometry.get("type") == "LineString" and len(coordinates) >= 2:
            first, last = coordinates[0], coordinates[-1]
            return (float(last[0]), float(last[1])), (float(first[0]), float(first[1]))
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return None


def _point_location(
    gazetteer: Gazetteer, lat: float, lon: float, given: dict[str, Any], name: Any
) -> dict[str, Any]:
    out = dict(given)
    out["lat"], out["lon"] = lat, lon
    near = None
    if not isinstance(name, str) or not name.strip():
        near = nearest_place(gazetteer, lat, lon)
        out["name"] = near.name if near is not None else f"{lat:.4f}, {lon:.4f}"
    else:
        out["name"] = name
    if near is not None and near.country not in FOCUS_COUNTRIES:
        # Only the outlines of Iraq, Syria and their neighbours are shipped: elsewhere the
        # country is the named place's (the polygons still win where they reach).
        out.setdefault("country", near.country)
    return out


def _from_name(
    record: dict[str, Any],
    props: dict[str, Any],
    gazetteer: Gazetteer,
    loc: str | dict[str, Any] | None,
) -> None:
    name = loc if isinstance(loc, str) else (loc or {}).get("name")
    country = None if isinstance(loc, str) or loc is None else loc.get("country")
    place = resolve_name(gazetteer, name, country) if isinstance(name, str) else None
    if place is None:
        raise InvalidInput(
            f"no place: no geometry and {name!r} is no place name the gazetteer knows",
            extra={"field": "properties.location"},
        )
    record["geometry"] = {"type": "Point", "coordinates": [place.lon, place.lat]}
    props["location"] = {
        "name": place.name,
        "gazetteer_id": place.id,
        "kind": place.kind,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
    }
    props.setdefault("geo_precision", PRECISION_BY_FAMILY.get(place.family, 3))


def resolve_name(gazetteer: Gazetteer, name: str, country: Any = None) -> Place | None:
    """The place a name means (the search's first hit), or None for no sure match."""
    if not name.strip() or len(name) > MAX_NAME_CHARS:
        return None
    try:
        hits = gazetteer.search(name, country=country if isinstance(country, str) else None)
    except InvalidInput:
        return None
    return hits[0].place if hits and hits[0].score >= MIN_NAME_SCORE else None


class _Nearest:
    """The gazetteer's towns, villages and sites in a grid of CELL_DEG cells.

    A dictionary of cells and a haversine over a few candidates: about 10 us a point, where
    an R-tree's query_nearest costs 100-200 us through shapely's per-call overhead.
    """

    CELL_DEG = 0.2

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.places = [p for p in gazetteer.places if p.family in NAMING_FAMILIES]
        self.cells: dict[tuple[int, int], list[int]] = {}
        for index, place in enumerate(self.places):
            self.cells.setdefault(self._cell(place.lat, place.lon), []).append(index)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.CELL_DEG), math.floor(lon / self.CELL_DEG)

    def find(self, lat: float, lon: float) -> Place | None:
        row, col = self._cell(lat, lon)
        rows = math.ceil(NAME_RADIUS_KM / 111.0 / self.CELL_DEG)
        shrink = max(math.cos(math.radians(abs(lat))), 0.05)
        cols = math.ceil(NAME_RADIUS_KM / (111.0 * shrink) / self.CELL_DEG)
        best: tuple[float, int] | None = None
        for i in range(row - rows, row + rows + 1):
            for j in range(col - cols, col + cols + 1):
                for index in self.cells.get((i, j), ()):
                    place = self.places[index]
                    found = (km(lat, lon, place.lat, place.lon), index)
                    if found[0] <= NAME_RADIUS_KM and (best is None or found < best):
                        best = found
        return self.places[best[1]] if best is not None else None


@functools.lru_cache(maxsize=4)
def _nearest_index(gazetteer: Gazetteer) -> _Nearest:
    return _Nearest(gazetteer)


def nearest_place(gazetteer: Gazetteer, lat: float, lon: float) -> Place | None:
    """The nearest town, village or site within :data:`NAME_RADIUS_KM`, if any."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return _nearest_index(gazetteer).find(lat, lon)

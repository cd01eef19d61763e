"""Query parameters shared by /events, the exports and the map, parsed once into EventQuery."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from fastapi import Depends, Query

from app.api.deps import ExtractorDep, GazetteerDep, SettingsDep
from app.domain import EventQuery
from app.errors import InvalidInput
from app.events import Category, EventType
from app.gazetteer.geocoder import Gazetteer

EVENT_TYPES = frozenset(get_args(EventType))
Sort = Literal["date", "-date", "confidence", "-confidence", "id", "-id"]


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``minlon,minlat,maxlon,maxlat`` (WGS84) into a checked tuple."""
    try:
        minx, miny, maxx, maxy = (float(v) for v in text.split(","))
    except ValueError:
        raise InvalidInput("bbox must be four numbers: minlon,minlat,maxlon,maxlat") from None
    if not (
        -180 <= minx <= 180 and -180 <= maxx <= 180 and -90 <= miny <= 90 and -90 <= maxy <= 90
    ):
        raise InvalidInput("bbox coordinates are out of range")
    if minx > maxx or miny > maxy:
        raise InvalidInput("bbox minimum is greater than its maximum")
    return minx, miny, maxx, maxy


def parse_near(text: str, radius_km: float, gazetteer: Gazetteer) -> tuple[float, float, float]:
    """``lat,lon`` or a place name, and a radius, into (lat, lon, radius_km)."""
    parts = text.split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            pass
        else:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise InvalidInput("near coordinates are out of range")
            return lat, lon, radius_km
    try:
        hits = gazetteer.search(text, limit=1)
    except InvalidInput as exc:  # blank, or no letters: say which parameter it was
        raise InvalidInput(f"near must be lat,lon or a place name ({exc.detail})") from None
    if not hits or hits[0].score < 90:
        raise InvalidInput(f"near: no place matches {text!r}")
    return hits[0].place.lat, hits[0].place.lon, radius_km


def event_query(
    gazetteer: GazetteerDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
    region: Annotated[
        str | None,
        Query(
            max_length=100,
            description=(
                "ISO 3166-2 code (IQ-KI), country code (IQ), governorate name in any spelling, "
                "or a named region (Kurdistan Region). A name that is also a city means the "
                "governorate."
            ),
        ),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="minlon,minlat,maxlon,maxlat (WGS84); "
            "events whose bounding box intersects it"
        ),
    ] = None,
    near: Annotated[
        str | None, Query(max_length=100, description="lat,lon or a place name")
    ] = None,
    radius_km: Annotated[float, Query(gt=0, le=1000)] = 25.0,
    start: Annotated[
        dt.date | None,
        Query(description="events whose interval ends on or after this date (ISO 8601)"),
    ] = None,
    end: Annotated[
        dt.date | None, Query(description="events whose interval starts on or before this date")
    ] = None,
    type: Annotated[list[str] | None, Query(description="event_type; repeatable")] = None,
    category: Annotated[Category | None, Query()] = None,
    actor: Annotated[
        list[str] | None,
        Query(description="canonical name or alias; repeatable (all must take part)"),
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="words in summary and evidence")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    sort: Annotated[Sort, Query()] = "-date",
    limit: Annotated[int | None, Query(ge=1, description="page size (default 100)")] = None,
    cursor: Annotated[str | None, Query(max_length=500, description="from links rel=next")] = None,
) -> EventQuery:
    """Every filter of /events, checked; errors are 400 problems."""
    api = settings.api
    size = api.default_page_size if limit is None else limit
    if size > api.max_page_size:
        raise InvalidInput(f"limit must be at most {api.max_page_size}")
    if start is not None and end is not None and start > end:
        raise InvalidInput("start is after end")
    unknown = [t for t in type or [] if t not in EVENT_TYPES]
    if unknown:
        raise InvalidInput(
            f"unknown type {', '.join(unknown)}; known: {', '.join(sorted(EVENT_TYPES))}"
        )
    admin1: tuple[str, ...] = ()
    country = None
    if region:
        found = gazetteer.regions.resolve(region)
        if found.kind == "country":
            country = found.code
        else:
            admin1 = found.members or (found.code,)
    actors = tuple(extractor.actors.canonical(a) for a in actor or [])
    return EventQuery(
        admin1=admin1,
        country=country,
        bbox=parse_bbox(bbox) if bbox else None,
        near=parse_near(near, radius_km, gazetteer) if near else None,
        start=start,
        end=end,
        types=tuple(type or ()),
        category=category,
        actors=actors,
        q=q.strip() or None if q else None,
        min_confidence=min_confidence,
        sort=sort,
        limit=size,
        cursor=cursor,
    )


EventQueryDep = Annotated[EventQuery, Depends(event_query)]

"""The event contract (app/events.py) as msgspec structs: validation without a pydantic model.

Decoding a Feature's JSON bytes straight into these structs checks types, literals, bounds and
unknown keys as ``EventFeature`` does, at a fraction of the cost; :func:`finish` adds the
model's cross-field rules (interval order and length, rounding to 7 decimals). The structs are
stricter than pydantic's lax mode (no "5" for 5, no 2.0 for an integer), so the import falls
back to ``EventFeature`` for every feature these reject: a feature is accepted or refused,
with pydantic's message, exactly as through the model, and an accepted one encodes to the
same JSON text (tests/transfer/test_fast_check.py holds both paths to that).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from app.events import (
    EARLIEST_DATE,
    MAX_SPAN_DAYS,
    ActorKind,
    ActorRole,
    Category,
    DatePrecision,
    EventType,
    EvidenceField,
    latest_date,
)

Lon = Annotated[float, Meta(ge=-180, le=180)]
Lat = Annotated[float, Meta(ge=-90, le=90)]
Count = Annotated[int, Meta(ge=0)]


class Actor(msgspec.Struct, forbid_unknown_fields=True):
    """``ActorRef``."""

    name: str
    role: ActorRole
    kind: ActorKind


class Location(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``LocationRef``."""

    name: str
    gazetteer_id: str | None = None
    kind: str = "site"
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: Lat
    lon: Lon


class Range(msgspec.Struct, forbid_unknown_fields=True):
    """``Range``."""

    low: Count
    high: Count


class Strength(msgspec.Struct, forbid_unknown_fields=True):
    """``Strength``."""

    text: str
    personnel: Range | None = None
    vehicles: Range | None = None


class Evidence(msgspec.Struct, forbid_unknown_fields=True):
    """``Evidence``."""

    field: EvidenceField
    text: str
    start: Count
    end: Count


class Properties(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``EventProperties`` (the interval rule is checked by :func:`finish`)."""

    event_type: EventType
    category: Category
    acled_event_type: str
    acled_sub_event_type: str
    date: dt.date
    date_end: dt.date
    date_precision: DatePrecision
    reported_at: dt.date | None
    actors: list[Actor] = []
    location: Location | None
    origin: Location | None = None
    geo_precision: Literal[1, 2, 3] | None
    fatalities: Count | None = None
    strength: Strength | None = None
    summary: str
    evidence: list[Evidence]
    confidence: Annotated[float, Meta(ge=0, le=1)]
    sources: list[str] = []
    external_id: str | int | None = None


class Point(msgspec.Struct, tag_field="type", tag="Point", forbid_unknown_fields=True):
    """``PointGeometry``."""

    coordinates: tuple[Lon, Lat]


class Line(msgspec.Struct, tag_field="type", tag="LineString", forbid_unknown_fields=True):
    """``LineGeometry``."""

    coordinates: Annotated[list[tuple[Lon, Lat]], Meta(min_length=2)]


class Feature(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``EventFeature``; ``id`` here is the file's own id (a string or an integer)."""

    type: Literal["Feature"] = "Feature"
    id: str | int | None = None
    geometry: Point | Line | None
    properties: Properties


DECODER = msgspec.json.Decoder(Feature)
ENCODER = msgspec.json.Encoder()
#: How every encoded Feature starts while its store id is not known.
HEAD = b'{"type":"Feature","id":null,'


class Refused(ValueError):
    """A rule outside the types: the caller asks the pydantic model for its message."""


def finish(feature: Feature, latest: dt.date | None = None) -> None:
    """The model's cross-field rules and rounding, applied in place.

    ``latest`` is ``events.latest_date()``, which a caller checking many features passes
    once. Raises Refused when ``EventFeature`` would refuse the feature (the pydantic path
    then gives the message); a geometry that does not end at the location raises
    InvalidInput's message as ``ingest.parse_feature`` does.
    """
    props = feature.properties
    days = (props.date_end - props.date).days
    if days < 0 or days > MAX_SPAN_DAYS:
        raise Refused
    if latest is None:
        latest = latest_date()
    # date <= date_end here, so two comparisons bound both (events.is_plausible's rule).
    reported = props.reported_at
    if (
        props.date < EARLIEST_DATE
        or props.date_end > latest
        or (reported is not None and not EARLIEST_DATE <= reported <= latest)
    ):
        raise Refused  # before 1900 or in the future: the model names the field
    # RFC 7946 section 11.2: 7 decimals, as the model's Latitude/Longitude round them.
    geometry = feature.geometry
    loc = props.location
    if (
        isinstance(geometry, Point)
        and loc is not None
        and geometry.coordinates == (loc.lon, loc.lat)
        and all(geometry.coordinates)  # not 0.0 == -0.0, which print differently
    ):  # the usual case: the point is the location, round it once
        loc.lat, loc.lon = round(loc.lat, 7), round(loc.lon, 7)
        geometry.coordinates = (loc.lon, loc.lat)
        if props.origin is not None:
            props.origin.lat, props.origin.lon = (
                round(props.origin.lat, 7),
                round(props.origin.lon, 7),
            )
        return
    for place in (loc, props.origin):
        if place is not None:
            place.lat, place.lon = round(place.lat, 7), round(place.lon, 7)
    if isinstance(geometry, Point):
        x, y = geometry.coordinates
        geometry.coordinates = (round(x, 7), round(y, 7))
        end = geometry.coordinates
    elif isinstance(geometry, Line):
        geometry.coordinates = [(round(x, 7), round(y, 7)) for x, y in geometry.coordinates]
        end = geometry.coordinates[-1]
    else:
        return
    if loc is not None and (round(end[0], 5), round(end[1], 5)) != (
        round(loc.lon, 5),
        round(loc.lat, 5),
    ):
        raise ValueError("geometry does not end at properties.location (lon, lat)")

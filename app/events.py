"""The event contract: one GeoJSON (RFC 7946) Feature per event, defined once.

Extraction fills it, the store keeps it, the API serves it, the exports and the map read it.
Scripts depend on these property names: change them only with a migration and a note.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

EventType = Literal[
    "troop_deployment", "troop_withdrawal", "troop_movement", "armed_clash", "attack",
    "ied_explosion", "airstrike", "drone_or_rocket_attack", "suicide_bombing", "arrest",
    "prisoner_release", "kidnapping", "protest", "riot", "agreement", "insurgent_activity",
    "other",
]  # fmt: skip
Category = Literal["movement", "security_incident", "development"]
DatePrecision = Literal["day", "week", "month", "year"]
ActorRole = Literal["actor", "target", "associated"]
ActorKind = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia", "protesters",
    "rioters", "civilians", "external_forces", "government", "company", "international_org",
    "other",
]  # fmt: skip
EvidenceField = Literal[
    "sentence", "event_type", "location", "origin", "actor", "date", "fatalities", "strength"
]


#: An event is dated within a year at most (ACLED's coarsest time precision is a year too).
MAX_SPAN_DAYS = 366
#: No report or event of this service is older than this (modern news, not history).
EARLIEST_DATE = dt.date(1900, 1, 1)
#: Dates may run this far past today (UTC): a report filed "tomorrow" in another time zone.
FUTURE_SLACK = dt.timedelta(days=1)


def latest_date() -> dt.date:
    """The latest plausible date of a report or an event: tomorrow, UTC."""
    return dt.datetime.now(dt.UTC).date() + FUTURE_SLACK


def is_plausible(value: dt.date) -> bool:
    """Whether a report or event date lies between 1900-01-01 and tomorrow (UTC)."""
    return EARLIEST_DATE <= value <= latest_date()


def plausible_date(value: dt.date) -> dt.date:
    """Refuse dates before 1900 or more than a day in the future (pydantic validator)."""
    if value < EARLIEST_DATE:
        raise ValueError(f"{value.isoformat()} is before {EARLIEST_DATE.isoformat()}")
    if value > latest_date():
        raise ValueError(f"{value.isoformat()} is more than a day in the future")
    return value


#: A report's or an event's date: ISO 8601, from 1900-01-01 to tomorrow (UTC).
PlausibleDate = Annotated[dt.date, AfterValidator(plausible_date)]


def _seven(value: float) -> float:
    # RFC 7946 section 11.2: 7 decimals (about 1 cm) is more than any report can claim.
    return round(value, 7)


Longitude = Annotated[float, Field(ge=-180, le=180), AfterValidator(_seven)]
Latitude = Annotated[float, Field(ge=-90, le=90), AfterValidator(_seven)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class ActorRef(_Frozen):
    """An actor of an event, with its role (ACLED actor1 / actor2 / associated)."""

    name: str = Field(description="Canonical name from data/actors.csv", examples=["ISIS"])
    role: ActorRole
    kind: ActorKind = Field(description="ACLED inter-code sense: state_forces, rebel_group...")


class LocationRef(_Frozen):
    """A resolved place; admin codes are computed from the point against the polygons."""

    name: str = Field(examples=["K-1 Air Base"])
    gazetteer_id: str | None = Field(None, description="Id in /gazetteer/places, if from there")
    kind: str = Field("site", examples=["base"])
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    admin1: str | None = Field(None, description="Current ISO 3166-2 code (IQ-KI, not IQ-TS)")
    admin2: str | None = None
    lat: Latitude
    lon: Longitude


class Range(_Frozen):
    """A count stated as a range ("10 to 15"); low == high for a single figure."""

    low: int = Field(ge=0)
    high: int = Field(ge=0)


class Strength(_Frozen):
    """Force strength as stated, and as numbers where the text gives them."""

    text: str = Field(examples=["about 40 soldiers, ~12 vehicles"])
    personnel: Range | None = None
    vehicles: Range | None = None


class Evidence(_Frozen):
    """Where in the report a value came from: a character span (Python slice offsets)."""

    field: EvidenceField
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventProperties(_Frozen):
    """Properties of an event feature."""

    event_type: EventType
    category: Category = Field(
        description="The map layer: movement, security_incident or development"
    )
    acled_event_type: str = Field(examples=["Explosions/Remote violence"])
    acled_sub_event_type: str = Field(examples=["Remote explosive/landmine/IED"])
    date: PlausibleDate = Field(description="First day the event may have happened (ISO 8601)")
    date_end: PlausibleDate = Field(description="Last day, inclusive")
    date_precision: DatePrecision
    reported_at: PlausibleDate | None = Field(description="When the report says it was reported")
    actors: list[ActorRef] = Field(default_factory=list)
    location: LocationRef | None = Field(
        description="Where it happened; for a movement, the destination. None: not placed yet"
    )
    origin: LocationRef | None = Field(None, description="Where a movement started")
    geo_precision: Literal[1, 2, 3] | None = Field(
        description="1 site or town, 2 district or 'near', 3 governorate/region/country (ACLED)"
    )
    fatalities: int | None = Field(None, ge=0)
    strength: Strength | None = None
    summary: str
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)
    sources: list[str] = Field(default_factory=list, description="Report ids or URLs")
    external_id: str | int | None = Field(
        None,
        description="The Feature id the event had in the file it was imported from (a string "
        "or an integer, as given); null for events read from reports",
    )

    @model_validator(mode="after")
    def _interval(self) -> EventProperties:
        if self.date_end < self.date:
            raise ValueError("date_end is before date")
        if (self.date_end - self.date).days > MAX_SPAN_DAYS:
            raise ValueError(f"an event's dates span at most {MAX_SPAN_DAYS} days")
        return self


class PointGeometry(_Frozen):
    """A GeoJSON Point: [longitude, latitude] (RFC 7946, WGS84)."""

    type: Literal["Point"]
    coordinates: tuple[Longitude, Latitude]


class LineGeometry(_Frozen):
    """A GeoJSON LineString: a movement's [origin, destination] positions."""

    type: Literal["LineString"]
    coordinates: list[tuple[Longitude, Latitude]] = Field(min_length=2)


class EventFeature(_Frozen):
    """An event as a GeoJSON Feature (RFC 7946); geometry is null for an unplaced event."""

    type: Literal["Feature"] = "Feature"
    id: str | None = Field(None, description="Store id; absent before the event is stored")
    geometry: PointGeometry | LineGeometry | None = Field(
        description="Point at the location; LineString [origin, destination] for a movement"
    )
    properties: EventProperties


class EventCollection(_Frozen):
    """Events as a GeoJSON FeatureCollection."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[EventFeature]

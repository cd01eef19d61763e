"""Response models of the HTTP API (the OpenAPI document is generated from these)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from geojson_pydantic import Feature, FeatureCollection
from geojson_pydantic.geometries import Geometry
from pydantic import BaseModel, Field, field_validator

from app.domain import Candidate, Region, ReverseResult
from app.events import EventFeature, PlausibleDate
from app.extraction.schemas import PlaceRef


class PlaceOut(PlaceRef):
    """A gazetteer place as the API shows it."""

    kind: str = Field(
        examples=["city"],
        description="country, region, admin1, admin2, city, "
        "town, village, base, airport, camp, prison, oil_field, gas_field, "
        "border_crossing, dam, bridge, site, area, mountain, river, lake",
    )
    country: str = Field(description="ISO 3166-1 alpha-2")
    admin1: str | None = Field(description="Current ISO 3166-2 code of the governorate")
    admin2: str | None = Field(description="District, where known")
    population: int
    aliases: list[str]
    source: str


class CandidateOut(PlaceOut):
    """A place proposed for a name, scored 0-100."""

    score: float
    match: Literal["exact", "alias", "kind-word", "variant", "fuzzy"]

    @classmethod
    def of_candidate(cls, candidate: Candidate) -> CandidateOut:
        """Build from a domain candidate."""
        return cls(
            **PlaceOut.of(candidate.place).model_dump(),
            score=round(candidate.score, 1),
            match=candidate.match,
        )


class SearchResponse(BaseModel):
    """Ranked candidates, best first. Ambiguous names return every reading with its kind."""

    query: str
    results: list[CandidateOut]


class ReverseResponse(BaseModel):
    """What contains a point."""

    lat: float
    lon: float
    country: str | None
    admin1: str | None = Field(description="ISO 3166-2 code of the governorate")
    admin1_name: str | None
    admin2: str | None = Field(
        description="District, when the point is within 5 km of its seat (districts have no "
        "polygons here, so elsewhere it is null rather than guessed)"
    )

    @classmethod
    def of(cls, result: ReverseResult) -> ReverseResponse:
        """Build from a domain result (its fields of the same names)."""
        return cls.model_validate(result, from_attributes=True)


class RegionProperties(BaseModel):
    """Properties of a region feature."""

    code: str
    name: str
    kind: Literal["admin1", "region", "country"]
    country: str
    aliases: list[str]
    members: list[str] = Field(description="Governorate codes a named region is made of")

    @classmethod
    def of(cls, region: Region) -> RegionProperties:
        """Build from a domain record."""
        return cls(
            code=region.code,
            name=region.name,
            kind=region.kind,
            country=region.country,
            aliases=list(region.aliases),
            members=list(region.members),
        )


RegionFeature = Feature[Geometry, RegionProperties]
RegionCollection = FeatureCollection[RegionFeature]


class ReportIn(BaseModel):
    """A news report to read. HTML is reduced to text; offsets refer to the reduced text."""

    text: str = Field(description="Report text or HTML", examples=["Troops moved from Erbil..."])
    published: PlausibleDate = Field(
        description="Publication date (ISO 8601), from 1900-01-01 to tomorrow (UTC)"
    )
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty or whitespace")
        return value


class Health(BaseModel):
    """Service health."""

    status: Literal["ok"]
    version: str
    gazetteer: dict[str, Any]
    store: dict[str, Any]


class LinkOut(BaseModel):
    """A link (OGC API style)."""

    rel: str
    type: str
    href: str


class EventPageOut(BaseModel):
    """A page of events: a GeoJSON FeatureCollection with paging members."""

    type: Literal["FeatureCollection"]
    features: list[EventFeature]
    numberMatched: int  # noqa: N815 (OGC API - Features member name)
    numberReturned: int  # noqa: N815
    links: list[LinkOut]


class HistoryEntry(BaseModel):
    """One recorded change."""

    event_id: int
    at: str
    who: str
    action: str
    detail: str


class HistoryOut(BaseModel):
    """Every change of an event, oldest first."""

    event_id: int
    changes: list[HistoryEntry]


class SplitIn(BaseModel):
    """Which source report to split off."""

    report_id: int = Field(ge=1)


class ReportOut(BaseModel):
    """A stored report and the events it supports."""

    id: int
    title: str | None
    url: str | None
    source: str | None
    published: dt.date
    ingested_at: str | None
    content_hash: str
    event_ids: list[int]
    unlocated_ids: list[int] = Field(
        description="Events whose place could not be resolved: "
        "kept, and placed by PATCH /events/{id}"
    )
    text: str | None = None


class ReportList(BaseModel):
    """Reports, newest first."""

    reports: list[ReportOut]
    numberMatched: int  # noqa: N815
    numberReturned: int  # noqa: N815


class IngestOut(BaseModel):
    """What POST /reports did."""

    report_id: int
    created: bool = Field(description="False when the report was already stored")
    event_ids: list[int]
    merged_into: list[int] = Field(description="Existing events this report also describes")
    unlocated_ids: list[int]
    events: dict[str, Any] = Field(description="The events it produced (FeatureCollection)")


MAX_BATCH_REPORTS = 1000


class ReportBatchIn(BaseModel):
    """Up to 1,000 reports for one transaction. Each item is checked on its own (as a
    ``ReportIn``): a bad item gets its own error and the others are still stored."""

    reports: list[Any] = Field(
        min_length=1,
        max_length=MAX_BATCH_REPORTS,
        description="Report objects as POST /reports takes them",
    )


class BatchItemOut(BaseModel):
    """What became of one item of a batch: stored (201), already stored (200), or refused
    (4xx, with an RFC 9457 problem object and nothing stored for it)."""

    index: int = Field(description="Position of the item in the request")
    status: int
    report_id: int | None = None
    created: bool | None = None
    event_ids: list[int] = Field(default_factory=list)
    merged_into: list[int] = Field(default_factory=list)
    unlocated_ids: list[int] = Field(default_factory=list)
    problem: dict[str, Any] | None = None


class ReportBatchOut(BaseModel):
    """What POST /reports/batch did, item by item, with totals."""

    created: int
    existing: int
    failed: int
    results: list[BatchItemOut]


class ClusterItem(BaseModel):
    """Events of one grid cell."""

    lon: float
    lat: float
    count: int
    security_incident: int
    development: int


class ClusterOut(BaseModel):
    """A map view's data: clusters, lone events (whole Features), counts per governorate."""

    clusters: list[ClusterItem]
    singles: list[dict[str, Any]]
    by_admin1: dict[str, int]
    imprecise_by_admin1: dict[str, int]
    movements: list[dict[str, Any]]

"""Frozen records passed between the gazetteer, extraction, the store and the API."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date

#: The mean Earth radius geopy's great-circle distance uses (``geopy.distance.EARTH_RADIUS``),
#: written out so importing the domain does not import geopy (a test checks they agree).
EARTH_RADIUS_KM = 6371.009

#: Kind -> family. Families are what kind words in text cue ("province" -> admin1).
KIND_FAMILY: dict[str, str] = {
    "country": "country",
    "region": "region",
    "admin1": "admin1",
    "admin2": "admin2",
    "city": "populated",
    "town": "populated",
    "village": "populated",
    "base": "site",
    "airport": "site",
    "camp": "site",
    "prison": "site",
    "oil_field": "site",
    "gas_field": "site",
    "border_crossing": "site",
    "dam": "site",
    "bridge": "site",
    "site": "site",
    # An area inside a governorate (a plain, a valley, the farmland ring of a city: the Ghab,
    # Eastern Ghouta, Wadi al-Shay): found, listed and ranked like a site, but its point stands
    # for an area, and an event placed there has a region's precision (see event_builder).
    "area": "site",
    "mountain": "mountain",
    "river": "water",
    "lake": "water",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    population: int
    aliases: tuple[str, ...] = ()
    source: str = ""

    def __reduce__(self) -> tuple[type[Place], tuple[object, ...]]:
        # Rebuilt through __init__: unpickling the gazetteer's places from the start-up
        # cache (app.startup) is then about twice as fast as the frozen-slots default.
        return Place, tuple(getattr(self, name) for name in _PLACE_FIELDS)

    @property
    def family(self) -> str:
        """The kind family ("site", "populated", "admin1"...)."""
        return KIND_FAMILY.get(self.kind, "site")


_PLACE_FIELDS = tuple(f.name for f in fields(Place))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a name, with a 0-100 score and how it matched."""

    place: Place
    score: float
    match: str  # "exact", "alias", "kind-word", "variant" or "fuzzy"


@dataclass(frozen=True, slots=True)
class Region:
    """A governorate (ISO 3166-2 code) or a named union of governorates."""

    code: str
    name: str
    kind: str  # "admin1", "region" or "country"
    country: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What contains a point: country, governorate, and the nearest district seat."""

    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_name: str | None
    admin2: str | None = None
    nearest: tuple[Candidate, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of /events, /collections/events/items, the map and the exports; all combine."""

    admin1: tuple[str, ...] = ()
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, radius_km
    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    category: str | None = None
    actors: tuple[str, ...] = ()
    q: str | None = None
    min_confidence: float | None = None
    report_id: int | None = None
    located: bool | None = True  # None: both placed and unplaced events
    sort: str = "-date"
    limit: int = 100
    cursor: str | None = None
    offset: int = 0  # OGC API paging (next/prev links); /events pages with the cursor


@dataclass(frozen=True, slots=True)
class EventPage:
    """A page of events as stored GeoJSON Feature texts, and how many matched in all."""

    features: list[str]
    matched: int
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """A stored report."""

    id: int
    content_hash: str
    published: date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    ingested_at: str | None = None


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing a report did: its id, the events it made or joined, and if it was new."""

    report_id: int
    created: bool
    event_ids: tuple[int, ...] = ()
    merged_into: tuple[int, ...] = ()
    unlocated_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class NewReport:
    """A report about to be stored; ``content_hash`` identifies its normalised text."""

    text: str
    published: date
    content_hash: str
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to an event: who, when, what."""

    event_id: int
    at: str
    who: str
    action: str
    detail: str


@dataclass(frozen=True, slots=True)
class Cluster:
    """Events of one grid cell: where (mean point), how many, and of which layers."""

    lon: float
    lat: float
    count: int
    security_incident: int
    development: int


@dataclass(frozen=True, slots=True)
class ClusterPage:
    """What the map needs for one view: clusters, lone events, and counts per governorate."""

    clusters: list[Cluster]
    singles: list[str]  # Feature texts of cells holding one event
    by_admin1: dict[str, int]  # every matching event (the choropleth)
    imprecise_by_admin1: dict[str, int]  # events placed only to a governorate or wider
    movements: list[str] = field(default_factory=list)  # Feature texts, newest first


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres on a sphere of the mean Earth radius.

    The haversine formula, written out: geopy's great_circle gives the same figure but builds
    and validates Point objects on every call (20 us here), and this runs for every candidate
    place of every mention, and for every row of a near= query.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return float(2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change feed: an event created or changed ("upsert") or gone ("delete")."""

    seq: int
    op: str  # "upsert" | "delete"
    id: int
    feature: str | None = None  # the event's Feature text, for upserts


@dataclass(frozen=True, slots=True)
class ChangePage:
    """Changes after a sequence number, in order, and the number to ask from next."""

    changes: list[Change]
    last_seq: int


@dataclass(frozen=True, slots=True)
class Feed:
    """A news feed the service polls."""

    id: int
    url: str
    interval_seconds: int
    source: str | None
    etag: str | None
    modified: str | None
    last_poll: str | None
    last_status: str | None
    items_seen: int
    reports_stored: int
    errors: int
    next_poll: str


@dataclass(frozen=True, slots=True)
class Subscription:
    """A webhook: matching events are posted to ``url``, signed with ``secret``."""

    id: int
    url: str
    secret: str
    filters: str  # the /events query string it was created with
    last_seq: int
    created_at: str


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event sent (or to be sent) to a subscription's URL."""

    id: int
    subscription_id: int
    seq: int
    event_id: int
    body: str
    attempts: int
    status: str  # "pending" | "delivered" | "failed"
    next_attempt_at: str
    last_status: int | None
    last_error: str | None
    delivered_at: str | None

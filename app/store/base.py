"""The contract every event store meets; routes and ingest depend only on this."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

from app.domain import (
    AuditEntry,
    ChangePage,
    ClusterPage,
    Delivery,
    EventPage,
    EventQuery,
    Feed,
    IngestResult,
    NewReport,
    ReportRecord,
    Subscription,
)
from app.events import EventFeature
from app.store.prepared import PreparedEvent


@dataclass(frozen=True, slots=True)
class StoreHealth:
    """What /healthz reports about the store."""

    backend: str
    schema_version: int
    events: int
    reports: int
    unlocated: int = 0


OnConflict = Literal["skip", "update"]


class ImportRow(NamedTuple):
    """One validated event for a bulk import: its key, its Feature text and its columns
    (``row[2:13]`` are the indexed ones, in ``event_columns.INDEXED`` order)."""

    key: str  # "id:<the Feature's own id>" or "sha256:<hash of the feature>"
    body: str  # the Feature text after its id: '"geometry":...,"properties":{...}}'
    event_type: str
    category: str
    date: str
    date_end: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    confidence: float
    geo_precision: int | None
    actors: str  # "|name|name|" as the actors column stores them
    minx: float | None  # the geometry's box; None for an unplaced event
    maxx: float | None
    miny: float | None
    maxy: float | None
    words: str  # what q= searches
    span: int  # date_end - date, in days


def unique_keys(
    rows: Sequence[ImportRow], on_conflict: OnConflict
) -> tuple[dict[str, ImportRow], int]:
    """A batch's rows by key, and how many were skipped because the file repeats their key:
    under "skip" the first row of a key stands, under "update" the last."""
    batch: dict[str, ImportRow] = {}
    skipped = 0
    for row in rows:
        if row.key in batch and on_conflict == "skip":
            skipped += 1
        else:
            batch[row.key] = row
    return batch, skipped


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What a bulk import batch did."""

    created: int = 0
    updated: int = 0
    skipped: int = 0  # keys already stored (or repeated in the file) under on_conflict=skip

    def __add__(self, other: ImportCounts) -> ImportCounts:
        return ImportCounts(
            self.created + other.created,
            self.updated + other.updated,
            self.skipped + other.skipped,
        )


class BulkImport(Protocol):
    """A running bulk import: batches, each all or nothing, then the index build."""

    def write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        """Store one batch in one transaction; known keys follow the import's on_conflict."""
        ...

    def finish(self) -> str:
        """Build what was deferred, check the database; returns the check's answer ("ok")."""
        ...

    def close(self) -> None:
        """Release the import's connection (an unfinished import resumes on the next run)."""
        ...


class LiveState(Protocol):
    """Feeds, webhook subscriptions and deliveries, and leases: shared by every worker."""

    def add_feed(self, url: str, interval_seconds: int, source: str | None, now: str) -> Feed:
        """Register a feed; Conflict when its URL is known."""
        ...

    def feeds(self) -> list[Feed]:
        """Every feed."""
        ...

    def due_feeds(self, now: str) -> list[Feed]:
        """Feeds whose next poll is due."""
        ...

    def delete_feed(self, feed_id: int) -> None:
        """Stop polling a feed."""
        ...

    def record_poll(self, feed: Feed) -> None:
        """Save a poll's outcome."""
        ...

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of these URLs belong to stored reports."""
        ...

    def add_subscription(
        self, url: str, secret: str, filters: str, last_seq: int, now: str
    ) -> Subscription:
        """A webhook for the matching changes after ``last_seq``."""
        ...

    def subscriptions(self) -> list[Subscription]:
        """Every subscription."""
        ...

    def subscription(self, subscription_id: int) -> Subscription:
        """One subscription; NotFound when absent."""
        ...

    def delete_subscription(self, subscription_id: int) -> None:
        """Remove a subscription and its queue."""
        ...

    def enqueue(
        self, subscription_id: int, items: Sequence[tuple[int, int, str]], last_seq: int, now: str
    ) -> None:
        """Queue deliveries and move the subscription's mark in one transaction."""
        ...

    def due_deliveries(self, now: str, limit: int = 100) -> list[Delivery]:
        """Pending deliveries that are due."""
        ...

    def record_delivery(self, delivery: Delivery) -> None:
        """Save an attempt's outcome."""
        ...

    def deliveries(self, subscription_id: int, limit: int = 100) -> list[Delivery]:
        """A subscription's deliveries, newest first."""
        ...

    def acquire_lease(self, name: str, holder: str, ttl_seconds: float, now: float) -> bool:
        """Take or renew a named lease."""
        ...

    def release_lease(self, name: str, holder: str) -> None:
        """Give a lease up."""
        ...


class EventStore(Protocol):
    """Persistent storage of reports and events. Every write is all or nothing."""

    def add_report(
        self, report: NewReport, events: Sequence[EventFeature], who: str = "ingest"
    ) -> IngestResult:
        """Store a report and its events; a known report (hash or URL) adds nothing."""
        ...

    def add_reports(
        self, items: Sequence[tuple[NewReport, Sequence[PreparedEvent]]], who: str = "ingest"
    ) -> list[IngestResult]:
        """Store many reports in one transaction, with the outcome of storing them one by
        one in order (known reports add nothing, repeats of an event merge)."""
        ...

    def known_reports(self, hashes: Sequence[str], urls: Sequence[str]) -> dict[str, int]:
        """Ids of stored reports, by the content hashes and URLs given that are known."""
        ...

    def add_events(self, events: Sequence[EventFeature], who: str) -> list[int]:
        """Store events that come with no report."""
        ...

    def bulk_import(self, who: str, on_conflict: OnConflict, defer_indexes: bool) -> BulkImport:
        """Start an idempotent bulk import (keys of known events follow ``on_conflict``)."""
        ...

    def update(self, event_id: int, event: EventFeature, who: str) -> str:
        """Replace an event; returns its stored Feature text."""
        ...

    def delete(self, event_id: int, who: str) -> None:
        """Remove an event."""
        ...

    def split(self, event_id: int, report_id: int, who: str) -> int:
        """Make one source report's reading an event of its own again."""
        ...

    def get(self, event_id: int) -> str:
        """An event's Feature text; NotFound when absent."""
        ...

    def query(self, query: EventQuery) -> EventPage:
        """A page of events."""
        ...

    def count(self, query: EventQuery) -> int:
        """How many events match."""
        ...

    def export(self, query: EventQuery, batch: int = 5000) -> Iterator[str]:
        """Every matching event's Feature text, streamed."""
        ...

    def clusters(
        self,
        query: EventQuery,
        view: tuple[float, float, float, float],
        cell_deg: float,
        singles_limit: int,
        all_singles_below: int = 0,
        movement_limit: int = 0,
    ) -> ClusterPage:
        """Point events (not movements, not governorate-level) in a view, grouped by grid
        cells of ``cell_deg`` degrees, and counts per governorate for the map."""
        ...

    @property
    def live(self) -> LiveState:
        """Feeds, subscriptions, deliveries and leases of this store."""
        ...

    def changes(self, query: EventQuery, after: int, limit: int) -> ChangePage:
        """Changes after ``after`` that matter to a follower of ``query``, in order."""
        ...

    def last_seq(self) -> int:
        """The newest change's number."""
        ...

    def extent(self) -> tuple[tuple[float, float, float, float] | None, str | None, str | None]:
        """Bounding box of the placed events' points, first date and last date."""
        ...

    def date_range(self) -> tuple[str | None, str | None]:
        """First date and last date_end of the placed events, read from the indexes."""
        ...

    def history(self, event_id: int) -> list[AuditEntry]:
        """An event's changes."""
        ...

    def get_report(self, report_id: int) -> ReportRecord:
        """A stored report; NotFound when absent."""
        ...

    def list_reports(self, limit: int, offset: int) -> tuple[list[ReportRecord], int]:
        """Reports, newest first, and their total."""
        ...

    def report_events(self, report_id: int) -> IngestResult:
        """The events a report supports."""
        ...

    def health(self) -> StoreHealth:
        """Answer quickly, or raise StoreError."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...

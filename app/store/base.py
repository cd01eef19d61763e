"""The contract every event store meets; routes and ingest depend only on this."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.domain import (
    AuditEntry,
    ClusterPage,
    EventPage,
    EventQuery,
    IngestResult,
    NewReport,
    ReportRecord,
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

"""The contract every event store meets; routes and ingest depend only on this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoreHealth:
    """What /healthz reports about the store."""

    backend: str
    schema_version: int
    events: int
    reports: int


class EventStore(Protocol):
    """Persistent storage of reports and events."""

    def health(self) -> StoreHealth:
        """Answer quickly, or raise StoreError."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...

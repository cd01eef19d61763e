"""Prometheus metrics: requests by route template and status, latency, stored rows, ingest errors.

Several workers: ``geoevents serve --workers N`` points ``PROMETHEUS_MULTIPROC_DIR`` at a
fresh directory before the workers start, so counters and histograms are written there by
every worker and ``/metrics`` adds them up (prometheus-client's multiprocess mode). Stored
reports and events are counted in the database at scrape time, so any worker answers the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client import generate_latest as _generate
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from app.store.base import EventStore

CONTENT_TYPE = CONTENT_TYPE_LATEST
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
#: Seconds; from a cached gazetteer look-up (~1 ms) to a large export.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class StoreCollector(Collector):
    """Rows in the store, counted when scraped."""

    def __init__(self, store: Callable[[], EventStore]) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        """Reports, placed events and unplaced candidates."""
        health = self.store().health()
        for name, doc, value in (
            ("geoevents_reports_stored", "Reports in the store", health.reports),
            ("geoevents_events_stored", "Placed events in the store", health.events),
            ("geoevents_unplaced_events", "Unplaced event candidates", health.unlocated),
        ):
            yield GaugeMetricFamily(name, doc, value=value)


class Metrics:
    """The service's metrics; per app in one process, shared through files across workers."""

    def __init__(self, store: Callable[[], EventStore]) -> None:
        self.stored = StoreCollector(store)
        self.multiprocess = bool(os.environ.get(MULTIPROC_ENV))
        # In multiprocess mode values go to files, whatever registry; none is needed here.
        self.registry = None if self.multiprocess else CollectorRegistry()
        self.requests = Counter(
            "geoevents_http_requests",
            "HTTP requests by method, route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "geoevents_http_request_duration_seconds",
            "HTTP request latency by method and route template",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.ingest_errors = Counter(
            "geoevents_ingest_errors",
            "Refused or failed writes of reports and events, by HTTP status",
            ["route", "status"],
            registry=self.registry,
        )
        if self.registry is not None:
            self.registry.register(self.stored)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Record one finished request."""
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)
        if method in ("POST", "PATCH") and route in ("/reports", "/events", "/events/{event_id}"):
            if status >= 400:
                self.ingest_errors.labels(route, str(status)).inc()

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric (of every worker)."""
        if self.registry is not None:
            return _generate(self.registry)
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        registry.register(self.stored)
        return _generate(registry)

"""The event store on PostgreSQL + PostGIS (``GEOEVENTS_DATABASE_URL=postgresql://...``).

Needs the ``postgis`` extra (psycopg 3 and psycopg-pool). Like the SQLite store, each event
is kept as its served GeoJSON Feature text beside indexed columns, so a read copies text.
Every write is one transaction under one advisory lock (see postgis_schema.WRITE_LOCK), so
any number of API workers on any number of machines can share the database: nothing a
second worker needs lives in a worker's memory. Reads run concurrently from a pool.
Reads are in :mod:`app.store.postgis_reads`; this module opens, migrates and writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from app.domain import IngestResult, NewReport
from app.errors import InvalidInput, NotFound, StoreError
from app.events import EventFeature
from app.store import postgis_bulk
from app.store.base import OnConflict
from app.store.dedup import same_event
from app.store.edits import diff, with_source
from app.store.event_columns import fts_body, with_id
from app.store.postgis_bulk import PostGISBulkImport
from app.store.postgis_counts import SeqCountCache
from app.store.postgis_live import PostGISLiveState
from app.store.postgis_reads import PostGISReads, feature
from app.store.postgis_schema import MIGRATIONS, WRITE_LOCK
from app.store.postgis_sql import EVENT_COLUMNS, event_row
from app.store.prepared import PENDING_SOURCE, PreparedEvent

POOL_SIZE = 10  # connections per worker; PgBouncer in front multiplies workers, not this
_NEAR_DEG = 0.1  # window for de-duplication candidates (~11 km), as on SQLite
_UPDATE = (
    "UPDATE events SET (" + EVENT_COLUMNS.removeprefix("id, ") + ") = "
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s::geometry, %s, %s, %s, %s, %s, %s) WHERE id = %s"
)
_INSERT = (
    f"INSERT INTO events ({EVENT_COLUMNS}) VALUES "
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::geometry, %s, %s, %s, %s, %s, %s)"
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PostGISStore(PostGISReads):
    """Reports and events in PostgreSQL with PostGIS; a pool of connections per worker."""

    backend = "postgis"

    def __init__(
        self,
        url: str,
        *,
        migrate: bool = True,
        pool_size: int = POOL_SIZE,
        finish_imports: bool = True,
    ) -> None:
        self.url = url
        self._counts = SeqCountCache()
        self._name = url.rsplit("/", 1)[-1].split("?", 1)[0] or "postgres"
        try:  # fail fast, with the driver's reason, before the pool starts retrying
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            raise StoreError(log_message=f"cannot connect to database {self._name}: {exc}") from exc
        self.pool = ConnectionPool(
            url, min_size=1, max_size=pool_size, open=False, name=f"geoevents-{self._name}"
        )
        try:
            self.pool.open(wait=True, timeout=15)
        except PoolTimeout as exc:
            self.pool.close()
            raise StoreError(log_message=f"cannot connect to database {self._name}") from exc
        if migrate:
            self.upgrade()
        self.live = PostGISLiveState(self._write, self._read)
        if finish_imports and migrate:
            self._autocommit("finishing an import", postgis_bulk.finish_interrupted)

    @classmethod
    def from_url(cls, url: str, finish_imports: bool = True) -> PostGISStore:
        """``postgresql://user@host:port/db`` (any libpq URL); ``finish_imports=False``
        leaves a killed import's index build to the next import."""
        return cls(url, finish_imports=finish_imports)

    # Schema ------------------------------------------------------------------------------

    def upgrade(self) -> int:
        """Apply the migrations this database lacks (under the write lock); the new version."""
        try:
            with self.pool.connection() as conn:
                conn.autocommit = True  # each migration is its own transaction below
                try:
                    conn.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
                    try:
                        return self._migrate(conn)
                    finally:
                        conn.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
                finally:
                    conn.autocommit = False
        except psycopg.Error as exc:
            raise StoreError(log_message=f"migrating {self._name}: {exc}") from exc

    def _migrate(self, conn: psycopg.Connection) -> int:
        conn.execute("CREATE TABLE IF NOT EXISTS geoevents_schema (version integer NOT NULL)")
        version = self._version(conn)
        if version > len(MIGRATIONS):
            raise StoreError(
                log_message=f"database {self._name} has schema {version}, newer "
                f"than this release ({len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with conn.transaction():
                conn.execute(script)
                conn.execute("DELETE FROM geoevents_schema")
                conn.execute("INSERT INTO geoevents_schema VALUES (%s)", (number,))
        return len(MIGRATIONS)

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection]:
        """One transaction under the write lock; rolled back whole on any error."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield conn
        except psycopg.Error as exc:
            raise StoreError(log_message=f"writing {self._name}: {exc}") from exc

    # Writes ------------------------------------------------------------------------------

    def add_report(
        self, report: NewReport, events: Sequence[EventFeature], who: str = "ingest"
    ) -> IngestResult:
        """Store a report and its events in one transaction; a known report adds nothing."""
        with self._write() as conn:
            return self._add_report(conn, report, events, who)

    def add_reports(
        self, items: Sequence[tuple[NewReport, Sequence[PreparedEvent]]], who: str = "ingest"
    ) -> list[IngestResult]:
        """Store many reports in one transaction, each as :meth:`add_report` would, in order."""
        with self._write() as conn:
            return [
                self._add_report(conn, report, [_feature(p) for p in prepared], who)
                for report, prepared in items
            ]

    def known_reports(self, hashes: Sequence[str], urls: Sequence[str]) -> dict[str, int]:
        """Ids of stored reports, by the content hashes and URLs given that are known."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT id, content_hash, url FROM reports "
                "WHERE content_hash = ANY(%s) OR url = ANY(%s)",
                (list(hashes), list(urls)),
            ).fetchall()
        )
        wanted = set(hashes) | set(urls)
        found: dict[str, int] = {}
        for report_id, content_hash, url in rows:
            for key in (content_hash, url):
                if key is not None and key in wanted:
                    found[key] = int(report_id)
        return found

    def _add_report(
        self,
        conn: psycopg.Connection,
        report: NewReport,
        events: Sequence[EventFeature],
        who: str,
    ) -> IngestResult:
        known = conn.execute(
            "SELECT id FROM reports WHERE content_hash = %s OR (url IS NOT NULL AND url = %s)",
            (report.content_hash, report.url),
        ).fetchone()
        if known is not None:
            return self._existing(conn, int(known[0]))
        report_id = _next_id(conn, "reports")
        conn.execute(
            "INSERT INTO reports (id, content_hash, url, title, source, published, text, "
            "ingested_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                report_id,
                report.content_hash,
                report.url,
                report.title,
                report.source,
                report.published,
                report.text,
                _now(),
            ),
        )
        source = f"/reports/{report_id}"
        created: list[int] = []
        merged: list[int] = []
        unlocated: list[int] = []
        for event in events:
            event = with_source(event, source)
            target = self._duplicate_of(conn, event) if event.geometry else None
            if target is None:
                event_id = self._insert(conn, event, who, report_id)
                (created if event.geometry else unlocated).append(event_id)
            else:
                self._merge(conn, target, event, report_id, who)
                merged.append(target)
        return IngestResult(report_id, True, tuple(created), tuple(merged), tuple(unlocated))

    def add_events(self, events: Sequence[EventFeature], who: str) -> list[int]:
        """Store events that come with no report, all or nothing, with one COPY."""
        now = _now()
        with self._write() as conn:
            first = _next_id(conn, "events")
            ids = list(range(first, first + len(events)))
            with (
                conn.cursor() as cur,
                cur.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy,
            ):
                for event_id, event in zip(ids, events, strict=True):
                    copy.write_row(
                        event_row(event_id, event, with_id(event, event_id), now, fts_body(event))
                    )
            if events:
                _widen_span(
                    conn, max((e.properties.date_end - e.properties.date).days for e in events)
                )
                conn.execute(
                    "INSERT INTO audit (event_id, last_event_id, at, who, action, detail) "
                    "VALUES (%s, %s, %s, %s, 'create', %s)",
                    (ids[0], ids[-1], now, who, f"one of {len(ids)} events stored together"),
                )
            if first == 1:
                # Statistics for the planner from the first batch on (as SQLite's ANALYZE);
                # autovacuum refreshes them as the table grows.
                conn.execute("ANALYZE events")
            return ids

    def bulk_import(
        self, who: str, on_conflict: OnConflict = "skip", defer_indexes: bool = False
    ) -> PostGISBulkImport:
        """An idempotent bulk import on its own connection (see ``postgis_bulk``)."""
        return PostGISBulkImport(self.url, who, on_conflict, defer_indexes)

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load: autovacuum does it later)."""
        self._autocommit("analyze", lambda conn: conn.execute("ANALYZE events"))

    def _autocommit(self, what: str, work: Callable[[psycopg.Connection], object]) -> None:
        """Run ``work`` on a pooled connection outside any transaction of the pool's."""
        try:
            with self.pool.connection() as conn:
                conn.autocommit = True
                try:
                    work(conn)
                finally:
                    conn.autocommit = False
        except psycopg.Error as exc:
            raise StoreError(log_message=f"{what} in {self._name}: {exc}") from exc

    def update(self, event_id: int, event: EventFeature, who: str) -> str:
        """Replace an event; the audit trail records what changed."""
        with self._write() as conn:
            old = feature(conn, event_id)
            text = self._store(conn, event_id, event, replace=True)
            _audit(conn, event_id, who, "update", diff(old, text))
            return text

    def delete(self, event_id: int, who: str) -> None:
        """Remove an event (its audit trail stays)."""
        with self._write() as conn:
            old = feature(conn, event_id)
            conn.execute("DELETE FROM events WHERE id = %s", (event_id,))
            _audit(conn, event_id, who, "delete", old)

    def split(self, event_id: int, report_id: int, who: str) -> int:
        """Undo a merge: the given report's reading becomes an event of its own again."""
        with self._write() as conn:
            feature(conn, event_id)
            rows = conn.execute(
                "SELECT report_id, feature FROM observations WHERE event_id = %s ORDER BY id",
                (event_id,),
            ).fetchall()
            mine = [text for rid, text in rows if rid == report_id]
            if not mine:
                raise NotFound(f"Report {report_id} is not a source of event {event_id}")
            if len(rows) < 2:
                raise InvalidInput(f"Event {event_id} has a single source: nothing to split")
            conn.execute(
                "DELETE FROM observations WHERE event_id = %s AND report_id = %s",
                (event_id, report_id),
            )
            current = EventFeature.model_validate_json(feature(conn, event_id))
            sources = [s for s in current.properties.sources if s != f"/reports/{report_id}"]
            kept = current.model_copy(
                update={"properties": current.properties.model_copy(update={"sources": sources})}
            )
            self._store(conn, event_id, kept, replace=True)
            new_id = self._insert(conn, EventFeature.model_validate_json(mine[0]), who, report_id)
            _audit(conn, event_id, who, "split", f"report {report_id} moved to event {new_id}")
            return new_id

    def _insert(
        self, conn: psycopg.Connection, event: EventFeature, who: str, report_id: int | None
    ) -> int:
        event_id = _next_id(conn, "events")
        text = self._store(conn, event_id, event, replace=False)
        conn.execute(
            "INSERT INTO observations (event_id, report_id, feature) VALUES (%s, %s, %s)",
            (event_id, report_id, text),
        )
        _audit(conn, event_id, who, "create", "")
        return event_id

    def _store(
        self, conn: psycopg.Connection, event_id: int, event: EventFeature, replace: bool
    ) -> str:
        text = with_id(event, event_id)
        row = event_row(event_id, event, text, _now(), fts_body(event))
        if replace:
            conn.execute(_UPDATE, (*row[1:], event_id))
        else:
            conn.execute(_INSERT, row)
        _widen_span(conn, (event.properties.date_end - event.properties.date).days)
        return text

    def _duplicate_of(self, conn: psycopg.Connection, event: EventFeature) -> int | None:
        props = event.properties
        if props.location is None:
            return None
        lat, lon = props.location.lat, props.location.lon
        rows = conn.execute(
            "SELECT id, feature FROM events WHERE located AND category = %s "
            "AND date <= %s AND date_end >= %s "
            "AND geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326) ORDER BY id",
            (
                props.category,
                props.date_end + dt.timedelta(days=1),
                props.date - dt.timedelta(days=1),
                lon - _NEAR_DEG,
                lat - _NEAR_DEG,
                lon + _NEAR_DEG,
                lat + _NEAR_DEG,
            ),
        ).fetchall()
        for event_id, text in rows:
            if same_event(EventFeature.model_validate_json(text).properties, props):
                return int(event_id)
        return None

    def _merge(
        self, conn: psycopg.Connection, event_id: int, event: EventFeature, report_id: int, who: str
    ) -> None:
        current = EventFeature.model_validate_json(feature(conn, event_id))
        props = current.properties
        sources = [*props.sources, *(s for s in event.properties.sources if s not in props.sources)]
        merged = current.model_copy(
            update={
                "properties": props.model_copy(
                    update={
                        "sources": sources,
                        "confidence": max(props.confidence, event.properties.confidence),
                    }
                )
            }
        )
        self._store(conn, event_id, merged, replace=True)
        conn.execute(
            "INSERT INTO observations (event_id, report_id, feature) VALUES (%s, %s, %s)",
            (event_id, report_id, event.model_dump_json()),
        )
        _audit(conn, event_id, who, "merge", f"report {report_id} describes the same event")

    def close(self) -> None:
        """Close every pooled connection."""
        self.pool.close()


def _feature(prepared: PreparedEvent) -> EventFeature:
    """An event the batch path prepared, back as a Feature (without the pending source)."""
    event = EventFeature.model_validate_json(prepared.text)
    sources = [s for s in event.properties.sources if s != PENDING_SOURCE]
    return event.model_copy(
        update={"properties": event.properties.model_copy(update={"sources": sources})}
    )


def _next_id(conn: psycopg.Connection, table: str) -> int:
    """The id after the largest (callers hold the write lock, so no two writers race)."""
    row = conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()
    return int(row[0]) if row else 1


def _widen_span(conn: psycopg.Connection, days: int) -> None:
    conn.execute(
        "UPDATE meta SET value = %s WHERE key = 'max_span_days' AND value < %s", (days, days)
    )


def _audit(conn: psycopg.Connection, event_id: int, who: str, action: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO audit (event_id, at, who, action, detail) VALUES (%s, %s, %s, %s, %s)",
        (event_id, _now(), who, action, detail),
    )

"""The embedded default store: one SQLite file (standard library), WAL mode, R*Tree, FTS5.

Each event is kept as the GeoJSON Feature text it is served as, beside indexed columns
(date, type, governorate, confidence, actors) and an R*Tree of its bounding box, so a query
reads index entries and copies stored text: no JSON is parsed or built on the read path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import orjson

from app.domain import (
    AuditEntry,
    Cluster,
    ClusterPage,
    EventPage,
    EventQuery,
    IngestResult,
    NewReport,
    ReportRecord,
    km,
)
from app.errors import InvalidInput, NotFound, StoreError
from app.events import EventFeature
from app.store import sql_query, sqlite_batch, sqlite_mapcells
from app.store.base import StoreHealth
from app.store.dedup import same_event
from app.store.prepared import PreparedEvent
from app.store.schema import MIGRATIONS
from app.store.sqlite_rows import event_row, fts_body, with_id

T = TypeVar("T")
BULK_BATCH = 1000
BULK_CACHE_KIB = 1024 * 1024  # 1 GiB, only for connections that bulk-load
_UPDATE_EVENT = (
    "UPDATE events SET feature = ?, event_type = ?, category = ?, date = ?, date_end = ?, "
    "country = ?, admin1 = ?, lat = ?, lon = ?, confidence = ?, geo_precision = ?, "
    "actors = ?, located = ?, updated_at = ? WHERE id = ?"
)
_INSERT_EVENT = (
    "{verb} INTO events (id, feature, event_type, category, date, date_end, country, admin1, "
    "lat, lon, confidence, geo_precision, actors, located, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NEAR_DEG = 0.1  # R*Tree window for de-duplication candidates (~11 km)
SMALL_VIEW_DEG2 = 4.0  # map views smaller than this find their movements through the R*Tree


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SQLiteStore:
    """Reports and events in SQLite; one connection per thread."""

    backend = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._migrate()

    @classmethod
    def from_url(cls, url: str) -> SQLiteStore:
        """``sqlite:///relative.db``, ``sqlite:////abs/path.db`` or ``sqlite:///:memory:``."""
        path = url.removeprefix("sqlite://").removeprefix("/")
        if not path:
            raise StoreError("sqlite URL needs a path, e.g. sqlite:///./geoevents.db")
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return cls(path)

    # Connections and schema --------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA busy_timeout=10000")
                conn.execute("PRAGMA cache_size=-65536")
                conn.create_function("km", 4, km, deterministic=True)
            except sqlite3.Error as exc:
                raise StoreError(log_message=f"cannot open {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def _migrate(self) -> None:
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    log_message=f"{self.path} has schema {version}, newer than "
                    f"this release ({len(MIGRATIONS)})"
                )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"migrating {self.path}: {exc}") from exc

    def _write(self) -> _Transaction:
        return _Transaction(self._connect(), self._write_lock, self.path)

    # Writes ------------------------------------------------------------------------------

    def add_report(
        self, report: NewReport, events: Sequence[EventFeature], who: str = "ingest"
    ) -> IngestResult:
        """Store a report and its events in one transaction; a known report adds nothing."""
        with self._write() as conn:
            known = conn.execute(
                "SELECT id FROM reports WHERE content_hash = ? OR (url IS NOT NULL AND url = ?)",
                (report.content_hash, report.url),
            ).fetchone()
            if known is not None:
                return self._existing(conn, int(known[0]))
            report_id = int(
                conn.execute(
                    "INSERT INTO reports (content_hash, url, title, source, published, text, "
                    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        report.content_hash,
                        report.url,
                        report.title,
                        report.source,
                        report.published.isoformat(),
                        report.text,
                        _now(),
                    ),
                ).lastrowid
                or 0
            )
            source = f"/reports/{report_id}"
            created: list[int] = []
            merged: list[int] = []
            unlocated: list[int] = []
            for event in events:
                event = _with_source(event, source)
                target = self._duplicate_of(conn, event) if event.geometry else None
                if target is None:
                    event_id = self._insert(conn, event, who, report_id)
                    (created if event.geometry else unlocated).append(event_id)
                else:
                    self._merge(conn, target, event, report_id, who)
                    merged.append(target)
            return IngestResult(report_id, True, tuple(created), tuple(merged), tuple(unlocated))

    def add_reports(
        self, items: Sequence[tuple[NewReport, Sequence[PreparedEvent]]], who: str = "ingest"
    ) -> list[IngestResult]:
        """Store many reports in one transaction (see ``sqlite_batch``)."""
        with self._write() as conn:
            return sqlite_batch.add_reports(conn, items, who, _now())

    def known_reports(self, hashes: Sequence[str], urls: Sequence[str]) -> dict[str, int]:
        """Ids of stored reports by content hash and URL."""
        return self._read(lambda conn: sqlite_batch.known_reports(conn, hashes, urls))

    def add_events(self, events: Sequence[EventFeature], who: str) -> list[int]:
        """Store events that come with no report (import, hand-made), all or nothing.

        A bulk path: one statement per table for the whole batch.
        """
        now = _now()
        with self._write() as conn:
            if len(events) >= BULK_BATCH:
                # A bulk load touches index pages all over the file: a larger page cache
                # for this connection keeps them in memory (the default is 64 MB).
                conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            first = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()[0])
            ids = list(range(first, first + len(events)))
            rows, boxes, bodies = [], [], []
            for event_id, event in zip(ids, events, strict=True):
                row, box = event_row(event_id, event, with_id(event, event_id), now)
                rows.append(row)
                if box is not None:
                    boxes.append((event_id, *box))
                bodies.append((event_id, fts_body(event)))
            conn.executemany(_INSERT_EVENT.format(verb="INSERT"), rows)
            _widen_span(
                conn,
                max((e.properties.date_end - e.properties.date).days for e in events)
                if events
                else 0,
            )
            conn.executemany("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", boxes)
            conn.executemany("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", bodies)
            if ids:  # one audit row for the whole batch: events first..last
                conn.execute(
                    "INSERT INTO audit (event_id, last_event_id, at, who, action, detail) "
                    "VALUES (?, ?, ?, ?, 'create', ?)",
                    (ids[0], ids[-1], now, who, f"one of {len(ids)} events stored together"),
                )
            # Statistics let the planner pick the governorate index for region=; optimize
            # re-analyses only when the table has grown a lot since the last time.
            conn.execute("ANALYZE" if first == 1 else "PRAGMA optimize")
            return ids

    def update(self, event_id: int, event: EventFeature, who: str) -> str:
        """Replace an event; the audit trail records what changed."""
        with self._write() as conn:
            old = self._feature(conn, event_id)
            text = self._store(conn, event_id, event, replace=True)
            _audit(conn, event_id, who, "update", _diff(old, text))
            return text

    def delete(self, event_id: int, who: str) -> None:
        """Remove an event (its audit trail stays)."""
        with self._write() as conn:
            old = self._feature(conn, event_id)
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            conn.execute("DELETE FROM events_rtree WHERE id = ?", (event_id,))
            conn.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
            _audit(conn, event_id, who, "delete", old)

    def split(self, event_id: int, report_id: int, who: str) -> int:
        """Undo a merge: the given report's reading becomes an event of its own again."""
        with self._write() as conn:
            self._feature(conn, event_id)
            rows = conn.execute(
                "SELECT report_id, feature FROM observations WHERE event_id = ?", (event_id,)
            ).fetchall()
            mine = [feature for rid, feature in rows if rid == report_id]
            if not mine:
                raise NotFound(f"Report {report_id} is not a source of event {event_id}")
            if len(rows) < 2:
                raise InvalidInput(f"Event {event_id} has a single source: nothing to split")
            conn.execute(
                "DELETE FROM observations WHERE event_id = ? AND report_id = ?",
                (event_id, report_id),
            )
            current = EventFeature.model_validate_json(self._feature(conn, event_id))
            sources = [s for s in current.properties.sources if s != f"/reports/{report_id}"]
            kept = current.model_copy(
                update={"properties": current.properties.model_copy(update={"sources": sources})}
            )
            self._store(conn, event_id, kept, replace=True)
            new_id = self._insert(conn, EventFeature.model_validate_json(mine[0]), who, report_id)
            _audit(conn, event_id, who, "split", f"report {report_id} moved to event {new_id}")
            return new_id

    def _insert(
        self, conn: sqlite3.Connection, event: EventFeature, who: str, report_id: int | None
    ) -> int:
        event_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()[0])
        text = self._store(conn, event_id, event, replace=False)
        conn.execute(
            "INSERT INTO observations (event_id, report_id, feature) VALUES (?, ?, ?)",
            (event_id, report_id, text),
        )
        _audit(conn, event_id, who, "create", "")
        return event_id

    def _store(
        self, conn: sqlite3.Connection, event_id: int, event: EventFeature, replace: bool
    ) -> str:
        text = with_id(event, event_id)
        row, box = event_row(event_id, event, text, _now())
        if replace:
            # UPDATE, not REPLACE: a REPLACE deletes the row first and so its observations.
            conn.execute(_UPDATE_EVENT, (*row[1:], row[0]))
        else:
            conn.execute(_INSERT_EVENT.format(verb="INSERT"), row)
        _widen_span(conn, (event.properties.date_end - event.properties.date).days)
        conn.execute("DELETE FROM events_rtree WHERE id = ?", (event_id,))
        if box is not None:
            conn.execute("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", (event_id, *box))
        if replace:
            conn.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
        conn.execute(
            "INSERT INTO events_fts (rowid, body) VALUES (?, ?)", (event_id, fts_body(event))
        )
        return text

    def _duplicate_of(self, conn: sqlite3.Connection, event: EventFeature) -> int | None:
        props = event.properties
        if props.location is None:
            return None
        lat, lon = props.location.lat, props.location.lon
        # The R*Tree window first (CROSS JOIN keeps that order): the planner would otherwise
        # walk the category index over every earlier date, a cost that grows with the store.
        rows = conn.execute(
            "SELECT e.id, e.feature FROM events_rtree r CROSS JOIN events e WHERE "
            "r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND e.id = r.id "
            "AND e.located = 1 AND e.category = ? AND e.date <= ? AND e.date_end >= ? "
            "ORDER BY e.date, e.id",
            (
                lon + _NEAR_DEG,
                lon - _NEAR_DEG,
                lat + _NEAR_DEG,
                lat - _NEAR_DEG,
                props.category,
                (props.date_end + dt.timedelta(days=1)).isoformat(),
                (props.date - dt.timedelta(days=1)).isoformat(),
            ),
        ).fetchall()
        for event_id, feature in rows:
            other = EventFeature.model_validate_json(feature).properties
            if same_event(other, props):
                return int(event_id)
        return None

    def _merge(
        self, conn: sqlite3.Connection, event_id: int, event: EventFeature, report_id: int, who: str
    ) -> None:
        current = EventFeature.model_validate_json(self._feature(conn, event_id))
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
            "INSERT INTO observations (event_id, report_id, feature) VALUES (?, ?, ?)",
            (event_id, report_id, event.model_dump_json()),
        )
        _audit(conn, event_id, who, "merge", f"report {report_id} describes the same event")

    def _existing(self, conn: sqlite3.Connection, report_id: int) -> IngestResult:
        rows = conn.execute(
            "SELECT e.id, e.located FROM observations o JOIN events e ON e.id = o.event_id "
            "WHERE o.report_id = ? ORDER BY e.id",
            (report_id,),
        ).fetchall()
        return IngestResult(
            report_id,
            False,
            tuple(i for i, located in rows if located),
            (),
            tuple(i for i, located in rows if not located),
        )

    # Reads -------------------------------------------------------------------------------

    def _feature(self, conn: sqlite3.Connection, event_id: int) -> str:
        row = conn.execute("SELECT feature FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"No event with id {event_id}")
        return str(row[0])

    def _max_span(self) -> int:
        """The longest event interval stored, in days (see sql_query.where)."""
        return int(
            self._read(
                lambda conn: conn.execute(
                    "SELECT value FROM meta WHERE key = 'max_span_days'"
                ).fetchone()[0]
            )
        )

    def get(self, event_id: int) -> str:
        """An event's GeoJSON Feature text."""
        return self._read(lambda conn: self._feature(conn, event_id))

    def query(self, query: EventQuery) -> EventPage:
        """One page of events and the number matched in all."""
        text, params, column = sql_query.page_sql(query, self._max_span())

        def run(conn: sqlite3.Connection) -> EventPage:
            rows = conn.execute(text, params).fetchall()
            more = len(rows) > query.limit
            rows = rows[: query.limit]
            cursor = (
                sql_query.encode_cursor(query.sort, rows[-1][2], rows[-1][0])
                if more and rows
                else None
            )
            matched = self.count(query) if query.cursor is None or rows else 0
            return EventPage([r[1] for r in rows], matched, cursor)

        return self._read(run)

    def count(self, query: EventQuery) -> int:
        """How many events match the filters."""
        sql = sql_query.where(query, self._max_span())
        return int(
            self._read(
                lambda conn: conn.execute(
                    f"SELECT count(*) FROM events WHERE {sql.where}", sql.params
                ).fetchone()[0]
            )
        )

    def export(self, query: EventQuery, batch: int = 5000) -> Iterator[str]:
        """Every matching event's Feature text, in id order, read in batches (flat memory)."""
        sql = sql_query.where(query, self._max_span())
        last = 0
        conn = self._connect()
        while True:
            try:
                rows = conn.execute(
                    f"SELECT id, feature FROM events WHERE {sql.where} AND id > ? "
                    "ORDER BY id LIMIT ?",
                    [*sql.params, last, batch],
                ).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(log_message=f"export from {self.path}: {exc}") from exc
            if not rows:
                return
            last = int(rows[-1][0])
            for _, feature in rows:
                yield str(feature)

    def clusters(
        self,
        query: EventQuery,
        view: tuple[float, float, float, float],
        cell_deg: float,
        singles_limit: int,
        all_singles_below: int = 0,
        movement_limit: int = 0,
    ) -> ClusterPage:
        """What a map view shows: grid clusters of point events, lone events whole, the
        newest movements ending in the view, and counts per governorate.

        When ``all_singles_below`` is set and the view holds no more point events than that,
        every one comes whole (a close-up, where the page spreads co-located events). The view
        is matched on each event's point (a movement's destination) with plain range
        conditions: cheaper than the R*Tree when a view holds most of the data.
        """
        counted = sqlite_mapcells.level_for(cell_deg)
        unfiltered = dataclasses.replace(query, sort="-date", limit=100, cursor=None, offset=0)
        if counted is not None and not all_singles_below and unfiltered == EventQuery():
            return self._counted_clusters(view, *counted, singles_limit, movement_limit)
        span = self._max_span()
        everything = sql_query.where(dataclasses.replace(query, cursor=None), span)
        scoped = sql_query.where(dataclasses.replace(query, bbox=None, cursor=None), span)
        minx, miny, maxx, maxy = view
        in_view = f"{scoped.where} AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
        params = [*scoped.params, minx, maxx, miny, maxy]
        points = (
            f"{in_view} AND category != 'movement' AND (geo_precision IS NULL OR geo_precision < 3)"
        )

        def run(conn: sqlite3.Connection) -> ClusterPage:
            movements = [
                str(r[0])
                for r in conn.execute(
                    f"SELECT feature FROM events WHERE {in_view} AND category = 'movement' "
                    "ORDER BY date DESC, id DESC LIMIT ?",
                    [*params, movement_limit],
                )
            ]
            counts = _counts(conn, everything)
            if all_singles_below:
                ids = [
                    int(r[0])
                    for r in conn.execute(
                        f"SELECT id FROM events WHERE {points} LIMIT ?",
                        [*params, all_singles_below + 1],
                    ).fetchall()
                ]
                if len(ids) <= all_singles_below:
                    return ClusterPage([], _features(conn, ids), *counts, movements)
            rows = conn.execute(
                "SELECT CAST((lon + 180) / ? AS INTEGER) AS gx, "
                "CAST((lat + 90) / ? AS INTEGER) AS gy, count(*), avg(lon), avg(lat), min(id), "
                "sum(category = 'security_incident'), sum(category = 'development') "
                f"FROM events WHERE {points} GROUP BY gx, gy",
                [cell_deg, cell_deg, *params],
            ).fetchall()
            clusters: list[Cluster] = []
            lone: list[int] = []
            for _, _, count, lon, lat, first, incidents, developments in rows:
                if count == 1 and len(lone) < singles_limit:
                    lone.append(int(first))
                else:
                    clusters.append(Cluster(lon, lat, count, incidents, developments))
            return ClusterPage(clusters, _features(conn, lone), *counts, movements)

        return self._read(run)

    def _counted_clusters(
        self,
        view: tuple[float, float, float, float],
        zoom: int,
        level: int,
        singles_limit: int,
        movement_limit: int,
    ) -> ClusterPage:
        """An unfiltered view from the cells counted ahead (see ``sqlite_mapcells``)."""
        minx, miny, maxx, maxy = view
        movements_sql = (
            "SELECT feature FROM events WHERE located = 1 AND category = 'movement' "
            "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? ORDER BY date DESC, id DESC LIMIT ?"
        )
        params: tuple[float | int, ...] = (minx, maxx, miny, maxy, movement_limit)
        if (maxx - minx) * (maxy - miny) < SMALL_VIEW_DEG2:
            # A small view holds few events: find them through the R*Tree (a movement's box
            # holds its destination) rather than walking every movement newest first.
            movements_sql = (
                "SELECT e.feature FROM events_rtree r CROSS JOIN events e WHERE "
                "r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND e.id = r.id "
                "AND e.located = 1 AND e.category = 'movement' AND e.lon BETWEEN ? AND ? "
                "AND e.lat BETWEEN ? AND ? ORDER BY e.date DESC, e.id DESC LIMIT ?"
            )
            params = (maxx, minx, maxy, miny, *params)

        def run(conn: sqlite3.Connection) -> ClusterPage:
            found, lone = sqlite_mapcells.clusters(conn, view, zoom, level, singles_limit)
            movements = [str(r[0]) for r in conn.execute(movements_sql, params)]
            counts = sqlite_mapcells.admin1_counts(conn)
            return ClusterPage(found, _features(conn, lone), *counts, movements)

        return self._read(run)

    def extent(self) -> tuple[tuple[float, float, float, float] | None, str | None, str | None]:
        """Bounding box of the placed events (R*Tree boxes), first date and last date."""

        def run(
            conn: sqlite3.Connection,
        ) -> tuple[tuple[float, float, float, float] | None, str | None, str | None]:
            box = conn.execute(
                "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM events_rtree"
            ).fetchone()
            first, last = _dates(conn)
            bbox = tuple(round(float(v), 5) for v in box) if box[0] is not None else None
            return bbox, first, last  # type: ignore[return-value]

        return self._read(run)

    def date_range(self) -> tuple[str | None, str | None]:
        """First date and last date_end of the placed events."""
        return self._read(_dates)

    def history(self, event_id: int) -> list[AuditEntry]:
        """Every recorded change of an event, oldest first."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT ?, at, who, action, detail FROM audit WHERE event_id = ? OR "
                "(last_event_id >= ? AND event_id <= ? AND last_event_id IS NOT NULL) "
                "ORDER BY id",
                (event_id, event_id, event_id, event_id),
            ).fetchall()
        )
        if not rows:
            raise NotFound(f"No event with id {event_id}")
        return [AuditEntry(*row) for row in rows]

    def get_report(self, report_id: int) -> ReportRecord:
        """A stored report."""
        row = self._read(
            lambda conn: conn.execute(
                "SELECT id, content_hash, published, text, title, url, source, ingested_at "
                "FROM reports WHERE id = ?",
                (report_id,),
            ).fetchone()
        )
        if row is None:
            raise NotFound(f"No report with id {report_id}")
        return _report(row)

    def list_reports(self, limit: int, offset: int) -> tuple[list[ReportRecord], int]:
        """Reports, newest first, and how many there are."""

        def run(conn: sqlite3.Connection) -> tuple[list[ReportRecord], int]:
            rows = conn.execute(
                "SELECT id, content_hash, published, text, title, url, source, ingested_at "
                "FROM reports ORDER BY published DESC, id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            total = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            return [_report(r) for r in rows], int(total)

        return self._read(run)

    def report_events(self, report_id: int) -> IngestResult:
        """The events a report supports (placed and unplaced)."""
        self.get_report(report_id)
        return self._read(lambda conn: self._existing(conn, report_id))

    def health(self) -> StoreHealth:
        """Schema version and row counts."""

        def run(conn: sqlite3.Connection) -> StoreHealth:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            located, unlocated = conn.execute(
                "SELECT count(*) FILTER (WHERE located = 1), count(*) FILTER (WHERE located = 0)"
                " FROM events"
            ).fetchone()
            reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            return StoreHealth(
                self.backend, int(version), int(located), int(reports), int(unlocated)
            )

        return self._read(run)

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return fn(self._connect())
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"reading {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: nothing is stored half-way."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock, path: str) -> None:
        self.conn, self.lock, self.path = conn, lock, path

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self.lock.release()
            raise StoreError(log_message=f"begin on {self.path}: {exc}") from exc
        return self.conn

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        try:
            if kind is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")
        finally:
            self.lock.release()
        if isinstance(exc, sqlite3.Error):
            raise StoreError(log_message=f"writing {self.path}: {exc}") from exc


def _with_source(event: EventFeature, source: str) -> EventFeature:
    if source in event.properties.sources:
        return event
    props = event.properties.model_copy(update={"sources": [*event.properties.sources, source]})
    return event.model_copy(update={"properties": props})


def _features(conn: sqlite3.Connection, ids: list[int]) -> list[str]:
    if not ids:
        return []
    rows = conn.execute(f"SELECT feature FROM events WHERE id IN ({','.join('?' * len(ids))})", ids)
    return [str(r[0]) for r in rows]


def _counts(conn: sqlite3.Connection, sql: sql_query.Sql) -> tuple[dict[str, int], dict[str, int]]:
    """Events per governorate: all of them, and those placed only to a governorate or wider."""
    base = f"SELECT admin1, count(*) FROM events WHERE {sql.where} AND admin1 IS NOT NULL"
    counts = dict(conn.execute(f"{base} GROUP BY admin1", sql.params).fetchall())
    imprecise = dict(
        conn.execute(f"{base} AND geo_precision = 3 GROUP BY admin1", sql.params).fetchall()
    )
    return counts, imprecise


def _dates(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    # Two index walks that stop at the first row; min()/max() with a filter scan the table.
    first, last = conn.execute(
        "SELECT (SELECT date FROM events WHERE located = 1 ORDER BY date LIMIT 1), "
        "(SELECT date_end FROM events WHERE located = 1 ORDER BY date_end DESC LIMIT 1)"
    ).fetchone()
    return first, last


def _widen_span(conn: sqlite3.Connection, days: int) -> None:
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'max_span_days' AND value < ?", (days, days)
    )


def _audit(conn: sqlite3.Connection, event_id: int, who: str, action: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO audit (event_id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)",
        (event_id, _now(), who, action, detail),
    )


def _diff(old: str, new: str) -> str:
    before = orjson.loads(old)
    after = orjson.loads(new)
    changes = {
        k: {"from": before["properties"].get(k), "to": v}
        for k, v in after["properties"].items()
        if before["properties"].get(k) != v
    }
    if before.get("geometry") != after.get("geometry"):
        changes["geometry"] = {"from": before.get("geometry"), "to": after.get("geometry")}
    return orjson.dumps(changes).decode()


def _report(
    row: tuple[int, str, str, str, str | None, str | None, str | None, str],
) -> ReportRecord:
    return ReportRecord(
        id=row[0],
        content_hash=row[1],
        published=dt.date.fromisoformat(row[2]),
        text=row[3],
        title=row[4],
        url=row[5],
        source=row[6],
        ingested_at=row[7],
    )

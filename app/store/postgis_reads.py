"""The read half of the PostGIS store: pages, counts, exports, map clusters, history, reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool

from app.domain import (
    AuditEntry,
    ChangePage,
    ClusterPage,
    EventPage,
    EventQuery,
    IngestResult,
    ReportRecord,
)
from app.errors import NotFound, StoreError
from app.store import common_reads, postgis_changes, postgis_sql
from app.store.base import StoreHealth
from app.store.live_state import PercentMarks
from app.store.postgis_counts import SeqCountCache
from app.store.sql_query import Sql, encode_cursor

T = TypeVar("T")
Extent = tuple[tuple[float, float, float, float] | None, str | None, str | None]
_REPORT = "SELECT id, content_hash, published, text, title, url, source, ingested_at FROM reports"


def feature(conn: psycopg.Connection, event_id: int) -> str:
    """An event's Feature text; NotFound when absent."""
    row = conn.execute("SELECT feature FROM events WHERE id = %s", (event_id,)).fetchone()
    if row is None:
        raise NotFound(f"No event with id {event_id}")
    return str(row[0])


class PostGISReads:
    """Reads of a PostGIS store; the subclass owns the pool and the writes."""

    backend: str
    pool: ConnectionPool
    _name: str
    _counts: SeqCountCache

    def _read(self, fn: Callable[[psycopg.Connection], T]) -> T:
        try:
            with self.pool.connection() as conn:
                return fn(conn)
        except psycopg.Error as exc:
            raise StoreError(log_message=f"reading {self._name}: {exc}") from exc

    def _version(self, conn: psycopg.Connection) -> int:
        row = conn.execute("SELECT max(version) FROM geoevents_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def changes(self, query: EventQuery, after: int, limit: int) -> ChangePage:
        """The change feed after ``after``: each changed event's latest change, in order."""
        return self._read(lambda conn: postgis_changes.changes(conn, query, after, limit))

    def last_seq(self) -> int:
        """The newest change's number."""
        return self._read(postgis_changes.last_seq)

    def get(self, event_id: int) -> str:
        """An event's GeoJSON Feature text."""
        return self._read(lambda conn: feature(conn, event_id))

    def query(self, query: EventQuery) -> EventPage:
        """One page of events and the number matched in all (one snapshot for both; counts
        cached per change number, see postgis_counts)."""

        def run(conn: psycopg.Connection) -> EventPage:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            seq = postgis_changes.last_seq(conn)
            text, params, _ = postgis_sql.page_sql(query)
            rows = conn.execute(text, params).fetchall()
            more = len(rows) > query.limit
            rows = rows[: query.limit]
            cursor = (
                encode_cursor(query.sort, postgis_sql.cursor_value(rows[-1][2]), rows[-1][0])
                if more and rows
                else None
            )
            if query.cursor is not None and not rows:
                matched = 0  # past the last page of a cursor, as on SQLite
            elif not more and query.offset == 0 and query.cursor is None:
                matched = len(rows)  # the page holds every match: no count needed
            else:
                sql = postgis_sql.where(query)
                key = (sql.where, tuple(map(repr, sql.params)))
                matched = self._counts.get(seq, key, lambda: _count(conn, sql))
            return EventPage([r[1] for r in rows], matched, cursor)

        return self._read(run)

    def count(self, query: EventQuery) -> int:
        """How many events match the filters."""
        return self._read(lambda conn: _count(conn, postgis_sql.where(query)))

    def export(self, query: EventQuery, batch: int = 5000) -> Iterator[str]:
        """Every matching event's Feature text, in id order, read in batches (flat memory)."""
        sql = postgis_sql.where(query)
        last = 0

        def batch_after(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            return conn.execute(
                f"SELECT id, feature FROM events WHERE {sql.where} AND id > %s "
                "ORDER BY id LIMIT %s",
                [*sql.params, last, batch],
            ).fetchall()

        while True:
            rows = self._read(batch_after)
            if not rows:
                return
            last = int(rows[-1][0])
            for _, text in rows:
                yield str(text)

    def clusters(
        self,
        query: EventQuery,
        view: tuple[float, float, float, float],
        cell_deg: float,
        singles_limit: int,
        all_singles_below: int = 0,
        movement_limit: int = 0,
    ) -> ClusterPage:
        """What a map view shows, as on SQLite: grid clusters of point events, lone events
        whole, the newest movements ending in the view, and counts per governorate."""

        def run(conn: psycopg.Connection) -> ClusterPage:
            return common_reads.grid_clusters(
                PercentMarks(conn),
                postgis_sql.where(dataclasses.replace(query, cursor=None)),
                postgis_sql.where(dataclasses.replace(query, bbox=None, cursor=None)),
                view,
                (cell_deg, common_reads.POSTGIS_CELL),
                singles_limit,
                all_singles_below,
                movement_limit,
            )

        return self._read(run)

    def date_range(self) -> tuple[str | None, str | None]:
        """First date and last date_end of the placed events."""

        def run(conn: psycopg.Connection) -> tuple[str | None, str | None]:
            row = conn.execute(
                "SELECT min(date), max(date_end) FROM events WHERE located"
            ).fetchone()
            first, last = row if row else (None, None)
            return (first.isoformat() if first else None, last.isoformat() if last else None)

        return self._read(run)

    def extent(self) -> Extent:
        """Bounding box of the placed events, first date and last date."""

        def run(conn: psycopg.Connection) -> Extent:
            row = conn.execute(
                "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) "
                "FROM (SELECT ST_Extent(geom) AS b FROM events) AS e"
            ).fetchone()
            dates = conn.execute(
                "SELECT min(date), max(date_end) FROM events WHERE located"
            ).fetchone()
            box = tuple(round(float(v), 5) for v in row) if row and row[0] is not None else None
            first, last = dates if dates else (None, None)
            return (
                box,  # type: ignore[return-value]
                first.isoformat() if first else None,
                last.isoformat() if last else None,
            )

        return self._read(run)

    def history(self, event_id: int) -> list[AuditEntry]:
        """Every recorded change of an event, oldest first."""
        return self._read(lambda conn: common_reads.history(PercentMarks(conn), event_id))

    def get_report(self, report_id: int) -> ReportRecord:
        """A stored report."""
        return self._read(lambda conn: common_reads.get_report(PercentMarks(conn), report_id))

    def list_reports(self, limit: int, offset: int) -> tuple[list[ReportRecord], int]:
        """Reports, newest first, and how many there are."""
        return self._read(lambda conn: common_reads.list_reports(PercentMarks(conn), limit, offset))

    def report_events(self, report_id: int) -> IngestResult:
        """The events a report supports (placed and unplaced)."""
        self.get_report(report_id)
        return self._read(lambda conn: self._existing(conn, report_id))

    def _existing(self, conn: psycopg.Connection, report_id: int) -> IngestResult:
        rows = conn.execute(
            "SELECT e.id, e.located FROM observations o JOIN events e ON e.id = o.event_id "
            "WHERE o.report_id = %s ORDER BY e.id",
            (report_id,),
        ).fetchall()
        return IngestResult(
            report_id,
            False,
            tuple(int(i) for i, located in rows if located),
            (),
            tuple(int(i) for i, located in rows if not located),
        )

    def health(self) -> StoreHealth:
        """Schema version and row counts."""

        def run(conn: psycopg.Connection) -> StoreHealth:
            version = self._version(conn)
            seq = postgis_changes.last_seq(conn)

            def events(located: bool) -> int:
                # Cached per change number: a probe must not scan every event each time.
                sql = "SELECT count(*) FROM events WHERE located = %s"
                return self._counts.get(
                    seq, ("health", located), lambda: _scalar(conn, sql, (located,))
                )

            located, unlocated = events(True), events(False)
            reports = _scalar(conn, "SELECT count(*) FROM reports", ())
            return StoreHealth(self.backend, version, int(located), int(reports), int(unlocated))

        return self._read(run)


def _scalar(conn: psycopg.Connection, sql: str, params: tuple[object, ...]) -> int:
    row = conn.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _count(conn: psycopg.Connection, sql: Sql) -> int:
    row = conn.execute(f"SELECT count(*) FROM events WHERE {sql.where}", sql.params).fetchone()
    return int(row[0]) if row else 0

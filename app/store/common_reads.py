"""Reads written once for both SQL stores: map grid clusters, audit history, reports.

The statements use ``?`` placeholders and SQL that SQLite and PostgreSQL both run (aggregate
``FILTER``, ``CAST``); a PostgreSQL connection comes in through
:class:`app.store.live_state.PercentMarks`. The filters (``Sql``) come from each backend's
own query builder (sql_query.py, postgis_sql.py), already in the driver's placeholder style.
What differs, the grid cell of a coordinate, is passed in (``cell``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import AuditEntry, Cluster, ClusterPage, ReportRecord
from app.errors import NotFound
from app.store.live_state import Connection
from app.store.sql_query import Sql

_REPORT_COLUMNS = "id, content_hash, published, text, title, url, source, ingested_at"
#: The grid cell of a coordinate (``{}``) for a cell size (``?``): floor, as both stores need.
SQLITE_CELL = "CAST(({}) / ? AS INTEGER)"
POSTGIS_CELL = "floor(({}) / ?)::int"


def grid_clusters(
    conn: Connection,
    everything: Sql,
    scoped: Sql,
    view: tuple[float, float, float, float],
    cells: tuple[float, str],
    singles_limit: int,
    all_singles_below: int,
    movement_limit: int,
) -> ClusterPage:
    """What a map view shows: grid clusters of point events (``cells``: size in degrees and
    the backend's cell expression), lone events whole, the newest movements ending in the view,
    and counts per governorate (of ``everything``; the rest is of ``scoped`` in the view)."""
    cell_deg, cell = cells
    minx, miny, maxx, maxy = view
    in_view = f"{scoped.where} AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
    params = [*scoped.params, minx, maxx, miny, maxy]
    points = (
        f"{in_view} AND category != 'movement' AND (geo_precision IS NULL OR geo_precision < 3)"
    )
    movements = [
        str(r[0])
        for r in conn.execute(
            f"SELECT feature FROM events WHERE {in_view} AND category = 'movement' "
            "ORDER BY date DESC, id DESC LIMIT ?",
            [*params, movement_limit],
        )
    ]
    counts = admin1_counts(conn, everything)
    if all_singles_below:
        ids = [
            int(r[0])
            for r in conn.execute(
                f"SELECT id FROM events WHERE {points} LIMIT ?", [*params, all_singles_below + 1]
            ).fetchall()
        ]
        if len(ids) <= all_singles_below:
            return ClusterPage([], features(conn, ids), *counts, movements)
    rows = conn.execute(
        f"SELECT {cell.format('lon + 180')} AS gx, {cell.format('lat + 90')} AS gy, "
        "count(*), avg(lon), avg(lat), min(id), "
        "count(*) FILTER (WHERE category = 'security_incident'), "
        "count(*) FILTER (WHERE category = 'development') "
        f"FROM events WHERE {points} GROUP BY gx, gy ORDER BY gx, gy",
        [cell_deg, cell_deg, *params],
    ).fetchall()
    found: list[Cluster] = []
    lone: list[int] = []
    for _, _, n, lon, lat, first, incidents, developments in rows:
        if n == 1 and len(lone) < singles_limit:
            lone.append(int(first))
        else:
            found.append(Cluster(lon, lat, n, incidents, developments))
    return ClusterPage(found, features(conn, lone), *counts, movements)


def features(conn: Connection, ids: list[int]) -> list[str]:
    """The Feature texts of these events."""
    if not ids:
        return []
    rows = conn.execute(f"SELECT feature FROM events WHERE id IN ({','.join('?' * len(ids))})", ids)
    return [str(r[0]) for r in rows]


def admin1_counts(conn: Connection, sql: Sql) -> tuple[dict[str, int], dict[str, int]]:
    """Events per governorate: all of them, and those placed only to a governorate or wider."""
    base = f"SELECT admin1, count(*) FROM events WHERE {sql.where} AND admin1 IS NOT NULL"
    counts = {
        str(k): int(v) for k, v in conn.execute(f"{base} GROUP BY admin1", sql.params).fetchall()
    }
    imprecise = {
        str(k): int(v)
        for k, v in conn.execute(
            f"{base} AND geo_precision = 3 GROUP BY admin1", sql.params
        ).fetchall()
    }
    return counts, imprecise


def history(conn: Connection, event_id: int) -> list[AuditEntry]:
    """Every recorded change of an event, oldest first."""
    rows = conn.execute(
        "SELECT CAST(? AS BIGINT), at, who, action, detail FROM audit WHERE event_id = ? OR "
        "(last_event_id >= ? AND event_id <= ? AND last_event_id IS NOT NULL) ORDER BY id",
        (event_id, event_id, event_id, event_id),
    ).fetchall()
    if not rows:
        raise NotFound(f"No event with id {event_id}")
    return [AuditEntry(*row) for row in rows]


def get_report(conn: Connection, report_id: int) -> ReportRecord:
    """A stored report; NotFound when absent."""
    row = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports WHERE id = ?", (report_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"No report with id {report_id}")
    return _report(row)


def list_reports(conn: Connection, limit: int, offset: int) -> tuple[list[ReportRecord], int]:
    """Reports, newest first, and how many there are."""
    rows = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports ORDER BY published DESC, id DESC LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    return [_report(r) for r in rows], int(total)


def _report(row: tuple[Any, ...]) -> ReportRecord:
    published = row[2]  # ISO text in SQLite, a date from PostgreSQL
    return ReportRecord(
        id=int(row[0]),
        content_hash=row[1],
        published=published if isinstance(published, dt.date) else dt.date.fromisoformat(published),
        text=row[3],
        title=row[4],
        url=row[5],
        source=row[6],
        ingested_at=row[7],
    )

"""Reads of the SQLite store: pages, counts, exports, map clusters, extent, reports.

Each function takes an open connection; ``SQLiteStore`` translates driver errors.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator

from app.domain import ClusterPage, EventPage, EventQuery
from app.errors import StoreError
from app.store import common_reads, sql_query, sqlite_mapcells
from app.store.sqlite_counts import CountCache

SMALL_VIEW_DEG2 = 4.0  # map views smaller than this find their movements through the R*Tree
BY_DATE_COST = 32  # reading and sorting one matching row, in date-index steps (measured)
#: Boxes at 1M events walked by date for a page of 1,000: 37,000 matches take 27 ms checked
#: against the gathered ids and 120 ms probing, 98,500 take 53 ms and 48 ms: the crossover is
#: near 90,000, i.e. matched**2 about 8 times total * (limit + offset).
PROBE_COST = 8


def max_span(conn: sqlite3.Connection) -> int:
    """The longest event interval stored, in days (see sql_query.where)."""
    return int(conn.execute("SELECT value FROM meta WHERE key = 'max_span_days'").fetchone()[0])


def query(conn: sqlite3.Connection, q: EventQuery, counts: CountCache) -> EventPage:
    """One page of events and the number matched in all."""
    span = max_span(conn)
    matched: int | None = None
    by_date = probe = False
    if q.bbox is not None or q.near is not None:
        matched = count(conn, q, counts, span)
        # A box holding many events is read in date order (see sql_query.where): that costs
        # about total / matched index steps per row of the page, where the box order reads
        # and sorts every match (a whole row each, some BY_DATE_COST index steps).
        total = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0])
        by_date = matched * matched * BY_DATE_COST > total * (q.limit + q.offset)
        # Walked by date, a row probing the R*Tree costs about PROBE_COST times a row checked
        # against the box's ids, gathered once for matched ids (see sql_query.where).
        probe = matched * matched > PROBE_COST * total * (q.limit + q.offset)
    # Every match of a box read in box order is read and sorted anyway: then the rows are
    # fetched without LIMIT/OFFSET, whose top-N sorter costs SQLite 3.40 more than a full
    # sort of the matches (Baghdad at 1M events: 8.5 ms against 4.8 ms).
    boxed = matched is not None and not (
        by_date and sql_query.SORTS.get(q.sort, ("",))[0] == "date"
    )
    text, params, _ = sql_query.page_sql(q, span, by_date, not boxed, probe)
    if boxed:
        found = conn.execute(text, params)
        if q.offset:  # (fetchmany(0) would fetch everything)
            found.fetchmany(q.offset)
        rows = found.fetchmany(q.limit + 1)
        found.close()
    else:
        rows = conn.execute(text, params).fetchall()
    more = len(rows) > q.limit
    rows = rows[: q.limit]
    cursor = sql_query.encode_cursor(q.sort, rows[-1][2], rows[-1][0]) if more and rows else None
    if q.cursor is not None and not rows:
        matched = 0
    elif matched is None and not more and q.offset == 0 and q.cursor is None:
        matched = len(rows)  # the page holds every match: no count needed
    elif matched is None:
        matched = count(conn, q, counts, span)
    return EventPage([r[1] for r in rows], matched, cursor)


def count(
    conn: sqlite3.Connection, q: EventQuery, counts: CountCache, span: int | None = None
) -> int:
    """How many events match the filters (cached until the next write)."""
    box = sql_query.box_only(q)
    if box is not None:  # the R*Tree alone answers: no event row is read
        minx, miny, maxx, maxy = box
        text = (
            "SELECT count(*) FROM events_rtree "
            "WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?"
        )
        params: list[object] = [maxx, minx, maxy, miny]
    else:
        sql = sql_query.where(q, max_span(conn) if span is None else span)
        text, params = f"SELECT count(*) FROM events WHERE {sql.where}", sql.params
    return counts.get(
        conn, (text, tuple(params)), lambda: int(conn.execute(text, params).fetchone()[0])
    )


def export(
    connect: sqlite3.Connection, q: EventQuery, path: str, batch: int = 5000
) -> Iterator[str]:
    """Every matching event's Feature text, in id order, read in batches (flat memory)."""
    sql = sql_query.where(q, max_span(connect))
    last = 0
    while True:
        try:
            rows = connect.execute(
                f"SELECT id, feature FROM events WHERE {sql.where} AND id > ? ORDER BY id LIMIT ?",
                [*sql.params, last, batch],
            ).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"export from {path}: {exc}") from exc
        if not rows:
            return
        last = int(rows[-1][0])
        for _, text in rows:
            yield str(text)


def clusters(
    conn: sqlite3.Connection,
    q: EventQuery,
    view: tuple[float, float, float, float],
    cell_deg: float,
    singles_limit: int,
    all_singles_below: int,
    movement_limit: int,
) -> ClusterPage:
    """What a map view shows (see ``SQLiteStore.clusters``)."""
    counted = sqlite_mapcells.level_for(cell_deg)
    unfiltered = dataclasses.replace(q, sort="-date", limit=100, cursor=None, offset=0)
    if counted is not None and not all_singles_below and unfiltered == EventQuery():
        return _counted_clusters(conn, view, *counted, singles_limit, movement_limit)
    span = max_span(conn)
    return common_reads.grid_clusters(
        conn,
        sql_query.where(dataclasses.replace(q, cursor=None), span),
        sql_query.where(dataclasses.replace(q, bbox=None, cursor=None), span),
        view,
        (cell_deg, common_reads.SQLITE_CELL),
        singles_limit,
        all_singles_below,
        movement_limit,
    )


def extent(
    conn: sqlite3.Connection,
) -> tuple[tuple[float, float, float, float] | None, str | None, str | None]:
    """Bounding box of the placed events (R*Tree boxes), first date and last date."""
    box = conn.execute(
        "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM events_rtree"
    ).fetchone()
    first, last = date_range(conn)
    bbox = tuple(round(float(v), 5) for v in box) if box[0] is not None else None
    return bbox, first, last  # type: ignore[return-value]


def date_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """First date and last date_end of the placed events."""
    # Two index walks that stop at the first row; min()/max() with a filter scan the table.
    # "+located" keeps the planner off (located, date) for the second: with sampled
    # statistics (ANALYZE after an import) it took located = 1 for selective and sorted every
    # placed event by date_end (3 s CPU at a million events, on every /map).
    first, last = conn.execute(
        "SELECT (SELECT date FROM events WHERE located = 1 ORDER BY date LIMIT 1), "
        "(SELECT date_end FROM events WHERE +located = 1 ORDER BY date_end DESC LIMIT 1)"
    ).fetchone()
    return first, last


def _counted_clusters(
    conn: sqlite3.Connection,
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
    found, lone = sqlite_mapcells.clusters(conn, view, zoom, level, singles_limit)
    movements = [str(r[0]) for r in conn.execute(movements_sql, params)]
    counts = sqlite_mapcells.admin1_counts(conn)
    return ClusterPage(found, _features(conn, lone), *counts, movements)


# Written once for both backends (see common_reads), under the names SQLiteStore calls.
history = common_reads.history
get_report = common_reads.get_report
list_reports = common_reads.list_reports
_features = common_reads.features

"""EventQuery -> SQL for the SQLite store; keyset cursors and pages for both backends.

The sorts, cursors and the page SELECT around the filters (:func:`keyset_page`) are shared
with the PostGIS store (postgis_sql.py), whose filters mean the same on its own indexes.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import orjson

from app.domain import EventQuery
from app.errors import InvalidInput

#: sort name -> (column, descending)
SORTS = {
    "date": ("date", False),
    "-date": ("date", True),
    "confidence": ("confidence", False),
    "-confidence": ("confidence", True),
    "id": ("id", False),
    "-id": ("id", True),
}


@dataclass(frozen=True)
class Sql:
    """A WHERE clause and its parameters."""

    where: str
    params: list[object]


def near_bbox(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """A box around a circle, for the R*Tree prefilter."""
    dlat = radius_km / 111.32
    dlon = radius_km / max(1e-6, 111.32 * math.cos(math.radians(lat)))
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def boxes(query: EventQuery) -> list[tuple[float, float, float, float]]:
    """The boxes a query filters on: its bbox, and the box around its near= circle."""
    found = [] if query.bbox is None else [query.bbox]
    if query.near is not None:
        found.append(near_bbox(*query.near))
    return found


def where(
    query: EventQuery, max_span_days: int = 366, by_date: bool = False, probe: bool = False
) -> Sql:
    """The filters of a query, combined with AND.

    ``by_date`` keeps the R*Tree from driving the query: for a box holding a large share of
    the events, walking the date index in order and stopping after one page beats fetching
    and sorting every event in the box. Each row of the walk is then checked against the
    box's ids, gathered once (``+id`` keeps them from driving the query), or, with
    ``probe``, looks its own box up in the R*Tree: about ten times the cost a row, but no
    list to gather, the better for boxes that hold a great many events.

    ``max_span_days`` is the longest event interval in the store: an event overlapping
    [start, ...] then starts no earlier than start - max_span_days, a bound the date index
    can use (an interval's end alone cannot).
    """
    clauses: list[str] = []
    params: list[object] = []
    if query.located is not None:
        clauses.append("located = ?")
        params.append(int(query.located))
    if query.admin1:
        clauses.append(f"admin1 IN ({','.join('?' * len(query.admin1))})")
        params.extend(query.admin1)
    if query.country:
        clauses.append("country = ?")
        params.append(query.country)
    for minx, miny, maxx, maxy in boxes(query):
        if by_date and not probe:
            clauses.append(
                "+id IN (SELECT id FROM events_rtree WHERE minx <= ? AND maxx >= ? "
                "AND miny <= ? AND maxy >= ?)"
            )
        elif by_date:
            clauses.append(
                "EXISTS (SELECT 1 FROM events_rtree r WHERE r.id = events.id "
                "AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?)"
            )
        else:
            clauses.append(
                "id IN (SELECT id FROM events_rtree WHERE minx <= ? AND maxx >= ? "
                "AND miny <= ? AND maxy >= ?)"
            )
        params.extend([maxx, minx, maxy, miny])
    if query.near is not None:
        clauses.append("km(lat, lon, ?, ?) <= ?")
        params.extend(query.near)
    if query.start is not None:
        clauses.append("date_end >= ? AND date >= ?")
        params.append(query.start.isoformat())
        params.append((query.start - dt.timedelta(days=max_span_days)).isoformat())
    if query.end is not None:
        clauses.append("date <= ?")
        params.append(query.end.isoformat())
    if query.types:
        clauses.append(f"event_type IN ({','.join('?' * len(query.types))})")
        params.extend(query.types)
    if query.category:
        clauses.append("category = ?")
        params.append(query.category)
    for actor in query.actors:
        clauses.append("instr(actors, ?) > 0")
        params.append(f"|{actor}|")
    if query.q:
        clauses.append("id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts_phrase(query.q))
    if query.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(query.min_confidence)
    if query.report_id is not None:
        clauses.append("id IN (SELECT event_id FROM observations WHERE report_id = ?)")
        params.append(query.report_id)
    return Sql(" AND ".join(clauses) or "1", params)


def fts_phrase(text: str) -> str:
    """A user's words as an FTS5 query: every word must appear (quotes neutralise syntax)."""
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w) or '""'


def encode_cursor(sort: str, value: object, event_id: int) -> str:
    """An opaque cursor after (value, id) in the given sort."""
    return base64.urlsafe_b64encode(orjson.dumps([sort, value, event_id])).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[object, int]:
    """(value, id) of a cursor made for this sort; InvalidInput otherwise."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, event_id = orjson.loads(raw)
    except (ValueError, TypeError, orjson.JSONDecodeError) as exc:
        raise InvalidInput("cursor is not one this service made") from exc
    if made_for != sort or not isinstance(event_id, int):
        raise InvalidInput("cursor was made for another sort order")
    return value, event_id


def box_only(query: EventQuery) -> tuple[float, float, float, float] | None:
    """The bbox of a query that filters on nothing else (placed events): its count is the
    R*Tree's, which holds exactly the placed events."""
    if query.bbox is None or query.located is not True:
        return None
    plain = EventQuery(bbox=query.bbox)
    same = all(
        getattr(query, name) == getattr(plain, name)
        for name in ("admin1", "country", "near", "start", "end", "types", "category")
    ) and (query.actors, query.q, query.min_confidence, query.report_id) == ((), None, None, None)
    return query.bbox if same else None


def sort_of(query: EventQuery) -> tuple[str, bool]:
    """(column, descending) of the query's sort; InvalidInput for a sort we do not have."""
    if query.sort not in SORTS:
        raise InvalidInput(f"sort must be one of {', '.join(SORTS)}")
    return SORTS[query.sort]


def keyset_page(
    query: EventQuery,
    sql: Sql,
    mark: str = "?",
    bound: Callable[[object, str], tuple[str, object]] = lambda value, _: ("?", value),
    limited: bool = True,
) -> tuple[str, list[object]]:
    """SELECT id, feature and the sort column for one page, on either backend: the filters
    ``sql``, the cursor's keyset bound, the order, and LIMIT/OFFSET for limit + 1 rows (to
    know if another page follows). ``mark`` is the driver's placeholder; ``bound`` gives a
    cursor value's placeholder and parameter for the sort column (PostGIS casts and checks
    it). ``limited=False`` leaves LIMIT and OFFSET out: the caller steps over ``offset``
    rows and fetches ``limit + 1`` (see ``sqlite_reads.query``).
    """
    column, descending = sort_of(query)
    clauses, params = [sql.where], list(sql.params)
    direction = "DESC" if descending else "ASC"
    if query.cursor:
        value, last_id = decode_cursor(query.cursor, query.sort)
        op = "<" if descending else ">"
        if column == "id":
            clauses.append(f"id {op} {mark}")
            params.append(last_id)
        else:
            placeholder, param = bound(value, column)
            clauses.append(f"({column}, id) {op} ({placeholder}, {mark})")
            params.extend([param, last_id])
    order = f"{column} {direction}" if column == "id" else f"{column} {direction}, id {direction}"
    text = (
        f"SELECT id, feature, {column} FROM events WHERE {' AND '.join(clauses)} ORDER BY {order}"
    )
    if limited:
        text += f" LIMIT {mark} OFFSET {mark}"
        params.extend([query.limit + 1, query.offset])
    return text, params


def page_sql(
    query: EventQuery,
    max_span_days: int = 366,
    by_date: bool = False,
    limited: bool = True,
    probe: bool = False,
) -> tuple[str, list[object], str]:
    """SQLite's SELECT for one page (see :func:`keyset_page`), and its sort column."""
    column, _ = sort_of(query)
    sql = where(query, max_span_days, by_date and column == "date", probe)
    text, params = keyset_page(query, sql, limited=limited)
    return text, params, column

"""EventQuery -> SQL for the PostGIS store, and an event -> the row it is stored as.

The filters mean exactly what they mean on SQLite (app/store/sql_query.py): the same keyset
cursors (interchangeable between backends), the same interval overlap, the same actors and
word rules. Only the indexes differ: GiST on the geometry and on the date range, GIN on words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import EventQuery
from app.errors import InvalidInput
from app.events import EventFeature
from app.store.event_columns import indexed
from app.store.sql_query import Sql, boxes, keyset_page, sort_of

#: Columns in the order :func:`event_row` gives them (COPY and INSERT): the indexed ones
#: (``event_columns.INDEXED``) with the geometry after the point (postgis.py casts the 11th).
EVENT_COLUMNS = (
    "id, feature, event_type, category, date, date_end, country, admin1, lat, lon, geom, "
    "confidence, geo_precision, actors, located, updated_at, words"
)
_ENVELOPE = "ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
_MAX_SPAN = "(SELECT value::int FROM meta WHERE key = 'max_span_days')"


def ewkt(event: EventFeature) -> str | None:
    """The geometry as EWKT in EPSG:4326 (what COPY and ``::geometry`` read); None if unplaced."""
    geometry = event.geometry
    if geometry is None:
        return None
    return ewkt_of({"type": geometry.type, "coordinates": geometry.coordinates})


def ewkt_of(geometry: dict[str, Any]) -> str:
    """A GeoJSON Point or LineString (as parsed JSON) as EWKT in EPSG:4326."""
    if geometry["type"] == "Point":
        x, y = geometry["coordinates"]
        return f"SRID=4326;POINT({x!r} {y!r})"
    points = ",".join(f"{x!r} {y!r}" for x, y in geometry["coordinates"])
    return f"SRID=4326;LINESTRING({points})"


def event_row(
    event_id: int, event: EventFeature, text: str, now: str, words: str
) -> tuple[object, ...]:
    """The stored columns of an event (:data:`EVENT_COLUMNS`)."""
    columns = indexed(event.properties)
    located = event.geometry is not None
    return (event_id, text, *columns[:8], ewkt(event), *columns[8:], located, now, words)


def where(query: EventQuery, by_date: bool = False) -> Sql:
    """The filters of a query, combined with AND (``%s`` placeholders).

    As on SQLite, the longest interval stored (``meta.max_span_days``) bounds how early an
    event overlapping ``start`` can begin, so the (…, date) b-tree indexes serve date windows
    together with a sort by date. It is read by a sub-query (evaluated once, before the index
    scan): no round trip of its own.

    The interval overlap is ``during && daterange`` (the GiST index: counts, other sorts) or,
    for a page sorted by date (``by_date``), the same overlap as ``date_end >= start`` beside
    ``date <= end``: the planner then walks the (located, date) b-tree newest first and stops
    after one page, where the GiST index would make it read and sort every match.
    """
    clauses: list[str] = []
    params: list[object] = []
    if query.located is not None:
        clauses.append("located = %s")
        params.append(query.located)
    if query.admin1:
        clauses.append(_any("admin1", query.admin1))
        params.append(query.admin1[0] if len(query.admin1) == 1 else list(query.admin1))
    if query.country:
        clauses.append("country = %s")
        params.append(query.country)
    for box in boxes(query):
        clauses.append(f"geom && {_ENVELOPE}")
        params.extend(box)
    if query.near is not None:
        clauses.append("geoevents_km(lat, lon, %s, %s) <= %s")
        params.extend(query.near)
    if by_date and query.start is not None:
        clauses.append("date_end >= %s::date")  # with date <= end below: the same overlap
        params.append(query.start)
    elif not by_date and (query.start is not None or query.end is not None):
        clauses.append("during && daterange(%s::date, %s::date, '[]')")
        params.extend([query.start, query.end])
    if query.start is not None:
        clauses.append(f"date >= %s::date - {_MAX_SPAN}")
        params.append(query.start)
    if query.end is not None:
        clauses.append("date <= %s")
        params.append(query.end)
    if query.types:
        clauses.append(_any("event_type", query.types))
        params.append(query.types[0] if len(query.types) == 1 else list(query.types))
    if query.category:
        clauses.append("category = %s")
        params.append(query.category)
    for actor in query.actors:
        clauses.append("strpos(actors, %s) > 0")
        params.append(f"|{actor}|")
    if query.q:
        clauses.append("body @@ plainto_tsquery('geoevents_words', %s)")
        params.append(query.q)
    if query.min_confidence is not None:
        clauses.append("confidence >= %s")
        params.append(query.min_confidence)
    if query.report_id is not None:
        clauses.append("id IN (SELECT event_id FROM observations WHERE report_id = %s)")
        params.append(query.report_id)
    return Sql(" AND ".join(clauses) or "true", params)


def _any(column: str, values: tuple[str, ...]) -> str:
    """``column = %s`` for one value: unlike ``= ANY``, an index on (column, …, date) then
    also yields rows in date order, so a page stops after ``limit`` rows instead of sorting
    every match."""
    return f"{column} = %s" if len(values) == 1 else f"{column} = ANY(%s)"


def page_sql(query: EventQuery) -> tuple[str, list[object], str]:
    """The SELECT for one page (``sql_query.keyset_page``), and its sort column."""
    column, _ = sort_of(query)
    text, params = keyset_page(query, where(query, by_date=column == "date"), "%s", _bound)
    return text, params, column


def cursor_value(value: object) -> object:
    """A sort value as the cursor carries it (dates as ISO text, as SQLite stores them)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _bound(value: object, column: str) -> tuple[str, object]:
    """A decoded cursor value checked against the column it is compared with, and cast."""
    cast = "date" if column == "date" else "float8"
    try:
        if cast == "date":
            return "%s::date", dt.date.fromisoformat(str(value))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(value)
        return "%s::float8", float(value)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("cursor is not one this service made") from exc

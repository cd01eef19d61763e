"""Writes of the SQLite store: reports with their events, hand-made events, edits, splits.

Each function runs inside the caller's transaction (see ``SQLiteStore._write``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from app.domain import IngestResult, NewReport
from app.errors import InvalidInput, NotFound
from app.events import EventFeature
from app.store.dedup import same_event
from app.store.edits import diff, with_source
from app.store.event_columns import fts_body, with_id
from app.store.sqlite_rows import event_row

BULK_BATCH = 1000
BULK_CACHE_KIB = 1024 * 1024  # 1 GiB, only for connections that bulk-load
UPDATE_EVENT = (
    "UPDATE events SET feature = ?, event_type = ?, category = ?, date = ?, date_end = ?, "
    "country = ?, admin1 = ?, lat = ?, lon = ?, confidence = ?, geo_precision = ?, "
    "actors = ?, located = ?, updated_at = ? WHERE id = ?"
)
INSERT_EVENT = (
    "INSERT INTO events (id, feature, event_type, category, date, date_end, country, admin1, "
    "lat, lon, confidence, geo_precision, actors, located, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NEAR_DEG = 0.1  # R*Tree window for de-duplication candidates (~11 km)


def now() -> str:
    """The current UTC time as stored in audit rows and ``updated_at``."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_report(
    conn: sqlite3.Connection, report: NewReport, events: Sequence[EventFeature], who: str
) -> IngestResult:
    """Store a report and its events; a known report (hash or URL) adds nothing."""
    known = conn.execute(
        "SELECT id FROM reports WHERE content_hash = ? OR (url IS NOT NULL AND url = ?)",
        (report.content_hash, report.url),
    ).fetchone()
    if known is not None:
        return existing(conn, int(known[0]))
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
                now(),
            ),
        ).lastrowid
        or 0
    )
    source = f"/reports/{report_id}"
    created: list[int] = []
    merged: list[int] = []
    unlocated: list[int] = []
    for event in events:
        event = with_source(event, source)
        target = _duplicate_of(conn, event) if event.geometry else None
        if target is None:
            event_id = insert(conn, event, who, report_id)
            (created if event.geometry else unlocated).append(event_id)
        else:
            _merge(conn, target, event, report_id, who)
            merged.append(target)
    return IngestResult(report_id, True, tuple(created), tuple(merged), tuple(unlocated))


def add_events(conn: sqlite3.Connection, events: Sequence[EventFeature], who: str) -> list[int]:
    """Store events that come with no report: one statement per table for the batch."""
    stamp = now()
    if len(events) >= BULK_BATCH:
        # A bulk load touches index pages all over the file: a larger page cache for this
        # connection keeps them in memory (the default is 64 MB).
        conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    first = next_id(conn)
    ids = list(range(first, first + len(events)))
    rows, boxes, bodies = [], [], []
    for event_id, event in zip(ids, events, strict=True):
        row, box = event_row(event_id, event, with_id(event, event_id), stamp)
        rows.append(row)
        if box is not None:
            boxes.append((event_id, *box))
        bodies.append((event_id, fts_body(event)))
    conn.executemany(INSERT_EVENT, rows)
    widen_span(
        conn,
        max((e.properties.date_end - e.properties.date).days for e in events) if events else 0,
    )
    conn.executemany("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", boxes)
    conn.executemany("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", bodies)
    if ids:
        audit_batch(conn, ids[0], ids[-1], who, stamp, len(ids))
    # Statistics let the planner pick the governorate index for region=; optimize
    # re-analyses only when the table has grown a lot since the last time.
    conn.execute("ANALYZE" if first == 1 else "PRAGMA optimize")
    return ids


def update(conn: sqlite3.Connection, event_id: int, event: EventFeature, who: str) -> str:
    """Replace an event; the audit trail records what changed."""
    old = feature(conn, event_id)
    text = store(conn, event_id, event, replace=True)
    audit(conn, event_id, who, "update", diff(old, text))
    return text


def delete(conn: sqlite3.Connection, event_id: int, who: str) -> None:
    """Remove an event (its audit trail stays)."""
    old = feature(conn, event_id)
    conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
    conn.execute("DELETE FROM events_rtree WHERE id = ?", (event_id,))
    conn.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
    conn.execute("DELETE FROM import_pending WHERE id = ?", (event_id,))
    audit(conn, event_id, who, "delete", old)


def split(conn: sqlite3.Connection, event_id: int, report_id: int, who: str) -> int:
    """Undo a merge: the given report's reading becomes an event of its own again."""
    feature(conn, event_id)
    rows = conn.execute(
        "SELECT report_id, feature FROM observations WHERE event_id = ?", (event_id,)
    ).fetchall()
    mine = [text for rid, text in rows if rid == report_id]
    if not mine:
        raise NotFound(f"Report {report_id} is not a source of event {event_id}")
    if len(rows) < 2:
        raise InvalidInput(f"Event {event_id} has a single source: nothing to split")
    conn.execute(
        "DELETE FROM observations WHERE event_id = ? AND report_id = ?", (event_id, report_id)
    )
    current = EventFeature.model_validate_json(feature(conn, event_id))
    sources = [s for s in current.properties.sources if s != f"/reports/{report_id}"]
    kept = current.model_copy(
        update={"properties": current.properties.model_copy(update={"sources": sources})}
    )
    store(conn, event_id, kept, replace=True)
    new_id = insert(conn, EventFeature.model_validate_json(mine[0]), who, report_id)
    audit(conn, event_id, who, "split", f"report {report_id} moved to event {new_id}")
    return new_id


def next_id(conn: sqlite3.Connection) -> int:
    """The id the next event gets (MAX on the rowid is one B-tree step)."""
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()[0])


def insert(conn: sqlite3.Connection, event: EventFeature, who: str, report_id: int | None) -> int:
    """Store a new event with its observation and audit row; returns its id."""
    event_id = next_id(conn)
    text = store(conn, event_id, event, replace=False)
    conn.execute(
        "INSERT INTO observations (event_id, report_id, feature) VALUES (?, ?, ?)",
        (event_id, report_id, text),
    )
    audit(conn, event_id, who, "create", "")
    return event_id


def store(conn: sqlite3.Connection, event_id: int, event: EventFeature, replace: bool) -> str:
    """Write an event's row, box and words; returns the stored Feature text."""
    text = with_id(event, event_id)
    row, box = event_row(event_id, event, text, now())
    if replace:
        # UPDATE, not REPLACE: a REPLACE deletes the row first and so its observations.
        conn.execute(UPDATE_EVENT, (*row[1:], row[0]))
    else:
        conn.execute(INSERT_EVENT, row)
    widen_span(conn, (event.properties.date_end - event.properties.date).days)
    conn.execute("DELETE FROM events_rtree WHERE id = ?", (event_id,))
    # An event a large import staged and has not indexed yet: index it now instead.
    conn.execute("DELETE FROM import_pending WHERE id = ?", (event_id,))
    if box is not None:
        conn.execute("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", (event_id, *box))
    if replace:
        conn.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
    conn.execute("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", (event_id, fts_body(event)))
    return text


def feature(conn: sqlite3.Connection, event_id: int) -> str:
    """An event's stored Feature text; NotFound when absent."""
    row = conn.execute("SELECT feature FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise NotFound(f"No event with id {event_id}")
    return str(row[0])


def existing(conn: sqlite3.Connection, report_id: int) -> IngestResult:
    """What a stored report already supports."""
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


def widen_span(conn: sqlite3.Connection, days: int) -> None:
    """Remember the longest event interval stored (see sql_query.where)."""
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'max_span_days' AND value < ?", (days, days)
    )


def audit(conn: sqlite3.Connection, event_id: int, who: str, action: str, detail: str) -> None:
    """One audit row."""
    conn.execute(
        "INSERT INTO audit (event_id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)",
        (event_id, now(), who, action, detail),
    )


def audit_batch(
    conn: sqlite3.Connection, first: int, last: int, who: str, stamp: str, count: int
) -> None:
    """One audit row for events first..last created together."""
    conn.execute(
        "INSERT INTO audit (event_id, last_event_id, at, who, action, detail) "
        "VALUES (?, ?, ?, ?, 'create', ?)",
        (first, last, stamp, who, f"one of {count} events stored together"),
    )


def _duplicate_of(conn: sqlite3.Connection, event: EventFeature) -> int | None:
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
    for event_id, text in rows:
        other = EventFeature.model_validate_json(text).properties
        if same_event(other, props):
            return int(event_id)
    return None


def _merge(
    conn: sqlite3.Connection, event_id: int, event: EventFeature, report_id: int, who: str
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
    store(conn, event_id, merged, replace=True)
    conn.execute(
        "INSERT INTO observations (event_id, report_id, feature) VALUES (?, ?, ?)",
        (event_id, report_id, event.model_dump_json()),
    )
    audit(conn, event_id, who, "merge", f"report {report_id} describes the same event")

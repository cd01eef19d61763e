"""Many reports with their events in one SQLite transaction (batch ingest).

The same outcome as storing the reports one by one with ``SQLiteStore.add_report``, in
order: a known report (same content hash or URL, stored before or earlier in the batch)
adds nothing; an event that describes a stored event, or one stored earlier in the batch,
is merged into it. The difference is the cost: known reports and de-duplication candidates
are looked up with one statement per batch, rows are written with one statement per table,
and new events are never parsed or re-serialised (see ``app.store.prepared``).
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

import orjson

from app.domain import IngestResult, NewReport
from app.events import EventFeature
from app.store.dedup import DATE_SLACK_DAYS, Reading, same_reading
from app.store.prepared import PreparedEvent, stored_text

INSERT_EVENT = (
    "INSERT INTO events (id, feature, event_type, category, date, date_end, country, admin1, "
    "lat, lon, confidence, geo_precision, actors, located, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
NEAR_DEG = 0.1  # candidate window, as for a single report (~11 km; the rule allows 10 km)
_CHUNK = 500  # rows per look-up statement (SQLite allows 32,766 parameters)
T = TypeVar("T")


@dataclass
class _Pending:
    """What the batch will write, gathered before one write per table."""

    reports: list[tuple[object, ...]] = field(default_factory=list)
    new: dict[int, str] = field(default_factory=dict)  # event id -> current Feature text
    rows: dict[int, PreparedEvent] = field(default_factory=dict)
    merged: dict[int, str] = field(default_factory=dict)  # stored event id -> new text
    confidence: dict[int, float] = field(default_factory=dict)  # of new and merged events
    observations: list[tuple[int, int, str]] = field(default_factory=list)
    audit: list[tuple[int, str, str, str, str]] = field(default_factory=list)


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def known_reports(
    conn: sqlite3.Connection, hashes: Sequence[str], urls: Sequence[str]
) -> dict[str, int]:
    """Stored report ids by content hash and by URL (both kinds of key in one dict)."""
    found: dict[str, int] = {}
    for column, keys in (("content_hash", hashes), ("url", urls)):
        for part in _chunks(list(dict.fromkeys(keys))):
            marks = ",".join("?" * len(part))
            for key, report_id in conn.execute(
                f"SELECT {column}, id FROM reports WHERE {column} IN ({marks})", list(part)
            ):
                found[str(key)] = int(report_id)
    return found


def _linked(conn: sqlite3.Connection, report_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """(event id, located) of every event each stored report supports."""
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for part in _chunks(report_ids):
        marks = ",".join("?" * len(part))
        for report_id, event_id, located in conn.execute(
            "SELECT o.report_id, e.id, e.located FROM observations o JOIN events e "
            f"ON e.id = o.event_id WHERE o.report_id IN ({marks}) ORDER BY e.id",
            list(part),
        ):
            links[int(report_id)].append((int(event_id), int(located)))
    return links


def _candidates(
    conn: sqlite3.Connection, readings: list[Reading]
) -> dict[int, list[tuple[int, Reading]]]:
    """Stored events near each reading (by its index), with their own readings."""
    slack = timedelta(days=DATE_SLACK_DAYS)
    found: dict[int, list[tuple[int, Reading]]] = defaultdict(list)
    indexed = list(enumerate(readings))
    for part in _chunks(indexed):
        values = ",".join("(?, ?, ?, ?, ?, ?, ?, ?)" for _ in part)
        params: list[object] = []
        for i, r in part:
            params += [
                i,
                r.category,
                (r.date - slack).isoformat(),
                (r.date_end + slack).isoformat(),
                r.lon - NEAR_DEG,
                r.lon + NEAR_DEG,
                r.lat - NEAR_DEG,
                r.lat + NEAR_DEG,
            ]
        rows = conn.execute(
            f"WITH b(i, cat, lo, hi, x0, x1, y0, y1) AS (VALUES {values}) "
            "SELECT b.i, e.id, e.event_type, e.category, e.lat, e.lon, e.date, e.date_end, "
            # CROSS JOIN fixes the order: the R*Tree window first, then each hit by id.
            # Left to itself the planner walks the category index over every earlier date.
            "e.feature FROM b CROSS JOIN events_rtree r CROSS JOIN events e "
            "WHERE r.minx <= b.x1 AND r.maxx >= b.x0 AND r.miny <= b.y1 AND r.maxy >= b.y0 "
            "AND e.id = r.id AND e.located = 1 AND e.category = b.cat AND e.date <= b.hi "
            "AND e.date_end >= b.lo",
            params,
        ).fetchall()
        for i, event_id, event_type, category, lat, lon, first, last, feature in rows:
            actors = orjson.loads(feature)["properties"].get("actors") or []
            found[int(i)].append(
                (
                    int(event_id),
                    Reading(
                        category,
                        event_type,
                        float(lat),
                        float(lon),
                        date.fromisoformat(first),
                        date.fromisoformat(last),
                        frozenset(a["name"] for a in actors if a.get("role") == "actor"),
                    ),
                )
            )
    return found


class _Grid:
    """Events stored earlier in this batch, by category and 0.1-degree cell."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[tuple[int, Reading]]] = defaultdict(list)

    @staticmethod
    def _cell(r: Reading) -> tuple[int, int]:
        return math.floor(r.lon / NEAR_DEG), math.floor(r.lat / NEAR_DEG)

    def add(self, event_id: int, reading: Reading) -> None:
        x, y = self._cell(reading)
        self.cells[(reading.category, x, y)].append((event_id, reading))

    def near(self, reading: Reading) -> list[tuple[int, Reading]]:
        x, y = self._cell(reading)
        found = [
            hit
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for hit in self.cells.get((reading.category, x + dx, y + dy), ())
        ]
        return found


def _first_dated(candidate: tuple[int, Reading]) -> tuple[dt.date, int]:
    """Candidates are tried earliest first, then by id (as ``add_report`` does)."""
    return candidate[1].date, candidate[0]


def _merge_text(current: str, source: str, confidence: float) -> tuple[str, float]:
    """A stored event's Feature with one more source and the higher confidence."""
    event = EventFeature.model_validate_json(current)
    props = event.properties
    sources = props.sources if source in props.sources else [*props.sources, source]
    best = max(props.confidence, confidence)
    merged = props.model_copy(update={"sources": sources, "confidence": best})
    return event.model_copy(update={"properties": merged}).model_dump_json(), best


def add_reports(
    conn: sqlite3.Connection,
    items: Sequence[tuple[NewReport, Sequence[PreparedEvent]]],
    who: str,
    now: str,
) -> list[IngestResult]:
    """Store reports and their events inside the caller's transaction; one result each."""
    known = known_reports(
        conn, [r.content_hash for r, _ in items], [r.url for r, _ in items if r.url]
    )
    links = _linked(conn, sorted(set(known.values())))
    readings = [e.reading for _, events in items for e in events if e.reading is not None]
    candidates = _candidates(conn, readings)
    next_report = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM reports").fetchone()[0])
    next_event = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()[0])
    pending = _Pending()
    grid = _Grid()
    in_batch: dict[str, IngestResult] = {}
    results: list[IngestResult] = []
    reading_index = 0
    for report, events in items:
        keys = [report.content_hash, *([report.url] if report.url else [])]
        seen = next((in_batch[k] for k in keys if k in in_batch), None)
        if seen is not None:
            results.append(IngestResult(seen.report_id, False, *_existing(seen)))
            reading_index += sum(e.reading is not None for e in events)
            continue
        stored = next((known[k] for k in keys if k in known), None)
        if stored is not None:
            rows = links.get(stored, [])
            located = tuple(i for i, flag in rows if flag)
            results.append(
                IngestResult(stored, False, located, (), tuple(i for i, f in rows if not f))
            )
            reading_index += sum(e.reading is not None for e in events)
            continue
        report_id, next_report = next_report, next_report + 1
        source = f"/reports/{report_id}"
        pending.reports.append(
            (
                report_id,
                report.content_hash,
                report.url,
                report.title,
                report.source,
                report.published.isoformat(),
                report.text,
                now,
            )
        )
        created: list[int] = []
        merged: list[int] = []
        unlocated: list[int] = []
        for event in events:
            target = None
            if event.reading is not None:
                target = next(
                    (
                        event_id
                        for event_id, other in sorted(
                            (*candidates.get(reading_index, ()), *grid.near(event.reading)),
                            key=_first_dated,
                        )
                        if same_reading(other, event.reading)
                    ),
                    None,
                )
                reading_index += 1
            if target is None:
                event_id, next_event = next_event, next_event + 1
                text = stored_text(event.text, source, event_id)
                pending.new[event_id] = text
                pending.rows[event_id] = event
                pending.confidence[event_id] = event.confidence
                pending.observations.append((event_id, report_id, text))
                pending.audit.append((event_id, now, who, "create", ""))
                if event.reading is not None:
                    grid.add(event_id, event.reading)
                (created if event.located else unlocated).append(event_id)
                continue
            book = pending.new if target in pending.new else pending.merged
            current = book.get(target) or _stored_feature(conn, target)
            book[target], pending.confidence[target] = _merge_text(
                current, source, event.confidence
            )
            pending.observations.append((target, report_id, stored_text(event.text, source, None)))
            pending.audit.append(
                (target, now, who, "merge", f"report {report_id} describes the same event")
            )
            merged.append(target)
        result = IngestResult(report_id, True, tuple(created), tuple(merged), tuple(unlocated))
        for key in keys:
            in_batch[key] = result
        results.append(result)
    _write(conn, pending, now)
    return results


def _existing(result: IngestResult) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """A report seen earlier in the batch, as a re-post answers: its events, nothing new."""
    return tuple(sorted({*result.event_ids, *result.merged_into})), (), result.unlocated_ids


def _stored_feature(conn: sqlite3.Connection, event_id: int) -> str:
    return str(conn.execute("SELECT feature FROM events WHERE id = ?", (event_id,)).fetchone()[0])


def _write(conn: sqlite3.Connection, pending: _Pending, now: str) -> None:
    """One statement per table for everything the batch adds or changes."""
    conn.executemany(
        "INSERT INTO reports (id, content_hash, url, title, source, published, text, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        pending.reports,
    )
    rows = []
    boxes = []
    words = []
    for event_id, text in pending.new.items():
        e = pending.rows[event_id]
        rows.append(
            (
                event_id,
                text,
                e.event_type,
                e.category,
                e.date,
                e.date_end,
                e.country,
                e.admin1,
                e.lat,
                e.lon,
                pending.confidence[event_id],
                e.geo_precision,
                e.actors,
                int(e.located),
                now,
            )
        )
        if e.box is not None:
            boxes.append((event_id, *e.box))
        words.append((event_id, e.words))
    conn.executemany(INSERT_EVENT, rows)
    conn.executemany("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", boxes)
    conn.executemany("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", words)
    conn.executemany(
        "UPDATE events SET feature = ?, confidence = ?, updated_at = ? WHERE id = ?",
        [
            (text, pending.confidence[event_id], now, event_id)
            for event_id, text in pending.merged.items()
        ],
    )
    conn.executemany(
        "INSERT INTO observations (event_id, report_id, feature) VALUES (?, ?, ?)",
        pending.observations,
    )
    conn.executemany(
        "INSERT INTO audit (event_id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)",
        pending.audit,
    )
    span = max((e.span for e in pending.rows.values()), default=0)
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'max_span_days' AND value < ?", (span, span)
    )

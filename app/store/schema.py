"""The SQLite schema, as numbered migrations (PRAGMA user_version counts those applied)."""

from __future__ import annotations

from app.store.sqlite_mapcells import MIGRATION as MAP_CELLS

MIGRATIONS: tuple[str, ...] = (
    # 1: reports, events (each kept as its GeoJSON Feature text), their links and audit trail.
    """
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        title TEXT,
        source TEXT,
        published TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        feature TEXT NOT NULL,
        event_type TEXT NOT NULL,
        category TEXT NOT NULL,
        date TEXT NOT NULL,
        date_end TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        confidence REAL NOT NULL,
        geo_precision INTEGER,
        actors TEXT NOT NULL DEFAULT '',
        located INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX events_admin1 ON events (admin1, located, date);
    CREATE INDEX events_country ON events (country, located, date);
    CREATE INDEX events_located_date ON events (located, date);
    CREATE INDEX events_date_end ON events (date_end);
    CREATE INDEX events_type ON events (event_type, located, date);
    CREATE INDEX events_category ON events (category, located, date);
    CREATE VIRTUAL TABLE events_rtree USING rtree (id, minx, maxx, miny, maxy);
    CREATE VIRTUAL TABLE events_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE observations (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        report_id INTEGER REFERENCES reports (id),
        feature TEXT NOT NULL
    );
    CREATE INDEX observations_event ON observations (event_id);
    CREATE INDEX observations_report ON observations (report_id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL,
        last_event_id INTEGER,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    CREATE INDEX audit_event ON audit (event_id);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta VALUES ('max_span_days', 0);
    CREATE INDEX audit_batch ON audit (last_event_id) WHERE last_event_id IS NOT NULL;
    """,
    # 2: the map's grid cells and counts per governorate, kept by triggers on events.
    MAP_CELLS,
)

"""The SQLite schema, as numbered migrations (PRAGMA user_version counts those applied)."""

from __future__ import annotations

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
    # 2: imports are idempotent: each imported event keeps the key it was imported under
    # (its Feature id from the file, or a content hash where it had none); large imports
    # stage R*Tree boxes and full-text bodies in import_pending and build them at the end.
    """
    ALTER TABLE events ADD COLUMN import_key TEXT;
    CREATE UNIQUE INDEX events_import_key ON events (import_key) WHERE import_key IS NOT NULL;
    CREATE TABLE import_pending (
        id INTEGER PRIMARY KEY,
        minx REAL,
        maxx REAL,
        miny REAL,
        maxy REAL,
        body TEXT NOT NULL
    );
    INSERT INTO meta VALUES ('indexes_deferred', 0);
    """,
    # 3: live. Every write to events leaves a numbered change (triggers, so bulk imports,
    # merges, patches and deletes all do, whatever code path wrote them); AUTOINCREMENT
    # never reuses a number, and SQLite's single writer makes numbers follow commit order.
    # Feeds, webhook subscriptions and their deliveries, and leases that let exactly one
    # worker run the poller, live in the database so any worker or replica can take over.
    """
    CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id INTEGER NOT NULL,
        op TEXT NOT NULL
    );
    CREATE INDEX changes_event ON changes (event_id, seq);
    INSERT INTO changes (event_id, op) SELECT id, 'upsert' FROM events ORDER BY id;
    CREATE TRIGGER events_change_insert AFTER INSERT ON events BEGIN
        INSERT INTO changes (event_id, op) VALUES (new.id, 'upsert');
    END;
    CREATE TRIGGER events_change_update AFTER UPDATE OF feature ON events BEGIN
        INSERT INTO changes (event_id, op) VALUES (new.id, 'upsert');
    END;
    CREATE TRIGGER events_change_delete AFTER DELETE ON events BEGIN
        INSERT INTO changes (event_id, op) VALUES (old.id, 'delete');
    END;
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        interval_seconds INTEGER NOT NULL,
        source TEXT,
        etag TEXT,
        modified TEXT,
        last_poll TEXT,
        last_status TEXT,
        items_seen INTEGER NOT NULL DEFAULT 0,
        reports_stored INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        next_poll TEXT NOT NULL
    );
    CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        filters TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        body TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending',
        next_attempt_at TEXT NOT NULL,
        last_status INTEGER,
        last_error TEXT,
        delivered_at TEXT
    );
    CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
    CREATE INDEX deliveries_subscription ON deliveries (subscription_id, id);
    CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at REAL NOT NULL
    );
    """,
)

#: The secondary indexes of migration 1, exactly as it creates them. A large import drops
#: them and builds each once at the end (a sort is cheaper than a million B-tree inserts).
SECONDARY_INDEXES: tuple[tuple[str, str], ...] = (
    ("events_admin1", "events (admin1, located, date)"),
    ("events_country", "events (country, located, date)"),
    ("events_located_date", "events (located, date)"),
    ("events_date_end", "events (date_end)"),
    ("events_type", "events (event_type, located, date)"),
    ("events_category", "events (category, located, date)"),
)

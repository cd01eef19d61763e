"""The embedded default store: one SQLite file (standard library), WAL mode, versioned schema."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from app.errors import StoreError
from app.store.base import StoreHealth

#: Migrations in order; the database records how many it has applied (PRAGMA user_version).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        title TEXT,
        source TEXT,
        published TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        feature TEXT NOT NULL,
        event_type TEXT NOT NULL,
        category TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        confidence REAL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX events_date ON events (date, date_end);
    CREATE INDEX events_type ON events (event_type);
    CREATE INDEX events_admin1 ON events (admin1, date);
    """,
)


class SQLiteStore:
    """Reports and events in SQLite; one connection per thread."""

    backend = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._local = threading.local()
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

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA busy_timeout=5000")
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
                    log_message=f"{self.path} has schema {version}, newer than this "
                    f"release ({len(MIGRATIONS)})"
                )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"migrating {self.path}: {exc}") from exc

    def health(self) -> StoreHealth:
        """Schema version and row counts."""
        try:
            conn = self._connect()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"health check on {self.path}: {exc}") from exc
        return StoreHealth(self.backend, int(version), int(events), int(reports))

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

"""Rate-limit counters kept in the database, so that every worker process shares them.

Fixed windows: a counter per (bucket, window number), incremented in one short write
transaction that returns the new counts. Old windows are deleted when a bucket opens a new one.
The table lives beside the events (not in the numbered migrations: it holds no events and a
restore may carry it or not).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from app.errors import StoreError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_counters (
    bucket TEXT NOT NULL,
    slot INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (bucket, slot)
) WITHOUT ROWID
"""
_HIT = (
    "INSERT INTO rate_counters (bucket, slot, count) VALUES (?, ?, 1) "
    "ON CONFLICT (bucket, slot) DO UPDATE SET count = count + 1 RETURNING count"
)


class RateCounter(Protocol):
    """Shared request counters."""

    def hit(self, buckets: Sequence[str], window: int) -> list[int]:
        """Count one request in each bucket for the given window; the counts so far."""

    def close(self) -> None:
        """Release this thread's resources."""


class SQLiteCounters:
    """Counters in a table of the SQLite store's file; one connection per thread."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._connect().execute(_SCHEMA)

    @classmethod
    def from_url(cls, url: str) -> SQLiteCounters:
        """The same ``sqlite:///PATH`` URL as the store's."""
        return cls(url.removeprefix("sqlite://").removeprefix("/"))

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA busy_timeout=10000")
            except sqlite3.Error as exc:
                raise StoreError(log_message=f"cannot open {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def hit(self, buckets: Sequence[str], window: int) -> list[int]:
        """Count one request in each bucket; a bucket's first hit in a window prunes old ones."""
        try:
            return self._hit(buckets, window)
        except StoreError as exc:
            if "no such table" not in exc.log_message:
                raise
            self._connect().execute(_SCHEMA)  # a restored copy without the counters
            return self._hit(buckets, window)

    def _hit(self, buckets: Sequence[str], window: int) -> list[int]:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                counts = [int(conn.execute(_HIT, (b, window)).fetchone()[0]) for b in buckets]
                if 1 in counts:
                    conn.execute("DELETE FROM rate_counters WHERE slot < ?", (window - 1,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"rate counters in {self.path}: {exc}") from exc
        return counts

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def open_counters(database_url: str) -> RateCounter:
    """Counters in the database the URL names (the store's)."""
    match database_url.split("://", 1)[0]:
        case "sqlite":
            return SQLiteCounters.from_url(database_url)
        case "postgresql" | "postgres":
            from app.store.postgis_counters import PostGISCounters

            return PostGISCounters.from_url(database_url)
        case other:
            raise StoreError(f"No rate counters for the {other!r} backend yet")

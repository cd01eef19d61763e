"""The SQLite store's raw rows, for copying a store between backends (store_copy.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from app.events import EventFeature
from app.store.event_columns import fts_body
from app.store.sqlite import SQLiteStore
from app.store.sqlite_rows import event_row
from app.store.store_copy import Row

_SELECT = {
    "reports": "SELECT id, content_hash, url, title, source, published, text, ingested_at "
    "FROM reports",
    "events": "SELECT id, feature, updated_at, import_key FROM events",
    "observations": "SELECT rowid AS id, event_id, report_id, feature FROM observations",
    "audit": "SELECT id, event_id, last_event_id, at, who, action, detail FROM audit",
}
_KEY = {"reports": "id", "events": "id", "observations": "rowid", "audit": "id"}
_INSERT = {
    "reports": "INSERT INTO reports (id, content_hash, url, title, source, published, text, "
    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "observations": "INSERT INTO observations (rowid, event_id, report_id, feature) "
    "VALUES (?, ?, ?, ?)",
    "audit": "INSERT INTO audit (id, event_id, last_event_id, at, who, action, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
}
_INSERT_EVENT = (
    "INSERT INTO events (id, feature, event_type, category, date, date_end, country, admin1, "
    "lat, lon, confidence, geo_precision, actors, located, updated_at, import_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class SQLiteRows:
    """Rows of a SQLite store in the canonical shapes of :class:`store_copy.RowStore`."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def count(self, table: str) -> int:
        """Rows in a table."""
        return int(
            self.store._read(lambda c: c.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        )

    def read(self, table: str, after: int, limit: int) -> list[Row]:
        """Rows with ids above ``after``, in id order."""
        key = _KEY[table]
        return self.store._read(
            lambda c: c.execute(
                f"{_SELECT[table]} WHERE {key} > ? ORDER BY {key} LIMIT ?", (after, limit)
            ).fetchall()
        )

    def existing(self, table: str, ids: Sequence[int]) -> dict[int, Row]:
        """The rows among ``ids`` already here."""
        key = _KEY[table]
        found: dict[int, Row] = {}
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            sql = f"{_SELECT[table]} WHERE {key} IN ({','.join('?' * len(chunk))})"

            def run(c: sqlite3.Connection, sql: str = sql, chunk: list[int] = chunk) -> list[Row]:
                return c.execute(sql, chunk).fetchall()

            found.update({int(r[0]): tuple(r) for r in self.store._read(run)})
        return found

    def write(self, table: str, rows: Sequence[Row]) -> None:
        """Insert rows in one transaction; an event's indexes are rebuilt from its Feature."""
        with self.store._write() as conn:
            if table != "events":
                conn.executemany(_INSERT[table], rows)
                return
            span = 0
            for event_id, text, updated_at, key in rows:
                event = EventFeature.model_validate_json(text)
                row, box = event_row(int(event_id), event, str(text), str(updated_at))
                conn.execute(_INSERT_EVENT, (*row, key))
                if box is not None:
                    conn.execute(
                        "INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", (event_id, *box)
                    )
                conn.execute(
                    "INSERT INTO events_fts (rowid, body) VALUES (?, ?)",
                    (event_id, fts_body(event)),
                )
                span = max(span, (event.properties.date_end - event.properties.date).days)
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'max_span_days' AND value < ?", (span, span)
            )

    def finish(self) -> None:
        """Refresh the planner's statistics."""
        with self.store._write() as conn:
            conn.execute("ANALYZE")

    def close(self) -> None:
        """Close the store."""
        self.store.close()

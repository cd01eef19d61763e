"""The PostGIS store's raw rows, for copying a store between backends (store_copy.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.events import EventFeature
from app.store.event_columns import fts_body
from app.store.postgis import PostGISStore
from app.store.postgis_sql import EVENT_COLUMNS, event_row
from app.store.store_copy import Row

_COLUMNS = {
    "reports": "id, content_hash, url, title, source, published, text, ingested_at",
    "events": "id, feature, updated_at, import_key",
    "observations": "id, event_id, report_id, feature",
    "audit": "id, event_id, last_event_id, at, who, action, detail",
}


class PostGISRows:
    """Rows of a PostGIS store in the canonical shapes of :class:`store_copy.RowStore`."""

    def __init__(self, store: PostGISStore) -> None:
        self.store = store

    def count(self, table: str) -> int:
        """Rows in a table."""
        row = self.store._read(lambda c: c.execute(f"SELECT count(*) FROM {table}").fetchone())
        return int(row[0]) if row else 0

    def read(self, table: str, after: int, limit: int) -> list[Row]:
        """Rows with ids above ``after``, in id order (dates as ISO text)."""
        rows = self.store._read(
            lambda c: c.execute(
                f"SELECT {_COLUMNS[table]} FROM {table} WHERE id > %s ORDER BY id LIMIT %s",
                (after, limit),
            ).fetchall()
        )
        return [_canonical(r) for r in rows]

    def existing(self, table: str, ids: Sequence[int]) -> dict[int, Row]:
        """The rows among ``ids`` already here."""
        rows = self.store._read(
            lambda c: c.execute(
                f"SELECT {_COLUMNS[table]} FROM {table} WHERE id = ANY(%s)", (list(ids),)
            ).fetchall()
        )
        return {int(r[0]): _canonical(r) for r in rows}

    def write(self, table: str, rows: Sequence[Row]) -> None:
        """COPY rows in one transaction; an event's columns are rebuilt from its Feature."""
        with self.store._write() as conn, conn.cursor() as cur:
            if table != "events":
                with cur.copy(f"COPY {table} ({_COLUMNS[table]}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            span = 0
            with cur.copy(f"COPY events ({EVENT_COLUMNS}, import_key) FROM STDIN") as copy:
                for event_id, text, updated_at, key in rows:
                    event = EventFeature.model_validate_json(text)
                    columns = event_row(
                        int(event_id), event, str(text), str(updated_at), fts_body(event)
                    )
                    copy.write_row((*columns, key))
                    span = max(span, (event.properties.date_end - event.properties.date).days)
            cur.execute(
                "UPDATE meta SET value = %s WHERE key = 'max_span_days' AND value < %s",
                (span, span),
            )

    def finish(self) -> None:
        """Move the id sequences past the copied ids, then refresh statistics."""
        with self.store._write() as conn:
            for table in ("observations", "audit", "feeds", "subscriptions", "deliveries"):
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) "
                    f"FROM {table} HAVING max(id) IS NOT NULL"
                )
        self.store.analyze()

    def close(self) -> None:
        """Close the pool."""
        self.store.close()


def _canonical(row: tuple[object, ...]) -> Row:
    return tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row)

"""Bulk import into the PostGIS store: COPY into a staging table, then one INSERT per batch.

The twin of app/store/sqlite_bulk.py. A batch is one transaction under the store's write lock
(all of its events stored, or none). Re-running an import is safe: every imported event keeps
its import key in a uniquely indexed column, so a known key is skipped or updated, never
stored twice (the INSERT also says ON CONFLICT DO NOTHING, a guard the lock makes idle).

Limitation: ``defer_indexes`` is accepted and ignored. PostgreSQL maintains the GiST and GIN
indexes during the COPY; :meth:`PostGISBulkImport.finish` refreshes the planner's statistics
(ANALYZE) and answers "ok" (there is no PostgreSQL counterpart of ``PRAGMA quick_check``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import psycopg

from app.errors import StoreError
from app.store.base import ImportCounts, ImportRow, OnConflict
from app.store.postgis_schema import WRITE_LOCK
from app.store.postgis_sql import EVENT_COLUMNS
from app.store.sqlite_writes import now

_STAGE = """
CREATE TEMP TABLE IF NOT EXISTS import_rows (
    id bigint NOT NULL, feature text NOT NULL, event_type text NOT NULL,
    category text NOT NULL, date date NOT NULL, date_end date NOT NULL, country text,
    admin1 text, lat float8, lon float8, confidence float8 NOT NULL, geo_precision integer,
    actors text NOT NULL, located boolean NOT NULL, words text NOT NULL,
    import_key text NOT NULL
) ON COMMIT DELETE ROWS
"""
_STAGED = (
    "id, feature, event_type, category, date, date_end, country, admin1, lat, lon, "
    "confidence, geo_precision, actors, located, words, import_key"
)


def _values(t: str) -> str:
    """The events columns (after id) from staged row ``t``; the geometry is read back from
    the Feature's own text (COPY carries no geometry type)."""
    geom = (
        f"CASE WHEN {t}.located THEN "
        f"ST_SetSRID(ST_GeomFromGeoJSON(({t}.feature::jsonb) -> 'geometry'), 4326) END"
    )
    staged = {c: f"{t}.{c}" for c in _STAGED.split(", ")}
    columns = [*EVENT_COLUMNS.split(", ")[1:], "import_key"]
    picks = {**staged, "geom": geom, "updated_at": "%s"}
    return ", ".join(picks[c] for c in columns)


_INSERT = (
    f"INSERT INTO events ({EVENT_COLUMNS}, import_key) SELECT s.id, {_values('s')} "
    "FROM import_rows s ON CONFLICT (import_key) DO NOTHING"
)
_UPDATE = (
    "UPDATE events SET (" + EVENT_COLUMNS.removeprefix("id, ") + f", import_key) = "
    f"({_values('s')}) FROM import_rows s WHERE events.id = s.id"
)


class PostGISBulkImport:
    """One bulk import on its own connection (see the module docstring)."""

    def __init__(self, url: str, who: str, on_conflict: OnConflict, defer_indexes: bool) -> None:
        self.who, self.on_conflict = who, on_conflict
        self.deferred = False  # see the module docstring: PostgreSQL keeps its indexes
        self._name = url.rsplit("/", 1)[-1].split("?", 1)[0]
        try:
            self.conn = psycopg.connect(url, connect_timeout=10)
            with self.conn.transaction():
                self.conn.execute(_STAGE)
        except psycopg.Error as exc:
            raise StoreError(log_message=f"bulk import into {self._name}: {exc}") from exc

    def _run(self, work: Callable[[], ImportCounts]) -> ImportCounts:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return work()
        except psycopg.Error as exc:
            raise StoreError(log_message=f"bulk import into {self._name}: {exc}") from exc

    def write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        """Store one batch in one transaction."""
        return self._run(lambda: self._write(rows))

    def _write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        conn = self.conn
        batch: dict[str, ImportRow] = {}
        skipped = 0
        for row in rows:
            if row.key in batch and self.on_conflict == "skip":
                skipped += 1  # the file repeats a key: the first one stands
            else:
                batch[row.key] = row  # under "update" the last one stands
        known: dict[str, int] = {
            str(k): int(i)
            for k, i in conn.execute(
                "SELECT import_key, id FROM events WHERE import_key = ANY(%s)", (list(batch),)
            )
        }
        fresh = [r for k, r in batch.items() if k not in known]
        old = [(known[k], r) for k, r in batch.items() if k in known]
        stamp = now()
        first = _next_id(conn)
        created = self._stage_and([(first + n, r) for n, r in enumerate(fresh)], _INSERT, stamp)
        if created:
            conn.execute(
                "INSERT INTO audit (event_id, last_event_id, at, who, action, detail) "
                "VALUES (%s, %s, %s, %s, 'create', %s)",
                (
                    first,
                    first + len(fresh) - 1,
                    stamp,
                    self.who,
                    f"one of {created} events stored together",
                ),
            )
        updated = 0
        if self.on_conflict == "update" and old:
            updated = self._stage_and(old, _UPDATE, stamp)
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO audit (event_id, at, who, action, detail) VALUES "
                    "(%s, %s, %s, 'update', 'replaced by a re-import of the same id')",
                    [(i, stamp, self.who) for i, _ in old],
                )
        else:
            skipped += len(old)
        skipped += len(fresh) - created  # only if another writer stored a key meanwhile
        if batch:
            span = max(r.span for r in batch.values())
            conn.execute(
                "UPDATE meta SET value = %s WHERE key = 'max_span_days' AND value < %s",
                (span, span),
            )
        return ImportCounts(created, updated, skipped)

    def _stage_and(self, rows: list[tuple[int, ImportRow]], statement: str, stamp: str) -> int:
        """COPY the rows into the staging table, run ``statement`` on it; rows it touched."""
        if not rows:
            return 0
        with self.conn.cursor() as cur:
            cur.execute("TRUNCATE import_rows")
            with cur.copy(f"COPY import_rows ({_STAGED}) FROM STDIN") as copy:
                for event_id, row in rows:
                    copy.write_row(_staged(event_id, row))
            cur.execute(statement, (stamp,))
            return cur.rowcount

    def finish(self) -> str:
        """Refresh the planner's statistics; returns "ok"."""
        try:
            self.conn.autocommit = True
            try:
                self.conn.execute("ANALYZE events")
            finally:
                self.conn.autocommit = False
        except psycopg.Error as exc:
            raise StoreError(log_message=f"finishing the import into {self._name}: {exc}") from exc
        return "ok"

    def close(self) -> None:
        """Close the import's connection."""
        self.conn.close()


def _next_id(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()
    return int(row[0]) if row else 1


def _staged(event_id: int, row: ImportRow) -> tuple[object, ...]:
    return (
        event_id,
        f'{{"type":"Feature","id":"{event_id}",{row.body}',
        row.event_type,
        row.category,
        row.date,
        row.date_end,
        row.country,
        row.admin1,
        row.lat,
        row.lon,
        row.confidence,
        row.geo_precision,
        row.actors,
        row.minx is not None,
        row.words,
        row.key,
    )

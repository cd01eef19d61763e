"""Bulk import into the PostGIS store: one COPY per batch, indexes built after a large load.

The twin of app/store/sqlite_bulk.py. A batch is one transaction under the store's write lock
(all of its events stored, or none). Re-running an import is safe: every imported event keeps
its import key in a uniquely indexed column, so a known key is skipped or updated, never
stored twice. New events go straight into ``events`` with COPY (the keys were looked up under
the write lock, so none can collide; if one did, the unique index would refuse the whole
batch); events replaced under ``on_conflict="update"`` are staged with COPY and written by one
UPDATE. The geometry travels as hex EWKB (points) or EWKT, made here from the row's own
coordinates.

A large import (``defer_indexes``) drops the secondary indexes (GiST, GIN and the b-trees of
postgis_schema.SECONDARY_INDEXES; the primary key and the import keys stay) and sets
``meta.indexes_deferred`` in one transaction; :meth:`PostGISBulkImport.finish` builds them in
one transaction, then VACUUM ANALYZE (statistics, and a visibility map so that counts are
read from the indexes alone). The import holds IMPORT_LOCK for its whole session: a store
opened meanwhile leaves the build to it; one opened after a killed import builds what the
import left (see :func:`finish_interrupted`).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence

import orjson
import psycopg

from app.errors import StoreError
from app.store.base import ImportCounts, ImportRow, OnConflict, unique_keys
from app.store.event_columns import feature_text
from app.store.postgis_schema import IMPORT_LOCK, SECONDARY_INDEXES, WRITE_LOCK
from app.store.postgis_sql import EVENT_COLUMNS, ewkt_of
from app.store.sqlite_writes import now

_COLUMNS = f"{EVENT_COLUMNS}, import_key"
_STAGE = (
    "CREATE TEMP TABLE IF NOT EXISTS import_rows ON COMMIT DELETE ROWS AS "
    f"SELECT {_COLUMNS} FROM events WITH NO DATA"
)
_UPDATE = (
    "UPDATE events SET (" + _COLUMNS.removeprefix("id, ") + ") = "
    "(" + ", ".join(f"s.{c}" for c in _COLUMNS.split(", ")[1:]) + ") "
    "FROM import_rows s WHERE events.id = s.id"
)
_POINT = '"geometry":{"type":"Point"'
#: A point as EWKB: little-endian, type 1 with the SRID flag, the SRID, x, y.
_EWKB_POINT = struct.Struct("<BIidd")
_POINT_SRID = 0x2000_0001
#: Memory for one index build (the server's default, 64 MB, spills a GIN build to disk).
_BUILD_MEMORY = "512MB"


def pending(conn: psycopg.Connection) -> bool:
    """Whether an import left indexes to build (it was stopped, or is running now)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'indexes_deferred'").fetchone()
    return bool(row and row[0])


def build_pending(conn: psycopg.Connection, analyze: bool = True) -> None:
    """Create the secondary indexes, clear the flag, refresh statistics unless the caller
    runs VACUUM (ANALYZE) next (in the caller's transaction: a kill in the middle leaves it
    all to do again)."""
    conn.execute(f"SET LOCAL maintenance_work_mem = '{_BUILD_MEMORY}'")
    for name, columns in SECONDARY_INDEXES:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
    conn.execute("UPDATE meta SET value = 0 WHERE key = 'indexes_deferred'")
    if analyze:
        conn.execute("ANALYZE events")


def finish_interrupted(conn: psycopg.Connection) -> bool:
    """Build what a stopped import left pending; returns whether this call built it.

    An import still running holds IMPORT_LOCK: then nothing is done here (it builds at its end).
    """
    if not pending(conn):
        return False
    row = conn.execute("SELECT pg_try_advisory_lock(%s)", (IMPORT_LOCK,)).fetchone()
    if not (row and row[0]):
        return False
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            todo = pending(conn)
            if todo:
                build_pending(conn)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (IMPORT_LOCK,))
    return todo


def check(conn: psycopg.Connection) -> str:
    """ "ok" when every secondary index exists and is valid; else which are not."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE c.relname = ANY(%s) AND i.indisvalid AND i.indisready",
        ([name for name, _ in SECONDARY_INDEXES],),
    ).fetchall()
    missing = sorted({name for name, _ in SECONDARY_INDEXES} - {str(r[0]) for r in rows})
    return "ok" if not missing else f"missing or invalid indexes: {', '.join(missing)}"


class PostGISBulkImport:
    """One bulk import on its own connection (see the module docstring)."""

    def __init__(self, url: str, who: str, on_conflict: OnConflict, defer_indexes: bool) -> None:
        self.who, self.on_conflict = who, on_conflict
        self._name = url.rsplit("/", 1)[-1].split("?", 1)[0]
        try:
            self.conn = psycopg.connect(url, connect_timeout=10, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(log_message=f"bulk import into {self._name}: {exc}") from exc
        try:
            # One import at a time; a killed one's session (and lock) ends with its process.
            self.conn.execute("SELECT pg_advisory_lock(%s)", (IMPORT_LOCK,))
            self.conn.execute(_STAGE)
            self.deferred = defer_indexes or pending(self.conn)
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(log_message=f"bulk import into {self._name}: {exc}") from exc
        if defer_indexes:
            self._run(self._defer)

    def _run(self, work: Callable[[], ImportCounts | None]) -> ImportCounts:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return work() or ImportCounts()
        except psycopg.Error as exc:
            raise StoreError(log_message=f"bulk import into {self._name}: {exc}") from exc

    def _defer(self) -> None:
        self.conn.execute("UPDATE meta SET value = 1 WHERE key = 'indexes_deferred'")
        for name, _ in SECONDARY_INDEXES:
            self.conn.execute(f"DROP INDEX IF EXISTS {name}")

    def write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        """Store one batch in one transaction."""
        return self._run(lambda: self._write(rows))

    def _write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        conn = self.conn
        batch, skipped = unique_keys(rows, self.on_conflict)
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
        self._copy("events", [_staged(first + n, r, stamp) for n, r in enumerate(fresh)])
        if fresh:
            conn.execute(
                "INSERT INTO audit (event_id, last_event_id, at, who, action, detail) "
                "VALUES (%s, %s, %s, %s, 'create', %s)",
                (
                    first,
                    first + len(fresh) - 1,
                    stamp,
                    self.who,
                    f"one of {len(fresh)} events stored together",
                ),
            )
        updated = 0
        if self.on_conflict == "update" and old:
            self._copy("import_rows", [_staged(i, r, stamp) for i, r in old])
            updated = conn.execute(_UPDATE).rowcount
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO audit (event_id, at, who, action, detail) VALUES "
                    "(%s, %s, %s, 'update', 'replaced by a re-import of the same id')",
                    [(i, stamp, self.who) for i, _ in old],
                )
        else:
            skipped += len(old)
        if batch:
            span = max(r.span for r in batch.values())
            conn.execute(
                "UPDATE meta SET value = %s WHERE key = 'max_span_days' AND value < %s",
                (span, span),
            )
        return ImportCounts(len(fresh), updated, skipped)

    def _copy(self, table: str, rows: list[tuple[object, ...]]) -> None:
        if not rows:
            return
        with (
            self.conn.cursor() as cur,
            cur.copy(f"COPY {table} ({_COLUMNS}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def finish(self) -> str:
        """Build the deferred indexes, VACUUM ANALYZE; "ok" when every index is valid."""
        try:
            if self.deferred or pending(self.conn):
                # VACUUM (ANALYZE) below refreshes the statistics: analysing twice cost
                # 9 us of server CPU per event at 50,000 events (a fifth of the finish).
                self._run(lambda: build_pending(self.conn, analyze=False))
            self.conn.execute("VACUUM (ANALYZE) events")
            return check(self.conn)
        except psycopg.Error as exc:
            raise StoreError(log_message=f"finishing the import into {self._name}: {exc}") from exc

    def close(self) -> None:
        """Close the import's connection (its import lock goes with it)."""
        self.conn.close()


def _next_id(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()
    return int(row[0]) if row else 1


def _geometry(row: ImportRow) -> str | None:
    """The row's geometry: a point from its box as hex EWKB (the server reads it without
    parsing text: 1-2 us less server CPU per event than EWKT), anything else as EWKT."""
    if row.minx is None:
        return None
    if row.minx == row.maxx and row.miny == row.maxy and row.body.startswith(_POINT):
        return _EWKB_POINT.pack(1, _POINT_SRID, 4326, row.minx, row.miny).hex()
    return ewkt_of(orjson.loads("{" + row.body)["geometry"])


def _staged(event_id: int, row: ImportRow, stamp: str) -> tuple[object, ...]:
    """The row as COPY writes it (the columns of ``_COLUMNS``)."""
    return (
        event_id,
        feature_text(event_id, row.body),
        *row[2:10],  # the indexed columns (event_columns.INDEXED) up to lon
        _geometry(row),
        *row[10:13],
        row.minx is not None,
        stamp,
        row.words,
        row.key,
    )

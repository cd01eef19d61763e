"""Bulk import into the SQLite store: large batches, indexes built after the load.

A batch is one transaction (its events all stored, or none). Re-running an import is safe:
every imported event carries its import key (a unique column), so a known key is skipped or
updated, never stored twice. Within a batch the per-row insert triggers (the change feed, the
map's cell counts) are dropped, the batch's changes and cells are written with one statement
each, and the triggers created again, all in the batch's transaction: no other connection
ever sees them missing. A large import (``defer_indexes``) drops the secondary indexes and
stages each event's R*Tree box and full-text body in ``import_pending``; :func:`build_pending`
packs the R*Tree in one pass (``sqlite_rtree``), fills the FTS table with one
``INSERT ... SELECT`` and creates the indexes, all in one transaction. A process killed at
any point leaves either a batch whole or absent, and the deferred build pending; the next
import, or the next opening of the store, finishes it.

The import's own connection runs with ``synchronous=OFF``: a killed process loses nothing
the operating system already holds, and a lost batch is stored again by a re-run. An
operating system crash or a power cut during an import can, by SQLite's documentation,
damage the file: that is the price of the speed, paid only by imports (never by the service).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import orjson

from app.errors import StoreError
from app.store import sqlite_mapcells, sqlite_rtree
from app.store.base import ImportCounts, ImportRow, OnConflict, unique_keys
from app.store.event_columns import feature_text
from app.store.schema import SECONDARY_INDEXES
from app.store.sqlite_writes import audit_batch, next_id, now, widen_span

#: New rows bind (id, *ImportRow, stamp): ?1 the id, ?2..?20 the ImportRow's fields in
#: order (key, body, event_type, ..., minx ?15, ..., words ?19, span ?20), ?21 the stamp.
#: The Feature text gets its id in front here, in SQLite, rather than per row in Python.
_INSERT = (
    "INSERT INTO events (id, feature, event_type, category, date, date_end, country, admin1, "
    "lat, lon, confidence, geo_precision, actors, located, updated_at, import_key) "
    """VALUES (?1, '{"type":"Feature","id":"' || ?1 || '",' || ?3, ?4, ?5, ?6, ?7, ?8, ?9, """
    "?10, ?11, ?12, ?13, ?14, ?15 IS NOT NULL, ?21, ?2)"
)
_STAGE = "INSERT INTO import_pending VALUES (?1, ?15, ?16, ?17, ?18, ?19)"
_RTREE = "INSERT INTO events_rtree VALUES (?1, ?15, ?16, ?17, ?18)"
_FTS = "INSERT INTO events_fts (rowid, body) VALUES (?1, ?19)"
#: Triggers that act on every inserted row, replaced by one statement per batch.
_ROW_TRIGGERS = ("events_change_insert", "map_events_insert")
_UPDATE = (
    "UPDATE events SET feature = ?, event_type = ?, category = ?, date = ?, date_end = ?, "
    "country = ?, admin1 = ?, lat = ?, lon = ?, confidence = ?, geo_precision = ?, "
    "actors = ?, located = ?, updated_at = ?, import_key = ? WHERE id = ?"
)
_CACHE_KIB = 1024 * 1024  # 1 GiB of page cache for the import's connection only
_MMAP_BYTES = 1 << 34
_SORT_RUN_CACHE = -16 * 1024  # 16 MiB while the indexes are built (see build_pending)


def pending(conn: sqlite3.Connection) -> bool:
    """Whether an import left indexes to build (it was stopped, or is running now)."""
    flag = conn.execute("SELECT value FROM meta WHERE key = 'indexes_deferred'").fetchone()
    return bool(flag and flag[0]) or (
        conn.execute("SELECT 1 FROM import_pending LIMIT 1").fetchone() is not None
    )


def build_pending(conn: sqlite3.Connection) -> None:
    """Fill the R*Tree and FTS from the staged rows and (re)create the secondary indexes.

    Runs inside the caller's transaction, so a kill in the middle leaves it all to do again.
    The boxes are read back from the table rather than kept by the import: an edit or another
    import may have indexed or re-staged some of them meanwhile.
    """
    staged = "SELECT id, minx, maxx, miny, maxy FROM import_pending WHERE minx IS NOT NULL"
    boxes = np.array(conn.execute(staged).fetchall(), dtype=np.float64).reshape(-1, 5)
    sqlite_rtree.rebuild(conn, "events_rtree", boxes, staged)
    conn.execute("INSERT INTO events_fts (rowid, body) SELECT id, body FROM import_pending")
    conn.execute("DELETE FROM import_pending")
    if not sqlite_mapcells.counting(conn):  # an import of an older version stopped half way
        sqlite_mapcells.rebuild(conn)
    # CREATE INDEX sorts its keys in runs of up to cache_size bytes (at most 512 MiB), then
    # merges the runs. One huge run sorts slower per key as it grows (its merge sort jumps
    # all over memory): with the import's 1 GiB cache, 2.75 us a row at 4,000,000 rows
    # against 2.0 us in runs of 16 MiB, which fit the processor's caches.
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {_SORT_RUN_CACHE}")
    try:
        for name, columns in SECONDARY_INDEXES:
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    conn.execute("UPDATE meta SET value = 0 WHERE key = 'indexes_deferred'")
    # Fresh statistics let the planner pick the governorate index for region= (sampled:
    # analysis_limit keeps this to milliseconds at a million rows).
    conn.execute("PRAGMA analysis_limit = 1000")
    conn.execute("ANALYZE")


def finish_interrupted(conn: sqlite3.Connection) -> bool:
    """Build what a stopped import left pending; returns whether there was anything.

    When another connection holds the write lock (a worker already building, an import
    running), this one does not wait: that one finishes the work.
    """
    if not pending(conn):
        return False
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        todo = pending(conn)
        if todo:
            build_pending(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return todo


class SQLiteBulkImport:
    """One bulk import on its own connection (see the module docstring)."""

    def __init__(self, path: str, who: str, on_conflict: OnConflict, defer_indexes: bool) -> None:
        self.path, self.who, self.on_conflict = path, who, on_conflict
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in (
                "busy_timeout=30000",
                "synchronous=OFF",
                # One checkpoint a batch (write) instead of one every 4 MB of WAL.
                "wal_autocheckpoint=0",
                f"cache_size=-{_CACHE_KIB}",
                "temp_store=MEMORY",
                "threads=2",
                # Index builds scan the events table six times: read it mapped, not copied.
                f"mmap_size={_MMAP_BYTES}",
            ):
                self.conn.execute(f"PRAGMA {pragma}")
            self.deferred = defer_indexes or pending(self.conn)
            if defer_indexes:
                self._run(self._defer)
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"bulk import into {path}: {exc}") from exc

    def _run(self, work: Callable[[], object]) -> ImportCounts:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(log_message=f"bulk import into {self.path}: {exc}") from exc
            raise
        return result if isinstance(result, ImportCounts) else ImportCounts()

    def _defer(self) -> None:
        self.conn.execute("UPDATE meta SET value = 1 WHERE key = 'indexes_deferred'")
        for name, _ in SECONDARY_INDEXES:
            self.conn.execute(f"DROP INDEX IF EXISTS {name}")

    def write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        """Store one batch in one transaction, then copy it from the WAL into the database.

        The copy is done per batch, while the writer would wait for its reading worker
        anyway: left to the end, the WAL of a million-event import grew to 1.4 GB, and each
        page the index build read was first looked up in its index (CREATE INDEX 30% slower).
        """
        counts = self._run(lambda: self._write(rows))
        try:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"bulk import into {self.path}: {exc}") from exc
        return counts

    def _write(self, rows: Sequence[ImportRow]) -> ImportCounts:
        conn = self.conn
        known: dict[str, int] = dict(
            conn.execute(
                "SELECT import_key, id FROM events WHERE import_key IN "
                "(SELECT value FROM json_each(?))",
                (orjson.dumps([r.key for r in rows]).decode(),),
            ).fetchall()
        )
        batch, skipped = unique_keys(rows, self.on_conflict)
        fresh = [r for k, r in batch.items() if k not in known]
        old = [(known[k], r) for k, r in batch.items() if k in known]
        stamp = now()
        first = next_id(conn)
        if fresh:
            params = [(i, *r, stamp) for i, r in enumerate(fresh, start=first)]
            self._insert(params, first, fresh)
            audit_batch(conn, first, first + len(fresh) - 1, self.who, stamp, len(fresh))
        updated = 0
        if self.on_conflict == "update" and old:
            conn.executemany(_UPDATE, [(*_columns(i, r, stamp)[1:], i) for i, r in old])
            for table, column in (("events_rtree", "id"), ("events_fts", "rowid")):
                conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i, _ in old])
            conn.executemany("DELETE FROM import_pending WHERE id = ?", [(i,) for i, _ in old])
            self._index([(i, *r, stamp) for i, r in old])
            conn.executemany(
                "INSERT INTO audit (event_id, at, who, action, detail) "
                "VALUES (?, ?, ?, 'update', 'replaced by a re-import of the same id')",
                [(i, stamp, self.who) for i, _ in old],
            )
            updated = len(old)
        else:
            skipped += len(old)
        if batch:
            widen_span(conn, max(r.span for r in batch.values()))
        return ImportCounts(len(fresh), updated, skipped)

    def _insert(
        self, params: Sequence[tuple[object, ...]], first: int, rows: Sequence[ImportRow]
    ) -> None:
        """New events, their changes and map cells with one statement each, then the index."""
        conn = self.conn
        with _without(conn, _ROW_TRIGGERS) as dropped:
            conn.executemany(_INSERT, params)
            if "events_change_insert" in dropped:
                conn.execute(
                    "INSERT INTO changes (event_id, op) SELECT id, 'upsert' FROM events "
                    "WHERE id >= ? ORDER BY id",
                    (first,),
                )
            if "map_events_insert" in dropped:
                sqlite_mapcells.count_new(
                    conn,
                    [
                        (i, r.lon, r.lat, r.category, r.geo_precision, r.minx is not None, r.admin1)
                        for i, r in enumerate(rows, start=first)
                    ],
                )
        self._index(params)

    def _index(self, params: Sequence[tuple[object, ...]]) -> None:
        """The R*Tree box and FTS words: staged when deferred, written now otherwise."""
        if self.deferred:
            self.conn.executemany(_STAGE, [p[:19] for p in params])
            return
        self.conn.executemany(_RTREE, [p[:18] for p in params if p[14] is not None])
        self.conn.executemany(_FTS, [p[:19] for p in params])

    def finish(self) -> str:
        """Build the deferred indexes, then ``PRAGMA quick_check``; returns its answer."""
        try:
            if self.deferred or pending(self.conn):
                self._run(lambda: build_pending(self.conn))
            else:
                self._run(lambda: self.conn.execute("PRAGMA optimize"))
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"finishing the import into {self.path}: {exc}") from exc
        return "; ".join(str(r[0]) for r in rows)

    def close(self) -> None:
        """Close the import's connection."""
        self.conn.close()


@contextmanager
def _without(conn: sqlite3.Connection, names: Sequence[str]) -> Iterator[set[str]]:
    """Drop these triggers (those that exist) for a block of the current transaction and
    create them again exactly as they were; yields the names of those that existed."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({','.join('?' * len(names))})",
        list(names),
    ).fetchall()
    for name, _ in found:
        conn.execute(f"DROP TRIGGER {name}")
    yield {name for name, _ in found}
    for _, sql in found:
        conn.execute(sql)


def _columns(event_id: int, row: ImportRow, stamp: str) -> tuple[object, ...]:
    """The row as ``_UPDATE`` writes it, the id first."""
    return (
        event_id,
        feature_text(event_id, row.body),
        *row[2:13],  # the indexed columns (event_columns.INDEXED)
        int(row.minx is not None),
        stamp,
        row.key,
    )

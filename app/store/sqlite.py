"""The embedded default store: one SQLite file (standard library), WAL mode, R*Tree, FTS5.

Each event is kept as the GeoJSON Feature text it is served as, beside indexed columns
(date, type, governorate, confidence, actors) and an R*Tree of its bounding box, so a query
reads index entries and copies stored text: no JSON is parsed or built on the read path.
Writes live in ``sqlite_writes``, reads in ``sqlite_reads``, bulk imports in ``sqlite_bulk``;
this class owns the connections, the schema and the transactions.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from app.domain import (
    AuditEntry,
    ChangePage,
    ClusterPage,
    EventPage,
    EventQuery,
    IngestResult,
    NewReport,
    ReportRecord,
    km,
)
from app.errors import StoreError
from app.events import EventFeature
from app.store import sqlite_batch, sqlite_changes
from app.store import sqlite_reads as reads
from app.store import sqlite_writes as writes
from app.store.base import OnConflict, StoreHealth
from app.store.migrations import pending
from app.store.prepared import PreparedEvent
from app.store.schema import MIGRATIONS
from app.store.sqlite_bulk import SQLiteBulkImport, finish_interrupted
from app.store.sqlite_counts import CountCache
from app.store.sqlite_live import SQLiteLiveState

T = TypeVar("T")
#: Page cache of every connection but bulk loads. A server worker holds one per thread
#: (GEOEVENTS_WORKER_THREADS), so this bounds its memory; the OS page cache holds the rest.
CACHE_KIB = 16 * 1024


class SQLiteStore:
    """Reports and events in SQLite; one connection per thread.

    Opening a store finishes the index build of an import that was stopped half way
    (``finish_imports=False`` leaves it to the next import, which resumes it).
    """

    backend = "sqlite"

    def __init__(self, path: Path | str, finish_imports: bool = True) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self.cache_kib = CACHE_KIB  # page cache of each connection opened from now on
        self._count_cache = CountCache()  # shared by the threads' connections
        self._migrate()
        self.live = SQLiteLiveState(self._write, self._read)
        if finish_imports:
            try:
                finish_interrupted(self._connect())
            except sqlite3.Error as exc:
                raise StoreError(log_message=f"finishing an import in {self.path}: {exc}") from exc

    @classmethod
    def from_url(cls, url: str, finish_imports: bool = True) -> SQLiteStore:
        """``sqlite:///relative.db``, ``sqlite:////abs/path.db`` or ``sqlite:///:memory:``."""
        path = url.removeprefix("sqlite://").removeprefix("/")
        if not path:
            raise StoreError("sqlite URL needs a path, e.g. sqlite:///./geoevents.db")
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return cls(path, finish_imports)

    # Connections and schema --------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA busy_timeout=10000")
                conn.execute(f"PRAGMA cache_size=-{self.cache_kib}")
                conn.create_function("km", 4, km, deterministic=True)
            except sqlite3.Error as exc:
                raise StoreError(log_message=f"cannot open {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def _counts(self) -> CountCache:
        return self._count_cache

    def _migrate(self) -> None:
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in pending(version, MIGRATIONS, self.path):
                conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"migrating {self.path}: {exc}") from exc

    def _write(self) -> _Transaction:
        self._counts().note_write()
        return _Transaction(self._connect(), self._write_lock, self.path)

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return fn(self._connect())
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"reading {self.path}: {exc}") from exc

    # Writes ------------------------------------------------------------------------------

    def add_report(
        self, report: NewReport, events: Sequence[EventFeature], who: str = "ingest"
    ) -> IngestResult:
        """Store a report and its events in one transaction; a known report adds nothing."""
        with self._write() as conn:
            return writes.add_report(conn, report, events, who)

    def add_reports(
        self, items: Sequence[tuple[NewReport, Sequence[PreparedEvent]]], who: str = "ingest"
    ) -> list[IngestResult]:
        """Store many reports in one transaction (see ``sqlite_batch``)."""
        with self._write() as conn:
            return sqlite_batch.add_reports(conn, items, who, writes.now())

    def known_reports(self, hashes: Sequence[str], urls: Sequence[str]) -> dict[str, int]:
        """Ids of stored reports by content hash and URL."""
        return self._read(lambda conn: sqlite_batch.known_reports(conn, hashes, urls))

    def add_events(self, events: Sequence[EventFeature], who: str) -> list[int]:
        """Store events that come with no report (hand-made, a few imported), all or nothing."""
        with self._write() as conn:
            return writes.add_events(conn, events, who)

    def bulk_import(
        self, who: str, on_conflict: OnConflict = "skip", defer_indexes: bool = False
    ) -> SQLiteBulkImport:
        """An idempotent bulk import on its own connection (see ``sqlite_bulk``)."""
        self._counts().note_write()
        return SQLiteBulkImport(self.path, who, on_conflict, defer_indexes)

    def update(self, event_id: int, event: EventFeature, who: str) -> str:
        """Replace an event; the audit trail records what changed."""
        with self._write() as conn:
            return writes.update(conn, event_id, event, who)

    def delete(self, event_id: int, who: str) -> None:
        """Remove an event (its audit trail stays)."""
        with self._write() as conn:
            writes.delete(conn, event_id, who)

    def split(self, event_id: int, report_id: int, who: str) -> int:
        """Undo a merge: the given report's reading becomes an event of its own again."""
        with self._write() as conn:
            return writes.split(conn, event_id, report_id, who)

    # Reads -------------------------------------------------------------------------------

    def get(self, event_id: int) -> str:
        """An event's GeoJSON Feature text."""
        return self._read(lambda conn: writes.feature(conn, event_id))

    def query(self, query: EventQuery) -> EventPage:
        """One page of events and the number matched in all (counts cached per query)."""
        counts = self._counts()
        return self._read(lambda conn: reads.query(conn, query, counts))

    def count(self, query: EventQuery) -> int:
        """How many events match the filters."""
        counts = self._counts()
        return self._read(lambda conn: reads.count(conn, query, counts))

    def export(self, query: EventQuery, batch: int = 5000) -> Iterator[str]:
        """Every matching event's Feature text, in id order, read in batches (flat memory)."""
        conn = self._connect()
        try:
            reads.max_span(conn)
        except sqlite3.Error as exc:
            raise StoreError(log_message=f"export from {self.path}: {exc}") from exc
        return reads.export(conn, query, self.path, batch)

    def clusters(
        self,
        query: EventQuery,
        view: tuple[float, float, float, float],
        cell_deg: float,
        singles_limit: int,
        all_singles_below: int = 0,
        movement_limit: int = 0,
    ) -> ClusterPage:
        """What a map view shows: grid clusters of point events, lone events whole, the
        newest movements ending in the view, and counts per governorate.

        When ``all_singles_below`` is set and the view holds no more point events than that,
        every one comes whole (a close-up, where the page spreads co-located events). The view
        is matched on each event's point (a movement's destination) with plain range
        conditions: cheaper than the R*Tree when a view holds most of the data.
        """
        return self._read(
            lambda conn: reads.clusters(
                conn,
                query,
                view,
                cell_deg,
                singles_limit,
                all_singles_below,
                movement_limit,
            )
        )

    def changes(self, query: EventQuery, after: int, limit: int) -> ChangePage:
        """The change feed after ``after``: each changed event's latest change, in order."""
        return self._read(lambda conn: sqlite_changes.changes(conn, query, after, limit))

    def last_seq(self) -> int:
        """The newest change's number."""
        return self._read(sqlite_changes.last_seq)

    def extent(self) -> tuple[tuple[float, float, float, float] | None, str | None, str | None]:
        """Bounding box of the placed events (R*Tree boxes), first date and last date."""
        return self._read(reads.extent)

    def date_range(self) -> tuple[str | None, str | None]:
        """First date and last date_end of the placed events."""
        return self._read(reads.date_range)

    def history(self, event_id: int) -> list[AuditEntry]:
        """Every recorded change of an event, oldest first."""
        return self._read(lambda conn: reads.history(conn, event_id))

    def get_report(self, report_id: int) -> ReportRecord:
        """A stored report."""
        return self._read(lambda conn: reads.get_report(conn, report_id))

    def list_reports(self, limit: int, offset: int) -> tuple[list[ReportRecord], int]:
        """Reports, newest first, and how many there are."""
        return self._read(lambda conn: reads.list_reports(conn, limit, offset))

    def report_events(self, report_id: int) -> IngestResult:
        """The events a report supports (placed and unplaced)."""
        self.get_report(report_id)
        return self._read(lambda conn: writes.existing(conn, report_id))

    def health(self) -> StoreHealth:
        """Schema version and row counts."""

        def run(conn: sqlite3.Connection) -> StoreHealth:
            version = conn.execute("PRAGMA user_version").fetchone()[0]

            def events(located: int) -> int:
                # Cached until the events change: a probe every few seconds must not scan a
                # million rows each time (47 ms of CPU at 1M events).
                return self._count_cache.get(
                    conn,
                    ("health", located),
                    lambda: conn.execute(
                        "SELECT count(*) FROM events WHERE located = ?", (located,)
                    ).fetchone()[0],
                )

            located, unlocated = events(1), events(0)
            reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            return StoreHealth(
                self.backend, int(version), int(located), int(reports), int(unlocated)
            )

        return self._read(run)

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: nothing is stored half-way."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock, path: str) -> None:
        self.conn, self.lock, self.path = conn, lock, path

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self.lock.release()
            raise StoreError(log_message=f"begin on {self.path}: {exc}") from exc
        return self.conn

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        try:
            if kind is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")
        finally:
            self.lock.release()
        if isinstance(exc, sqlite3.Error):
            raise StoreError(log_message=f"writing {self.path}: {exc}") from exc

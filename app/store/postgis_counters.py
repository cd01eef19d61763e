"""Rate-limit counters in PostgreSQL, shared by every API worker on every machine.

The PostGIS twin of the SQLite counters that branch ``hard`` adds (``app/store/counters.py``:
``RateCounter.hit(buckets, window) -> counts`` and ``close()``); once both are merged, its
``open_counters`` gains ``case "postgresql" | "postgres": return PostGISCounters.from_url(url)``.
Fixed windows: one row per (bucket, window number), incremented atomically with
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``; a bucket's first hit in a window deletes
windows older than the previous one. The table is not part of the numbered migrations: it
holds no events, and a restored database may carry it or not.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from app.errors import StoreError
from app.store.postgis_schema import IMPORT_LOCK

#: Held while the table is created: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against
#: a concurrent create (a duplicate key in pg_type), and every worker creates it at start-up.
SCHEMA_LOCK = IMPORT_LOCK + 1

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS rate_counters (bucket text NOT NULL, slot bigint NOT NULL, "
    "count bigint NOT NULL, PRIMARY KEY (bucket, slot))"
)
_HIT = (
    "INSERT INTO rate_counters (bucket, slot, count) VALUES (%s, %s, 1) "
    "ON CONFLICT (bucket, slot) DO UPDATE SET count = rate_counters.count + 1 RETURNING count"
)


class PostGISCounters:
    """Counters in a table of the store's PostgreSQL database; a small pool per worker."""

    def __init__(self, url: str, pool_size: int = 4) -> None:
        try:  # fail fast, with the driver's reason, before the pool starts retrying
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            raise StoreError(log_message=f"rate counters: {exc}") from exc
        self.pool = ConnectionPool(url, min_size=1, max_size=pool_size, open=False)
        try:
            self.pool.open(wait=True, timeout=15)
            self._create()
        except (PoolTimeout, psycopg.Error) as exc:
            self.pool.close()
            raise StoreError(log_message=f"rate counters: {exc}") from exc

    @classmethod
    def from_url(cls, url: str) -> PostGISCounters:
        """The same ``postgresql://`` URL as the store's."""
        return cls(url)

    def hit(self, buckets: Sequence[str], window: int) -> list[int]:
        """Count one request in each bucket; a bucket's first hit in a window prunes old ones."""
        try:
            return self._hit(buckets, window)
        except psycopg.errors.UndefinedTable:
            # A restore replaced the database with one that has no counters (as on SQLite).
            try:
                self._create()
                return self._hit(buckets, window)
            except psycopg.Error as exc:
                raise StoreError(log_message=f"rate counters: {exc}") from exc
        except psycopg.Error as exc:
            raise StoreError(log_message=f"rate counters: {exc}") from exc

    def _create(self) -> None:
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            conn.execute(_SCHEMA)

    def _hit(self, buckets: Sequence[str], window: int) -> list[int]:
        # Rows are locked in one order (sorted buckets) so two workers never deadlock.
        order = sorted(range(len(buckets)), key=lambda i: buckets[i])
        counts = [0] * len(buckets)
        with self.pool.connection() as conn, conn.transaction():
            for i in order:
                row = conn.execute(_HIT, (buckets[i], window)).fetchone()
                counts[i] = int(row[0]) if row else 0
            if 1 in counts:
                conn.execute("DELETE FROM rate_counters WHERE slot < %s", (window - 1,))
        return counts

    def close(self) -> None:
        """Close the pool."""
        self.pool.close()

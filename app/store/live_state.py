"""Live state in either SQL store: feeds, webhook subscriptions, their deliveries, leases.

Kept in the database, not in a worker's memory, so any worker or replica can poll or deliver
and a restart loses nothing (deliveries are queued rows). Every statement is written once,
with ``?`` placeholders, in SQL that both SQLite (3.35 or later, for ``RETURNING``) and
PostgreSQL run. The stores hand in their own write (one transaction under their write lock)
and read (their error translation) wrappers; a PostgreSQL connection is seen through
:class:`PercentMarks`, which gives psycopg its ``%s`` placeholders and an ``executemany``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from app.domain import Delivery, Feed, Subscription
from app.errors import Conflict, NotFound

T = TypeVar("T")
_FEED = (
    "id, url, interval_seconds, source, etag, modified, last_poll, last_status, items_seen, "
    "reports_stored, errors, next_poll"
)
_SUB = "id, url, secret, filters, last_seq, created_at"
_DELIVERY = (
    "id, subscription_id, seq, event_id, body, attempts, status, next_attempt_at, last_status, "
    "last_error, delivered_at"
)

#: The live tables a copy of the store carries, in copy order, and their columns (leases are
#: not copied: they name processes of the source's workers).
COPIED = {"feeds": _FEED, "subscriptions": _SUB, "deliveries": _DELIVERY}

#: A connection of either driver: sqlite3's, or psycopg's seen through PercentMarks.
Connection = Any


class PercentMarks:
    """A psycopg connection that takes the ``?`` placeholders sqlite3 takes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        """Run one statement; its cursor."""
        return self.conn.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row."""
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)


class LiveState:
    """Feeds, subscriptions, deliveries and leases on a store's connections."""

    def __init__(
        self,
        write: Callable[[], AbstractContextManager[Connection]],
        read: Callable[[Callable[[Connection], object]], object],
    ) -> None:
        self._write = write
        self._read_any = read

    def _read(self, fn: Callable[[Connection], T]) -> T:
        return self._read_any(fn)  # type: ignore[return-value]

    # Rows, for copying a store (store_copy.py) ----------------------------------------------

    def rows(self, table: str, after: int, limit: int) -> list[tuple[Any, ...]]:
        """Up to ``limit`` rows of a live table with ids above ``after``, in id order."""
        return self._read(
            lambda c: c.execute(
                f"SELECT {COPIED[table]} FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
                (after, limit),
            ).fetchall()
        )

    def rows_with_ids(self, table: str, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """The rows among ``ids`` this store holds."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found = self._read(
            lambda c: c.execute(
                f"SELECT {COPIED[table]} FROM {table} WHERE id IN ({marks})", list(ids)
            ).fetchall()
        )
        return {int(r[0]): tuple(r) for r in found}

    def insert_rows(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows, ids kept, in one transaction."""
        marks = ",".join("?" * len(COPIED[table].split(", ")))
        with self._write() as conn:
            conn.executemany(f"INSERT INTO {table} ({COPIED[table]}) VALUES ({marks})", rows)

    # Feeds -------------------------------------------------------------------------------

    def add_feed(self, url: str, interval_seconds: int, source: str | None, now: str) -> Feed:
        """Register a feed, first polled at ``now``; Conflict when its URL is known."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
                raise Conflict(f"feed {url} is already registered")
            (row,) = conn.execute(
                "INSERT INTO feeds (url, interval_seconds, source, next_poll) "
                "VALUES (?, ?, ?, ?) RETURNING id",
                (url, interval_seconds, source, now),
            ).fetchall()  # fetched to the end: sqlite3 finishes the statement
            return _feed(conn, int(row[0]))

    def feeds(self) -> list[Feed]:
        """Every feed, oldest first."""
        return self._read(
            lambda c: [Feed(*r) for r in c.execute(f"SELECT {_FEED} FROM feeds ORDER BY id")]
        )

    def due_feeds(self, now: str) -> list[Feed]:
        """Feeds whose next poll is due."""
        return self._read(
            lambda c: [
                Feed(*r)
                for r in c.execute(
                    f"SELECT {_FEED} FROM feeds WHERE next_poll <= ? ORDER BY next_poll", (now,)
                )
            ]
        )

    def delete_feed(self, feed_id: int) -> None:
        """Stop polling a feed (its reports stay)."""
        with self._write() as conn:
            if conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount == 0:
                raise NotFound(f"No feed {feed_id}")

    def record_poll(self, feed: Feed) -> None:
        """Save what a poll learnt (validators, counters, status, next poll)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE feeds SET etag = ?, modified = ?, last_poll = ?, last_status = ?, "
                "items_seen = ?, reports_stored = ?, errors = ?, next_poll = ? WHERE id = ?",
                (
                    feed.etag,
                    feed.modified,
                    feed.last_poll,
                    feed.last_status,
                    feed.items_seen,
                    feed.reports_stored,
                    feed.errors,
                    feed.next_poll,
                    feed.id,
                ),
            )

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of these URLs belong to stored reports (feed items already read)."""
        if not urls:
            return set()
        marks = ",".join("?" * len(urls))
        return self._read(
            lambda c: {
                str(r[0])
                for r in c.execute(f"SELECT url FROM reports WHERE url IN ({marks})", urls)
            }
        )

    # Subscriptions and deliveries --------------------------------------------------------

    def add_subscription(
        self, url: str, secret: str, filters: str, last_seq: int, now: str
    ) -> Subscription:
        """A webhook that receives the matching changes after ``last_seq``."""
        with self._write() as conn:
            (row,) = conn.execute(
                "INSERT INTO subscriptions (url, secret, filters, last_seq, created_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (url, secret, filters, last_seq, now),
            ).fetchall()
            return _subscription(conn, int(row[0]))

    def subscriptions(self) -> list[Subscription]:
        """Every subscription, oldest first."""
        return self._read(
            lambda c: [
                Subscription(*r) for r in c.execute(f"SELECT {_SUB} FROM subscriptions ORDER BY id")
            ]
        )

    def subscription(self, subscription_id: int) -> Subscription:
        """One subscription; NotFound when absent."""
        return self._read(lambda c: _subscription(c, subscription_id))

    def delete_subscription(self, subscription_id: int) -> None:
        """Remove a subscription and its queued deliveries."""
        with self._write() as conn:
            if conn.execute("DELETE FROM subscriptions WHERE id = ?", (subscription_id,)).rowcount:
                return
        raise NotFound(f"No subscription {subscription_id}")

    def enqueue(
        self,
        subscription_id: int,
        items: Sequence[tuple[int, int, str]],
        last_seq: int,
        now: str,
    ) -> None:
        """Queue deliveries (seq, event id, body) and move the subscription's mark, at once."""
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO deliveries (subscription_id, seq, event_id, body, next_attempt_at) "
                "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = ?)",
                [(subscription_id, s, e, b, now, subscription_id) for s, e, b in items],
            )
            conn.execute(
                "UPDATE subscriptions SET last_seq = ? WHERE id = ?", (last_seq, subscription_id)
            )

    def due_deliveries(self, now: str, limit: int = 100) -> list[Delivery]:
        """Pending deliveries whose next attempt is due, oldest first."""
        return self._read(
            lambda c: [
                Delivery(*r)
                for r in c.execute(
                    f"SELECT {_DELIVERY} FROM deliveries WHERE status = 'pending' "
                    "AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                    (now, limit),
                )
            ]
        )

    def record_delivery(self, delivery: Delivery) -> None:
        """Save an attempt's outcome."""
        with self._write() as conn:
            conn.execute(
                "UPDATE deliveries SET attempts = ?, status = ?, next_attempt_at = ?, "
                "last_status = ?, last_error = ?, delivered_at = ? WHERE id = ?",
                (
                    delivery.attempts,
                    delivery.status,
                    delivery.next_attempt_at,
                    delivery.last_status,
                    delivery.last_error,
                    delivery.delivered_at,
                    delivery.id,
                ),
            )

    def deliveries(self, subscription_id: int, limit: int = 100) -> list[Delivery]:
        """A subscription's deliveries, newest first."""
        self.subscription(subscription_id)
        return self._read(
            lambda c: [
                Delivery(*r)
                for r in c.execute(
                    f"SELECT {_DELIVERY} FROM deliveries WHERE subscription_id = ? "
                    "ORDER BY id DESC LIMIT ?",
                    (subscription_id, limit),
                )
            ]
        )

    # Leases ------------------------------------------------------------------------------

    def acquire_lease(self, name: str, holder: str, ttl_seconds: float, now: float) -> bool:
        """Hold ``name`` until now + ttl if it is free, expired or already ours."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT holder, expires_at FROM leases WHERE name = ?", (name,)
            ).fetchone()
            if row is not None and row[0] != holder and row[1] > now:
                return False
            conn.execute(
                "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                "expires_at = excluded.expires_at",
                (name, holder, now + ttl_seconds),
            )
            return True

    def release_lease(self, name: str, holder: str) -> None:
        """Give a lease up (another worker takes it at once)."""
        with self._write() as conn:
            conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))


def _feed(conn: Connection, feed_id: int) -> Feed:
    row = conn.execute(f"SELECT {_FEED} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    if row is None:
        raise NotFound(f"No feed {feed_id}")
    return Feed(*row)


def _subscription(conn: Connection, subscription_id: int) -> Subscription:
    row = conn.execute(f"SELECT {_SUB} FROM subscriptions WHERE id = ?", (subscription_id,))
    found = row.fetchone()
    if found is None:
        raise NotFound(f"No subscription {subscription_id}")
    return Subscription(*found)

"""Live state in the PostGIS store: feeds, webhook subscriptions, their deliveries, leases.

The twin of app/store/sqlite_live.py, with the same semantics: kept in the database, so any
worker or replica can poll or deliver and a restart loses nothing. Writes run under the
store's write lock (one writer at a time), so a lease is taken by exactly one worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TypeVar

import psycopg

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


class PostGISLiveState:
    """Feeds, subscriptions, deliveries and leases on a PostGIS store's pool."""

    def __init__(
        self,
        write: Callable[[], AbstractContextManager[psycopg.Connection]],
        read: Callable[[Callable[[psycopg.Connection], object]], object],
    ) -> None:
        self._write = write
        self._read_any = read

    def _read(self, fn: Callable[[psycopg.Connection], T]) -> T:
        return self._read_any(fn)  # type: ignore[return-value]

    # Feeds -------------------------------------------------------------------------------

    def add_feed(self, url: str, interval_seconds: int, source: str | None, now: str) -> Feed:
        """Register a feed, first polled at ``now``; Conflict when its URL is known."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM feeds WHERE url = %s", (url,)).fetchone():
                raise Conflict(f"feed {url} is already registered")
            row = conn.execute(
                "INSERT INTO feeds (url, interval_seconds, source, next_poll) "
                "VALUES (%s, %s, %s, %s) RETURNING id",
                (url, interval_seconds, source, now),
            ).fetchone()
            return _feed(conn, int(row[0]) if row else 0)

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
                    f"SELECT {_FEED} FROM feeds WHERE next_poll <= %s ORDER BY next_poll", (now,)
                )
            ]
        )

    def delete_feed(self, feed_id: int) -> None:
        """Stop polling a feed (its reports stay)."""
        with self._write() as conn:
            if conn.execute("DELETE FROM feeds WHERE id = %s", (feed_id,)).rowcount == 0:
                raise NotFound(f"No feed {feed_id}")

    def record_poll(self, feed: Feed) -> None:
        """Save what a poll learnt (validators, counters, status, next poll)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE feeds SET etag = %s, modified = %s, last_poll = %s, last_status = %s, "
                "items_seen = %s, reports_stored = %s, errors = %s, next_poll = %s WHERE id = %s",
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
        return self._read(
            lambda c: {
                str(r[0])
                for r in c.execute("SELECT url FROM reports WHERE url = ANY(%s)", (list(urls),))
            }
        )

    # Subscriptions and deliveries --------------------------------------------------------

    def add_subscription(
        self, url: str, secret: str, filters: str, last_seq: int, now: str
    ) -> Subscription:
        """A webhook that receives the matching changes after ``last_seq``."""
        with self._write() as conn:
            row = conn.execute(
                "INSERT INTO subscriptions (url, secret, filters, last_seq, created_at) "
                "VALUES (%s, %s, %s, %s, %s) RETURNING id",
                (url, secret, filters, last_seq, now),
            ).fetchone()
            return _subscription(conn, int(row[0]) if row else 0)

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
            if conn.execute("DELETE FROM subscriptions WHERE id = %s", (subscription_id,)).rowcount:
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
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO deliveries (subscription_id, seq, event_id, body, "
                    "next_attempt_at) SELECT %s, %s, %s, %s, %s "
                    "WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = %s)",
                    [(subscription_id, s, e, b, now, subscription_id) for s, e, b in items],
                )
            conn.execute(
                "UPDATE subscriptions SET last_seq = %s WHERE id = %s", (last_seq, subscription_id)
            )

    def due_deliveries(self, now: str, limit: int = 100) -> list[Delivery]:
        """Pending deliveries whose next attempt is due, oldest first."""
        return self._read(
            lambda c: [
                Delivery(*r)
                for r in c.execute(
                    f"SELECT {_DELIVERY} FROM deliveries WHERE status = 'pending' "
                    "AND next_attempt_at <= %s ORDER BY id LIMIT %s",
                    (now, limit),
                )
            ]
        )

    def record_delivery(self, delivery: Delivery) -> None:
        """Save an attempt's outcome."""
        with self._write() as conn:
            conn.execute(
                "UPDATE deliveries SET attempts = %s, status = %s, next_attempt_at = %s, "
                "last_status = %s, last_error = %s, delivered_at = %s WHERE id = %s",
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
                    f"SELECT {_DELIVERY} FROM deliveries WHERE subscription_id = %s "
                    "ORDER BY id DESC LIMIT %s",
                    (subscription_id, limit),
                )
            ]
        )

    # Leases ------------------------------------------------------------------------------

    def acquire_lease(self, name: str, holder: str, ttl_seconds: float, now: float) -> bool:
        """Hold ``name`` until now + ttl if it is free, expired or already ours."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT holder, expires_at FROM leases WHERE name = %s", (name,)
            ).fetchone()
            if row is not None and row[0] != holder and row[1] > now:
                return False
            conn.execute(
                "INSERT INTO leases (name, holder, expires_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                "expires_at = excluded.expires_at",
                (name, holder, now + ttl_seconds),
            )
            return True

    def release_lease(self, name: str, holder: str) -> None:
        """Give a lease up (another worker takes it at once)."""
        with self._write() as conn:
            conn.execute("DELETE FROM leases WHERE name = %s AND holder = %s", (name, holder))


def _feed(conn: psycopg.Connection, feed_id: int) -> Feed:
    row = conn.execute(f"SELECT {_FEED} FROM feeds WHERE id = %s", (feed_id,)).fetchone()
    if row is None:
        raise NotFound(f"No feed {feed_id}")
    return Feed(*row)


def _subscription(conn: psycopg.Connection, subscription_id: int) -> Subscription:
    row = conn.execute(f"SELECT {_SUB} FROM subscriptions WHERE id = %s", (subscription_id,))
    found = row.fetchone()
    if found is None:
        raise NotFound(f"No subscription {subscription_id}")
    return Subscription(*found)

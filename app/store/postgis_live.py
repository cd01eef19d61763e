"""Live state in the PostGIS store: the statements of app/store/live_state.py on psycopg.

The same semantics as on SQLite: kept in the database, so any worker or replica can poll or
deliver and a restart loses nothing. Writes run under the store's write lock (one writer at a
time), so a lease is taken by exactly one worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import psycopg

from app.store.live_state import LiveState, PercentMarks


class PostGISLiveState(LiveState):
    """Feeds, subscriptions, deliveries and leases on a PostGIS store's pool."""

    def __init__(
        self,
        write: Callable[[], AbstractContextManager[psycopg.Connection]],
        read: Callable[[Callable[[psycopg.Connection], object]], object],
    ) -> None:
        @contextmanager
        def marked_write() -> Iterator[PercentMarks]:
            with write() as conn:
                yield PercentMarks(conn)

        def marked_read(fn: Callable[[PercentMarks], object]) -> object:
            return read(lambda conn: fn(PercentMarks(conn)))

        super().__init__(marked_write, marked_read)

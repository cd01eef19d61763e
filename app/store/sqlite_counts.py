"""numberMatched without a count per request: counts cached until the events change.

A count over a million rows costs more than the page it goes with (a month of events, the
date index then a row read per event to check where the interval ends: 100 ms). One cache
per store serves every thread's connection, keyed by the WHERE clause and its parameters and
valid for one state of the events: the change feed's last number (every insert, update and
delete of an event numbers a change, by trigger or, in a bulk import, in the same
transaction; ``sqlite_sequence`` keeps it even when old changes are pruned) and whether an
import's R*Tree and FTS build is pending (the build changes what box and text filters
match without numbering a change). Writes to other tables (leases, feeds, deliveries) leave
the counts alone, as they leave the events.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_ENTRIES = 512
_STATE = (
    "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'changes'), "
    "(SELECT value FROM meta WHERE key = 'indexes_deferred')"
)


class CountCache:
    """The counts a store made, valid while the events are unchanged."""

    def __init__(self) -> None:
        self._entries: OrderedDict[Hashable, int] = OrderedDict()
        self._state: tuple[object, ...] | None = None
        self._lock = threading.Lock()

    def note_write(self) -> None:
        """A write is about to happen on this store: drop everything (the state read next
        time tells anyway; this only frees the memory early)."""
        with self._lock:
            self._entries.clear()
            self._state = None

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], int]) -> int:
        """The cached count for ``key``, or ``compute()`` (then cached)."""
        state = tuple(conn.execute(_STATE).fetchone())
        with self._lock:
            if state != self._state:
                self._entries.clear()
                self._state = state
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            if state == self._state:  # no other thread saw a newer state meanwhile
                self._entries[key] = value
                if len(self._entries) > MAX_ENTRIES:
                    self._entries.popitem(last=False)
        return value

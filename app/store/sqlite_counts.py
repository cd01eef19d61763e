"""numberMatched without a count per request: counts cached until the data changes.

A count over a million rows costs more than the page it goes with. Each connection keeps the
counts it made, keyed by the WHERE clause and its parameters, and drops them all when
``PRAGMA data_version`` says another connection (another thread, worker or a CLI import)
committed, or when this connection wrote (``note_write``).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_ENTRIES = 512


class CountCache:
    """The counts one connection made, valid while the data is unchanged."""

    def __init__(self) -> None:
        self._entries: OrderedDict[Hashable, int] = OrderedDict()
        self._version: int | None = None

    def note_write(self) -> None:
        """This connection committed: its own writes do not move ``data_version``."""
        self._entries.clear()

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], int]) -> int:
        """The cached count for ``key``, or ``compute()`` (then cached)."""
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._entries.clear()
            self._version = version
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = compute()
        self._entries[key] = value
        if len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)
        return value

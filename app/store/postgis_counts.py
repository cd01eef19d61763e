"""numberMatched on PostGIS without a count per request: counts cached per change number.

The twin of app/store/sqlite_counts.py. Each worker keeps the counts it made, keyed by the
WHERE clause and its parameters, for the newest change number it saw (``changes.seq``: every
insert, update and delete of an event takes one, whichever worker or machine made it). A
request reads that number in the snapshot its page is read in; when it moved, every count is
dropped. Nothing here is needed by another worker: a fresh worker just counts again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_ENTRIES = 512


class SeqCountCache:
    """The counts one worker made, valid while the newest change number is unchanged."""

    def __init__(self) -> None:
        self._entries: OrderedDict[Hashable, int] = OrderedDict()
        self._seq: int | None = None
        self._lock = threading.Lock()

    def get(self, seq: int, key: Hashable, compute: Callable[[], int]) -> int:
        """The count for ``key`` at change number ``seq``, or ``compute()`` (then cached)."""
        with self._lock:
            if seq != self._seq:
                self._entries.clear()
                self._seq = seq
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            if seq == self._seq:
                self._entries[key] = value
                if len(self._entries) > MAX_ENTRIES:
                    self._entries.popitem(last=False)
        return value

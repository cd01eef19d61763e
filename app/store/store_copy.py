"""Copy a whole store to another backend (``geoevents migrate-store``), idempotently.

Every table is read in id order and written with its ids kept, so event URLs, cursors,
report links and the audit trail mean the same on the target. A row whose id the target
already holds is skipped when it is the same row (a repeated or resumed copy) and is an
error when it differs (the target is another store): nothing is overwritten or dropped
silently. Each batch is one transaction on the target; the indexed columns (geometry,
dates, words) are rebuilt from each event's Feature text by the target backend.

The live state follows (feeds, webhook subscriptions, their deliveries; ids kept), through
the statements both backends share (app/store/live_state.py). The target numbers its change
feed anew (one change per copied event), so a copied subscription's mark (``last_seq``) is
set to the target's newest change number at the time of the copy: it receives what changes
on the target from then on, and its deliveries already queued are copied with it. Leases
are not copied (they name worker processes of the source).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import InvalidInput, StoreError
from app.store.live_state import COPIED, LiveState

#: Copy order: a row's references are copied before it.
TABLES = ("reports", "events", "observations", "audit")
#: The live tables, copied after the events (see live_state.COPIED).
LIVE_TABLES = tuple(COPIED)
Row = tuple[Any, ...]
#: Columns that name a live row (the rest may move on as the target works: polls, attempts).
_LIVE_IDENTITY = {"feeds": (0, 1), "subscriptions": (0, 1, 2, 3, 5), "deliveries": (0, 1, 2, 3, 4)}


class _Store(Protocol):
    """What a copy needs of a store besides its rows."""

    @property
    def live(self) -> LiveState:
        """Feeds, subscriptions, deliveries (rows read and written by live_state)."""
        ...

    def last_seq(self) -> int:
        """The newest change number."""
        ...


class RowStore(Protocol):
    """A backend's raw rows, in the canonical shape of each table:

    - reports: (id, content_hash, url, title, source, published ISO date, text, ingested_at)
    - events: (id, feature, updated_at, import_key)
    - observations: (id, event_id, report_id, feature)
    - audit: (id, event_id, last_event_id, at, who, action, detail)
    """

    @property
    def store(self) -> _Store:
        """The store the rows belong to."""
        ...

    def count(self, table: str) -> int:
        """Rows in a table."""
        ...

    def read(self, table: str, after: int, limit: int) -> list[Row]:
        """Up to ``limit`` rows with ids above ``after``, in id order."""
        ...

    def existing(self, table: str, ids: Sequence[int]) -> dict[int, Row]:
        """The rows among ``ids`` this store already holds."""
        ...

    def write(self, table: str, rows: Sequence[Row]) -> None:
        """Insert rows (none of which exists yet) in one transaction, ids kept."""
        ...

    def finish(self) -> None:
        """After the copy: refresh statistics, move id sequences past the copied ids."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...


@dataclass
class CopyReport:
    """What a copy did, per table."""

    copied: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((*TABLES, *LIVE_TABLES), 0)
    )
    present: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((*TABLES, *LIVE_TABLES), 0)
    )
    #: The change number copied subscriptions resume from on the target.
    resumed_at: int = 0


def open_rows(url: str) -> RowStore:
    """The raw rows of the store a URL names (its schema migrated to this release)."""
    match url.split("://", 1)[0]:
        case "sqlite":
            from app.store.sqlite import SQLiteStore
            from app.store.sqlite_copy import SQLiteRows

            return SQLiteRows(SQLiteStore.from_url(url))
        case "postgresql" | "postgres":
            try:
                from app.store.postgis import PostGISStore
                from app.store.postgis_copy import PostGISRows
            except ImportError as exc:
                raise StoreError(
                    "The PostGIS backend needs its driver: pip install 'geoevents[postgis]'"
                ) from exc
            return PostGISRows(PostGISStore.from_url(url))
        case other:
            raise StoreError(f"Unknown database scheme {other!r}")


def copy_store(
    source: RowStore,
    target: RowStore,
    batch: int = 5000,
    progress: Callable[[str, int], None] = lambda table, n: None,
) -> CopyReport:
    """Copy every row of ``source`` that ``target`` lacks; ``progress(table, rows)`` per batch.

    Raises InvalidInput, before writing anything, when the target holds a different row
    under one of the source's ids (checked in a first pass unless the target is empty).
    """
    if any(target.count(table) for table in TABLES) or any(
        target.store.live.rows(table, 0, 1) for table in LIVE_TABLES
    ):
        for table in TABLES:  # a first, read-only pass: refuse before writing anything
            for rows in _batches(source, table, batch):
                _check(table, rows, target.existing(table, [int(r[0]) for r in rows]))
        for table in LIVE_TABLES:
            for rows in _live_batches(source, table, batch):
                ids = [int(r[0]) for r in rows]
                _check(table, rows, target.store.live.rows_with_ids(table, ids))
    report = CopyReport()
    for table in TABLES:
        for rows in _batches(source, table, batch):
            have = target.existing(table, [int(r[0]) for r in rows])
            _check(table, rows, have)
            new = [r for r in rows if r[0] not in have]
            if new:
                target.write(table, new)
            report.copied[table] += len(new)
            report.present[table] += len(rows) - len(new)
            progress(table, len(rows))
    report.resumed_at = target.store.last_seq()
    for table in LIVE_TABLES:
        for rows in _live_batches(source, table, batch):
            have = target.store.live.rows_with_ids(table, [int(r[0]) for r in rows])
            _check(table, rows, have)
            new = [r for r in rows if r[0] not in have]
            if table == "subscriptions":  # see the module docstring
                new = [(*r[:4], report.resumed_at, *r[5:]) for r in new]
            if new:
                target.store.live.insert_rows(table, new)
            report.copied[table] += len(new)
            report.present[table] += len(rows) - len(new)
    target.finish()
    return report


def _live_batches(source: RowStore, table: str, batch: int) -> Iterator[list[Row]]:
    after = 0
    while rows := source.store.live.rows(table, after, batch):
        yield rows
        after = int(rows[-1][0])


def _batches(source: RowStore, table: str, batch: int) -> Iterator[list[Row]]:
    after = 0
    while rows := source.read(table, after, batch):
        yield rows
        after = int(rows[-1][0])


def _check(table: str, rows: list[Row], have: dict[int, Row]) -> None:
    differ = [r[0] for r in rows if r[0] in have and not _same(table, have[r[0]], r)]
    if differ:
        raise InvalidInput(
            f"the target holds other {table} under the same ids "
            f"({', '.join(map(str, differ[:5]))}): it is not a copy of this store"
        )


def _same(table: str, a: Row, b: Row) -> bool:
    """Whether two rows are one row (an event's updated_at may differ on a re-copy)."""
    if table == "events":
        return bool(a[1] == b[1])
    if table in _LIVE_IDENTITY:
        return [a[i] for i in _LIVE_IDENTITY[table]] == [b[i] for i in _LIVE_IDENTITY[table]]
    return tuple(str(v) if v is not None else None for v in a) == tuple(
        str(v) if v is not None else None for v in b
    )

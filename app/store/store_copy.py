"""Copy a whole store to another backend (``geoevents migrate-store``), idempotently.

Every table is read in id order and written with its ids kept, so event URLs, cursors,
report links and the audit trail mean the same on the target. A row whose id the target
already holds is skipped when it is the same row (a repeated or resumed copy) and is an
error when it differs (the target is another store): nothing is overwritten or dropped
silently. Each batch is one transaction on the target; the indexed columns (geometry,
dates, words) are rebuilt from each event's Feature text by the target backend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import InvalidInput, StoreError

#: Copy order: a row's references are copied before it.
TABLES = ("reports", "events", "observations", "audit")
Row = tuple[Any, ...]


class RowStore(Protocol):
    """A backend's raw rows, in the canonical shape of each table:

    - reports: (id, content_hash, url, title, source, published ISO date, text, ingested_at)
    - events: (id, feature, updated_at, import_key)
    - observations: (id, event_id, report_id, feature)
    - audit: (id, event_id, last_event_id, at, who, action, detail)
    """

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

    copied: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))


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
    if any(target.count(table) for table in TABLES):
        for table in TABLES:  # a first, read-only pass: refuse before writing anything
            for rows in _batches(source, table, batch):
                _check(table, rows, target.existing(table, [int(r[0]) for r in rows]))
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
    target.finish()
    return report


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
    return tuple(str(v) if v is not None else None for v in a) == tuple(
        str(v) if v is not None else None for v in b
    )

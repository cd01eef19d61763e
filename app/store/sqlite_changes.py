"""The change feed of the SQLite store: numbered changes, filtered like /events.

Each page holds, for every event changed after ``after``, only its latest change, in sequence
order; the ``last_seq`` of a page is where the next page starts. A follower that applies the
pages in order therefore ends with exactly the store's events. With filters, an upsert whose
event no longer matches is sent as a delete (the follower may hold it from before).
"""

from __future__ import annotations

import dataclasses
import sqlite3

from app.domain import Change, ChangePage, EventQuery
from app.store import sql_query
from app.store.sqlite_reads import max_span

_PAGE = """
SELECT c.seq, c.event_id, c.op FROM changes c
WHERE c.seq > ? AND NOT EXISTS (
    SELECT 1 FROM changes later WHERE later.event_id = c.event_id AND later.seq > c.seq
)
ORDER BY c.seq LIMIT ?
"""


def last_seq(conn: sqlite3.Connection) -> int:
    """The newest change's number (0 for a store that has none)."""
    row = conn.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0)


def changes(conn: sqlite3.Connection, q: EventQuery, after: int, limit: int) -> ChangePage:
    """Up to ``limit`` changes after ``after`` that matter to a follower of ``q``.

    Read in one transaction: the page and the newest number come from the same snapshot, so
    a change committed meanwhile is never skipped.
    """
    conn.execute("BEGIN")
    try:
        return _changes(conn, q, after, limit)
    finally:
        conn.execute("COMMIT")


def _changes(conn: sqlite3.Connection, q: EventQuery, after: int, limit: int) -> ChangePage:
    rows = conn.execute(_PAGE, (after, limit)).fetchall()
    upserts = [event_id for _seq, event_id, op in rows if op == "upsert"]
    features: dict[int, str] = {}
    for start in range(0, len(upserts), 500):
        ids = upserts[start : start + 500]
        sql = sql_query.where(dataclasses.replace(q, cursor=None), max_span(conn))
        marks = ",".join("?" * len(ids))
        features.update(
            conn.execute(
                f"SELECT id, feature FROM events WHERE id IN ({marks}) AND {sql.where}",
                [*ids, *sql.params],
            ).fetchall()
        )
    out = [
        Change(seq, "upsert", event_id, features[event_id])
        if op == "upsert" and event_id in features
        else Change(seq, "delete", event_id)
        for seq, event_id, op in rows
    ]
    if len(rows) == limit:
        return ChangePage(out, int(rows[-1][0]))
    # The page holds everything up to now: the next call may start from the newest number,
    # even when the newest changes were superseded ones a follower never needs.
    return ChangePage(out, max(after, last_seq(conn)))

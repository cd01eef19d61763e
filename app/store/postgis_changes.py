"""The change feed of the PostGIS store: numbered changes, filtered like /events.

The same rules as on SQLite (app/store/sqlite_changes.py): each page holds, for every event
changed after ``after``, only its latest change, in sequence order; with filters, an upsert
whose event no longer matches is sent as a delete. The page and the newest number are read in
one REPEATABLE READ snapshot, so a change committed meanwhile is never skipped; writers hold
the write lock, so numbers follow commit order.
"""

from __future__ import annotations

import dataclasses

import psycopg

from app.domain import Change, ChangePage, EventQuery
from app.store import postgis_sql

_PAGE = """
SELECT c.seq, c.event_id, c.op FROM changes c
WHERE c.seq > %s AND NOT EXISTS (
    SELECT 1 FROM changes later WHERE later.event_id = c.event_id AND later.seq > c.seq
)
ORDER BY c.seq LIMIT %s
"""


def last_seq(conn: psycopg.Connection) -> int:
    """The newest change's number (0 for a store that has none)."""
    row = conn.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0) if row else 0


def changes(conn: psycopg.Connection, q: EventQuery, after: int, limit: int) -> ChangePage:
    """Up to ``limit`` changes after ``after`` that matter to a follower of ``q``.

    ``conn`` must be outside a transaction: this opens a read-only snapshot of its own.
    """
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    rows = [(int(s), int(e), str(o)) for s, e, o in conn.execute(_PAGE, (after, limit))]
    upserts = [event_id for _seq, event_id, op in rows if op == "upsert"]
    features: dict[int, str] = {}
    if upserts:
        sql = postgis_sql.where(dataclasses.replace(q, cursor=None))
        features.update(
            (int(i), str(f))
            for i, f in conn.execute(
                f"SELECT id, feature FROM events WHERE id = ANY(%s) AND {sql.where}",
                [upserts, *sql.params],
            )
        )
    out = [
        Change(seq, "upsert", event_id, features[event_id])
        if op == "upsert" and event_id in features
        else Change(seq, "delete", event_id)
        for seq, event_id, op in rows
    ]
    if len(rows) == limit:
        return ChangePage(out, rows[-1][0])
    # Everything up to now is in the page: the next one may start from the newest number.
    return ChangePage(out, max(after, last_seq(conn)))

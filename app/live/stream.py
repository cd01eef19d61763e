"""The push stream: Server-Sent Events carrying the change feed as it grows."""

from __future__ import annotations

from collections.abc import AsyncIterator

from anyio import to_thread

from app.domain import EventQuery
from app.live.notify import ChangeNotifier
from app.store.base import EventStore

#: Changes read per round trip to the store.
BATCH = 500
#: A comment line this often keeps proxies from closing an idle stream.
KEEPALIVE_SECONDS = 15.0


async def messages(
    store: EventStore, notifier: ChangeNotifier, query: EventQuery, after: int
) -> AsyncIterator[dict[str, str]]:
    """SSE messages (``event``/``delete``, ``id`` = change number) after ``after``, forever.

    ``event`` carries the Feature, ``delete`` the event id; a client that reconnects with
    ``Last-Event-ID`` resumes right after the last message it saw.
    """
    seq = after
    while True:
        page = await to_thread.run_sync(store.changes, query, seq, BATCH)
        for change in page.changes:
            if change.op == "upsert" and change.feature is not None:
                yield {"event": "event", "id": str(change.seq), "data": change.feature}
            else:
                yield {"event": "delete", "id": str(change.seq), "data": str(change.id)}
        seq = page.last_seq
        if len(page.changes) < BATCH:
            await notifier.wait(seq, KEEPALIVE_SECONDS)

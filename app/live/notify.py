"""Wake stream clients when the change feed moves.

One task per worker asks the store for its newest change number every ``interval`` seconds
(cheap: the largest key of one table) and wakes every waiting client; writes made by this
worker call :meth:`ChangeNotifier.poke` to wake them at once. Polling the database, not
process memory, is what lets a client of one worker see writes made by another.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from anyio import to_thread

from app.store.base import EventStore

log = logging.getLogger(__name__)


class ChangeNotifier:
    """The newest change number, and a way to wait for a newer one."""

    def __init__(self, store: EventStore, interval: float = 0.5) -> None:
        self.store = store
        self.interval = interval
        self.last_seq = 0
        self._changed = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Read the current number and start watching."""
        self.last_seq = await to_thread.run_sync(self.store.last_seq)
        self._task = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        """Stop watching."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def poke(self) -> None:
        """Re-read the number now (after a write by this worker)."""
        await self._refresh()

    async def wait(self, after: int, timeout: float) -> int:
        """Return the newest number as soon as it is past ``after``, or after ``timeout``."""
        async with self._changed:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: self.last_seq > after), timeout
                )
            return self.last_seq

    async def _refresh(self) -> None:
        seq = await to_thread.run_sync(self.store.last_seq)
        if seq != self.last_seq:
            async with self._changed:
                self.last_seq = seq
                self._changed.notify_all()

    async def _watch(self) -> None:
        while True:
            try:
                await self._refresh()
            except Exception:  # a store hiccup must not end the stream for everyone
                log.exception("change notifier: cannot read the newest change")
            await asyncio.sleep(self.interval)

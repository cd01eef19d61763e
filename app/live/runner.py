"""The one background runner: feeds polled and webhooks delivered by exactly one worker.

Every worker of every replica starts a runner; each round it tries to take (or renew) the
database lease :data:`LEASE`, and only the holder works. A holder that dies stops renewing,
and another takes over once the lease expires. The work itself is synchronous (HTTP and the
store) and runs in a thread, so the event loop keeps serving requests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid

from anyio import to_thread

from app.ingest import Ingestor
from app.live.clock import Clock
from app.live.feeds import FeedPoller
from app.live.outbound import outbound_client
from app.live.webhooks import BACKOFF, WebhookDeliverer

log = logging.getLogger(__name__)

LEASE = "live-runner"


class LiveRunner:
    """Poll feeds and deliver webhooks while holding the lease."""

    def __init__(
        self,
        ingestor: Ingestor,
        clock: Clock,
        interval: float = 1.0,
        lease_seconds: float = 30.0,
        timeout: float = 10.0,
        backoff: tuple[float, ...] = BACKOFF,
        allow_private: bool = False,
    ) -> None:
        self.store = ingestor.store
        self.clock = clock
        self.interval = interval
        self.lease_seconds = lease_seconds
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.client = outbound_client(timeout, allow_private)
        self.feeds = FeedPoller(ingestor, clock, self.client)
        self.webhooks = WebhookDeliverer(self.store, clock, self.client, backoff)
        self._task: asyncio.Task[None] | None = None

    def run_once(self) -> bool:
        """One round, if this runner holds the lease; False when another worker does."""
        if not self.store.live.acquire_lease(
            LEASE, self.holder, self.lease_seconds, self.clock.now()
        ):
            return False
        self.feeds.poll_due()
        self.webhooks.enqueue_new()
        self.webhooks.deliver_due()
        return True

    async def start(self) -> None:
        """Run rounds every ``interval`` seconds until stopped."""
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop, give the lease up and close the HTTP client."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        with contextlib.suppress(Exception):
            await to_thread.run_sync(self.store.live.release_lease, LEASE, self.holder)
        self.client.close()

    def close(self) -> None:
        """Give the lease up and close the HTTP client (synchronous callers)."""
        with contextlib.suppress(Exception):
            self.store.live.release_lease(LEASE, self.holder)
        self.client.close()

    def run_forever(self) -> None:
        """Rounds until interrupted (``geoevents watch``)."""
        try:
            while True:
                try:
                    self.run_once()
                except Exception:
                    log.exception("live runner round failed")
                time.sleep(self.interval)
        finally:
            self.close()

    async def _loop(self) -> None:
        while True:
            try:
                await to_thread.run_sync(self.run_once)
            except Exception:  # one bad round (a store hiccup) must not stop the runner
                log.exception("live runner round failed")
            await asyncio.sleep(self.interval)

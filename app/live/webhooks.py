"""Webhooks: matching changes queued per subscription, posted signed, retried with back-off.

Each round (1) reads, for every subscription, the change feed after its mark with its own
filters and queues one delivery per new or updated event, moving the mark in the same
transaction; (2) posts every due delivery. The body is the change as JSON; the signature is
``X-GeoEvents-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>``. A failure
(no answer, or a status outside 2xx) is retried after the next delay of :data:`BACKOFF`
(six tries over about an hour), then marked failed. The queue is in the database, so a
restart resumes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import logging

import httpx
import orjson

from app import __version__
from app.domain import Delivery
from app.live.clock import Clock, stamp
from app.live.query_codec import load_query
from app.store.base import EventStore

log = logging.getLogger(__name__)

#: Seconds to wait after the 1st, 2nd... failed attempt; after the last, the delivery fails.
BACKOFF: tuple[float, ...] = (60, 300, 600, 1200, 1800)
SIGNATURE_HEADER = "X-GeoEvents-Signature"
USER_AGENT = f"geoevents/{__version__} (webhook)"
BATCH = 500


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for a body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookDeliverer:
    """Queue and send webhook deliveries."""

    def __init__(
        self,
        store: EventStore,
        clock: Clock,
        client: httpx.Client,
        backoff: tuple[float, ...] = BACKOFF,
    ) -> None:
        self.store = store
        self.clock = clock
        self.client = client
        self.backoff = backoff

    def enqueue_new(self) -> int:
        """Queue deliveries for every change past each subscription's mark."""
        queued = 0
        for sub in self.store.live.subscriptions():
            query = load_query(orjson.loads(sub.filters)["resolved"])
            page = self.store.changes(query, sub.last_seq, BATCH)
            items = [
                (c.seq, c.id, _body(c.seq, c.id, sub.id, c.feature))
                for c in page.changes
                if c.op == "upsert" and c.feature is not None
            ]
            if items or page.last_seq != sub.last_seq:
                self.store.live.enqueue(sub.id, items, page.last_seq, stamp(self.clock.now()))
                queued += len(items)
        return queued

    def deliver_due(self) -> int:
        """Post every due delivery once; returns how many succeeded."""
        delivered = 0
        now = self.clock.now()
        secrets = {s.id: s for s in self.store.live.subscriptions()}
        for delivery in self.store.live.due_deliveries(stamp(now)):
            sub = secrets.get(delivery.subscription_id)
            if sub is None:
                continue
            body = delivery.body.encode()
            status: int | None = None
            error: str | None = None
            try:
                response = self.client.post(
                    sub.url,
                    content=body,
                    headers={
                        "Content-Type": "application/json",
                        SIGNATURE_HEADER: sign(sub.secret, body),
                        "User-Agent": USER_AGENT,
                    },
                )
                status = response.status_code
                if not 200 <= status < 300:
                    error = f"HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
            attempts = delivery.attempts + 1
            if error is None:
                outcome = dataclasses.replace(
                    delivery,
                    attempts=attempts,
                    status="delivered",
                    last_status=status,
                    last_error=None,
                    delivered_at=stamp(now),
                )
                delivered += 1
            else:
                outcome = self._retry(delivery, attempts, status, error, now)
            self.store.live.record_delivery(outcome)
        return delivered

    def _retry(
        self, delivery: Delivery, attempts: int, status: int | None, error: str, now: float
    ) -> Delivery:
        failed = attempts > len(self.backoff)
        if failed:
            log.warning("webhook delivery %s failed for good: %s", delivery.id, error)
        wait = 0.0 if failed else self.backoff[attempts - 1]
        return dataclasses.replace(
            delivery,
            attempts=attempts,
            status="failed" if failed else "pending",
            next_attempt_at=stamp(now + wait),
            last_status=status,
            last_error=error,
        )


def _body(seq: int, event_id: int, subscription_id: int, feature: str | None) -> str:
    return (
        f'{{"subscription":{subscription_id},"seq":{seq},"op":"upsert","id":"{event_id}",'
        f'"feature":{feature}}}'
    )

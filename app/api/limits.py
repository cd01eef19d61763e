"""Per-key and per-address rate limits on writes and on expensive reads (429, Retry-After).

Counted in the database (:mod:`app.store.counters`), so several workers share one budget.
Writes are POST, PUT, PATCH and DELETE; expensive reads are the queries and exports of
events, the map and its cluster data, OGC items and the extraction endpoints (CPU-bound).
A request counts against its client address and, when it carries an API key, against that
key (a fingerprint of it: keys themselves are never stored or logged). The limits are
LimitSettings; 0 turns one off.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Callable
from typing import Literal

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.deps import presented_key
from app.api.problems import domain_problem
from app.errors import RateLimited, StoreError
from app.settings import LimitSettings
from app.store.counters import RateCounter

log = logging.getLogger(__name__)
Kind = Literal["write", "read"]

_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Reads whose cost grows with the data or the text (and POSTs that store nothing).
_EXPENSIVE = frozenset(
    {"/events", "/events.csv", "/events.geojsonl", "/events/clusters", "/map", "/map/embed"}
)
_CPU_POSTS = frozenset({"/extract", "/geoparse"})


def classify(method: str, path: str) -> Kind | None:
    """Which budget a request draws on, if any."""
    if method == "POST" and path in _CPU_POSTS:
        return "read"
    if method in _WRITES:
        return "write"
    if method in ("GET", "HEAD") and (
        path in _EXPENSIVE or (path.startswith("/collections/") and path.endswith("/items"))
    ):
        return "read"
    return None


class RateLimiter:
    """ASGI middleware counting requests per window in the shared counters."""

    def __init__(
        self,
        app: ASGIApp,
        settings: LimitSettings,
        counters: Callable[[], RateCounter],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.settings = settings
        self.counters = counters
        self.clock = clock

    def _limits(self, kind: Kind) -> tuple[int, int]:
        s = self.settings
        if kind == "write":
            return s.write_limit_per_key, s.write_limit_per_ip
        return s.read_limit_per_key, s.read_limit_per_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the request; answer 429 when a budget of this window is spent."""
        kind = classify(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if kind is None:
            await self.app(scope, receive, send)
            return
        per_key, per_ip = self._limits(kind)
        buckets: list[tuple[str, int]] = []
        if per_ip:
            client = scope.get("client")
            buckets.append((f"{kind}:ip:{client[0] if client else 'unknown'}", per_ip))
        key = presented_key(Headers(scope=scope))
        if per_key and key:
            fingerprint = hashlib.sha256(key.encode()).hexdigest()[:16]
            buckets.append((f"{kind}:key:{fingerprint}", per_key))
        if not buckets:
            await self.app(scope, receive, send)
            return
        window = self.settings.rate_window_seconds
        now = self.clock()
        slot = int(now // window)
        try:
            counts = await anyio.to_thread.run_sync(
                self.counters().hit, [b for b, _ in buckets], slot
            )
        except StoreError as exc:
            # Fail open: a busy counter table must not turn reads and writes into errors.
            log.warning("rate limit not applied: %s", exc.log_message)
            counts = [0] * len(buckets)
        for (bucket, limit), count in zip(buckets, counts, strict=True):
            if count > limit:
                retry = max(1, math.ceil((slot + 1) * window - now))
                who = "key" if ":key:" in bucket else "address"
                refusal = RateLimited(
                    f"more than {limit} {kind}s in {window} s from this {who}; retry in {retry} s",
                    retry_after=retry,
                )
                response = domain_problem(refusal, scope["method"], scope["path"])
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

"""Request ids, the access log and the metrics of every request; GET /metrics.

A request id comes from the client's ``X-Request-ID`` when it is a short token (letters,
digits, ``.-_:``) and is generated otherwise; it is echoed in the response's ``X-Request-ID``
and carried by every log line written while the request runs.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Sequence

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.deps import MetricsDep
from app.logs import request_id
from app.metrics import CONTENT_TYPE, Metrics

access = logging.getLogger("app.access")
router = APIRouter(tags=["service"])
_TOKEN = re.compile(r"[A-Za-z0-9._:-]{1,128}")
REQUEST_ID = b"x-request-id"


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID:
            text: str = value.decode("latin-1")
            if _TOKEN.fullmatch(text):
                return text
            break
    return uuid.uuid4().hex


def route_template(scope: Scope, routes: Sequence[BaseRoute]) -> str:
    """The route's path template ("/events/{event_id}"): bounded metric labels. A request
    refused before routing (by the input guard or a rate limit) is matched here."""
    route = scope.get("route")
    if route is None:
        route = next((r for r in routes if r.matches(scope)[0] != Match.NONE), None)
    path: object = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContext:
    """ASGI middleware: request id in, request id out, one access line and metrics each."""

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request inside its context and record how it ended."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _request_id(scope)
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (REQUEST_ID, rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_template(scope, self.routes)
            self.metrics.observe(scope["method"], route, status, seconds)
            access.info(
                "%s %s %s",
                scope["method"],
                route,
                status,
                extra={
                    "method": scope["method"],
                    "route": route,
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                },
            )
            request_id.reset(token)


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE: {}}}})
def metrics(registry: MetricsDep) -> Response:
    """Prometheus text format: requests by route template and status, latency histogram,
    reports and events stored, ingest errors (every worker's)."""
    return Response(registry.render(), media_type=CONTENT_TYPE)

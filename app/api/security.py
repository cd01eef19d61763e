"""Security headers on every response (and the HTML pages' policy); CORS from settings.

Every response: ``X-Content-Type-Options: nosniff``. Every HTML page (the map, the OGC API
HTML views, the API docs) also: a Content-Security-Policy (the map sets its own, with the
configured frame ancestors), ``X-Frame-Options: DENY`` unless that policy allows framing,
``Referrer-Policy: no-referrer``, ``Cross-Origin-Opener-Policy: same-origin`` and a
Permissions-Policy that turns off the browser features no page of ours uses.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.settings import ApiSettings

#: Pages without their own policy: ours only, except the API docs' pinned CDN assets.
DEFAULT_POLICY = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
HTML_HEADERS = {
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


class SecurityHeaders:
    """ASGI middleware adding the headers above."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("x-content-type-options", "nosniff")
                if headers.get("content-type", "").startswith("text/html"):
                    policy = headers.setdefault("content-security-policy", DEFAULT_POLICY)
                    frame = _frame_options(policy)
                    if frame:
                        headers.setdefault("x-frame-options", frame)
                    for name, value in HTML_HEADERS.items():
                        headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_secured)


def _frame_options(policy: str) -> str | None:
    """X-Frame-Options for old browsers, agreeing with the policy's frame-ancestors."""
    if "frame-ancestors 'none'" in policy:
        return "DENY"
    if "frame-ancestors 'self'" in policy:
        return "SAMEORIGIN"
    return None  # an embed page: frame-ancestors lists who may frame it


def add_cors(app: FastAPI, settings: ApiSettings) -> None:
    """Let the pages of the allowed origins (and only those) call the API from a browser."""
    if not settings.cors_origins:
        return  # no CORS headers: browsers keep other origins' scripts out
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PATCH", "DELETE"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Retry-After", "Location"],
        max_age=600,
    )

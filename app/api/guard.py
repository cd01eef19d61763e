"""Hostile-input guard: every request's size, encoding and JSON shape checked before routing.

Reports come from open sources and some are written by parties to a conflict, so every body
is hostile until shown otherwise. Refused here, before any route runs (so nothing is stored):
query strings over ``max_query_chars`` (414), query strings or paths with NUL bytes or
percent-escapes that are not UTF-8 (400), bodies over ``max_body_bytes`` (413), bodies that
are not UTF-8 JSON, carry NaN or Infinity (not JSON, RFC 8259 section 6), nest deeper than
``max_json_depth`` or hold a NUL character in any string (400). The limits are ApiSettings.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import domain_problem
from app.errors import GeoEventsError, InvalidInput, RequestTooLarge, UriTooLong
from app.settings import ApiSettings

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def check_json(body: bytes, max_depth: int) -> None:
    """Refuse a body that is not UTF-8 JSON within the depth limit, free of NUL characters."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"the body is not valid UTF-8 (byte {exc.start})") from None
    try:
        # orjson follows RFC 8259 strictly: NaN, Infinity and lone surrogates are errors.
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"the body is not valid JSON: {exc}") from None
    stack: list[tuple[object, int, str]] = [(value, 1, "body")]
    while stack:
        item, depth, where = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise InvalidInput(f"{where} contains a NUL character", extra={"field": where})
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > max_depth:
            raise InvalidInput(f"the body nests deeper than {max_depth} levels")
        if isinstance(item, dict):
            for key, child in item.items():
                if "\x00" in key:
                    raise InvalidInput(f"a key in {where} contains a NUL character")
                stack.append((child, depth + 1, f"{where}.{key}"))
        else:
            stack.extend((child, depth + 1, f"{where}[{i}]") for i, child in enumerate(item))


def check_url(path: bytes, query: bytes, max_query: int) -> None:
    """Refuse long query strings, NUL bytes and percent-escapes that are not UTF-8."""
    if len(query) > max_query:
        raise UriTooLong(f"the query string has {len(query):,} bytes; the limit is {max_query:,}")
    for part, name in ((path, "path"), (query.replace(b"+", b" "), "query string")):
        raw = unquote_to_bytes(part)
        if b"\x00" in raw:
            raise InvalidInput(f"the {name} contains a NUL byte")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"the {name} is not valid UTF-8") from None


class InputGuard:
    """ASGI middleware applying :func:`check_url` and :func:`check_json` to every request."""

    def __init__(self, app: ASGIApp, limits: ApiSettings) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request; answer a problem or pass it on with its body replayed."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            check_url(
                scope.get("raw_path") or scope["path"].encode(),
                scope.get("query_string", b""),
                self.limits.max_query_chars,
            )
            if scope["method"] not in _BODY_METHODS:
                await self.app(scope, receive, send)
                return
            body = await self._read_body(scope, receive)
            if body.strip():
                check_json(body, self.limits.max_json_depth)
        except GeoEventsError as exc:
            response = domain_problem(exc, scope["method"], scope["path"])
            await response(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.limits.max_body_bytes
        too_large = RequestTooLarge(f"the request body is larger than {limit:,} bytes")
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                raise too_large
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, upstream: Receive) -> Receive:
    """The body once, then the client's own messages (a disconnect, when it comes)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await upstream()

    return receive

"""The response side of OGC API - Features: GeoJSON pages with their links, the HTML view of any
body, content negotiation (``f=`` or the Accept header) and RFC 3339 ``datetime`` parsing."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from app.errors import InvalidInput
from app.mapping.render import FAVICON_LINK

GEOJSON, JSON = "application/geo+json", "application/json"


def wants_html(request: Request, f: str | None) -> bool:
    """f=html, or a browser's Accept header without f=."""
    if f is not None:
        return f == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "json" not in accept


def make_link(request: Request, path: str, rel: str, media: str, title: str = "") -> dict[str, str]:
    """An OGC link object to ``path`` on this server."""
    link = {"href": str(request.base_url).rstrip("/") + path, "rel": rel, "type": media}
    return link | ({"title": title} if title else {})


def respond(request: Request, f: str | None, body: dict[str, Any], media: str = JSON) -> Response:
    """``body`` as JSON, or as the HTML view when the client asked for HTML."""
    if wants_html(request, f):
        return HTMLResponse(html_view(body))
    return Response(orjson.dumps(body), media_type=media)


def html_view(body: dict[str, Any]) -> str:
    """A plain HTML view of any response: title, links, and the JSON itself."""
    title = html.escape(str(body.get("title") or body.get("id") or "geoevents"))
    links = "".join(
        f"<li><a href='{html.escape(link['href'])}'>"
        f"{html.escape(link.get('title') or link['rel'])}</a> ({html.escape(link['type'])})"
        "</li>"
        for link in body.get("links", [])
    )
    dump = html.escape(orjson.dumps(body, option=orjson.OPT_INDENT_2).decode()[:200_000])
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"{FAVICON_LINK}</head>"
        f"<body><h1>{title}</h1><ul>{links}</ul><pre>{dump}</pre></body></html>"
    )


def parse_datetime(text: str) -> tuple[dt.date | None, dt.date | None]:
    """RFC 3339 instant or interval with open ends (``..``) -> (start, end) dates."""

    def one(part: str) -> dt.date | None:
        if part in ("..", ""):
            return None
        try:
            return (
                dt.datetime.fromisoformat(part.replace("Z", "+00:00")).date()
                if "T" in part
                else dt.date.fromisoformat(part)
            )
        except ValueError:
            raise InvalidInput(f"datetime {part!r} is not RFC 3339") from None

    parts = text.split("/")
    if len(parts) == 1:
        day = one(parts[0])
        if day is None:
            raise InvalidInput("datetime needs a date or an interval")
        return day, day
    if len(parts) != 2:
        raise InvalidInput("datetime interval must be start/end with at most one '..'")
    start, end = one(parts[0]), one(parts[1])
    if start is None and end is None:  # "../..", "/..", "/": no bound at all
        raise InvalidInput("datetime interval must be start/end with at most one '..'")
    if start and end and start > end:
        raise InvalidInput("datetime interval starts after it ends")
    return start, end


def _items_links(
    request: Request, offset: int, limit: int, matched: int, returned: int
) -> list[dict[str, str]]:
    links = [{"href": str(request.url), "rel": "self", "type": GEOJSON}]
    if offset + returned < matched:
        links.append(
            {
                "href": str(request.url.include_query_params(offset=offset + limit)),
                "rel": "next",
                "type": GEOJSON,
            }
        )
    if offset > 0:
        links.append(
            {
                "href": str(request.url.include_query_params(offset=max(0, offset - limit))),
                "rel": "prev",
                "type": GEOJSON,
            }
        )
    return links


def items_page(
    request: Request, f: str | None, features: list[str], matched: int, offset: int, limit: int
) -> Response:
    """One page of items: GeoJSON built from the stored Feature text, or the HTML view."""
    links = _items_links(request, offset, limit, matched, len(features))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if wants_html(request, f):
        body = {
            "type": "FeatureCollection",
            "numberMatched": matched,
            "numberReturned": len(features),
            "links": links,
            "features": [orjson.loads(x) for x in features],
        }
        return HTMLResponse(html_view(body))
    head = b'{"type":"FeatureCollection","features":['
    tail = (
        f'],"timeStamp":"{stamp}","numberMatched":{matched},'
        f'"numberReturned":{len(features)},"links":{orjson.dumps(links).decode()}}}'
    )
    return Response(head + ",".join(features).encode() + tail.encode(), media_type=GEOJSON)

"""GET /map (with its page chrome and an embed snippet) and GET /map/embed (for iframes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from app.api.deps import GazetteerDep, ReaderDep, SettingsDep, StoreDep
from app.api.params import EventQueryDep
from app.mapping.labels import labels
from app.mapping.outlines import lakes, outlines, rivers
from app.mapping.render import MapOptions, render_map
from app.settings import Settings
from app.store.base import EventStore

router = APIRouter(tags=["map"])
FAVICON = Path(__file__).resolve().parents[1] / "static" / "favicon.ico"


def _date_range(store: EventStore) -> tuple[dt.date, dt.date] | None:
    first, last = store.date_range()
    if first is None or last is None:
        return None
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def _policy(settings: Settings, ancestors: str) -> str:
    """Content-Security-Policy: everything from this service (tiles from where configured)."""
    tiles = settings.map.tiles
    origin = ""
    if tiles:
        parts = urlsplit(tiles)
        host = parts.netloc.replace("{s}.", "*.")
        origin = f" {parts.scheme}://{host}"
    return (
        f"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
        f"'unsafe-inline'; img-src 'self' data: blob:{origin}; connect-src 'self'; "
        f"font-src 'self' data:; frame-ancestors {ancestors}"
    )


def _page(
    request: Request, embed: bool, gazetteer: GazetteerDep, store: StoreDep, settings: SettingsDep
) -> HTMLResponse:
    governorates, countries = outlines(gazetteer)
    query = request.url.query
    embed_url = str(request.url.replace(path="/map/embed"))
    page = render_map(
        MapOptions(
            query=query,
            governorates=governorates,
            countries=countries,
            dates=_date_range(store),
            embed=embed,
            tiles=settings.map.tiles,
            tiles_attribution=settings.map.tiles_attribution,
            embed_url=embed_url,
            labels=labels(gazetteer),
            rivers=rivers(settings.gazetteer.gazetteer_dir),
            lakes=lakes(settings.gazetteer.gazetteer_dir),
            live=request.query_params.get("live") in ("1", "true"),
        )
    )
    ancestors = settings.map.frame_ancestors if embed else "'self'"
    return HTMLResponse(page, headers={"Content-Security-Policy": _policy(settings, ancestors)})


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    """The service's icon, where browsers look for it first."""
    return FileResponse(
        FAVICON, media_type="image/x-icon", headers={"Cache-Control": "max-age=86400"}
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    _query: EventQueryDep,
    gazetteer: GazetteerDep,
    store: StoreDep,
    settings: SettingsDep,
    _: ReaderDep,
) -> HTMLResponse:
    """The map of events. Takes the same filters as /events, so a filtered view is a
    shareable URL; shows the <iframe> snippet that embeds it."""
    return _page(request, False, gazetteer, store, settings)


@router.get("/map/embed", response_class=HTMLResponse)
def map_embed(
    request: Request,
    _query: EventQueryDep,
    gazetteer: GazetteerDep,
    store: StoreDep,
    settings: SettingsDep,
    _: ReaderDep,
) -> HTMLResponse:
    """The same map without page chrome, for dashboards' iframes; framing is allowed for
    the origins in GEOEVENTS_FRAME_ANCESTORS."""
    return _page(request, True, gazetteer, store, settings)

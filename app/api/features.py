"""OGC API - Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0; Part 3 style queryables).

Collections: ``events`` (the same query engine as /events: no second code path), ``regions``
(governorates and named regions, read only) and ``places`` (the gazetteer, read only).
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from shapely.geometry import box, mapping

from app.api.deps import GazetteerDep, ReaderDep, SettingsDep, StoreDep
from app.api.ogc_responses import (
    GEOJSON,
    JSON,
    html_view,
    items_page,
    make_link,
    parse_datetime,
    respond,
    wants_html,
)
from app.api.params import EVENT_TYPES, event_query
from app.domain import EventQuery, Place
from app.errors import InvalidInput, NotFound
from app.gazetteer.geocoder import Gazetteer
from app.store.base import EventStore

router = APIRouter(tags=["OGC API - Features"])
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
]
COLLECTIONS = {
    "events": ("Conflict events", "Events extracted from news reports about Iraq and Syria"),
    "regions": ("Regions", "Governorates (ISO 3166-2) and named regions, read only"),
    "places": ("Places", "The offline gazetteer: towns, sites, governorates, read only"),
}
Format = Annotated[str | None, Query(pattern="^(json|html)$", description="json or html")]


@router.get("/", summary="Landing page")
def landing(request: Request, f: Format = None) -> Response:
    """Where everything is: the API definition, conformance and the collections."""
    return respond(
        request,
        f,
        {
            "title": "geoevents",
            "description": "Conflict events from news reports about Iraq and Syria, offline.",
            "links": [
                make_link(request, "/", "self", JSON, "this document"),
                make_link(request, "/openapi.json", "service-desc", OPENAPI, "the API definition"),
                make_link(request, "/docs", "service-doc", "text/html", "the API documentation"),
                make_link(request, "/conformance", "conformance", JSON, "conformance classes"),
                make_link(request, "/collections", "data", JSON, "collections"),
                make_link(request, "/map", "alternate", "text/html", "the map"),
            ],
        },
    )


@router.get("/conformance")
def conformance(request: Request, f: Format = None) -> Response:
    """The OGC API conformance classes implemented."""
    return respond(request, f, {"conformsTo": CONFORMANCE})


def _extent(store: EventStore, gazetteer: Gazetteer, collection: str) -> dict[str, Any]:
    if collection != "events":
        return {"spatial": {"bbox": [_bounds(gazetteer.data.bounds())]}}
    bbox, first, last = store.extent()  # from the data, as OGC API asks
    return {
        "spatial": {"bbox": [list(bbox) if bbox else _bounds(gazetteer.data.bounds())]},
        "temporal": {
            "interval": [
                [f"{first}T00:00:00Z" if first else None, f"{last}T23:59:59Z" if last else None]
            ]
        },
    }


def _bounds(values: Any) -> list[float]:
    return [round(float(v), 5) for v in values]


def _collection(
    request: Request, name: str, store: EventStore, gazetteer: Gazetteer
) -> dict[str, Any]:
    title, description = COLLECTIONS[name]
    base = f"/collections/{name}"
    links = [
        make_link(request, base, "self", JSON),
        make_link(request, f"{base}/items", "items", GEOJSON, "the items"),
        make_link(request, f"{base}/items?f=html", "items", "text/html", "the items as HTML"),
    ]
    if name == "events":
        links.append(
            make_link(
                request,
                f"{base}/queryables",
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "application/schema+json",
                "queryables",
            )
        )
    return {
        "id": name,
        "title": title,
        "description": description,
        "itemType": "feature",
        "crs": ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],
        "extent": _extent(store, gazetteer, name),
        "links": links,
    }


@router.get("/collections")
def collections(
    request: Request, store: StoreDep, gazetteer: GazetteerDep, _: ReaderDep, f: Format = None
) -> Response:
    """The collections: events, regions, places."""
    return respond(
        request,
        f,
        {
            "links": [make_link(request, "/collections", "self", JSON)],
            "collections": [_collection(request, n, store, gazetteer) for n in COLLECTIONS],
        },
    )


def _known(name: str) -> str:
    if name not in COLLECTIONS:
        raise NotFound(f"No collection {name!r}; there are {', '.join(COLLECTIONS)}")
    return name


@router.get("/collections/{collection_id}")
def collection(
    request: Request,
    collection_id: str,
    store: StoreDep,
    gazetteer: GazetteerDep,
    _: ReaderDep,
    f: Format = None,
) -> Response:
    """One collection's description and extent."""
    return respond(request, f, _collection(request, _known(collection_id), store, gazetteer))


@router.get("/collections/events/queryables")
def queryables(request: Request, f: Format = None) -> Response:
    """Properties items can be filtered by (OGC API - Features Part 3)."""
    return respond(
        request,
        f,
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "$id": str(request.url),
            "title": "events",
            "properties": {
                "event_type": {"type": "string", "enum": sorted(EVENT_TYPES)},
                "actor": {"type": "string", "description": "actor name or alias"},
                "region": {"type": "string", "description": "ISO 3166-2 code or region name"},
                "category": {
                    "type": "string",
                    "enum": ["movement", "security_incident", "development"],
                },
            },
        },
        "application/schema+json",
    )


@router.get(
    "/collections/{collection_id}/items",
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def items(
    request: Request,
    collection_id: str,
    store: StoreDep,
    gazetteer: GazetteerDep,
    settings: SettingsDep,
    base: Annotated[EventQuery, Depends(event_query)],
    _: ReaderDep,
    datetime: Annotated[str | None, Query(description="RFC 3339 instant or interval")] = None,
    event_type: Annotated[list[str] | None, Query(description="queryable")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    f: Format = None,
) -> Response:
    """Items of a collection: bbox, datetime, limit (default 10) and offset paging."""
    name = _known(collection_id)
    limit = base.limit if "limit" in request.query_params else 10
    if name == "events":
        start, end = parse_datetime(datetime) if datetime else (base.start, base.end)
        unknown = [t for t in event_type or [] if t not in EVENT_TYPES]
        if unknown:
            raise InvalidInput(f"unknown event_type {', '.join(unknown)}")
        query = dataclasses.replace(
            base,
            start=start,
            end=end,
            limit=limit,
            offset=offset,
            cursor=None,
            sort="id",
            types=tuple(event_type or base.types),
        )
        page = store.query(query)
        return items_page(request, f, page.features, page.matched, offset, limit)
    features = _gazetteer_items(gazetteer, name, base.bbox)
    return items_page(request, f, features[offset : offset + limit], len(features), offset, limit)


def _gazetteer_items(
    gazetteer: Gazetteer, name: str, bbox: tuple[float, float, float, float] | None
) -> list[str]:
    out = []
    if name == "regions":
        for region in gazetteer.regions:
            geom = gazetteer.regions.geometry(region.code)
            if bbox and not geom.intersects(box(*bbox)):
                continue
            out.append(
                orjson.dumps(
                    {
                        "type": "Feature",
                        "id": region.code,
                        "geometry": mapping(geom),
                        "properties": {
                            "code": region.code,
                            "name": region.name,
                            "kind": region.kind,
                            "country": region.country,
                            "members": list(region.members),
                        },
                    }
                ).decode()
            )
        return out
    for place in gazetteer.places:
        if bbox and not (bbox[0] <= place.lon <= bbox[2] and bbox[1] <= place.lat <= bbox[3]):
            continue
        out.append(_place_feature(place))
    return out


def _place_feature(place: Place) -> str:
    """A gazetteer place as a GeoJSON Feature text."""
    return orjson.dumps(
        {
            "type": "Feature",
            "id": place.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {
                "name": place.name,
                "kind": place.kind,
                "country": place.country,
                "admin1": place.admin1,
                "population": place.population,
            },
        }
    ).decode()


@router.get(
    "/collections/{collection_id}/items/{feature_id}",
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def item(
    request: Request,
    collection_id: str,
    feature_id: str,
    store: StoreDep,
    gazetteer: GazetteerDep,
    _: ReaderDep,
    f: Format = None,
) -> Response:
    """One item."""
    name = _known(collection_id)
    if name == "events":
        if not feature_id.isdigit():
            raise NotFound(f"No event with id {feature_id!r}")
        text = store.get(int(feature_id))
    elif name == "regions":
        region = gazetteer.regions.get(feature_id)
        text = _gazetteer_items(gazetteer, "regions", None)[
            [r.code for r in gazetteer.regions].index(region.code)
        ]
    else:
        text = _place_feature(gazetteer.get(feature_id))
    if wants_html(request, f):
        return HTMLResponse(html_view(orjson.loads(text)))
    feature = orjson.loads(text)
    feature["links"] = [
        {"href": str(request.url), "rel": "self", "type": GEOJSON},
        {
            "href": str(request.base_url).rstrip("/") + f"/collections/{name}",
            "rel": "collection",
            "type": JSON,
        },
    ]
    return Response(orjson.dumps(feature), media_type=GEOJSON)

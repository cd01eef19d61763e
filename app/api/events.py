"""Events: query, read, create, change, delete, history, split, and streamed exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from app.api.deps import GazetteerDep, IngestorDep, ReaderDep, StoreDep, WriterDep
from app.api.params import EventQueryDep, parse_bbox
from app.api.schemas import ClusterItem, ClusterOut, EventPageOut, HistoryOut, SplitIn
from app.domain import EventPage
from app.errors import InvalidInput
from app.events import EventFeature
from app.ingest import parse_feature
from app.transfer.acled import admin_names
from app.transfer.csv_events import csv_lines
from app.transfer.derive import complete

router = APIRouter(tags=["events"])
GEOJSON = "application/geo+json"
EventId = Annotated[int, Path(ge=1, description="Event id")]
#: Grid cells per 256-pixel tile: clusters about 64 pixels apart at any zoom.
CELLS_PER_TILE = 4
#: Lone events sent whole per view (each becomes a marker with its popup).
SINGLES_LIMIT = 3000
#: From this zoom on, a view with few enough events gets them all, unclustered: the page
#: spreads co-located ones (same town) so each can be opened.
CLOSE_UP_ZOOM = 13
#: Troop movements per view: the newest ending in it (a map of every convoy is unreadable).
MOVEMENT_LIMIT = 2000


def collection(page: EventPage, links: list[dict[str, str]]) -> bytes:
    """A FeatureCollection page from stored Feature texts, without re-encoding them."""
    head = b'{"type":"FeatureCollection","features":['
    tail = (
        f'],"numberMatched":{page.matched},"numberReturned":{len(page.features)},'
        f'"links":{_json_links(links)}}}'
    )
    return head + ",".join(page.features).encode() + tail.encode()


def _json_links(links: list[dict[str, str]]) -> str:
    return orjson.dumps(links).decode()


def page_links(request: Request, page: EventPage, media: str = GEOJSON) -> list[dict[str, str]]:
    """self, and next when there is another page (same filters, the cursor added)."""
    links = [{"rel": "self", "type": media, "href": str(request.url)}]
    if page.next_cursor:
        href = str(request.url.include_query_params(cursor=page.next_cursor))
        links.append({"rel": "next", "type": media, "href": href})
    return links


@router.get(
    "/events",
    response_model=EventPageOut,
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def list_events(request: Request, query: EventQueryDep, store: StoreDep, _: ReaderDep) -> Response:
    """Events as a GeoJSON FeatureCollection; every filter combines with the others.

    Opens directly in geopandas (`geopandas.read_file(url)`) and QGIS. Pages follow
    `links` rel=next; `numberMatched` counts every matching event.
    """
    page = store.query(query)
    return Response(collection(page, page_links(request, page)), media_type=GEOJSON)


@router.get(
    "/events.geojsonl",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/geo+json-seq": {}}}},
)
def export_geojsonl(query: EventQueryDep, store: StoreDep, _: ReaderDep) -> StreamingResponse:
    """Every matching event as GeoJSON Text Sequences (RFC 8142), streamed."""

    def lines() -> Iterator[bytes]:
        for feature in store.export(query):
            yield b"\x1e" + feature.encode() + b"\n"

    return StreamingResponse(lines(), media_type="application/geo+json-seq")


@router.get(
    "/events.csv", response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}}
)
def export_csv(
    query: EventQueryDep, store: StoreDep, gazetteer: GazetteerDep, _: ReaderDep
) -> StreamingResponse:
    """Every matching event as CSV: ACLED's columns with ACLED's meanings (country and
    governorate names, ISO3 event ids, time precision, actor type codes...), then ours."""
    names = admin_names(gazetteer)
    return StreamingResponse(
        (line.encode() for line in csv_lines(store.export(query), names)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=events.csv"},
    )


@router.get("/events/clusters", response_model=ClusterOut)
def event_clusters(
    query: EventQueryDep,
    store: StoreDep,
    _: ReaderDep,
    view: Annotated[str, Query(description="The map view: minlon,minlat,maxlon,maxlat")],
    zoom: Annotated[int, Query(ge=0, le=22, description="Map zoom; sets the cluster size")],
) -> ClusterOut:
    """What a map view needs, whatever the store holds: point events grouped in grid cells
    sized for the zoom (a lone event comes whole, for its popup), the newest 2,000 troop
    movements ending in the view, and counts per governorate (all events, and those placed
    only to a governorate or wider)."""
    box = parse_bbox(view)
    if query.bbox is not None:  # the user's own bbox filter still applies
        q = query.bbox
        box = (max(box[0], q[0]), max(box[1], q[1]), min(box[2], q[2]), min(box[3], q[3]))
        if box[0] > box[2] or box[1] > box[3]:
            box = (0.0, 0.0, 0.0, 0.0)
    cell = 360.0 / 2**zoom / CELLS_PER_TILE
    close_up = zoom >= CLOSE_UP_ZOOM
    page = store.clusters(
        query,
        box,
        cell,
        singles_limit=SINGLES_LIMIT,
        all_singles_below=SINGLES_LIMIT if close_up else 0,
        movement_limit=MOVEMENT_LIMIT,
    )
    return ClusterOut(
        clusters=[ClusterItem(**asdict(c)) for c in page.clusters],
        singles=[orjson.loads(f) for f in page.singles],
        by_admin1=page.by_admin1,
        imprecise_by_admin1=page.imprecise_by_admin1,
        movements=[orjson.loads(f) for f in page.movements],
    )


@router.get(
    "/events/{event_id}",
    response_model=EventFeature,
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def get_event(event_id: EventId, store: StoreDep, _: ReaderDep) -> Response:
    """One event as a GeoJSON Feature."""
    return Response(store.get(event_id), media_type=GEOJSON)


@router.post(
    "/events",
    status_code=201,
    response_model=EventFeature,
    response_class=Response,
    responses={201: {"content": {GEOJSON: {}}}},
)
def create_event(
    feature: Annotated[
        dict[str, Any], Body(description="A GeoJSON Feature with the event properties")
    ],
    ingestor: IngestorDep,
    store: StoreDep,
    who: WriterDep,
) -> Response:
    """Store a hand-made event; its admin codes are computed from its geometry, which it
    must have (an unplaced candidate stays with its report until PATCH places it).

    A minimal feature (a Point, `event_type` and `date`) is enough: what it leaves out is
    derived as `geoevents import` derives it (category, the ACLED pair, the date interval
    and precision, the place's name from the gazetteer, `geo_precision`...)."""
    event = parse_feature(complete(feature, ingestor.gazetteer))
    if event.geometry is None:
        raise InvalidInput(
            "geometry: a new event needs a geometry; unplaced candidates stay with their "
            "report (GET /reports/{id}/events) until PATCH /events/{id} places them",
            extra={"field": "geometry"},
        )
    (event_id,) = ingestor.create([event], who)
    return Response(
        store.get(event_id),
        status_code=201,
        media_type=GEOJSON,
        headers={"Location": f"/events/{event_id}"},
    )


@router.patch(
    "/events/{event_id}",
    response_model=EventFeature,
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def patch_event(
    event_id: EventId,
    patch: Annotated[
        dict[str, Any], Body(description="JSON Merge Patch (RFC 7396) of the Feature")
    ],
    ingestor: IngestorDep,
    who: WriterDep,
) -> Response:
    """Change an event (give an unplaced event a place, fix its type...); audited."""
    return Response(ingestor.patch(event_id, patch, who), media_type=GEOJSON)


@router.delete("/events/{event_id}", status_code=204)
def delete_event(event_id: EventId, store: StoreDep, who: WriterDep) -> Response:
    """Delete an event; its history stays readable."""
    store.delete(event_id, who)
    return Response(status_code=204)


@router.get("/events/{event_id}/history", response_model=HistoryOut)
def event_history(event_id: EventId, store: StoreDep, _: ReaderDep) -> HistoryOut:
    """Every change: who, when, what."""
    return HistoryOut(
        event_id=event_id, changes=[asdict(entry) for entry in store.history(event_id)]
    )


@router.post("/events/{event_id}/split", status_code=201)
def split_event(
    event_id: EventId, body: SplitIn, store: StoreDep, who: WriterDep
) -> dict[str, int]:
    """Undo a merge: the given report's reading becomes its own event again."""
    return {"event_id": event_id, "new_event_id": store.split(event_id, body.report_id, who)}

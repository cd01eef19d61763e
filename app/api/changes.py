"""The change feed (GET /events/changes) and the push stream (GET /events/stream)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response
from sse_starlette.sse import EventSourceResponse

from app.api.deps import NotifierDep, ReaderDep, StoreDep
from app.api.live_schemas import ChangePageOut
from app.api.params import EventQueryDep
from app.errors import InvalidInput
from app.live.stream import KEEPALIVE_SECONDS, messages

router = APIRouter(tags=["live"])


@router.get("/events/changes", response_model=ChangePageOut)
def changes(
    query: EventQueryDep,
    store: StoreDep,
    _: ReaderDep,
    after: Annotated[
        int, Query(ge=0, le=2**63 - 1, description="the last sequence number you have")
    ] = 0,
) -> Response:
    """Every event created, changed or deleted after ``after``, in sequence order.

    Takes the same filters as /events. Each changed event appears once, with its latest
    change; follow ``last_seq`` until a page comes back short. With filters, an event that
    no longer matches comes as a ``delete``. Starting at ``after=0`` and applying every page
    leaves exactly the store's current (matching) events.
    """
    page = store.changes(query, after, query.limit)
    parts = [
        f'{{"seq":{c.seq},"op":"upsert","id":"{c.id}","feature":{c.feature}}}'
        if c.op == "upsert"
        else f'{{"seq":{c.seq},"op":"delete","id":"{c.id}"}}'
        for c in page.changes
    ]
    body = f'{{"changes":[{",".join(parts)}],"last_seq":{page.last_seq}}}'
    return Response(body, media_type="application/json")


@router.get(
    "/events/stream",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def stream(
    query: EventQueryDep,
    store: StoreDep,
    notifier: NotifierDep,
    _: ReaderDep,
    after: Annotated[
        int | None,
        Query(ge=0, le=2**63 - 1, description="start after this sequence number (default: now)"),
    ] = None,
    last_event_id: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> EventSourceResponse:
    """Server-Sent Events: an ``event`` message (the Feature) for every new or changed event
    and a ``delete`` message (the id) for every deletion, with the same filters as /events.
    Each message's ``id`` is its change-feed sequence number: a client that reconnects with
    ``Last-Event-ID`` resumes where it stopped."""
    start = after
    if last_event_id is not None:
        if not last_event_id.strip().isdigit() or int(last_event_id) >= 2**63:
            raise InvalidInput("Last-Event-ID must be a change sequence number")
        start = int(last_event_id)
    if start is None:
        start = notifier.last_seq
    return EventSourceResponse(messages(store, notifier, query, start), ping=int(KEEPALIVE_SECONDS))

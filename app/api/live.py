"""Feeds (POST/GET/DELETE /feeds) and webhooks (POST/GET/DELETE /subscriptions)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Annotated, Any
from urllib.parse import parse_qs

import orjson
from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, ValidationError

from app.api.deps import ExtractorDep, GazetteerDep, ReaderDep, SettingsDep, StoreDep, WriterDep
from app.api.live_schemas import (
    DeliveryList,
    DeliveryOut,
    FeedIn,
    FeedOut,
    SubscriptionIn,
    SubscriptionOut,
)
from app.api.params import event_query
from app.domain import EventQuery, Feed, Subscription
from app.errors import InvalidInput
from app.live.clock import stamp
from app.live.query_codec import dump_query

router = APIRouter(tags=["live"])
FeedId = Annotated[int, Path(ge=1, le=2**63 - 1)]
SubscriptionId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class _Filters(BaseModel):
    """The /events filters a subscription may carry, as parsed from its query string."""

    model_config = ConfigDict(extra="forbid")
    region: str | None = None
    bbox: str | None = None
    near: str | None = None
    radius_km: float = 25.0
    start: dt.date | None = None
    end: dt.date | None = None
    type: list[str] | None = None
    category: str | None = None
    actor: list[str] | None = None
    q: str | None = None
    min_confidence: float | None = None


def _feed_out(feed: Feed) -> FeedOut:
    return FeedOut(
        id=feed.id,
        url=feed.url,
        interval_seconds=feed.interval_seconds,
        source=feed.source,
        last_poll=feed.last_poll,
        last_status=feed.last_status,
        items_seen=feed.items_seen,
        reports_stored=feed.reports_stored,
        errors=feed.errors,
        next_poll=feed.next_poll,
    )


def _subscription_out(sub: Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=sub.id,
        url=sub.url,
        filters=orjson.loads(sub.filters)["query"],
        last_seq=sub.last_seq,
        created_at=sub.created_at,
    )


@router.post("/feeds", status_code=201, response_model=FeedOut)
def add_feed(body: FeedIn, store: StoreDep, _: WriterDep) -> FeedOut:
    """Poll a feed (RSS or Atom) every ``interval_seconds``; the first poll is due now."""
    feed = store.live.add_feed(str(body.url), body.interval_seconds, body.source, _now())
    return _feed_out(feed)


@router.get("/feeds", response_model=list[FeedOut])
def list_feeds(store: StoreDep, _: ReaderDep) -> list[FeedOut]:
    """Every feed with its last poll, last status, items seen, reports stored, next poll."""
    return [_feed_out(f) for f in store.live.feeds()]


@router.delete("/feeds/{feed_id}", status_code=204)
def delete_feed(feed_id: FeedId, store: StoreDep, _: WriterDep) -> Response:
    """Stop polling a feed (the reports it brought stay)."""
    store.live.delete_feed(feed_id)
    return Response(status_code=204)


def parse_filters(text: str, gazetteer: Any, extractor: Any, settings: Any) -> EventQuery:
    """An /events query string checked and resolved like /events's own parameters."""
    raw = parse_qs(text.lstrip("?"), keep_blank_values=False, strict_parsing=False)
    fields: dict[str, Any] = {k: (v if k in ("type", "actor") else v[-1]) for k, v in raw.items()}
    try:
        filters = _Filters.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise InvalidInput(f"filters: {problems}") from exc
    return event_query(gazetteer, extractor, settings, **filters.model_dump())


@router.post("/subscriptions", status_code=201, response_model=SubscriptionOut)
def add_subscription(
    body: SubscriptionIn,
    store: StoreDep,
    gazetteer: GazetteerDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
    _: WriterDep,
) -> SubscriptionOut:
    """Send every event created or updated from now on that matches ``filters`` to ``url``
    as JSON, signed ``X-GeoEvents-Signature: sha256=<HMAC of the body with the secret>``;
    failures are retried with back-off (six tries over about an hour)."""
    query = parse_filters(body.filters, gazetteer, extractor, settings)
    filters = orjson.dumps({"query": body.filters, "resolved": dump_query(query)}).decode()
    sub = store.live.add_subscription(str(body.url), body.secret, filters, store.last_seq(), _now())
    return _subscription_out(sub)


@router.get("/subscriptions", response_model=list[SubscriptionOut])
def list_subscriptions(store: StoreDep, _: WriterDep) -> list[SubscriptionOut]:
    """Every subscription (secrets are not shown)."""
    return [_subscription_out(s) for s in store.live.subscriptions()]


@router.delete("/subscriptions/{subscription_id}", status_code=204)
def delete_subscription(subscription_id: SubscriptionId, store: StoreDep, _: WriterDep) -> Response:
    """Stop a webhook; its queued deliveries are dropped."""
    store.live.delete_subscription(subscription_id)
    return Response(status_code=204)


@router.get("/subscriptions/{subscription_id}/deliveries", response_model=DeliveryList)
def deliveries(
    subscription_id: SubscriptionId,
    store: StoreDep,
    _: WriterDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DeliveryList:
    """A subscription's delivery history, newest first."""
    return DeliveryList(
        deliveries=[
            DeliveryOut(
                id=d.id,
                seq=d.seq,
                event_id=d.event_id,
                attempts=d.attempts,
                status=d.status,
                next_attempt_at=d.next_attempt_at,
                last_status=d.last_status,
                last_error=d.last_error,
                delivered_at=d.delivered_at,
            )
            for d in store.live.deliveries(subscription_id, limit)
        ]
    )


def _now() -> str:
    return stamp(time.time())

"""Request and response models of the live endpoints: changes, feeds, subscriptions."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, Field

from app.events import EventFeature


class ChangeOut(BaseModel):
    """One change: an event created or changed (with its Feature), or deleted."""

    seq: int
    op: Literal["upsert", "delete"]
    id: str = Field(description="The event's id, as in its Feature")
    feature: EventFeature | None = None


class ChangePageOut(BaseModel):
    """A page of the change feed."""

    changes: list[ChangeOut]
    last_seq: int = Field(description="Ask from here next (after=last_seq)")


class FeedIn(BaseModel):
    """A feed to poll."""

    url: AnyHttpUrl
    interval_seconds: int = Field(900, ge=5, le=86_400)
    source: str | None = Field(None, max_length=200)


class FeedOut(BaseModel):
    """A feed and how its polls went."""

    id: int
    url: str
    interval_seconds: int
    source: str | None
    last_poll: str | None
    last_status: str | None
    items_seen: int
    reports_stored: int
    errors: int
    next_poll: str


class SubscriptionIn(BaseModel):
    """A webhook; filters are those of /events, as a query string (``region=Kirkuk&type=...``)."""

    url: AnyHttpUrl
    secret: str = Field(min_length=16, max_length=200, description="HMAC-SHA256 key")
    filters: str = Field("", max_length=2000, description="an /events query string")


class SubscriptionOut(BaseModel):
    """A webhook (its secret is never shown again)."""

    id: int
    url: str
    filters: str
    last_seq: int
    created_at: str


class DeliveryOut(BaseModel):
    """One delivery attempt record."""

    id: int
    seq: int
    event_id: int
    attempts: int
    status: Literal["pending", "delivered", "failed"]
    next_attempt_at: str
    last_status: int | None
    last_error: str | None
    delivered_at: str | None


class DeliveryList(BaseModel):
    """A subscription's deliveries, newest first."""

    deliveries: list[DeliveryOut]

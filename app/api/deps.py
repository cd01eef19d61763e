"""Resources on app.state, reached by routes only through these dependencies."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Annotated

from fastapi import Depends, Request

from app.errors import Unauthorized
from app.extraction.pipeline import Extractor
from app.gazetteer.geocoder import Gazetteer
from app.ingest import Ingestor
from app.live.notify import ChangeNotifier
from app.metrics import Metrics
from app.settings import Settings
from app.store.base import EventStore


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_gazetteer(request: Request) -> Gazetteer:
    """The gazetteer loaded in the lifespan."""
    gazetteer: Gazetteer = request.app.state.gazetteer
    return gazetteer


def get_extractor(request: Request) -> Extractor:
    """The extraction pipeline built in the lifespan."""
    extractor: Extractor = request.app.state.extractor
    return extractor


def get_store(request: Request) -> EventStore:
    """The event store opened in the lifespan."""
    store: EventStore = request.app.state.store
    return store


def get_metrics(request: Request) -> Metrics:
    """The app's metrics."""
    metrics: Metrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
GazetteerDep = Annotated[Gazetteer, Depends(get_gazetteer)]
StoreDep = Annotated[EventStore, Depends(get_store)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]


def get_ingestor(request: Request) -> Ingestor:
    """The write path (extraction, place codes, store) built in the lifespan."""
    ingestor: Ingestor = request.app.state.ingestor
    return ingestor


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key a request carries (``Authorization: Bearer`` or ``X-API-Key``), if any."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return headers.get("x-api-key")


def key_matches(presented: str, keys: list[str]) -> bool:
    """Constant-time comparison against every configured key (no early exit, bytes so that
    a non-ASCII key is a mismatch rather than a TypeError)."""
    given = presented.encode("utf-8", "surrogateescape")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given, key.encode("utf-8", "surrogateescape"))
    return found


def _check_key(request: Request, settings: Settings) -> str:
    """Who is calling: a short fingerprint of the key, or "anonymous" when none is needed."""
    keys = settings.api.api_keys
    if not keys:
        return "anonymous"
    presented = presented_key(request.headers)
    if presented is None or not key_matches(presented, keys):
        raise Unauthorized("This request needs an API key (Authorization: Bearer or X-API-Key)")
    return "key:" + hashlib.sha256(presented.encode()).hexdigest()[:8]


def require_writer(request: Request, settings: SettingsDep) -> str:
    """Writes need a key when GEOEVENTS_API_KEYS is set."""
    return _check_key(request, settings)


def require_reader(request: Request, settings: SettingsDep) -> str:
    """Reads need a key only when GEOEVENTS_READ_REQUIRES_KEY is set."""
    if not settings.api.read_requires_key:
        return "anonymous"
    return _check_key(request, settings)


IngestorDep = Annotated[Ingestor, Depends(get_ingestor)]
WriterDep = Annotated[str, Depends(require_writer)]
ReaderDep = Annotated[str, Depends(require_reader)]


def get_notifier(request: Request) -> ChangeNotifier:
    """The worker's change notifier (made in the lifespan)."""
    notifier: ChangeNotifier = request.app.state.notifier
    return notifier


NotifierDep = Annotated[ChangeNotifier, Depends(get_notifier)]
